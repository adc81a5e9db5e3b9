// hardened_server.h — a cpp-httplib server that survives hostile and careless clients: requests
// reach a worker only once their head has arrived (ConnectionEngine), heads are checked before
// httplib acts on them, every refusal closes its connection, a bounded queue sheds load with
// 503, the port is exclusive, and every error has a JSON body.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "server/connection_engine.h"
#include "server/request_head.h"

namespace broadsheet {

// Limits and timeouts of one server. cpp-httplib 0.11.4 has none of the connection-level ones.
struct Hardening {
    unsigned workers = 1;          // connections served at once
    std::size_t max_waiting = 64;  // accepted connections waiting for a worker; past it: 503
    HeadLimits head;               // size and field count of a request head
    std::chrono::seconds head_timeout{10};       // first byte to blank line of one request head
    std::chrono::seconds read_timeout{5};        // a new connection's silence; a stalled read
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

  private:
    class EngineQueue;

    // Hands an accepted socket to the engine (httplib calls it on its accepting thread).
    bool process_and_close_socket(socket_t sock) override;
    // A worker's turn with a connection whose request head has arrived: serves it and every
    // complete request behind it, then gives the connection back to the engine or closes it.
    void serve(std::unique_ptr<Connection> connection);
    void setup_request(httplib::Request& request);

    Hardening hardening_;
    HandlerWithResponse admitted_;
    std::unique_ptr<ConnectionEngine> engine_;  // while listening
};

}  // namespace broadsheet
