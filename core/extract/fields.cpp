// fields.cpp — field resolution: weighing the evidence a format step gathered.
#include "core/extract/fields.h"

#include <array>
#include <vector>

#include "core/extract/boilerplate.h"
#include "core/extract/byline.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

std::string tidy_name(std::string_view s) {
    std::string out = text::clean_inline(s);
    while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ';' ||
                            out.back() == ':' || out.back() == '*' || out.back() == ' '))
        out.pop_back();
    while (!out.empty() && (out.front() == '*' || out.front() == ' ')) out.erase(0, 1);
    return out;
}

// A plausible outlet name: short, starting with a capital or digit.
bool looks_like_outlet_name(std::string_view s) {
    const auto words = text::count_words(s);
    if (words == 0 || words > 6 || s.size() > 60) return false;
    const unsigned char c = static_cast<unsigned char>(s.front());
    return text::is_ascii_upper(s.front()) || text::is_ascii_digit(s.front()) || c >= 0x80;
}

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

std::string first_paragraph(const Draft& draft) {
    return draft.paragraphs.empty() ? std::string{} : draft.paragraphs.front();
}

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
    paragraph = text::trim(paragraph);
    // The place: an all-capitals word of three or more letters opens the paragraph.
    std::size_t caps = 0;
    while (caps < paragraph.size() && (text::is_ascii_upper(paragraph[caps]))) ++caps;
    if (caps < 3) return std::nullopt;
    std::size_t end = std::string_view::npos;
    std::size_t dash_len = 0;
    for (auto dash : {" - ", " \u2014 ", " \u2013 ", " -- ", "\u2014", " \u2015 "}) {
        const auto pos = paragraph.find(dash);
        if (pos != std::string_view::npos && pos < 120 && pos < end) {
            end = pos;
            dash_len = std::string_view(dash).size();
        }
    }
    // TASS style: "MOSCOW, November 17. /TASS/."
    std::string agency;
    if (const auto slash = paragraph.find(" /"); slash != std::string_view::npos && slash < 120) {
        const auto close = paragraph.find('/', slash + 2);
        if (close != std::string_view::npos && close - slash < 20) {
            agency = std::string(paragraph.substr(slash + 2, close - slash - 2));
            if (end == std::string_view::npos || slash < end) end = close + 1;
        }
    }
    if (end == std::string_view::npos) return std::nullopt;
    (void)dash_len;
    const auto prefix = paragraph.substr(0, end);
    if (text::count_words(prefix) > 12) return std::nullopt;
    Dateline line;
    line.agency = agency;
    if (const auto open = prefix.find('('); open != std::string_view::npos) {
        const auto close = prefix.find(')', open);
        if (close != std::string_view::npos)
            line.agency = std::string(prefix.substr(open + 1, close - open - 1));
    }
    for (const auto& d : find_dates(prefix)) {
        line.date = d;
        break;
    }
    // Without a date or an agency, "NATO ALLIES - ..." is just a shouted sentence.
    if (!line.date && line.agency.empty()) return std::nullopt;
    return line;
}

std::string outlet_from_footer(std::string_view raw) {
    std::string line = tidy_name(raw);
    for (auto marker :
         {"reflect the position of ", "reflect the views of ", "represent the views of ",
          "reflect the opinion of ", "the editorial policy of "}) {
        const auto pos = text::find_ci(line, marker);
        if (pos != std::string::npos) {
            auto name =
                tidy_name(std::string_view(line).substr(pos + std::string_view(marker).size()));
            if (text::starts_with_ci(name, "the editors of ")) name.erase(0, 15);
            return looks_like_outlet_name(name) ? name : std::string{};
        }
    }
    std::string_view s = line;
    bool copyright = false;
    for (auto prefix : {"\u00A9", "(c)", "copyright", "(C)"}) {
        if (text::starts_with_ci(s, prefix)) {
            s = text::trim(s.substr(std::string_view(prefix).size()));
            copyright = true;
        }
    }
    if (text::starts_with_ci(s, "\u00A9")) s = text::trim(s.substr(2));
    if (!copyright) return {};
    // Years and year ranges: "2016", "2009-2016", "2016–2017".
    while (!s.empty() && (text::is_ascii_digit(s.front()) || s.front() == '-' || s.front() == ',' ||
                          s.front() == ' '))
        s.remove_prefix(1);
    if (s.starts_with("\u2013")) s = text::trim(s.substr(3));
    std::string name(s);
    for (auto tail : {"All rights reserved", "All Rights Reserved", "ALL RIGHTS RESERVED", " |"}) {
        const auto pos = name.find(tail);
        if (pos != std::string::npos) name.resize(pos);
    }
    name = tidy_name(name);
    return looks_like_outlet_name(name) ? name : std::string{};
}

std::string normalise_outlet(std::string_view raw, const Registry& registry) {
    const auto name = tidy_name(raw);
    if (name.empty()) return {};
    if (auto canonical = registry.outlet_for_alias(name); !canonical.empty()) return canonical;
    if (name.find(' ') == std::string::npos && name.find('.') != std::string::npos) {
        if (auto canonical = registry.outlet_for_domain(name); !canonical.empty()) return canonical;
    }
    // "The Example Times" vs "Example Times": try with and without the article.
    if (text::starts_with_ci(name, "the ")) {
        if (auto canonical = registry.outlet_for_alias(name.substr(4)); !canonical.empty())
            return canonical;
    } else if (auto canonical = registry.outlet_for_alias("The " + name); !canonical.empty()) {
        return canonical;
    }
    return name;
}

std::string registered_outlet_in(std::string_view line, const Registry& registry) {
    std::string best;
    std::size_t best_len = 0;
    const auto lowered = text::to_lower(line);
    for (const auto& [alias, canonical] : registry.outlet_aliases()) {
        if (alias.size() <= best_len || alias.size() < 2) continue;
        std::size_t pos = lowered.find(alias);
        while (pos != std::string::npos) {
            const std::string_view original = std::string_view(line).substr(pos, alias.size());
            // Short acronyms ("AP", "BBC") only in capitals: "ap" inside prose is not AP.
            // Names are capitalised: "clean slate" in a footer does not name Slate.
            bool ok = !text::is_ascii_lower(original.front());
            if (alias.size() <= 4) {
                for (char c : original)
                    if (text::is_ascii_lower(c)) ok = false;
            }
            if (ok && text::contains_word(
                          line.substr(pos > 0 ? pos - 1 : 0, alias.size() + (pos > 0 ? 2 : 1)),
                          original)) {
                best = canonical;
                best_len = alias.size();
                break;
            }
            pos = lowered.find(alias, pos + 1);
        }
    }
    return best;
}

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

    std::string outlet;
    if (!draft.meta_outlet.empty()) outlet = normalise_outlet(draft.meta_outlet, registry);
    if (outlet.empty() && !article.url.empty()) outlet = registry.outlet_for_domain(article.url);
    if (outlet.empty()) {
        for (const auto& line : draft.chrome) {
            if (auto name = outlet_from_footer(line); !name.empty()) {
                outlet = normalise_outlet(name, registry);
                break;
            }
        }
    }
    const auto dateline = parse_dateline(first_paragraph(draft));
    if (outlet.empty() && dateline && !dateline->agency.empty()) {
        outlet = registry.outlet_for_alias(dateline->agency);
    }
    if (outlet.empty()) {
        for (const auto& line : draft.chrome) {
            const auto kind = classify_chrome(line);
            if (kind == ChromeKind::None || kind == ChromeKind::TagList ||
                kind == ChromeKind::Related || kind == ChromeKind::Clock)
                continue;
            if (auto name = registered_outlet_in(line, registry); !name.empty()) {
                outlet = name;
                break;
            }
        }
    }
    article.outlet = outlet;

    const std::string& raw_title = !draft.meta_title.empty() ? draft.meta_title : draft.title;
    article.title = strip_site_suffix(raw_title, article.outlet, registry);

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
