// quote_handlers_test.cpp — the quote, speaker and matrix endpoints without sockets: parameter
// tables, JSON shapes and error mapping over a real temp index with quote documents.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "core/search/validate.h"
#include "server/handlers/handlers.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "tests/search/quote_index.h"
#include "tests/server/api_test_support.h"

namespace broadsheet {
namespace {

using testing_support::DispatchCase;
using testing_support::expect_params;
using testing_support::ParamCase;
using testing_support::Params;
using testing_support::request;

TEST(QuoteParams, MinConfidenceAndTheSearchParameters) {
    const ParamCase cases[] = {
        {"zero", {{"min_confidence", "0"}}, nullptr},
        {"one", {{"min_confidence", "1"}}, nullptr},
        {"a fraction", {{"min_confidence", "0.75"}}, nullptr},
        {"empty means absent", {{"min_confidence", ""}}, nullptr},
        {"above one", {{"min_confidence", "1.5"}}, "min_confidence"},
        {"negative", {{"min_confidence", "-0.1"}}, "min_confidence"},
        {"exponent", {{"min_confidence", "1e-1"}}, "min_confidence"},
        {"not a number", {{"min_confidence", "nan"}}, "min_confidence"},
        {"trailing text", {{"min_confidence", "0.5x"}}, "min_confidence"},
        {"twice", {{"min_confidence", "0.1"}, {"min_confidence", "0.2"}}, "min_confidence"},
        // Everything /api/search validates is validated the same way.
        {"size over the cap", {{"size", "101"}}, "size"},
        {"bad date", {{"from", "2017-1-1"}}, "from"},
        {"unknown sort", {{"sort", "random"}}, "sort"},
    };
    expect_params(cases, [](const Params& p) {
        validate(parse_search_params(request("/api/x", p), DocumentType::Quote));
    });
    const SearchParams p = parse_search_params(request("/api/quotes", {{"min_confidence", "0.5"}}),
                                               DocumentType::Quote);
    EXPECT_EQ(p.type, DocumentType::Quote);
    EXPECT_EQ(p.min_confidence, 0.5);
    // Article search does not know the parameter: ignored like any unknown one.
    EXPECT_FALSE(parse_search_params(request("/api/search", {{"min_confidence", "7"}}))
                     .min_confidence.has_value());
}

TEST(SpeakersParams, PrefixAndLimit) {
    const ParamCase cases[] = {
        {"defaults", {}, nullptr},
        {"prefix and limit", {{"prefix", "ker"}, {"limit", "100"}}, nullptr},
        {"limit zero", {{"limit", "0"}}, "limit"},
        {"limit over the cap", {{"limit", "101"}}, "limit"},
        {"limit not a number", {{"limit", "ten"}}, "limit"},
        {"prefix not UTF-8", {{"prefix", "\xff"}}, "prefix"},
        {"prefix too long", {{"prefix", std::string(201, 'k')}}, "prefix"},
    };
    expect_params(cases,
                  [](const Params& p) { validate(parse_speakers_params(request("/api/x", p))); });
}

TEST(MatrixParams, RowsColsLimitAndFilters) {
    const ParamCase cases[] = {
        {"defaults: speaker × outlet", {}, nullptr},
        {"months", {{"rows", "speaker"}, {"cols", "month"}, {"limit", "100"}}, nullptr},
        {"rows other than speaker", {{"rows", "outlet"}}, "rows"},
        {"cols other than outlet or month", {{"cols", "year"}}, "cols"},
        {"limit zero", {{"limit", "0"}}, "limit"},
        {"limit over the cap", {{"limit", "101"}}, "limit"},
        {"filters validated too", {{"to", "2017-02-30"}}, "to"},
    };
    expect_params(cases,
                  [](const Params& p) { validate(parse_matrix_params(request("/api/x", p))); });
    const MatrixParams p = parse_matrix_params(
        request("/api/matrix", {{"cols", "month"}, {"limit", "5"}, {"speaker", "A"}}));
    EXPECT_EQ(p.cols, MatrixColumns::Month);
    EXPECT_EQ(p.limit, 5u);
    EXPECT_EQ(p.filters.speakers, std::vector<std::string>{"A"});
}

class QuoteHandlerTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        testing_support::write_quote_index(db());
        open_pool();
    }
};

TEST_F(QuoteHandlerTest, QuotesAnswerTheDocumentedShape) {
    const ApiResponse response =
        dispatch(request("/api/quotes", {{"q", "regime"}, {"speaker", "John Kerry"}}), *pool_);
    ASSERT_EQ(response.status, 200) << response.body.dump();
    const auto& body = response.body;
    for (const char* key :
         {"query", "total", "page", "size", "took_ms", "hits", "facets", "timed_out"})
        EXPECT_TRUE(body.contains(key)) << key;
    EXPECT_EQ(body["total"], 2);
    const auto& hit = body["hits"][0];
    for (const char* key : {"id", "text", "speaker", "cue", "confidence", "char_begin", "char_end",
                            "article", "group"})
        EXPECT_TRUE(hit.contains(key)) << key;
    for (const char* key : {"id", "title", "date", "outlet", "url"})
        EXPECT_TRUE(hit["article"].contains(key)) << key;
    EXPECT_TRUE(hit["article"]["url"].is_null());
    EXPECT_EQ(hit["group"]["id"], "a1~q1");
    EXPECT_EQ(hit["group"]["size"], 2);
    EXPECT_EQ(hit["group"]["first_seen"], "2016-02-12");
    EXPECT_NE(hit["text"].get<std::string>().find("<mark>regime</mark>"), std::string::npos);
    for (const char* facet : {"speaker", "outlet", "year"})
        EXPECT_TRUE(body["facets"][facet].is_array()) << facet;
}

TEST_F(QuoteHandlerTest, SpeakersProfileAndMatrixShapes) {
    const ApiResponse list = dispatch(request("/api/speakers", {{"prefix", "za"}}), *pool_);
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body,
              nlohmann::json::parse(
                  R"({"speakers":[{"name":"Maria Zakharova","articles":1,"quotes":1}]})"));

    const ApiResponse profile = dispatch(request("/api/speakers/Sergei Lavrov"), *pool_);
    ASSERT_EQ(profile.status, 200) << profile.body.dump();
    for (const char* key :
         {"name", "articles", "quotes", "outlets", "per_month", "terms", "recent_quotes"})
        EXPECT_TRUE(profile.body.contains(key)) << key;
    EXPECT_EQ(profile.body["quotes"], 2);
    EXPECT_EQ(profile.body["per_month"],
              nlohmann::json::parse(R"([{"month":"2016-02","count":1}])"));
    ASSERT_FALSE(profile.body["terms"].empty());
    EXPECT_TRUE(profile.body["terms"][0]["weight"].is_number());

    const ApiResponse matrix =
        dispatch(request("/api/matrix", {{"rows", "speaker"}, {"cols", "outlet"}}), *pool_);
    ASSERT_EQ(matrix.status, 200);
    for (const char* key :
         {"rows", "cols", "cells", "row_totals", "col_totals", "total", "timed_out"})
        EXPECT_TRUE(matrix.body.contains(key)) << key;
    EXPECT_EQ(matrix.body["total"], 6);
    EXPECT_EQ(matrix.body["cells"].size(), matrix.body["rows"].size());
}

TEST_F(QuoteHandlerTest, ArticleQuotesCarryIdAndGroup) {
    const ApiResponse response = dispatch(request("/api/articles/a2"), *pool_);
    ASSERT_EQ(response.status, 200);
    const auto& quotes = response.body["quotes"];
    ASSERT_EQ(quotes.size(), 2u);
    EXPECT_EQ(quotes[0]["id"], "a2~q1");
    EXPECT_EQ(quotes[0]["group"]["id"], "a1~q1");
    EXPECT_EQ(quotes[0]["group"]["size"], 2);
    EXPECT_EQ(quotes[1]["id"], "a2~q2");
    EXPECT_EQ(quotes[1]["group"]["size"], 1);
}

TEST_F(QuoteHandlerTest, DispatchMapsErrors) {
    const DispatchCase cases[] = {
        {"quotes", "/api/quotes", {}, 200, nullptr},
        {"speakers", "/api/speakers", {}, 200, nullptr},
        {"a speaker", "/api/speakers/John Kerry", {}, 200, nullptr},
        {"month matrix", "/api/matrix", {{"cols", "month"}}, 200, nullptr},
        {"unknown speaker", "/api/speakers/Nobody Known", {}, 404, "not_found"},
        {"names are case-sensitive", "/api/speakers/john kerry", {}, 404, "not_found"},
        {"empty speaker name: the list is elsewhere", "/api/speakers/", {}, 404, "not_found"},
        {"speaker name not UTF-8", "/api/speakers/\xc0\xaf", {}, 400, "invalid_argument"},
        {"bad min_confidence", "/api/quotes", {{"min_confidence", "2"}}, 400, "invalid_argument"},
        {"bad quote query", "/api/quotes", {{"q", "title:("}}, 400, "invalid_query"},
        {"bad matrix cols", "/api/matrix", {{"cols", "year"}}, 400, "invalid_argument"},
        {"bad speakers limit", "/api/speakers", {{"limit", "0"}}, 400, "invalid_argument"},
    };
    testing_support::expect_dispatch(cases, *pool_);
    const ApiResponse long_name =
        dispatch(request("/api/speakers/" + std::string(kMaxSpeakerNameBytes + 1, 'x')), *pool_);
    EXPECT_EQ(long_name.status, 400);
}

}  // namespace
}  // namespace broadsheet
