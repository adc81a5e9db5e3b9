// browse_equivalence_test.cpp — a browse served from the facet columns (no match; outlet,
// speaker and date filters) gives the body the match gives, byte for byte but took_ms and
// timing: the same requests through the same search context with its browse path on and off,
// over the real indexer's build of the test corpora as one database, and as four kept shards,
// which have no columns and so match.
#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/search/article_search.h"
#include "core/search/index_pool.h"
#include "server/formats/search_json.h"
#include "tests/support/files.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::run_command;
using testing_support::TempDir;

const fs::path kSource = BROADSHEET_SOURCE_DIR;

// Whether a row matches articles: a row meant to prove counts must not pass by matching none.
enum class Matches { Some, None, Either };

struct Row {
    const char* why;
    SearchParams params;
    SearchPath path;  // what serves it on one database with the columns path on
    Matches matches = Matches::Some;
};

SearchParams browse(std::initializer_list<void (*)(SearchParams&)> changes = {}) {
    SearchParams params;
    for (auto change : changes) change(params);
    return params;
}

const std::vector<Row>& rows() {
    static const std::vector<Row> table = {
        {"the bare browse: first page, every facet, the histogram", browse(), SearchPath::Columns},
        {"a page past the first, cut inside a run of equal dates", browse({[](SearchParams& p) {
             p.page = 3;
             p.size = 7;
         }}),
         SearchPath::Columns},
        {"every article on one page with every facet value: all ties in order",
         browse({[](SearchParams& p) {
             p.size = 100;
             p.shape.facet_size = 1000;
         }}),
         SearchPath::Columns},
        {"a page past the last: no hits, the same total and facets", browse({[](SearchParams& p) {
             p.page = 90;
             p.size = 100;
         }}),
         SearchPath::Columns},
        {"facet_size 1: the cut keeps (unknown) past it",
         browse({[](SearchParams& p) { p.shape.facet_size = 1; }}), SearchPath::Columns},
        {"histogram=0: no histogram counted",
         browse({[](SearchParams& p) { p.shape.histogram = Compute::Skip; }}), SearchPath::Columns},
        {"facets=none and histogram=0: nothing counted, only the page",
         browse({[](SearchParams& p) {
             p.shape.facets = {};
             p.shape.histogram = Compute::Skip;
         }}),
         SearchPath::Columns},
        {"only the year facet: dates counted without the histogram", browse({[](SearchParams& p) {
             p.shape.facets = {FacetName::Year};
             p.shape.histogram = Compute::Skip;
         }}),
         SearchPath::Columns},
        {"fields=title,date without snippets: hits shaped the same", browse({[](SearchParams& p) {
             p.shape.fields = {HitField::Title, HitField::Date};
             p.shape.snippets = Compute::Skip;
         }}),
         SearchPath::Columns},
        {"oldest first, all on one page: dates ascending, each date's ids alike, undated last",
         browse({[](SearchParams& p) {
             p.sort = SortOrder::Oldest;
             p.size = 100;
         }}),
         SearchPath::Columns},
        {"oldest first, a middle page", browse({[](SearchParams& p) {
             p.sort = SortOrder::Oldest;
             p.page = 4;
             p.size = 6;
         }}),
         SearchPath::Columns},
        {"oldest first, the page where the undated articles start", browse({[](SearchParams& p) {
             p.sort = SortOrder::Oldest;
             p.page = 7;
             p.size = 10;
         }}),
         SearchPath::Columns},
        {"newest first, an explicit sort", browse({[](SearchParams& p) {
             p.sort = SortOrder::Newest;
             p.size = 50;
         }}),
         SearchPath::Columns},
        {"a date range with month buckets: undated articles drop out", browse({[](SearchParams& p) {
             p.from = Date::make(2016, 1, 1);
             p.to = Date::make(2018, 12, 31);
             p.interval = HistogramInterval::Month;
             p.size = 100;
         }}),
         SearchPath::Columns},
        {"from only, oldest first", browse({[](SearchParams& p) {
             p.from = Date::make(2017, 6, 15);
             p.sort = SortOrder::Oldest;
             p.size = 100;
         }}),
         SearchPath::Columns},
        {"to only, year buckets", browse({[](SearchParams& p) {
             p.to = Date::make(2017, 6, 15);
             p.interval = HistogramInterval::Year;
         }}),
         SearchPath::Columns},
        {"a range one day wide", browse({[](SearchParams& p) {
             p.from = Date::make(2017, 11, 17);
             p.to = Date::make(2017, 11, 17);
         }}),
         SearchPath::Columns, Matches::Either},
        {"a range after every article: nothing",
         browse({[](SearchParams& p) { p.from = Date::make(2090, 1, 1); }}), SearchPath::Columns,
         Matches::None},
        {"relevance without q: a sort the columns do not serve", browse({[](SearchParams& p) {
             p.sort = SortOrder::Relevance;
             p.size = 100;
         }}),
         SearchPath::Match},
        {"a selected outlet: its facet counts without the selection, the rest with it",
         browse({[](SearchParams& p) {
             p.outlets = {"Bloomberg"};
             p.shape.facet_size = 1000;
         }}),
         SearchPath::Columns},
        {"a selected outlet past a facet_size of 1: kept in its list after the cut",
         browse({[](SearchParams& p) {
             p.outlets = {"Bloomberg"};
             p.shape.facet_size = 1;
         }}),
         SearchPath::Columns},
        {"an excluded speaker, oldest first, every hit", browse({[](SearchParams& p) {
             p.not_speakers = {"John Kerry"};
             p.sort = SortOrder::Oldest;
             p.size = 100;
         }}),
         SearchPath::Columns},
        {"the unknown outlet and an excluded unknown speaker: the missing-value terms",
         browse({[](SearchParams& p) {
             p.outlets = {"(unknown)"};
             p.not_speakers = {"(unknown)"};
             p.size = 100;
         }}),
         SearchPath::Columns},
        {"two outlets, a speaker and a date range, a second page of 3",
         browse({[](SearchParams& p) {
             p.outlets = {"Bloomberg", "(unknown)"};
             p.speakers = {"John Kerry", "(unknown)"};
             p.from = Date::make(2010, 1, 1);
             p.page = 2;
             p.size = 3;
         }}),
         SearchPath::Columns},
        {"an outlet excluded and selected at once: nothing matches", browse({[](SearchParams& p) {
             p.outlets = {"Bloomberg"};
             p.not_outlets = {"Bloomberg"};
         }}),
         SearchPath::Columns, Matches::None},
        {"an outlet no document has: no matches, its count listed as the match lists it",
         browse({[](SearchParams& p) { p.outlets = {"No Such Outlet"}; }}), SearchPath::Columns,
         Matches::None},
        {"an empty outlet value: no term, so no filter at all",
         browse({[](SearchParams& p) { p.outlets = {""}; }}), SearchPath::Columns},
        {"only the speaker facet under a speaker selection, no histogram",
         browse({[](SearchParams& p) {
             p.speakers = {"John Kerry"};
             p.shape.facets = {FacetName::Speaker};
             p.shape.histogram = Compute::Skip;
         }}),
         SearchPath::Columns},
        {"an outlet name too long for a term: the match",
         browse({[](SearchParams& p) { p.outlets = {std::string(300, 'x')}; }}), SearchPath::Match,
         Matches::None},
        {"words: the match", browse({[](SearchParams& p) { p.q = "government"; }}),
         SearchPath::Match},
    };
    return table;
}

// The body as the server sends it, without what measures time.
std::string body_of(const SearchResult& result) {
    nlohmann::json body = render(result);
    body.erase("took_ms");
    body.erase("timing");
    return body.dump();
}

class BrowseEquivalence : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const fs::path corpus = dir_->path() / "corpus";
        testing_support::copy_files_into({kSource / "corpus", kSource / "tests" / "corpus"},
                                         corpus);
        build(corpus, "one", {"--jobs", "1"});
        build(corpus, "four", {"--jobs", "4", "--keep-shards"});
    }
    static void TearDownTestSuite() { delete dir_; }

    static void build(const fs::path& corpus, const char* name, std::vector<std::string> options) {
        std::vector<std::string> argv = {BROADSHEET_INDEXER, "build", corpus.string(), "--index",
                                         (dir_->path() / name).string()};
        argv.insert(argv.end(), options.begin(), options.end());
        const auto built = run_command(argv);
        // The labelled corpus holds broken files on purpose: the indexer skips them.
        ASSERT_TRUE(fs::exists(dir_->path() / name / "XAPIANDB")) << built.output;
    }

    static TempDir* dir_;
};
TempDir* BrowseEquivalence::dir_ = nullptr;

TEST_F(BrowseEquivalence, ColumnsAnswerWhatTheMatchAnswers) {
    IndexPoolConfig config;
    config.dir = dir_->path() / "one";
    IndexPool pool(config);
    IndexPool::Lease context = pool.lease();
    ASSERT_NE(context->columns(), nullptr);
    ASSERT_GT(context->columns()->articles(), 50u);
    for (const Row& row : rows()) {
        SCOPED_TRACE(row.why);
        context->set_browse_path(BrowsePath::Match);
        const SearchResult matched = search_articles(*context, row.params);
        EXPECT_EQ(matched.timing.path, SearchPath::Match);
        context->set_browse_path(BrowsePath::Columns);
        const SearchResult browsed = search_articles(*context, row.params);
        EXPECT_EQ(browsed.timing.path, row.path);
        EXPECT_EQ(body_of(browsed), body_of(matched));
        if (row.matches != Matches::Either) {
            EXPECT_EQ(matched.total > 0, row.matches == Matches::Some) << matched.total;
        }
    }
}

// Pages of 7 walked to the end both ways: each page boundary falls somewhere else in the runs of
// equal dates and in the undated tail.
TEST_F(BrowseEquivalence, EveryPageOfEitherOrderAgrees) {
    IndexPoolConfig config;
    config.dir = dir_->path() / "one";
    IndexPool pool(config);
    IndexPool::Lease context = pool.lease();
    for (const SortOrder order : {SortOrder::Newest, SortOrder::Oldest}) {
        SearchParams params;
        params.sort = order;
        params.size = 7;
        params.shape.facets = {};
        params.shape.histogram = Compute::Skip;
        std::size_t seen = 0;
        for (params.page = 1; seen == 0 || (params.page - 1) * params.size < seen; ++params.page) {
            SCOPED_TRACE(testing::Message()
                         << "page " << params.page
                         << (order == SortOrder::Oldest ? " oldest" : " newest"));
            context->set_browse_path(BrowsePath::Match);
            const SearchResult matched = search_articles(*context, params);
            context->set_browse_path(BrowsePath::Columns);
            const SearchResult browsed = search_articles(*context, params);
            EXPECT_EQ(browsed.timing.path, SearchPath::Columns);
            EXPECT_EQ(body_of(browsed), body_of(matched));
            seen = matched.total;
            ASSERT_GT(seen, 0u);
        }
    }
}

TEST_F(BrowseEquivalence, ShardsHaveNoColumnsAndMatch) {
    IndexPoolConfig config;
    config.dir = dir_->path() / "four";
    IndexPool pool(config);
    IndexPool::Lease context = pool.lease();
    EXPECT_EQ(context->columns(), nullptr);
    for (const Row& row : rows()) {
        SCOPED_TRACE(row.why);
        const SearchResult result = search_articles(*context, row.params);
        EXPECT_EQ(result.timing.path, SearchPath::Match);
    }
}

TEST_F(BrowseEquivalence, AForcedIntervalTooFineFailsAlike) {
    IndexPoolConfig config;
    config.dir = dir_->path() / "one";
    IndexPool pool(config);
    IndexPool::Lease context = pool.lease();
    SearchParams params;
    params.interval = HistogramInterval::Day;  // the corpora span years: too many buckets
    std::string messages[2];
    for (const BrowsePath path : {BrowsePath::Match, BrowsePath::Columns}) {
        context->set_browse_path(path);
        try {
            search_articles(*context, params);
            ADD_FAILURE() << "no error";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
            messages[path == BrowsePath::Columns] = e.what();
        }
    }
    EXPECT_EQ(messages[0], messages[1]);
}

}  // namespace
}  // namespace broadsheet
