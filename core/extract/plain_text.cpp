// plain_text.cpp — layout analysis of plain, scraped and markdown text.
#include "core/extract/plain_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/extract/boilerplate.h"
#include "core/extract/byline.h"
#include "core/extract/dateline.h"
#include "core/extract/dates.h"
#include "core/extract/front_matter.h"
#include "core/extract/markdown.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// One paragraph-sized piece of the text: a line, or a block of hard-wrapped lines.
struct Unit {
    std::string text;
    int heading = 0;
    bool link_only = false;
    bool image_only = false;
    bool in_menu = false;  // one of a stack of short lines: a navigation menu or share bar
    enum class Role { Body, Title, Chrome, Dropped } role = Role::Body;
};

// How far into the text a headline, byline or date line may sit.
constexpr std::size_t kHeaderUnits = 12;
// A unit this long is article text: the header region ends before it.
constexpr std::size_t kBodyParagraphWords = 40;

std::vector<Unit> read_units(std::string_view text, TextFlavour flavour) {
    const auto lines = text::split_lines(text);
    std::vector<Unit> units;
    std::vector<std::string> block;  // consecutive non-blank plain lines
    const auto flush_block = [&] {
        if (block.empty()) return;
        // Hard-wrapped prose: every line but the last about as long as the others.
        std::size_t min_len = SIZE_MAX, max_len = 0;
        for (std::size_t i = 0; i + 1 < block.size(); ++i) {
            min_len = std::min(min_len, block[i].size());
            max_len = std::max(max_len, block[i].size());
        }
        // Wrapping breaks sentences, so most wrapped lines continue in lowercase; stacked
        // headlines or list items start with capitals or markers.
        bool list_like = false;
        std::size_t continued = 0;
        for (std::size_t i = 0; i < block.size(); ++i) {
            const auto& l = block[i];
            list_like |= l.starts_with("\u2022") || l.starts_with("- ") || l.starts_with("* ") ||
                         (l.size() > 2 && text::is_ascii_digit(l[0]) && l[1] == '.');
            if (i > 0 && text::is_ascii_lower(l.front())) ++continued;
        }
        const bool wrapped = block.size() >= 2 && min_len >= 45 && max_len <= 110 &&
                             max_len - min_len <= 30 && continued * 2 >= block.size() - 1 &&
                             !list_like;
        // A stack of three or more short lines without sentence punctuation is a menu
        // ("News / Sport / Weather", "Share this with / Email / Facebook").
        // Date lines and bylines stacked under a headline are not menu items.
        std::size_t items = 0, short_items = 0;
        bool prose = false;
        for (const auto& l : block) {
            if (classify_date_line(l).kind != DateLineKind::NotDateLine || parse_byline(l))
                continue;
            ++items;
            prose |= text::count_words(l) > 8 || ends_like_sentence(l);
            short_items += text::count_words(l) <= 4 && l.size() <= 40;
        }
        // Bulleted lines are a list in the article (key points), not a menu.
        const bool menu = items >= 3 && !prose && short_items * 3 >= items * 2 && !list_like;
        if (wrapped) {
            std::string joined;
            for (const auto& l : block) joined += (joined.empty() ? "" : " ") + l;
            units.push_back({joined});
        } else {
            for (auto& l : block) {
                units.push_back({l});
                units.back().in_menu = menu;
            }
        }
        block.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto raw = text::trim(lines[i]);
        if (raw.empty()) {
            flush_block();
            continue;
        }
        if (flavour == TextFlavour::Markdown) {
            auto md = parse_markdown_line(raw);
            // Setext headings: "Title" underlined with === or ---.
            if (md.heading == 0 && i + 1 < lines.size()) {
                const auto next = text::trim(lines[i + 1]);
                const bool eq = !next.empty() && next.find_first_not_of('=') == std::string::npos;
                const bool dash =
                    next.size() >= 3 && next.find_first_not_of('-') == std::string::npos;
                if (eq || dash) {
                    md.heading = eq ? 1 : 2;
                    ++i;
                }
            }
            if (md.text.empty() && !md.image_only && !md.link_only) continue;
            Unit u{md.text, md.heading, md.link_only, md.image_only};
            units.push_back(std::move(u));
        } else {
            block.push_back(text::clean_inline(raw));
        }
    }
    flush_block();
    return units;
}

bool is_url(std::string_view s) {
    s = text::trim(s);
    if (s.starts_with("<") && s.ends_with(">")) s = s.substr(1, s.size() - 2);
    return (s.starts_with("http://") || s.starts_with("https://")) &&
           s.find(' ') == std::string_view::npos;
}

std::string url_text(std::string_view s) {
    s = text::trim(s);
    if (s.starts_with("<") && s.ends_with(">")) s = s.substr(1, s.size() - 2);
    return std::string(s);
}

// "Original url: <https://...>", "Source: https://...": the label, and the URL if on the line.
bool url_label(std::string_view s, std::string& url) {
    static constexpr std::string_view kLabels[] = {
        "original url:", "original link:", "source url:",
        "url:",          "link:",          "source:",
        "canonical:",    "permalink:",     "originally published at"};
    for (auto label : kLabels) {
        if (!text::starts_with_ci(s, label)) continue;
        const auto rest = text::trim(s.substr(label.size()));
        if (rest.empty()) {
            url.clear();
            return label != "source:" && label != "link:";  // a bare "Source:" may be a credit
        }
        if (is_url(rest)) {
            url = url_text(rest);
            return true;
        }
    }
    return false;
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

}  // namespace

bool ends_like_sentence(std::string_view line) {
    line = text::trim(line);
    if (line.empty()) return false;
    const char last = line.back();
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ')' ||
        last == ';')
        return true;
    // Closing curly quotes and the ellipsis are multi-byte.
    return line.ends_with("\u201D") || line.ends_with("\u2019") || line.ends_with("\u2026") ||
           line.ends_with("\u00BB");
}

bool looks_like_caption(std::string_view line) {
    static constexpr std::string_view kMarkers[] = {
        " is seen ", " are seen ", " pictured", "(photo", "photo:", "photo by",
        "photograph:", "image:", "credit:", "getty images", "/ reuters", "/reuters", "afp photo",
        "ap photo", "file photo", "/ afp", " looks on", " gestures ", " poses ", "speaks during",
        "attends a", "arrives for", "walks past", "in this photo", "photo credit", "via reuters",
        "(ap)", "shutterstock", "reuters/", "afp/", "epa/", "(reuters)", "(afp)", "/ap ",
        "photographer:",
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
    if (is_url(line)) return false;
    return true;
}

Draft parse_text(std::string_view input, const TextOptions& options) {
    const TextFlavour flavour = options.flavour;
    Draft draft;
    std::string_view known_title = options.known_title;
    const auto fm = read_front_matter(input);
    if (fm) {
        if (known_title.empty()) known_title = fm->title;
        draft.meta_title = fm->title;
        draft.meta_date = parse_date(fm->date);
        draft.meta_author = fm->author;
        draft.meta_url = fm->url;
        draft.meta_outlet = fm->outlet;
        input.remove_prefix(fm->length);
    }
    auto units = read_units(input, flavour);
    join_broken_paragraphs(units);
    using Role = Unit::Role;

    // URLs, chrome, related-link lists.
    bool in_related_list = false;
    std::size_t labelled_title = units.size();
    for (std::size_t i = 0; i < units.size(); ++i) {
        Unit& u = units[i];
        // Exporter header lines: "Title: ...", "Source: Example News" (dates, bylines and URLs
        // have their own recognisers below).
        if (i < kHeaderUnits || i + 3 >= units.size()) {
            const auto labelled = parse_labelled_line(u.text);
            if (labelled.key == MetaKey::Title && labelled_title == units.size() &&
                i < kHeaderUnits) {
                u.text = labelled.value;
                labelled_title = i;
                continue;
            }
            if (labelled.key == MetaKey::Outlet && text::count_words(labelled.value) <= 6) {
                // "Source:" also credits data ("Source: Ministry of Health"): footer evidence
                // weighed with the registry, not metadata that overrides everything.
                const bool credit =
                    text::starts_with_ci(u.text, "source") || text::starts_with_ci(u.text, "site");
                if (credit) {
                    u.role = Role::Chrome;
                } else {
                    if (draft.meta_outlet.empty()) draft.meta_outlet = labelled.value;
                    u.role = Role::Dropped;
                }
                continue;
            }
        }
        std::string url;
        if (url_label(u.text, url)) {
            if (url.empty() && i + 1 < units.size() && is_url(units[i + 1].text)) {
                url = url_text(units[i + 1].text);
                units[i + 1].role = Role::Dropped;
            }
            if (!url.empty() && draft.url.empty()) draft.url = url;
            u.role = Role::Dropped;
            continue;
        }
        if (is_url(u.text)) {
            if (draft.url.empty()) draft.url = url_text(u.text);
            u.role = Role::Dropped;
            continue;
        }
        if (u.image_only) {
            u.role = Role::Dropped;
            continue;
        }
        // Related headlines may be questions ("Why is it so hard to build homes?"); a full stop
        // or a long unit means the article has resumed.
        const bool question =
            (u.text.ends_with("?") || u.text.ends_with("!")) && text::count_words(u.text) <= 15;
        const bool short_fragment =
            (question || !ends_like_sentence(u.text)) && text::count_words(u.text) <= 25;
        if (in_related_list && (short_fragment || u.link_only)) {
            u.role = Role::Chrome;
            continue;
        }
        in_related_list = false;
        if (u.in_menu && classify_date_line(u.text).kind == DateLineKind::NotDateLine &&
            !parse_byline(u.text)) {
            u.role = Role::Chrome;
            continue;
        }
        if (u.link_only || is_chrome(u.text)) {
            u.role = Role::Chrome;
            in_related_list = is_related_heading(u.text);
        }
    }

    // The headline: a markdown H1 when there is one, else the first plausible line that is not
    // chrome, a caption, a byline or a date line, before the first long paragraph.
    std::size_t title_index = labelled_title;
    const bool title_known = !text::trim(known_title).empty();
    if (title_known) {
        const auto wanted = text::fold_quotes(text::clean_inline(known_title));
        for (std::size_t i = 0, seen = 0; i < units.size() && seen < 3; ++i) {
            if (units[i].role != Role::Body) continue;
            ++seen;
            if (text::fold_quotes(units[i].text) == wanted) {
                title_index = i;
                break;
            }
        }
    } else if (title_index == units.size() && flavour == TextFlavour::Markdown) {
        for (std::size_t i = 0; i < units.size(); ++i)
            if (units[i].heading == 1 && units[i].role == Role::Body) {
                title_index = i;
                break;
            }
    }
    if (title_index == units.size() && !title_known) {
        // Kickers and section labels ("WORLD NEWS", "Opinion") are short; a headline of three
        // words or fewer is taken only when no longer one follows.
        std::size_t weak = units.size();
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
            if (text::count_words(u.text) <= 3) {
                if (weak == units.size()) weak = i;
                continue;
            }
            title_index = i;
            break;
        }
        if (title_index == units.size()) title_index = weak;
    }
    if (title_index < units.size()) {
        draft.title = units[title_index].text;
        units[title_index].role = Role::Title;
    }

    // Bylines and date lines: near the headline they describe the article; anywhere else a
    // standalone "Published ..." line still counts, after stronger evidence.
    std::size_t body_seen = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        Unit& u = units[i];
        if (u.role != Role::Body) continue;
        const bool before_title = title_index < units.size() && i < title_index;
        const bool near_top = before_title || body_seen < kHeaderUnits;
        ++body_seen;
        const auto line = classify_date_line(u.text);
        if (line.kind == DateLineKind::Clock) {
            u.role = Role::Chrome;
            continue;
        }
        if (line.kind == DateLineKind::Published || line.kind == DateLineKind::Updated) {
            auto& slot = line.kind == DateLineKind::Updated ? draft.updated_date
                         : near_top                         ? draft.byline_date
                                                            : draft.text_date;
            if (!slot && line.date) slot = line.date;
            u.role = Role::Dropped;
            continue;
        }
        if (near_top || i + 3 >= units.size()) {
            if (auto byline = parse_byline(u.text)) {
                if (draft.author.empty()) draft.author = byline->author;
                if (draft.byline_text.empty()) draft.byline_text = u.text;
                if (!draft.byline_date && byline->date) draft.byline_date = byline->date;
                u.role = Role::Dropped;
                continue;
            }
        }
        // A name with its job title glued on: "Natalie Greaves-Okoye Environment correspondent".
        if (near_top && !before_title && draft.author.empty()) {
            if (auto name = name_before_role(u.text); !name.empty()) {
                draft.author = name;
                if (draft.byline_text.empty()) draft.byline_text = u.text;
                u.role = Role::Dropped;
                continue;
            }
        }
        // A bare name over a job title: "Henry Castell" / "Business reporter @hcastell".
        if (near_top && !before_title && looks_like_name(u.text) &&
            text::count_words(u.text) <= 4) {
            std::size_t next = i + 1;
            while (next < units.size() && units[next].role != Role::Body) ++next;
            if (next < units.size() && looks_like_role_line(units[next].text)) {
                if (draft.author.empty()) draft.author = clean_author(u.text);
                if (draft.byline_text.empty()) draft.byline_text = u.text + " " + units[next].text;
                u.role = Role::Dropped;
                units[next].role = Role::Dropped;
                continue;
            }
        }
        // Text before the headline is kicker, caption or navigation, never body.
        if (before_title) u.role = Role::Dropped;
    }

    // Trailing furniture: related headlines, captions and tags after the last sentence.
    for (std::size_t i = units.size(); i-- > 0;) {
        Unit& u = units[i];
        if (u.role == Role::Title) break;
        if (u.role != Role::Body) continue;
        if (ends_like_sentence(u.text) || text::count_words(u.text) > 25 || u.heading > 0) break;
        u.role = Role::Chrome;
    }

    // An op-ed without a byline signs off with a bio: "Jane Doe is a senior fellow at ...".
    if (draft.author.empty()) {
        std::size_t checked = 0;
        for (std::size_t i = units.size(); i-- > 0 && checked < 3;) {
            if (units[i].role != Role::Body) continue;
            ++checked;
            if (auto name = author_from_bio(units[i].text); !name.empty()) {
                draft.author = name;
                break;
            }
        }
    }

    for (const Unit& u : units) {
        if (u.role == Role::Body) draft.paragraphs.push_back(u.text);
        if (u.role == Role::Chrome) draft.chrome.push_back(u.text);
    }
    return draft;
}

}  // namespace broadsheet
