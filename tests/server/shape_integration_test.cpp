// shape_integration_test.cpp — the response shape parameters (facets, facet_size, histogram,
// snippets, fields, debug) of /api/search and /api/quotes, and /api/facets/{name}'s limit, over
// the real server on the seeds index; every response goes through the recording client, so the
// openapi tests validate these shapes against docs/openapi.yaml.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/running_server.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using nlohmann::json;
using testing_support::RunningServer;
using testing_support::seed_index;
using testing_support::TempDir;
using testing_support::write_file;

using Keys = std::set<std::string>;

const Keys kAllFacets = {"outlet", "speaker", "year"};
const Keys kAllArticleFields = {"id",     "title",    "date", "outlet",
                                "author", "speakers", "url",  "snippet"};
const Keys kAllQuoteFields = {"id",         "text",     "speaker", "cue",  "confidence",
                              "char_begin", "char_end", "article", "group"};

Keys keys_of(const json& object) {
    Keys keys;
    for (const auto& [key, value] : object.items()) keys.insert(key);
    return keys;
}

// Whether a part of the response is there.
enum class Part { Absent, Present };

Part part(const json& body, const char* key) {
    return body.contains(key) ? Part::Present : Part::Absent;
}

class ShapesOnSeeds : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        write_file(dir_->path() / "web" / "index.html", "<!doctype html><title>Broadsheet</title>");
        server_ = new RunningServer(seed_index(), dir_->path() / "web");
    }
    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
    }
    static TempDir* dir_;
    static RunningServer* server_;
};
TempDir* ShapesOnSeeds::dir_ = nullptr;
RunningServer* ShapesOnSeeds::server_ = nullptr;

// A shaped request and the parts its response must have, and only those.
struct ShapeCase {
    const char* why;
    const char* path;
    httplib::Params params;
    Keys facets;     // the keys of `facets`
    Keys hit_keys;   // the keys of every hit
    Part histogram;  // the `histogram` key
    Part timing;     // the `timing` key
};

void expect_shape(const RunningServer& server, const ShapeCase& c) {
    const json body = server.get_json(c.path, c.params);
    EXPECT_EQ(keys_of(body.at("facets")), c.facets) << c.why;
    ASSERT_FALSE(body.at("hits").empty()) << c.why;
    for (const auto& hit : body["hits"]) EXPECT_EQ(keys_of(hit), c.hit_keys) << c.why;
    EXPECT_EQ(part(body, "histogram"), c.histogram) << c.why;
    EXPECT_EQ(part(body, "timing"), c.timing) << c.why;
    if (c.timing == Part::Absent) return;
    EXPECT_EQ(keys_of(body.at("timing")),
              (Keys{"path", "match_ms", "facets_ms", "snippets_ms", "render_ms"}))
        << c.why;
    for (const auto& [phase, ms] : body["timing"].items()) {
        if (phase == "path") continue;  // which path served it, not a time
        EXPECT_GE(ms.get<double>(), 0.0) << c.why << " " << phase;
    }
}

TEST_F(ShapesOnSeeds, EachArticleShapeCarriesOnlyWhatItAskedFor) {
    const ShapeCase cases[] = {
        // No shape parameter: everything as before the parameters existed.
        {"defaults",
         "/api/search",
         {{"q", "syria"}},
         kAllFacets,
         kAllArticleFields,
         Part::Present,
         Part::Absent},
        // Ids alone: the smallest hit there is.
        {"fields=id",
         "/api/search",
         {{"fields", "id"}},
         kAllFacets,
         {"id"},
         Part::Present,
         Part::Absent},
        // Fields in any order, id implied; snippet listed but switched off by snippets=0.
        {"fields and snippets=0",
         "/api/search",
         {{"q", "syria"}, {"fields", "snippet,title"}, {"snippets", "0"}},
         kAllFacets,
         {"id", "title"},
         Part::Present,
         Part::Absent},
        // Every field listed explicitly is the default shape.
        {"every field listed",
         "/api/search",
         {{"fields", "url,speakers,author,outlet,date,title,snippet,id"}},
         kAllFacets,
         kAllArticleFields,
         Part::Present,
         Part::Absent},
        // `none` means no facet at all: `facets` is {}.
        {"facets=none",
         "/api/search",
         {{"facets", "none"}},
         {},
         kAllArticleFields,
         Part::Present,
         Part::Absent},
        // An empty facets is `none`, unlike every other empty parameter (absent).
        {"facets= (empty)",
         "/api/search",
         {{"facets", ""}},
         {},
         kAllArticleFields,
         Part::Present,
         Part::Absent},
        // A subset in any order.
        {"facets=year,outlet",
         "/api/search",
         {{"facets", "year,outlet"}},
         {"outlet", "year"},
         kAllArticleFields,
         Part::Present,
         Part::Absent},
        // The cheapest hits-with-metadata page: no histogram, no snippets.
        {"histogram=0&snippets=0",
         "/api/search",
         {{"q", "syria"}, {"histogram", "0"}, {"snippets", "0"}},
         kAllFacets,
         {"id", "title", "date", "outlet", "author", "speakers", "url"},
         Part::Absent,
         Part::Absent},
        // debug=1 with everything else off: the timing object still comes, whole.
        {"debug=1, nothing else",
         "/api/search",
         {{"q", "syria"},
          {"debug", "1"},
          {"facets", "none"},
          {"histogram", "0"},
          {"fields", "id"},
          {"facet_size", "1"}},
         {},
         {"id"},
         Part::Absent,
         Part::Present},
        // The explicit defaults equal the absent parameters.
        {"explicit defaults",
         "/api/search",
         {{"histogram", "1"}, {"snippets", "1"}, {"debug", "0"}, {"facet_size", "10"}},
         kAllFacets,
         kAllArticleFields,
         Part::Present,
         Part::Absent},
    };
    for (const auto& c : cases) expect_shape(*server_, c);
}

TEST_F(ShapesOnSeeds, EachQuoteShapeCarriesOnlyWhatItAskedFor) {
    const ShapeCase cases[] = {
        // Quotes by default: every facet, the histogram, whole quote hits.
        {"quotes defaults",
         "/api/quotes",
         {{"q", "syria"}},
         kAllFacets,
         kAllQuoteFields,
         Part::Present,
         Part::Absent},
        // Quotes take the same switches as articles.
        {"quotes facets=speaker, histogram=0, debug=1",
         "/api/quotes",
         {{"facets", "speaker"}, {"histogram", "0"}, {"debug", "1"}, {"facet_size", "1"}},
         {"speaker"},
         kAllQuoteFields,
         Part::Absent,
         Part::Present},
        // fields is not a quote parameter: ignored, like any parameter an endpoint lacks.
        {"quotes ignore fields",
         "/api/quotes",
         {{"fields", "id"}, {"facets", "none"}},
         {},
         kAllQuoteFields,
         Part::Present,
         Part::Absent},
    };
    for (const auto& c : cases) expect_shape(*server_, c);
}

TEST_F(ShapesOnSeeds, SnippetsNotMadeTakeNoTime) {
    // No snippet is made for ids alone, so no time is counted for one (not even a rounding).
    const json body =
        server_->get_json("/api/search", {{"q", "syria"}, {"fields", "id"}, {"debug", "1"}});
    EXPECT_EQ(body.at("timing").at("snippets_ms").get<double>(), 0.0) << body["timing"];
    const json made = server_->get_json("/api/search", {{"q", "syria"}, {"debug", "1"}});
    EXPECT_EQ(keys_of(made["hits"][0]).count("snippet"), 1u);
}

TEST_F(ShapesOnSeeds, TheShapeChangesNeitherHitsNorTotal) {
    const json full = server_->get_json("/api/search", {{"q", "syria"}});
    const json bare = server_->get_json(
        "/api/search", {{"q", "syria"}, {"fields", "id"}, {"facets", "none"}, {"histogram", "0"}});
    EXPECT_EQ(bare["total"], full["total"]);
    ASSERT_EQ(bare["hits"].size(), full["hits"].size());
    for (std::size_t i = 0; i < full["hits"].size(); ++i)
        EXPECT_EQ(bare["hits"][i]["id"], full["hits"][i]["id"]) << i;
}

TEST_F(ShapesOnSeeds, FacetSizeCutsOutletsButKeepsSelectionsAndUnknown) {
    // Three outlets of one article each and two articles without one.
    const json cut = server_->get_json("/api/search", {{"facets", "outlet"}, {"facet_size", "1"}});
    ASSERT_EQ(cut["facets"]["outlet"].size(), 2u) << cut.dump();
    EXPECT_EQ(cut["facets"]["outlet"][0]["value"], "Bloomberg");
    EXPECT_EQ(cut["facets"]["outlet"][1]["value"], "(unknown)");
    // A selected outlet past the cut is still listed, before (unknown).
    const json selected = server_->get_json(
        "/api/search", {{"facets", "outlet"}, {"facet_size", "1"}, {"outlet", "Sputnik"}});
    ASSERT_EQ(selected["facets"]["outlet"].size(), 3u) << selected.dump();
    EXPECT_EQ(selected["facets"]["outlet"][1]["value"], "Sputnik");
    EXPECT_EQ(selected["facets"]["outlet"][2]["value"], "(unknown)");
}

TEST_F(ShapesOnSeeds, QuoteSnippetsZeroLeavesTextUnmarked) {
    const json marked = server_->get_json("/api/quotes", {{"q", "syria"}});
    const json plain = server_->get_json("/api/quotes", {{"q", "syria"}, {"snippets", "0"}});
    ASSERT_FALSE(plain["hits"].empty());
    EXPECT_NE(marked["hits"][0]["text"].get<std::string>().find("<mark>"), std::string::npos);
    for (const auto& hit : plain["hits"])
        EXPECT_EQ(hit["text"].get<std::string>().find("<mark>"), std::string::npos) << hit;
}

TEST_F(ShapesOnSeeds, FacetValuesTakeALimitUpToAThousand) {
    const json all = server_->get_json("/api/facets/speaker", {{"limit", "1000"}});
    EXPECT_EQ(all["values"].size(), all["total_values"].get<std::size_t>());
    const json refused = server_->get_json("/api/facets/speaker", {{"limit", "1001"}}, 400);
    EXPECT_EQ(refused["error"]["code"], "invalid_argument");
}

TEST_F(ShapesOnSeeds, AnExactRepeatIsDroppedNotRefused) {
    // The HTTP layer drops a repeated name=value pair, so this is snippets=0 given once.
    const json body =
        server_->get_json("/api/search", {{"q", "syria"}, {"snippets", "0"}, {"snippets", "0"}});
    ASSERT_FALSE(body.at("hits").empty());
    EXPECT_EQ(keys_of(body["hits"][0]).count("snippet"), 0u) << body["hits"][0];
}

TEST_F(ShapesOnSeeds, BadShapeValuesAre400InvalidArgument) {
    struct Case {
        const char* why;
        const char* path;
        httplib::Params params;
    };
    const Case cases[] = {
        // Facet names are outlet, speaker and year only.
        {"unknown facet", "/api/search", {{"facets", "author"}}},
        {"empty item in facets", "/api/search", {{"facets", "outlet,,year"}}},
        {"trailing comma in facets", "/api/search", {{"facets", "outlet,"}}},
        // `none` stands alone; inside a list it is no facet name.
        {"none inside a list", "/api/search", {{"facets", "none,outlet"}}},
        {"facet_size zero", "/api/search", {{"facet_size", "0"}}},
        {"facet_size past 1000", "/api/search", {{"facet_size", "1001"}}},
        {"facet_size not a number", "/api/search", {{"facet_size", "ten"}}},
        // The switches are spelled 0 or 1, nothing else.
        {"histogram=2", "/api/search", {{"histogram", "2"}}},
        {"snippets=true", "/api/search", {{"snippets", "true"}}},
        {"debug=yes", "/api/search", {{"debug", "yes"}}},
        {"fields names a field hits lack", "/api/search", {{"fields", "body"}}},
        {"empty item in fields", "/api/search", {{"fields", "title,,url"}}},
        // Each shape parameter may appear once.
        {"histogram twice", "/api/search", {{"histogram", "0"}, {"histogram", "1"}}},
        {"fields twice", "/api/search", {{"fields", "id"}, {"fields", "title"}}},
        // Quotes validate the same parameters the same way.
        {"quotes facet_size zero", "/api/quotes", {{"facet_size", "0"}}},
        {"quotes unknown facet", "/api/quotes", {{"facets", "cue"}}},
        {"quotes debug=2", "/api/quotes", {{"debug", "2"}}},
        {"quotes snippets twice", "/api/quotes", {{"snippets", "0"}, {"snippets", "1"}}},
    };
    for (const auto& c : cases) {
        const json body = server_->get_json(c.path, c.params, 400);
        EXPECT_EQ(body.at("error").at("code"), "invalid_argument") << c.why;
        EXPECT_FALSE(body.at("error").at("message").get<std::string>().empty()) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
