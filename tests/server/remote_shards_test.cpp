// remote_shards_test.cpp — tests/corpus built as two kept shards, each served by the stock
// xapian-tcpsrv on loopback and named by "remote HOST:PORT" lines of the generation's manifest:
// the server answers the shared query table as on one database (spelling suggestions from the
// generation's local spelling database), answers 503 naming a shard that is down or frozen
// within its timeout, and answers again once the shard is back.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "tests/support/shard_equivalence.h"
#include "tests/support/tcp_shard_server.h"

namespace broadsheet {
namespace {

using testing_support::build_corpus_index;
using testing_support::RunningServer;
using testing_support::TcpShardServer;
using testing_support::TempDir;
using testing_support::write_file;

// The server's --remote-timeout-ms and --remote-connect-timeout-ms in this test.
constexpr auto kRemoteTimeout = std::chrono::milliseconds(1000);
// A failing request may wait for a reply and then for a new connection's greeting.
constexpr auto kAnswerWithin = 2 * kRemoteTimeout + std::chrono::milliseconds(1500);

class RemoteShards : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const auto& root = dir_->path();
        write_file(root / "web" / "index.html", "<!doctype html><title>Broadsheet</title>");
        build_corpus_index(root / "one", {"--jobs", "1"});
        build_corpus_index(root / "two", {"--jobs", "2", "--keep-shards"});
        for (int k = 0; k < 2; ++k)
            shards_[k] = new TcpShardServer(
                XAPIAN_TCPSRV, root / "two" / "gen-000001" / ("shard-" + std::to_string(k)));
        // The layout docs/design.md describes: the kept generation's manifest, its "auto
        // shard-K" lines replaced by the servers' addresses.
        write_file(root / "remote" / "XAPIANDB", "auto gen-000001\n");
        write_file(root / "remote" / "gen-000001" / "XAPIANDB",
                   "# shards served by xapian-tcpsrv\nremote " + shards_[0]->address() +
                       "\nremote " + shards_[1]->address() + "\n");
        // The generation's spelling database stays on the server's host, beside the manifest.
        std::filesystem::copy(root / "two" / "gen-000001" / "spelling",
                              root / "remote" / "gen-000001" / "spelling",
                              std::filesystem::copy_options::recursive);
        const std::string timeout = std::to_string(kRemoteTimeout.count());
        one_ = new RunningServer(root / "one", root / "web");
        remote_ = new RunningServer(
            root / "remote", root / "web",
            {"--remote-timeout-ms", timeout, "--remote-connect-timeout-ms", timeout});
    }
    static void TearDownTestSuite() {
        delete one_;
        delete remote_;
        for (TcpShardServer*& shard : shards_) {
            delete shard;
            shard = nullptr;
        }
        delete dir_;
    }
    static TempDir* dir_;
    static TcpShardServer* shards_[2];
    static RunningServer* one_;
    static RunningServer* remote_;
};
TempDir* RemoteShards::dir_ = nullptr;
TcpShardServer* RemoteShards::shards_[2] = {nullptr, nullptr};
RunningServer* RemoteShards::one_ = nullptr;
RunningServer* RemoteShards::remote_ = nullptr;

TEST_F(RemoteShards, EveryTableRowAnswersTheSame) {
    testing_support::expect_same_table(*one_, *remote_);
}

TEST_F(RemoteShards, MisspeltWordsGetTheSuggestionOfOneDatabase) {
    testing_support::expect_same_suggestions(*one_, *remote_);
}

TEST_F(RemoteShards, ArticlesRelatedAndSpeakerPagesAnswerTheSame) {
    testing_support::expect_same_pages(*one_, *remote_);
}

TEST_F(RemoteShards, ExportsAndHealthAgree) {
    testing_support::expect_same_exports(*one_, *remote_);
}

// How the second shard fails.
enum class Failure {
    Down,    // killed with every connection it served: connecting is refused
    Frozen,  // stopped (SIGSTOP): connections are accepted and never answered
};

struct FailureRow {
    const char* name;
    Failure failure;
    // A query no earlier request asked: the response cache is keyed on the index's epoch,
    // which a failing shard does not change, so a query answered before comes from memory.
    const char* words;
};

TEST_F(RemoteShards, AFailedShardGives503NamingItThenAnswersAgain) {
    const FailureRow rows[] = {
        // A host or process gone: the error comes at once.
        {"down", Failure::Down, "government"},
        // A hung or overloaded server: only the timeout ends the wait, never a hang.
        {"frozen", Failure::Frozen, "minister"},
    };
    TcpShardServer& shard = *shards_[1];
    for (const FailureRow& row : rows) {
        SCOPED_TRACE(row.name);
        const httplib::Params params = {{"q", row.words}, {"sort", "newest"}};
        const nlohmann::json expected =
            testing_support::get_comparable(*one_, "/api/search", params);
        if (row.failure == Failure::Down)
            shard.kill();
        else
            shard.pause();
        // Twice: the handle that failed first is opened again for the second request.
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto started = std::chrono::steady_clock::now();
            auto response = remote_->get("/api/search", params);
            const auto took = std::chrono::steady_clock::now() - started;
            ASSERT_TRUE(response);
            EXPECT_EQ(response->status, 503) << response->body;
            const nlohmann::json body = nlohmann::json::parse(response->body);
            EXPECT_EQ(body["error"]["code"], "shard_unavailable");
            EXPECT_NE(body["error"]["message"].get<std::string>().find(shard.address()),
                      std::string::npos)
                << body;
            EXPECT_LT(took, kAnswerWithin);
        }
        if (row.failure == Failure::Down)
            shard.restart();
        else
            shard.resume();
        EXPECT_EQ(testing_support::get_comparable(*remote_, "/api/search", params), expected);
        EXPECT_EQ(testing_support::get_comparable(*remote_, "/api/quotes", {{"q", "russia"}}),
                  testing_support::get_comparable(*one_, "/api/quotes", {{"q", "russia"}}));
    }
}

TEST_F(RemoteShards, AConnectionTheShardServerClosedIsOpenedAgain) {
    // Shard servers that drop a connection idle for 300 ms (xapian-tcpsrv's default is longer),
    // and one search handle, so the second request finds its connections closed.
    const auto& root = dir_->path();
    TcpShardServer first(XAPIAN_TCPSRV, root / "two" / "gen-000001" / "shard-0", 300);
    TcpShardServer second(XAPIAN_TCPSRV, root / "two" / "gen-000001" / "shard-1", 300);
    write_file(root / "idle" / "XAPIANDB", "auto gen-000001\n");
    write_file(root / "idle" / "gen-000001" / "XAPIANDB",
               "remote " + first.address() + "\nremote " + second.address() + "\n");
    RunningServer server(root / "idle", root / "web", {"--threads", "1"});
    const httplib::Params params = {{"q", "government"}};
    const nlohmann::json expected = testing_support::get_comparable(*one_, "/api/search", params);
    EXPECT_EQ(testing_support::get_comparable(server, "/api/search", params), expected);
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    EXPECT_EQ(testing_support::get_comparable(server, "/api/search", params), expected);
}

}  // namespace
}  // namespace broadsheet
