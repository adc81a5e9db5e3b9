// html_test.cpp — table tests for the HTML step: metadata precedence and main-text density.
#include "core/extract/html.h"

#include <gtest/gtest.h>

#include <string>

namespace broadsheet {
namespace {

struct HtmlCase {
    const char* html;
    const char* meta_title;
    const char* title;
    const char* meta_date;
    const char* meta_outlet;
    const char* author;  // Draft::author or meta_author, whichever the page gives
    const char* meta_url;
    const char* body_contains;
    const char* body_lacks;
    const char* why;
};

const HtmlCase kCases[] = {
    {R"(<html><head><title>Talks resume | World | Example Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage",
"name":"x"},{"@type":"NewsArticle","headline":"Talks resume in Geneva","datePublished":
"2016-09-09T10:00:00Z","dateModified":"2016-09-10T08:00:00Z","author":[{"@type":"Person",
"name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"Example Times"}}]}</script>
</head><body><article><h1>Talks resume in Geneva</h1><p>Diplomats met on Friday, and the talks,
which had stalled, resumed after a long pause in the city.</p></article></body></html>)",
     "Talks resume in Geneva", "Talks resume in Geneva", "2016-09-09", "Example Times", "Jane Doe",
     "", "Diplomats met on Friday", "",
     "JSON-LD in an @graph: published date, not the modified one; publisher; author list"},
    {R"(<html><head><meta property="og:title" content="Late penalty hands Brighton a win">
<meta property="og:site_name" content="the Guardian">
<meta property="og:url" content="https://www.theguardian.com/football/2019/oct/12/x">
<meta property="article:published_time" content="2019-10-12T19:31:05.000Z">
<meta property="article:modified_time" content="2019-10-13T08:02:44.000Z">
<meta property="article:author" content="https://www.theguardian.com/profile/x"></head>
<body><nav><ul><li>News</li><li>Sport</li></ul></nav><div id="main"><h1>Late penalty</h1>
<address>Owen Barker at Anfield</address><div class="content"><p>Brighton won at Anfield for
the first time, with a penalty in the 89th minute, after a long, tense match.</p></div>
<div class="comments"><p>Never a penalty in a million years, said a reader, angrily.</p></div>
</div><footer><p>&copy; 2019 Guardian News &amp; Media Limited</p></footer></body></html>)",
     "Late penalty hands Brighton a win", "Late penalty hands Brighton a win", "2019-10-12",
     "the Guardian", "Owen Barker", "https://www.theguardian.com/football/2019/oct/12/x",
     "Brighton won", "million years",
     "og:/article: meta; author URL ignored; <address> byline; comments dropped"},
    {R"(<html><head><title>Shenzhen opens driverless bus line - Chinadaily.com.cn</title></head>
<body><div class="menu"><a href="/a">China</a> <a href="/b">World</a></div>
<div class="left"><div><a href="/l1">Beijing to add 100 km of subway lines</a></div>
<div><a href="/l2">Panda twins celebrate first birthday</a></div></div>
<div class="main-col"><div class="headline">Shenzhen opens driverless bus line</div>
<div class="info">By Zhang Wei in Shenzhen | chinadaily.com.cn | 09-09-2016 10:29 BJT</div>
<div class="text"><div>Four driverless buses began carrying passengers on a route in Shenzhen,
in what the city calls a first for public transport.</div><div>The buses travel at up to 30
km/h on a dedicated lane, with a safety officer on board, the operator said.</div></div></div>
</body></html>)",
     "", "Shenzhen opens driverless bus line", "", "", "Zhang Wei", "", "Four driverless buses",
     "Panda twins",
     "div soup: density finds the text; link columns dropped; unmarked info line as byline"},
    {R"(<html><body><div id="cookie-warning"><p>We use cookies to enhance your visit to our
site and to bring you advertisements that might interest you.</p></div>
<div class="panel-two-col-sidebar-right"><div class="pane-description"><p>The river rose two
metres overnight, and by morning the lower town was cut off from the main road.</p><p>Crews
worked through the night, the council said, moving sandbags to the old bridge.</p></div>
<div class="pane-links"><a href="/a">Flood map</a></div></div></body></html>)",
     "", "", "", "", "", "", "The river rose two metres", "We use cookies",
     "a layout class naming furniture (sidebar) wraps the article: the text it holds wins over "
     "the class; the small cookie box stays out"},
    {R"(<html><body><div class="story"><p>The council approved the new bridge on Monday, after a
long debate, by seven votes to two.</p></div><div class="comments"><p>First comment: this is a
waste of money, and everyone knows it, frankly, and I will say so again.</p><p>Second comment:
I disagree, the old bridge is falling apart, and has been for years, as anyone can see.</p>
<p>Third comment: both of you are wrong, as usual, and the vote was rigged, I tell you.</p>
</div></body></html>)",
     "", "", "", "", "", "", "approved the new bridge", "First comment",
     "a comment thread longer than its article is still furniture"},
    {R"(<html><body><div class="story"><p>The council approved the new bridge on Monday, after a
long debate, by seven votes to two.</p></div><div class="full-gallery"><ul><li><h2>1/3 Old
bridge</h2><p>The old bridge, built in 1901, carried trams, carts, and later buses, until it
closed.</p></li><li><h2>2/3 Flood</h2><p>The flood of 1953, which swept away two spans, left the
town divided, cut off, and short of food.</p></li><li><h2>3/3 Plans</h2><p>Plans for a new
bridge, drawn in 1960, in 1985, and again in 2004, were each shelved, for lack of money.</p>
</li></ul></div></body></html>)",
     "", "", "", "", "", "", "approved the new bridge", "built in 1901",
     "a gallery's captions outweigh the story, and are still not the article"},
    {R"(<html><body><div class="page"><div class="block"><div class="cell"><div class="text">
<p>The first section of the review, about the design, which is plain, sturdy and quiet.</p>
</div></div></div><div class="block"><div class="cell"><div class="text"><p>The second section,
about speed, which is good, though not great, in most of the games we tried.</p></div></div>
</div><div class="block"><div class="cell"><div class="text"><p>The verdict: worth buying for most people
unless the price matters more to them than speed.</p></div></div></div>
</div><div class="links"><a href="/x">More reviews</a></div></body></html>)",
     "", "", "", "", "", "", "The verdict: worth buying", "More reviews",
     "an article split into sections in separate containers is read whole"},
    {R"(<html><body><article><div class="supplemental"><div class="story-body story-body-1">
<p>The sale is done in two steps, the lawyers said, and the first is the transfer.</p></div></div>
<div class="ad">Advertisement</div><div class="supplemental"><div class="story-body story-body-2">
<p>In the second step, at the closing, the stock is sold, and the name changes, too.</p>
<p>After that, the company holds cash, shares, and little else, as the filings show.</p>
<p>Shareholders, for their part, keep their stakes, and wait, as they have for months.</p></div>
</div></article></body></html>)",
     "", "", "", "", "", "", "The sale is done in two steps", "Advertisement",
     "story parts in repeated containers around an advert, one level apart, are read together"},
    {R"(<html><body><div class="story"><p>The council approved the new bridge on Monday, after a
long debate, by seven votes to two.</p><p style="display: none">Please enable JavaScript to view
this content, and reload the page.</p></div></body></html>)",
     "", "", "", "", "", "", "approved the new bridge", "enable JavaScript",
     "an inline style that hides an element hides it from the body too"},
    {R"(<html><body><div class="doc"><div id="sharing-with-a-single-developer"><h2>Sharing with
a single developer</h2><p>The key to shared history is to keep your changes in draft, as you
pass them around, until they are ready.</p></div><div id="intro"><p>Once you know the tool,
you can move up to the next level, which is sharing, with one colleague or with many.</p><p>This
guide shows how, step by step, with examples, for teams of two, of five, and of fifty.</p></div></div></body></html>)",
     "", "", "", "", "", "", "keep your changes in draft", "",
     "an id made from a heading (sharing-with-a-...) is an anchor, not a share widget"},
    {R"(<html><body><article><p>Updated April 5, 2018</p><h2>Highlights</h2>
<p>Here is our year in review!</p><p>The team landed forty fixes this month, the release notes
say, and most of them were small.</p><p>Startup is faster, by about a tenth, on older machines
and on phones.</p></article></body></html>)",
     "", "", "", "", "", "", "Here is our year in review!", "Updated April 5",
     "the body is the article's blocks (a short exclamation is text, not a related-links line); "
     "a date line inside the article is a field, not body"},
    {R"(<html><body><article><p>You will need only a few things, most of them from a florist, and
an afternoon, to build the terrarium.</p><ul><li>Floral foam</li><li>Moss</li><li>Small
plants</li></ul><ul><li><a href="/a">Home</a></li><li><a href="/b">Garden</a></li></ul>
<p>Cut the foam, soak it, and press the plants in, one by one, from the back.</p></article>
</body></html>)",
     "", "", "", "", "", "", "Floral foam", "Garden",
     "short list items are content unless they are links (menu entries)"},
    {R"(<html><body><article><div class="entry-content"><p>The survey, which asked fifty thousand
developers about their tools, found that most of them, again, prefer the editor they know.</p>
<div id="jp-relatedposts" class="jp-relatedposts"><div class="jp-relatedposts-post"><h4>Last
year's survey</h4><p>The survey of last year, which asked forty thousand developers, found much
the same, with small changes.</p></div></div></div></article></body></html>)",
     "", "", "", "", "", "", "prefer the editor they know", "forty thousand",
     "a compound class name (relatedposts) names furniture like its long word (related)"},
};

TEST(ParseHtml, Table) {
    for (const auto& c : kCases) {
        const Draft d = parse_html(c.html);
        EXPECT_EQ(d.meta_title, c.meta_title) << c.why;
        EXPECT_EQ(d.title, c.title) << c.why;
        EXPECT_EQ(d.meta_date ? d.meta_date->iso() : "", c.meta_date) << c.why;
        EXPECT_EQ(d.meta_outlet, c.meta_outlet) << c.why;
        EXPECT_EQ(!d.author.empty() ? d.author : d.meta_author, c.author) << c.why;
        EXPECT_EQ(d.meta_url, c.meta_url) << c.why;
        std::string body;
        for (const auto& p : d.paragraphs) body += p + "\n\n";
        EXPECT_NE(body.find(c.body_contains), std::string::npos) << c.why << "\n" << body;
        if (*c.body_lacks) {
            EXPECT_EQ(body.find(c.body_lacks), std::string::npos) << c.why << "\n" << body;
        }
    }
}

// Dates printed around the headline but outside the article's text: where they count and where
// they do not. Every page holds the same paragraph, so only the date layout differs.
struct PrintedDateCase {
    const char* before;       // the page before the article's paragraph
    const char* after;        // and after it
    const char* byline_date;  // Draft::byline_date: a date line near the <h1>
    const char* text_date;    // Draft::text_date: weaker, after the URL path
    const char* why;
};

constexpr const char* kCouncilParagraph =
    "<div class=\"text\"><p>The council approved the new budget on a narrow vote after a long "
    "evening of debate in the town hall.</p></div>";

const PrintedDateCase kPrintedDates[] = {
    {"<div class=\"meta\"><span>02.11.2021</span></div><h1>Budget passes</h1>", "", "2021-11-02",
     "2021-11-02", "a bare dotted date in a header above the headline"},
    {"<h1>Budget passes</h1><div><span>Stand:</span> <span>21.03.2019 08:15 Uhr</span></div>", "",
     "2019-03-21", "2019-03-21", "'Stand:' and its date in sibling spans read as one line"},
    {"<h1>Budget passes</h1><p>Aktualisiert: 30.12.2016</p>", "", "", "",
     "an updated-only stamp is not a publication date"},
    {"<h1>Budget passes</h1>", "<div class=\"comments\"><span>5. M\u00e4rz 2020</span></div>", "",
     "", "a comment's date never dates the article"},
    {"<div class=\"top\"><span>le 4 f\u00e9vrier 2021</span></div>", "", "", "2021-02-04",
     "no headline: the first date line is weak evidence only"},
    {"<article><header><h1>Budget passes</h1><div class=\"entry-meta\"><a href=\"/x\">"
     "<span>13. November 2019</span></a></div></header>",
     "</article>", "2019-11-13", "2019-11-13", "the article's own <header> is not the masthead"},
    {"<div class=\"widget Blog\"><div class=\"date-header\"><span>Samstag, 5. Oktober 2013</span>"
     "</div><h1>Budget passes</h1>",
     "</div>", "2013-10-05", "2013-10-05",
     "a class name alone ('widget', 'header') does not hide a blog post's date"},
    {"<h1>Budget passes</h1><aside><ul><li>Wissen</li><li class=\"meta__date\">26.02.2020</li>"
     "<li class=\"meta__updated\">27.02.2020</li></ul></aside>",
     "", "2020-02-26", "2020-02-26",
     "in a side column only an element whose class names a date counts, not an update"},
    {"<h1>Budget passes</h1><aside><ul><li>Wissen</li><li>26.02.2020</li></ul></aside>", "", "", "",
     "an unmarked date in a side column belongs to something else"},
    {"<article><h1>Budget passes</h1><time class=\"entry-date published updated\" "
     "datetime=\"2019-11-13T08:39:36+00:00\">Nov 13</time>",
     "</article>", "2019-11-13", "2019-11-13",
     "a <time> marked published and updated is the publication date"},
};

TEST(ParseHtml, PrintedDatesAroundTheHeadline) {
    for (const auto& c : kPrintedDates) {
        const Draft d = parse_html(std::string("<html><body>") + c.before + kCouncilParagraph +
                                   c.after + "</body></html>");
        EXPECT_EQ(d.byline_date ? d.byline_date->iso() : "", c.byline_date) << c.why;
        EXPECT_EQ(d.text_date ? d.text_date->iso() : "", c.text_date) << c.why;
    }
}

// An ambiguous numeric date printed by the headline is read in the page's order: the language
// it declares, else its country's domain, else US order.
struct NumericOrderCase {
    const char* html_open;  // the <html> tag and <head>
    const char* date;
    const char* why;
};

const NumericOrderCase kNumericOrders[] = {
    {"<html lang=\"en-GB\"><head></head>", "2020-10-02", "British English: day first"},
    {"<html lang=\"de\"><head></head>", "2020-10-02", "German: day first"},
    {"<html lang=\"en-US\"><head></head>", "2020-02-10", "US English: month first"},
    {"<html><head><link rel=\"canonical\" href=\"https://www.example.co.uk/a\"></head>",
     "2020-10-02", "no language: a country domain decides"},
    {"<html><head><link rel=\"canonical\" href=\"https://www.example.com/a\"></head>", "2020-02-10",
     "no language, no country: the documented US default"},
};

TEST(ParseHtml, NumericDateOrderFromPageEvidence) {
    for (const auto& c : kNumericOrders) {
        const Draft d = parse_html(std::string(c.html_open) + "<body><h1>Budget passes</h1>" +
                                   "<p>02/10/2020</p>" + kCouncilParagraph + "</body></html>");
        EXPECT_EQ(d.byline_date ? d.byline_date->iso() : "", c.date) << c.why;
    }
}

// JSON-LD wrapped in a CDATA section (written as if the page were XHTML) is still read.
TEST(ParseHtml, JsonLdInsideCdataIsRead) {
    const Draft d = parse_html(
        "<html><head><script type=\"application/ld+json\">\n  <![CDATA[\n  {\"@type\":\"Article\","
        "\"headline\":\"Budget passes\",\"datePublished\":\"2013-09-11T10:00:00-04:00\"}\n  ]]>"
        "\n</script></head><body><h1>Budget passes</h1>" +
        std::string(kCouncilParagraph) + "</body></html>");
    EXPECT_EQ(d.meta_date ? d.meta_date->iso() : "", "2013-09-11");
    EXPECT_EQ(d.meta_title, "Budget passes");
}

TEST(ParseHtml, DivSoupInfoLineDateIsTheBylineDate) {
    // "09-09-2016 10:29 BJT" on the byline: month-first numeric date with Beijing time.
    const Draft d = parse_html(kCases[2].html);
    ASSERT_TRUE(d.byline_date);
    EXPECT_EQ(d.byline_date->iso(), "2016-09-09");
    EXPECT_NE(d.byline_text.find("chinadaily.com.cn"), std::string::npos);
}

TEST(ParseHtml, GarbageDoesNotCrash) {
    // Broken markup is recovered, never fatal.
    for (const char* junk : {"<", "<html><body><p>unclosed", "<<<>>>", "<script>{{{</script>",
                             "<html><head><script type=\"application/ld+json\">{bad json</script>"})
        EXPECT_NO_THROW(parse_html(junk)) << junk;
}

}  // namespace
}  // namespace broadsheet

namespace broadsheet {
namespace {

TEST(ParseHtml, OpinionContainerIsNotACommentSection) {
    // class "content--comment" marks an opinion piece; only "comments" sections are furniture.
    const Draft d = parse_html(
        "<html><body><div class=\"content--comment\"><div class=\"article-body\"><p>I have "
        "lived beside the river for twenty years, and I have never seen it so high.</p></div>"
        "</div><div class=\"comments\"><p>First! This is a reader comment, with commas, "
        "and more commas, and more.</p></div><p hidden>Hidden text that must not appear in the "
        "body at all.</p></body></html>");
    std::string body;
    for (const auto& p : d.paragraphs) body += p + "\n";
    EXPECT_NE(body.find("beside the river"), std::string::npos) << body;
    EXPECT_EQ(body.find("reader comment"), std::string::npos) << body;
    EXPECT_EQ(body.find("Hidden text"), std::string::npos) << body;
}

}  // namespace
}  // namespace broadsheet

namespace broadsheet {
namespace {

TEST(ParseHtml, TitleTagLosesSectionAndSite) {
    // Without an <h1> or meta title, the <title> is cut where the site's branding starts.
    const Draft d = parse_html(
        "<html><head><title>Kerry - Lavrov talks resume | World | Example Times</title></head>"
        "<body><p>Talks resumed in Geneva on Friday, officials said, after a pause.</p></body>"
        "</html>");
    EXPECT_EQ(d.title, "Kerry - Lavrov talks resume");
    EXPECT_EQ(d.site_hint, "Example Times");
}

TEST(ParseHtml, SiteNameAgreesWithThePublisher) {
    struct Case {
        const char* site_name;
        const char* publisher;
        const char* want;
        const char* why;
    };
    const Case cases[] = {
        {"Aktualne.cz - Vite, co se prave deje", "Aktualne.cz", "Aktualne.cz",
         "og:site_name with a tagline after the publisher's name: the name"},
        {"Liberation.fr", "Liberation", "Liberation", "a domain ending after the name goes"},
        {"Example Times", "Example Media Group", "Example Times",
         "a publisher that differs is a parent company: og:site_name stays"},
        {"BuzzFeed News", "BuzzFeed", "BuzzFeed News", "a longer name that is no tagline stays"},
    };
    for (const auto& c : cases) {
        const std::string html =
            std::string("<html><head><meta property=\"og:site_name\" content=\"") + c.site_name +
            "\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            "\"headline\":\"Budget passes\",\"publisher\":{\"name\":\"" +
            c.publisher + "\"}}</script></head><body></body></html>";
        EXPECT_EQ(parse_html(html).meta_outlet, c.want) << c.why;
    }
}

TEST(ParseHtml, SiteNameFromJsonLdBesidesThePublisher) {
    struct Case {
        const char* head;
        const char* want;
        const char* why;
    };
    const Case cases[] = {
        {R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passes",
"isPartOf":{"@type":"WebSite","name":"Eastvale Gazette"}}</script>)",
         "Eastvale Gazette", "an article's isPartOf names the site when nothing else does"},
        {R"(<script type="application/ld+json">[{"@type":"WebSite","name":"Eastvale Gazette",
"url":"https://eastvale.example/"},{"@type":"NewsArticle","headline":"Budget passes"}]</script>
<meta name="application-name" content="Gazette App">)",
         "Eastvale Gazette", "a WebSite entity's name comes before application-name"},
        {R"(<meta property="og:site_name" content="The Gazette"><script type="application/ld+json">
{"@type":"WebSite","name":"Eastvale Gazette Online"}</script>)",
         "The Gazette", "og:site_name still comes first"},
        {R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passes",
"publisher":{"name":"Northline Media"},"isPartOf":{"name":"Eastvale Gazette"}}</script>)",
         "Northline Media", "a declared publisher comes before isPartOf"},
    };
    for (const auto& c : cases) {
        const std::string html =
            std::string("<html><head>") + c.head + "</head><body></body></html>";
        EXPECT_EQ(parse_html(html).meta_outlet, c.want) << c.why;
    }
}

TEST(ParseHtml, AuthorMetaTags) {
    struct Case {
        const char* head;
        const char* want;
        const char* why;
    };
    const Case cases[] = {
        {R"(<meta name="author" content="Ann Lee"><meta property="dc:creator" content="Bo Chen">)",
         "Bo Chen", "a property (RDFa) overrides a name attribute, as for titles"},
        {R"(<meta property="dc:creator twitter:site_name" content="Bo Chen">)", "Bo Chen",
         "a property may list several keys"},
        {R"(<meta name="parsely-author" content="Cy Diaz">)", "Cy Diaz",
         "Parse.ly's author key names the author"},
        {R"(<meta name="author" content="https://example.com/staff/ann"><meta name="byl"
content="Ann Lee">)",
         "Ann Lee", "a profile URL is no name"},
    };
    for (const auto& c : cases) {
        const std::string html =
            std::string("<html><head>") + c.head + "</head><body></body></html>";
        EXPECT_EQ(parse_html(html).meta_author, c.want) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
