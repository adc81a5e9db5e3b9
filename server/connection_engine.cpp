// connection_engine.cpp — the epoll reading thread, the bounded ready queue and the workers of
// ConnectionEngine (see connection_engine.h).
#include "server/connection_engine.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>
#include <string_view>

namespace broadsheet {
namespace {

using std::chrono::milliseconds;

// What a closing connection may still send us before we stop reading it.
constexpr std::size_t kLingerBytes = 64 * 1024;
// The longest the reading thread sleeps, so that stop() is noticed.
constexpr milliseconds kMaxSleep{1000};

std::string_view reason_phrase(int status) {
    switch (status) {
        case 408:
            return "Request Timeout";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return "Bad Request";
    }
}

// Whether the client of `sock` has closed its side (or reset the connection): nothing more will
// arrive. A queued connection's request head has been read already, so the socket is then at
// end of stream; pipelined bytes still to read mean the client is there.
bool peer_has_closed(int sock) {
    char byte;
    const ssize_t got = ::recv(sock, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

// 503 overloaded with Retry-After, then the connection is closed.
void refuse_overloaded(std::unique_ptr<Connection> connection, std::chrono::seconds retry_after) {
    const std::string retry = std::to_string(retry_after.count());
    send_raw_error(connection->sock, 503, "overloaded",
                   "the server is busy; retry after " + retry + " s",
                   "Retry-After: " + retry + "\r\n", milliseconds(0));
    const int sock = connection->sock;
    connection->sock = -1;
    close_lingering(sock, milliseconds(0));
}

}  // namespace

milliseconds time_until(EngineClock::time_point deadline) {
    return std::max(milliseconds(0),
                    std::chrono::duration_cast<milliseconds>(deadline - EngineClock::now()));
}

bool wait_for_socket(int sock, short events, milliseconds timeout) {
    pollfd fd{sock, events, 0};
    for (;;) {
        const int ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
        if (ready < 0 && errno == EINTR) continue;
        return ready > 0;
    }
}

bool send_all(int sock, std::string_view data, milliseconds timeout) {
    while (!data.empty()) {
        if (!wait_for_socket(sock, POLLOUT, timeout)) return false;
        const ssize_t sent = ::send(sock, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (sent <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

Connection::~Connection() {
    if (sock >= 0) ::close(sock);
}

bool has_complete_head(const std::string& bytes) {
    return bytes.find("\r\n\r\n") != std::string::npos;
}

bool send_raw_error(int sock, int status, const std::string& code, const std::string& message,
                    const std::string& extra_headers, milliseconds timeout) {
    const std::string body =
        nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
    const std::string response =
        "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason_phrase(status)) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n" + extra_headers + "\r\n" +
        body;
    return send_all(sock, response, timeout);
}

void close_lingering(int sock, milliseconds linger) {
    ::shutdown(sock, SHUT_WR);
    const EngineClock::time_point deadline = EngineClock::now() + linger;
    std::size_t drained = 0;
    char sink[4096];
    while (drained < kLingerBytes && wait_for_socket(sock, POLLIN, time_until(deadline))) {
        const ssize_t got = ::recv(sock, sink, sizeof sink, 0);
        if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (got <= 0) break;
        drained += static_cast<std::size_t>(got);
    }
    ::close(sock);
}

ConnectionEngine::ConnectionEngine(const EngineLimits& limits, Serve serve)
    : limits_(limits), serve_(std::move(serve)) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
    reader_ = std::thread([this] { read_loop(); });
    for (unsigned i = 0; i < std::max(limits_.workers, 1u); ++i)
        workers_.emplace_back([this] { work(); });
}

ConnectionEngine::~ConnectionEngine() {
    stop();
    ::close(epoll_);
    ::close(wake_);
}

void ConnectionEngine::accept(int sock) {
    int yes = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
    auto connection = std::make_unique<Connection>();
    connection->sock = sock;
    add(std::move(connection), EngineClock::now() + limits_.first_byte_timeout);
}

void ConnectionEngine::wait_for_next_request(std::unique_ptr<Connection> connection) {
    const auto deadline = connection->pending.empty()
                              ? EngineClock::now() + limits_.keep_alive_timeout
                              : connection->head_started + limits_.head_timeout;
    add(std::move(connection), deadline);
}

void ConnectionEngine::add(std::unique_ptr<Connection> connection,
                           EngineClock::time_point deadline) {
    if (stopping_) return;  // the connection closes as it goes out of scope
    {
        std::lock_guard<std::mutex> lock(incoming_mutex_);
        incoming_.push_back({std::move(connection), deadline});
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_, &one, sizeof one);
}

void ConnectionEngine::stop() {
    if (stopping_.exchange(true)) return;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_, &one, sizeof one);
    ready_cv_.notify_all();
    if (reader_.joinable()) reader_.join();
    for (auto& worker : workers_) worker.join();
    workers_.clear();
    std::lock_guard<std::mutex> lock(ready_mutex_);
    ready_.clear();
}

void ConnectionEngine::read_loop() {
    std::vector<epoll_event> events(64);
    while (!stopping_) {
        milliseconds sleep = kMaxSleep;
        for (const auto& [sock, waiting] : waiting_)
            sleep = std::min(sleep, time_until(waiting.deadline));
        const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                                   static_cast<int>(sleep.count()));
        for (int i = 0; i < n; ++i) {
            if (events[static_cast<std::size_t>(i)].data.fd == wake_) {
                std::uint64_t count = 0;
                [[maybe_unused]] const ssize_t got = ::read(wake_, &count, sizeof count);
                std::vector<Waiting> arrived;
                {
                    std::lock_guard<std::mutex> lock(incoming_mutex_);
                    arrived.swap(incoming_);
                }
                for (Waiting& w : arrived) {
                    const int sock = w.connection->sock;
                    // A pipelined next request may be complete already.
                    if (has_complete_head(w.connection->pending)) {
                        dispatch(std::move(w.connection));
                        continue;
                    }
                    epoll_event event{};
                    event.events = EPOLLIN | EPOLLRDHUP;
                    event.data.fd = sock;
                    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, sock, &event);
                    waiting_.emplace(sock, std::move(w));
                }
            } else {
                on_readable(events[static_cast<std::size_t>(i)].data.fd);
            }
        }
        expire(EngineClock::now());
    }
    for (auto& [sock, waiting] : waiting_) ::epoll_ctl(epoll_, EPOLL_CTL_DEL, sock, nullptr);
    waiting_.clear();
    std::lock_guard<std::mutex> lock(incoming_mutex_);
    incoming_.clear();
}

void ConnectionEngine::on_readable(int sock) {
    const auto found = waiting_.find(sock);
    if (found == waiting_.end()) return;
    Connection& connection = *found->second.connection;
    bool closed = false;
    char chunk[4096];
    while (connection.pending.size() <= limits_.head_max_bytes) {
        const ssize_t got = ::recv(sock, chunk, sizeof chunk, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0 && errno == EAGAIN) break;
        if (got <= 0) {
            closed = true;
            break;
        }
        if (connection.pending.empty()) {
            connection.head_started = EngineClock::now();
            found->second.deadline = connection.head_started + limits_.head_timeout;
        }
        connection.pending.append(chunk, static_cast<std::size_t>(got));
    }
    const bool ready =
        has_complete_head(connection.pending) || connection.pending.size() > limits_.head_max_bytes;
    if (!closed && !ready) return;
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, sock, nullptr);
    std::unique_ptr<Connection> owned = std::move(found->second.connection);
    waiting_.erase(found);
    // A client that sent a whole request and then half-closed still gets its answer.
    if (ready) dispatch(std::move(owned));
}

void ConnectionEngine::expire(EngineClock::time_point now) {
    for (auto it = waiting_.begin(); it != waiting_.end();) {
        if (it->second.deadline > now) {
            ++it;
            continue;
        }
        const int sock = it->first;
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, sock, nullptr);
        std::unique_ptr<Connection> connection = std::move(it->second.connection);
        it = waiting_.erase(it);
        if (connection->pending.empty()) continue;  // idle: close quietly
        send_raw_error(sock, 408, "timeout", "the request head took too long to arrive", "",
                       milliseconds(0));
        connection->sock = -1;
        close_lingering(sock, milliseconds(0));
    }
}

void ConnectionEngine::dispatch(std::unique_ptr<Connection> connection) {
    std::unique_ptr<Connection> turned_away;
    {
        std::lock_guard<std::mutex> lock(ready_mutex_);
        // A full queue first gives up a connection whose client has closed its side (a load
        // generator that stopped, a browser that navigated away): its answer would go nowhere,
        // and a new client would be refused in its place. It is told 503 like any other, in
        // case it only half-closed and still reads.
        if (ready_.size() >= limits_.max_waiting) {
            const auto gone = std::find_if(ready_.begin(), ready_.end(), [](const auto& queued) {
                return peer_has_closed(queued->sock);
            });
            if (gone != ready_.end()) {
                turned_away = std::move(*gone);
                ready_.erase(gone);
            }
        }
        if (ready_.size() < limits_.max_waiting) {
            ready_.push_back(std::move(connection));
            ready_cv_.notify_one();
        } else {
            turned_away = std::move(connection);
        }
    }
    if (turned_away) refuse_overloaded(std::move(turned_away), limits_.retry_after);
}

void ConnectionEngine::work() {
    for (;;) {
        std::unique_ptr<Connection> connection;
        {
            std::unique_lock<std::mutex> lock(ready_mutex_);
            ready_cv_.wait(lock, [&] { return !ready_.empty() || stopping_; });
            if (stopping_) return;
            connection = std::move(ready_.front());
            ready_.pop_front();
        }
        serve_(std::move(connection));
    }
}

}  // namespace broadsheet
