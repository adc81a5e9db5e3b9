// discovery_handlers_test.cpp — GET /api/articles/{id}/related and GET /api/suggest without
// sockets: route matching with a literal suffix, parameter parsing, and the JSON shapes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/validate.h"
#include "server/handlers/handlers.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "tests/server/api_test_support.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::DispatchCase;
using testing_support::expect_params;
using testing_support::ParamCase;
using testing_support::Params;
using testing_support::request;
using testing_support::TempDir;

TEST(RouteMatching, PrefixRoutesWithAndWithoutASuffix) {
    const Route article{"GET", "/api/articles/", PathMatch::Prefix, get_article, "", "{id}"};
    const Route related{"GET", "/api/articles/", PathMatch::Prefix, get_related,
                        "",    "{id}",           "/related"};
    struct Case {
        const char* why;
        const Route& route;
        const char* path;
        const char* rest;  // nullptr: no match
    };
    const Case cases[] = {
        // The plain prefix route: one non-empty segment after the prefix.
        {"article id", article, "/api/articles/a1", "a1"},
        {"article id with dots", article, "/api/articles/001_x.txt", "001_x.txt"},
        {"no id", article, "/api/articles/", nullptr},
        {"two segments are not one id", article, "/api/articles/a1/related", nullptr},
        // The suffix route: prefix, one segment, then the suffix literally.
        {"related", related, "/api/articles/a1/related", "a1"},
        {"an id may contain the suffix's word", related, "/api/articles/related/related",
         "related"},
        {"the suffix alone is not an id", related, "/api/articles/related", nullptr},
        {"empty id", related, "/api/articles//related", nullptr},
        {"two segments before the suffix", related, "/api/articles/a/b/related", nullptr},
        {"another suffix", related, "/api/articles/a1/similar", nullptr},
        {"suffix then more", related, "/api/articles/a1/related/x", nullptr},
        {"suffix case matters", related, "/api/articles/a1/Related", nullptr},
        {"wrong prefix", related, "/api/article/a1/related", nullptr},
    };
    for (const auto& c : cases) {
        std::string rest = "untouched";
        const bool matched = route_matches(c.route, c.path, &rest);
        EXPECT_EQ(matched, c.rest != nullptr) << c.why;
        if (c.rest != nullptr) {
            EXPECT_EQ(rest, c.rest) << c.why;
        }
    }
}

TEST(RouteMatching, ListingShowsTheSuffixRoute) {
    TempDir dir;
    testing_support::write_index(dir.path() / "db", testing_support::sample_articles());
    IndexPoolConfig config;
    config.dir = dir.path() / "db";
    IndexPool pool(config);
    const ApiResponse listing = dispatch(request("/api"), pool);
    std::vector<std::string> paths;
    for (const auto& route : listing.body["routes"]) paths.push_back(route["path"]);
    for (const char* path : {"/api/articles/{id}", "/api/articles/{id}/related", "/api/suggest"})
        EXPECT_NE(std::find(paths.begin(), paths.end(), path), paths.end()) << path;
}

TEST(DiscoveryParams, RelatedAndSuggestParseOrRefuse) {
    const ParamCase related[] = {
        {"defaults", {}, nullptr},
        {"largest size", {{"size", "20"}}, nullptr},
        {"size zero", {{"size", "0"}}, "size"},
        {"size over the cap", {{"size", "21"}}, "size"},
        {"size not a number", {{"size", "five"}}, "size"},
        {"size twice", {{"size", "1"}, {"size", "2"}}, "size"},
    };
    expect_params(related, [](const Params& p) {
        const RelatedParams related_params = parse_related_params(request("/x", p, "a1"));
        validate(related_params);
        EXPECT_EQ(related_params.id, "a1");
    });
    const ParamCase suggest[] = {
        {"nothing typed", {}, nullptr},
        {"100 bytes", {{"q", std::string(100, 'k')}}, nullptr},
        {"101 bytes", {{"q", std::string(101, 'k')}}, "q"},
        {"q not UTF-8", {{"q", "\xff"}}, "q"},
        {"limit zero", {{"limit", "0"}}, "limit"},
        {"limit over the cap", {{"limit", "21"}}, "limit"},
        {"opensearch format", {{"format", "opensearch"}}, nullptr},
        {"unknown format", {{"format", "xml"}}, "format"},
    };
    expect_params(suggest, [](const Params& p) {
        validate(parse_suggest_params(request("/api/suggest", p)));
        parse_suggest_format(request("/api/suggest", p));
    });
}

class DiscoveryHandlerTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        testing_support::write_index(db(), testing_support::sample_articles());
        open_pool();
    }
};

TEST_F(DiscoveryHandlerTest, RelatedAnswersTheDocumentedShape) {
    const ApiResponse response =
        dispatch(request("/api/articles/a1/related", {{"size", "2"}}), *pool_);
    ASSERT_EQ(response.status, 200) << response.body.dump();
    EXPECT_EQ(response.body["id"], "a1");
    ASSERT_EQ(response.body["hits"].size(), 2u);
    for (const auto& hit : response.body["hits"]) {
        EXPECT_NE(hit["id"], "a1");
        for (const char* key :
             {"id", "title", "date", "outlet", "author", "speakers", "url", "snippet"})
            EXPECT_TRUE(hit.contains(key)) << key;
    }
    EXPECT_TRUE(response.body["terms"].is_array());
    EXPECT_FALSE(response.body["terms"].empty());
}

TEST_F(DiscoveryHandlerTest, SuggestAnswersJsonOrOpenSearch) {
    const ApiResponse json = dispatch(request("/api/suggest", {{"q", "Ker"}}), *pool_);
    ASSERT_EQ(json.status, 200);
    EXPECT_EQ(json.body["query"], "Ker");
    ASSERT_EQ(json.body["suggestions"].size(), 1u);
    EXPECT_EQ(json.body["suggestions"][0],
              nlohmann::json({{"kind", "speaker"}, {"value", "John Kerry"}, {"count", 2}}));
    const ApiResponse title = dispatch(request("/api/suggest", {{"q", "markets"}}), *pool_);
    EXPECT_EQ(title.body["suggestions"][0],
              nlohmann::json(
                  {{"kind", "title"}, {"value", "Markets welcome the ceasefire"}, {"id", "a4"}}));

    const ApiResponse open =
        dispatch(request("/api/suggest", {{"q", "ceasef"}, {"format", "opensearch"}}), *pool_);
    ASSERT_EQ(open.status, 200);
    EXPECT_EQ(open.content_type, "application/x-suggestions+json; charset=utf-8");
    const nlohmann::json array = nlohmann::json::parse(open.text);
    ASSERT_TRUE(array.is_array());
    ASSERT_EQ(array.size(), 2u);
    EXPECT_EQ(array[0], "ceasef");
    auto completions = array[1].get<std::vector<std::string>>();
    std::sort(completions.begin(), completions.end());
    EXPECT_EQ(completions, (std::vector<std::string>{"Ceasefire talks resume in Geneva",
                                                     "Markets welcome the ceasefire"}));
    const ApiResponse empty = dispatch(request("/api/suggest"), *pool_);
    EXPECT_EQ(empty.body,
              nlohmann::json({{"query", ""}, {"suggestions", nlohmann::json::array()}}));
}

TEST_F(DiscoveryHandlerTest, ErrorsAreJson) {
    const DispatchCase cases[] = {
        {"unknown article", "/api/articles/nope/related", {}, 404, "not_found"},
        {"size over the cap",
         "/api/articles/a1/related",
         {{"size", "99"}},
         400,
         "invalid_argument"},
        {"q too long", "/api/suggest", {{"q", std::string(101, 'x')}}, 400, "invalid_argument"},
        {"limit not a number",
         "/api/suggest",
         {{"q", "k"}, {"limit", "-1"}},
         400,
         "invalid_argument"},
        {"unknown format",
         "/api/suggest",
         {{"q", "k"}, {"format", "rss"}},
         400,
         "invalid_argument"},
    };
    testing_support::expect_dispatch(cases, *pool_);
}

}  // namespace
}  // namespace broadsheet
