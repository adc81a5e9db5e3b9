// load_during_rebuild.cpp — the server under load while its index is rebuilt: 32 keep-alive
// client threads drive every API endpoint of a real broadsheet-server, first for a fixed time
// with no indexer running ("idle"), then while broadsheet-indexer runs full builds and
// incremental updates of the same index directory ("rebuilds"). Prints requests, errors by
// endpoint, 503 "overloaded" answers and p50/p99 latency for both phases side by side.
//
// Usage: load_during_rebuild [--articles 2000 | --corpus DIR] [--connections 32]
//                            [--idle-seconds 30] [--builds 3] [--updates 3] [--keep]
// Everything (corpus copy, index, logs) lives in a fresh directory under the system temp dir,
// removed afterwards unless --keep. Never run as a test: the numbers depend on the machine.
#include <fcntl.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

#ifndef LOAD_DEFAULT_INDEXER
#define LOAD_DEFAULT_INDEXER "broadsheet-indexer"
#endif
#ifndef LOAD_DEFAULT_SERVER
#define LOAD_DEFAULT_SERVER "broadsheet-server"
#endif
#ifndef LOAD_DEFAULT_GEN_CORPUS
#define LOAD_DEFAULT_GEN_CORPUS "gen_corpus.py"
#endif

struct Config {
    std::string corpus;  // empty: generate
    int articles = 2000;
    std::string gen_corpus = LOAD_DEFAULT_GEN_CORPUS;
    std::string python = "/usr/bin/python3";
    std::string indexer = LOAD_DEFAULT_INDEXER;
    std::string server = LOAD_DEFAULT_SERVER;
    int connections = 32;
    double idle_seconds = 30;
    double max_rebuild_seconds = 900;  // the rebuild phase ends here even if the indexer has not
    double indexer_timeout = 600;      // one indexer run is killed after this
    int builds = 3;
    int updates = 3;
    double modify_percent = 5;
    int threads = 2;
    int max_waiting = 0;  // 0: the server's default
    unsigned seed = 9;
    bool keep = false;
};

// ---------------------------------------------------------------- child processes

struct Child {
    pid_t pid = -1;
};

// Starts argv[0] with stdout to `out_fd` (or a file) and stderr to `err_path`.
pid_t spawn(const std::vector<std::string>& args, int stdout_fd, const std::string& stdout_path,
            const std::string& stderr_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (stdout_fd >= 0) {
        posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(),
                                         O_WRONLY | O_CREAT | O_APPEND, 0644);
    }
    posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        std::fprintf(stderr, "cannot start %s: %s\n", argv[0], std::strerror(rc));
        return -1;
    }
    return pid;
}

// Waits for `pid` at most `timeout` seconds; kills it (SIGKILL) past that. Returns the exit
// status, or -1 when it was killed or could not be waited for.
int wait_bounded(pid_t pid, double timeout) {
    const auto deadline = Clock::now() + std::chrono::duration<double>(timeout);
    while (true) {
        int status = 0;
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (r < 0) return -1;
        if (Clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            std::fprintf(stderr, "process %d timed out after %.0f s and was killed\n", pid,
                         timeout);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

struct RunResult {
    std::string what;
    double seconds = 0;
    int exit_code = 0;
};

RunResult run_indexer(const Config& config, const std::string& mode, const fs::path& corpus,
                      const fs::path& index, const fs::path& log) {
    const auto t0 = Clock::now();
    const pid_t pid = spawn({config.indexer, mode, corpus.string(), "--index", index.string()}, -1,
                            log.string(), log.string());
    const int code = pid < 0 ? -1 : wait_bounded(pid, config.indexer_timeout);
    return {mode, std::chrono::duration<double>(Clock::now() - t0).count(), code};
}

// ---------------------------------------------------------------- endpoints

struct Endpoint {
    std::string name;
    std::vector<std::string> paths;
};

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// ---------------------------------------------------------------- measurements

enum Phase { kIdle = 0, kRebuild = 1, kStop = 2 };

struct Sample {
    std::uint16_t endpoint;
    std::uint8_t phase;
    float ms;
};

struct Failure {
    std::size_t endpoint;
    int phase;
    std::string kind;  // "HTTP 500 internal", "transport: Read", ...
};

struct ThreadResult {
    std::vector<Sample> samples;                                // status 200
    std::vector<Failure> failures;                              // errors
    std::vector<std::vector<int>> overloaded;                   // [phase][endpoint] 503 overloaded
    std::map<std::pair<int, long long>, int> health_documents;  // (phase, documents) -> count
};

double percentile(std::vector<float>& v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

void replace_file(const fs::path& path, const std::string& text) {
    const fs::path tmp = path.string() + ".tmp-load";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
    }
    fs::rename(tmp, path);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int main(int argc, char** argv) {
    Config config;
    CLI::App app{
        "load_during_rebuild: every endpoint of a real broadsheet-server under load, idle and "
        "while the index is rebuilt and updated"};
    app.add_option("--corpus", config.corpus,
                   "article folder to copy and index (default: generate)");
    app.add_option("--articles", config.articles, "articles to generate with gen_corpus.py")
        ->capture_default_str();
    app.add_option("--gen-corpus", config.gen_corpus)->capture_default_str();
    app.add_option("--python", config.python)->capture_default_str();
    app.add_option("--indexer", config.indexer)->capture_default_str();
    app.add_option("--server", config.server)->capture_default_str();
    app.add_option("--connections", config.connections,
                   "client threads, one keep-alive connection each")
        ->capture_default_str()
        ->check(CLI::Range(1, 512));
    app.add_option("--idle-seconds", config.idle_seconds, "length of the idle phase")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 3600.0));
    app.add_option("--max-rebuild-seconds", config.max_rebuild_seconds,
                   "the rebuild phase ends by then even if the indexer has not finished")
        ->capture_default_str();
    app.add_option("--indexer-timeout", config.indexer_timeout,
                   "one indexer run is killed after this")
        ->capture_default_str();
    app.add_option("--builds", config.builds)->capture_default_str()->check(CLI::Range(0, 50));
    app.add_option("--updates", config.updates)->capture_default_str()->check(CLI::Range(0, 50));
    app.add_option("--modify-percent", config.modify_percent,
                   "files changed before each update (another as many only touched)")
        ->capture_default_str();
    app.add_option("--threads", config.threads, "the server's --threads")->capture_default_str();
    app.add_option("--max-waiting", config.max_waiting,
                   "the server's --max-waiting (0: its default)");
    app.add_option("--seed", config.seed)->capture_default_str();
    app.add_flag("--keep", config.keep, "keep the work directory");
    CLI11_PARSE(app, argc, argv);

    signal(SIGPIPE, SIG_IGN);
    std::string work_template = (fs::temp_directory_path() / "load-during-rebuild-XXXXXX").string();
    if (!mkdtemp(work_template.data())) {
        std::perror("mkdtemp");
        return 1;
    }
    const fs::path work = work_template;
    const fs::path corpus = work / "corpus";
    const fs::path index = work / "index";
    const fs::path logs = work / "logs";
    fs::create_directories(logs);
    std::printf("work directory %s\n", work.c_str());

    // ---- corpus
    if (config.corpus.empty()) {
        const fs::path gen = work / "gen";
        const pid_t pid =
            spawn({config.python, config.gen_corpus, "--n", std::to_string(config.articles),
                   "--out", gen.string(), "--jobs", "2"},
                  -1, (logs / "gen_corpus.log").string(), (logs / "gen_corpus.log").string());
        if (pid < 0 || wait_bounded(pid, 300) != 0) {
            std::fprintf(stderr, "gen_corpus failed; see %s\n", (logs / "gen_corpus.log").c_str());
            return 1;
        }
        // Only the article files: labels.jsonl and manifest.json would be indexed as articles.
        fs::rename(gen / "docs", corpus);
        fs::remove_all(gen);
    } else {
        fs::copy(config.corpus, corpus, fs::copy_options::recursive);
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(corpus))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::printf("corpus: %zu files\n", files.size());

    // ---- first build
    const RunResult first = run_indexer(config, "build", corpus, index, logs / "indexer.log");
    std::printf("first build: %.2f s, exit %d\n", first.seconds, first.exit_code);
    if (first.exit_code != 0) return 1;

    // ---- server
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) return 1;
    std::vector<std::string> server_args = {config.server,
                                            "--index",
                                            index.string(),
                                            "--port",
                                            "0",
                                            "--threads",
                                            std::to_string(config.threads)};
    if (config.max_waiting > 0) {
        server_args.push_back("--max-waiting");
        server_args.push_back(std::to_string(config.max_waiting));
    }
    const pid_t server = spawn(server_args, out_pipe[1], "", (logs / "server.log").string());
    close(out_pipe[1]);
    if (server < 0) return 1;
    int port = 0;
    {
        std::string line;
        const auto deadline = Clock::now() + std::chrono::seconds(30);
        while (line.find('\n') == std::string::npos && Clock::now() < deadline) {
            pollfd p{out_pipe[0], POLLIN, 0};
            if (poll(&p, 1, 200) <= 0) continue;
            char buffer[256];
            const ssize_t n = read(out_pipe[0], buffer, sizeof buffer);
            if (n <= 0) break;
            line.append(buffer, static_cast<std::size_t>(n));
        }
        const auto colon = line.rfind(':');
        if (line.rfind("listening on http://", 0) == 0 && colon != std::string::npos)
            port = std::atoi(line.c_str() + colon + 1);
    }
    auto stop_server = [&] {
        kill(server, SIGTERM);
        if (wait_bounded(server, 10) < 0) std::fprintf(stderr, "server did not stop cleanly\n");
        close(out_pipe[0]);
    };
    if (port <= 0) {
        std::fprintf(stderr, "server did not print its port; see %s\n",
                     (logs / "server.log").c_str());
        stop_server();
        return 1;
    }
    std::printf("server on port %d (--threads %d)\n", port, config.threads);

    // ---- what to ask: values taken from the index itself
    httplib::Client probe("127.0.0.1", port);
    probe.set_read_timeout(30);
    auto get_json = [&](const std::string& path) -> json {
        auto res = probe.Get(path);
        if (!res || res->status != 200) {
            std::fprintf(stderr, "probe %s failed (%s)\n", path.c_str(),
                         res ? std::to_string(res->status).c_str()
                             : httplib::to_string(res.error()).c_str());
            return json();
        }
        return json::parse(res->body, nullptr, false);
    };
    const json health0 = get_json("/api/health");
    const long long expected_documents = health0.value("documents", -1LL);
    const json browse = get_json("/api/search?size=30");
    std::vector<std::string> ids;
    std::set<std::string> protected_paths;  // files whose articles are probed: never modified
    if (browse.is_object())
        for (const auto& hit : browse["hits"]) ids.push_back(hit.value("id", ""));
    for (const auto& id : ids) {
        const json article = get_json("/api/articles/" + url_encode(id));
        if (article.is_object()) protected_paths.insert(article.value("source_path", ""));
    }
    const json speakers = get_json("/api/speakers?limit=6");
    std::vector<std::string> speaker_names;
    if (speakers.is_object())
        for (const auto& s : speakers["speakers"]) speaker_names.push_back(s.value("name", ""));
    const json outlets = get_json("/api/facets/outlet?limit=4");
    std::vector<std::string> outlet_names;
    if (outlets.is_object())
        for (const auto& v : outlets["values"]) outlet_names.push_back(v.value("value", ""));
    // A corpus whose outlets are not in the registry has only "(unknown)": filter on that.
    while (!outlet_names.empty() && outlet_names.size() < 3)
        outlet_names.push_back(outlet_names.back());
    if (ids.size() < 10 || speaker_names.size() < 3 || outlet_names.size() < 3) {
        std::fprintf(stderr, "the index has too few articles, speakers or outlets to probe\n");
        stop_server();
        return 1;
    }
    const std::string s0 = url_encode(speaker_names[0]), s1 = url_encode(speaker_names[1]),
                      s2 = url_encode(speaker_names[2]);
    const std::string o0 = url_encode(outlet_names[0]), o1 = url_encode(outlet_names[1]),
                      o2 = url_encode(outlet_names[2]);
    std::vector<Endpoint> endpoints = {
        {"search",
         {"/api/search?q=copyright", "/api/search?q=%22the%20software%22",
          "/api/search?q=license&outlet=" + o0, "/api/search",
          "/api/search?q=systems%20environment&sort=newest",
          "/api/search?q=warranty&not_outlet=" + o1 + "&interval=month",
          "/api/search?q=documentation&from=2015-01-01&to=2016-12-31&page=2",
          "/api/search?q=speaker:" + s0.substr(0, s0.find("%20")) + "%20program*"}},
        {"quotes",
         {"/api/quotes?q=copyright", "/api/quotes?q=%22of%20the%22", "/api/quotes?speaker=" + s0,
          "/api/quotes?q=license&min_confidence=0.5", "/api/quotes?q=systems&outlet=" + o0,
          "/api/quotes?sort=newest", "/api/quotes?q=warranty%20OR%20maintainer&not_speaker=" + s1,
          "/api/quotes?q=documentation&from=2012-01-01&to=2019-12-31&interval=year"}},
        {"facets/outlet", {"/api/facets/outlet?prefix=the", "/api/facets/outlet?q=copyright"}},
        {"facets/speaker",
         {"/api/facets/speaker?prefix=jo&q=license", "/api/facets/speaker?type=quote&prefix=ma"}},
        {"facets/year", {"/api/facets/year?q=systems", "/api/facets/year?type=quote"}},
        {"speakers",
         {"/api/speakers", "/api/speakers?prefix=ke", "/api/speakers?prefix=an&limit=50"}},
        {"speakers/{name}", {"/api/speakers/" + s0, "/api/speakers/" + s1, "/api/speakers/" + s2}},
        {"matrix",
         {"/api/matrix?rows=speaker&cols=outlet",
          "/api/matrix?rows=speaker&cols=outlet&q=license"}},
        {"articles/{id}", {}},
        {"articles/{id}/related", {}},
        {"suggest", {"/api/suggest?q=ker", "/api/suggest?q=the%20d", "/api/suggest?q=jo"}},
        {"search.csv", {"/api/search.csv?q=maintainer", "/api/search.csv?speaker=" + s2}},
        {"search.jsonl",
         {"/api/search.jsonl?q=contract&sort=newest", "/api/search.jsonl?outlet=" + o2}},
        {"search.atom", {"/api/search.atom?q=copyright", "/api/search.atom?speaker=" + s1}},
        {"opensearch.xml", {"/api/opensearch.xml"}},
        {"health", {"/api/health"}},
    };
    const std::size_t health_endpoint = endpoints.size() - 1;
    for (std::size_t i = 0; i < 10; ++i) {
        endpoints[8].paths.push_back("/api/articles/" + url_encode(ids[i * 3 % ids.size()]));
        endpoints[9].paths.push_back("/api/articles/" + url_encode(ids[(i * 3 + 1) % ids.size()]) +
                                     "/related?size=5");
    }
    // Every path once, to check it answers 200 before anything is measured.
    for (const auto& endpoint : endpoints) {
        for (const auto& path : endpoint.paths) {
            auto res = probe.Get(path);
            if (!res || res->status != 200) {
                std::fprintf(stderr, "warm-up: %s answered %s\n", path.c_str(),
                             res ? (std::to_string(res->status) + " " + res->body).c_str()
                                 : httplib::to_string(res.error()).c_str());
                stop_server();
                return 1;
            }
        }
    }
    std::printf(
        "%zu endpoints, %zu paths; %lld articles; all answered 200 once\n", endpoints.size(),
        [&] {
            std::size_t n = 0;
            for (const auto& e : endpoints) n += e.paths.size();
            return n;
        }(),
        expected_documents);

    // ---- load
    std::atomic<int> phase{kIdle};
    std::vector<ThreadResult> results(static_cast<std::size_t>(config.connections));
    std::vector<std::thread> clients;
    for (int c = 0; c < config.connections; ++c) {
        clients.emplace_back([&, c] {
            ThreadResult& r = results[static_cast<std::size_t>(c)];
            r.overloaded.assign(2, std::vector<int>(endpoints.size(), 0));
            r.samples.reserve(1 << 16);
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_connection_timeout(5);
            client.set_read_timeout(30);
            client.set_write_timeout(5);
            std::size_t k = static_cast<std::size_t>(c) * 7;
            // Bounded in time by the phases and in count by this cap.
            for (int n = 0; n < 5'000'000; ++n) {
                const int ph = phase.load();
                if (ph == kStop) break;
                const std::size_t e = k % endpoints.size();
                const auto& paths = endpoints[e].paths;
                const std::string& path = paths[(k / endpoints.size()) % paths.size()];
                ++k;
                const auto t0 = Clock::now();
                auto res = client.Get(path);
                const float ms =
                    std::chrono::duration<float, std::milli>(Clock::now() - t0).count();
                if (!res) {
                    r.failures.push_back({e, ph, "transport: " + httplib::to_string(res.error())});
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                    continue;
                }
                if (res->status == 503 && res->body.find("\"overloaded\"") != std::string::npos) {
                    ++r.overloaded[static_cast<std::size_t>(ph)][e];
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    continue;
                }
                if (res->status != 200) {
                    std::string code;
                    const json body = json::parse(res->body, nullptr, false);
                    if (body.is_object() && body.contains("error"))
                        code = " " + body["error"].value("code", "");
                    r.failures.push_back({e, ph, "HTTP " + std::to_string(res->status) + code});
                    continue;
                }
                r.samples.push_back(
                    {static_cast<std::uint16_t>(e), static_cast<std::uint8_t>(ph), ms});
                if (e == health_endpoint) {
                    const json body = json::parse(res->body, nullptr, false);
                    const long long docs = body.is_object() ? body.value("documents", -1LL) : -1;
                    ++r.health_documents[{ph, docs}];
                }
            }
        });
    }

    const auto idle_start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(config.idle_seconds));
    const double idle_seconds = std::chrono::duration<double>(Clock::now() - idle_start).count();

    // Rebuild phase: builds and updates alternate (build first); before each update a share of
    // the files gains a paragraph with a quote, and as many again are only touched.
    phase = kRebuild;
    const auto rebuild_start = Clock::now();
    const auto rebuild_deadline =
        rebuild_start + std::chrono::duration<double>(config.max_rebuild_seconds);
    std::vector<RunResult> runs;
    std::vector<fs::path> modifiable;
    for (const auto& f : files)
        if (!protected_paths.count(fs::relative(f, corpus).generic_string()))
            modifiable.push_back(f);
    std::mt19937 rng(config.seed);
    std::size_t modified_total = 0;
    for (int b = 0, u = 0;
         (b < config.builds || u < config.updates) && Clock::now() < rebuild_deadline;) {
        const bool do_build = b < config.builds && (b <= u || u >= config.updates);
        if (do_build) {
            runs.push_back(run_indexer(config, "build", corpus, index, logs / "indexer.log"));
            ++b;
        } else {
            const std::size_t n = static_cast<std::size_t>(
                static_cast<double>(files.size()) * config.modify_percent / 100.0 + 0.5);
            std::shuffle(modifiable.begin(), modifiable.end(), rng);
            for (std::size_t i = 0; i < n && i < modifiable.size(); ++i) {
                replace_file(modifiable[i],
                             read_file(modifiable[i]) + "\n\u201cUpdate " + std::to_string(u + 1) +
                                 " changed this story about load number " + std::to_string(i) +
                                 ",\u201d " + speaker_names[i % speaker_names.size()] + " said.\n");
                ++modified_total;
            }
            for (std::size_t i = n; i < 2 * n && i < modifiable.size(); ++i)
                fs::last_write_time(modifiable[i], fs::file_time_type::clock::now());
            runs.push_back(run_indexer(config, "update", corpus, index, logs / "indexer.log"));
            runs.back().what +=
                " (" + std::to_string(n) + " changed, " + std::to_string(n) + " touched)";
            ++u;
        }
    }
    const double rebuild_seconds =
        std::chrono::duration<double>(Clock::now() - rebuild_start).count();
    phase = kStop;
    for (auto& t : clients) t.join();

    // After the load: does the server still answer, and with the final count?
    const json health1 = get_json("/api/health");
    stop_server();

    // ---- report
    const std::size_t E = endpoints.size();
    std::vector<std::vector<std::vector<float>>> lat(2, std::vector<std::vector<float>>(E));
    std::vector<std::vector<int>> overloaded(2, std::vector<int>(E, 0));
    std::vector<std::vector<int>> errors(2, std::vector<int>(E, 0));
    std::map<std::tuple<std::string, int, std::string>, int> error_kinds;
    std::map<std::pair<int, long long>, int> health_documents;
    for (const auto& r : results) {
        for (const auto& s : r.samples) lat[s.phase][s.endpoint].push_back(s.ms);
        for (const auto& f : r.failures) {
            ++errors[static_cast<std::size_t>(f.phase)][f.endpoint];
            ++error_kinds[{endpoints[f.endpoint].name, f.phase, f.kind}];
        }
        for (int p = 0; p < 2; ++p)
            for (std::size_t e = 0; e < E; ++e)
                overloaded[static_cast<std::size_t>(p)][e] +=
                    r.overloaded[static_cast<std::size_t>(p)][e];
        for (const auto& [key, n] : r.health_documents) health_documents[key] += n;
    }
    const double seconds[2] = {idle_seconds, rebuild_seconds};
    struct Totals {
        std::size_t ok = 0;
        int errors = 0, overloaded = 0;
        std::vector<float> all;
    } totals[2];
    for (int p = 0; p < 2; ++p) {
        for (std::size_t e = 0; e < E; ++e) {
            totals[p].ok += lat[static_cast<std::size_t>(p)][e].size();
            totals[p].errors += errors[static_cast<std::size_t>(p)][e];
            totals[p].overloaded += overloaded[static_cast<std::size_t>(p)][e];
            totals[p].all.insert(totals[p].all.end(), lat[static_cast<std::size_t>(p)][e].begin(),
                                 lat[static_cast<std::size_t>(p)][e].end());
        }
    }

    std::printf("\nindexer runs during the rebuild phase (%zu files changed in all):\n",
                modified_total);
    for (const auto& run : runs)
        std::printf("  %-40s %7.2f s  exit %d\n", run.what.c_str(), run.seconds, run.exit_code);

    auto ratio = [](double during, double idle) { return idle > 0 ? during / idle : 0.0; };
    std::printf(
        "\n%d connections, server --threads %d; 200s counted in latency; errors = non-200 other "
        "than 503 overloaded, or transport failures\n",
        config.connections, config.threads);
    std::printf("%-10s %8s %9s %8s %7s %8s %9s %9s\n", "phase", "seconds", "requests", "req/s",
                "errors", "503 ovl", "p50 ms", "p99 ms");
    double p50[2], p99[2], rate[2];
    for (int p = 0; p < 2; ++p) {
        const std::size_t requests =
            totals[p].ok + static_cast<std::size_t>(totals[p].errors + totals[p].overloaded);
        rate[p] = static_cast<double>(requests) / seconds[p];
        p50[p] = percentile(totals[p].all, 0.50);
        p99[p] = percentile(totals[p].all, 0.99);
        std::printf("%-10s %8.1f %9zu %8.0f %7d %8d %9.2f %9.2f\n", p == 0 ? "idle" : "rebuilds",
                    seconds[p], requests, rate[p], totals[p].errors, totals[p].overloaded, p50[p],
                    p99[p]);
    }
    std::printf("%-10s %8s %9s %8.2f %7s %8s %9.2f %9.2f\n", "ratio", "", "",
                ratio(rate[1], rate[0]), "", "", ratio(p50[1], p50[0]), ratio(p99[1], p99[0]));

    std::printf("\nper endpoint (idle | rebuilds):\n%-22s %13s %15s %15s %12s %9s\n", "endpoint",
                "requests", "p50 ms", "p99 ms", "p99 ratio", "err/503");
    for (std::size_t e = 0; e < E; ++e) {
        const std::size_t n0 =
            lat[0][e].size() + static_cast<std::size_t>(errors[0][e] + overloaded[0][e]);
        const std::size_t n1 =
            lat[1][e].size() + static_cast<std::size_t>(errors[1][e] + overloaded[1][e]);
        const double a50 = percentile(lat[0][e], 0.5), b50 = percentile(lat[1][e], 0.5);
        const double a99 = percentile(lat[0][e], 0.99), b99 = percentile(lat[1][e], 0.99);
        char err[64];
        std::snprintf(err, sizeof err, "%d/%d|%d/%d", errors[0][e], overloaded[0][e], errors[1][e],
                      overloaded[1][e]);
        std::printf("%-22s %6zu|%6zu %7.1f|%7.1f %7.1f|%7.1f %12.2f %9s\n",
                    endpoints[e].name.c_str(), n0, n1, a50, b50, a99, b99, ratio(b99, a99), err);
    }
    if (!error_kinds.empty()) {
        std::printf("\nerrors:\n");
        for (const auto& [key, n] : error_kinds)
            std::printf("  %-22s %-9s %-40s %d\n", std::get<0>(key).c_str(),
                        std::get<1>(key) == 0 ? "idle" : "rebuilds", std::get<2>(key).c_str(), n);
    }
    std::printf("\n/api/health \"documents\" seen (expected %lld throughout):", expected_documents);
    int unexpected = 0;
    for (const auto& [key, n] : health_documents) {
        std::printf(" %s %lld ×%d;", key.first == 0 ? "idle" : "rebuilds", key.second, n);
        if (key.second != expected_documents) unexpected += n;
    }
    std::printf("\nafter the load: /api/health %s\n",
                health1.is_object() ? health1.dump().c_str() : "FAILED");

    if (!config.keep) {
        std::error_code ec;
        fs::remove_all(work, ec);
    } else {
        std::printf("kept %s (logs in %s)\n", work.c_str(), logs.c_str());
    }
    const bool clean =
        totals[0].errors + totals[1].errors == 0 && unexpected == 0 && health1.is_object();
    return clean ? 0 : 1;
}
