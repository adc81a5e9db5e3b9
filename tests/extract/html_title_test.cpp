// html_title_test.cpp — table tests for deciding an HTML page's headline from its title sources.
#include "core/extract/html_title.h"

#include <gtest/gtest.h>

#include "core/extract/html.h"

namespace broadsheet {
namespace {

struct TitleCase {
    TitleSources sources;
    const char* title;
    TitleOrigin origin;
    const char* why;
};

TitleSources with_title_tag(const char* title_tag, std::vector<std::string> site_names = {},
                            const char* h1 = "") {
    TitleSources s;
    s.title_tag = title_tag;
    s.site_names = std::move(site_names);
    s.h1 = h1;
    return s;
}

TitleCase declared_case(const char* field_value, std::string TitleSources::*field,
                        const char* title_tag, const char* h1, const char* want, TitleOrigin origin,
                        const char* why) {
    TitleSources s = with_title_tag(title_tag, {"Example News"}, h1);
    s.*field = field_value;
    return {s, want, origin, why};
}

std::vector<TitleCase> cases() {
    std::vector<TitleCase> out = {
        {with_title_tag("Talks resume | World | Example Times", {"Example Times"}), "Talks resume",
         TitleOrigin::TitleElement,
         "the site named by og:site_name goes, and the section before it"},
        {with_title_tag("Example Times | Talks resume in Geneva", {"Example Times"}),
         "Talks resume in Geneva", TitleOrigin::TitleElement, "a leading site segment goes too"},
        {with_title_tag("Obama admits gun laws frustrate him - Salon.com", {"salon.com", "salon"}),
         "Obama admits gun laws frustrate him", TitleOrigin::TitleElement,
         "the URL's host names the site"},
        {with_title_tag("Angry media won't buckle | Herald Sun", {"HeraldSun"}),
         "Angry media won't buckle", TitleOrigin::TitleElement,
         "a site name compared without spaces and case"},
        {with_title_tag("Diet pills burned her up from within - BuzzFeed News", {"BuzzFeed"}),
         "Diet pills burned her up from within", TitleOrigin::TitleElement,
         "the site's name with a section word after it"},
        {with_title_tag("Google - Site Reliability Engineering"),
         "Google - Site Reliability Engineering", TitleOrigin::TitleElement,
         "one word before the dash is no headline: the title stays whole"},
        {with_title_tag("Evolve: Shared Mutable History — evolve extension for Mercurial"),
         "Evolve: Shared Mutable History — evolve extension for Mercurial",
         TitleOrigin::TitleElement, "a lowercase segment is a subtitle, not a site"},
        {with_title_tag("Get your frontend code covered | Code | Nicolas Perriault"),
         "Get your frontend code covered", TitleOrigin::TitleElement,
         "unnamed elsewhere, a short capitalised segment after a full headline is the site"},
        {with_title_tag("On Recent Events - Bradley M. Kuhn ( Brad ) ( bkuhn )"),
         "On Recent Events - Bradley M. Kuhn ( Brad ) ( bkuhn )", TitleOrigin::TitleElement,
         "a segment with brackets is no site name"},
        {with_title_tag("Quanta Magazine", {"Quanta Magazine"}, "The Hidden Heroines of Chaos"),
         "The Hidden Heroines of Chaos", TitleOrigin::TitleElement,
         "a <title> that is only the site's name gives way to the <h1>"},
        {with_title_tag("Daring Fireball: Colophon", {}, "About This Site"),
         "Daring Fireball: Colophon", TitleOrigin::TitleElement,
         "without declared titles the <title> beats an <h1> that says something else"},
        {with_title_tag("Page | Reuters", {}, "Markets rally on rate hopes"),
         "Markets rally on rate hopes", TitleOrigin::TitleElement,
         "a <title> of a word or two and its site gives way to an <h1> headline"},
        declared_case("How to Build a Terrarium | eHow", &TitleSources::og_title,
                      "How to Build a Terrarium (with Pictures) | eHow", "How to Build a Terrarium",
                      "How to Build a Terrarium | eHow", TitleOrigin::Declared,
                      "a declared og:title is kept as the publisher wrote it, branding included"),
        declared_case("Example News", &TitleSources::og_title,
                      "Russia: cargo ship breaks up over Siberia", "",
                      "Russia: cargo ship breaks up over Siberia", TitleOrigin::TitleElement,
                      "a declared title that is the site's name, shown nowhere, is no headline"),
        declared_case("Example News", &TitleSources::og_title, "Example News", "Example News",
                      "Example News", TitleOrigin::Declared,
                      "the same text as the <title> and the <h1>: the page means it as its title"),
        declared_case("Some Other Title", &TitleSources::parsely_title, "Title Element",
                      "Test document title", "Some Other Title", TitleOrigin::Declared,
                      "parsely-title is a declared title too"),
    };
    TitleSources wiki = with_title_tag("New Zealand - Wikipedia", {}, "New Zealand");
    wiki.ld_headline = "constitutional monarchy in Oceania";
    wiki.ld_name = "New Zealand";
    out.push_back({wiki, "New Zealand", TitleOrigin::Declared,
                   "JSON-LD name and headline differ: the one the <h1> repeats wins"});
    TitleSources verge = with_title_tag("Vision Pro hands-on: the Retina moment - The Verge",
                                        {"The Verge"}, "Vision Pro is the Retina moment");
    verge.ld_headline = "Vision Pro hands-on: the Retina moment";
    verge.og_title = "Vision Pro is the Retina moment";
    out.push_back({verge, "Vision Pro hands-on: the Retina moment", TitleOrigin::Declared,
                   "JSON-LD outranks og:title; both are the publisher's declared headlines"});
    return out;
}

TEST(DecideHtmlTitle, Table) {
    for (const auto& c : cases()) {
        const auto decided = decide_html_title(c.sources);
        EXPECT_EQ(decided.title, c.title) << c.why;
        EXPECT_EQ(decided.origin, c.origin) << c.why;
    }
}

TEST(ParseHtml, DublinCorePropertyOutranksItsNameForm) {
    // The RDFa property form is the one a page states on purpose; a property may list keys.
    const Draft d = parse_html(R"(<html><head><title>Title Element</title>
<meta name="DC.title" content="Name form"><meta property="x:title dc:title" content="Property form">
<meta property="og:title" content="Open Graph"></head><body><h1>Heading</h1></body></html>)");
    EXPECT_EQ(d.title, "Property form");
    EXPECT_EQ(d.meta_title, "Property form");
    EXPECT_EQ(d.title_origin, TitleOrigin::Declared);
}

}  // namespace
}  // namespace broadsheet
