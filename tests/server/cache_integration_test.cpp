// cache_integration_test.cpp — the response cache over the real indexer and server on loopback:
// requests that mean the same share an entry, debug=1 and errors never come from it, and an
// update or rebuild of the index is seen by the next request for the same search.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "tests/support/running_server.h"

namespace broadsheet {
namespace {

using nlohmann::json;
using testing_support::eventually;
using testing_support::index_corpus;
using testing_support::IndexedCorpusCopy;
using testing_support::RunningServer;
using testing_support::seed_index;
using testing_support::TempDir;
using testing_support::write_file;

const std::filesystem::path kCorpus = std::filesystem::path(BROADSHEET_SOURCE_DIR) / "corpus";
// The server looks for a new index about once a second.

struct Answer {
    int status = 0;
    std::string cache;  // the X-Cache header: hit, miss, or empty when the cache was not asked
    std::string body;
};

// GET of a literal target, so that the order of its parameters is the test's.
Answer get(const RunningServer& server, const std::string& target) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    auto res = client.Get(target);
    if (!res) {
        ADD_FAILURE() << target << ": no response";
        return {};
    }
    return {res->status, res->get_header_value("X-Cache"), res->body};
}

json health_cache(const RunningServer& server) {
    return json::parse(get(server, "/api/health").body)["cache"];
}

class CacheOnSeeds : public ::testing::Test {
  protected:
    void SetUp() override {
        std::filesystem::create_directories(dir_.path() / "web");
        server_.emplace(seed_index(), dir_.path() / "web");
        ASSERT_GT(server_->port(), 0);
    }
    TempDir dir_;
    std::optional<RunningServer> server_;
};

struct SameEntry {
    const char* first;
    const char* second;
};

TEST_F(CacheOnSeeds, RequestsThatMeanTheSameShareAnEntry) {
    const SameEntry cases[] = {
        // Parameter order is not part of the key: the parsed parameters are.
        {"/api/search?q=ceasefire&page=1", "/api/search?page=1&q=ceasefire"},
        // Defaults spelled out are the defaults left out.
        {"/api/search?q=talks", "/api/search?q=talks&page=1&size=10&sort=relevance&histogram=1"},
        // A browse's default order is newest first.
        {"/api/search?outlet=Reuters", "/api/search?outlet=Reuters&sort=newest"},
        // Unknown parameters (a cache-buster) do not change the answer, so not the key either.
        {"/api/search?q=embassy", "/api/search?q=embassy&_=1733600000"},
        // The quote search has its own entries, keyed the same way.
        {"/api/quotes?q=said&min_confidence=0.5", "/api/quotes?min_confidence=0.50&q=said"},
    };
    for (const auto& c : cases) {
        const Answer first = get(*server_, c.first);
        const Answer second = get(*server_, c.second);
        EXPECT_EQ(first.status, 200) << c.first;
        EXPECT_EQ(first.cache, "miss") << c.first;
        EXPECT_EQ(second.cache, "hit") << c.second;
        EXPECT_EQ(second.body, first.body) << c.second;
    }
    const json stats = health_cache(*server_);
    EXPECT_EQ(stats["hits"], 5);
    EXPECT_EQ(stats["misses"], 5);
    EXPECT_EQ(stats["entries"], 5);
    EXPECT_GT(stats["bytes"].get<std::size_t>(), 0u);
    EXPECT_EQ(stats["capacity_bytes"], 64u << 20);
}

struct Different {
    const char* first;
    const char* second;
};

TEST_F(CacheOnSeeds, RequestsThatDifferAreAnsweredApart) {
    const Different cases[] = {
        // Another page of the same search.
        {"/api/search?q=talks", "/api/search?q=talks&page=2"},
        // The same words as a quote search.
        {"/api/search?q=said", "/api/quotes?q=said"},
        // A shape that leaves parts out is another body.
        {"/api/search?q=syria", "/api/search?q=syria&snippets=0"},
        // Filter values that concatenate alike must not collide.
        {"/api/search?outlet=ab&speaker=c", "/api/search?outlet=a&speaker=bc"},
    };
    for (const auto& c : cases) {
        const Answer first = get(*server_, c.first);
        const Answer second = get(*server_, c.second);
        EXPECT_EQ(first.cache, "miss") << c.first;
        EXPECT_EQ(second.cache, "miss") << c.second;
    }
}

struct Bypass {
    const char* target;
    int status;
};

TEST_F(CacheOnSeeds, DebugErrorsAndOtherEndpointsBypassIt) {
    const Bypass cases[] = {
        // debug=1 reports the timing of this request, so it is always computed.
        {"/api/search?q=syria&debug=1", 200},
        // A request core's validation refuses is answered each time and never kept.
        {"/api/search?q=syria&page=0", 400},
        // A parameter the key cannot read is refused by the handler, with the same error.
        {"/api/search?q=syria&sort=sideways", 400},
        // Endpoints other than the two searches are not cached.
        {"/api/speakers?prefix=k", 200},
    };
    for (const auto& c : cases) {
        for (int round = 0; round < 2; ++round) {
            const Answer answer = get(*server_, c.target);
            EXPECT_EQ(answer.status, c.status) << c.target;
            EXPECT_EQ(answer.cache, "") << c.target;
        }
    }
    EXPECT_EQ(health_cache(*server_)["hits"], 0);
}

TEST(CacheOff, CacheMbZeroAnswersEveryRequestAfresh) {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "web");
    RunningServer server(seed_index(), dir.path() / "web", {"--cache-mb", "0"});
    ASSERT_GT(server.port(), 0);
    for (int round = 0; round < 2; ++round)
        EXPECT_EQ(get(server, "/api/search?q=ceasefire").cache, "");
    const json stats = health_cache(server);
    EXPECT_EQ(stats["capacity_bytes"], 0);
    EXPECT_EQ(stats["hits"], 0);
}

int total(const Answer& answer) {
    return answer.status == 200 ? json::parse(answer.body)["total"].get<int>() : -1;
}

TEST(CacheFollowsIndex, UpdatesAndRebuildsAreSeenByTheNextRequest) {
    const IndexedCorpusCopy copy;
    const auto corpus = copy.corpus();
    const auto index = copy.index();
    RunningServer server(index, copy.web());
    ASSERT_GT(server.port(), 0);

    // The answer "none" is kept: the same search comes from the cache.
    const std::string target = "/api/search?q=zanzibar";
    EXPECT_EQ(total(get(server, target)), 0);
    const Answer cached = get(server, target);
    EXPECT_EQ(cached.cache, "hit");
    EXPECT_EQ(total(cached), 0);

    // An update commits to the same generation; the kept "none" must not outlive it.
    write_file(corpus / "added.txt",
               "Zanzibar Ferry Talks Collapse\n\nThe zanzibar ferry negotiations collapsed on "
               "Monday after a long night.\n");
    index_corpus("update", corpus, index);
    EXPECT_TRUE(eventually([&] { return total(get(server, target)) == 1; })) << "update";
    EXPECT_EQ(get(server, target).cache, "hit") << "the new answer is kept in turn";

    // A rebuild publishes a new generation: the same again.
    const std::string wombat = "/api/search?q=wombat";
    EXPECT_EQ(total(get(server, wombat)), 0);
    write_file(corpus / "rebuilt.txt",
               "Wombat Summit Ends\n\nThe wombat summit ended without agreement.\n");
    index_corpus("build", corpus, index);
    EXPECT_TRUE(eventually([&] { return total(get(server, wombat)) == 1; })) << "rebuild";
    EXPECT_EQ(total(get(server, target)), 1);
    EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace broadsheet
