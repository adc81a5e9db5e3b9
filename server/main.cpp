// main.cpp — broadsheet-server: parses options, opens the index pool, serves until SIGINT or
// SIGTERM. Everything else lives in http_server.cpp and core/.
#include <pthread.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include "broadsheet/version.h"
#include "core/error.h"
#include "core/search/index_pool.h"
#include "server/http_server.h"

namespace {

std::string url_host(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// The web root when --web is not given: share/broadsheet/web beside the installed program
// (found from /proc/self/exe, so any install prefix works); empty, i.e. no static files, when
// the program runs from a build tree, where scripts pass --web explicitly.
std::filesystem::path default_web_dir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path web =
        (exe.parent_path() / std::string(broadsheet::kShareDirFromBin) / "web").lexically_normal();
    return fs::is_regular_file(web / "index.html", ec) ? web : fs::path{};
}

}  // namespace

int main(int argc, char** argv) try {
    broadsheet::ServerConfig config;
    CLI::App app{"broadsheet-server: the Broadsheet search API and web frontend"};
    app.set_version_flag("--version", "broadsheet-server " + std::string(broadsheet::kVersion));
    app.add_option("--index", config.index_dir, "index directory written by broadsheet-indexer")
        ->required();
    app.add_option("--web", config.web_dir,
                   "directory of the web frontend to serve at / (default: share/broadsheet/web "
                   "beside an installed program; none when run from a build tree)");
    app.add_option("--host", config.host, "address to listen on")->capture_default_str();
    app.add_option("--port", config.port, "port to listen on; 0 picks a free one")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    app.add_option("--threads", config.threads, "search workers (default: number of cores)")
        ->check(CLI::Range(1u, 1024u));
    app.add_option("--max-waiting", config.max_waiting,
                   "connections that may wait for a worker; beyond them clients get 503")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    app.add_option("--cache-mb", config.cache_mb,
                   "memory for cached search and quote responses, in MB; 0 turns the cache off")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 20));
    broadsheet::IndexPoolConfig pool_config;
    unsigned remote_timeout_ms = 10000;
    unsigned remote_connect_timeout_ms = 10000;
    app.add_option("--remote-timeout-ms", remote_timeout_ms,
                   "how long to wait for any reply of a remote shard (a manifest's \"remote "
                   "HOST:PORT\" line) before answering 503 shard_unavailable")
        ->capture_default_str()
        ->check(CLI::Range(1u, 3600000u));
    app.add_option("--remote-connect-timeout-ms", remote_connect_timeout_ms,
                   "how long to wait for a remote shard to accept a connection and greet")
        ->capture_default_str()
        ->check(CLI::Range(1u, 3600000u));
    CLI11_PARSE(app, argc, argv);
    if (config.threads == 0) config.threads = std::max(std::thread::hardware_concurrency(), 1u);
    if (config.web_dir.empty()) config.web_dir = default_web_dir();

    // Logs go to stderr: stdout carries only the "listening on" line that scripts parse.
    spdlog::set_default_logger(spdlog::stderr_color_mt("broadsheet"));

    // Block the stop signals in every thread; one thread waits for them and stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    pool_config.dir = config.index_dir;
    pool_config.remote.reply = std::chrono::milliseconds(remote_timeout_ms);
    pool_config.remote.connect = std::chrono::milliseconds(remote_connect_timeout_ms);
    pool_config.handles = config.threads;
    pool_config.on_problem = [](std::string_view message) { spdlog::error("index: {}", message); };
    broadsheet::IndexPool pool(pool_config);
    if (const auto columns = pool.columns())
        spdlog::info("facet columns: {} documents ({} articles), {:.2f} MB in memory",
                     columns->documents(), columns->articles(),
                     static_cast<double>(columns->bytes()) / 1e6);
    else
        spdlog::info(
            "facet columns: none (an index of several shards, or they could not be "
            "read): facets are counted from the documents' values");

    spdlog::info("response cache: {}", config.cache_mb == 0
                                           ? std::string("off")
                                           : std::to_string(config.cache_mb) + " MB");
    broadsheet::HttpServer server(config, pool);
    const int port = server.bind();
    if (port < 0) {
        std::cerr << "broadsheet-server: cannot listen on " << config.host << ":" << config.port
                  << " (is another server using the port?)\n";
        return 1;
    }
    std::cout << "listening on http://" << url_host(config.host) << ":" << port << "/" << std::endl;

    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        if (signal == SIGINT || signal == SIGTERM) spdlog::info("stopping on signal {}", signal);
        server.stop();
    });
    const bool ran = server.run();
    // If the server ended on its own, wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return ran ? 0 : 1;
} catch (const broadsheet::Error& e) {
    std::cerr << "broadsheet-server: " << e.what() << "\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << "broadsheet-server: " << e.what() << "\n";
    return 1;
}
