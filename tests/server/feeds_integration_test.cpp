// feeds_integration_test.cpp — exports, Atom and OpenSearch from the real broadsheet-server over
// a generated corpus of 250 articles (more than the 100-hit page limit): the CSV has exactly
// total records plus its header and the JSON Lines exactly total lines, sent chunked; the feed
// and the description parse with libxml2.
#include <gtest/gtest.h>
#include <httplib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/running_server.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

using nlohmann::json;
using testing_support::RunningServer;
using testing_support::TempDir;

constexpr int kArticles = 250;
const std::string kHostileTitle = "Tides < & > \"markets\", 2017";

// Article i as a JSON article file (the indexer's JSON source): dated, every tenth one from the
// Harbour Gazette so that a filtered export has a known size too, and article 7 with a title
// full of markup, a comma and quotes.
std::string article_json(int i) {
    char date[16];
    std::snprintf(date, sizeof date, "2017-%02d-%02d", 1 + i % 12, 1 + i % 28);
    return json{
        {"title", i == 7 ? kHostileTitle : "Harbour report " + std::to_string(i) + ", calm seas"},
        {"date", date},
        {"outlet", i % 10 == 0 ? "Harbour Gazette" : "Coastal Wire"},
        {"author", "Ann Writer"},
        {"body", "Port officials published report number " + std::to_string(i) +
                     " on shipping, tides and the harbour economy."}}
        .dump();
}

// RFC 4180 records in `csv` (CRLF outside quotes ends a record).
std::vector<std::vector<std::string>> csv_records(const std::string& csv) {
    std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        auto& field = records.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            records.back().emplace_back();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            ++i;
            records.emplace_back(1);
        } else {
            field += c;
        }
    }
    if (records.back().size() == 1 && records.back()[0].empty()) records.pop_back();
    return records;
}

std::vector<json> jsonl_records(const std::string& body) {
    std::vector<json> out;
    std::size_t start = 0;
    for (auto end = body.find('\n'); end != std::string::npos; end = body.find('\n', start)) {
        out.push_back(json::parse(body.substr(start, end - start)));
        start = end + 1;
    }
    EXPECT_EQ(start, body.size()) << "the last line ends with a newline";
    return out;
}

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

XmlDoc parse_xml(const std::string& text) {
    return XmlDoc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "response.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                  xmlFreeDoc);
}

std::vector<xmlNodePtr> elements(xmlNodePtr parent, const char* name) {
    std::vector<xmlNodePtr> out;
    for (xmlNodePtr node = parent->children; node; node = node->next)
        if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name))
            out.push_back(node);
    return out;
}

std::string text_of(xmlNodePtr node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
}

class FeedsOnGeneratedCorpus : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        for (int i = 0; i < kArticles; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "gen_%03d.json", i);
            testing_support::write_file(dir_->path() / "corpus" / name, article_json(i));
        }
        testing_support::index_corpus("build", dir_->path() / "corpus", dir_->path() / "index");
        std::filesystem::create_directories(dir_->path() / "web");
        server_ = new RunningServer(dir_->path() / "index", dir_->path() / "web");
    }
    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
    }
    static std::size_t total(const httplib::Params& params) {
        return server_->get_json("/api/search", params)["total"].get<std::size_t>();
    }
    static TempDir* dir_;
    static RunningServer* server_;
};
TempDir* FeedsOnGeneratedCorpus::dir_ = nullptr;
RunningServer* FeedsOnGeneratedCorpus::server_ = nullptr;

TEST_F(FeedsOnGeneratedCorpus, CsvHoldsTheWholeResultSet) {
    const std::size_t all = total({});
    ASSERT_EQ(all, static_cast<std::size_t>(kArticles));
    // page and size are ignored: an export is never one page.
    auto res = server_->get("/api/search.csv", {{"size", "10"}, {"page", "3"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(res->get_header_value("Content-Disposition"),
              "attachment; filename=\"broadsheet-search.csv\"");
    EXPECT_EQ(res->get_header_value("X-Total-Count"), std::to_string(all));
    const auto records = csv_records(res->body);
    ASSERT_EQ(records.size(), all + 1);
    EXPECT_EQ(records[0], (std::vector<std::string>{"id", "title", "date", "outlet", "author",
                                                    "speakers", "url"}));
    std::set<std::string> ids;
    bool hostile = false;
    for (std::size_t i = 1; i < records.size(); ++i) {
        ASSERT_EQ(records[i].size(), 7u) << i;
        ids.insert(records[i][0]);
        hostile = hostile || records[i][1] == kHostileTitle;
    }
    EXPECT_EQ(ids.size(), all) << "every article once";
    EXPECT_TRUE(hostile) << "a title with a comma and quotes survives the round trip";
}

TEST_F(FeedsOnGeneratedCorpus, JsonLinesHoldTheWholeFilteredResultSet) {
    const httplib::Params filter = {{"q", "harbour"}, {"outlet", "Harbour Gazette"}};
    const std::size_t expected = total(filter);
    ASSERT_EQ(expected, static_cast<std::size_t>(kArticles / 10));
    auto res = server_->get("/api/search.jsonl", filter);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/jsonl; charset=utf-8");
    const auto lines = jsonl_records(res->body);
    EXPECT_EQ(lines.size(), expected);
    for (const auto& line : lines) EXPECT_EQ(line["outlet"], "Harbour Gazette") << line.dump();

    auto everything = server_->get("/api/search.jsonl");
    ASSERT_TRUE(everything);
    EXPECT_EQ(jsonl_records(everything->body).size(), static_cast<std::size_t>(kArticles));
}

TEST_F(FeedsOnGeneratedCorpus, HeadAndErrors) {
    httplib::Client client("127.0.0.1", server_->port());
    auto head = client.Head("/api/search.csv");
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_TRUE(head->body.empty());
    EXPECT_EQ(head->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    // A bad parameter is an ordinary JSON 400, never a broken stream.
    const json bad = server_->get_json("/api/search.csv", {{"q", "title:("}}, 400);
    EXPECT_EQ(bad["error"]["code"], "invalid_query");
}

TEST_F(FeedsOnGeneratedCorpus, AtomFeedParsesAndEscapes) {
    auto res = server_->get("/api/search.atom", {{"q", "harbour"}, {"size", "50"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    const XmlDoc doc = parse_xml(res->body);
    ASSERT_NE(doc, nullptr) << res->body;
    xmlNodePtr feed = xmlDocGetRootElement(doc.get());
    EXPECT_TRUE(xmlStrEqual(feed->name, BAD_CAST "feed"));
    EXPECT_EQ(elements(feed, "entry").size(), 50u);
    // Links are absolute on the Host the client used.
    const std::string host = "127.0.0.1:" + std::to_string(server_->port());
    bool self = false;
    for (xmlNodePtr link : elements(feed, "link")) {
        xmlChar* rel = xmlGetProp(link, BAD_CAST "rel");
        xmlChar* href = xmlGetProp(link, BAD_CAST "href");
        if (xmlStrEqual(rel, BAD_CAST "self"))
            self = std::string(reinterpret_cast<const char*>(href)) ==
                   "http://" + host + "/api/search.atom?q=harbour&size=50";
        xmlFree(rel);
        xmlFree(href);
    }
    EXPECT_TRUE(self) << res->body.substr(0, 800);

    // The default size, and the hostile title as text.
    auto tides = server_->get("/api/search.atom", {{"q", "title:tides"}});
    ASSERT_TRUE(tides);
    const XmlDoc tides_doc = parse_xml(tides->body);
    ASSERT_NE(tides_doc, nullptr) << tides->body;
    const auto entries = elements(xmlDocGetRootElement(tides_doc.get()), "entry");
    ASSERT_EQ(entries.size(), 1u) << tides->body;
    EXPECT_EQ(text_of(elements(entries[0], "title").at(0)), kHostileTitle);
    EXPECT_NE(tides->body.find("Tides &lt; &amp; &gt;"), std::string::npos);

    auto browse = server_->get("/api/search.atom");
    ASSERT_TRUE(browse);
    const XmlDoc browse_doc = parse_xml(browse->body);
    ASSERT_NE(browse_doc, nullptr);
    EXPECT_EQ(elements(xmlDocGetRootElement(browse_doc.get()), "entry").size(), 20u);
}

TEST_F(FeedsOnGeneratedCorpus, OpenSearchDescriptionParses) {
    auto res = server_->get("/api/opensearch.xml");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"),
              "application/opensearchdescription+xml; charset=utf-8");
    const XmlDoc doc = parse_xml(res->body);
    ASSERT_NE(doc, nullptr) << res->body;
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    EXPECT_TRUE(xmlStrEqual(root->name, BAD_CAST "OpenSearchDescription"));
    EXPECT_EQ(text_of(elements(root, "ShortName").at(0)), "Broadsheet");
    EXPECT_NE(res->body.find("http://127.0.0.1:" + std::to_string(server_->port()) +
                             "/api/search.atom?q={searchTerms}"),
              std::string::npos);
}

}  // namespace
}  // namespace broadsheet
