// fields.cpp — field resolution: weighing the evidence a format step gathered.
#include "core/extract/fields.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/extract/boilerplate.h"
#include "core/extract/byline.h"
#include "core/extract/dateline.h"
#include "core/extract/outlet.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

int year_from_url(std::string_view url) {
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        const auto path = url.find('/', scheme + 3);
        url = path == std::string_view::npos ? std::string_view{} : url.substr(path);
    }
    for (const auto& seg : text::split_trimmed(url.substr(0, url.find_first_of("?#")), '/')) {
        if (seg.size() != 4) continue;
        bool digits = true;
        for (char c : seg) digits &= text::is_ascii_digit(c);
        if (!digits) continue;
        const int year = std::stoi(seg);
        if (year >= 1990 && year <= 2100) return year;
    }
    return 0;
}

int year_from_copyright(const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        if (classify_chrome(line) != ChromeKind::Copyright) continue;
        for (std::size_t i = 0; i + 4 <= line.size(); ++i) {
            bool digits = true;
            for (std::size_t k = 0; k < 4; ++k) digits &= text::is_ascii_digit(line[i + k]);
            const bool bounded = (i == 0 || !text::is_ascii_digit(line[i - 1])) &&
                                 (i + 4 == line.size() || !text::is_ascii_digit(line[i + 4]));
            if (digits && bounded) {
                const int year = std::stoi(line.substr(i, 4));
                if (year >= 1990 && year <= 2100) return year;
            }
        }
    }
    return 0;
}

// The last " - X" / " | X" segment of a headline: a site name when the registry knows it.
std::string title_suffix(std::string_view title) {
    for (std::string_view sep : {" | ", " - ", " \u2014 ", " \u2013 "}) {
        const auto pos = title.rfind(sep);
        if (pos != std::string_view::npos && pos > 0)
            return std::string(text::trim(title.substr(pos + sep.size())));
    }
    return {};
}

std::string first_paragraph(const Draft& draft) {
    return draft.paragraphs.empty() ? std::string{} : draft.paragraphs.front();
}

}  // namespace

std::string strip_site_suffix(std::string_view title, std::string_view outlet,
                              const Registry& registry) {
    std::string t = text::clean_inline(title);
    for (auto sep : {" | ", " - ", " \u2014 ", " \u2013 ", " :: ", " \u00B7 "}) {
        const auto pos = t.rfind(sep);
        if (pos == std::string::npos || pos == 0) continue;
        const auto site = std::string_view(t).substr(pos + std::string_view(sep).size());
        const bool known = (!outlet.empty() && text::to_lower(site) == text::to_lower(outlet)) ||
                           !registry.outlet_for_alias(site).empty() ||
                           !registry.outlet_for_domain(site).empty();
        if (known) {
            t.resize(pos);
            return t;
        }
    }
    return t;
}

void resolve_fields(const Draft& draft, const Registry& registry, Article& article) {
    // URL first: the outlet and the date may come from it.
    article.url = !draft.meta_url.empty() ? draft.meta_url : draft.url;

    const auto dateline = parse_dateline(first_paragraph(draft));
    OutletEvidence evidence;
    evidence.metadata = draft.meta_outlet;
    evidence.url = article.url;
    evidence.footer = draft.chrome;
    if (dateline) evidence.dateline_agency = dateline->agency;
    evidence.byline = draft.byline_text;
    // A writer's tagline closes the story ("Jo Marsh is The Fixture's rugby correspondent.").
    const auto tail_size = std::min<std::size_t>(draft.paragraphs.size(), 2);
    evidence.body_tail.assign(draft.paragraphs.end() - static_cast<std::ptrdiff_t>(tail_size),
                              draft.paragraphs.end());
    evidence.late_paragraphs.assign(
        draft.paragraphs.begin() + static_cast<std::ptrdiff_t>(draft.paragraphs.size() / 2),
        draft.paragraphs.end());
    if (!draft.site_hint.empty()) {
        evidence.title_suffix = draft.site_hint;
        evidence.title_suffix_is_branding = true;
    } else {
        evidence.title_suffix =
            title_suffix(!draft.meta_title.empty() ? draft.meta_title : draft.title);
    }
    article.outlet = resolve_outlet(evidence, registry);

    const std::string& raw_title = !draft.meta_title.empty() ? draft.meta_title : draft.title;
    // A title the publisher declared is kept as declared, branding included ("... | eHow").
    switch (draft.title_origin) {
        case TitleOrigin::Declared:
            article.title = text::clean_inline(raw_title);
            break;
        case TitleOrigin::TitleElement:
            article.title = strip_site_suffix(raw_title, {}, registry);
            break;
        case TitleOrigin::Layout:
            article.title = strip_site_suffix(raw_title, article.outlet, registry);
            break;
    }

    article.author = !draft.meta_author.empty() ? clean_author(draft.meta_author) : draft.author;
    if (article.author.empty()) article.author = draft.author;

    std::optional<Date> date = draft.meta_date;
    if (!date) date = draft.byline_date;
    if (!date && dateline && dateline->date) {
        int year = dateline->date->year;
        if (year == 0) year = year_from_url(article.url);
        if (year == 0) year = year_from_copyright(draft.chrome);
        if (year != 0) date = Date::make(year, dateline->date->month, dateline->date->day);
    }
    if (!date) date = date_from_url(article.url);
    if (!date) date = draft.text_date;
    if (!date) date = draft.updated_date;
    article.date = date;

    article.body.clear();
    for (const auto& p : draft.paragraphs) {
        if (!article.body.empty()) article.body += "\n\n";
        article.body += p;
    }
}

}  // namespace broadsheet
