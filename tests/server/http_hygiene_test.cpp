// http_hygiene_test.cpp — the real broadsheet-server on loopback, spoken to through raw sockets:
// every framing that could hide a second request is refused and its connection closed, Range
// and header floods are bounded, a taken port is refused, silent clients hold no worker, and a
// full queue answers 503.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/server/raw_client.h"
#include "tests/support/process.h"
#include "tests/support/running_server.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using testing_support::ChildProcess;
using testing_support::RawConnection;
using testing_support::RunningServer;
using testing_support::seed_index;
using testing_support::status_codes;

const std::filesystem::path kSource = BROADSHEET_SOURCE_DIR;
constexpr milliseconds kQuiet{2000};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string hex(std::size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%zx", n);
    return text;
}

// The body of the last response in `received`.
std::string last_body(const std::string& received) {
    const std::size_t at = received.rfind("\r\n\r\n");
    return at == std::string::npos ? std::string() : received.substr(at + 4);
}

class HttpHygiene : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { server_ = new RunningServer(seed_index(), kSource / "web"); }
    static void TearDownTestSuite() { delete server_; }
    static int port() { return server_->port(); }
    static RunningServer* server_;
};
RunningServer* HttpHygiene::server_ = nullptr;

TEST_F(HttpHygiene, EverySmugglingVariantIsRefusedAndItsConnectionClosed) {
    std::ifstream file(kSource / "tests" / "hostile" / "smuggling.json");
    const json catalogue = json::parse(file);
    const std::string canary = catalogue["canary"];
    ASSERT_EQ(catalogue["variants"].size(), 21u);
    for (const auto& variant : catalogue["variants"]) {
        SCOPED_TRACE(variant["name"].get<std::string>() + ": " + variant["why"].get<std::string>());
        std::string raw = variant["raw"];
        raw = replace_all(raw, "{LEN}", std::to_string(canary.size()));
        raw = replace_all(raw, "{HEX}", hex(canary.size()));
        raw = replace_all(raw, "{CANARY}", canary);
        RawConnection connection(port());
        ASSERT_TRUE(connection.connected());
        connection.send(raw);
        const std::string received = connection.receive(kQuiet);
        const std::vector<int> codes = status_codes(received);
        ASSERT_EQ(codes.size(), 1u) << received;
        EXPECT_GE(codes[0], 400) << received;
        EXPECT_LT(codes[0], 500) << received;
        EXPECT_TRUE(connection.closed_by_server()) << "the connection stayed open";
        EXPECT_NE(received.find("Connection: close"), std::string::npos) << received;
        if (raw.rfind("HEAD ", 0) != 0) {
            const json body = json::parse(last_body(received), nullptr, false);
            EXPECT_TRUE(body.is_object() && body["error"].contains("code")) << received;
        }
    }
}

TEST_F(HttpHygiene, TheHostileCatalogueGetsItsStatusesAsJson) {
    std::ifstream file(kSource / "tests" / "hostile" / "requests.json");
    const json catalogue = json::parse(file);
    int passed = 0;
    for (const auto& row : catalogue["requests"]) {
        SCOPED_TRACE(row["why"].get<std::string>());
        RawConnection connection(port());
        ASSERT_TRUE(connection.connected());
        connection.send(row["request"].get<std::string>());
        const std::string received = connection.receive(kQuiet);
        const std::vector<int> codes = status_codes(received);
        ASSERT_EQ(codes.size(), 1u) << received.substr(0, 300);
        EXPECT_EQ(codes[0], row["status"].get<int>()) << received.substr(0, 300);
        const json body = json::parse(last_body(received), nullptr, false);
        const bool shaped = codes[0] < 400 || (body.is_object() && body["error"].is_object() &&
                                               body["error"]["code"].is_string() &&
                                               body["error"]["message"].is_string());
        EXPECT_TRUE(shaped) << received.substr(0, 300);
        if (codes[0] == row["status"].get<int>() && shaped) ++passed;
    }
    std::printf("hostile catalogue: %d of %zu requests answered as expected\n", passed,
                catalogue["requests"].size());
    EXPECT_EQ(server_->get_json("/api/health")["status"], "ok");
}

TEST_F(HttpHygiene, PipelinedPlainRequestsAreAllAnswered) {
    // The refusals above must not cost ordinary keep-alive clients anything.
    RawConnection connection(port());
    connection.send(
        "GET /api/health HTTP/1.1\r\nHost: a\r\n\r\n"
        "GET /api/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    const std::string received = connection.receive(kQuiet);
    EXPECT_EQ(status_codes(received), (std::vector<int>{200, 200})) << received;
    EXPECT_TRUE(connection.closed_by_server());
}

TEST_F(HttpHygiene, RangeIsIgnoredOnTheApiAndLimitedToOneOnStaticFiles) {
    std::string many = "bytes=0-";
    for (int i = 0; i < 1000; ++i) many += ",0-";
    struct Case {
        const char* why;
        std::string path;
        std::string range;
        int status;
    };
    const std::vector<Case> cases = {
        {"an API response is computed per request: Range is ignored", "/api/health", "bytes=0-3",
         200},
        {"a thousand ranges would multiply the page a thousand times", "/", many, 200},
        {"one range of a static file is an ordinary resumed download", "/", "bytes=0-9", 206},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.why);
        RawConnection connection(port());
        connection.send("GET " + c.path + " HTTP/1.1\r\nHost: a\r\nRange: " + c.range +
                        "\r\nConnection: close\r\n\r\n");
        const std::string received = connection.receive(kQuiet);
        EXPECT_EQ(status_codes(received), std::vector<int>{c.status}) << received.substr(0, 300);
        EXPECT_EQ(received.find("multipart/byteranges"), std::string::npos);
        if (c.status == 206) {
            EXPECT_EQ(last_body(received).size(), 10u);
        }
    }
}

TEST_F(HttpHygiene, OversizedHeadsGet431AndAreNotReadToTheEnd) {
    struct Case {
        const char* why;
        std::string fields;
    };
    std::string many_fields;
    for (int i = 0; i < 150; ++i) many_fields += "X-F" + std::to_string(i) + ": v\r\n";
    std::string flood;
    for (int i = 0; i < 200000; ++i) flood += "X-Flood: 0123456789\r\n";
    const std::vector<Case> cases = {
        {"150 small fields: over the field count, under the byte limit", many_fields},
        {"a 4 MB header flood: the server stops reading at its byte limit", flood},
        {"one 20 KB field", "X-Big: " + std::string(20000, 'a') + "\r\n"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.why);
        RawConnection connection(port());
        const auto started = std::chrono::steady_clock::now();
        connection.send("GET /api/health HTTP/1.1\r\nHost: a\r\n" + c.fields + "\r\n");
        const std::string received = connection.receive(kQuiet);
        EXPECT_EQ(status_codes(received), std::vector<int>{431}) << received.substr(0, 300);
        EXPECT_TRUE(connection.closed_by_server());
        EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    }
}

TEST_F(HttpHygiene, ASecondServerOnTheSamePortRefusesToStart) {
    ChildProcess second({BROADSHEET_SERVER, "--index", seed_index().string(), "--host", "127.0.0.1",
                         "--port", std::to_string(port())});
    // It must not print "listening on": it exits with an error instead.
    const auto line = second.read_line(milliseconds(5000));
    EXPECT_FALSE(line.has_value()) << *line;
    EXPECT_NE(second.stop(), 0);
    const json health = server_->get_json("/api/health");
    EXPECT_EQ(health["status"], "ok");
}

TEST_F(HttpHygiene, SilentAndTricklingClientsHoldNoWorker) {
    // One thread: four workers. Twenty connections that send nothing and twenty that send half a
    // request head wait in the engine, not in a worker, so a search still answers at once.
    RunningServer small(seed_index(), kSource / "web", {"--threads", "1"});
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 40; ++i) {
        idle.push_back(std::make_unique<RawConnection>(small.port()));
        ASSERT_TRUE(idle.back()->connected());
        if (i % 2 == 1) idle.back()->send("GET /api/search?q=kerry HTTP/1.1\r\nHost: a\r\n");
    }
    const auto started = std::chrono::steady_clock::now();
    const json health = small.get_json("/api/search", {{"q", "kerry"}});
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(500));
    EXPECT_GE(health["total"].get<int>(), 1);
}

TEST_F(HttpHygiene, AFullQueueAnswers503WithRetryAfter) {
    // One thread: four workers, and at most one request waiting for them. Two hundred open
    // connections send a search at the same moment: those the queue cannot take are told 503 at
    // once, and every connection gets an answer.
    RunningServer small(seed_index(), kSource / "web", {"--threads", "1", "--max-waiting", "1"});
    std::vector<std::unique_ptr<RawConnection>> clients;
    for (int i = 0; i < 200; ++i) {
        clients.push_back(std::make_unique<RawConnection>(small.port()));
        ASSERT_TRUE(clients.back()->connected());
    }
    std::this_thread::sleep_for(milliseconds(200));
    for (auto& client : clients)
        client->send("GET /api/search?q=kerry HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    std::map<int, int> statuses;
    for (auto& client : clients) {
        const std::string received = client->receive(kQuiet);
        const std::vector<int> codes = status_codes(received);
        ASSERT_EQ(codes.size(), 1u) << received;
        ++statuses[codes[0]];
        if (codes[0] == 503) {
            EXPECT_NE(received.find("Retry-After: 1"), std::string::npos) << received;
            EXPECT_EQ(json::parse(last_body(received))["error"]["code"], "overloaded");
        }
    }
    EXPECT_EQ(statuses[200] + statuses[503], 200);
    EXPECT_GE(statuses[503], 1);
    EXPECT_GE(statuses[200], 1);
    std::printf("200 simultaneous searches, 4 workers, --max-waiting 1: %d answered, %d told 503\n",
                statuses[200], statuses[503]);
}

}  // namespace
}  // namespace broadsheet
