// hardening_test.cpp — HardenedServer in-process (ephemeral port, loopback) through httplib's
// client: exceptions become a generic JSON 500 with no EXCEPTION_WHAT header, httplib's own
// errors get JSON bodies, bodies we set survive, bodies and other methods are refused.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "server/http_server.h"

namespace broadsheet {
namespace {

class HardeningTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.Get("/boom", [](const httplib::Request&, httplib::Response&) {
            throw std::runtime_error("secret-detail from deep inside");
        });
        server_.Get("/boom-int", [](const httplib::Request&, httplib::Response&) { throw 42; });
        server_.Get("/teapot", [](const httplib::Request&, httplib::Response& res) {
            res.status = 418;
            res.set_content("{\"mine\":true}", "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        ASSERT_GT(port_, 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    void TearDown() override {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    httplib::Client client() { return httplib::Client("127.0.0.1", port_); }

    HardenedServer server_{[] {
        Hardening hardening;
        hardening.workers = 2;
        return hardening;
    }()};
    int port_ = 0;
    std::thread thread_;
};

TEST_F(HardeningTest, ExceptionsBecomeGenericJson500) {
    auto cli = client();
    for (const char* path : {"/boom", "/boom-int"}) {
        auto res = cli.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 500) << path;
        EXPECT_FALSE(res->has_header("EXCEPTION_WHAT")) << path;
        EXPECT_EQ(res->body.find("secret-detail"), std::string::npos) << res->body;
        const auto body = nlohmann::json::parse(res->body);
        EXPECT_EQ(body["error"]["code"], "internal");
        EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    }
}

TEST_F(HardeningTest, HttplibErrorsGetJsonBodiesButOursAreKept) {
    auto cli = client();
    auto missing = cli.Get("/nothing-here");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(nlohmann::json::parse(missing->body)["error"]["code"], "not_found");
    auto teapot = cli.Get("/teapot");
    ASSERT_TRUE(teapot);
    EXPECT_EQ(teapot->status, 418);
    EXPECT_EQ(teapot->body, "{\"mine\":true}");
}

TEST_F(HardeningTest, RefusesBodiesAndOtherMethodsAndSendsSecurityHeaders) {
    auto cli = client();
    auto post = cli.Post("/teapot", std::string(16, 'x'), "text/plain");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
    EXPECT_EQ(post->get_header_value("Connection"), "close");
    EXPECT_EQ(nlohmann::json::parse(post->body)["error"]["code"], "method_not_allowed");
    auto fine = cli.Get("/teapot");
    ASSERT_TRUE(fine);
    EXPECT_EQ(fine->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(fine->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(fine->get_header_value("Referrer-Policy"), "no-referrer");
}

TEST_F(HardeningTest, KeepsConnectionsAliveBeyondFiveRequests) {
    auto cli = client();
    cli.set_keep_alive(true);
    for (int i = 0; i < 8; ++i) {
        auto res = cli.Get("/teapot");
        ASSERT_TRUE(res);
        // 0.11.4's default would announce max=5 and close after the fifth request.
        EXPECT_NE(res->get_header_value("Keep-Alive").find("max=100"), std::string::npos)
            << res->get_header_value("Keep-Alive");
    }
}

}  // namespace
}  // namespace broadsheet
