// openapi_document_test.cpp — the OpenAPI document compiled into the server (docs/openapi.yaml via
// cmake/EmbedOpenApi.cmake) is the generated JSON unchanged, and it describes exactly the
// endpoints of the route table: no route without a path, no path without a route.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "server/handlers/handlers.h"
#include "server/routes.h"
#include "tests/server/api_test_support.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

nlohmann::json embedded_document() {
    return nlohmann::json::parse(openapi_json());
}

// How the route listing (GET /api) and the document name a route: "/api/articles/{id}/related".
std::string path_template(const Route& route) {
    std::string path(route.path);
    if (route.match == PathMatch::Prefix) {
        path += route.placeholder;
        path += route.suffix;
    }
    return path;
}

TEST(OpenApiDocument, EmbeddedDocumentIsTheGeneratedJson) {
    std::ifstream file(BROADSHEET_OPENAPI_JSON);
    ASSERT_TRUE(file) << BROADSHEET_OPENAPI_JSON;
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_EQ(embedded_document(), nlohmann::json::parse(text.str()));
    EXPECT_EQ(embedded_document()["openapi"], "3.1.0");
}

TEST(OpenApiDocument, EveryRouteHasItsPathAndMethod) {
    const nlohmann::json paths = embedded_document()["paths"];
    for (const Route& route : route_table()) {
        const std::string path = path_template(route);
        ASSERT_TRUE(paths.contains(path)) << path << " is routed but not in docs/openapi.yaml";
        std::string method(route.method);
        for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_TRUE(paths[path].contains(method)) << route.method << " " << path;
    }
}

TEST(OpenApiDocument, EveryPathIsARoute) {
    std::set<std::string> routed;
    for (const Route& route : route_table()) routed.insert(path_template(route));
    // A named copy: a range-for over a member of the temporary would outlive it.
    const nlohmann::json paths = embedded_document()["paths"];
    for (const auto& [path, item] : paths.items())
        EXPECT_TRUE(routed.contains(path)) << path << " is documented but not routed";
}

// Through the real dispatcher over a real index, as GET /api/openapi.json reaches it.
class OpenApiServed : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        testing_support::write_index(db(), testing_support::sample_articles());
        open_pool();
    }
};

TEST_F(OpenApiServed, AsJsonEqualToTheDocument) {
    const ApiResponse response = dispatch(testing_support::request("/api/openapi.json"), *pool_);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "application/json");
    EXPECT_EQ(nlohmann::json::parse(response.text), embedded_document());
}

}  // namespace
}  // namespace broadsheet
