// tcp_shard_server.cpp — starting, killing, freezing and restarting xapian-tcpsrv for tests.
#include "tests/support/tcp_shard_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace broadsheet::testing_support {
namespace {

constexpr auto kStartTimeout = std::chrono::seconds(10);
constexpr int kPortAttempts = 5;

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// A port the kernel had free a moment ago.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    close(fd);
    if (!ok) throw std::runtime_error("no free port");
    return ntohs(address.sin_port);
}

bool accepts(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in address = loopback(port);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

}  // namespace

TcpShardServer::TcpShardServer(std::filesystem::path tcpsrv, std::filesystem::path database,
                               int idle_timeout_ms)
    : tcpsrv_(std::move(tcpsrv)),
      database_(std::move(database)),
      idle_timeout_ms_(idle_timeout_ms) {
    for (int attempt = 0; attempt < kPortAttempts; ++attempt)
        if (start(free_port())) return;
    throw std::runtime_error("xapian-tcpsrv did not start for " + database_.string());
}

TcpShardServer::~TcpShardServer() {
    resume();
    kill();
}

std::string TcpShardServer::address() const {
    return "127.0.0.1:" + std::to_string(port_);
}

bool TcpShardServer::start(int port) {
    const std::string port_text = std::to_string(port);
    std::vector<std::string> argv = {
        tcpsrv_.string(),  "--quiet", "--interface",    "127.0.0.1",
        "--port",          port_text, "--idle-timeout", std::to_string(idle_timeout_ms_),
        database_.string()};
    std::vector<char*> args;
    for (auto& arg : argv) args.push_back(arg.data());
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        setpgid(0, 0);
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0) dup2(null, STDOUT_FILENO);
        execv(args[0], args.data());
        _exit(127);
    }
    setpgid(pid, pid);  // also here, so kill() can never race the child's own call
    pid_ = pid;
    port_ = port;
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (accepts(port)) return true;
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {  // the port was taken, or it cannot run
            pid_ = -1;
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill();
    return false;
}

void TcpShardServer::kill() {
    if (pid_ < 0) return;
    ::kill(-pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

void TcpShardServer::pause() {
    if (pid_ >= 0) ::kill(-pid_, SIGSTOP);
}

void TcpShardServer::resume() {
    if (pid_ >= 0) ::kill(-pid_, SIGCONT);
}

void TcpShardServer::restart() {
    kill();
    // The old connections' sockets may hold the port a moment longer.
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (start(port_)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("xapian-tcpsrv did not restart on port " + std::to_string(port_));
}

}  // namespace broadsheet::testing_support
