// facet_handlers_test.cpp — exclusion and "(unknown)" parameters, and GET /api/facets/{name}
// without sockets: parameter tables, the JSON shape and error mapping over a real temp index.
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
using testing_support::Params;
using testing_support::request;

struct ParamCase {
    const char* why;
    std::string facet;  // the {name} part of the path
    Params params;
    ErrorCode error;          // checked when error_names is set
    const char* error_names;  // nullptr: accepted; else how the error message starts
};

TEST(FacetParams, ParsesOrRefusesNamingTheParameter) {
    const ParamCase cases[] = {
        {"defaults", "outlet", {}, ErrorCode::InvalidArgument, nullptr},
        {"every facet name", "year", {}, ErrorCode::InvalidArgument, nullptr},
        {"quote type with its min_confidence",
         "speaker",
         {{"type", "quote"}, {"min_confidence", "0.5"}, {"prefix", "ker"}, {"limit", "100"}},
         ErrorCode::InvalidArgument,
         nullptr},
        {"search parameters with exclusions",
         "speaker",
         {{"q", "kerry"}, {"not_outlet", "Sputnik"}, {"not_speaker", "(unknown)"}},
         ErrorCode::InvalidArgument,
         nullptr},
        // Only the three documented facets exist; the rest are unknown resources.
        {"unknown facet", "author", {}, ErrorCode::NotFound, "no such facet"},
        {"facet names are lower case", "Outlet", {}, ErrorCode::NotFound, "no such facet"},
        {"unknown type", "outlet", {{"type", "articles"}}, ErrorCode::InvalidArgument, "type"},
        {"type twice",
         "outlet",
         {{"type", "article"}, {"type", "quote"}},
         ErrorCode::InvalidArgument,
         "type"},
        {"limit zero", "outlet", {{"limit", "0"}}, ErrorCode::InvalidArgument, "limit"},
        {"limit over the cap", "outlet", {{"limit", "1001"}}, ErrorCode::InvalidArgument, "limit"},
        {"limit not a number", "outlet", {{"limit", "ten"}}, ErrorCode::InvalidArgument, "limit"},
        {"prefix over 200 bytes",
         "outlet",
         {{"prefix", std::string(201, 'a')}},
         ErrorCode::InvalidArgument,
         "prefix"},
        {"prefix not UTF-8", "outlet", {{"prefix", "\xff"}}, ErrorCode::InvalidArgument, "prefix"},
        {"exclusion not UTF-8",
         "outlet",
         {{"not_speaker", "\xc0\xaf"}},
         ErrorCode::InvalidArgument,
         "not_speaker"},
        {"search parameters are checked too",
         "outlet",
         {{"size", "0"}},
         ErrorCode::InvalidArgument,
         "size"},
    };
    for (const auto& c : cases) {
        try {
            validate(parse_facet_params(request("/api/facets/" + c.facet, c.params, c.facet)));
            EXPECT_EQ(c.error_names, nullptr) << c.why << ": accepted";
        } catch (const Error& e) {
            ASSERT_NE(c.error_names, nullptr) << c.why << ": " << e.what();
            EXPECT_EQ(e.code(), c.error) << c.why;
            EXPECT_EQ(std::string(e.what()).rfind(c.error_names, 0), 0u)
                << c.why << ": " << e.what();
        }
    }
}

TEST(FacetParams, FillsTheStruct) {
    const FacetValuesParams p = parse_facet_params(request("/api/facets/speaker",
                                                           {{"type", "quote"},
                                                            {"prefix", "Ker"},
                                                            {"limit", "5"},
                                                            {"outlet", "Bloomberg"},
                                                            {"not_speaker", "(unknown)"}},
                                                           "speaker"));
    EXPECT_EQ(p.facet, FacetName::Speaker);
    EXPECT_EQ(p.filters.type, DocumentType::Quote);
    EXPECT_EQ(p.prefix, "Ker");
    EXPECT_EQ(p.limit, 5u);
    EXPECT_EQ(p.filters.outlets, std::vector<std::string>{"Bloomberg"});
    EXPECT_EQ(p.filters.not_speakers, std::vector<std::string>{"(unknown)"});
}

TEST(SearchParams, ExclusionsAreRepeatable) {
    const SearchParams p = parse_search_params(request(
        "/api/search", {{"not_outlet", "RT"}, {"not_outlet", "Sputnik"}, {"not_speaker", ""}}));
    EXPECT_EQ(p.not_outlets, (std::vector<std::string>{"RT", "Sputnik"}));
    EXPECT_TRUE(p.not_speakers.empty());  // an empty value is no exclusion
}

class FacetHandlerTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        testing_support::write_quote_index(db());
        open_pool();
    }
};

TEST_F(FacetHandlerTest, FacetValuesAnswerTheDocumentedShape) {
    const ApiResponse response =
        dispatch(request("/api/facets/speaker", {{"prefix", "LAV"}, {"type", "quote"}}), *pool_);
    ASSERT_EQ(response.status, 200) << response.body.dump();
    EXPECT_EQ(response.body, nlohmann::json::parse(R"({"facet":"speaker","prefix":"LAV",
        "values":[{"value":"Sergei Lavrov","count":2}],"total_values":1,"timed_out":false})"));
}

TEST_F(FacetHandlerTest, SearchFacetsEndWithUnknownAndExclusionsApply) {
    // Quote a3~q1 is unattributed: the speaker facet ends with "(unknown)".
    const ApiResponse quotes = dispatch(request("/api/quotes"), *pool_);
    ASSERT_EQ(quotes.status, 200);
    EXPECT_EQ(quotes.body["facets"]["speaker"].back(),
              (nlohmann::json{{"value", "(unknown)"}, {"count", 1}}));
    const ApiResponse excluded =
        dispatch(request("/api/quotes", {{"not_speaker", "(unknown)"}}), *pool_);
    EXPECT_EQ(excluded.body["total"], quotes.body["total"].get<int>() - 1);
    // Articles: a3 has no speakers; excluding Bloomberg leaves a2 and a3.
    const ApiResponse articles =
        dispatch(request("/api/search", {{"not_outlet", "Bloomberg"}}), *pool_);
    EXPECT_EQ(articles.body["total"], 2);
    EXPECT_EQ(articles.body["facets"]["speaker"].back()["value"], "(unknown)");
}

TEST_F(FacetHandlerTest, DispatchMapsErrors) {
    const DispatchCase cases[] = {
        {"outlet values", "/api/facets/outlet", {}, 200, nullptr},
        {"year values of quotes", "/api/facets/year", {{"type", "quote"}}, 200, nullptr},
        {"unknown facet", "/api/facets/author", {}, 404, "not_found"},
        {"no facet name", "/api/facets/", {}, 404, "not_found"},
        {"the bare path is no listing", "/api/facets", {}, 404, "not_found"},
        {"nothing below a facet", "/api/facets/outlet/x", {}, 404, "not_found"},
        {"bad limit", "/api/facets/outlet", {{"limit", "0"}}, 400, "invalid_argument"},
        {"bad type", "/api/facets/outlet", {{"type", "x"}}, 400, "invalid_argument"},
        {"bad query", "/api/facets/outlet", {{"q", "title:("}}, 400, "invalid_query"},
        {"bad exclusion", "/api/search", {{"not_outlet", "\xff"}}, 400, "invalid_argument"},
    };
    testing_support::expect_dispatch(cases, *pool_);
}

}  // namespace
}  // namespace broadsheet
