// plain_text.cpp — layout analysis of plain, scraped and markdown text: the units and the order
// of the passes (text_passes.cpp) that read headline, byline, dates and body from them.
#include "core/extract/plain_text.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/extract/boilerplate.h"
#include "core/extract/byline.h"
#include "core/extract/dates.h"
#include "core/extract/front_matter.h"
#include "core/extract/markdown.h"
#include "core/extract/outlet.h"
#include "core/extract/text_layout.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace text_layout {
namespace {

// Bulleted or numbered lines are a list in the article (key points), never wrapped prose or a
// menu.
bool is_list_block(const std::vector<std::string>& block) {
    for (const auto& l : block)
        if (l.starts_with("\u2022") || l.starts_with("- ") || l.starts_with("* ") ||
            (l.size() > 2 && text::is_ascii_digit(l[0]) && l[1] == '.'))
            return true;
    return false;
}

// Hard-wrapped prose: every line but the last about as long as the others. Wrapping breaks
// sentences, so most wrapped lines continue in lowercase; stacked headlines start with capitals.
bool is_wrapped_prose(const std::vector<std::string>& block) {
    std::size_t min_len = SIZE_MAX, max_len = 0;
    for (std::size_t i = 0; i + 1 < block.size(); ++i) {
        min_len = std::min(min_len, block[i].size());
        max_len = std::max(max_len, block[i].size());
    }
    std::size_t continued = 0;
    for (std::size_t i = 1; i < block.size(); ++i)
        if (text::is_ascii_lower(block[i].front())) ++continued;
    return block.size() >= 2 && min_len >= 45 && max_len <= 110 && max_len - min_len <= 30 &&
           continued * 2 >= block.size() - 1;
}

// A headline a renderer wrapped at its screen width (72 to 80 columns): a long first line
// without an end mark, its rest on one shorter line that is no byline or date line.
bool is_wrapped_headline(const std::vector<std::string>& block) {
    if (block.size() != 2) return false;
    const auto width = block[0].size();
    return width >= 60 && width <= 80 && block[1].size() < width && !ends_like_sentence(block[0]) &&
           block[0].back() != ':' && !parse_byline(block[1]) &&
           classify_date_line(block[1]).kind == DateLineKind::NotDateLine;
}

// A stack of three or more short lines without sentence punctuation is a menu ("News / Sport /
// Weather", "Share this with / Email / Facebook"). Date lines and bylines stacked under a
// headline are not menu items.
bool is_menu_stack(const std::vector<std::string>& block) {
    std::size_t items = 0, short_items = 0;
    bool prose = false;
    for (const auto& l : block) {
        if (classify_date_line(l).kind != DateLineKind::NotDateLine || parse_byline(l)) continue;
        ++items;
        prose |= text::count_words(l) > 8 || ends_like_sentence(l);
        short_items += text::count_words(l) <= 4 && l.size() <= 40;
    }
    return items >= 3 && !prose && short_items * 3 >= items * 2;
}

// A block of consecutive non-blank plain lines: one joined unit when it is wrapped prose, else a
// unit per line.
void add_plain_block(std::vector<std::string>& block, std::vector<Unit>& units) {
    if (block.empty()) return;
    const bool list = is_list_block(block);
    if ((is_wrapped_prose(block) || is_wrapped_headline(block)) && !list) {
        std::string joined;
        for (const auto& l : block) joined += (joined.empty() ? "" : " ") + l;
        units.push_back({joined});
    } else {
        const bool menu = is_menu_stack(block) && !list;
        for (auto& l : block) {
            units.push_back({l});
            units.back().in_menu = menu;
        }
    }
    block.clear();
}

// A markdown line as a unit, with a setext underline ("Title" over === or ---) consumed as its
// heading level. False for a line that holds nothing.
bool read_markdown_unit(const std::vector<std::string_view>& lines, std::size_t& i,
                        std::vector<Unit>& units) {
    auto md = parse_markdown_line(text::trim(lines[i]));
    if (md.heading == 0 && i + 1 < lines.size()) {
        const auto next = text::trim(lines[i + 1]);
        const bool eq = !next.empty() && next.find_first_not_of('=') == std::string::npos;
        const bool dash = next.size() >= 3 && next.find_first_not_of('-') == std::string::npos;
        if (eq || dash) {
            md.heading = eq ? 1 : 2;
            ++i;
        }
    }
    if (md.text.empty() && !md.image_only && !md.link_only) return false;
    units.push_back(Unit{md.text, md.heading, md.link_only, md.image_only});
    return true;
}

// Joins a paragraph a scraper split mid-sentence ("collaboration" / "and coordination?").
void join_broken_paragraphs(std::vector<Unit>& units) {
    for (std::size_t i = 0; i + 1 < units.size();) {
        Unit& a = units[i];
        const Unit& b = units[i + 1];
        const bool a_open = a.heading == 0 && a.text.size() >= 40 && !ends_like_sentence(a.text) &&
                            !is_chrome(a.text);
        const bool b_continues = b.heading == 0 && !b.text.empty() &&
                                 text::is_ascii_lower(b.text.front()) && !parse_byline(b.text) &&
                                 classify_date_line(b.text).kind == DateLineKind::NotDateLine;
        if (a_open && b_continues && !b.link_only) {
            a.text += " " + b.text;
            units.erase(units.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        } else {
            ++i;
        }
    }
}

// Leading asterisks of a heading as html2text prints it ("****** Title ******", six for <h1>,
// five for <h2> ...), or 0. The text may wrap, the closing run on a later line.
std::size_t starred_heading_stars(std::string_view line) {
    const auto stars = line.find_first_not_of('*');
    if (stars < 3 || stars == std::string_view::npos || line[stars] != ' ') return 0;
    return stars;
}

// A starred heading from line `i` on (up to three wrapped lines) as a unit with its level;
// false when the closing run of stars is not found.
bool read_starred_heading(const std::vector<std::string_view>& lines, std::size_t& i,
                          std::vector<Unit>& units) {
    const auto first = text::trim(lines[i]);
    const auto stars = starred_heading_stars(first);
    if (stars == 0) return false;
    const std::string closing = " " + std::string(stars, '*');
    std::string joined;
    for (std::size_t k = i; k < lines.size() && k < i + 3; ++k) {
        const auto line = text::trim(lines[k]);
        joined += (joined.empty() ? "" : " ") + std::string(line);
        if (!line.ends_with(closing)) continue;
        const auto inner = text::trim(
            std::string_view(joined).substr(stars, joined.size() - stars - closing.size()));
        if (inner.empty()) return false;
        units.push_back(
            Unit{text::clean_inline(inner), static_cast<int>(stars >= 6 ? 1 : 7 - stars)});
        i = k;
        return true;
    }
    return false;
}

// A renderer wraps a long list item onto indented lines under its bullet ("  • Stack Overflow
// Jobs Data Shows ..." / "    Market Oversaturated ..."): such a line continues the item.
bool continues_list_item(std::string_view line, const std::vector<std::string>& block) {
    if (block.empty() || !line.starts_with("    ")) return false;
    const auto raw = text::trim(line);
    const bool previous_bullet =
        block.back().starts_with("\u2022") || block.back().starts_with("* ");
    return previous_bullet && !raw.starts_with("\u2022") && !raw.starts_with("* ");
}

}  // namespace

std::vector<Unit> read_units(std::string_view text, TextFlavour flavour) {
    const auto lines = text::split_lines(text);
    std::vector<Unit> units;
    std::vector<std::string> block;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto raw = text::trim(lines[i]);
        if (raw.empty()) {
            add_plain_block(block, units);
        } else if (flavour == TextFlavour::Markdown) {
            // html2text's headings ("****** Title ******") make its output look like markdown.
            if (starred_heading_stars(raw) == 0 || !read_starred_heading(lines, i, units))
                read_markdown_unit(lines, i, units);
        } else if (starred_heading_stars(raw) > 0) {
            add_plain_block(block, units);
            if (!read_starred_heading(lines, i, units)) block.push_back(text::clean_inline(raw));
        } else if (continues_list_item(lines[i], block)) {
            block.back() += " " + text::clean_inline(raw);
        } else {
            block.push_back(text::clean_inline(raw));
        }
    }
    add_plain_block(block, units);
    join_broken_paragraphs(units);
    return units;
}

bool is_url(std::string_view s) {
    s = text::trim(s);
    if (s.starts_with("<") && s.ends_with(">")) s = s.substr(1, s.size() - 2);
    return (s.starts_with("http://") || s.starts_with("https://")) &&
           s.find(' ') == std::string_view::npos;
}

}  // namespace text_layout

bool ends_like_sentence(std::string_view line) {
    line = text::trim(line);
    if (line.empty()) return false;
    const char last = line.back();
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ')' ||
        last == ';')
        return true;
    // Closing curly quotes, the ellipsis and the full-width marks that end Chinese and Japanese
    // sentences (。！？ and the closing corner brackets) are multi-byte.
    static constexpr std::string_view kMultiByteEnds[] = {
        "\u201D", "\u2019", "\u2026", "\u00BB", "\u3002", "\uFF01", "\uFF1F", "\u300D", "\u300F"};
    for (auto end : kMultiByteEnds)
        if (line.ends_with(end)) return true;
    return false;
}

bool looks_like_caption(std::string_view line) {
    static constexpr std::string_view kMarkers[] = {
        " is seen ", " are seen ", " pictured", "(photo", "photo:", "photo by",
        "photograph:", "image:", "credit:", "getty images", "/ reuters", "/reuters", "afp photo",
        "ap photo", "file photo", "/ afp", " looks on", " gestures ", " poses ", "speaks during",
        "attends a", "arrives for", "walks past", "in this photo", "photo credit", "via reuters",
        "(ap)", "shutterstock", "reuters/", "afp/", "epa/", "(reuters)", "(afp)", "/ap ",
        "photographer:", "illustration for article", ".credit", " source: supplied",
        // Who is where in the picture, and what people in photos do.
        " (l) ", " (r) ", " (c) ", "(left)", "(right)", "(center)", "(centre)", " shake hands",
        " pose for ", " waves to ", " listens ", " looks at ", " gestures"};
    const auto folded = " " + text::to_lower(line) + " ";
    for (auto m : kMarkers)
        if (folded.find(m) != std::string::npos) return true;
    // Captions date the photo ("... flag June 30, 2015 in Washington", "..., August 2023");
    // headlines rarely do.
    if (text::count_words(line) < 8) return false;
    for (const auto& d : find_dates(line))
        if (d.year != 0) return true;
    const auto words = text::split_trimmed(line, ' ');
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        std::string year = words[i + 1];
        while (!year.empty() && !text::is_ascii_digit(year.back())) year.pop_back();
        if (month_from_name(words[i]) != 0 && text::is_ascii_upper(words[i].front()) &&
            year.size() == 4 && text::is_ascii_digit(year.front()))
            return true;
    }
    return false;
}

bool plausible_headline(std::string_view line) {
    line = text::trim(line);
    const auto words = text::count_words(line);
    if (words < 2 || words > 40 || line.size() > 300) return false;
    if (text::is_ascii_lower(line.front())) return false;
    const char last = line.back();
    if (last == ':' || last == ',' || last == ';') return false;
    // A full stop ends sentences, not headlines, unless it closes an abbreviation ("for U.S.").
    if (last == '.' && words > 6) {
        const auto last_word = line.substr(line.rfind(' ') + 1);
        if (last_word.find('.') == last_word.size() - 1) return false;
    }
    if (text_layout::is_url(line)) return false;
    return true;
}

namespace {

// A site's name from its masthead, kept as the page's branding (weighed like an HTML <title>'s
// branding: over an unregistered copyright holder, often the parent company).
void read_masthead(text_layout::Layout& layout, std::string_view input) {
    constexpr std::size_t kMastheadUnits = 25;
    Draft& draft = layout.draft;
    if (!draft.site_hint.empty() || !draft.meta_outlet.empty()) return;
    std::vector<std::string> first_lines;
    for (std::size_t i = 0; i < layout.units.size() && first_lines.size() < kMastheadUnits; ++i) {
        const auto& u = layout.units[i];
        if (u.role == text_layout::Role::Title) continue;
        const bool logo =
            !logo_outlet(u.text).empty() || text::ends_with_ci(text::trim(u.text), " logo");
        if ((u.in_menu || is_chrome(u.text)) && !logo) continue;
        first_lines.push_back(u.text);
    }
    auto name = masthead_outlet(first_lines, input);
    if (name.empty()) name = about_outlet(input);
    if (name.empty()) name = more_from_outlet(input);
    if (name.empty()) name = feed_title_outlet(input);
    // The story's subject ("New Zealand") and its writer repeat through a page too.
    if (name.empty() || name == draft.author) return;
    // A headline with a branding suffix ("Headline | eHow") names the site itself: the masthead
    // only agrees with it. Elsewhere in the headline the name is the story's subject.
    bool branded = false;
    for (std::string_view sep : {" | ", " - ", " \u2014 ", " \u2013 "})
        if (const auto pos = draft.title.rfind(sep); pos != std::string::npos) {
            branded = true;
            if (std::string_view(draft.title).substr(pos + sep.size()) == name) break;
            return;
        }
    if (!branded && text::contains_word(draft.title, name)) return;
    draft.site_hint = std::move(name);
}

}  // namespace

Draft parse_text(std::string_view input, const TextOptions& options) {
    using namespace text_layout;
    Layout layout;
    Draft& draft = layout.draft;
    std::string_view known_title = options.known_title;
    const auto fm = read_front_matter(input);  // known_title may view its title
    if (fm) {
        if (known_title.empty()) known_title = fm->title;
        draft.meta_title = fm->title;
        draft.meta_date = parse_date(fm->date);
        draft.meta_author = fm->author;
        draft.meta_url = fm->url;
        draft.meta_outlet = fm->outlet;
        input.remove_prefix(fm->length);
    }
    layout.units = read_units(input, options.flavour);

    mark_chrome_and_urls(layout);
    mark_title(layout, TitleHints{options.flavour, known_title});
    read_bylines_and_dates(layout);
    mark_trailing_furniture(layout);
    read_signoff_author(layout);

    read_masthead(layout, input);
    for (const Unit& u : layout.units) {
        if (u.role == Role::Body) draft.paragraphs.push_back(u.text);
        if (u.role == Role::Chrome) draft.chrome.push_back(u.text);
    }
    return std::move(layout.draft);
}

}  // namespace broadsheet
