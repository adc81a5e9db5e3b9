// shard_equivalence.h — what the shard tests share: building tests/corpus with the real indexer
// in a given layout, and the fixed query table over which a server on shards must answer as one
// on a single database (totals, facets, histograms, hits, pages, exports).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/running_server.h"

namespace broadsheet::testing_support {

inline const std::filesystem::path kShardCorpus =
    std::filesystem::path(BROADSHEET_SOURCE_DIR) / "tests" / "corpus";

// Builds tests/corpus into `index` with extra `options` (e.g. --jobs 4 --keep-shards).
inline void build_corpus_index(const std::filesystem::path& index,
                               const std::vector<std::string>& options) {
    std::vector<std::string> argv = {BROADSHEET_INDEXER, "build", kShardCorpus.string(), "--index",
                                     index.string()};
    argv.insert(argv.end(), options.begin(), options.end());
    const auto result = run_command(argv);
    ASSERT_EQ(result.exit_code, 0) << result.output;
}

// How a response's hits must agree.
enum class HitOrder {
    Ranked,  // the same ids in the same order (queries whose top scores do not tie)
    ByDate,  // the same dates in the same order and the same ids (date ties may order either way)
    Whole,   // no hits, or the whole body must be equal
};

struct EquivalenceRow {
    const char* path;
    httplib::Params params;
    HitOrder order;
};

// Every row names what it proves; facet_size=1000 lists every facet value.
inline const EquivalenceRow kEquivalenceRows[] = {
    // Browsing everything: totals, all three facets, the histogram, newest first.
    {"/api/search", {{"facet_size", "1000"}, {"size", "100"}}, HitOrder::ByDate},
    // A word query ranked by relevance: BM25 statistics must combine across shards.
    {"/api/search", {{"q", "ceasefire"}, {"facet_size", "1000"}}, HitOrder::Ranked},
    // A broad word ranked by relevance, many matches spread over every shard.
    {"/api/search", {{"q", "government"}, {"facet_size", "1000"}}, HitOrder::Ranked},
    // The same word newest first: a date sort with hits and facets on one match.
    {"/api/search",
     {{"q", "government"}, {"sort", "newest"}, {"facet_size", "1000"}},
     HitOrder::ByDate},
    // Oldest first with a year histogram: undated matches last, dates ascending.
    {"/api/search",
     {{"sort", "oldest"}, {"interval", "year"}, {"facet_size", "1000"}, {"size", "100"}},
     HitOrder::ByDate},
    // Oldest first, the second page: the undated matches at the end of the order.
    {"/api/search", {{"sort", "oldest"}, {"page", "2"}, {"size", "100"}}, HitOrder::ByDate},
    // A selected outlet: the outlet facet counts on its own pass, ignoring the selection.
    {"/api/search",
     {{"outlet", "Bloomberg"}, {"facet_size", "1000"}, {"size", "100"}},
     HitOrder::ByDate},
    // An excluded speaker and the unknown outlet: the "(unknown)" rows of both facets.
    {"/api/search",
     {{"not_speaker", "John Kerry"},
      {"outlet", "(unknown)"},
      {"facet_size", "1000"},
      {"size", "100"}},
     HitOrder::ByDate},
    // A date range with day buckets.
    {"/api/search",
     {{"from", "2016-01-01"},
      {"to", "2017-12-31"},
      {"interval", "month"},
      {"facet_size", "1000"},
      {"size", "100"}},
     HitOrder::ByDate},
    // A misspelt word with no correction anywhere (kSpellingRows holds those with one).
    {"/api/search", {{"q", "ceasfire"}, {"facet_size", "1000"}}, HitOrder::Ranked},
    // Quotes browsed: their totals, facets and histogram (quote groups computed over all shards).
    {"/api/quotes", {{"facet_size", "1000"}, {"size", "100"}}, HitOrder::ByDate},
    // Quotes by a word, ranked.
    {"/api/quotes", {{"q", "russia"}, {"facet_size", "1000"}}, HitOrder::Ranked},
    // The facet typeahead lists, each from its own counting pass.
    {"/api/facets/outlet", {{"limit", "1000"}}, HitOrder::Whole},
    {"/api/facets/speaker", {{"limit", "1000"}}, HitOrder::Whole},
    {"/api/facets/year", {{"limit", "1000"}, {"q", "the"}}, HitOrder::Whole},
    // The speaker list: article and quote counts per speaker.
    {"/api/speakers", {{"limit", "100"}}, HitOrder::Whole},
    // The quote matrix by outlet and by month, all rows and only the largest (cells per row).
    {"/api/matrix", {{"limit", "100"}}, HitOrder::Whole},
    {"/api/matrix", {{"cols", "month"}, {"limit", "100"}}, HitOrder::Whole},
    {"/api/matrix", {{"limit", "3"}}, HitOrder::Whole},
    // Suggestions by prefix (one speaker; no title ranks tie with another).
    {"/api/suggest", {{"q", "sy"}}, HitOrder::Whole},
};

// A misspelt q and the suggestion one database gives for it; on tests/corpus, Xapian's own
// correction over 4 shards' separate spelling tables gives another answer (or none) for each.
struct SpellingRow {
    const char* q;
    const char* suggestion;
};

// Every row names what it proves.
inline const SpellingRow kSpellingRows[] = {
    // A dropped letter that the shards' separate tables correct to another word ("accepted").
    {"accouted", "accounted"},
    // A word none of 4 shards' tables corrects: only the merged table has its neighbour.
    {"anglcan", "anglican"},
    // A misspelt word in a phrase beside a correct one: the correction keeps the phrase.
    {"\"airlnes said\"", "\"airlines said\""},
};

// The body without what measures time.
inline nlohmann::json comparable(nlohmann::json body) {
    if (body.is_object()) {
        body.erase("took_ms");
        body.erase("timing");
    }
    return body;
}

inline nlohmann::json get_comparable(const RunningServer& server, const std::string& path,
                                     const httplib::Params& params) {
    return comparable(server.get_json(path, params));
}

// Checks that `hits` of a response on shards agree with `one`'s as `order` asks.
inline void expect_same_hits(const nlohmann::json& one, const nlohmann::json& sharded,
                             HitOrder order) {
    const auto ids_of = [](const nlohmann::json& hits) {
        std::vector<std::string> ids;
        for (const auto& hit : hits) ids.push_back(hit["id"]);
        return ids;
    };
    const auto dates_of = [](const nlohmann::json& hits) {
        std::vector<nlohmann::json> dates;
        for (const auto& hit : hits) dates.push_back(hit.value("date", nlohmann::json()));
        return dates;
    };
    // The ids but those sharing the last hit's date when the page is cut: ties at the cut may
    // fall on either side of it.
    const auto sorted_ids = [](const nlohmann::json& hits, bool cut) {
        std::vector<std::string> ids;
        if (hits.empty()) return ids;
        for (const auto& hit : hits)
            if (!cut ||
                hit.value("date", nlohmann::json()) != hits.back().value("date", nlohmann::json()))
                ids.push_back(hit["id"]);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    const nlohmann::json& hits = one["hits"];
    if (order == HitOrder::Ranked) {
        EXPECT_EQ(ids_of(hits), ids_of(sharded["hits"]));
        return;
    }
    EXPECT_EQ(dates_of(hits), dates_of(sharded["hits"]));
    if (hits.empty()) return;
    const bool cut = one["total"].get<std::size_t>() > hits.size();
    EXPECT_EQ(sorted_ids(hits, cut), sorted_ids(sharded["hits"], cut));
}

// Every misspelt q of kSpellingRows gets one database's suggestion, and the same whole answer,
// on `sharded`.
inline void expect_same_suggestions(const RunningServer& one, const RunningServer& sharded) {
    for (const SpellingRow& row : kSpellingRows) {
        SCOPED_TRACE(row.q);
        const httplib::Params params = {{"q", row.q}, {"facet_size", "1000"}};
        nlohmann::json a = get_comparable(one, "/api/search", params);
        nlohmann::json b = get_comparable(sharded, "/api/search", params);
        EXPECT_EQ(a["suggestion"], row.suggestion);
        expect_same_hits(a, b, HitOrder::Ranked);
        a.erase("hits");
        b.erase("hits");
        EXPECT_EQ(a, b);
    }
}

// Every row of kEquivalenceRows answers the same on `one` and `sharded`.
inline void expect_same_table(const RunningServer& one, const RunningServer& sharded) {
    for (const EquivalenceRow& row : kEquivalenceRows) {
        SCOPED_TRACE(httplib::append_query_params(row.path, row.params));
        nlohmann::json a = get_comparable(one, row.path, row.params);
        nlohmann::json b = get_comparable(sharded, row.path, row.params);
        if (row.order != HitOrder::Whole) {
            expect_same_hits(a, b, row.order);
            a.erase("hits");
            b.erase("hits");
        }
        EXPECT_EQ(a, b);
    }
}

// Every article page, related list and speaker page of the corpus answers the same.
inline void expect_same_pages(const RunningServer& one, const RunningServer& sharded) {
    const nlohmann::json all =
        get_comparable(one, "/api/search", {{"size", "100"}, {"facet_size", "1000"}});
    ASSERT_GT(all["hits"].size(), 4u);
    for (const auto& hit : all["hits"]) {
        const std::string id = httplib::detail::encode_query_param(hit["id"].get<std::string>());
        SCOPED_TRACE(id);
        EXPECT_EQ(get_comparable(one, "/api/articles/" + id, {}),
                  get_comparable(sharded, "/api/articles/" + id, {}));
        EXPECT_EQ(get_comparable(one, "/api/articles/" + id + "/related", {}),
                  get_comparable(sharded, "/api/articles/" + id + "/related", {}));
    }
    for (const auto& value : all["facets"]["speaker"]) {
        const std::string name = value["value"];
        if (name == "(unknown)") continue;
        SCOPED_TRACE(name);
        const std::string path = "/api/speakers/" + httplib::detail::encode_query_param(name);
        EXPECT_EQ(get_comparable(one, path, {}), get_comparable(sharded, path, {}));
    }
}

// Exports hold the same lines (in any order among date ties) and health the same counts.
inline void expect_same_exports(const RunningServer& one, const RunningServer& sharded) {
    for (const char* path : {"/api/search.jsonl", "/api/search.csv"}) {
        SCOPED_TRACE(path);
        auto a = one.get(path, {{"sort", "oldest"}});
        auto b = sharded.get(path, {{"sort", "oldest"}});
        ASSERT_TRUE(a && b);
        std::vector<std::string> lines_a, lines_b;
        std::istringstream in_a(a->body), in_b(b->body);
        for (std::string line; std::getline(in_a, line);) lines_a.push_back(line);
        for (std::string line; std::getline(in_b, line);) lines_b.push_back(line);
        EXPECT_GT(lines_a.size(), 4u);
        std::sort(lines_a.begin(), lines_a.end());
        std::sort(lines_b.begin(), lines_b.end());
        EXPECT_EQ(lines_a, lines_b);
    }
    const nlohmann::json health_a = get_comparable(one, "/api/health", {});
    const nlohmann::json health_b = get_comparable(sharded, "/api/health", {});
    EXPECT_EQ(health_a["documents"], health_b["documents"]);
    EXPECT_EQ(health_a["schema_version"], health_b["schema_version"]);
    EXPECT_FALSE(health_b["index_built"].get<std::string>().empty());
}

}  // namespace broadsheet::testing_support
