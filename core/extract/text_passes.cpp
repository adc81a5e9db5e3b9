// text_passes.cpp — the passes parse_text runs over the units of a plain or markdown text:
// chrome and URLs, title, bylines and dates, trailing furniture, sign-off author.
#include <optional>
#include <string>
#include <vector>

#include "core/extract/boilerplate.h"
#include "core/extract/byline.h"
#include "core/extract/dateline.h"
#include "core/extract/dates.h"
#include "core/extract/front_matter.h"
#include "core/extract/outlet.h"
#include "core/extract/text_layout.h"
#include "core/extract/text_util.h"

namespace broadsheet::text_layout {
namespace {

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

// Exporter header lines: "Title: ...", "Source: Example News". Dates, bylines and URLs have
// their own recognisers. True when unit `i` was one.
bool read_header_label(Layout& layout, std::size_t i) {
    Unit& u = layout.units[i];
    const auto labelled = parse_labelled_line(u.text);
    if (labelled.key == MetaKey::Title && !layout.labelled_title && i < kHeaderUnits) {
        u.text = labelled.value;
        layout.labelled_title = i;
        return true;
    }
    if (labelled.key == MetaKey::Outlet && text::count_words(labelled.value) <= 6) {
        // "Source:" also credits data ("Source: Ministry of Health"): footer evidence weighed
        // with the registry, not metadata that overrides everything.
        const bool credit =
            text::starts_with_ci(u.text, "source") || text::starts_with_ci(u.text, "site");
        if (credit) {
            u.role = Role::Chrome;
        } else {
            if (layout.draft.meta_outlet.empty()) layout.draft.meta_outlet = labelled.value;
            u.role = Role::Dropped;
        }
        return true;
    }
    return false;
}

// A script, style sheet, image or font, or a file on a CDN, ad or analytics host: never an
// article's URL.
bool is_resource_url(std::string_view url) {
    auto path = url.substr(0, url.find_first_of("?#"));
    static constexpr std::string_view kExtensions[] = {".js",   ".css", ".gif", ".png",  ".jpg",
                                                       ".jpeg", ".svg", ".ico", ".woff", ".webp"};
    for (auto ext : kExtensions)
        if (text::ends_with_ci(path, ext)) return true;
    // Content delivery, advertising and analytics hosts serve every site: "cdn.krxd.net".
    auto host = path.substr(path.find("://") == std::string_view::npos ? 0 : path.find("://") + 3);
    host = host.substr(0, host.find('/'));
    static constexpr std::string_view kServiceLabels[] = {
        "cdn", "static", "ads", "ad", "analytics", "pixel", "beacon", "stats", "assets", "img"};
    const auto first_label = text::to_lower(host.substr(0, host.find('.')));
    for (auto label : kServiceLabels)
        if (first_label == label) return true;
    return text::to_lower(host).find("cdn") != std::string::npos;
}

// A URL label (with its URL on the line or on the next unit) or a lone URL line: the first URL
// found is the article's. True when unit `i` was one.
bool read_url_line(Layout& layout, std::size_t i) {
    auto& units = layout.units;
    Unit& u = units[i];
    std::string url;
    if (url_label(u.text, url)) {
        if (url.empty() && i + 1 < units.size() && is_url(units[i + 1].text)) {
            url = url_text(units[i + 1].text);
            units[i + 1].role = Role::Dropped;
        }
        if (!url.empty() && layout.draft.url.empty()) layout.draft.url = url;
        u.role = Role::Dropped;
        return true;
    }
    if (is_url(u.text)) {
        // A bare URL is the article's where exporters put it, first or last; inside a rendered
        // page it is a link, a script or a beacon of some third-party host.
        const bool header_or_footer = i < kHeaderUnits || i + 3 >= units.size();
        if (layout.draft.url.empty() && header_or_footer && !is_resource_url(url_text(u.text)))
            layout.draft.url = url_text(u.text);
        u.role = Role::Dropped;
        return true;
    }
    return false;
}

}  // namespace

void mark_chrome_and_urls(Layout& layout) {
    auto& units = layout.units;
    bool in_related_list = false;
    for (std::size_t i = 0; i < units.size(); ++i) {
        Unit& u = units[i];
        if ((i < kHeaderUnits || i + 3 >= units.size()) && read_header_label(layout, i)) continue;
        if (read_url_line(layout, i)) continue;
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
        if (u.link_only || is_chrome(u.text) || !logo_outlet(u.text).empty()) {
            u.role = Role::Chrome;
            in_related_list = is_related_heading(u.text);
        }
    }
}

namespace {

// The known title among the first three body units.
std::optional<std::size_t> find_known_title(const std::vector<Unit>& units,
                                            std::string_view known_title) {
    const auto wanted = text::fold_quotes(text::clean_inline(known_title));
    for (std::size_t i = 0, seen = 0; i < units.size() && seen < 3; ++i) {
        if (units[i].role != Role::Body) continue;
        ++seen;
        if (text::fold_quotes(units[i].text) == wanted) return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> find_markdown_h1(const std::vector<Unit>& units) {
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].heading == 1 && units[i].role == Role::Body) return i;
    return std::nullopt;
}

}  // namespace

void mark_title(Layout& layout, const TitleHints& hints) {
    auto& units = layout.units;
    std::optional<std::size_t> title = layout.labelled_title;
    const bool title_known = !text::trim(hints.known_title).empty();
    if (title_known) {
        if (const auto found = find_known_title(units, hints.known_title)) title = found;
    } else if (!title && hints.flavour == TextFlavour::Markdown) {
        title = find_markdown_h1(units);
    }
    if (!title && !title_known) title = find_layout_headline(units);
    if (title) {
        layout.draft.title = units[*title].text;
        units[*title].role = Role::Title;
    }
    layout.title = title;
}

namespace {

// "Published 4 March 2019", "Updated 10:02": a date line near the headline dates the article;
// elsewhere it is weaker evidence; a bare clock is chrome. True when `u` was one.
bool read_date_line(Unit& u, bool near_top, Draft& draft) {
    const auto line = classify_date_line(u.text);
    if (line.kind == DateLineKind::Clock) {
        u.role = Role::Chrome;
        return true;
    }
    if (line.kind != DateLineKind::Published && line.kind != DateLineKind::Updated) return false;
    auto& slot = line.kind == DateLineKind::Updated ? draft.updated_date
                 : near_top                         ? draft.byline_date
                                                    : draft.text_date;
    if (!slot && line.date) slot = line.date;
    u.role = Role::Dropped;
    return true;
}

// "By Jane Doe, March 4, 2019": the first byline gives the author, its text and its date.
bool read_byline(Unit& u, Draft& draft) {
    const auto byline = parse_byline(u.text);
    if (!byline) return false;
    if (draft.author.empty()) draft.author = byline->author;
    if (draft.byline_text.empty()) draft.byline_text = u.text;
    if (!draft.byline_date && byline->date) draft.byline_date = byline->date;
    u.role = Role::Dropped;
    return true;
}

// A name with its job title glued on ("Natalie Greaves-Okoye Environment correspondent"), or a
// bare name over a job title ("Henry Castell" / "Business reporter @hcastell"). True when unit
// `i` was one.
bool read_author_lines(std::vector<Unit>& units, std::size_t i, Draft& draft) {
    Unit& u = units[i];
    if (draft.author.empty()) {
        if (auto name = name_before_role(u.text); !name.empty()) {
            draft.author = name;
            if (draft.byline_text.empty()) draft.byline_text = u.text;
            u.role = Role::Dropped;
            return true;
        }
    }
    if (!looks_like_name(u.text) || text::count_words(u.text) > 4) return false;
    std::size_t next = i + 1;
    while (next < units.size() && units[next].role != Role::Body) ++next;
    if (next == units.size() || !looks_like_role_line(units[next].text)) return false;
    if (draft.author.empty()) draft.author = clean_author(u.text);
    if (draft.byline_text.empty()) draft.byline_text = u.text + " " + units[next].text;
    u.role = Role::Dropped;
    units[next].role = Role::Dropped;
    return true;
}

}  // namespace

void read_bylines_and_dates(Layout& layout) {
    auto& units = layout.units;
    std::size_t body_seen = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        Unit& u = units[i];
        if (u.role != Role::Body) continue;
        const bool before_title = layout.title && i < *layout.title;
        const bool near_top = before_title || body_seen < kHeaderUnits;
        ++body_seen;
        if (read_date_line(u, near_top, layout.draft)) continue;
        if ((near_top || i + 3 >= units.size()) && read_byline(u, layout.draft)) continue;
        if (near_top && !before_title && read_author_lines(units, i, layout.draft)) continue;
        // Text before the headline is kicker, caption or navigation, never body.
        if (before_title) u.role = Role::Dropped;
    }
}

void mark_trailing_furniture(Layout& layout) {
    for (std::size_t i = layout.units.size(); i-- > 0;) {
        Unit& u = layout.units[i];
        if (u.role == Role::Title) break;
        if (u.role != Role::Body) continue;
        if (ends_like_sentence(u.text) || text::count_words(u.text) > 25 || u.heading > 0) break;
        u.role = Role::Chrome;
    }
}

void read_signoff_author(Layout& layout) {
    if (!layout.draft.author.empty()) return;
    std::size_t checked = 0;
    for (std::size_t i = layout.units.size(); i-- > 0 && checked < 3;) {
        if (layout.units[i].role != Role::Body) continue;
        ++checked;
        if (auto name = author_from_bio(layout.units[i].text); !name.empty()) {
            layout.draft.author = name;
            return;
        }
    }
}

}  // namespace broadsheet::text_layout
