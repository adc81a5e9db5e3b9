// connection_engine_test.cpp — ConnectionEngine's ready queue over socket pairs, with a worker
// that holds its connection until the test lets it go: what a full queue does with a new client.
#include "server/connection_engine.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace broadsheet {
namespace {

using std::chrono::milliseconds;

// Long enough for the engine's threads to move a connection on loopback.
constexpr milliseconds kSettle{200};

// The client's end of a connection the engine accepted.
class Client {
  public:
    explicit Client(ConnectionEngine& engine) {
        int ends[2];
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, ends), 0);
        fd_ = ends[0];
        engine.accept(ends[1]);
    }
    ~Client() { hang_up(); }
    void send(const std::string& target) {
        const std::string head = "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n";
        EXPECT_EQ(::write(fd_, head.data(), head.size()), static_cast<ssize_t>(head.size()));
    }
    void hang_up() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    // What the engine wrote back within `wait`; empty when nothing came.
    std::string answer(milliseconds wait) {
        pollfd fd{fd_, POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(wait.count())) <= 0) return {};
        char buffer[4096];
        const ssize_t got = ::read(fd_, buffer, sizeof buffer);
        return got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : std::string();
    }

  private:
    int fd_ = -1;
};

// One worker that records each request head it is given and keeps the first until released.
struct HeldWorker {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> heads;
    bool released = false;

    void serve(std::unique_ptr<Connection> connection) {
        std::unique_lock lock(mutex);
        heads.push_back(connection->pending);
        changed.notify_all();
        changed.wait(lock, [&] { return released; });
    }
    bool served(const std::string& target) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(5), [&] {
            for (const auto& head : heads)
                if (head.find(target) != std::string::npos) return true;
            return false;
        });
    }
    void release() {
        std::lock_guard lock(mutex);
        released = true;
        changed.notify_all();
    }
};

TEST(ConnectionEngine, AFullQueueGivesUpAHungUpClientBeforeRefusingANewOne) {
    HeldWorker worker;
    EngineLimits limits;
    limits.workers = 1;
    limits.max_waiting = 2;
    ConnectionEngine engine(limits,
                            [&](std::unique_ptr<Connection> c) { worker.serve(std::move(c)); });

    Client busy(engine);
    busy.send("/busy");
    ASSERT_TRUE(worker.served("/busy"));
    // Two requests fill the queue; then one client goes away, as wrk's do when a run ends.
    Client gone(engine), waiting(engine);
    gone.send("/gone");
    waiting.send("/waiting");
    std::this_thread::sleep_for(kSettle);
    gone.hang_up();
    std::this_thread::sleep_for(kSettle);

    // A new client takes the place of one that hung up instead of being told 503.
    Client fresh(engine);
    fresh.send("/fresh");
    EXPECT_EQ(fresh.answer(kSettle), "");
    // With the queue full of live clients, the next one is refused at once.
    Client refused(engine);
    refused.send("/refused");
    EXPECT_NE(refused.answer(milliseconds(2000)).find("503"), std::string::npos);

    worker.release();
    EXPECT_TRUE(worker.served("/waiting"));
    EXPECT_TRUE(worker.served("/fresh"));
    engine.stop();
}

}  // namespace
}  // namespace broadsheet
