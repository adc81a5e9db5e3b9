// hardened_server.h — a cpp-httplib server that survives hostile and careless clients: its own
// connection loop (request-head checks, deadlines, closing after every refusal, lingering close),
// a bounded worker queue that sheds load with 503, an exclusive port, and JSON error bodies.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

#include "server/request_head.h"

namespace broadsheet {

// Limits and timeouts of one server. cpp-httplib 0.11.4 has none of the connection-level ones.
struct Hardening {
    unsigned workers = 1;          // connections served at once
    std::size_t max_waiting = 64;  // accepted connections waiting for a worker; past it: 503
    HeadLimits head;               // size and field count of a request head
    std::chrono::seconds head_timeout{10};       // first byte to blank line of one request head
    std::chrono::seconds read_timeout{5};        // silence allowed while a head arrives
    std::chrono::seconds write_timeout{5};       // a client not reading its response
    std::chrono::seconds keep_alive_timeout{5};  // idle between requests (0 while others wait)
    std::size_t keep_alive_max_count = 100;      // requests per connection
    int listen_backlog = 512;                    // 0.11.4 listens with a backlog of 5
    std::chrono::seconds retry_after{1};         // told to clients refused under load
};

// One server; routes are added as on httplib::Server (Get, or set_admitted_handler for one
// handler that sees every admitted request). Requests refused by inspect_head(), and requests
// httplib's own parser rejects, get one JSON error response and the connection is closed before
// anything after them is read. Range is honoured only for a single range on non-API paths.
class HardenedServer : public httplib::Server {
  public:
    explicit HardenedServer(const Hardening& hardening);

    // Called for every request that passed the head checks, before httplib's router; return
    // Unhandled to fall through to routes added with Get().
    void set_admitted_handler(HandlerWithResponse handler);

    // Binds like httplib's bind_to_port / bind_to_any_port (port 0), without SO_REUSEPORT, so a
    // port another process listens on is refused. Returns the bound port, or -1.
    int bind(const std::string& host, int port);

    // Connections answered 503 because every worker was busy and the queue full.
    std::size_t shed_count() const { return shed_.load(); }

  private:
    bool process_and_close_socket(socket_t sock) override;
    void serve_connection(socket_t sock);
    void shed_connection(socket_t sock, bool linger);
    void setup_request(httplib::Request& request);

    Hardening hardening_;
    HandlerWithResponse admitted_;
    std::atomic<std::size_t> waiting_{0};  // connections queued for a worker right now
    std::atomic<std::size_t> shed_{0};
};

}  // namespace broadsheet
