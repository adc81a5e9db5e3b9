// connection_engine.h — where accepted connections wait: one epoll thread reads each until a
// whole request head has arrived, and only then does a worker serve it; between keep-alive
// requests the connection goes back to that thread. Slow and idle clients so cost no worker,
// and ready requests past a bounded queue are answered 503 at once.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace broadsheet {

using EngineClock = std::chrono::steady_clock;

// One client connection between requests: the socket and what was read from it but not yet
// consumed (the next request head, or part of it).
struct Connection {
    int sock = -1;
    std::string pending;
    std::size_t served = 0;                // requests answered on this connection
    EngineClock::time_point head_started;  // first byte of the pending request head
    ~Connection();
};

struct EngineLimits {
    unsigned workers = 1;
    std::size_t max_waiting = 64;  // ready connections waiting for a worker; past it: 503
    std::size_t head_max_bytes = 16 * 1024;
    std::chrono::milliseconds head_timeout{10000};       // first byte to blank line
    std::chrono::milliseconds first_byte_timeout{5000};  // a new connection's silence
    std::chrono::milliseconds keep_alive_timeout{5000};  // silence between requests
    std::chrono::seconds retry_after{1};
};

// Time left until `deadline`, never negative.
std::chrono::milliseconds time_until(EngineClock::time_point deadline);

// Waits for `events` (POLLIN, POLLOUT) on `sock`; false on timeout or error.
bool wait_for_socket(int sock, short events, std::chrono::milliseconds timeout);

// Sends all of `data` on a non-blocking socket, waiting up to `timeout` whenever it is full.
bool send_all(int sock, std::string_view data, std::chrono::milliseconds timeout);

// Whether `bytes` hold a complete request head (up to its blank line).
bool has_complete_head(const std::string& bytes);

// Writes a complete JSON error response with Connection: close on a socket httplib never saw a
// request from; false when the socket would not take it within `timeout`.
bool send_raw_error(int sock, int status, const std::string& code, const std::string& message,
                    const std::string& extra_headers, std::chrono::milliseconds timeout);

// Half-closes, reads what the client still sends for up to `linger`, and closes: a close() with
// unread input makes the kernel send RST, which can destroy our last response in flight.
void close_lingering(int sock, std::chrono::milliseconds linger);

class ConnectionEngine {
  public:
    using Serve = std::function<void(std::unique_ptr<Connection>)>;

    // Starts the reading thread and `limits.workers` workers, which call `serve`.
    ConnectionEngine(const EngineLimits& limits, Serve serve);
    ~ConnectionEngine();
    ConnectionEngine(const ConnectionEngine&) = delete;
    ConnectionEngine& operator=(const ConnectionEngine&) = delete;

    // A newly accepted socket; the engine owns it from now on.
    void accept(int sock);
    // A connection whose last response went out and whose next request head is not complete.
    void wait_for_next_request(std::unique_ptr<Connection> connection);
    // Closes every waiting connection and joins the threads; workers finish what they serve.
    void stop();

  private:
    struct Waiting {
        std::unique_ptr<Connection> connection;
        EngineClock::time_point deadline;
    };

    void read_loop();
    void add(std::unique_ptr<Connection> connection, EngineClock::time_point deadline);
    void on_readable(int sock);
    void expire(EngineClock::time_point now);
    void dispatch(std::unique_ptr<Connection> connection);
    void work();

    const EngineLimits limits_;
    const Serve serve_;
    int epoll_ = -1;
    int wake_ = -1;  // eventfd: new connections to register, or stop

    std::mutex incoming_mutex_;
    std::vector<Waiting> incoming_;             // handed over, not yet registered with epoll
    std::unordered_map<int, Waiting> waiting_;  // by socket; the reading thread's only

    std::mutex ready_mutex_;
    std::condition_variable ready_cv_;
    std::deque<std::unique_ptr<Connection>> ready_;  // complete heads waiting for a worker

    std::atomic<bool> stopping_{false};
    std::thread reader_;
    std::vector<std::thread> workers_;
};

}  // namespace broadsheet
