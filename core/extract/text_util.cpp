// text_util.cpp — small UTF-8 and ASCII string helpers shared by the extraction steps.
#include "core/extract/text_util.h"

namespace broadsheet::text {

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}

namespace {
char lower_char(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_char(c);
    return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower_char(s[i]) != lower_char(prefix[i])) return false;
    return true;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

std::size_t find_ci(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
    if (needle.size() > haystack.size()) return std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i)
        if (starts_with_ci(haystack.substr(i), needle)) return i;
    return std::string_view::npos;
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
    return find_ci(haystack, needle) != std::string_view::npos;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    std::size_t len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms and surrogates are as invalid as stray bytes.
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII, most bytes of most pages
            ++i;
            continue;
        }
        const std::size_t before = i;
        const char32_t cp = next_code_point(s, i);
        // A literal U+FFFD in the input is three bytes long; a decoding error advances by one.
        if (cp == 0xFFFD && i - before == 1) return false;
    }
    return true;
}

namespace {
bool is_unicode_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}
bool is_invisible(char32_t cp) {
    return cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF || cp == '\r' || cp == '\f' || cp == '\v';
}
}  // namespace

std::string clean_inline(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const char32_t cp = next_code_point(s, i);
        if (is_invisible(cp)) continue;
        if (is_unicode_space(cp) || cp == '\n') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        append_utf8(out, cp);
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(s.substr(start));
            break;
        }
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::vector<std::string> split_trimmed(std::string_view s, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        const auto piece = trim(s.substr(start, end - start));
        if (!piece.empty()) parts.emplace_back(piece);
        start = end + 1;
    }
    return parts;
}

namespace {

// Han ideographs and Japanese kana: scripts written without spaces, where each character is
// counted as a word (a Chinese or Japanese word is one to three of them).
bool is_unspaced_script(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// CJK and full-width punctuation (、。「」！？ ...) separates words like a space.
bool is_wide_punctuation(char32_t cp) {
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65);
}

}  // namespace

std::size_t count_words(std::string_view s) {
    std::size_t words = 0;
    bool in_word = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            const char32_t cp = next_code_point(s, i);
            if (is_unspaced_script(cp) || is_wide_punctuation(cp)) {
                words += is_unspaced_script(cp) ? 1 : 0;
                in_word = false;
                continue;
            }
            if (!in_word) ++words;
            in_word = true;
            continue;
        }
        ++i;
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

std::string fold_quotes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const char32_t cp = next_code_point(s, i);
        switch (cp) {
            case 0x2018:
            case 0x2019:
            case 0x201A:
            case 0x201B:
            case 0x2032:
                out += '\'';
                break;
            case 0x201C:
            case 0x201D:
            case 0x201E:
            case 0x201F:
            case 0x00AB:
            case 0x00BB:
            case 0x2033:
                out += '"';
                break;
            default:
                append_utf8(out, cp);
        }
    }
    return out;
}

bool starts_with_quote_mark(std::string_view s) {
    s = trim(s);
    if (s.empty()) return false;
    if (s.front() == '"' || s.front() == '\'') return true;
    std::size_t i = 0;
    const char32_t cp = next_code_point(s, i);
    return cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0x00AB;
}

bool contains_word(std::string_view haystack, std::string_view word) {
    if (word.empty()) return false;
    const auto is_word_byte = [](char c) {
        return is_ascii_alpha(c) || is_ascii_digit(c) || (static_cast<unsigned char>(c) >= 0x80);
    };
    std::size_t pos = haystack.find(word);
    while (pos != std::string_view::npos) {
        const bool left_ok =
            pos == 0 || !is_word_byte(haystack[pos - 1]) || !is_word_byte(word.front());
        const std::size_t end = pos + word.size();
        const bool right_ok =
            end >= haystack.size() || !is_word_byte(haystack[end]) || !is_word_byte(word.back());
        // "Comment via FacebookComment via Sputnik": a glued capital starts a new word.
        const bool glued_ok = !left_ok && pos > 0 && is_ascii_lower(haystack[pos - 1]) &&
                              is_ascii_upper(word.front());
        if ((left_ok || glued_ok) && right_ok) return true;
        pos = haystack.find(word, pos + 1);
    }
    return false;
}

std::string decode_entities(std::string_view s) {
    struct Named {
        std::string_view name;
        char32_t cp;
    };
    static constexpr Named kNamed[] = {
        {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0x00A0},   {"rsquo", 0x2019},  {"lsquo", 0x2018},
        {"rdquo", 0x201D},  {"ldquo", 0x201C},  {"mdash", 0x2014},  {"ndash", 0x2013},
        {"hellip", 0x2026}, {"eacute", 0x00E9}, {"copy", 0x00A9},   {"uuml", 0x00FC},
        {"ouml", 0x00F6},   {"auml", 0x00E4},   {"ccedil", 0x00E7}, {"egrave", 0x00E8}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const auto semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        const auto ref = s.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (ref.size() >= 2 && ref[0] == '#') {
            const bool hex = ref[1] == 'x' || ref[1] == 'X';
            for (std::size_t k = hex ? 2 : 1; k < ref.size(); ++k) {
                const char c = ref[k];
                int digit = -1;
                if (is_ascii_digit(c)) digit = c - '0';
                if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
                if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
                if (digit < 0 || cp > 0x10FFFF) {
                    cp = 0;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(digit);
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0;
        } else {
            for (const auto& n : kNamed)
                if (ref == n.name) cp = n.cp;
        }
        if (cp == 0) {
            out += s[i];
            continue;
        }
        append_utf8(out, cp);
        i = semi;
    }
    return out;
}

}  // namespace broadsheet::text
