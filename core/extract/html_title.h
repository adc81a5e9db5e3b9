// html_title.h — the headline of an HTML page, decided from its several title sources (JSON-LD,
// Dublin Core, Open Graph, Twitter, Parse.ly and Sailthru meta tags, <h1>, <title>).
//
// The rules (docs/extraction.md, "Titles"): a title the publisher declares in metadata is the
// headline as declared, in the order JSON-LD, Dublin Core, og:title, twitter:title, parsely,
// sailthru; a declared title that only names the site is no headline. JSON-LD's name and
// headline, when they differ, are decided by which one another source repeats. Without a
// declared title, the <title> minus a leading or trailing segment naming the site is the
// headline; when nothing else is left of it, the article's <h1> (one that does not name the
// site) is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/extract/draft.h"

namespace broadsheet {

struct TitleSources {
    std::string ld_headline, ld_name;  // of the page's article-type JSON-LD object
    std::string dc_title, og_title, twitter_title, parsely_title, sailthru_title;
    std::string h1_article;  // the first <h1> inside <article>/<main>
    std::string h1;          // the first <h1> of three words or more
    std::string h1_first;    // the first <h1> of any length
    std::string title_tag;
    // What names the site: og:site_name, application-name, JSON-LD publisher, the URL's host.
    std::vector<std::string> site_names;
};

struct DecidedTitle {
    std::string title;
    TitleOrigin origin = TitleOrigin::TitleElement;
};

DecidedTitle decide_html_title(const TitleSources& sources);

// True when `segment` names one of `site_names`: the same letters and digits, case, spaces and
// a leading "The" aside ("HeraldSun" / "Herald Sun"), or a name followed by a section word
// ("BuzzFeed News" for "BuzzFeed"), or a host ("Salon.com", "salon.com").
// Exact allows only the first form: a declared title that merely starts with the site's name
// ("The New York Times en Español") is still a title.
enum class SiteMatch { Exact, NameOrSection };
bool names_site(std::string_view segment, const std::vector<std::string>& site_names,
                SiteMatch match);

}  // namespace broadsheet
