// markdown.cpp — a forgiving scanner for the markdown subset scraped articles use.
#include "core/extract/markdown.h"

#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// Finds the ')' closing a link target that starts at `open` ('('), allowing nested parens.
std::size_t closing_paren(std::string_view s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && --depth == 0) return i;
        if (s[i] == '\n') break;
    }
    return std::string_view::npos;
}

// Finds the ']' matching the '[' at `open`, skipping escaped brackets.
std::size_t closing_bracket(std::string_view s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '[') ++depth;
        if (s[i] == ']' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

bool is_emphasis_char(char c) {
    return c == '*' || c == '_';
}

// Emphasis markers open before a word and close after one; '*' between spaces ("5 * 3") or
// underscores inside words ("snake_case") are literal.
bool is_emphasis_run(std::string_view s, std::size_t i, std::size_t run) {
    const char before = i == 0 ? ' ' : s[i - 1];
    const char after = i + run < s.size() ? s[i + run] : ' ';
    const bool opens = after != ' ' && (before == ' ' || !text::is_ascii_alpha(before));
    const bool closes = before != ' ' && (after == ' ' || !text::is_ascii_alpha(after));
    if (s[i] == '_' && text::is_ascii_alpha(before) && text::is_ascii_alpha(after)) return false;
    return opens || closes;
}

}  // namespace

std::string strip_markdown_inline(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && !text::is_ascii_alpha(s[i + 1]) &&
            !text::is_ascii_digit(s[i + 1]) && s[i + 1] != ' ') {
            out += s[++i];
            continue;
        }
        const bool image = c == '!' && i + 1 < s.size() && s[i + 1] == '[';
        if (c == '[' || image) {
            const std::size_t open = image ? i + 1 : i;
            const std::size_t close = closing_bracket(s, open);
            if (close != std::string_view::npos) {
                std::size_t after = close + 1;
                bool is_link = false;
                if (after < s.size() && s[after] == '(') {
                    const std::size_t end = closing_paren(s, after);
                    if (end != std::string_view::npos) {
                        after = end + 1;
                        is_link = true;
                    }
                } else if (after < s.size() && s[after] == '[') {
                    const std::size_t end = closing_bracket(s, after);
                    if (end != std::string_view::npos) {
                        after = end + 1;
                        is_link = true;
                    }
                }
                if (is_link) {
                    if (!image) out += strip_markdown_inline(s.substr(open + 1, close - open - 1));
                    i = after - 1;
                    continue;
                }
            }
        }
        if (c == '<') {
            const std::size_t close = s.find('>', i);
            if (close != std::string_view::npos) {
                const auto inner = s.substr(i + 1, close - i - 1);
                if (inner.starts_with("http://") || inner.starts_with("https://") ||
                    inner.starts_with("mailto:")) {
                    out += inner;
                    i = close;
                    continue;
                }
                const bool tag = !inner.empty() && inner.find(' ') != 0 &&
                                 (text::is_ascii_alpha(inner.front()) || inner.front() == '/') &&
                                 inner.find('<') == std::string_view::npos;
                if (tag) {
                    i = close;
                    continue;
                }
            }
        }
        if (is_emphasis_char(c)) {
            std::size_t run = 1;
            while (i + run < s.size() && s[i + run] == c) ++run;
            if (run <= 3 && is_emphasis_run(s, i, run)) {
                i += run - 1;
                continue;
            }
        }
        if (c == '`') continue;
        out += c;
    }
    return text::clean_inline(out);
}

MarkdownLine parse_markdown_line(std::string_view raw) {
    MarkdownLine line;
    std::string_view s = text::trim(raw);
    std::size_t hashes = 0;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes <= 6 && (hashes == s.size() || s[hashes] == ' ')) {
        line.heading = static_cast<int>(hashes);
        s = text::trim(s.substr(hashes));
        while (!s.empty() && s.back() == '#') s.remove_suffix(1);  // closing "## Title ##"
        s = text::trim(s);
    }
    while (s.starts_with(">")) s = text::trim(s.substr(1));  // blockquote
    // List markers: "- item", "* item", "+ item", "1. item".
    if (s.size() > 2 && (s[0] == '-' || s[0] == '+' || (s[0] == '*' && s[1] == ' ')) && s[1] == ' ')
        s = text::trim(s.substr(2));
    const auto trimmed_for_emphasis = s;
    if ((trimmed_for_emphasis.starts_with("*") && trimmed_for_emphasis.ends_with("*")) ||
        (trimmed_for_emphasis.starts_with("_") && trimmed_for_emphasis.ends_with("_")))
        line.emphasised = trimmed_for_emphasis.size() > 2;
    line.text = strip_markdown_inline(s);
    // Nothing but images and links, once the link texts are set aside?
    std::string without_links;
    bool saw_link = false, saw_image = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
        if (s[i] == '[' || image) {
            const std::size_t open = image ? i + 1 : i;
            const std::size_t close = closing_bracket(s, open);
            if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
                const std::size_t end = closing_paren(s, close + 1);
                if (end != std::string_view::npos) {
                    (image ? saw_image : saw_link) = true;
                    i = end;
                    continue;
                }
            }
        }
        without_links += s[i];
    }
    // Keep the stripped string alive: trim() returns a view into it.
    const std::string stripped = strip_markdown_inline(without_links);
    const auto rest = text::trim(stripped);
    bool only_punct = true;
    for (char c : rest)
        if (text::is_ascii_alpha(c) || text::is_ascii_digit(c)) only_punct = false;
    if (only_punct) {
        line.image_only = saw_image && !saw_link;
        line.link_only = saw_link;
    }
    return line;
}

bool looks_like_markdown(std::string_view text) {
    int signals = 0;
    std::size_t line_no = 0;
    for (auto line : text::split_lines(text)) {
        const auto t = text::trim(line);
        if (t.empty()) continue;
        ++line_no;
        if (line_no <= 12 && t.starts_with("# ")) signals += 2;
        if (t.starts_with("## ")) ++signals;
        if (text::starts_with_ci(t, "by [")) signals += 2;
        if (t.find("](") != std::string_view::npos) ++signals;
        // "****** Title ******" is html2text's heading, not markdown's bold.
        if (t.starts_with("**") && !t.starts_with("***") && t.ends_with("**") && t.size() > 4)
            ++signals;
    }
    return signals >= 2;
}

}  // namespace broadsheet
