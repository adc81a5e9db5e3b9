// outlet_words.cpp — open-world outlet evidence: hosts that can name a publisher, a domain read
// as the words a page prints, and self-references ("X is The Fixture's rugby correspondent").
#include <algorithm>
#include <array>

#include "core/extract/outlet.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// A word of running text without the punctuation around it: "(Gazette)," → "Gazette";
// "Fixture's" → "Fixture" (the possessive is reported through `possessive`).
std::string_view bare_word(std::string_view w, bool* possessive = nullptr) {
    auto strip_front = [&] {
        while (!w.empty() && std::string_view("([{\"'*_").find(w.front()) != std::string_view::npos)
            w.remove_prefix(1);
    };
    strip_front();
    bool owner = false;
    while (!w.empty()) {
        if (w.ends_with("'s") || w.ends_with("\u2019s")) {
            w.remove_suffix(w.ends_with("'s") ? 2 : 4);
            owner = true;
        } else if (std::string_view(")]}\"'*_,.;:!?").find(w.back()) != std::string_view::npos) {
            w.remove_suffix(1);
        } else {
            break;
        }
    }
    if (possessive != nullptr) *possessive = owner;
    return w;
}

char lower(char c) {
    return text::is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

bool capitalised(std::string_view word) {
    return !word.empty() && (text::is_ascii_upper(word.front()) ||
                             text::is_ascii_digit(word.front()) || word == "&");
}

// The letters and digits of a word, lower-cased: "Mid-Valley" → "midvalley".
std::string letters_of(std::string_view word) {
    std::string out;
    for (char c : word)
        if (text::is_ascii_alpha(c) || text::is_ascii_digit(c)) out += lower(c);
    return out;
}

// "EASTVALE GAZETTE" → "Eastvale Gazette"; a short acronym ("BBC") stays as printed.
std::string as_printed_name(const std::vector<std::string_view>& words) {
    std::string out;
    bool shouting = true;
    for (auto w : words)
        for (char c : w) shouting &= !text::is_ascii_lower(c);
    for (auto w : words) {
        if (!out.empty()) out += ' ';
        std::string word(w);
        if (shouting && (words.size() > 1 || word.size() > 4))
            for (std::size_t i = 1; i < word.size(); ++i) word[i] = lower(word[i]);
        out += word;
    }
    return out;
}

// The label of a host that spells the publisher's name: the one before the public suffix.
// "www.eastvalegazette.co.uk" → "eastvalegazette"; "news.eastvale.example" → "eastvale" (a
// subdomain such as "news" or "blog" names a section, not the publisher).
std::string name_label(std::string_view host) {
    auto labels = text::split_trimmed(host, '.');
    if (labels.size() < 2) return {};
    labels.pop_back();  // the top-level domain
    static constexpr std::string_view kSecondLevel[] = {"co", "com", "org", "net",
                                                        "ac", "gov", "edu"};
    for (auto generic : kSecondLevel)
        if (labels.size() >= 2 && labels.back() == generic) {
            labels.pop_back();
            break;
        }
    auto label = letters_of(labels.back());
    return label.size() >= 3 ? label : std::string{};
}

// The run of capitalised words in `line` whose letters spell `label`, with a "The" before it.
std::string spelled_run(std::string_view line, std::string_view label) {
    const auto raw = text::split_trimmed(line, ' ');
    std::vector<std::string_view> words;
    for (const auto& w : raw) words.push_back(bare_word(w));
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!capitalised(words[i])) continue;
        std::string spelled;
        for (std::size_t j = i; j < words.size() && capitalised(words[j]); ++j) {
            spelled += letters_of(words[j]);
            if (!label.starts_with(spelled)) break;
            if (spelled.size() < label.size()) continue;
            const std::size_t from = i > 0 && words[i - 1] == "The" ? i - 1 : i;
            return as_printed_name({words.begin() + from, words.begin() + j + 1});
        }
    }
    return {};
}

constexpr std::array<std::string_view, 12> kStaffRoles = {
    "correspondent", "reporter", "editor",       "writer",  "columnist",  "critic",
    "contributor",   "producer", "photographer", "analyst", "journalist", "commentator"};

bool is_staff_role(std::string_view word) {
    const auto w = text::to_lower(bare_word(word));
    for (auto role : kStaffRoles)
        if (w == role || w == std::string(role) + "s") return true;
    return false;
}

// Roles only a publication gives: "an analyst at Northbank" names a bank, not an outlet.
constexpr std::array<std::string_view, 9> kNewsroomRoles = {
    "correspondent", "reporter",   "editor",      "writer",      "columnist",
    "critic",        "journalist", "contributor", "photographer"};

// "the Security Editor at Ars Technica, which ..." → "Ars Technica": a newsroom role (within
// the first five words, after "a", "an" or "the") and the capitalised run after "at", "for" or
// "with", up to a comma or full stop. "" for any other phrase.
std::string newsroom_employer(const std::vector<std::string>& rest) {
    if (rest.empty() || (rest[0] != "a" && rest[0] != "an" && rest[0] != "the")) return {};
    for (std::size_t i = 1; i + 2 < rest.size() && i <= 5; ++i) {
        const auto role = text::to_lower(bare_word(rest[i]));
        const bool newsroom =
            std::find(kNewsroomRoles.begin(), kNewsroomRoles.end(), role) != kNewsroomRoles.end();
        if (!newsroom) continue;
        const auto& prep = rest[i + 1];
        if (prep != "at" && prep != "for" && prep != "with") return {};
        std::vector<std::string_view> owner;
        for (std::size_t k = i + 2; k < rest.size() && owner.size() < 6; ++k) {
            const auto w = bare_word(rest[k]);
            if (!capitalised(w)) break;
            owner.push_back(w);
            const char last = rest[k].back();
            if (last == ',' || last == '.' || last == ';') break;
        }
        return owner.empty() ? std::string{} : as_printed_name(owner);
    }
    return {};
}

}  // namespace

bool is_name_line(std::string_view line) {
    const auto words = text::split_trimmed(line, ' ');
    if (words.empty() || words.size() > 4 || line.size() > 40) return false;
    for (const auto& w : words) {
        if (!capitalised(w) && !(w.size() >= 3 && text::is_ascii_upper(w[1]))) return false;
        for (char c : w)
            if (text::is_ascii_digit(c) ||
                std::string_view(",;:?|/()[]\"*").find(c) != std::string_view::npos)
                return false;
    }
    return true;
}

namespace {

enum class MastheadKind { None, Line, Declared };

// The name a masthead line offers: a logo's alt text or a greeting's object (declared as the
// site's), or the line itself when it is nothing but a name.
// A line as html2text marks it up, plain: "** Welcome to Eastvale News **" and "[Eastvale_News]"
// are "Welcome to Eastvale News" and "Eastvale News" (emphasis, brackets, link underscores).
std::string without_renderer_marks(std::string_view raw) {
    auto line = text::trim(raw);
    while (line.size() > 2 && line.front() == '*' && line.back() == '*')
        line = text::trim(line.substr(1, line.size() - 2));
    if (line.size() > 2 && line.front() == '[' && line.back() == ']')
        line = line.substr(1, line.size() - 2);
    std::string out(line);
    for (std::size_t i = 1; i + 1 < out.size(); ++i)
        if (out[i] == '_' && out[i - 1] != ' ' && out[i + 1] != ' ') out[i] = ' ';
    return out;
}

std::pair<std::string, MastheadKind> masthead_name(std::string_view raw) {
    const auto plain = without_renderer_marks(raw);
    std::string_view line = plain;
    if (auto logo = logo_outlet(line); !logo.empty()) return {logo, MastheadKind::Declared};
    if (text::ends_with_ci(line, " logo") && is_name_line(line.substr(0, line.size() - 5)))
        return {std::string(line.substr(0, line.size() - 5)), MastheadKind::Declared};
    for (std::string_view greeting : {"welcome to ", "thank you for supporting "})
        if (text::starts_with_ci(line, greeting)) {
            const auto rest = line.substr(greeting.size());
            if (is_name_line(rest)) return {std::string(rest), MastheadKind::Declared};
            return {{}, MastheadKind::None};
        }
    if (is_name_line(line)) return {std::string(line), MastheadKind::Line};
    return {{}, MastheadKind::None};
}

enum class Signature { None, Line, Marked };

// How `foot` signs with `name`: "About X", "© X", "X®" or "X™" (marked), or a line of its own.
Signature signature_in(std::string_view foot, std::string_view name) {
    Signature found = Signature::None;
    for (auto pos = foot.find(name); pos != std::string_view::npos;
         pos = foot.find(name, pos + 1)) {
        const auto line_start =
            foot.rfind('\n', pos) == std::string_view::npos ? 0 : foot.rfind('\n', pos) + 1;
        const auto line_end = std::min(foot.find('\n', pos), foot.size());
        const auto line = text::trim(foot.substr(line_start, line_end - line_start));
        if (line == name) found = Signature::Line;
        const auto before = text::to_lower(foot.substr(line_start, pos - line_start));
        const auto after = foot.substr(pos + name.size());
        // html2text links "About_X".
        if (before.ends_with("about ") || before.ends_with("about_") ||
            before.find("\u00A9") != std::string::npos ||
            before.find("copyright") != std::string::npos || after.starts_with("\u00AE") ||
            after.starts_with("\u2122"))
            return Signature::Marked;
    }
    return found;
}

// The page's foot: its last quarter, and the lines around its last copyright notice, which
// forms and tracking images a renderer prints after it can push out of the last quarter.
std::vector<std::string_view> foot_regions(std::string_view text) {
    constexpr std::size_t kAroundNotice = 600;
    std::vector<std::string_view> regions{text.substr(text.size() - text.size() / 4)};
    if (const auto notice = text.rfind("\u00A9"); notice != std::string_view::npos) {
        const auto from = notice > kAroundNotice ? notice - kAroundNotice : 0;
        regions.push_back(text.substr(from, 2 * kAroundNotice));
    }
    return regions;
}

// How the page's foot signs with `name` (the strongest signature of its regions).
Signature footer_signature(std::string_view text, std::string_view name) {
    const auto regions = foot_regions(text);
    const auto in_tail = signature_in(regions[0], name);
    if (in_tail == Signature::Marked || regions.size() < 2) return in_tail;
    const auto around = signature_in(regions[1], name);
    return around != Signature::None ? around : in_tail;
}

// "CNET", "eHow", "GitLab": a word in capitals or with a capital inside.
bool is_styled_word(std::string_view word) {
    std::size_t inner_capitals = 0;
    for (std::size_t i = 1; i < word.size(); ++i) inner_capitals += text::is_ascii_upper(word[i]);
    return inner_capitals > 0;
}

// A name a byline or a photo credit gives ("By Jo Marsh", "Photo: Jo Marsh"): a person.
bool is_bylined(std::string_view text, std::string_view name) {
    for (std::string_view by : {"By ", "by ", "Photo: ", "Photo by ", "photo by "})
        if (text.find(std::string(by) + std::string(name)) != std::string_view::npos) return true;
    return false;
}

// Whether `line` is a copyright notice: "©", "(C)" or the word "Copyright".
bool is_copyright_notice(std::string_view line) {
    return line.find("\u00A9") != std::string_view::npos ||
           line.find("(C)") != std::string_view::npos ||
           line.find("(c)") != std::string_view::npos || text::contains_ci(line, "copyright");
}

// Whether a copyright notice in the page's foot names the brand a masthead line begins with:
// its first word as a word of the notice or a label of a domain there ("Mozilla" and
// "©1998–2015 by individual mozilla.org contributors"; "Yahoo!ニュース" and "Copyright (C)
// 2017 Yahoo Japan Corporation"). A button or a section ("Insights") is in no notice.
bool named_in_copyright(std::string_view text, std::string_view name) {
    const auto brand = letters_of(name.substr(0, name.find(' ')));
    if (brand.size() < 3) return false;
    for (const auto foot : foot_regions(text))
        for (const auto raw : text::split_lines(foot)) {
            if (!is_copyright_notice(raw)) continue;
            for (const auto& word : text::split_trimmed(raw, ' '))
                for (const auto& label : text::split_trimmed(word, '.'))
                    if (letters_of(label) == brand) return true;
        }
    return false;
}

// Whether a name line among the first lines is the site's: it signs the page's foot (marked
// when it is one plain word: "Insights" and "Copied" stand alone as buttons and sections), or
// the copyright notice names its brand, and it is no writer's name.
bool confirmed_masthead_line(std::string_view text, std::string_view name) {
    const auto signature = footer_signature(text, name);
    const bool plain_word = name.find(' ') == std::string_view::npos && !is_styled_word(name);
    const bool signed_foot =
        signature != Signature::None && (!plain_word || signature == Signature::Marked);
    if (!signed_foot && !named_in_copyright(text, name)) return false;
    return !is_bylined(text, name);
}

// How often `name` stands in `text` as whole words, case as given.
std::size_t count_word_occurrences(std::string_view text, std::string_view name) {
    std::size_t count = 0;
    for (auto pos = text.find(name); pos != std::string_view::npos;
         pos = text.find(name, pos + 1)) {
        const auto end = pos + name.size();
        const bool open_before = pos == 0 || !text::is_ascii_alpha(text[pos - 1]);
        const bool open_after = end >= text.size() || !text::is_ascii_alpha(text[end]);
        count += open_before && open_after;
    }
    return count;
}

}  // namespace

std::string masthead_outlet(const std::vector<std::string>& first_lines, std::string_view text) {
    constexpr std::size_t kMinRepeats = 3;
    std::string best;
    std::size_t best_count = kMinRepeats - 1;
    for (const auto& line : first_lines) {
        const auto [name, kind] = masthead_name(line);
        if (kind == MastheadKind::None) continue;
        // A name line may be a section, a teaser's button or a person; the site's name also
        // signs the page's foot.
        const auto count = count_word_occurrences(text, name);
        if (count <= best_count) continue;
        if (kind == MastheadKind::Line && !confirmed_masthead_line(text, name)) continue;
        best = name;
        best_count = count;
    }
    return best;
}

namespace {

// How often a name read from the page's foot must be printed in the page to be its site's.
constexpr std::size_t kMinFootRepeats = 3;

// A footer or menu line as plain words: bullets and list numbers before it, html2text's link
// underscores ("About_eHow") and starred emphasis around it dropped.
std::string plain_menu_line(std::string_view line) {
    line = text::trim(line);
    for (std::string_view bullet : {"\u2022", "\u25A1", "*", "o ", "+", "-"})
        while (line.starts_with(bullet)) line = text::trim(line.substr(bullet.size()));
    while (!line.empty() && (text::is_ascii_digit(line.front()) || line.front() == '.'))
        line.remove_prefix(1);
    std::string out(text::trim(line));
    for (std::size_t i = 1; i + 1 < out.size(); ++i)
        if (out[i] == '_' && out[i - 1] != ' ' && out[i + 1] != ' ') out[i] = ' ';
    while (!out.empty() && (out.back() == '*' || out.back() == ' ')) out.pop_back();
    return out;
}

// "About Us", "About This Site", "About Our Ads": pages of the site, not its name.
bool names_a_page(std::string_view name) {
    static constexpr std::string_view kNotNames[] = {"us",    "me",  "our",  "your", "this",
                                                     "these", "the", "my",   "ads",  "cookies",
                                                     "him",   "her", "them", "it"};
    const auto first = text::to_lower(name.substr(0, name.find(' ')));
    return std::find(std::begin(kNotNames), std::end(kNotNames), first) != std::end(kNotNames);
}

// "Ars" → "Ars Technica" when the page prints the longer name at least `min_repeats` times and
// in at least a third of the places it prints the short one ("IAB Tech" in 6 of 66 "IAB"s is a
// department of IAB, not its full name).
std::string fullest_form(std::string_view text, const std::string& name, std::size_t min_repeats) {
    const auto short_count = count_word_occurrences(text, name);
    std::string best = name;
    std::size_t best_count = 0;
    for (auto pos = text.find(name + " "); pos != std::string_view::npos;
         pos = text.find(name + " ", pos + 1)) {
        const auto next_start = pos + name.size() + 1;
        auto next_end = next_start;
        while (next_end < text.size() && (text::is_ascii_alpha(text[next_end]) ||
                                          static_cast<unsigned char>(text[next_end]) >= 0x80))
            ++next_end;
        const auto next = text.substr(next_start, next_end - next_start);
        if (!capitalised(next)) continue;
        const auto longer = name + " " + std::string(next);
        const auto count = count_word_occurrences(text, longer);
        if (count >= min_repeats && 3 * count >= short_count && count > best_count) {
            best = longer;
            best_count = count;
        }
    }
    return best;
}

// Sites sign the foot of their pages ("About X", "More from X"): of the names `name_in` reads
// from the lines of the page's second half, the one the page prints most often, at least three
// times ("" when none is).
template <class NameIn>
std::string most_printed_foot_name(std::string_view text, NameIn&& name_in) {
    std::string best;
    std::size_t best_count = kMinFootRepeats - 1;
    for (const auto raw : text::split_lines(text.substr(text.size() / 2))) {
        const std::string name = name_in(plain_menu_line(raw));
        if (name.empty()) continue;
        const auto count = count_word_occurrences(text, name);
        if (count <= best_count) continue;
        best = name;
        best_count = count;
    }
    return best;
}

}  // namespace

std::string about_outlet(std::string_view text) {
    const auto name = most_printed_foot_name(text, [](const std::string& line) {
        if (!line.starts_with("About ")) return std::string();
        auto about = line.substr(6);
        return is_name_line(about) && !names_a_page(about) ? about : std::string();
    });
    return name.empty() ? name : fullest_form(text, name, kMinFootRepeats);
}

std::string more_from_outlet(std::string_view text) {
    return most_printed_foot_name(text, [text](std::string line) {
        while (line.ends_with(':') || line.ends_with(' ')) line.pop_back();
        if (!text::starts_with_ci(line, "more from ")) return std::string();
        const std::string_view rest = std::string_view(line).substr(10);
        if (!is_name_line(rest) || names_a_page(rest)) return std::string();
        std::vector<std::string_view> words;
        for (const auto& w : text::split_trimmed(rest, ' '))
            words.push_back(rest.substr(rest.find(w), w.size()));
        auto name = as_printed_name(words);
        // "More from Jo Marsh": the writer's other stories.
        return is_bylined(text, name) ? std::string() : std::string(name);
    });
}

bool is_public_host(std::string_view host) {
    if (host.empty() || host.find('.') == std::string_view::npos) return false;  // "localhost"
    if (host.ends_with(".localhost") || host.ends_with(".local")) return false;
    bool numeric = true;
    for (char c : host) numeric &= text::is_ascii_digit(c) || c == '.';
    return !numeric;  // "127.0.0.1"
}

std::string domain_words_outlet(std::string_view host, const std::vector<std::string>& lines) {
    const auto label = name_label(host);
    if (label.empty()) return {};
    for (const auto& line : lines)
        if (auto name = spelled_run(line, label); !name.empty()) return name;
    return {};
}

std::string self_reference_outlet(std::string_view raw) {
    const auto line = text::trim(raw);
    // A writer's note may go on to name earlier employers and an address (40 words or so).
    if (text::count_words(line) > 45) return {};
    const auto is = line.find(" is ");
    if (is == std::string_view::npos) return {};
    // The subject is a person's name: one to four capitalised words opening the line.
    const auto subject = text::split_trimmed(line.substr(0, is), ' ');
    if (subject.empty() || subject.size() > 4) return {};
    for (const auto& w : subject)
        if (!capitalised(bare_word(w))) return {};
    const auto rest = text::split_trimmed(line.substr(is + 4), ' ');
    if (auto employer = newsroom_employer(rest); !employer.empty()) return employer;
    // "The Fixture's rugby correspondent", "the Eastvale Gazette's chief reporter".
    std::vector<std::string_view> owner;
    std::size_t i = 0;
    for (; i < rest.size() && owner.size() < 6; ++i) {
        bool possessive = false;
        const auto w = bare_word(rest[i], &possessive);
        if (!capitalised(w) && !(i == 0 && w == "the")) return {};
        owner.push_back(w);
        if (possessive) break;
    }
    if (i >= rest.size() || owner.empty() || (owner.size() == 1 && owner[0] == "the")) return {};
    for (std::size_t k = i + 1; k < rest.size() && k <= i + 4; ++k)
        if (is_staff_role(rest[k])) {
            std::string name = as_printed_name(owner);
            if (name.starts_with("the ")) name[0] = 'T';
            return name;
        }
    return {};
}

}  // namespace broadsheet
