// integration_test.cpp — the real broadsheet-indexer builds corpus/ into a temp dir, the real
// broadsheet-server serves it on an ephemeral loopback port, and httplib::Client checks the API,
// static files, and that updates and rebuilds are picked up while requests keep succeeding.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "broadsheet/version.h"
#include "tests/support/process.h"
#include "tests/support/running_server.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using nlohmann::json;
using testing_support::eventually;
using testing_support::index_corpus;
using testing_support::IndexedCorpusCopy;
using testing_support::run_command;
using testing_support::RunningServer;
using testing_support::seed_index;
using testing_support::TempDir;
using testing_support::write_file;

const std::filesystem::path kCorpus = std::filesystem::path(BROADSHEET_SOURCE_DIR) / "corpus";
// How long a change may take to become visible; the server checks about once a second.

std::vector<std::string> hit_ids(const json& body) {
    std::vector<std::string> ids;
    for (const auto& hit : body["hits"]) ids.push_back(hit["id"]);
    return ids;
}

bool has_prefix(const std::vector<std::string>& ids, const std::string& prefix) {
    for (const auto& id : ids)
        if (id.rfind(prefix, 0) == 0) return true;
    return false;
}

class ServerOnSeeds : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        // A web root with a secret file beside it that no URL may reach.
        write_file(dir_->path() / "web" / "index.html", "<!doctype html><title>Broadsheet</title>");
        write_file(dir_->path() / "web" / "app.js", "export {};");
        write_file(dir_->path() / "secret.txt", "top secret");
        server_ = new RunningServer(seed_index(), dir_->path() / "web");
    }
    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
    }
    static TempDir* dir_;
    static RunningServer* server_;
};
TempDir* ServerOnSeeds::dir_ = nullptr;
RunningServer* ServerOnSeeds::server_ = nullptr;

TEST_F(ServerOnSeeds, CeasefireFindsTheBloombergArticle) {
    const json body = server_->get_json("/api/search", {{"q", "ceasefire"}});
    EXPECT_TRUE(has_prefix(hit_ids(body), "001_")) << body.dump();
    EXPECT_GE(body["took_ms"].get<double>(), 0.0);
    const auto& hit = body["hits"][0];
    EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(ServerOnSeeds, OutletFacetListsTheSeedsOutlets) {
    const json body = server_->get_json("/api/search");
    std::set<std::string> outlets;
    for (const auto& value : body["facets"]["outlet"]) outlets.insert(value["value"]);
    for (const char* outlet : {"Bloomberg", "Sputnik", "The Moscow Times"})
        EXPECT_TRUE(outlets.count(outlet)) << outlet << " missing from " << body["facets"].dump();
    EXPECT_EQ(body["total"], 5);
}

TEST_F(ServerOnSeeds, SpeakerFilterNarrowsToOneArticle) {
    const json body = server_->get_json("/api/search", {{"speaker", "Maria Zakharova"}});
    EXPECT_EQ(body["total"], 1);
    EXPECT_TRUE(has_prefix(hit_ids(body), "001_")) << body.dump();
}

TEST_F(ServerOnSeeds, DateRangeFiltersInclusively) {
    struct Case {
        const char* why;
        httplib::Params params;
        int total;
    };
    const Case cases[] = {
        // 003 is dated 2017-11-17: both ends inclusive.
        {"exact day", {{"from", "2017-11-17"}, {"to", "2017-11-17"}}, 1},
        {"after it", {{"from", "2017-11-18"}}, 0},
        {"before it", {{"to", "2017-11-16"}}, 0},
        // Undated articles are excluded as soon as a range is given.
        {"open range", {{"from", "1900-01-01"}}, 1},
    };
    for (const auto& c : cases) {
        const json body = server_->get_json("/api/search", c.params);
        EXPECT_EQ(body["total"], c.total) << c.why;
        if (c.total == 1) {
            EXPECT_TRUE(has_prefix(hit_ids(body), "003_")) << c.why;
        }
    }
}

TEST_F(ServerOnSeeds, FetchesArticlesByIdAnd404sUnknownOnes) {
    const json found = server_->get_json("/api/search", {{"from", "2017-11-17"}});
    ASSERT_EQ(found["hits"].size(), 1u);
    const std::string id = found["hits"][0]["id"];
    const json article = server_->get_json("/api/articles/" + id);
    EXPECT_EQ(article["id"], id);
    EXPECT_EQ(article["date"], "2017-11-17");
    EXPECT_FALSE(article["body"].get<std::string>().empty());
    EXPECT_TRUE(article["quotes"].is_array());
    const json missing = server_->get_json("/api/articles/no-such-article.txt", {}, 404);
    EXPECT_EQ(missing["error"]["code"], "not_found");
}

TEST_F(ServerOnSeeds, BadRequestsAreJson400s) {
    struct Case {
        const char* why;
        httplib::Params params;
        const char* code;
    };
    const Case cases[] = {
        {"unclosed group (Xapian alone would accept it)", {{"q", "title:("}}, "invalid_query"},
        {"size zero", {{"size", "0"}}, "invalid_argument"},
        {"size not a number", {{"size", "abc"}}, "invalid_argument"},
        {"page zero", {{"page", "0"}}, "invalid_argument"},
        {"q of 2 KB", {{"q", std::string(2048, 'a')}}, "invalid_argument"},
        {"bad date", {{"from", "2017-1-1"}}, "invalid_argument"},
    };
    for (const auto& c : cases) {
        const json body = server_->get_json("/api/search", c.params, 400);
        EXPECT_EQ(body["error"]["code"], c.code) << c.why;
        EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << c.why;
    }
}

TEST_F(ServerOnSeeds, UnknownPathsAndMethodsAreJson) {
    const json unknown = server_->get_json("/api/nothing", {}, 404);
    EXPECT_EQ(unknown["error"]["code"], "not_found");
    httplib::Client client("127.0.0.1", server_->port());
    auto post = client.Post("/api/search", "", "text/plain");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(json::parse(post->body)["error"]["code"], "method_not_allowed");
    const json routes = server_->get_json("/api");
    EXPECT_GE(routes["routes"].size(), 3u);
    // Through the shared client too, so the OpenAPI validation sees a 405 and a HEAD answer.
    auto remove = server_->send("DELETE", "/api/articles/x");
    ASSERT_TRUE(remove);
    EXPECT_EQ(remove->status, 405);
    EXPECT_EQ(remove->get_header_value("Allow"), "GET, HEAD");
    auto head = server_->send("HEAD", "/api/health");
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->get_header_value("Content-Type"), "application/json");
    EXPECT_TRUE(head->body.empty());
    // A request URI over 8 KiB.
    auto long_uri = server_->get("/api/search", {{"q", std::string(9000, 'a')}});
    ASSERT_TRUE(long_uri);
    EXPECT_EQ(long_uri->status, 414);
    EXPECT_EQ(json::parse(long_uri->body)["error"]["code"], "too_large");
}

TEST_F(ServerOnSeeds, ServesWebFilesAndNothingOutside) {
    auto home = server_->get("/");
    ASSERT_TRUE(home);
    EXPECT_EQ(home->status, 200);
    EXPECT_EQ(home->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(home->get_header_value("X-Content-Type-Options"), "nosniff");
    auto script = server_->get("/app.js");
    ASSERT_TRUE(script);
    EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                             "/app.js/../../secret.txt", "/..%2f..%2fetc%2fpasswd"}) {
        auto res = server_->get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_EQ(res->body.find("top secret"), std::string::npos) << path;
    }
}

TEST_F(ServerOnSeeds, HealthDescribesTheIndex) {
    const json health = server_->get_json("/api/health");
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["version"], std::string(kVersion));
    EXPECT_EQ(health["documents"], 5);
    EXPECT_TRUE(health["index_built"].is_string());
}

// Both programs name the release that /api/health reports, on stdout, exiting 0.
TEST_F(ServerOnSeeds, ProgramsPrintTheVersionHealthReports) {
    const std::string version = server_->get_json("/api/health")["version"];
    const auto server = run_command({BROADSHEET_SERVER, "--version"});
    EXPECT_EQ(server.exit_code, 0);
    EXPECT_EQ(server.output, "broadsheet-server " + version + "\n");
    const auto indexer = run_command({BROADSHEET_INDEXER, "--version"});
    EXPECT_EQ(indexer.exit_code, 0);
    EXPECT_EQ(indexer.output, "broadsheet-indexer " + version + "\n");
}

// Quote documents written by the real indexer from the seeds.

// Every byte but letters and digits as %XX: a speaker name as a path segment.
std::string percent_encoded(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 && byte < 0x80) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

std::size_t quote_total(const RunningServer& server, const httplib::Params& params) {
    return server.get_json("/api/quotes", params)["total"].get<std::size_t>();
}

TEST_F(ServerOnSeeds, KerrysQuotesAndTheirOutletFacet) {
    const json body =
        server_->get_json("/api/quotes", {{"speaker", "John Kerry"}, {"size", "100"}});
    EXPECT_GE(body["total"].get<int>(), 3) << body.dump();
    EXPECT_EQ(body["hits"].size(), body["total"].get<std::size_t>());
    for (const auto& hit : body["hits"]) {
        EXPECT_EQ(hit["speaker"], "John Kerry");
        EXPECT_TRUE(hit["group"]["size"].get<int>() >= 1) << hit.dump();
        EXPECT_NE(hit["article"]["id"].get<std::string>().find("_"), std::string::npos);
    }
    EXPECT_GE(body["took_ms"].get<double>(), 0.0);
    // The outlet facet of Kerry's quotes: Bloomberg (seed 001) quotes him, and every count is
    // the total of the corresponding filtered request.
    bool bloomberg = false;
    for (const auto& value : body["facets"]["outlet"]) {
        bloomberg = bloomberg || value["value"] == "Bloomberg";
        EXPECT_EQ(value["count"].get<std::size_t>(),
                  quote_total(*server_, {{"speaker", "John Kerry"}, {"outlet", value["value"]}}))
            << value.dump();
    }
    EXPECT_TRUE(bloomberg) << body["facets"].dump();
    // The speaker facet ignores the speaker selection: Lavrov is still offered.
    bool lavrov = false;
    for (const auto& value : body["facets"]["speaker"])
        lavrov = lavrov || value["value"] == "Sergei Lavrov";
    EXPECT_TRUE(lavrov) << body["facets"].dump();
}

TEST_F(ServerOnSeeds, PhraseInsideAQuote) {
    const json body = server_->get_json("/api/quotes", {{"q", "\"regime change\""}});
    ASSERT_GE(body["hits"].size(), 1u) << body.dump();
    const auto& hit = body["hits"][0];
    EXPECT_EQ(hit["speaker"], "John Kerry");
    EXPECT_TRUE(has_prefix({hit["article"]["id"].get<std::string>()}, "000_")) << hit.dump();
    const std::string text = hit["text"];
    // Xapian marks a matched phrase as one span.
    EXPECT_NE(text.find("<mark>regime change</mark>"), std::string::npos) << text;
    EXPECT_EQ(text.back(), ',') << "punctuation at the end is kept: " << text;
    EXPECT_NE(text.find("not seeking"), std::string::npos) << "the whole quote: " << text;
    // The article lists the same quote with its id and group.
    const json article =
        server_->get_json("/api/articles/" + hit["article"]["id"].get<std::string>());
    bool found = false;
    for (const auto& quote : article["quotes"]) {
        if (quote["id"] != hit["id"]) continue;
        found = true;
        EXPECT_EQ(quote["group"], hit["group"]);
        EXPECT_EQ(quote["char_begin"], hit["char_begin"]);
    }
    EXPECT_TRUE(found) << article["quotes"].dump();
}

TEST_F(ServerOnSeeds, MinConfidenceFilters) {
    const std::size_t all = quote_total(*server_, {});
    const json sure =
        server_->get_json("/api/quotes", {{"min_confidence", "0.5"}, {"size", "100"}});
    EXPECT_LT(sure["total"].get<std::size_t>(), all) << "unattributed quotes have confidence 0";
    EXPECT_GT(sure["total"].get<std::size_t>(), 0u);
    for (const auto& hit : sure["hits"]) {
        EXPECT_GE(hit["confidence"].get<double>(), 0.5) << hit.dump();
        EXPECT_FALSE(hit["speaker"].is_null()) << hit.dump();
    }
    EXPECT_EQ(quote_total(*server_, {{"min_confidence", "0"}}), all);
}

TEST_F(ServerOnSeeds, SpeakersByPrefix) {
    const json body = server_->get_json("/api/speakers", {{"prefix", "ker"}});
    ASSERT_GE(body["speakers"].size(), 1u) << body.dump();
    EXPECT_EQ(body["speakers"][0]["name"], "John Kerry");
    EXPECT_EQ(body["speakers"][0]["quotes"].get<std::size_t>(),
              quote_total(*server_, {{"speaker", "John Kerry"}}));
    EXPECT_GE(body["speakers"][0]["articles"].get<int>(), 2);
    const json all = server_->get_json("/api/speakers", {{"limit", "100"}});
    EXPECT_GE(all["speakers"].size(), 5u);
    for (std::size_t i = 1; i < all["speakers"].size(); ++i)
        EXPECT_GE(all["speakers"][i - 1]["quotes"], all["speakers"][i]["quotes"]);
}

TEST_F(ServerOnSeeds, SpeakerProfiles) {
    const json kerry = server_->get_json("/api/speakers/John%20Kerry");
    EXPECT_EQ(kerry["name"], "John Kerry");
    EXPECT_EQ(kerry["quotes"].get<std::size_t>(),
              quote_total(*server_, {{"speaker", "John Kerry"}}));
    ASSERT_FALSE(kerry["outlets"].empty()) << kerry.dump();
    ASSERT_FALSE(kerry["terms"].empty()) << kerry.dump();
    for (const auto& t : kerry["terms"]) {
        const std::string word = t["term"];
        EXPECT_TRUE(word != "the" && word != "and" &&
                    !std::isupper(static_cast<unsigned char>(word[0])))
            << word;
    }
    EXPECT_FALSE(kerry["recent_quotes"].empty());
    // per_month agrees with the month matrix for every speaker it lists (the seeds' dated quotes).
    const json months = server_->get_json("/api/matrix", {{"cols", "month"}});
    ASSERT_FALSE(months["rows"].empty()) << months.dump();
    for (std::size_t r = 0; r < months["rows"].size(); ++r) {
        const std::string name = months["rows"][r];
        const json profile = server_->get_json("/api/speakers/" + percent_encoded(name));
        json expected = json::array();
        for (std::size_t c = 0; c < months["cols"].size(); ++c)
            if (months["cells"][r][c] != 0)
                expected.push_back(
                    {{"month", months["cols"][c]}, {"count", months["cells"][r][c]}});
        EXPECT_EQ(profile["per_month"], expected) << name;
    }
    const json missing = server_->get_json("/api/speakers/Nobody%20Known", {}, 404);
    EXPECT_EQ(missing["error"]["code"], "not_found");
}

TEST_F(ServerOnSeeds, MatrixAgreesWithQuoteTotals) {
    const json matrix = server_->get_json("/api/matrix", {{"rows", "speaker"}, {"cols", "outlet"}});
    EXPECT_EQ(matrix["total"].get<std::size_t>(), quote_total(*server_, {}));
    bool kerry = false;
    for (std::size_t r = 0; r < matrix["rows"].size(); ++r) {
        const std::string row = matrix["rows"][r];
        kerry = kerry || row == "John Kerry";
        EXPECT_EQ(matrix["row_totals"][r].get<std::size_t>(),
                  quote_total(*server_, {{"speaker", row}}));
        for (std::size_t c = 0; c < matrix["cols"].size(); ++c) {
            const std::string col = matrix["cols"][c];
            EXPECT_EQ(matrix["cells"][r][c].get<std::size_t>(),
                      quote_total(*server_, {{"speaker", row}, {"outlet", col}}))
                << row << " × " << col;
        }
    }
    EXPECT_TRUE(kerry) << matrix.dump();
    for (std::size_t c = 0; c < matrix["cols"].size(); ++c)
        EXPECT_EQ(matrix["col_totals"][c].get<std::size_t>(),
                  quote_total(*server_, {{"outlet", matrix["cols"][c]}}));
}

// The real indexer writes XMISSING: for the two seeds without an outlet: the "(unknown)" facet
// value, its filter, its exclusion and the missing: query prefix all agree on them.
TEST_F(ServerOnSeeds, UnknownOutletIsTheTwoSeedsWithoutOne) {
    const json all = server_->get_json("/api/search");
    EXPECT_EQ(all["facets"]["outlet"].back(), (json{{"value", "(unknown)"}, {"count", 2}}));
    const auto total = [&](const httplib::Params& params) {
        return server_->get_json("/api/search", params)["total"].get<int>();
    };
    EXPECT_EQ(total({{"outlet", "(unknown)"}}), 2);
    EXPECT_EQ(total({{"q", "missing:outlet"}}), 2);
    EXPECT_EQ(total({{"not_outlet", "(unknown)"}}), 3);
    EXPECT_EQ(total({{"not_outlet", "(unknown)"}, {"not_outlet", "Bloomberg"}}), 2);
    // The facet endpoint lists the same values with the same counts as the search's facet list.
    const json outlets = server_->get_json("/api/facets/outlet");
    EXPECT_EQ(outlets["values"], all["facets"]["outlet"]);
    EXPECT_EQ(outlets["total_values"], all["facets"]["outlet"].size());
    const json kerry =
        server_->get_json("/api/facets/speaker", {{"prefix", "KER"}, {"type", "quote"}});
    ASSERT_EQ(kerry["values"].size(), 1u) << kerry.dump();
    EXPECT_EQ(kerry["values"][0]["value"], "John Kerry");
    EXPECT_EQ(kerry["values"][0]["count"].get<std::size_t>(),
              quote_total(*server_, {{"speaker", "John Kerry"}}));
    const json bad = server_->get_json("/api/facets/author", {}, 404);
    EXPECT_EQ(bad["error"]["code"], "not_found");
}

TEST_F(ServerOnSeeds, QuoteEndpointsRefuseBadParameters) {
    struct Case {
        const char* why;
        const char* path;
        httplib::Params params;
        const char* code;
    };
    const Case cases[] = {
        {"confidence above 1", "/api/quotes", {{"min_confidence", "2"}}, "invalid_argument"},
        {"quote query does not parse", "/api/quotes", {{"q", "title:("}}, "invalid_query"},
        {"quote page size", "/api/quotes", {{"size", "0"}}, "invalid_argument"},
        {"speakers limit", "/api/speakers", {{"limit", "101"}}, "invalid_argument"},
        {"matrix cols", "/api/matrix", {{"cols", "year"}}, "invalid_argument"},
        {"matrix rows", "/api/matrix", {{"rows", "outlet"}}, "invalid_argument"},
        {"matrix limit", "/api/matrix", {{"limit", "0"}}, "invalid_argument"},
    };
    for (const auto& c : cases) {
        const json body = server_->get_json(c.path, c.params, 400);
        EXPECT_EQ(body["error"]["code"], c.code) << c.why;
    }
    const json long_name = server_->get_json("/api/speakers/" + std::string(201, 'x'), {}, 400);
    EXPECT_EQ(long_name["error"]["code"], "invalid_argument");
}

TEST_F(ServerOnSeeds, RelatedArticlesOverTheRealServer) {
    const json all = server_->get_json("/api/search", {{"size", "100"}});
    ASSERT_GE(all["hits"].size(), 2u);
    for (const auto& hit : all["hits"]) {
        const std::string id = hit["id"];
        const json related =
            server_->get_json("/api/articles/" + id + "/related", {{"size", "20"}});
        EXPECT_EQ(related["id"], id);
        EXPECT_FALSE(related["terms"].empty()) << id;
        const auto ids = hit_ids(related);
        EXPECT_EQ(std::find(ids.begin(), ids.end(), id), ids.end()) << id << " lists itself";
        // The seeds are all about Syria and Russia: each has others like it.
        EXPECT_GE(ids.size(), 1u) << id;
    }
    const json missing = server_->get_json("/api/articles/no-such-article/related", {}, 404);
    EXPECT_EQ(missing["error"]["code"], "not_found");
    server_->get_json("/api/articles/" + all["hits"][0]["id"].get<std::string>() + "/similar", {},
                      404);
}

TEST_F(ServerOnSeeds, SuggestionsOverTheRealServer) {
    const json kerry = server_->get_json("/api/suggest", {{"q", "ker"}});
    ASSERT_GE(kerry["suggestions"].size(), 1u) << kerry.dump();
    EXPECT_EQ(kerry["suggestions"][0]["kind"], "speaker");
    EXPECT_EQ(kerry["suggestions"][0]["value"], "John Kerry");
    // The count is the number of articles the speaker filter finds.
    const json filtered = server_->get_json("/api/search", {{"speaker", "John Kerry"}});
    EXPECT_EQ(kerry["suggestions"][0]["count"], filtered["total"]);
    const json regime = server_->get_json("/api/suggest", {{"q", "regime ch"}});
    ASSERT_GE(regime["suggestions"].size(), 1u) << regime.dump();
    EXPECT_EQ(regime["suggestions"][0]["kind"], "title");
    EXPECT_TRUE(has_prefix({regime["suggestions"][0]["id"].get<std::string>()}, "000_"));
    const json too_long = server_->get_json("/api/suggest", {{"q", std::string(101, 'a')}}, 400);
    EXPECT_EQ(too_long["error"]["code"], "invalid_argument");
    // The browsers' format: the query, then the same values in the same order.
    auto browsers = server_->get("/api/suggest", {{"q", "ker"}, {"format", "opensearch"}});
    ASSERT_TRUE(browsers);
    EXPECT_EQ(browsers->get_header_value("Content-Type"),
              "application/x-suggestions+json; charset=utf-8");
    const json array = json::parse(browsers->body);
    ASSERT_EQ(array.size(), 2u);
    EXPECT_EQ(array[0], "ker");
    ASSERT_EQ(array[1].size(), kerry["suggestions"].size());
    EXPECT_EQ(array[1][0], "John Kerry");
}

TEST_F(ServerOnSeeds, ServesItsOpenApiDocument) {
    const json document = server_->get_json("/api/openapi.json");
    EXPECT_EQ(document["openapi"], "3.1.0");
    // The route listing and the document name the same endpoints.
    const json routes = server_->get_json("/api");
    for (const auto& route : routes["routes"])
        EXPECT_TRUE(document["paths"].contains(route["path"].get<std::string>())) << route.dump();
}

TEST(ServerStart, RefusesAMissingIndexWithAClearError) {
    TempDir dir;
    const auto result =
        run_command({BROADSHEET_SERVER, "--index", (dir.path() / "none").string(), "--port", "0"});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.output.find("cannot open the index"), std::string::npos) << result.output;
    EXPECT_EQ(result.output.find("listening on"), std::string::npos) << result.output;
}

int total_for(const RunningServer& server, const std::string& q) {
    auto res = server.get("/api/search", {{"q", q}});
    if (!res || res->status != 200) return -1;
    return json::parse(res->body)["total"].get<int>();
}

TEST(ServerFollowsIndex, PicksUpUpdatesAndRebuildsWhileServing) {
    const IndexedCorpusCopy copy;
    const auto corpus = copy.corpus();
    const auto index = copy.index();
    RunningServer server(index, copy.web());
    ASSERT_GT(server.port(), 0);

    // Requests keep flowing the whole time; every one of them must succeed.
    std::atomic<bool> done{false};
    std::atomic<int> requests{0};
    std::atomic<int> failures{0};
    std::thread traffic([&] {
        while (!done) {
            auto res = server.get("/api/search", {{"q", "syria"}});
            ++requests;
            if (!res || res->status != 200) ++failures;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });

    // Pick a seed to change and one to remove by their stable file names.
    std::filesystem::path changed, removed;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("003_", 0) == 0) changed = entry.path();
        if (name.rfind("000_", 0) == 0) removed = entry.path();
    }
    ASSERT_FALSE(changed.empty());
    ASSERT_FALSE(removed.empty());
    EXPECT_EQ(total_for(server, "quokka"), 0);
    EXPECT_EQ(total_for(server, "zanzibar"), 0);
    write_file(corpus / "added.txt",
               "Zanzibar Ferry Talks Collapse\n\nThe zanzibar ferry negotiations collapsed on "
               "Monday after a long night.\n");
    { std::ofstream(changed, std::ios::app) << "\nA quokka was seen near the embassy.\n"; }
    std::filesystem::remove(removed);
    index_corpus("update", corpus, index);

    EXPECT_TRUE(eventually([&] { return total_for(server, "zanzibar") == 1; })) << "added file";
    EXPECT_TRUE(eventually([&] { return total_for(server, "quokka") == 1; })) << "changed file";
    const std::string removed_id = removed.filename().string();
    EXPECT_TRUE(eventually([&] {
        auto res = server.get("/api/articles/" + removed_id);
        return res && res->status == 404;
    })) << "removed file";

    // A full rebuild publishes a new generation; the server must switch to it.
    write_file(corpus / "rebuilt.txt",
               "Wombat Summit Ends\n\nThe wombat summit ended without agreement.\n");
    index_corpus("build", corpus, index);
    EXPECT_TRUE(eventually([&] { return total_for(server, "wombat") == 1; })) << "rebuild";
    EXPECT_EQ(total_for(server, "zanzibar"), 1);

    done = true;
    traffic.join();
    EXPECT_GT(requests.load(), 10);
    EXPECT_EQ(failures.load(), 0) << "of " << requests.load() << " requests during the changes";
    EXPECT_EQ(server.stop(), 0);  // SIGTERM stops it cleanly
}

}  // namespace
}  // namespace broadsheet
