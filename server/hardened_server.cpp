// hardened_server.cpp — HardenedServer (see hardened_server.h): a worker's loop over the requests
// of one connection, and the head checks and refusals around httplib's parser. cpp-httplib
// parses each request and writes each response; ConnectionEngine owns sockets between requests.
#include "server/hardened_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "server/http_util.h"
#include "server/routes.h"

namespace broadsheet {
namespace {

using Clock = EngineClock;
using std::chrono::milliseconds;

constexpr const char* kJson = "application/json";
// How long a closing connection is read after our last response (see close_lingering).
constexpr milliseconds kLingerTime{500};

// Why the head of the current request could not be read in full.
enum class HeadFailure { None, TooLarge, TimedOut };

// The request a worker is serving, for the callbacks httplib makes on the same thread.
struct ConnectionState {
    std::string head;  // raw bytes of the current request's head, as httplib consumed them
    bool capturing = false;
    Clock::time_point head_deadline;
    HeadFailure failure = HeadFailure::None;
    std::optional<HeadRefusal> refusal;
    bool admitted = false;  // the request reached the admitted handler or the router
    bool close = false;     // close the connection after this response

    void begin_request(Clock::time_point deadline) {
        head.clear();
        capturing = true;
        head_deadline = deadline;
        failure = HeadFailure::None;
        refusal.reset();
        admitted = false;
    }
};

thread_local ConnectionState* tl_connection = nullptr;

HeadRefusal failure_refusal(HeadFailure failure, const HeadLimits& limits) {
    if (failure == HeadFailure::TooLarge) return head_too_large(limits);
    return {408, "timeout", "the request head took too long to arrive"};
}

void set_json_error(httplib::Response& response, const HeadRefusal& refusal) {
    response.status = refusal.status;
    response.set_content(
        to_wire({{"error", {{"code", refusal.code}, {"message", refusal.message}}}}), kJson);
}

std::string address_text(const sockaddr_storage& address, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    return text;
}

// httplib::Stream over one connection: reads from what the engine already received, then from
// the socket with a deadline for the whole request head and a cap on its size, and keeps a
// copy of the head's bytes for inspect_head().
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(Connection& connection, const Hardening& hardening, ConnectionState& state)
        : connection_(connection), hardening_(hardening), state_(state) {}

    bool is_readable() const override {
        return offset_ < connection_.pending.size() ||
               wait_for_socket(connection_.sock, POLLIN, hardening_.read_timeout);
    }
    bool is_writable() const override {
        return wait_for_socket(connection_.sock, POLLOUT, hardening_.write_timeout);
    }

    ssize_t read(char* ptr, size_t size) override {
        if (offset_ == connection_.pending.size()) {
            const ssize_t got = fill();
            if (got <= 0) return got;
        }
        std::size_t n = std::min(size, connection_.pending.size() - offset_);
        if (state_.capturing) {
            for (std::size_t i = 0; i < n; ++i) {
                state_.head.push_back(connection_.pending[offset_ + i]);
                if (state_.head.size() > hardening_.head.max_bytes) {
                    state_.failure = HeadFailure::TooLarge;
                    state_.capturing = false;
                    return -1;
                }
                if (state_.head.size() >= 4 &&
                    state_.head.compare(state_.head.size() - 4, 4, "\r\n\r\n") == 0) {
                    state_.capturing = false;
                    n = i + 1;
                    break;
                }
            }
        }
        std::copy_n(connection_.pending.data() + offset_, n, ptr);
        offset_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        return send_all(connection_.sock, std::string_view(ptr, size), hardening_.write_timeout)
                   ? static_cast<ssize_t>(size)
                   : -1;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getpeername(connection_.sock, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            ip = address_text(address, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getsockname(connection_.sock, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            ip = address_text(address, port);
    }
    socket_t socket() const override { return connection_.sock; }

    // Drops the bytes already consumed; what stays is the start of the next request.
    void compact() {
        connection_.pending.erase(0, offset_);
        offset_ = 0;
    }

  private:
    ssize_t fill() {
        compact();
        milliseconds wait = hardening_.read_timeout;
        if (state_.capturing) {
            wait = std::min(wait, time_until(state_.head_deadline));
            if (wait.count() == 0) {
                state_.failure = HeadFailure::TimedOut;
                state_.capturing = false;
                return -1;
            }
        }
        char chunk[4096];
        for (;;) {
            if (!wait_for_socket(connection_.sock, POLLIN, wait)) {
                if (state_.capturing && Clock::now() >= state_.head_deadline) {
                    state_.failure = HeadFailure::TimedOut;
                    state_.capturing = false;
                }
                return -1;
            }
            const ssize_t got = ::recv(connection_.sock, chunk, sizeof chunk, 0);
            if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (got <= 0) return got;
            connection_.pending.append(chunk, static_cast<std::size_t>(got));
            return got;
        }
    }

    Connection& connection_;
    const Hardening& hardening_;
    ConnectionState& state_;
    std::size_t offset_ = 0;  // bytes of connection_.pending consumed by httplib
};

}  // namespace

// httplib's TaskQueue, made the door to the engine: the accepting thread hands each socket over
// at once (HardenedServer::process_and_close_socket), and shutting the queue down stops the
// engine when httplib stops listening.
class HardenedServer::EngineQueue final : public httplib::TaskQueue {
  public:
    explicit EngineQueue(HardenedServer& server) : server_(server) {
        EngineLimits limits;
        limits.workers = server_.hardening_.workers;
        limits.max_waiting = server_.hardening_.max_waiting;
        limits.head_max_bytes = server_.hardening_.head.max_bytes;
        limits.head_timeout = server_.hardening_.head_timeout;
        limits.first_byte_timeout = server_.hardening_.read_timeout;
        limits.keep_alive_timeout = server_.hardening_.keep_alive_timeout;
        limits.retry_after = server_.hardening_.retry_after;
        server_.engine_ = std::make_unique<ConnectionEngine>(
            limits, [this](std::unique_ptr<Connection> c) { server_.serve(std::move(c)); });
    }
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override { server_.engine_->stop(); }

  private:
    HardenedServer& server_;
};

HardenedServer::HardenedServer(const Hardening& hardening) : hardening_(hardening) {
    hardening_.workers = std::max(hardening_.workers, 1u);
    new_task_queue = [this] { return new EngineQueue(*this); };
    // No endpoint takes a body; inspect_head() refuses one before httplib would read it.
    set_payload_max_length(0);
    // Nagle plus delayed ACK held each response ~40 ms on loopback.
    set_tcp_nodelay(true);
    // Announced in the Keep-Alive header httplib writes; the loop below enforces them.
    set_keep_alive_max_count(hardening_.keep_alive_max_count);
    set_keep_alive_timeout(hardening_.keep_alive_timeout.count());
    set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        // The page loads its scripts and styles from files only; nothing may frame it.
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
         "frame-ancestors 'none'"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
    });

    set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        ConnectionState* state = tl_connection;
        if (state != nullptr && state->refusal) {
            set_json_error(response, *state->refusal);
            response.set_header("Connection", "close");
            if (state->refusal->status == 405) response.set_header("Allow", "GET, HEAD");
            return HandlerResponse::Handled;
        }
        if (state != nullptr) state->admitted = true;
        return admitted_ ? admitted_(request, response) : HandlerResponse::Unhandled;
    });

    set_exception_handler(
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
            response.status = 500;
            response.set_content(to_wire(error_response(ErrorCode::Internal, "").body), kJson);
        });

    set_error_handler(
        HandlerWithResponse([this](const httplib::Request&, httplib::Response& response) {
            ConnectionState* state = tl_connection;
            if (state != nullptr && !state->admitted) {
                // httplib refused the request itself (malformed line, URI, Range) or its head broke
                // a limit while arriving: answer, then close rather than read what follows.
                state->close = true;
                response.set_header("Connection", "close");
                if (state->failure != HeadFailure::None) {
                    set_json_error(response, failure_refusal(state->failure, hardening_.head));
                    return HandlerResponse::Handled;
                }
            }
            // Our own error responses already carry a JSON body; fill in httplib's bare ones.
            if (!response.body.empty()) return HandlerResponse::Unhandled;
            response.set_content(to_wire(error_body_for_status(response.status)), kJson);
            return HandlerResponse::Handled;
        }));
}

void HardenedServer::set_admitted_handler(HandlerWithResponse handler) {
    admitted_ = std::move(handler);
}

int HardenedServer::bind(const std::string& host, int port) {
    // SO_REUSEADDR alone: restarts find the port free at once, yet a port that another process
    // listens on stays refused (httplib's default SO_REUSEPORT would share its traffic).
    set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    int bound = -1;
    if (port == 0)
        bound = bind_to_any_port(host);
    else
        bound = bind_to_port(host, port) ? port : -1;
    if (bound > 0) ::listen(svr_sock_, hardening_.listen_backlog);
    return bound;
}

bool HardenedServer::process_and_close_socket(socket_t sock) {
    engine_->accept(sock);
    return true;
}

void HardenedServer::setup_request(httplib::Request& request) {
    ConnectionState& state = *tl_connection;
    state.refusal = inspect_head(state.head, hardening_.head);
    if (state.refusal) {
        state.close = true;
        // httplib writes "Connection: close" on the response when the request asked for it.
        request.headers.erase("Connection");
        request.set_header("Connection", "close");
    }
    // httplib would invite the body with "100 Continue" before routing.
    request.headers.erase("Expect");
    // One range of a static file at most: many ranges multiply the response (amplification),
    // and API responses are computed per request, so a range of one is never worth it.
    if (request.ranges.size() > 1 || is_api_path(request.path)) request.ranges.clear();
}

void HardenedServer::serve(std::unique_ptr<Connection> connection) {
    ConnectionState state;
    tl_connection = &state;
    ConnectionStream stream(*connection, hardening_, state);
    for (;;) {
        state.begin_request(connection->head_started + hardening_.head_timeout);
        bool client_closes = false;
        const bool last = connection->served + 1 >= hardening_.keep_alive_max_count;
        const bool written = process_request(stream, last, client_closes,
                                             [this](httplib::Request& r) { setup_request(r); });
        ++connection->served;
        if (!written && state.failure != HeadFailure::None) {
            // The request line itself broke a limit: httplib wrote nothing.
            const HeadRefusal refusal = failure_refusal(state.failure, hardening_.head);
            send_raw_error(connection->sock, refusal.status, refusal.code, refusal.message, "",
                           hardening_.write_timeout);
            state.close = true;
        }
        stream.compact();
        if (!written || client_closes || last || state.close || !is_running()) break;
        if (!has_complete_head(connection->pending)) {
            tl_connection = nullptr;
            if (!connection->pending.empty()) connection->head_started = Clock::now();
            engine_->wait_for_next_request(std::move(connection));
            return;
        }
        connection->head_started = Clock::now();
    }
    tl_connection = nullptr;
    const int sock = connection->sock;
    connection->sock = -1;
    char byte;
    const bool unread =
        ::recv(sock, &byte, 1, MSG_PEEK | MSG_DONTWAIT) > 0 || !connection->pending.empty();
    if (state.close || unread)
        close_lingering(sock, kLingerTime);
    else
        ::close(sock);
}

}  // namespace broadsheet
