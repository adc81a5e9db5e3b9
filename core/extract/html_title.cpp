// html_title.cpp — deciding an HTML page's headline from its title sources (see html_title.h).
#include "core/extract/html_title.h"

#include <array>

#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// Letters and digits only, ASCII lowercased, a leading "the" dropped: "The Herald-Sun" and
// "HeraldSun" compare equal. Bytes of non-ASCII characters are kept as they are.
std::string compact(std::string_view s) {
    std::string out;
    for (char c : text::trim(s)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || text::is_ascii_digit(c)) out += c;
        if (text::is_ascii_alpha(c)) out += static_cast<char>(c | 0x20);
    }
    if (out.starts_with("the") && text::starts_with_ci(text::trim(s), "the ")) out.erase(0, 3);
    return out;
}

// For agreement between sources: quotes folded, whitespace cleaned, ASCII case ignored and a
// heading's permalink mark ("Evolve: Shared Mutable History¶") dropped.
std::string agreement_key(std::string_view s) {
    std::string key = text::to_lower(text::fold_quotes(text::clean_inline(s)));
    constexpr std::string_view kPilcrow = "\u00B6";
    while (key.ends_with(kPilcrow)) key.resize(key.size() - kPilcrow.size());
    return std::string(text::trim(key));
}

struct Cut {
    std::size_t pos = 0;
    std::size_t len = 0;
};

// Where a <title> is cut into segments (" : " as NPR brands its titles). Underscores and slashes
// are not cuts: Chinese portals' "标题_频道_网站" and "Culture / Next" keep them inside what they
// label.
std::vector<Cut> segment_cuts(std::string_view title) {
    static constexpr std::array<std::string_view, 8> kSeparators = {
        " | ", " - ", " \u2013 ", " \u2014 ", " :: ", " : ", " \u00BB ", " \u00B7 "};
    std::vector<Cut> cuts;
    for (std::size_t i = 0; i < title.size(); ++i) {
        if (title[i] != ' ') continue;
        for (auto sep : kSeparators) {
            if (!title.substr(i).starts_with(sep)) continue;
            cuts.push_back({i, sep.size()});
            i += sep.size() - 1;  // with the loop's step, past the separator
            break;
        }
    }
    return cuts;
}

// After the site's segment is cut at `sep`, short segments before it set off the same way are
// sections ("Talks resume | World" after "| Example Times"); a one-word headline stays.
std::string_view drop_sections(std::string_view t, std::string_view sep) {
    for (auto cuts = segment_cuts(t); !cuts.empty(); cuts = segment_cuts(t)) {
        const Cut last = cuts.back();
        const auto section = t.substr(last.pos + last.len);
        const auto head = text::trim(t.substr(0, last.pos));
        if (t.substr(last.pos, last.len) != sep || text::count_words(section) > 3 ||
            text::count_words(head) < 2)
            break;
        t = head;
    }
    return t;
}

// The <title> without trailing segments that name the site and the sections before them
// ("Headline | Section | Site" gives "Headline"), or else without a leading one ("Site |
// Headline"; "Site: Headline" is not cut).
std::string title_minus_site(std::string_view title, const std::vector<std::string>& site_names) {
    std::string_view t = text::trim(title);
    std::string_view site_sep;
    for (auto cuts = segment_cuts(t); !cuts.empty(); cuts = segment_cuts(t)) {
        const Cut last = cuts.back();
        if (!names_site(t.substr(last.pos + last.len), site_names, SiteMatch::NameOrSection)) break;
        site_sep = t.substr(last.pos, last.len);
        t = text::trim(t.substr(0, last.pos));
    }
    if (!site_sep.empty()) return std::string(drop_sections(t, site_sep));
    const auto cuts = segment_cuts(t);
    if (cuts.empty()) return std::string(t);
    if (names_site(t.substr(0, cuts.front().pos), site_names, SiteMatch::NameOrSection))
        return std::string(text::trim(t.substr(cuts.front().pos + cuts.front().len)));
    // Unnamed elsewhere, a short capitalised last segment after a full headline is still the
    // site ("... Code Covered | Code | Nicolas Perriault"); after one or two words it is part of
    // the title ("Google - Site Reliability Engineering"), and a lowercase or long one is a
    // subtitle ("Evolve: Shared Mutable History — evolve extension for Mercurial").
    const Cut last = cuts.back();
    const auto head = text::trim(t.substr(0, last.pos));
    const auto tail = text::trim(t.substr(last.pos + last.len));
    if (text::count_words(head) >= 4 && text::count_words(tail) <= 3 && !tail.empty() &&
        text::is_ascii_upper(tail.front()) && tail.find_first_of("()[]") == std::string::npos)
        return std::string(drop_sections(head, t.substr(last.pos, last.len)));
    return std::string(t);
}

// JSON-LD's headline and name usually agree; when they differ, the one another source of the
// page repeats is the title (Wikipedia's name is the article, its headline a description).
std::string json_ld_title(const TitleSources& s, std::string_view page_title) {
    const bool name_usable =
        !s.ld_name.empty() && !names_site(s.ld_name, s.site_names, SiteMatch::Exact);
    if (s.ld_headline.empty()) return name_usable ? s.ld_name : std::string{};
    if (!name_usable || agreement_key(s.ld_name) == agreement_key(s.ld_headline))
        return s.ld_headline;
    const auto repeated = [&](const std::string& candidate) {
        const auto key = agreement_key(candidate);
        for (std::string_view other :
             {std::string_view(s.dc_title), std::string_view(s.og_title),
              std::string_view(s.twitter_title), std::string_view(s.parsely_title),
              std::string_view(s.h1_article), std::string_view(s.h1), page_title})
            if (!other.empty() && agreement_key(other) == key) return true;
        return false;
    };
    return repeated(s.ld_name) && !repeated(s.ld_headline) ? s.ld_name : s.ld_headline;
}

}  // namespace

bool names_site(std::string_view segment, const std::vector<std::string>& site_names,
                SiteMatch match) {
    const auto seg = compact(segment);
    if (seg.empty()) return false;
    const auto seg_words = text::count_words(segment);
    for (const auto& name : site_names) {
        const auto site = compact(name);
        if (site.empty()) continue;
        if (seg == site) return true;
        // "BuzzFeed News", "Salon.com": the name and at most two more words.
        if (match == SiteMatch::NameOrSection && site.size() >= 4 && seg.starts_with(site) &&
            seg_words <= text::count_words(name) + 2)
            return true;
    }
    return false;
}

DecidedTitle decide_html_title(const TitleSources& s) {
    const std::string page_title = title_minus_site(s.title_tag, s.site_names);
    const std::string ld_title = json_ld_title(s, page_title);
    // A declared title equal to a site name is one only when the page's own headings do not
    // repeat it (msn.com gives every article's headline as its application-name too).
    const auto shown = [&](const std::string& declared) {
        const auto key = agreement_key(declared);
        return key == agreement_key(s.title_tag) || key == agreement_key(s.h1_article) ||
               key == agreement_key(s.h1) || key == agreement_key(page_title);
    };
    for (const std::string* declared : {&ld_title, &s.dc_title, &s.og_title, &s.twitter_title,
                                        &s.parsely_title, &s.sailthru_title}) {
        if (declared->empty()) continue;
        if (names_site(*declared, s.site_names, SiteMatch::Exact) && !shown(*declared)) continue;
        return {*declared, TitleOrigin::Declared};
    }
    // "Page | Reuters", "Google - Site Reliability Engineering": one or two words before the
    // last cut are a site's or a section's name, and an <h1> of three words or more is the
    // article's headline.
    const auto& h1 = !s.h1_article.empty() ? s.h1_article : s.h1;
    const auto cuts = segment_cuts(page_title);
    const auto head = cuts.empty() ? std::string_view(page_title)
                                   : std::string_view(page_title).substr(0, cuts.back().pos);
    if (text::count_words(head) <= 2 && text::count_words(h1) >= 3 &&
        !names_site(h1, s.site_names, SiteMatch::Exact))
        return {h1, TitleOrigin::TitleElement};
    if (!page_title.empty() && (!names_site(page_title, s.site_names, SiteMatch::Exact) ||
                                agreement_key(page_title) == agreement_key(s.h1_article) ||
                                agreement_key(page_title) == agreement_key(s.h1)))
        return {page_title, TitleOrigin::TitleElement};
    for (const std::string* heading : {&s.h1_article, &s.h1, &s.h1_first})
        if (!heading->empty() && !names_site(*heading, s.site_names, SiteMatch::Exact))
            return {*heading, TitleOrigin::TitleElement};
    return {page_title, TitleOrigin::TitleElement};
}

}  // namespace broadsheet
