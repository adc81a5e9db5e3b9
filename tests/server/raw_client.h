// raw_client.h — a bare loopback TCP client for tests that send bytes no HTTP library would
// (smuggling framings, floods, idle and half-sent requests) and read whatever comes back.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::testing_support {

// An open connection to 127.0.0.1:port; closed when destroyed.
class RawConnection {
  public:
    // `receive_buffer` > 0 shrinks the socket's receive buffer (a client that reads slowly).
    explicit RawConnection(int port, int receive_buffer = 0)
        : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        if (receive_buffer > 0)
            ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~RawConnection() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return fd_ >= 0; }

    // Sends all of `bytes`; false once the server has closed or reset the connection.
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
        return true;
    }

    // Reads until the server closes the connection or `quiet` passes without a byte.
    std::string receive(std::chrono::milliseconds quiet) {
        std::string received;
        char chunk[8192];
        for (;;) {
            pollfd fd{fd_, POLLIN, 0};
            if (::poll(&fd, 1, static_cast<int>(quiet.count())) <= 0) return received;
            const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
            if (got <= 0) {
                closed_ = true;
                return received;
            }
            received.append(chunk, static_cast<std::size_t>(got));
        }
    }

    // Whether receive() ended because the server closed (or reset) the connection.
    bool closed_by_server() const { return closed_; }

  private:
    int fd_;
    bool closed_ = false;
};

// The status codes of every HTTP/1.1 response in `received`, in order (bodies here never
// contain the text "HTTP/1.1 ").
inline std::vector<int> status_codes(std::string_view received) {
    std::vector<int> codes;
    for (std::size_t at = received.find("HTTP/1.1 "); at != std::string_view::npos;
         at = received.find("HTTP/1.1 ", at + 1)) {
        codes.push_back(std::stoi(std::string(received.substr(at + 9, 3))));
    }
    return codes;
}

}  // namespace broadsheet::testing_support
