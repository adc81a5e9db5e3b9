// api_test_support.h — what the handler tests share: building a plain ApiRequest, and one table
// row type with its check for requests run through dispatch() (route, status, error code).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <span>
#include <string>

#include "core/search/index_pool.h"
#include "server/http_util.h"
#include "server/routes.h"

namespace broadsheet::testing_support {

using Params = std::multimap<std::string, std::string>;

inline ApiRequest request(std::string path, Params params = {}, std::string rest = {}) {
    return ApiRequest{std::move(path), std::move(params), std::move(rest)};
}

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
