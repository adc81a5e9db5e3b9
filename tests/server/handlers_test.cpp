// handlers_test.cpp — handlers, routing and parameter validation without sockets: plain
// request structs in, status and JSON out, over a real temp index.
#include "server/handlers/handlers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "broadsheet/version.h"
#include "core/error.h"
#include "core/search/validate.h"
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

TEST(SearchParams, ParsesOrRefusesNamingTheParameter) {
    const ParamCase cases[] = {
        {"nothing given: all defaults", {}, nullptr},
        {"empty values mean missing (a form submits from= empty)",
         {{"from", ""}, {"size", ""}},
         nullptr},
        {"repeatable facets", {{"outlet", "A"}, {"outlet", "B"}, {"speaker", "C"}}, nullptr},
        {"full valid set",
         {{"q", "kerry"},
          {"from", "2016-01-01"},
          {"to", "2016-12-31"},
          {"sort", "oldest"},
          {"page", "3"},
          {"size", "100"}},
         nullptr},
        {"size zero", {{"size", "0"}}, "size"},
        {"size not a number", {{"size", "abc"}}, "size"},
        {"size over the cap", {{"size", "101"}}, "size"},
        {"size with a sign", {{"size", "+5"}}, "size"},
        {"size overflowing unsigned", {{"size", "99999999999999999999"}}, "size"},
        {"page zero", {{"page", "0"}}, "page"},
        {"negative page", {{"page", "-1"}}, "page"},
        {"page × size past the window", {{"page", "101"}, {"size", "100"}}, "page"},
        {"q over 1,024 bytes", {{"q", std::string(2048, 'a')}}, "q"},
        {"q twice is ambiguous", {{"q", "a"}, {"q", "b"}}, "q"},
        {"q not UTF-8", {{"q", "\xff\xfe"}}, "q"},
        {"overlong UTF-8 encoding of '/'", {{"speaker", "\xc0\xaf"}}, "speaker"},
        {"date not ISO", {{"from", "17/11/2017"}}, "from"},
        {"impossible date", {{"to", "2017-02-30"}}, "to"},
        {"from after to", {{"from", "2018-01-01"}, {"to", "2017-01-01"}}, "from"},
        {"unknown sort", {{"sort", "random"}}, "sort"},
    };
    expect_params(
        cases, [](const Params& p) { validate(parse_search_params(request("/api/search", p))); });
}

TEST(SearchParams, FillsTheStruct) {
    const SearchParams p = parse_search_params(request("/api/search", {{"q", "kerry"},
                                                                       {"outlet", "A"},
                                                                       {"outlet", "B"},
                                                                       {"from", "2016-01-01"},
                                                                       {"sort", "newest"},
                                                                       {"page", "2"},
                                                                       {"size", "5"}}));
    EXPECT_EQ(p.q, "kerry");
    EXPECT_EQ(p.outlets, (std::vector<std::string>{"A", "B"}));
    ASSERT_TRUE(p.from.has_value());
    EXPECT_EQ(p.from->iso(), "2016-01-01");
    EXPECT_FALSE(p.to.has_value());
    EXPECT_EQ(p.sort, SortOrder::Newest);
    EXPECT_EQ(p.page, 2u);
    EXPECT_EQ(p.size, 5u);
}

TEST(ErrorMapping, OneStatusPerCodeAndNoInternalDetails) {
    const std::pair<ErrorCode, int> cases[] = {
        {ErrorCode::InvalidArgument, 400},  {ErrorCode::InvalidQuery, 400},
        {ErrorCode::NotFound, 404},         {ErrorCode::TooLarge, 413},
        {ErrorCode::IndexUnavailable, 503}, {ErrorCode::SchemaMismatch, 503},
        {ErrorCode::ShardUnavailable, 503}, {ErrorCode::Internal, 500},
    };
    for (const auto& [code, status] : cases) EXPECT_EQ(status_for(code), status) << to_string(code);
    const ApiResponse internal = error_response(ErrorCode::Internal, "std::bad_alloc at 0x1234");
    EXPECT_EQ(internal.body["error"]["message"], "internal error");
    const ApiResponse bad = error_response(ErrorCode::InvalidQuery, "q does not parse");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.body["error"]["code"], "invalid_query");
    EXPECT_EQ(bad.body["error"]["message"], "q does not parse");
}

class HandlerTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        auto articles = testing_support::sample_articles();
        // A quote after non-ASCII text: byte and code point offsets differ.
        Article quoted = testing_support::make_article("q1", "Café diplomacy",
                                                       "Café owners said “we are tired” loudly.",
                                                       "Sputnik", {"Ann Lee"}, "2017-01-02");
        const std::string text = "we are tired";
        Quote quote;
        quote.text = text;
        quote.speaker = "Ann Lee";
        quote.begin = quoted.body.find(text);
        quote.end = quote.begin + text.size();
        quoted.quotes.push_back(quote);
        articles.push_back(quoted);
        testing_support::write_index(db(), articles);
        open_pool();
    }
};

TEST_F(HandlerTest, SearchAnswersTheDocumentedShape) {
    auto lease = pool_->lease();
    const ApiResponse response =
        get_search(request("/api/search", {{"q", "ceasefire"}, {"outlet", "Bloomberg"}}), *lease);
    EXPECT_EQ(response.status, 200);
    const auto& body = response.body;
    for (const char* key :
         {"query", "total", "page", "size", "took_ms", "hits", "facets", "suggestion", "timed_out"})
        EXPECT_TRUE(body.contains(key)) << key;
    EXPECT_EQ(body["query"], "ceasefire");
    EXPECT_EQ(body["timed_out"], false);  // five articles never use up the time budget
    EXPECT_EQ(body["total"], 2);
    EXPECT_TRUE(body["suggestion"].is_null());
    for (const char* key :
         {"id", "title", "date", "outlet", "author", "speakers", "url", "snippet"})
        EXPECT_TRUE(body["hits"][0].contains(key)) << key;
    EXPECT_TRUE(body["hits"][0]["author"].is_null());  // absent values are null
    EXPECT_EQ(body["facets"]["outlet"][0]["value"], "Bloomberg");
    EXPECT_EQ(body["facets"]["outlet"][0]["count"], 2);
    EXPECT_TRUE(body["facets"]["year"].is_array());
}

TEST_F(HandlerTest, ArticleCarriesByteAndCodePointOffsets) {
    auto lease = pool_->lease();
    ApiRequest req = request("/api/articles/q1");
    req.path_rest = "q1";
    const ApiResponse response = get_article(req, *lease);
    ASSERT_EQ(response.status, 200);
    const auto& quote = response.body["quotes"][0];
    // "Café owners said “" is 18 code points but 21 bytes (é and “ are multi-byte).
    EXPECT_EQ(quote["begin"], 21);
    EXPECT_EQ(quote["char_begin"], 18);
    EXPECT_EQ(quote["char_end"], 30);
    EXPECT_EQ(response.body["date"], "2017-01-02");
    EXPECT_FALSE(response.body.contains("content_hash"));
}

TEST_F(HandlerTest, HealthReportsTheIndex) {
    auto lease = pool_->lease();
    const ApiResponse response = get_health(request("/api/health"), *lease);
    EXPECT_EQ(response.body["status"], "ok");
    EXPECT_EQ(response.body["version"], std::string(kVersion));
    EXPECT_EQ(response.body["documents"], 5);
    EXPECT_EQ(response.body["schema_version"], kSchemaVersion);
    EXPECT_EQ(response.body["index_built"], "2026-11-23T17:00:00Z");
}

TEST_F(HandlerTest, DispatchRoutesAndMapsErrors) {
    const DispatchCase cases[] = {
        {"route list", "/api", {}, 200, nullptr},
        {"route list with a trailing slash", "/api/", {}, 200, nullptr},
        {"search", "/api/search", {{"q", "kerry"}}, 200, nullptr},
        {"article by id", "/api/articles/a2", {}, 200, nullptr},
        {"health", "/api/health", {}, 200, nullptr},
        {"unknown endpoint", "/api/nope", {}, 404, "not_found"},
        {"unknown article", "/api/articles/zzz", {}, 404, "not_found"},
        {"empty article id", "/api/articles/", {}, 404, "not_found"},
        {"ids never contain '/'", "/api/articles/a2/extra", {}, 404, "not_found"},
        {"exact paths only", "/api/searchx", {}, 404, "not_found"},
        {"related articles: prefix, id, then the literal suffix",
         "/api/articles/a1/related",
         {},
         200,
         nullptr},
        {"related of an unknown article", "/api/articles/zzz/related", {}, 404, "not_found"},
        {"related without an id", "/api/articles//related", {}, 404, "not_found"},
        {"an id never spans segments, before a suffix too",
         "/api/articles/a/b/related",
         {},
         404,
         "not_found"},
        {"unknown suffix", "/api/articles/a1/similar", {}, 404, "not_found"},
        {"suffix with a trailing slash", "/api/articles/a1/related/", {}, 404, "not_found"},
        {"a suffix matches exactly", "/api/articles/a1/relatedx", {}, 404, "not_found"},
        {"bad related size", "/api/articles/a1/related", {{"size", "21"}}, 400, "invalid_argument"},
        {"suggestions", "/api/suggest", {{"q", "ker"}}, 200, nullptr},
        {"bad query syntax", "/api/search", {{"q", "title:("}}, 400, "invalid_query"},
        {"bad parameter", "/api/search", {{"size", "0"}}, 400, "invalid_argument"},
    };
    testing_support::expect_dispatch(cases, *pool_);
}

// Every endpoint taking q or filters refuses what breaks a cost cap, through QueryBuilder.
TEST_F(HandlerTest, EveryQueryEndpointAppliesTheCostCaps) {
    Params outlets;
    for (std::size_t i = 0; i <= kMaxFilterValues; ++i)
        outlets.emplace("outlet", "Outlet " + std::to_string(i));
    const std::string short_wildcard = "syria a*";
    const DispatchCase cases[] = {
        {"search: one-letter wildcard",
         "/api/search",
         {{"q", short_wildcard}},
         400,
         "invalid_query"},
        {"search: one outlet too many", "/api/search", outlets, 400, "invalid_argument"},
        {"quotes", "/api/quotes", {{"q", short_wildcard}}, 400, "invalid_query"},
        {"facet typeahead", "/api/facets/speaker", {{"q", short_wildcard}}, 400, "invalid_query"},
        {"matrix", "/api/matrix", {{"q", short_wildcard}}, 400, "invalid_query"},
        {"CSV export", "/api/search.csv", {{"q", short_wildcard}}, 400, "invalid_query"},
        {"Atom feed", "/api/search.atom", {{"q", short_wildcard}}, 400, "invalid_query"},
        // At the caps the same endpoints answer.
        {"search: two-letter wildcard", "/api/search", {{"q", "sy*"}}, 200, nullptr},
    };
    testing_support::expect_dispatch(cases, *pool_);
    const ApiResponse refused = dispatch(request("/api/search", {{"q", short_wildcard}}), *pool_);
    EXPECT_EQ(refused.body["error"]["message"],
              "q has the wildcard a*: a wildcard needs at least 2 characters before *");
}

TEST_F(HandlerTest, RouteListNamesEveryRoute) {
    const ApiResponse response = dispatch(request("/api"), *pool_);
    ASSERT_EQ(response.body["routes"].size(), route_table().size());
    for (const auto& route : response.body["routes"]) {
        EXPECT_EQ(route["method"], "GET");
        EXPECT_FALSE(route["description"].get<std::string>().empty());
    }
}

}  // namespace
}  // namespace broadsheet
