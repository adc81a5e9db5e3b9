// html_dates.cpp — publication dates printed around the headline of a saved page.
#include "core/extract/html_dates.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/extract/dates.h"
#include "core/extract/html_dom.h"
#include "core/extract/text_util.h"

namespace broadsheet::html {
namespace {

// Date lines are short; a longer text is a sentence or a teaser that mentions a date.
constexpr std::size_t kMaxDateLineChars = 80;
// How many text pieces after (or before) the headline a date may sit and still date it.
constexpr std::size_t kNearAfter = 25;
constexpr std::size_t kNearBefore = 12;

struct Piece {
    std::optional<Date> date;  // set for a date line
    bool headline = false;     // the first <h1>
};

// Every date line has a digit (a day or a year); most texts of a page have none and are
// skipped before the date scanner runs.
bool has_digit(std::string_view s) {
    for (char c : s)
        if (text::is_ascii_digit(c)) return true;
    return false;
}

// Whether a child element starts a block of its own (the element is more than one line).
bool has_block_element_child(const xmlNode* node) {
    for (const xmlNode* c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is_block(c)) return true;
    return false;
}

// The date line an inline element's whole text forms ("Stand:" and its date in sibling spans),
// nullopt when the text is too long for a date line or has no digit.
std::optional<DateLine> element_date_line(const xmlNode* node, NumericOrder order) {
    const auto whole = short_text_of(node, kMaxDateLineChars + 1);
    if (!whole || whole->empty() || !has_digit(*whole)) return std::nullopt;
    return classify_date_line(*whole, order);
}

bool is_published(const std::optional<DateLine>& line) {
    return line && line->kind == DateLineKind::Published && line->date;
}

void add_date(std::vector<Piece>& out, const std::optional<Date>& date) {
    Piece piece;
    piece.date = date;
    out.push_back(piece);
}

// Inside a side column or a figure only an element whose class names a date counts
// ("content__meta__date" in a meta column beside the article, "date" under a lead photo).
void collect_marked(const xmlNode* node, NumericOrder order, std::vector<Piece>& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const auto cls = attr(c, "class");
        if (text::contains_ci(cls, "date") && !text::contains_ci(cls, "update")) {
            if (const auto line = element_date_line(c, order); is_published(line))
                add_date(out, line->date);
            continue;
        }
        collect_marked(c, order, out);
    }
}

void collect(const xmlNode* node, NumericOrder order, std::vector<Piece>& out, bool& seen_h1) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            const auto* raw = reinterpret_cast<const char*>(c->content);
            const std::string_view value = text::trim(raw ? raw : "");
            if (value.empty() || value.size() > kMaxDateLineChars) continue;
            if (value.size() == 1 && !text::is_ascii_digit(value.front())) continue;
            Piece piece;
            if (has_digit(value)) {
                const auto line = classify_date_line(value, order);
                if (line.kind == DateLineKind::Published) piece.date = line.date;
            }
            out.push_back(piece);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        const auto name = name_of(c);
        if (name == "script" || name == "style" || name == "noscript" || name == "template")
            continue;
        // A <header> holds the article's own headline, byline and date as often as the site's
        // masthead, and class names are weak evidence here (blogs wrap the post in
        // "widget Blog", its date in "date-header"); certain furniture (navigation, comments,
        // galleries, footers, forms) never dates the article.
        if (name != "header" && furniture_kind(c) == Furniture::Certain) {
            if (name == "aside" || name == "figure" || name == "figcaption")
                collect_marked(c, order, out);
            continue;
        }
        if (name == "h1" && !seen_h1) {
            seen_h1 = true;
            Piece headline;
            headline.headline = true;
            out.push_back(headline);
            continue;  // a date inside the headline is part of its words
        }
        // "Stand:" and its date in sibling spans: the element's whole text is the line.
        if (c->children && c->children->next && !has_block_element_child(c)) {
            if (const auto line = element_date_line(c, order)) {
                if (is_published(line)) {
                    add_date(out, line->date);
                    continue;
                }
                if (line->kind != DateLineKind::NotDateLine) continue;  // updated-only, clock
            }
        }
        collect(c, order, out, seen_h1);
    }
}

}  // namespace

PageDates page_dates(const xmlNode* root, NumericOrder order) {
    std::vector<Piece> pieces;
    bool seen_h1 = false;
    collect(root, order, pieces, seen_h1);
    PageDates result;
    std::size_t headline = pieces.size();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].headline && headline == pieces.size()) headline = i;
        if (pieces[i].date && !result.first_in_page) result.first_in_page = pieces[i].date;
    }
    if (headline == pieces.size()) return result;
    for (std::size_t i = headline + 1; i < pieces.size() && i <= headline + kNearAfter; ++i)
        if (pieces[i].date) {
            result.near_headline = pieces[i].date;
            return result;
        }
    for (std::size_t k = 1; k <= kNearBefore && k <= headline; ++k)
        if (pieces[headline - k].date) {
            result.near_headline = pieces[headline - k].date;
            return result;
        }
    return result;
}

NumericOrder numeric_order_of(const xmlNode* root, std::string_view url) {
    const auto lang = text::to_lower(text::trim(attr(root, "lang")));
    if (!lang.empty())
        return lang == "en" || lang == "en-us" || lang == "en_us" ? NumericOrder::MonthFirst
                                                                  : NumericOrder::DayFirst;
    // The host's last label: "www.example.de/..." → "de".
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        auto host = url.substr(scheme + 3);
        host = host.substr(0, host.find_first_of("/:?#"));
        const auto dot = host.rfind('.');
        if (dot != std::string_view::npos) {
            const auto tld = text::to_lower(host.substr(dot + 1));
            if (tld.size() == 2 && tld != "us") return NumericOrder::DayFirst;
        }
    }
    return NumericOrder::MonthFirst;
}

}  // namespace broadsheet::html
