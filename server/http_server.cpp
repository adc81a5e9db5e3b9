// http_server.cpp — wiring of cpp-httplib: hardening, one handler for every admitted request that
// dispatches API paths and static files (so httplib's regex router never sees a path), logging.
#include "server/http_server.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>
#include <thread>

#include "server/http_util.h"
#include "server/routes.h"

namespace broadsheet {
namespace {

constexpr const char* kJson = "application/json";

// When the current worker started on its request; read by the logger on the same thread.
thread_local std::optional<std::chrono::steady_clock::time_point> request_started;

// How a host appears in a URL authority: IPv6 addresses in brackets.
std::string url_host(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

Hardening hardening_for(const ServerConfig& config) {
    const unsigned threads =
        config.threads != 0 ? config.threads : std::max(std::thread::hardware_concurrency(), 1u);
    Hardening hardening;
    hardening.workers = threads * kConnectionsPerThread;
    hardening.max_waiting = config.max_waiting;
    return hardening;
}

}  // namespace

void send_api_response(httplib::Response& response, ApiResponse api) {
    response.status = api.status;
    for (auto& [name, value] : api.headers) response.set_header(name, value);
    if (api.content_type.empty()) {
        response.set_content(to_wire(api.body), kJson);
        return;
    }
    if (!api.stream) {
        response.set_content(std::move(api.text), api.content_type);
        return;
    }
    // httplib calls the provider until done() (GET only; a HEAD response has no body, and the
    // producer is then never called). Returning false makes httplib close the connection
    // without the final zero-length chunk: the client sees an incomplete transfer.
    response.set_chunked_content_provider(
        api.content_type, [producer = std::move(api.stream)](std::size_t, httplib::DataSink& sink) {
            try {
                std::optional<std::string> chunk = producer();
                if (!chunk) {
                    sink.done();
                    return true;
                }
                return chunk->empty() || sink.write(chunk->data(), chunk->size());
            } catch (const std::exception& e) {
                spdlog::warn("stream aborted: {}", e.what());
                return false;
            }
        });
}

HttpServer::HttpServer(const ServerConfig& config, IndexPool& pool)
    : config_(config),
      pool_(pool),
      cache_(ResponseCacheConfig{.capacity_bytes = config.cache_mb << 20}),
      static_files_(config.web_dir),
      server_(hardening_for(config)) {
    if (!config_.web_dir.empty() && !static_files_.enabled())
        spdlog::warn("--web {} is not a directory; serving the API only",
                     printable(config_.web_dir.string()));
    server_.set_admitted_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
            request_started = std::chrono::steady_clock::now();
            route(request, response);
            return httplib::Server::HandlerResponse::Handled;
        });

    server_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        if (request_started) {
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - *request_started;
            // X-Cache (hit or miss) when the response cache was asked: one word more on the line.
            const std::string cache = response.get_header_value("X-Cache");
            spdlog::info("{} {} {} {} {:.2f} ms{}{}", printable(request.remote_addr),
                         request.method, printable(request.path), response.status, took.count(),
                         cache.empty() ? "" : " cache ", cache);
        } else {
            // Refused before routing: malformed or hostile framing, oversized head or URI.
            spdlog::info("{} {} {} {} -", printable(request.remote_addr), printable(request.method),
                         printable(request.path), response.status);
        }
        request_started.reset();
    });
}

void HttpServer::route(const httplib::Request& request, httplib::Response& response) {
    // Methods, bodies and framing were checked by HardenedServer before this runs.
    if (is_api_path(request.path)) {
        ApiRequest api{request.path, {request.params.begin(), request.params.end()}, {}};
        api.host = request_host(request.get_header_value("Host"),
                                url_host(config_.host) + ":" + std::to_string(port_));
        response.set_header("Cache-Control", "no-store");
        send_api_response(response, dispatch(std::move(api), pool_, &cache_));
        return;
    }
    if (auto file = static_files_.load(request.path)) {
        // Revalidate: the frontend changes with deployments and has no versioned file names.
        response.set_header("Cache-Control", "no-cache");
        // A single range of a static file is served (HardenedServer drops any other Range).
        response.status = request.ranges.empty() ? 200 : 206;
        response.set_content(file->content, file->content_type);
        return;
    }
    send_api_response(response, error_response(ErrorCode::NotFound, "no such file"));
}

int HttpServer::bind() {
    port_ = server_.bind(config_.host, config_.port);
    return port_;
}

bool HttpServer::run() {
    return server_.listen_after_bind();
}

void HttpServer::stop() {
    server_.stop();
}

}  // namespace broadsheet
