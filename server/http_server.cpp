// http_server.cpp — wiring of cpp-httplib: hardening, one pre-routing handler that dispatches
// API paths and static files (so httplib's regex router never sees a path), and logging.
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

// Whether the client sent (or announced) a request body.
bool carries_body(const httplib::Request& request) {
    if (request.has_header("Transfer-Encoding")) return true;
    const std::string length = request.get_header_value("Content-Length");
    return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

// How a host appears in a URL authority: IPv6 addresses in brackets.
std::string url_host(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
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

void apply_hardening(httplib::Server& server, const Hardening& hardening) {
    const unsigned workers = std::max(hardening.threads, 1u);
    server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    server.set_payload_max_length(hardening.payload_max_bytes);
    server.set_read_timeout(hardening.read_timeout_s, 0);
    server.set_write_timeout(hardening.write_timeout_s, 0);
    // Nagle plus delayed ACK held each response ~40 ms on loopback; the default of 5 requests
    // per connection made clients reconnect constantly.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(hardening.keep_alive_max_count);
    server.set_keep_alive_timeout(hardening.keep_alive_timeout_s);
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

    server.set_exception_handler(
        [](const httplib::Request& request, httplib::Response& response, std::exception_ptr ep) {
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                spdlog::error("{} {}: unhandled exception: {}", request.method,
                              printable(request.path), e.what());
            } catch (...) {
                spdlog::error("{} {}: unhandled non-standard exception", request.method,
                              printable(request.path));
            }
            // Never echo exception text to the client, in a body or in a header.
            response.headers.erase("EXCEPTION_WHAT");
            send_api_response(response, error_response(ErrorCode::Internal, ""));
        });

    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& response) {
            // Our own error responses already carry a JSON body; fill in httplib's bare ones.
            if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            response.set_content(to_wire(error_body_for_status(response.status)), kJson);
            return httplib::Server::HandlerResponse::Handled;
        }));
}

HttpServer::HttpServer(const ServerConfig& config, IndexPool& pool)
    : config_(config), pool_(pool), static_files_(config.web_dir) {
    const unsigned threads =
        config_.threads != 0 ? config_.threads : std::max(std::thread::hardware_concurrency(), 1u);
    if (!config_.web_dir.empty() && !static_files_.enabled())
        spdlog::warn("--web {} is not a directory; serving the API only",
                     printable(config_.web_dir.string()));
    Hardening hardening;
    hardening.threads = threads * kConnectionsPerThread;
    apply_hardening(server_, hardening);

    server_.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
            request_started = std::chrono::steady_clock::now();
            route(request, response);
            return httplib::Server::HandlerResponse::Handled;
        });

    server_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        if (request_started) {
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - *request_started;
            spdlog::info("{} {} {} {:.2f} ms", request.method, printable(request.path),
                         response.status, took.count());
        } else {
            // Refused before routing (malformed request line, oversized URI or body).
            spdlog::info("{} {} {} -", printable(request.method), printable(request.path),
                         response.status);
        }
        request_started.reset();
    });
}

void HttpServer::route(const httplib::Request& request, httplib::Response& response) {
    if (request.method != "GET" && request.method != "HEAD") {
        response.set_header("Allow", "GET, HEAD");
        send_api_response(response, method_not_allowed());
        return;
    }
    if (carries_body(request)) {
        // No endpoint takes a body, and this handler runs before httplib would read one (it
        // never reads a GET's): refuse instead of acting on a request we only half understood.
        send_api_response(response,
                          error_response(ErrorCode::TooLarge, "requests must not carry a body"));
        return;
    }
    if (is_api_path(request.path)) {
        ApiRequest api{request.path, {request.params.begin(), request.params.end()}, {}};
        api.host = request_host(request.get_header_value("Host"),
                                url_host(config_.host) + ":" + std::to_string(port_));
        response.set_header("Cache-Control", "no-store");
        send_api_response(response, dispatch(std::move(api), pool_));
        return;
    }
    if (auto file = static_files_.load(request.path)) {
        // Revalidate: the frontend changes with deployments and has no versioned file names.
        response.set_header("Cache-Control", "no-cache");
        response.status = 200;
        response.set_content(file->content, file->content_type);
        return;
    }
    send_api_response(response, error_response(ErrorCode::NotFound, "no such file"));
}

int HttpServer::bind() {
    if (config_.port == 0)
        port_ = server_.bind_to_any_port(config_.host);
    else
        port_ = server_.bind_to_port(config_.host, config_.port) ? config_.port : -1;
    return port_;
}

bool HttpServer::run() {
    return server_.listen_after_bind();
}

void HttpServer::stop() {
    server_.stop();
}

}  // namespace broadsheet
