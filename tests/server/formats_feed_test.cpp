// formats_feed_test.cpp — Atom feeds and the OpenSearch description parse as XML (libxml2, the
// parser feed readers rely on most), keep hostile text as text, and link where docs/api.md says.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/formats/atom.h"
#include "server/formats/opensearch.h"

namespace broadsheet {
namespace {

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

// Parses strictly (no recovery, no network); a null document fails the test.
XmlDoc parse(const std::string& text) {
    XmlDoc doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "feed.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
               xmlFreeDoc);
    EXPECT_NE(doc, nullptr) << "not well-formed:\n" << text;
    return doc;
}

std::string name_of(xmlNodePtr node) {
    return reinterpret_cast<const char*>(node->name);
}

std::string text_of(xmlNodePtr node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
}

std::string attribute(xmlNodePtr node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string text = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
}

std::vector<xmlNodePtr> children(xmlNodePtr parent, const std::string& name) {
    std::vector<xmlNodePtr> out;
    for (xmlNodePtr node = parent->children; node; node = node->next)
        if (node->type == XML_ELEMENT_NODE && name_of(node) == name) out.push_back(node);
    return out;
}

AtomFeed sample_feed() {
    AtomFeed feed;
    feed.id = "urn:broadsheet:search:q%3Da%26b";
    feed.title = "Broadsheet: a & <b>";
    feed.self = "http://localhost:8080/api/search.atom?q=a%26b&outlet=x";
    feed.alternate = "http://localhost:8080/?q=a%26b&sort=newest";
    feed.updated = "2026-11-23T17:00:00Z";
    feed.base = "http://localhost:8080";
    return feed;
}

TEST(AtomFeed, IsWellFormedAndEscapesEverything) {
    Hit hostile;
    hostile.id = "a 1&b.txt";
    hostile.title = "Tom & Jerry <script>alert(1)</script> \"quoted\" ]]>";
    hostile.date = Date::from_iso("2017-11-17");
    hostile.outlet = "Sputnik";
    hostile.url = "javascript:alert(1)";
    hostile.snippet = "a <mark>ceasefire</mark> &amp; &lt;b&gt; \x01 bad \xff";
    Hit plain;
    plain.id = "a2";
    plain.title = "";
    plain.author = "Jane Doe";
    plain.outlet = "Bloomberg";
    plain.url = "https://example.com/story?id=1&x=2";
    plain.snippet = "text";

    const std::string text = atom_feed(sample_feed(), {hostile, plain});
    const XmlDoc doc = parse(text);
    ASSERT_NE(doc, nullptr);
    xmlNodePtr feed = xmlDocGetRootElement(doc.get());
    EXPECT_EQ(name_of(feed), "feed");
    ASSERT_NE(feed->ns, nullptr);
    EXPECT_STREQ(reinterpret_cast<const char*>(feed->ns->href), "http://www.w3.org/2005/Atom");
    EXPECT_EQ(text_of(children(feed, "title").at(0)), "Broadsheet: a & <b>");
    EXPECT_EQ(text_of(children(feed, "updated").at(0)), "2026-11-23T17:00:00Z");
    const auto links = children(feed, "link");
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(attribute(links[0], "rel"), "self");
    EXPECT_EQ(attribute(links[0], "href"), sample_feed().self);
    EXPECT_EQ(attribute(links[1], "rel"), "alternate");

    const auto entries = children(feed, "entry");
    ASSERT_EQ(entries.size(), 2u);
    // The hostile entry: markup in the title is text, not elements.
    EXPECT_EQ(text_of(children(entries[0], "title").at(0)), hostile.title);
    EXPECT_TRUE(children(children(entries[0], "title").at(0), "script").empty());
    EXPECT_EQ(text_of(children(entries[0], "id").at(0)), "urn:broadsheet:article:a%201%26b.txt");
    EXPECT_EQ(text_of(children(entries[0], "updated").at(0)), "2017-11-17T00:00:00Z");
    // A javascript: URL is never linked: the page's own link instead.
    EXPECT_EQ(attribute(children(entries[0], "link").at(0), "href"),
              "http://localhost:8080/?article=a%201%26b.txt");
    // Without an author the outlet names the entry's author.
    EXPECT_EQ(text_of(children(children(entries[0], "author").at(0), "name").at(0)), "Sputnik");
    // The summary is the snippet as plain text; bytes XML cannot carry became U+FFFD.
    const xmlNodePtr summary = children(entries[0], "summary").at(0);
    EXPECT_EQ(attribute(summary, "type"), "text");
    EXPECT_EQ(text_of(summary), "a ceasefire & <b> \xEF\xBF\xBD bad \xEF\xBF\xBD");

    // The plain entry: untitled, undated (the feed's instant), linked to its source URL.
    EXPECT_EQ(text_of(children(entries[1], "title").at(0)), "(untitled)");
    EXPECT_EQ(text_of(children(entries[1], "updated").at(0)), "2026-11-23T17:00:00Z");
    EXPECT_EQ(attribute(children(entries[1], "link").at(0), "href"), plain.url);
    EXPECT_EQ(text_of(children(children(entries[1], "author").at(0), "name").at(0)), "Jane Doe");
}

TEST(AtomFeed, EmptyFeedStillHasTheRequiredElements) {
    const XmlDoc doc = parse(atom_feed(sample_feed(), {}));
    ASSERT_NE(doc, nullptr);
    xmlNodePtr feed = xmlDocGetRootElement(doc.get());
    for (const char* required : {"id", "title", "updated", "author"})
        EXPECT_EQ(children(feed, required).size(), 1u) << required;
    EXPECT_TRUE(children(feed, "entry").empty());
}

TEST(OpenSearch, DescribesTheTemplates) {
    const XmlDoc doc = parse(opensearch_description("http://[::1]:8080"));
    ASSERT_NE(doc, nullptr);
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    EXPECT_EQ(name_of(root), "OpenSearchDescription");
    EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href),
                 "http://a9.com/-/spec/opensearch/1.1/");
    EXPECT_EQ(text_of(children(root, "ShortName").at(0)), "Broadsheet");
    EXPECT_EQ(text_of(children(root, "InputEncoding").at(0)), "UTF-8");
    EXPECT_FALSE(text_of(children(root, "Description").at(0)).empty());
    std::map<std::string, std::string> templates;
    for (xmlNodePtr url : children(root, "Url"))
        templates[attribute(url, "type")] = attribute(url, "template");
    EXPECT_EQ(templates["text/html"], "http://[::1]:8080/?q={searchTerms}");
    EXPECT_EQ(templates["application/atom+xml"],
              "http://[::1]:8080/api/search.atom?q={searchTerms}");
    EXPECT_EQ(templates["application/x-suggestions+json"],
              "http://[::1]:8080/api/suggest?format=opensearch&q={searchTerms}");
}

TEST(FeedHelpers, SnippetTextAndPercentEncoding) {
    struct Case {
        const char* why;
        std::string input;
        std::string snippet;  // snippet_text(input)
        std::string encoded;  // percent_encode(input)
    };
    const Case cases[] = {
        // Marks removed, the three entities the snippet escapes decoded.
        {"marks", "<mark>a</mark> b", "a b", "%3Cmark%3Ea%3C%2Fmark%3E%20b"},
        {"entities", "&amp;&lt;&gt;", "&<>", "%26amp%3B%26lt%3B%26gt%3B"},
        // Unreserved characters stay; UTF-8 is encoded byte by byte.
        {"unreserved", "A-z_0.9~", "A-z_0.9~", "A-z_0.9~"},
        {"utf-8", "é", "é", "%C3%A9"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(snippet_text(c.input), c.snippet) << c.why;
        EXPECT_EQ(percent_encode(c.input), c.encoded) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
