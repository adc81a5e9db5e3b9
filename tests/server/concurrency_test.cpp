// concurrency_test.cpp — every endpoint from many client threads at once against one in-process
// HttpServer over a real index (seeds and the labelled corpus, built by the real indexer), so
// that a sanitizer build sees both sides: no request fails, nothing crashes, no data race.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/search/index_pool.h"
#include "server/http_server.h"
#include "tests/support/files.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_support::run_command;
using testing_support::TempDir;

const fs::path kSource = BROADSHEET_SOURCE_DIR;
constexpr int kClients = 8;
constexpr auto kDuration = std::chrono::seconds(3);

// `text` as one URL path segment.
std::string percent_encoded(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        }
    }
    return out;
}

class Concurrency : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const fs::path corpus = dir_->path() / "corpus";
        testing_support::copy_files_into({kSource / "corpus", kSource / "tests" / "corpus"},
                                         corpus);
        const auto built = run_command({BROADSHEET_INDEXER, "build", corpus.string(), "--index",
                                        (dir_->path() / "index").string()});
        // The labelled corpus holds broken files on purpose: the indexer skips them and says so.
        ASSERT_TRUE(fs::exists(dir_->path() / "index")) << built.output;

        config_ = new ServerConfig();
        config_->index_dir = dir_->path() / "index";
        config_->web_dir = kSource / "web";
        config_->port = 0;
        config_->threads = 2;
        IndexPoolConfig pool_config;
        pool_config.dir = config_->index_dir;
        pool_config.handles = config_->threads;
        pool_ = new IndexPool(pool_config);
        server_ = new HttpServer(*config_, *pool_);
        port_ = server_->bind();
        ASSERT_GT(port_, 0);
        thread_ = new std::thread([] { server_->run(); });
    }
    static void TearDownTestSuite() {
        if (server_ != nullptr) server_->stop();
        if (thread_ != nullptr) thread_->join();
        delete thread_;
        delete server_;
        delete pool_;
        delete config_;
        delete dir_;
    }

    static json get_json(const std::string& path) {
        httplib::Client client("127.0.0.1", port_);
        auto res = client.Get(path);
        if (!res || res->status != 200) return json();
        return json::parse(res->body, nullptr, false);
    }

    static TempDir* dir_;
    static ServerConfig* config_;
    static IndexPool* pool_;
    static HttpServer* server_;
    static std::thread* thread_;
    static int port_;
};
TempDir* Concurrency::dir_ = nullptr;
ServerConfig* Concurrency::config_ = nullptr;
IndexPool* Concurrency::pool_ = nullptr;
HttpServer* Concurrency::server_ = nullptr;
std::thread* Concurrency::thread_ = nullptr;
int Concurrency::port_ = 0;

TEST_F(Concurrency, EveryEndpointFromManyThreadsAtOnce) {
    const json found = get_json("/api/search?q=kerry");
    ASSERT_TRUE(found.is_object() && !found["hits"].empty()) << found;
    const std::string article = percent_encoded(found["hits"][0]["id"]);
    const json speakers = get_json("/api/speakers");
    ASSERT_TRUE(speakers.is_object() && !speakers["speakers"].empty()) << speakers;
    const std::string speaker = percent_encoded(speakers["speakers"][0]["name"].get<std::string>());

    // One path per endpoint; quote searches several times, since they crashed the server once.
    const std::vector<std::string> paths = {
        "/api/search?q=kerry",
        "/api/search?q=syria&sort=newest&interval=year",
        "/api/search?q=minister*&outlet=Bloomberg",
        // A shaped response: one facet cut short under a selection, no histogram, timing.
        "/api/search?q=said&speaker=John%20Kerry&facets=speaker&facet_size=2&histogram=0"
        "&fields=title,snippet&debug=1",
        "/api/quotes?q=syria&facets=none&snippets=0&debug=1",
        "/api/quotes?q=syria",
        "/api/quotes?q=kerry",
        "/api/quotes?q=regime",
        "/api/quotes?q=%22said%22",
        "/api/facets/speaker?q=said&prefix=j",
        "/api/facets/outlet",
        "/api/speakers",
        "/api/speakers/" + speaker,
        "/api/matrix?rows=speaker&cols=outlet",
        "/api/articles/" + article,
        "/api/articles/" + article + "/related",
        "/api/suggest?q=ker",
        "/api/suggest?q=ker&format=opensearch",
        "/api/search.csv?q=syria",
        "/api/search.jsonl?q=kerry",
        "/api/search.atom?q=kerry",
        "/api/opensearch.xml",
        "/api/health",
        "/api",
        "/",
        "/app.js",
    };
    for (const std::string& path : paths) {
        httplib::Client client("127.0.0.1", port_);
        auto res = client.Get(path);
        ASSERT_TRUE(res) << path;
        ASSERT_EQ(res->status, 200) << path << " " << res->body;
    }

    std::atomic<long> requests{0};
    std::mutex failures_mutex;
    std::map<std::string, int> failures;  // "path status" -> count
    const auto until = std::chrono::steady_clock::now() + kDuration;
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port_);
            client.set_keep_alive(true);
            client.set_read_timeout(10, 0);
            for (std::size_t i = c; std::chrono::steady_clock::now() < until; ++i) {
                const std::string& path = paths[i % paths.size()];
                auto res = client.Get(path);
                ++requests;
                if (res && res->status == 200) continue;
                std::lock_guard<std::mutex> lock(failures_mutex);
                ++failures[path + " " + (res ? std::to_string(res->status) : "no response")];
            }
        });
    }
    for (auto& thread : clients) thread.join();
    EXPECT_TRUE(failures.empty()) << [&] {
        std::string listed;
        for (const auto& [what, count] : failures)
            listed += what + " ×" + std::to_string(count) + "\n";
        return listed;
    }();
    EXPECT_GE(requests.load(), static_cast<long>(paths.size()));
    std::printf("concurrency: %ld requests from %d threads in %lld s\n", requests.load(), kClients,
                static_cast<long long>(kDuration.count()));
}

}  // namespace
}  // namespace broadsheet
