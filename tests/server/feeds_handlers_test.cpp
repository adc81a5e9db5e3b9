// feeds_handlers_test.cpp — the feed and export endpoints without sockets (draining the
// streamed producer), their parameter rules, the Host check, and the streamed response on an
// in-process httplib server: chunked, HEAD without a body, and an aborted stream that the
// client sees as a failed transfer rather than a short success.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>

#include "core/error.h"
#include "core/search/index_pool.h"
#include "core/search/validate.h"
#include "server/handlers/handlers.h"
#include "server/http_server.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;
using Params = std::multimap<std::string, std::string>;

ApiRequest request(std::string path, Params params = {}) {
    ApiRequest api{std::move(path), std::move(params), {}};
    api.host = "example.org:8080";
    return api;
}

// Every chunk of a streamed response, concatenated.
std::string drain(const ApiResponse& response) {
    EXPECT_TRUE(response.stream) << "not a streamed response";
    std::string body;
    if (!response.stream) return body;
    while (auto chunk = response.stream()) body += *chunk;
    return body;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

std::string header(const ApiResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return "";
}

TEST(RequestHost, AcceptsHostPortOnly) {
    struct Case {
        const char* why;
        std::string header;
        std::string expected;
    };
    const std::string fallback = "127.0.0.1:8080";
    const Case cases[] = {
        {"name and port", "news.example.org:8080", "news.example.org:8080"},
        {"name alone", "localhost", "localhost"},
        {"IPv4", "192.168.1.2:80", "192.168.1.2:80"},
        {"IPv6 in brackets", "[::1]:8080", "[::1]:8080"},
        // Anything else falls back to the bound address.
        {"missing", "", fallback},
        {"markup", "evil.com/<script>", fallback},
        {"quote", "a\"b", fallback},
        {"space", "a b", fallback},
        {"userinfo", "user@host", fallback},
        {"path", "host/path", fallback},
        {"empty port", "host:", fallback},
        {"port not digits", "host:80a", fallback},
        {"port too long", "host:123456", fallback},
        {"two colons without brackets", "a:b:c", fallback},
        {"IPv6 without brackets", "::1", fallback},
        {"unclosed bracket", "[::1", fallback},
        {"bracket junk", "[::1]x", fallback},
        {"leading dash", "-host", fallback},
        {"too long", std::string(300, 'a'), fallback},
        {"control character", "host\r\nX-Evil: 1", fallback},
    };
    for (const auto& c : cases) EXPECT_EQ(request_host(c.header, fallback), c.expected) << c.why;
}

TEST(FeedParams, DefaultsAndIgnoredParameters) {
    // The feed: 20 newest by default, sort and page ignored, size checked.
    const SearchParams feed =
        parse_feed_params(request("/api/search.atom", {{"sort", "relevance"}, {"page", "7"}}));
    EXPECT_EQ(feed.size, kFeedSize);
    EXPECT_EQ(feed.page, 1u);
    EXPECT_EQ(feed.sort, SortOrder::Newest);
    // A feed shows entries only: no facets or histogram are computed for it.
    EXPECT_TRUE(feed.shape.facets.empty());
    EXPECT_EQ(feed.shape.histogram, Compute::Skip);
    EXPECT_EQ(parse_feed_params(request("/api/search.atom", {{"size", "5"}})).size, 5u);
    EXPECT_EQ(parse_feed_params(request("/api/search.atom", {{"size", ""}})).size, kFeedSize);
    EXPECT_THROW(validate(parse_feed_params(request("/api/search.atom", {{"size", "101"}}))),
                 Error);
    // Exports: page and size ignored however big, sort kept, other parameters still checked.
    const SearchParams all = parse_export_params(
        request("/api/search.csv", {{"size", "100000"}, {"page", "x"}, {"sort", "oldest"}}));
    EXPECT_EQ(all.sort, SortOrder::Oldest);
    EXPECT_THROW(parse_export_params(request("/api/search.csv", {{"from", "2017"}})), Error);
}

constexpr int kArticles = 130;  // past kMaxPageSize

class FeedHandlers : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        std::vector<Article> articles;
        for (int i = 0; i < kArticles; ++i) {
            char date[16];
            std::snprintf(date, sizeof date, "2016-03-%02d", 1 + i % 28);
            articles.push_back(testing_support::make_article(
                "n" + std::to_string(i), "Story " + std::to_string(i) + ", \"quoted\"",
                "Talks report " + std::to_string(i), i % 2 ? "=Odd" : "Even", {}, date));
        }
        testing_support::write_index(dir_->path() / "db", articles);
    }
    static void TearDownTestSuite() { delete dir_; }
    void SetUp() override {
        IndexPoolConfig config;
        config.dir = dir_->path() / "db";
        config.handles = 1;  // one handle: an export that held it would block every search
        pool_ = std::make_unique<IndexPool>(config);
    }
    static TempDir* dir_;
    std::unique_ptr<IndexPool> pool_;
};
TempDir* FeedHandlers::dir_ = nullptr;

TEST_F(FeedHandlers, CsvStreamsEveryRowWithoutHoldingTheHandle) {
    const ApiResponse response = dispatch(request("/api/search.csv", {{"size", "5"}}), *pool_);
    ASSERT_EQ(response.status, 200) << response.body.dump();
    EXPECT_EQ(response.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(header(response, "Content-Disposition"),
              "attachment; filename=\"broadsheet-search.csv\"");
    EXPECT_EQ(header(response, "X-Total-Count"), std::to_string(kArticles));
    std::string body;
    std::size_t chunks = 0;
    while (auto chunk = response.stream()) {
        body += *chunk;
        ++chunks;
        // The pool's only handle is free while the export streams: a search still runs.
        const ApiResponse search = dispatch(request("/api/search"), *pool_);
        EXPECT_EQ(search.status, 200);
    }
    EXPECT_GE(chunks, 1u);
    EXPECT_EQ(body.rfind("id,title,date,outlet,author,speakers,url\r\n", 0), 0u);
    EXPECT_EQ(count_of(body, "\r\n"), static_cast<std::size_t>(kArticles) + 1);
    // Quotes doubled, formula-like outlets guarded.
    EXPECT_NE(body.find("\"Story 1, \"\"quoted\"\"\""), std::string::npos);
    EXPECT_NE(body.find(",'=Odd,"), std::string::npos);
    EXPECT_EQ(body.find(",=Odd,"), std::string::npos);
}

TEST_F(FeedHandlers, JsonLinesHaveOneHitPerLine) {
    const ApiResponse response =
        dispatch(request("/api/search.jsonl", {{"outlet", "Even"}}), *pool_);
    ASSERT_EQ(response.status, 200) << response.body.dump();
    EXPECT_EQ(response.content_type, "application/jsonl; charset=utf-8");
    const std::string body = drain(response);
    std::size_t lines = 0;
    std::size_t start = 0;
    for (auto end = body.find('\n'); end != std::string::npos; end = body.find('\n', start)) {
        const auto hit = nlohmann::json::parse(body.substr(start, end - start));
        EXPECT_EQ(hit["outlet"], "Even");
        EXPECT_FALSE(hit.contains("snippet"));
        ++lines;
        start = end + 1;
    }
    EXPECT_EQ(start, body.size()) << "the body ends with a newline";
    EXPECT_EQ(lines, static_cast<std::size_t>(kArticles / 2));
    // Exclusions apply to exports as to searches.
    const ApiResponse others =
        dispatch(request("/api/search.jsonl", {{"not_outlet", "Even"}}), *pool_);
    ASSERT_EQ(others.status, 200) << others.body.dump();
    const std::string rest = drain(others);
    EXPECT_EQ(count_of(rest, "\n"), static_cast<std::size_t>(kArticles / 2));
    EXPECT_EQ(rest.find("\"Even\""), std::string::npos);
}

TEST_F(FeedHandlers, ErrorsComeBeforeStreamingAsJson) {
    struct Case {
        const char* why;
        const char* path;
        Params params;
        const char* code;
    };
    const Case cases[] = {
        {"query does not parse", "/api/search.csv", {{"q", "title:("}}, "invalid_query"},
        {"bad date", "/api/search.jsonl", {{"to", "soon"}}, "invalid_argument"},
        {"feed size", "/api/search.atom", {{"size", "0"}}, "invalid_argument"},
    };
    for (const auto& c : cases) {
        const ApiResponse response = dispatch(request(c.path, c.params), *pool_);
        EXPECT_EQ(response.status, 400) << c.why;
        EXPECT_FALSE(response.stream) << c.why;
        EXPECT_TRUE(response.content_type.empty()) << c.why;
        EXPECT_EQ(response.body["error"]["code"], c.code) << c.why;
    }
}

TEST_F(FeedHandlers, AtomFeedIsNewestFirstWithAbsoluteLinks) {
    const ApiResponse response =
        dispatch(request("/api/search.atom", {{"q", "talks"}, {"outlet", "Even"}}), *pool_);
    ASSERT_EQ(response.status, 200) << response.body.dump();
    EXPECT_EQ(response.content_type, "application/atom+xml; charset=utf-8");
    const std::string& xml = response.text;
    EXPECT_EQ(count_of(xml, "<entry>"), kFeedSize);
    EXPECT_NE(xml.find("<title>Broadsheet: talks (outlet Even)</title>"), std::string::npos);
    const ApiResponse excluded =
        dispatch(request("/api/search.atom", {{"not_outlet", "=Odd"}}), *pool_);
    EXPECT_NE(excluded.text.find("<title>Broadsheet: latest articles (not outlet =Odd)</title>"),
              std::string::npos)
        << excluded.text.substr(0, 400);
    EXPECT_NE(xml.find("href=\"http://example.org:8080/api/search.atom?outlet=Even&amp;q=talks\""),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("href=\"http://example.org:8080/?outlet=Even&amp;q=talks&amp;sort=newest\""),
              std::string::npos);
    // Newest first: the first entry carries the latest date of the outlet's articles (even i,
    // so days 1, 3, …, 27).
    const auto first = xml.find("<updated>", xml.find("<entry>"));
    EXPECT_EQ(xml.substr(first, 30), "<updated>2016-03-27T00:00:00Z<");
}

TEST_F(FeedHandlers, OpenSearchUsesTheRequestHost) {
    const ApiResponse response = dispatch(request("/api/opensearch.xml"), *pool_);
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "application/opensearchdescription+xml; charset=utf-8");
    EXPECT_NE(response.text.find("template=\"http://example.org:8080/?q={searchTerms}\""),
              std::string::npos)
        << response.text;
}

// send_api_response on a real socket.
class StreamedResponses : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.Get("/rows", [this](const httplib::Request&, httplib::Response& res) {
            send_api_response(res, rows(3, Ending::Complete));
        });
        server_.Get("/broken", [this](const httplib::Request&, httplib::Response& res) {
            send_api_response(res, rows(3, Ending::Throws));
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        ASSERT_GT(port_, 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    void TearDown() override {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    enum class Ending { Complete, Throws };
    // `count` chunks "row N\n", then the end or an exception (like an index change mid-export).
    ApiResponse rows(int count, Ending ending) {
        auto produced = std::make_shared<int>(0);
        ApiResponse response = stream_response(
            "text/plain", [this, produced, count, ending]() -> std::optional<std::string> {
                ++calls_;
                if (*produced == count) {
                    if (ending == Ending::Throws) throw Error(ErrorCode::IndexUnavailable, "gone");
                    return std::nullopt;
                }
                return "row " + std::to_string((*produced)++) + "\n";
            });
        response.headers = {{"Content-Disposition", "attachment"}};
        return response;
    }

    HardenedServer server_{[] {
        Hardening hardening;
        hardening.workers = 2;
        return hardening;
    }()};
    int port_ = 0;
    std::thread thread_;
    std::atomic<int> calls_{0};
};

TEST_F(StreamedResponses, ChunkedBodyAndHeaders) {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get("/rows");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "row 0\nrow 1\nrow 2\n");
    EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
    EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment");
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain");
}

TEST_F(StreamedResponses, HeadSendsHeadersOnly) {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Head("/rows");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_TRUE(res->body.empty());
    EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment");
    EXPECT_EQ(calls_, 0) << "HEAD never runs the producer";
}

TEST_F(StreamedResponses, AFailingProducerBreaksTheTransfer) {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get("/broken");
    // httplib's client reports the missing final chunk as a read error: no complete response
    // with three rows ever reaches the caller.
    EXPECT_FALSE(res);
    EXPECT_EQ(res.error(), httplib::Error::Read);
    EXPECT_EQ(calls_, 4);
}

}  // namespace
}  // namespace broadsheet
