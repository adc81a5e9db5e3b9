// rendered_page_test.cpp — table tests for reading pages rendered to text (w3m, lynx,
// html2text): the headline by layout evidence, the masthead name and the URL lines.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/extract/extract.h"
#include "core/extract/outlet.h"
#include "core/extract/plain_text.h"

namespace broadsheet {
namespace {

// A made-up paragraph of article text: long enough to start the story, ending like a sentence.
const std::string kStory =
    "The harbour bridge will close for two years from next spring while engineers replace the "
    "cables that hold up its deck, the council said on Monday, after an inspection found that "
    "salt water had corroded them faster than anyone expected when the span opened.\n\n";

// A made-up consent notice of the same length, which pages print before their menus.
const std::string kConsent =
    "Eastvale Media would like to process and share personal data about your use of this site "
    "with its partners to show you advertising and to measure it, and you may change your "
    "choices at any time from the privacy settings at the bottom of every page of ours.\n\n";

struct HeadlineCase {
    const char* why;
    std::string text;
    TextFlavour flavour;
    const char* title;
};

const HeadlineCase kHeadlineCases[] = {
    {"a comment counter next to the story is never its title",
     "Harbour bridge to close for repairs\n\nBy Ann Lee, March 3, 2019\n\n"
     "75 with 51 posters participating\n\n" +
         kStory,
     TextFlavour::Plain, "Harbour bridge to close for repairs"},
    {"a teaser link ending in an arrow is never the title",
     "Harbour bridge to close for repairs\n\nView this image \u203A\n\n" + kStory,
     TextFlavour::Plain, "Harbour bridge to close for repairs"},
    {"a credit of a writer, an outlet and a place is not the title",
     "Council votes to close the harbour bridge\n\nAnalysis: Ann Lee, Valley News, Eastvale\n\n" +
         kStory,
     TextFlavour::Plain, "Council votes to close the harbour bridge"},
    {"the line a breadcrumb repeats wins over a standfirst nearer the story",
     "News > Local > Harbour bridge to close for repairs\n\n"
     "Harbour bridge to close for repairs\n\n"
     "Work on the ageing span will take two years and cost the city millions\n\n" +
         kStory,
     TextFlavour::Plain, "Harbour bridge to close for repairs"},
    {"a headline over its own date line wins over a slogan above it",
     "Thank you for supporting Eastvale Health News\n\n"
     "How does the brain turn ideas into conscious thought?\n\n"
     "Published Thursday 27 July 2017\n\nBy Ana Lee\n\n" +
         kStory,
     TextFlavour::Plain, "How does the brain turn ideas into conscious thought?"},
    {"a consent notice before the menus is not where the article starts: the dated headline "
     "above the story is found past it",
     "Welcome to Eastvale Health\n\n" + kConsent +
         "\u2022 Home\n\u2022 News\n\u2022 Health\n\u2022 Sport\n\u2022 Weather\n\u2022 Jobs\n\n"
         "Harbour clinic opens a new children's wing\n\nPublished 4 March 2019\n\n" +
         kStory,
     TextFlavour::Plain, "Harbour clinic opens a new children's wing"},
    {"a breadcrumb item the renderer wrapped stays one item, so its second line is no title",
     "  \u2022 Home\n  \u2022 News\n  \u2022 Harbour bridge to close after decades of heavy\n"
     "    traffic on its span\n\n"
     "Harbour bridge to close after decades of heavy traffic on its span\n\n" +
         kStory,
     TextFlavour::Plain, "Harbour bridge to close after decades of heavy traffic on its span"},
    {"html2text's starred heading is read even where its output passes for markdown",
     "****** Harbour bridge to close for repairs ******\n\n" + kStory, TextFlavour::Markdown,
     "Harbour bridge to close for repairs"},
};

TEST(RenderedPage, Headline) {
    for (const auto& c : kHeadlineCases)
        EXPECT_EQ(parse_text(c.text, TextOptions{c.flavour, {}}).title, c.title) << c.why;
}

struct MastheadCase {
    const char* why;
    std::vector<std::string> first_lines;
    std::string text;  // the whole page; its last quarter is the foot
    const char* name;
};

// A page of `lines` at the top, `middle` repeated to fill it, and `foot` as its last lines.
std::string page(const std::string& top, const std::string& middle, const std::string& foot) {
    std::string out = top + "\n\n";
    for (int i = 0; i < 6; ++i) out += middle + "\n\n";
    return out + foot + "\n";
}

const MastheadCase kMastheadCases[] = {
    {"a name line the page repeats and signs its foot with ('About X') is the site's",
     {"Valley Wire"},
     page("Valley Wire", "A story. More on Valley Wire later.", "About Valley Wire | Contact"),
     "Valley Wire"},
    {"a greeting names the site without a signature at the foot",
     {"Welcome to Eastvale Health News"},
     page("Welcome to Eastvale Health News", "Read Eastvale Health News daily.", "Terms"),
     "Eastvale Health News"},
    {"a logo's alt text of a name styled in mixed case",
     {"eGazette Logo"},
     page("eGazette Logo", "Sign up to eGazette.", "\u00A9 2020 eGazette"),
     "eGazette"},
    {"html2text's emphasis around a greeting is no part of the name",
     {"** Welcome to Eastvale Health News **"},
     page("Menu", "Read Eastvale Health News daily.", "Terms"),
     "Eastvale Health News"},
    {"html2text's link underscores are spaces",
     {"Valley_Wire"},
     page("Menu", "A story. More on Valley Wire later.", "About Valley Wire | Contact"),
     "Valley Wire"},
    {"the foot is also the lines around the copyright notice, however much a renderer prints "
     "after it (forms, tracking images)",
     {"Valley Wire"},
     page("Valley Wire", "A story. More on Valley Wire later.",
          "Valley Wire\n\u00A9 2020 Northline Media Group\n\n" + std::string(3000, 'x') + "\n"),
     "Valley Wire"},
    {"a lone plain word on lines of its own is a button or a section, not the site",
     {"Insights"},
     page("Insights", "Insights\n\nA story.", "Insights"),
     ""},
    {"a lone plain word is the site's when the copyright notice names it by its domain",
     {"Eastvale"},
     page("Eastvale", "Eastvale readers asked the council.",
          "Eastvale\n\nPortions of this content are \u00A9 1998-2015 by eastvale.example "
          "contributors."),
     "Eastvale"},
    {"a masthead is confirmed by a notice that names its brand's first word (\"Northline News\" "
     "of \"Northline Corporation\"), where the foot never prints it on a line of its own",
     {"Northline News"},
     page("Northline News", "Read Northline News daily.",
          "Copyright (C) 2017 Northline Corporation. All rights reserved."),
     "Northline News"},
    {"a lone plain word the copyright notice does not name stays a button",
     {"Insights"},
     page("Insights", "Insights\n\nA story.", "Insights\n\u00A9 2020 Northline Media Group"),
     ""},
    {"a name the page bylines is its writer, not the site",
     {"Jo Marsh"},
     page("Jo Marsh", "By Jo Marsh. A story.", "Jo Marsh"),
     ""},
    {"a name printed only twice is not confirmed",
     {"Valley Wire"},
     page("Valley Wire", "A story.", "About Valley Wire"),
     ""},
};

TEST(RenderedPage, MastheadOutlet) {
    for (const auto& c : kMastheadCases)
        EXPECT_EQ(masthead_outlet(c.first_lines, c.text), c.name) << c.why;
}

struct AboutCase {
    const char* why;
    std::string text;
    const char* name;
};

const AboutCase kAboutCases[] = {
    {"a bulleted 'About X' in the footer names the site the page prints often",
     page("Menu", "Harbour Daily readers asked the council.", "  \u2022 About Harbour Daily"),
     "Harbour Daily"},
    {"html2text writes a link's spaces as underscores",
     page("Menu", "Read eGazette every day.", "*     o About_eGazette"), "eGazette"},
    {"a longer name printed as often is the site's full name",
     page("Menu", "Sign up for Ridge Review.", "\u2022 About Ridge"), "Ridge Review"},
    {"'About Us' names a page of the site, not the site",
     page("Menu", "Us and them.", "\u2022 About Us"), ""},
    {"a name the page prints fewer than three times is not confirmed",
     page("Menu", "A story.", "About Harbour Daily\n\nHarbour Daily"), ""},
    {"'About X' in the story's first half is a heading, not the site's footer",
     "About Harbour Daily\n\n" + page("Menu", "Harbour Daily said.", "Contact"), ""},
};

const AboutCase kMoreFromCases[] = {
    {"a 'More from X' heading over related links names the site the page prints often",
     page("Menu", "Harbour Daily readers asked.", "More from Harbour Daily"), "Harbour Daily"},
    {"several headings: the name printed most, not the parent company",
     page("Menu", "Harbour Daily readers asked.",
          "More from Northline Media\n\nMore from Harbour Daily"),
     "Harbour Daily"},
    {"a shouted heading: a short acronym stays in capitals",
     page("Menu", "Read HDN daily.", "MORE FROM HDN"), "HDN"},
    {"the writer's other stories are not the site",
     page("By Jo Marsh", "Jo Marsh reports.", "More from Jo Marsh"), ""},
};

TEST(RenderedPage, MoreFromOutlet) {
    for (const auto& c : kMoreFromCases) EXPECT_EQ(more_from_outlet(c.text), c.name) << c.why;
}

TEST(RenderedPage, AboutOutlet) {
    for (const auto& c : kAboutCases) EXPECT_EQ(about_outlet(c.text), c.name) << c.why;
}

struct FeedCase {
    const char* why;
    std::string text;
    const char* name;
};

const FeedCase kFeedCases[] = {
    {"a WordPress feed's title is the site's name before ' » Feed'",
     "   #Ridge Review \u00BB Feed Ridge Review \u00BB Comments Feed\n\n" + kStory, "Ridge Review"},
    {"link relations lynx prints for untitled links are no part of the name, and the list wraps",
     "   #home copyright Ridge Review \u2013 the valley's paper RSS Feed Ridge\n"
     "   Review \u00BB Comments Feed\n\n" +
         kStory,
     "Ridge Review \u2013 the valley's paper"},
    {"a Kinja-style feed of 'All stories'", "   #Ridge Review - All stories\n\n" + kStory,
     "Ridge Review"},
    {"a bare title that is nothing but a name", "   #Ridge Review alternate\n\n" + kStory,
     "Ridge Review"},
    {"a bare title printed twice (a feed and an icon) is one name",
     "   #Ridge Review Ridge Review\n\n" + kStory, "Ridge Review"},
    {"a subscription prompt as a feed's title names no site",
     "   #Subscribe to our RSS Feed\n\n" + kStory, ""},
    {"titles of several pages are no name",
     "   #Blog All Releases Security Releases Major Releases alternate\n\n" + kStory, ""},
    {"a '#' line inside the page is not lynx's link list", kStory + "#Ridge Review\n", ""},
};

TEST(RenderedPage, FeedTitleOutlet) {
    for (const auto& c : kFeedCases) EXPECT_EQ(feed_title_outlet(c.text), c.name) << c.why;
}

struct PageOutletCase {
    const char* why;
    std::string text;
    const char* outlet;
    const char* url;
};

const PageOutletCase kPageOutletCases[] = {
    {"the masthead wins over a copyright holder that is the parent company",
     page("Valley Wire\n\nHarbour bridge to close for repairs\n\nBy Ann Lee, March 3, 2019\n\n" +
              kStory,
          "Valley Wire reporters asked the council.",
          "About Valley Wire\n\n\u00A9 2020 Northline Media Group. All rights reserved."),
     "Valley Wire", ""},
    {"an 'About X' footer item names the site over a parent company's copyright",
     page("Harbour bridge to close for repairs\n\nBy Ann Lee, March 3, 2019\n\n" + kStory,
          "Ridge Review readers asked the council.",
          "\u2022 About Ridge Review\n\n\u00A9 2020 Northline Media Group. All rights reserved."),
     "Ridge Review", ""},
    {"a writer's note 'X is the editor at Y' names the outlet over the parent company",
     "Harbour bridge to close for repairs\n\nBy Ann Lee, March 3, 2019\n\n" + kStory +
         "\n\nAnn Lee is the Transport Editor at Ridge Review, which she joined in 2012.\n\n"
         "\u00A9 2020 Northline Media Group. All rights reserved.\n",
     "Ridge Review", ""},
    {"a feed title lynx prints names the site over a parent company's copyright",
     page("   #Ridge Review \u00BB Feed Ridge Review \u00BB Comments Feed\n\n"
          "Harbour bridge to close for repairs\n\nBy Ann Lee, March 3, 2019\n\n" +
              kStory,
          "The council said more.", "\u00A9 2020 Northline Media Group. All rights reserved."),
     "Ridge Review", ""},
    {"a masthead line is the site when the copyright notice names its brand",
     page("Northline News\n\nHarbour bridge to close for repairs\n\nBy Ann Lee, March 3, 2019\n\n" +
              kStory,
          "Northline News readers asked the council.",
          "\u00A9 2020 Northline Corporation. All rights reserved."),
     "Northline News", ""},
    {"a script URL deep inside the page is not the article's, nor its CDN host the outlet",
     page("Harbour bridge to close for repairs\n\n" + kStory,
          "The council said more.\n\nhttps://cdn.tracker.example/partner/proxy.js", "Contact"),
     "", ""},
    {"a bare URL at the top is the article's, as exporters put it",
     "https://valleywire.example/bridge\n\nHarbour bridge to close for repairs\n\n" + kStory,
     "valleywire.example", "https://valleywire.example/bridge"},
};

TEST(RenderedPage, Outlet) {
    for (const auto& c : kPageOutletCases) {
        const auto result = extract_file(SourceFile{"page.txt", c.text, std::nullopt}, {});
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        EXPECT_EQ(result.articles[0].outlet, c.outlet) << c.why;
        EXPECT_EQ(result.articles[0].url, c.url) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
