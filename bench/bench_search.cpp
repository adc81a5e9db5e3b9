// bench_search.cpp — requests per second, latency and response size of a running
// broadsheet-server: C client threads, each with one keep-alive httplib::Client, send N searches
// in total on loopback.
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

struct BenchConfig {
    std::string host = "127.0.0.1";
    int port = 8080;
    int requests = 2000;
    int connections = 2;
    std::vector<std::string> paths;  // empty: kPaths
};

// A mix of what the frontend sends: words, a phrase, a facet filter, browsing, a prefix.
// The default mix, used when no --path is given.
const std::vector<std::string> kPaths = {
    "/api/search?q=ceasefire",
    "/api/search?q=%22regime%20change%22",
    "/api/search?q=kerry&outlet=Bloomberg",
    "/api/search",
    "/api/search?q=speaker:lavrov&sort=newest",
    "/api/search?q=syria&page=1&size=20",
};

}  // namespace

int main(int argc, char** argv) {
    BenchConfig config;
    CLI::App app{"bench_search: load a running broadsheet-server with searches"};
    app.add_option("--host", config.host)->capture_default_str();
    app.add_option("--port", config.port)->required();
    app.add_option("--requests", config.requests, "total requests")->capture_default_str();
    app.add_option("--connections", config.connections, "client threads")->capture_default_str();
    app.add_option("--path", config.paths,
                   "request path to send, repeatable (default: a mix of searches)");
    CLI11_PARSE(app, argc, argv);
    const std::vector<std::string>& paths = config.paths.empty() ? kPaths : config.paths;

    std::atomic<int> failures{0};
    std::vector<std::vector<double>> latencies(config.connections);
    // Body bytes per connection: what the responses cost to send and parse.
    std::vector<std::size_t> bytes(config.connections, 0);
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < config.connections; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client client(config.host, config.port);
            client.set_keep_alive(true);
            for (int i = c; i < config.requests; i += config.connections) {
                const auto t0 = std::chrono::steady_clock::now();
                auto res = client.Get(paths[static_cast<std::size_t>(i) % paths.size()]);
                const std::chrono::duration<double, std::milli> took =
                    std::chrono::steady_clock::now() - t0;
                latencies[c].push_back(took.count());
                if (!res || res->status != 200) ++failures;
                if (res) bytes[c] += res->body.size();
            }
        });
    }
    for (auto& t : threads) t.join();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    auto percentile = [&](double p) {
        return all.empty() ? 0.0 : all[static_cast<std::size_t>(p * (all.size() - 1))];
    };
    std::size_t total_bytes = 0;
    for (std::size_t b : bytes) total_bytes += b;
    std::printf(
        "%d requests, %d connections, %.2f s: %.0f requests/s; latency p50 %.2f ms, "
        "p99 %.2f ms; mean body %.0f bytes; %d failed\n",
        config.requests, config.connections, elapsed.count(), config.requests / elapsed.count(),
        percentile(0.5), percentile(0.99),
        config.requests > 0 ? static_cast<double>(total_bytes) / config.requests : 0.0,
        failures.load());
    return failures.load() == 0 ? 0 : 1;
}
