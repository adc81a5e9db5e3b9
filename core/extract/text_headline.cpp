// text_headline.cpp — the headline of a text by its layout: in a page rendered to text (w3m,
// lynx, html2text) the line after the chrome and before the byline, date line, standfirst and
// body, confirmed by its repeats; in a plain text the first plausible line.
#include <optional>
#include <string>
#include <vector>

#include "core/extract/byline.h"
#include "core/extract/dateline.h"
#include "core/extract/dates.h"
#include "core/extract/text_layout.h"
#include "core/extract/text_util.h"

namespace broadsheet::text_layout {
namespace {

// A list bullet, a bracketed link or a <link> line of a rendered page ("• News", "* Login",
// "[facebook]", "#alternate"):
// menus and share bars, which the headline never is and which end the search above the story.
bool is_rendered_list_item(std::string_view line) {
    line = text::trim(line);
    for (std::string_view bullet : {"\u2022", "* ", "\u25A1", "\u25A0", "\u25E6", "+ ", "["})
        if (line.starts_with(bullet)) return true;
    // lynx prints a page's <link> elements first: "#alternate", "#RSS Feed".
    return line.size() > 1 && line[0] == '#' && line[1] != ' ' && line[1] != '#';
}

// The first plausible line that is not a caption, a byline or a date line, before the first
// long paragraph. Kickers and section labels ("WORLD NEWS", "Opinion") are short; a headline of
// three words or fewer is taken only when no longer one follows.
std::optional<std::size_t> find_headline_line(const std::vector<Unit>& units) {
    std::optional<std::size_t> weak;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < units.size() && seen < kHeaderUnits; ++i) {
        const Unit& u = units[i];
        if (u.role != Role::Body) continue;
        ++seen;
        if (text::count_words(u.text) >= kBodyParagraphWords) break;
        if (parse_dateline(u.text)) break;  // wire copy pasted without its headline
        if (classify_date_line(u.text).kind != DateLineKind::NotDateLine) continue;
        if (parse_byline(u.text)) continue;
        if (looks_like_caption(u.text) || !plausible_headline(u.text)) continue;
        if (is_rendered_list_item(u.text)) continue;
        if (text::count_words(u.text) <= 3) {
            if (!weak) weak = i;
            continue;
        }
        return i;
    }
    return weak;
}

// A long paragraph that ends like a sentence: article text, or a cookie or consent notice.
bool is_long_paragraph(const Unit& u) {
    return u.role == Role::Body && !u.link_only &&
           text::count_words(u.text) >= kBodyParagraphWords && ends_like_sentence(u.text);
}

// Where the prose sections of a rendered page start, in order, at most `limit`: long paragraphs
// with no long paragraph in the few units above them. The first is usually the article (browsers'
// dumps put dozens of menu lines first); a consent notice may come before it.
std::vector<std::size_t> section_starts(const std::vector<Unit>& units, std::size_t limit) {
    constexpr std::size_t kGap = 4;
    std::vector<std::size_t> starts;
    std::optional<std::size_t> last_long;
    for (std::size_t i = 0; i < units.size() && starts.size() < limit; ++i) {
        if (!is_long_paragraph(units[i])) continue;
        if (!last_long || i - *last_long > kGap) starts.push_back(i);
        last_long = i;
    }
    return starts;
}

// A date line or byline, also as a list item ("  • 24 July 2015" under a BBC headline).
bool is_date_or_byline(std::string_view line) {
    line = text::trim(line);
    for (std::string_view bullet : {"\u2022 ", "* "})
        if (line.starts_with(bullet)) line = text::trim(line.substr(bullet.size()));
    return classify_date_line(line).kind != DateLineKind::NotDateLine || parse_byline(line);
}

// A counter or a teaser link: "75 with 51 posters participating", "941 comments", "View this
// image ›", "Up Next Governments suck at ...". Pages print them around the headline.
bool is_counter_or_teaser(std::string_view line) {
    line = text::trim(line);
    for (std::string_view arrow : {"\u203A", "\u00BB", "\u2192", ">"})
        if (line.ends_with(arrow)) return true;
    for (std::string_view prefix : {"up next", "next:", "previous:", "view this ", "see also"})
        if (text::starts_with_ci(line, prefix)) return true;
    bool digit = false;
    for (char c : line) digit |= text::is_ascii_digit(c);
    if (!digit || text::count_words(line) > 8) return false;
    const auto lowered = text::to_lower(line);
    for (std::string_view word :
         {"comment", "posters", "participating", "replies", "views", "shares", "reactions"})
        if (lowered.find(word) != std::string::npos) return true;
    return false;
}

// A credit of names and places: "Analysis: Jon Sopel, BBC News, Washington". Three or more
// comma-separated runs of one to three capitalised words, the last one or two words long.
bool is_credit_list(std::string_view line) {
    const auto parts = text::split_trimmed(line, ',');
    if (parts.size() < 3 || text::count_words(line) > 10) return false;
    for (const auto& part : parts) {
        const auto words = text::split_trimmed(part, ' ');
        if (words.empty() || words.size() > 3) return false;
        for (const auto& w : words)
            if (!text::is_ascii_upper(w.front())) return false;
    }
    return text::count_words(parts.back()) <= 2;
}

// A line that may be the headline of a rendered page: plausible, four words or more, not a
// caption, counter, credit, date line or byline, and not a statement (a standfirst or a
// quotation ends like a sentence; a headline asks or exclaims at most).
bool rendered_headline_candidate(const Unit& u) {
    if (u.role != Role::Body || is_rendered_list_item(u.text)) return false;
    if (text::count_words(u.text) < 4 || looks_like_caption(u.text) || is_date_or_byline(u.text))
        return false;
    if (is_counter_or_teaser(u.text) || is_credit_list(u.text)) return false;
    const bool statement =
        ends_like_sentence(u.text) && !u.text.ends_with('?') && !u.text.ends_with('!');
    return !statement && !text::starts_with_quote_mark(u.text) && plausible_headline(u.text);
}

// Lower-cased with quotes folded and renderers' marks gone: how repeats of a line are compared.
std::string repeat_key(std::string_view line) {
    std::string out;
    for (const auto& word : text::split_trimmed(text::fold_quotes(line), ' ')) {
        std::string w = text::to_lower(word);
        for (char& c : w)
            if (c == '_') c = ' ';  // html2text joins a link's words with underscores
        if (w.find_first_not_of("*#[]") == std::string::npos) continue;
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

bool is_word_byte(char c) {
    return text::is_ascii_alpha(c) || text::is_ascii_digit(c) ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Whether `other` repeats the headline `key`: the same line, a breadcrumb ending with it ("News >
// 2015 > Headline"), or a page title starting with it ("Headline - Site").
bool repeats(std::string_view other, std::string_view key) {
    const auto pos = other.find(key);
    if (pos == std::string_view::npos) return false;
    const bool open_before = pos == 0 || !is_word_byte(other[pos - 1]);
    const auto after = pos + key.size();
    const bool open_after = after == other.size() || !is_word_byte(other[after]);
    const bool at_edge = pos <= 2 || after + 2 >= other.size();
    return open_before && open_after && at_edge;
}

// Whether the headline candidate `i` is printed again elsewhere in the page, not next to itself
// (a teaser prints its headline twice in a row: an image's alt text and the link).
bool repeated_elsewhere(const std::vector<Unit>& units, std::size_t i,
                        const std::vector<std::string>& keys) {
    const auto& key = keys[i];
    for (std::size_t j = 0; j < units.size(); ++j) {
        if (j + 1 >= i && j <= i + 1) continue;
        if (keys[j].size() >= key.size() && keys[j].size() <= key.size() + 200 &&
            repeats(keys[j], key))
            return true;
    }
    return false;
}

// Whether a date line or byline stands below `window[k]`, a standfirst at most between.
bool dated_below(const std::vector<Unit>& units, const std::vector<std::size_t>& window,
                 std::size_t k) {
    if (k >= 1 && is_date_or_byline(units[window[k - 1]].text)) return true;
    return k >= 2 && is_date_or_byline(units[window[k - 2]].text) &&
           !rendered_headline_candidate(units[window[k - 1]]);
}

// How strongly the layout says unit `window[k]` is the headline: a date line or byline below it
// (a standfirst may stand between, not another headline) or above it, a longer standfirst right
// below it, a repeat elsewhere, a heading mark.
int headline_score(const std::vector<Unit>& units, const std::vector<std::size_t>& window,
                   std::size_t k, const std::vector<std::string>& keys) {
    const Unit& u = units[window[k]];
    int score = 0;
    if (dated_below(units, window, k)) {
        score += 2;
    } else if (k >= 1 && !(k >= 2 && is_date_or_byline(units[window[k - 2]].text)) &&
               text::count_words(units[window[k - 1]].text) > text::count_words(u.text)) {
        score += 1;  // a standfirst, not a headline over its own date line
    }
    if (k + 1 < window.size() && is_date_or_byline(units[window[k + 1]].text)) score += 1;
    if (repeated_elsewhere(units, window[k], keys)) score += 2;
    if (u.heading > 0) score += 1;
    return score;
}

struct Scored {
    std::optional<std::size_t> unit;
    int score = -1;
    bool dated = false;  // a date line or byline stands below it, a standfirst at most between
};

// The best-scored candidate among the lines just above `start`; among equals the one nearest
// the start (chrome lies further up). List bullets (menus, share bars) are passed over without
// counting.
Scored best_above(const std::vector<Unit>& units, std::size_t start,
                  const std::vector<std::string>& keys) {
    constexpr std::size_t kWindow = 12;
    std::vector<std::size_t> window;  // body units above the start, nearest first
    for (std::size_t j = start; j-- > 0 && window.size() < kWindow;)
        if (units[j].role == Role::Body &&
            (!is_rendered_list_item(units[j].text) || is_date_or_byline(units[j].text)))
            window.push_back(j);
    Scored best;
    for (std::size_t k = window.size(); k-- > 0;) {  // top to bottom
        if (!rendered_headline_candidate(units[window[k]])) continue;
        const int score = headline_score(units, window, k, keys);
        if (score >= best.score) best = {window[k], score, dated_below(units, window, k)};
    }
    return best;
}

// The headline of a rendered page: the best candidate above the first prose section, unless
// that one has no date line or byline below it and a later section (after a consent notice,
// say) has one that does.
std::optional<std::size_t> find_anchored_headline(const std::vector<Unit>& units) {
    constexpr std::size_t kSections = 4;
    const auto starts = section_starts(units, kSections);
    if (starts.empty()) return std::nullopt;
    std::vector<std::string> keys;
    keys.reserve(units.size());
    for (const Unit& u : units) keys.push_back(repeat_key(u.text));
    Scored first;
    for (std::size_t s = 0; s < starts.size(); ++s) {
        const Scored best = best_above(units, starts[s], keys);
        if (best.dated) return best.unit;
        if (s == 0) first = best;
    }
    return first.unit;
}

}  // namespace

std::optional<std::size_t> find_layout_headline(const std::vector<Unit>& units) {
    // A rendered page's headings keep their level (html2text's starred lines): the first
    // plausible one of the top level present is the headline.
    std::optional<std::size_t> heading;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        if (u.role != Role::Body || u.heading == 0 || !plausible_headline(u.text)) continue;
        if (!heading || u.heading < units[*heading].heading) heading = i;
    }
    if (heading) return heading;
    if (const auto anchored = find_anchored_headline(units)) return anchored;
    return find_headline_line(units);
}

}  // namespace broadsheet::text_layout
