// tcp_shard_server.h — a shard served by the stock xapian-tcpsrv (Debian xapian-tools) on a free
// loopback port, in a process group of its own so a test can take the whole server down (it
// forks a child per connection) or freeze it, and bring it back on the same port.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace broadsheet::testing_support {

class TcpShardServer {
  public:
    // Serves `database` with the program `tcpsrv` on 127.0.0.1, on a port that was free (bind
    // 0, read, close; xapian-tcpsrv refuses port 0), trying other ports if that one is taken;
    // returns once it accepts connections. Throws std::runtime_error when it never does.
    // `idle_timeout_ms` is its --idle-timeout: 0 never closes an idle connection.
    TcpShardServer(std::filesystem::path tcpsrv, std::filesystem::path database,
                   int idle_timeout_ms = 0);
    ~TcpShardServer();
    TcpShardServer(const TcpShardServer&) = delete;
    TcpShardServer& operator=(const TcpShardServer&) = delete;

    int port() const { return port_; }
    // "127.0.0.1:PORT", as a manifest line and the server's errors name it.
    std::string address() const;

    // SIGKILL to the server and every connection it serves; waits for the server to end.
    void kill();
    // SIGSTOP / SIGCONT to the server and its connections: a shard that no longer answers.
    void pause();
    void resume();
    // After kill(): serves the database again on the same port.
    void restart();

  private:
    // Starts the server on `port`; whether it then accepted a connection.
    bool start(int port);

    std::filesystem::path tcpsrv_;
    std::filesystem::path database_;
    int idle_timeout_ms_ = 0;
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace broadsheet::testing_support
