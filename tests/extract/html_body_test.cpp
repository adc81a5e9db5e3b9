// html_body_test.cpp — table tests for the main-text rules of HTML pages: which blocks of made-up
// pages reach the body and which stay out.
#include <gtest/gtest.h>

#include <string>

#include "core/extract/html.h"

namespace broadsheet {
namespace {

struct BodyCase {
    std::string html;      // the article's inner blocks (kCases) or a whole page (kLayoutCases)
    const char* contains;  // text the body must hold
    const char* lacks;     // text the body must not hold ("" for none)
    const char* why;
};

// Two long paragraphs that make their container the article wherever a case puts them.
constexpr const char* kProse =
    "<p>The council met on Tuesday evening, and after a long debate, it voted to close the old "
    "bridge to lorries from the first of May.</p><p>Residents, who had campaigned for years, "
    "said the decision came too late, but welcomed it all the same.</p>";

std::string page(const std::string& article_inner) {
    return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
           "<div class=\"story\">" +
           std::string(kProse) + article_inner + "</div></body></html>";
}

std::string body_of(const std::string& html) {
    std::string body;
    for (const auto& p : parse_html(html).paragraphs) body += p + "\n";
    return body;
}

const BodyCase kCases[] = {
    {"<ul><li>The mayor, who voted against, said lorries would now use the ring road.</li>"
     "<li>Thanks to the council, cyclists can now <a href=\"/b\">use the bridge lanes</a></li>"
     "</ul>",
     "cyclists can now use the bridge lanes", "",
     "a linked item in a list of sentences is list content, not a menu entry"},
    {"<ul><li><a href=\"/a\">Sport</a></li><li><a href=\"/b\">Weather and travel news</a></li>"
     "<li><a href=\"/c\">Local business and jobs</a></li></ul>",
     "The council met", "Weather and travel news", "a list of links stays a menu, item by item"},
    {"<p><span class=\"caption\">&copy; Provided by Example Wire</span> Lorry drivers, who "
     "will need to find another way into town, were not consulted, the union said.</p>",
     "Lorry drivers, who will need", "Provided by",
     "a caption span inside a paragraph leaves the paragraph its own text"},
    {"<p>The bridge was built by <a class=\"popup\" href=\"#\">Thomas Telford</a> in 1820, "
     "and it has carried traffic ever since.</p>",
     "built by Thomas Telford in 1820", "",
     "a link inside a sentence keeps its words whatever its class is called"},
    {"<div class=\"step\"><span class=\"head\">Step 1</span><p>Close the bridge to lorries "
     "at both ends, and put up the signs a week before.</p></div>",
     "Step 1", "", "a short label right before a block is that block's heading"},
    {"<div class=\"note\"><span>Updated</span> <a href=\"/x\">Read more</a></div>",
     "The council met", "Updated", "a label with a link beside it is no heading"},
    {"<div class=\"item item_image no_caption\"><h2>Lorry drivers will have to take the ring "
     "road</h2><img src=\"x.jpg\"></div>",
     "Lorry drivers will have to take the ring road", "",
     "a class word after \"no\" says what the element lacks, not what it is"},
};

TEST(HtmlBody, BlocksOfTheArticle) {
    for (const auto& c : kCases) {
        const std::string body = body_of(page(c.html));
        EXPECT_NE(body.find(c.contains), std::string::npos) << c.why << "\n" << body;
        if (*c.lacks) {
            EXPECT_EQ(body.find(c.lacks), std::string::npos) << c.why << "\n" << body;
        }
    }
}

// Pages whose article does not sit in one container.
const BodyCase kLayoutCases[] = {
    {"<html><body><div class=\"article\"><div class=\"perex\">The old bridge will close to "
     "lorries in May, the council decided after a long and heated debate.</div><div "
     "class=\"content\">" +
         std::string(kProse) + kProse + kProse + "</div></div></body></html>",
     "The old bridge will close to lorries", "",
     "a lead paragraph beside the article's container belongs to the article"},
    {"<html><body><div class=\"page\"><div class=\"block\"><div><p>The lead paragraph, "
     "which the site puts in a block of its own, tells the story in brief.</p></div></div>"
     "<div class=\"gallery-wrap\"><a href=\"/g\">Gallery: 14 photos</a></div><div "
     "class=\"rest\"><div class=\"block\"><div>" +
         std::string(kProse) + "</div></div><div class=\"block\"><div>" + std::string(kProse) +
         kProse + "</div></div></div></div></body></html>",
     "The lead paragraph, which the site puts", "Gallery",
     "a sibling of the kind of the sections inside the article is one more section"},
    {"<html><body>\n  Test\n</body></html>", "Test", "",
     "a page without prose blocks still has its text as the body"},
    {"<html><head><title>Bridge closes: council votes</title></head><body><article><h1>Bridge "
     "closes: what happens next for the town</h1>" +
         std::string(kProse) + "</article></body></html>",
     "what happens next for the town", "",
     "an <h1> that differs from the headline is a heading of the article"},
    {"<html><head><title>Bridge closes to lorries | Example Post</title></head><body><article>"
     "<h1>Bridge closes to lorries</h1>" +
         std::string(kProse) + "</article></body></html>",
     "The council met", "Bridge closes to lorries", "the headline itself stays out of the body"},
};

TEST(HtmlBody, ArticlesSpreadOverContainers) {
    for (const auto& c : kLayoutCases) {
        const std::string body = body_of(c.html);
        EXPECT_NE(body.find(c.contains), std::string::npos) << c.why << "\n" << body;
        if (*c.lacks) {
            EXPECT_EQ(body.find(c.lacks), std::string::npos) << c.why << "\n" << body;
        }
    }
}

}  // namespace
}  // namespace broadsheet
