// shard_equivalence_test.cpp — the same corpus built by the real indexer as one database and as
// four kept shards (build --jobs 4 --keep-shards), served by two real servers on loopback: every
// endpoint answers the same over a fixed query table.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/running_server.h"

namespace broadsheet {
namespace {

using nlohmann::json;
using testing_support::run_command;
using testing_support::RunningServer;
using testing_support::TempDir;
using testing_support::write_file;

const std::filesystem::path kCorpus =
    std::filesystem::path(BROADSHEET_SOURCE_DIR) / "tests" / "corpus";

// How a response's hits must agree.
enum class HitOrder {
    Ranked,  // the same ids in the same order (queries whose top scores do not tie)
    ByDate,  // the same dates in the same order and the same ids (date ties may order either way)
    Whole,   // no hits, or the whole body must be equal
};

struct Row {
    const char* path;
    httplib::Params params;
    HitOrder order;
};

// Every row names what it proves; facet_size=1000 lists every facet value.
const Row kRows[] = {
    // Browsing everything: totals, all three facets, the histogram, newest first.
    {"/api/search", {{"facet_size", "1000"}, {"size", "100"}}, HitOrder::ByDate},
    // A word query ranked by relevance: BM25 statistics must combine across shards.
    {"/api/search", {{"q", "ceasefire"}, {"facet_size", "1000"}}, HitOrder::Ranked},
    // A broad word ranked by relevance, many matches spread over every shard.
    {"/api/search", {{"q", "government"}, {"facet_size", "1000"}}, HitOrder::Ranked},
    // Oldest first with a year histogram: undated matches last, dates ascending.
    {"/api/search",
     {{"sort", "oldest"}, {"interval", "year"}, {"facet_size", "1000"}, {"size", "100"}},
     HitOrder::ByDate},
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
    // A misspelt word: the spelling suggestion comes from every shard's spelling data.
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
    // The quote matrix by outlet and by month.
    {"/api/matrix", {{"limit", "100"}}, HitOrder::Whole},
    {"/api/matrix", {{"cols", "month"}, {"limit", "100"}}, HitOrder::Whole},
    // Suggestions by prefix.
    {"/api/suggest", {{"q", "sy"}}, HitOrder::Whole},
};

// The body without what measures time.
json comparable(json body) {
    if (body.is_object()) {
        body.erase("took_ms");
        body.erase("timing");
    }
    return body;
}

std::vector<std::string> ids_of(const json& hits) {
    std::vector<std::string> ids;
    for (const auto& hit : hits) ids.push_back(hit["id"]);
    return ids;
}

std::vector<json> dates_of(const json& hits) {
    std::vector<json> dates;
    for (const auto& hit : hits) dates.push_back(hit.value("date", json()));
    return dates;
}

// The ids of `hits` but those sharing the last hit's date when the page is cut (`cut`): ties
// at the cut may fall on either side of it.
std::vector<std::string> sorted_ids(const json& hits, bool cut) {
    std::vector<std::string> ids;
    for (const auto& hit : hits)
        if (!cut || hit.value("date", json()) != hits.back().value("date", json()))
            ids.push_back(hit["id"]);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void expect_same_hits(const json& one, const json& sharded, HitOrder order) {
    const json& hits = one["hits"];
    if (order == HitOrder::Ranked) {
        EXPECT_EQ(ids_of(hits), ids_of(sharded["hits"]));
        return;
    }
    EXPECT_EQ(dates_of(hits), dates_of(sharded["hits"]));
    const bool cut = one["total"].get<std::size_t>() > hits.size();
    EXPECT_EQ(sorted_ids(hits, cut), sorted_ids(sharded["hits"], cut));
}

class ShardedIndex : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        write_file(dir_->path() / "web" / "index.html", "<!doctype html><title>Broadsheet</title>");
        build(dir_->path() / "one", {"--jobs", "1"});
        build(dir_->path() / "four", {"--jobs", "4", "--keep-shards"});
        one_ = new RunningServer(dir_->path() / "one", dir_->path() / "web");
        four_ = new RunningServer(dir_->path() / "four", dir_->path() / "web");
    }
    static void TearDownTestSuite() {
        delete one_;
        delete four_;
        delete dir_;
    }
    static void build(const std::filesystem::path& index, std::vector<std::string> options) {
        std::vector<std::string> argv = {BROADSHEET_INDEXER, "build", kCorpus.string(), "--index",
                                         index.string()};
        argv.insert(argv.end(), options.begin(), options.end());
        const auto result = run_command(argv);
        ASSERT_EQ(result.exit_code, 0) << result.output;
    }
    static json get(const RunningServer* server, const std::string& path,
                    const httplib::Params& params) {
        return comparable(server->get_json(path, params));
    }
    static TempDir* dir_;
    static RunningServer* one_;
    static RunningServer* four_;
};
TempDir* ShardedIndex::dir_ = nullptr;
RunningServer* ShardedIndex::one_ = nullptr;
RunningServer* ShardedIndex::four_ = nullptr;

TEST_F(ShardedIndex, TheGenerationIsAManifestOfFourShards) {
    std::ifstream in(dir_->path() / "four" / "gen-000001" / "XAPIANDB");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "auto shard-0\nauto shard-1\nauto shard-2\nauto shard-3\n");
    for (int k = 0; k < 4; ++k)
        EXPECT_TRUE(std::filesystem::exists(dir_->path() / "four" / "gen-000001" /
                                            ("shard-" + std::to_string(k)) / "iamglass"))
            << k;
}

TEST_F(ShardedIndex, EveryTableRowAnswersTheSame) {
    for (const Row& row : kRows) {
        SCOPED_TRACE(httplib::append_query_params(row.path, row.params));
        json one = get(one_, row.path, row.params);
        json four = get(four_, row.path, row.params);
        if (row.order != HitOrder::Whole) {
            expect_same_hits(one, four, row.order);
            one.erase("hits");
            four.erase("hits");
        }
        EXPECT_EQ(one, four);
    }
}

TEST_F(ShardedIndex, ArticlesRelatedAndSpeakerPagesAnswerTheSame) {
    const json all = get(one_, "/api/search", {{"size", "100"}, {"facet_size", "1000"}});
    ASSERT_GT(all["hits"].size(), 4u);
    for (const auto& hit : all["hits"]) {
        const std::string id = httplib::detail::encode_query_param(hit["id"].get<std::string>());
        SCOPED_TRACE(id);
        EXPECT_EQ(get(one_, "/api/articles/" + id, {}), get(four_, "/api/articles/" + id, {}));
        EXPECT_EQ(get(one_, "/api/articles/" + id + "/related", {}),
                  get(four_, "/api/articles/" + id + "/related", {}));
    }
    for (const auto& value : all["facets"]["speaker"]) {
        const std::string name = value["value"];
        if (name == "(unknown)") continue;
        SCOPED_TRACE(name);
        const std::string path = "/api/speakers/" + httplib::detail::encode_query_param(name);
        EXPECT_EQ(get(one_, path, {}), get(four_, path, {}));
    }
}

TEST_F(ShardedIndex, ExportsAndHealthAgree) {
    for (const char* path : {"/api/search.jsonl", "/api/search.csv"}) {
        SCOPED_TRACE(path);
        auto one = one_->get(path, {{"sort", "oldest"}});
        auto four = four_->get(path, {{"sort", "oldest"}});
        ASSERT_TRUE(one && four);
        std::vector<std::string> a, b;
        std::istringstream one_lines(one->body), four_lines(four->body);
        for (std::string line; std::getline(one_lines, line);) a.push_back(line);
        for (std::string line; std::getline(four_lines, line);) b.push_back(line);
        EXPECT_GT(a.size(), 4u);
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        EXPECT_EQ(a, b);
    }
    json one = get(one_, "/api/health", {});
    json four = get(four_, "/api/health", {});
    EXPECT_EQ(one["documents"], four["documents"]);
    EXPECT_EQ(one["schema_version"], four["schema_version"]);
    EXPECT_FALSE(four["index_built"].get<std::string>().empty());
}

}  // namespace
}  // namespace broadsheet
