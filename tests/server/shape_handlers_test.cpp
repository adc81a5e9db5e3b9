// shape_handlers_test.cpp — the response-shaping parameters of GET /api/search and /api/quotes
// (facets, facet_size, histogram, snippets, fields, debug) without sockets: parameter tables,
// the JSON each shape answers, the work each one leaves undone, over a real temp index.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/search/validate.h"
#include "server/handlers/handlers.h"
#include "server/http_util.h"
#include "tests/search/quote_index.h"
#include "tests/server/api_test_support.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::DispatchCase;
using testing_support::expect_params;
using testing_support::ParamCase;
using testing_support::Params;
using testing_support::request;

using Keys = std::vector<std::string>;

Keys keys_of(const nlohmann::json& object) {
    Keys keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    return keys;
}

Keys values_of(const nlohmann::json& facet) {
    Keys values;
    for (const auto& entry : facet) values.push_back(entry["value"]);
    return values;
}

TEST(ShapeParams, ParsesOrRefusesNamingTheParameter) {
    const ParamCase cases[] = {
        {"nothing given: the full response", {}, nullptr},
        {"every facet by name", {{"facets", "outlet,speaker,year"}}, nullptr},
        {"no facets, spelled out", {{"facets", "none"}}, nullptr},
        {"no facets, empty", {{"facets", ""}}, nullptr},
        {"facet_size at both ends", {{"facet_size", "1"}}, nullptr},
        {"facet_size at its cap", {{"facet_size", "1000"}}, nullptr},
        {"switches off and on", {{"histogram", "0"}, {"snippets", "1"}, {"debug", "1"}}, nullptr},
        {"ids alone", {{"fields", "id"}}, nullptr},
        {"every field", {{"fields", "id,title,date,outlet,author,speakers,url,snippet"}}, nullptr},
        {"an unknown facet", {{"facets", "author"}}, "facets"},
        {"facet names are lower case", {{"facets", "Outlet"}}, "facets"},
        {"an empty item is a typo", {{"facets", "outlet,,year"}}, "facets"},
        {"none is not mixed with names", {{"facets", "none,outlet"}}, "facets"},
        {"facets twice is ambiguous", {{"facets", "outlet"}, {"facets", "year"}}, "facets"},
        {"facet_size zero", {{"facet_size", "0"}}, "facet_size"},
        {"facet_size over the cap", {{"facet_size", "1001"}}, "facet_size"},
        {"facet_size not a number", {{"facet_size", "ten"}}, "facet_size"},
        {"histogram is 0 or 1", {{"histogram", "no"}}, "histogram"},
        {"snippets is 0 or 1", {{"snippets", "true"}}, "snippets"},
        {"debug is 0 or 1", {{"debug", "2"}}, "debug"},
        {"an unknown field", {{"fields", "title,body"}}, "fields"},
        {"a trailing comma", {{"fields", "title,"}}, "fields"},
    };
    expect_params(cases, [](const Params& p) {
        SearchParams params = parse_search_params(request("/api/search", p));
        params.shape = parse_result_shape(request("/api/search", p), DocumentType::Article);
        validate(params);
    });
}

class ShapeHandlerTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        testing_support::write_index(db(), testing_support::sample_articles());
        open_pool();
    }
    nlohmann::json search(const Params& params) {
        auto lease = pool_->lease();
        const ApiResponse response = get_search(request("/api/search", params), *lease);
        EXPECT_EQ(response.status, 200) << response.body.dump();
        return response.body;
    }
};

// What one request's response must carry. The four sample articles: speakers John Kerry (2),
// Sergei Lavrov (1), Maria Zakharova (1), and one without any ((unknown)).
struct ShapeCase {
    const char* why;
    Params params;
    Keys facets;    // keys of the facets object
    Keys top;       // keys of the body besides the always-there ones
    Keys hit;       // keys of every hit
    Keys speakers;  // the speaker facet's values, in order (when it is asked for)
};

const Keys kEveryHitKey = {"author", "date", "id", "outlet", "snippet", "speakers", "title", "url"};
const Keys kAllFacets = {"outlet", "speaker", "year"};
const Keys kEverySpeaker = {"John Kerry", "Maria Zakharova", "Sergei Lavrov", "(unknown)"};

TEST_F(ShapeHandlerTest, EachParameterShapesTheResponse) {
    const ShapeCase cases[] = {
        {"defaults: every facet, the histogram, every field (four speakers fit in 10)",
         {},
         kAllFacets,
         {"histogram"},
         kEveryHitKey,
         kEverySpeaker},
        {"one facet alone", {{"facets", "outlet"}}, {"outlet"}, {"histogram"}, kEveryHitKey, {}},
        {"the speaker facet alone",
         {{"facets", "speaker"}},
         {"speaker"},
         {"histogram"},
         kEveryHitKey,
         kEverySpeaker},
        {"two facets, listed in any order",
         {{"facets", "year,outlet"}},
         {"outlet", "year"},
         {"histogram"},
         kEveryHitKey,
         {}},
        {"no facets: an empty object", {{"facets", "none"}}, {}, {"histogram"}, kEveryHitKey, {}},
        {"facets= empty is none too", {{"facets", ""}}, {}, {"histogram"}, kEveryHitKey, {}},
        {"facet_size cuts to the most frequent and keeps (unknown) last",
         {{"facet_size", "1"}},
         kAllFacets,
         {"histogram"},
         kEveryHitKey,
         {"John Kerry", "(unknown)"}},
        {"a selected speaker past the cut stays listed with its count",
         {{"facet_size", "1"}, {"speaker", "Maria Zakharova"}},
         kAllFacets,
         {"histogram"},
         kEveryHitKey,
         {"John Kerry", "Maria Zakharova", "(unknown)"}},
        {"an excluded speaker past the cut stays listed too",
         {{"facet_size", "1"}, {"not_speaker", "Sergei Lavrov"}},
         kAllFacets,
         {"histogram"},
         kEveryHitKey,
         {"John Kerry", "Sergei Lavrov", "(unknown)"}},
        {"histogram=0: no histogram key", {{"histogram", "0"}}, kAllFacets, {}, kEveryHitKey, {}},
        {"snippets=0: hits without snippet",
         {{"snippets", "0"}, {"q", "ceasefire"}},
         kAllFacets,
         {"histogram"},
         {"author", "date", "id", "outlet", "speakers", "title", "url"},
         {}},
        {"fields: a subset, the id always",
         {{"fields", "title,date"}},
         kAllFacets,
         {"histogram"},
         {"date", "id", "title"},
         {}},
        {"fields=id: ids alone (what the page's previous/next links need)",
         {{"fields", "id"}},
         kAllFacets,
         {"histogram"},
         {"id"},
         {}},
        {"snippets=0 wins over a fields list naming snippet",
         {{"fields", "title,snippet"}, {"snippets", "0"}},
         kAllFacets,
         {"histogram"},
         {"id", "title"},
         {}},
        {"debug=1 adds the timing object",
         {{"debug", "1"}},
         kAllFacets,
         {"histogram", "timing"},
         kEveryHitKey,
         {}},
        {"everything off: hits and totals only",
         {{"facets", "none"}, {"histogram", "0"}, {"snippets", "0"}, {"fields", "id"}},
         {},
         {},
         {"id"},
         {}},
    };
    const Keys always = {"facets",     "hits",      "page",    "query", "size",
                         "suggestion", "timed_out", "took_ms", "total"};
    for (const ShapeCase& c : cases) {
        SCOPED_TRACE(c.why);
        const nlohmann::json body = search(c.params);
        EXPECT_EQ(keys_of(body["facets"]), c.facets);
        Keys top = always;
        top.insert(top.end(), c.top.begin(), c.top.end());
        std::sort(top.begin(), top.end());
        EXPECT_EQ(keys_of(body), top);
        ASSERT_FALSE(body["hits"].empty());
        for (const auto& hit : body["hits"]) EXPECT_EQ(keys_of(hit), c.hit);
        if (!c.speakers.empty()) {
            EXPECT_EQ(values_of(body["facets"]["speaker"]), c.speakers);
        }
    }
}

// The same request whatever its shape: the hits and total do not depend on what else is asked.
TEST_F(ShapeHandlerTest, ShapeNeverChangesWhichHitsOrTotal) {
    const nlohmann::json full = search({{"q", "ceasefire"}});
    const nlohmann::json lean =
        search({{"q", "ceasefire"}, {"facets", "none"}, {"histogram", "0"}, {"fields", "id"}});
    EXPECT_EQ(lean["total"], full["total"]);
    ASSERT_EQ(lean["hits"].size(), full["hits"].size());
    for (std::size_t i = 0; i < full["hits"].size(); ++i)
        EXPECT_EQ(lean["hits"][i]["id"], full["hits"][i]["id"]);
}

// Work not asked for is not done: its phase takes no time at all, not merely less.
TEST_F(ShapeHandlerTest, TimingShowsTheWorkLeftUndone) {
    const nlohmann::json full = search({{"q", "ceasefire"}, {"debug", "1"}});
    for (const char* phase : {"match_ms", "facets_ms", "snippets_ms", "render_ms"})
        EXPECT_GE(full["timing"][phase].get<double>(), 0.0) << phase;
    EXPECT_LE(full["timing"]["match_ms"].get<double>(), full["took_ms"].get<double>() + 0.01);
    const nlohmann::json lean = search({{"q", "ceasefire"},
                                        {"debug", "1"},
                                        {"facets", "none"},
                                        {"histogram", "0"},
                                        {"snippets", "0"}});
    EXPECT_EQ(lean["timing"]["facets_ms"], 0.0);
    EXPECT_EQ(lean["timing"]["snippets_ms"], 0.0);
    EXPECT_FALSE(search({{"q", "ceasefire"}}).contains("timing"));
}

TEST_F(ShapeHandlerTest, InvalidShapesAre400s) {
    const DispatchCase cases[] = {
        {"unknown facet", "/api/search", {{"facets", "colour"}}, 400, "invalid_argument"},
        {"facet_size past the cap",
         "/api/search",
         {{"facet_size", "5000"}},
         400,
         "invalid_argument"},
        {"histogram not a switch", "/api/search", {{"histogram", "yes"}}, 400, "invalid_argument"},
        {"unknown field", "/api/search", {{"fields", "body"}}, 400, "invalid_argument"},
        {"quotes check facets too", "/api/quotes", {{"facets", "colour"}}, 400, "invalid_argument"},
        {"quotes check facet_size too",
         "/api/quotes",
         {{"facet_size", "0"}},
         400,
         "invalid_argument"},
        // A quote hit's fields are not chosen; like any parameter an endpoint does not take,
        // fields is ignored there.
        {"quotes ignore fields", "/api/quotes", {{"fields", "body"}}, 200, nullptr},
    };
    testing_support::expect_dispatch(cases, *pool_);
}

class QuoteShapeTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        testing_support::write_quote_index(db());
        open_pool();
    }
    nlohmann::json quotes(const Params& params) {
        auto lease = pool_->lease();
        const ApiResponse response = get_quotes(request("/api/quotes", params), *lease);
        EXPECT_EQ(response.status, 200) << response.body.dump();
        return response.body;
    }
};

TEST_F(QuoteShapeTest, QuotesTakeFacetsHistogramSnippetsAndDebug) {
    const nlohmann::json full = quotes({{"q", "regime"}});
    EXPECT_EQ(keys_of(full["facets"]), kAllFacets);
    EXPECT_TRUE(full.contains("histogram"));
    EXPECT_NE(full["hits"][0]["text"].get<std::string>().find("<mark>"), std::string::npos);
    const nlohmann::json lean = quotes({{"q", "regime"},
                                        {"facets", "speaker"},
                                        {"facet_size", "1"},
                                        {"histogram", "0"},
                                        {"snippets", "0"},
                                        {"debug", "1"}});
    EXPECT_EQ(keys_of(lean["facets"]), Keys{"speaker"});
    EXPECT_EQ(lean["facets"]["speaker"].size(), 1u);
    EXPECT_FALSE(lean.contains("histogram"));
    // snippets=0: the quote's words are not marked (no snippet generator run).
    EXPECT_EQ(lean["hits"][0]["text"].get<std::string>().find("<mark>"), std::string::npos);
    EXPECT_EQ(lean["timing"]["snippets_ms"], 0.0);
    EXPECT_EQ(lean["total"], full["total"]);
}

}  // namespace
}  // namespace broadsheet
