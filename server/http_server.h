// http_server.h — the configured cpp-httplib server: hardening, the API dispatcher, static
// files and request logging. main.cpp only parses options and calls this.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <string>

#include "core/search/index_pool.h"
#include "server/http_util.h"
#include "server/static_files.h"

namespace broadsheet {

struct ServerConfig {
    std::filesystem::path index_dir;
    std::filesystem::path web_dir;  // empty: no static files
    std::string host = "127.0.0.1";
    int port = 8080;       // 0: any free port
    unsigned threads = 0;  // 0: std::thread::hardware_concurrency()
};

// Limits and timeouts applied to every httplib::Server we run.
struct Hardening {
    unsigned threads = 1;                  // sizes the worker pool
    std::size_t payload_max_bytes = 1024;  // no endpoint takes a body
    time_t read_timeout_s = 5;
    time_t write_timeout_s = 5;
    std::size_t keep_alive_max_count = 100;
    time_t keep_alive_timeout_s = 5;
};

// Worker threads httplib runs per --threads: each open keep-alive connection holds a worker
// while idle, so a browser's parallel connections would otherwise queue behind idle ones.
// Searches are still bounded by the IndexPool's handles (one per --threads).
inline constexpr unsigned kConnectionsPerThread = 4;

// Applies the hardening every server needs on top of cpp-httplib 0.11.4's defaults: JSON 500
// without exception text (and no EXCEPTION_WHAT header), JSON bodies for httplib's own
// 4xx/5xx, a small payload limit, timeouts, keep-alive limits, TCP_NODELAY, the worker pool
// size, and nosniff on every response. Separate from HttpServer so tests can apply it to a
// server with routes that fail on purpose.
void apply_hardening(httplib::Server& server, const Hardening& hardening);

// Writes a handler's response: JSON, text, or a chunked stream (see ApiResponse), plus its
// extra headers. A producer that throws aborts the transfer (logged as a warning).
void send_api_response(httplib::Response& response, ApiResponse api);

class HttpServer {
  public:
    // The pool and the config must outlive the server.
    HttpServer(const ServerConfig& config, IndexPool& pool);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds host:port (port 0: any free port) and returns the bound port; -1 on failure.
    int bind();
    // Serves until stop(); returns false if the server could not run.
    bool run();
    // Safe from another thread.
    void stop();

  private:
    void route(const httplib::Request& request, httplib::Response& response);

    const ServerConfig& config_;
    IndexPool& pool_;
    StaticFiles static_files_;
    httplib::Server server_;
    int port_ = -1;  // the bound port, for links when a request has no usable Host header
};

}  // namespace broadsheet
