// http_server.h — the configured cpp-httplib server: hardening, the API dispatcher, static
// files and request logging. main.cpp only parses options and calls this.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <string>

#include "core/search/index_pool.h"
#include "server/hardened_server.h"
#include "server/http_util.h"
#include "server/response_cache.h"
#include "server/static_files.h"

namespace broadsheet {

struct ServerConfig {
    std::filesystem::path index_dir;
    std::filesystem::path web_dir;  // empty: no static files
    std::string host = "127.0.0.1";
    int port = 8080;               // 0: any free port
    unsigned threads = 0;          // 0: std::thread::hardware_concurrency()
    std::size_t max_waiting = 64;  // connections queued for a worker before 503s
    std::size_t cache_mb = 64;     // response cache (server/response_cache.h); 0: none
};

// Workers per --threads. Idle and slow connections hold none (they wait in ConnectionEngine);
// the extra workers serve static files and write to slow readers while searches wait for one
// of the IndexPool's handles (one per --threads).
inline constexpr unsigned kConnectionsPerThread = 4;

// Writes a handler's response: JSON, text, or a chunked stream (see ApiResponse), plus its
// extra headers. A producer that throws aborts the transfer (logged as a warning).
void send_api_response(httplib::Response& response, ApiResponse api);

class HttpServer {
  public:
    // The pool and the config must outlive the server.
    HttpServer(const ServerConfig& config, IndexPool& pool);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds host:port (port 0: any free port) and returns the bound port; -1 on failure, also
    // when another process listens on the port.
    int bind();
    // Serves until stop(); returns false if the server could not run.
    bool run();
    // Safe from another thread.
    void stop();

    // What the response cache has done so far (zeros when it is off).
    ResponseCacheStats cache_stats() const { return cache_.stats(); }

  private:
    void route(const httplib::Request& request, httplib::Response& response);

    const ServerConfig& config_;
    IndexPool& pool_;
    ResponseCache cache_;
    StaticFiles static_files_;
    HardenedServer server_;
    int port_ = -1;  // the bound port, for links when a request has no usable Host header
};

}  // namespace broadsheet
