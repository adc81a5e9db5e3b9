// hardened_server.cpp — the connection loop, bounded worker queue and refusals of
// HardenedServer (see hardened_server.h). cpp-httplib still parses each request and writes each
// response; this file owns the socket around it.
#include "server/hardened_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "server/http_util.h"
#include "server/routes.h"

namespace broadsheet {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kJson = "application/json";
// Connections waiting to be told 503 by the shedding thread; past it they are told at once.
constexpr std::size_t kMaxShedWaiting = 256;
// What a closing connection may still send us before we stop reading it.
constexpr std::size_t kLingerBytes = 64 * 1024;
constexpr milliseconds kLingerTime{500};
// How long an idle keep-alive connection is kept while other connections wait for a worker.
constexpr milliseconds kBusyKeepAlive{100};

// Why the head of the current request could not be read in full.
enum class HeadFailure { None, TooLarge, TimedOut };

// The connection a worker is serving, for the callbacks httplib makes on the same thread.
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

// How a connection handed to a worker is to be answered: served, or told 503 (after reading its
// request head, or at once when even the shedding thread is behind).
enum class ShedMode { None, Linger, Immediate };
thread_local ShedMode tl_shed_mode = ShedMode::None;

milliseconds until(Clock::time_point deadline) {
    return std::max(milliseconds(0),
                    std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
}

// Waits for `events` on `sock`; false on timeout or error.
bool wait_for(socket_t sock, short events, milliseconds timeout) {
    pollfd fd{sock, events, 0};
    for (;;) {
        const int ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
        if (ready < 0 && errno == EINTR) continue;
        return ready > 0;
    }
}

bool send_all(socket_t sock, std::string_view data, milliseconds timeout) {
    while (!data.empty()) {
        if (!wait_for(sock, POLLOUT, timeout)) return false;
        const ssize_t sent = ::send(sock, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (sent <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

// Closes after our last response without losing it: a close() with unread input makes the
// kernel send RST, which can destroy the response before the client reads it. So we half-close
// and read what the client still sends for a short while.
void close_lingering(socket_t sock, milliseconds linger) {
    ::shutdown(sock, SHUT_WR);
    const Clock::time_point deadline = Clock::now() + linger;
    std::size_t drained = 0;
    char sink[4096];
    while (drained < kLingerBytes && wait_for(sock, POLLIN, until(deadline))) {
        const ssize_t got = ::recv(sock, sink, sizeof sink, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        drained += static_cast<std::size_t>(got);
    }
    ::close(sock);
}

bool has_unread_input(socket_t sock) {
    char byte;
    return ::recv(sock, &byte, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
}

std::string_view reason_phrase(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 413:
            return "Payload Too Large";
        case 417:
            return "Expectation Failed";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

// A complete JSON error response for a connection httplib never parsed a request from.
std::string raw_error_response(int status, std::string_view code, std::string_view message,
                               std::string_view extra_headers) {
    const std::string body =
        to_wire({{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}});
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason_phrase(status)) +
           "\r\nContent-Type: " + kJson + "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n" +
           std::string(extra_headers) + "\r\n" + body;
}

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

// httplib::Stream over one accepted socket: buffered reads with a deadline for the whole
// request head and a cap on its size, and a copy of the head's bytes for inspect_head().
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(socket_t sock, const Hardening& hardening, ConnectionState& state)
        : sock_(sock), hardening_(hardening), state_(state) {}

    bool is_readable() const override {
        return begin_ < end_ || wait_for(sock_, POLLIN, hardening_.read_timeout);
    }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, hardening_.write_timeout); }

    ssize_t read(char* ptr, size_t size) override {
        if (begin_ == end_) {
            const ssize_t got = fill();
            if (got <= 0) return got;
        }
        std::size_t n = std::min(size, end_ - begin_);
        if (state_.capturing) {
            for (std::size_t i = 0; i < n; ++i) {
                state_.head.push_back(buffer_[begin_ + i]);
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
        std::copy_n(buffer_ + begin_, n, ptr);
        begin_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        return send_all(sock_, std::string_view(ptr, size), hardening_.write_timeout)
                   ? static_cast<ssize_t>(size)
                   : -1;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            ip = address_text(address, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            ip = address_text(address, port);
    }
    socket_t socket() const override { return sock_; }

    // Waits up to `idle` for the first byte of the next request; false when the client closed
    // or stayed silent.
    bool wait_for_request(milliseconds idle) {
        if (begin_ < end_) return true;
        if (!wait_for(sock_, POLLIN, idle)) return false;
        return fill() > 0;
    }

  private:
    ssize_t fill() {
        milliseconds wait = hardening_.read_timeout;
        if (state_.capturing) {
            wait = std::min(wait, until(state_.head_deadline));
            if (wait.count() == 0) {
                state_.failure = HeadFailure::TimedOut;
                state_.capturing = false;
                return -1;
            }
        }
        if (!wait_for(sock_, POLLIN, wait)) {
            if (state_.capturing && Clock::now() >= state_.head_deadline) {
                state_.failure = HeadFailure::TimedOut;
                state_.capturing = false;
            }
            return -1;
        }
        for (;;) {
            const ssize_t got = ::recv(sock_, buffer_, sizeof buffer_, 0);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return got;
            begin_ = 0;
            end_ = static_cast<std::size_t>(got);
            return got;
        }
    }

    socket_t sock_;
    const Hardening& hardening_;
    ConnectionState& state_;
    char buffer_[4096];
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
};

// httplib's TaskQueue with a bound: `workers` threads serve connections, at most `max_waiting`
// wait for them, and the rest are handed to one shedding thread that answers 503.
class BoundedPool final : public httplib::TaskQueue {
  public:
    BoundedPool(unsigned workers, std::size_t max_waiting, std::atomic<std::size_t>& waiting)
        : max_waiting_(max_waiting), waiting_(waiting) {
        for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
        shedder_ = std::thread([this] { shed(); });
    }
    ~BoundedPool() override { shutdown(); }

    void enqueue(std::function<void()> fn) override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (jobs_.size() < max_waiting_) {
                jobs_.push_back(std::move(fn));
                waiting_ = jobs_.size();
                work_ready_.notify_one();
                return;
            }
            if (shed_jobs_.size() < kMaxShedWaiting) {
                shed_jobs_.push_back(std::move(fn));
                shed_ready_.notify_one();
                return;
            }
        }
        // Even the shedding thread is behind: answer on the accepting thread, without waiting.
        tl_shed_mode = ShedMode::Immediate;
        fn();
        tl_shed_mode = ShedMode::None;
    }

    void shutdown() override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) return;
            stopping_ = true;
        }
        work_ready_.notify_all();
        shed_ready_.notify_all();
        for (auto& thread : threads_) thread.join();
        shedder_.join();
    }

  private:
    std::function<void()> next(std::deque<std::function<void()>>& jobs,
                               std::condition_variable& ready) {
        std::unique_lock<std::mutex> lock(mutex_);
        ready.wait(lock, [&] { return !jobs.empty() || stopping_; });
        if (jobs.empty()) return {};
        std::function<void()> fn = std::move(jobs.front());
        jobs.pop_front();
        if (&jobs == &jobs_) waiting_ = jobs_.size();
        return fn;
    }
    void work() {
        while (std::function<void()> fn = next(jobs_, work_ready_)) fn();
    }
    void shed() {
        tl_shed_mode = ShedMode::Linger;
        while (std::function<void()> fn = next(shed_jobs_, shed_ready_)) fn();
    }

    const std::size_t max_waiting_;
    std::atomic<std::size_t>& waiting_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable shed_ready_;
    std::deque<std::function<void()>> jobs_;
    std::deque<std::function<void()>> shed_jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
    std::thread shedder_;
};

}  // namespace

HardenedServer::HardenedServer(const Hardening& hardening) : hardening_(hardening) {
    hardening_.workers = std::max(hardening_.workers, 1u);
    new_task_queue = [this] {
        return new BoundedPool(hardening_.workers, hardening_.max_waiting, waiting_);
    };
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
    switch (tl_shed_mode) {
        case ShedMode::Linger:
            shed_connection(sock, true);
            break;
        case ShedMode::Immediate:
            shed_connection(sock, false);
            break;
        case ShedMode::None:
            serve_connection(sock);
            break;
    }
    return true;
}

void HardenedServer::shed_connection(socket_t sock, bool linger) {
    ++shed_;
    if (linger) {
        // Read the request head first, so the answer is not lost to a reset.
        const Clock::time_point deadline = Clock::now() + milliseconds(200);
        std::string head;
        char chunk[2048];
        while (head.find("\r\n\r\n") == std::string::npos && head.size() < kLingerBytes &&
               wait_for(sock, POLLIN, until(deadline))) {
            const ssize_t got = ::recv(sock, chunk, sizeof chunk, 0);
            if (got <= 0) break;
            head.append(chunk, static_cast<std::size_t>(got));
        }
    }
    const std::string retry = std::to_string(hardening_.retry_after.count());
    const std::string response =
        raw_error_response(503, "overloaded", "the server is busy; retry after " + retry + " s",
                           "Retry-After: " + retry + "\r\n");
    send_all(sock, response, linger ? milliseconds(200) : milliseconds(0));
    close_lingering(sock, linger ? milliseconds(200) : milliseconds(0));
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

void HardenedServer::serve_connection(socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    ConnectionState state;
    tl_connection = &state;
    ConnectionStream stream(sock, hardening_, state);
    std::size_t served = 0;
    while (is_running()) {
        // An idle keep-alive connection holds a worker: give it up soon when others are waiting.
        // Not at once: a client that is reading our last response sends its next request a
        // moment later, and a connection closed under it fails that request.
        const milliseconds idle = served == 0 ? milliseconds(hardening_.read_timeout)
                                  : waiting_.load() > 0
                                      ? kBusyKeepAlive
                                      : milliseconds(hardening_.keep_alive_timeout);
        if (!stream.wait_for_request(idle)) break;
        state.begin_request(Clock::now() + hardening_.head_timeout);
        bool client_closes = false;
        const bool last = served + 1 >= hardening_.keep_alive_max_count;
        const bool written = process_request(stream, last, client_closes,
                                             [this](httplib::Request& r) { setup_request(r); });
        ++served;
        if (!written && state.failure != HeadFailure::None) {
            // The request line itself broke a limit: httplib wrote nothing.
            const HeadRefusal refusal = failure_refusal(state.failure, hardening_.head);
            send_all(sock, raw_error_response(refusal.status, refusal.code, refusal.message, ""),
                     hardening_.write_timeout);
            state.close = true;
        }
        if (!written || client_closes || last || state.close) break;
    }
    tl_connection = nullptr;
    if (state.close || has_unread_input(sock))
        close_lingering(sock, kLingerTime);
    else
        ::close(sock);
}

}  // namespace broadsheet
