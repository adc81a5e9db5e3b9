// api_test_support.h — what the handler tests share: building a plain ApiRequest, the table rows
// and checks for parameter parsing and for requests run through dispatch() (route, status, error
// code), and a fixture serving a test index through an IndexPool.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>

#include "core/error.h"
#include "core/search/index_pool.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "tests/support/temp_dir.h"

namespace broadsheet::testing_support {

using Params = std::multimap<std::string, std::string>;

inline ApiRequest request(std::string path, Params params = {}, std::string rest = {}) {
    return ApiRequest{std::move(path), std::move(params), std::move(rest)};
}

struct ParamCase {
    const char* why;
    Params params;
    const char* error_names;  // nullptr: accepted; else the parameter the 400 must name
};

// Runs `parse` on each row's parameters: an accepted row must parse, a refused one must throw
// InvalidArgument whose message starts with error_names.
template <class Parse>
void expect_params(std::span<const ParamCase> cases, Parse&& parse) {
    for (const ParamCase& c : cases) {
        SCOPED_TRACE(c.why);
        try {
            parse(c.params);
            EXPECT_EQ(c.error_names, nullptr) << c.why << ": accepted";
        } catch (const Error& e) {
            ASSERT_NE(c.error_names, nullptr) << c.why << ": " << e.what();
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << c.why;
            EXPECT_EQ(std::string(e.what()).rfind(c.error_names, 0), 0u)
                << c.why << ": " << e.what();
        }
    }
}

// A fixture whose SetUp writes a test index at db() and then calls open_pool().
class IndexPoolTest : public ::testing::Test {
  protected:
    std::filesystem::path db() const { return dir_.path() / "db"; }
    void open_pool() {
        IndexPoolConfig config;
        config.dir = db();
        pool_ = std::make_unique<IndexPool>(config);
    }
    TempDir dir_;
    std::unique_ptr<IndexPool> pool_;
};

struct DispatchCase {
    const char* why;
    std::string path;
    Params params;
    int status;
    const char* error_code;  // nullptr: success, and the body must carry no error
};

// Runs every row through dispatch(): the status must match, and an error row must answer the
// documented {"error":{"code","message"}} body with that code.
inline void expect_dispatch(std::span<const DispatchCase> cases, IndexPool& pool) {
    for (const DispatchCase& c : cases) {
        const ApiResponse response = dispatch(request(c.path, c.params), pool);
        EXPECT_EQ(response.status, c.status) << c.why << " " << response.body.dump();
        if (c.error_code != nullptr) {
            EXPECT_EQ(response.body["error"]["code"], c.error_code) << c.why;
            EXPECT_TRUE(response.body["error"]["message"].is_string()) << c.why;
        } else {
            EXPECT_FALSE(response.body.contains("error")) << c.why;
        }
    }
}

}  // namespace broadsheet::testing_support
