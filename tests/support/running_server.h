// running_server.h — the real binaries for integration tests: index a corpus with
// broadsheet-indexer (or take the shared index of corpus/), and run broadsheet-server on an
// ephemeral loopback port. Needs BROADSHEET_INDEXER and BROADSHEET_SERVER defined.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/process.h"
#include "tests/support/response_recorder.h"
#include "tests/support/temp_dir.h"

namespace broadsheet::testing_support {

inline constexpr auto kStartTimeout = std::chrono::seconds(20);

// Runs `broadsheet-indexer <command> <corpus> --index <index>`; fails the test when it fails.
inline void index_corpus(const char* command, const std::filesystem::path& corpus,
                         const std::filesystem::path& index) {
    const auto result =
        run_command({BROADSHEET_INDEXER, command, corpus.string(), "--index", index.string()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
}

// The index of corpus/ that suites serve read-only. Under ctest the fixture test seeds_index
// (tests/CMakeLists.txt) builds it once per run and passes its path in BROADSHEET_SEED_INDEX, so
// the many single-test processes gtest_discover_tests starts share one build; a binary run by
// hand builds its own, once per process.
inline std::filesystem::path seed_index() {
    if (const char* prebuilt = std::getenv("BROADSHEET_SEED_INDEX"); prebuilt && *prebuilt)
        return prebuilt;
    static const TempDir dir;
    static const bool built = [] {
        const auto corpus = std::filesystem::path(BROADSHEET_SOURCE_DIR) / "corpus";
        const auto result = run_command(
            {BROADSHEET_INDEXER, "build", corpus.string(), "--index", (dir / "index").string()});
        EXPECT_EQ(result.exit_code, 0) << result.output;
        return result.exit_code == 0;
    }();
    static_cast<void>(built);
    return dir / "index";
}

// The real server as a child process; the port comes from its "listening on" line.
class RunningServer {
  public:
    // `options` ("--flag", "value" pairs) replace the defaults of the same flags.
    RunningServer(const std::filesystem::path& index, const std::filesystem::path& web,
                  const std::vector<std::string>& options = {})
        : child_(arguments(index, web, options)) {
        const auto line =
            child_.read_line(std::chrono::duration_cast<std::chrono::milliseconds>(kStartTimeout));
        const std::string prefix = "listening on http://127.0.0.1:";
        if (!line || line->rfind(prefix, 0) != 0) {
            ADD_FAILURE() << "server did not start: " << line.value_or("<no output>");
            return;
        }
        port_ = std::stoi(line->substr(prefix.size()));
    }
    int port() const { return port_; }
    // GET; recorded for the OpenAPI validation when BROADSHEET_RECORD_RESPONSES is set.
    httplib::Result get(const std::string& path, const httplib::Params& params = {}) const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10, 0);
        const std::string target = httplib::append_query_params(path, params);
        httplib::Result result = client.Get(target, httplib::Headers{});
        if (result) record_response({"GET", target, *result});
        return result;
    }
    // A request without a body in any method (HEAD, DELETE, …); recorded like get().
    httplib::Result send(const std::string& method, const std::string& path) const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10, 0);
        httplib::Request request;
        request.method = method;
        request.path = path;
        httplib::Result result = client.send(request);
        if (result) record_response({method, path, *result});
        return result;
    }
    // GET and parse; fails the test on transport errors.
    nlohmann::json get_json(const std::string& path, const httplib::Params& params = {},
                            int expected_status = 200) const {
        auto res = get(path, params);
        if (!res) {
            ADD_FAILURE() << path << ": no response";
            return {};
        }
        EXPECT_EQ(res->status, expected_status) << path << " " << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
        return nlohmann::json::parse(res->body);
    }
    int stop() { return child_.stop(); }

  private:
    static std::vector<std::string> arguments(const std::filesystem::path& index,
                                              const std::filesystem::path& web,
                                              const std::vector<std::string>& options) {
        std::vector<std::string> argv = {BROADSHEET_SERVER, "--index", index.string(), "--web",
                                         web.string()};
        const std::pair<const char*, const char*> defaults[] = {
            {"--host", "127.0.0.1"}, {"--port", "0"}, {"--threads", "2"}};
        for (const auto& [flag, value] : defaults) {
            if (std::find(options.begin(), options.end(), flag) != options.end()) continue;
            argv.insert(argv.end(), {flag, value});
        }
        argv.insert(argv.end(), options.begin(), options.end());
        return argv;
    }

    ChildProcess child_;
    int port_ = 0;
};

// How long a server following its index may take to show an update or a rebuild: it looks for
// a new generation or commit about once a second.
inline constexpr auto kVisibleWithin = std::chrono::seconds(15);

// Polls `check` until it holds or kVisibleWithin passes.
template <class Check>
bool eventually(Check&& check) {
    const auto deadline = std::chrono::steady_clock::now() + kVisibleWithin;
    while (std::chrono::steady_clock::now() < deadline) {
        if (check()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return check();
}

// A writable copy of corpus/ built into its own index, with an empty web folder: for tests that
// change the files and update or rebuild the index while a server follows it.
class IndexedCorpusCopy {
  public:
    IndexedCorpusCopy() {
        std::filesystem::copy(std::filesystem::path(BROADSHEET_SOURCE_DIR) / "corpus", corpus(),
                              std::filesystem::copy_options::recursive);
        std::filesystem::create_directories(web());
        index_corpus("build", corpus(), index());
    }
    std::filesystem::path corpus() const { return dir_.path() / "corpus"; }
    std::filesystem::path index() const { return dir_.path() / "index"; }
    std::filesystem::path web() const { return dir_.path() / "web"; }

  private:
    TempDir dir_;
};

}  // namespace broadsheet::testing_support
