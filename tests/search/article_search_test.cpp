// article_search_test.cpp — searches over a small real index: filters, exact facet semantics,
// sorting, paging, snippet escaping, article lookup and parameter limits.
#include "core/search/article_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/articles.h"
#include "core/search/search_context.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

std::size_t count_of(const std::vector<FacetValue>& facet, const std::string& value) {
    for (const auto& v : facet)
        if (v.value == value) return v.count;
    return 0;
}

class ArticleSearchTest : public ::testing::Test {
  protected:
    void SetUp() override {
        testing_support::write_index(dir_.path() / "db", testing_support::sample_articles());
        context_ = std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "db").string()));
    }
    SearchResult search(SearchParams params) { return search_articles(*context_, params); }

    TempDir dir_;
    std::unique_ptr<SearchContext> context_;
};

struct FilterCase {
    const char* why;
    SearchParams params;
    std::vector<std::string> expected_ids;  // in result order
};

TEST_F(ArticleSearchTest, FiltersAndSortOrders) {
    auto p = [](auto&& fill) {
        SearchParams params;
        fill(params);
        return params;
    };
    const FilterCase cases[] = {
        // Browsing sorts newest first, undated articles last.
        {"browse newest", p([](SearchParams&) {}), {"a2", "a1", "a4", "a3"}},
        // Oldest first still puts the undated article last.
        {"browse oldest",
         p([](SearchParams& s) { s.sort = SortOrder::Oldest; }),
         {"a4", "a1", "a2", "a3"}},
        // Outlets in one facet are ORed.
        {"outlets ORed",
         p([](SearchParams& s) {
             s.outlets = {"Sputnik", "The Moscow Times"};
         }),
         {"a2", "a3"}},
        // Speakers ORed, ANDed with the outlet facet.
        {"speaker AND outlet",
         p([](SearchParams& s) {
             s.outlets = {"Bloomberg"};
             s.speakers = {"John Kerry", "Maria Zakharova"};
         }),
         {"a1"}},
        // The exact speaker filter: one article.
        {"one speaker", p([](SearchParams& s) { s.speakers = {"Maria Zakharova"}; }), {"a2"}},
        // from/to inclusive on both ends; undated articles excluded.
        {"date range inclusive",
         p([](SearchParams& s) {
             s.from = Date::from_iso("2015-06-01");
             s.to = Date::from_iso("2016-02-12");
         }),
         {"a1", "a4"}},
        {"only from excludes undated",
         p([](SearchParams& s) { s.from = Date::from_iso("2017-11-17"); }),
         {"a2"}},
        // Words with a filter: ceasefire is in a1, a3, a4; Bloomberg leaves a1 and a4.
        {"words and outlet",
         p([](SearchParams& s) {
             s.q = "ceasefire";
             s.outlets = {"Bloomberg"};
             s.sort = SortOrder::Newest;
         }),
         {"a1", "a4"}},
        // An outlet nobody has matches nothing rather than being ignored.
        {"unknown outlet", p([](SearchParams& s) { s.outlets = {"Nobody"}; }), {}},
    };
    for (const auto& c : cases) {
        const SearchResult result = search(c.params);
        EXPECT_EQ(ids(result), c.expected_ids) << c.why;
        EXPECT_EQ(result.total, c.expected_ids.size()) << c.why;
    }
}

TEST_F(ArticleSearchTest, TitleMatchesRankAboveBodyMatches) {
    SearchParams params;
    params.q = "ceasefire";
    const auto found = ids(search(params));
    ASSERT_EQ(found.size(), 3u);
    // a3 mentions ceasefire only in its body; a1 and a4 in their headlines.
    EXPECT_EQ(found.back(), "a3");
}

TEST_F(ArticleSearchTest, FacetCountsAreExactAndIgnoreTheirOwnSelection) {
    SearchParams params;
    params.q = "ceasefire";
    params.outlets = {"Bloomberg"};
    const SearchResult result = search(params);
    EXPECT_EQ(result.total, 2u);
    // The outlet facet ignores the outlet selection: The Moscow Times still shows its count.
    ASSERT_EQ(result.facets.outlet.size(), 2u);
    EXPECT_EQ(result.facets.outlet[0].value, "Bloomberg");
    EXPECT_EQ(result.facets.outlet[0].count, 2u);
    EXPECT_EQ(result.facets.outlet[1].value, "The Moscow Times");
    EXPECT_EQ(result.facets.outlet[1].count, 1u);
    // Other facets respect the outlet selection: a3's John Kerry is not counted.
    EXPECT_EQ(count_of(result.facets.speaker, "John Kerry"), 1u);
    EXPECT_EQ(count_of(result.facets.speaker, "Sergei Lavrov"), 1u);
    EXPECT_EQ(count_of(result.facets.year, "2016"), 1u);
    EXPECT_EQ(count_of(result.facets.year, "2015"), 1u);
}

TEST_F(ArticleSearchTest, SkippingSummariesKeepsHitsAndTotalButComputesNoFacets) {
    SearchParams params;
    params.q = "ceasefire";
    params.outlets = {"Bloomberg"};
    params.sort = SortOrder::Newest;
    const SearchResult full = search(params);
    params.shape = kHitsOnly;
    const SearchResult lean = search(params);
    EXPECT_EQ(ids(lean), ids(full));
    EXPECT_EQ(lean.total, full.total);
    EXPECT_FALSE(full.facets.outlet.empty());
    EXPECT_TRUE(lean.facets.outlet.empty());
    EXPECT_TRUE(lean.facets.speaker.empty());
    EXPECT_TRUE(lean.facets.year.empty());
    EXPECT_TRUE(lean.histogram.buckets.empty());
    EXPECT_EQ(lean.histogram.undated, 0u);
}

// What one ResultShape computes, at the core (before any JSON): the parts left out stay empty
// and their phase takes no time, the hits and total never change.
enum class Part { Outlet, Speaker, Year, Histogram, Snippets };
constexpr EnumSet<Part> kEveryPart{Part::Outlet, Part::Speaker, Part::Year, Part::Histogram,
                                   Part::Snippets};

struct ShapeCase {
    const char* why;
    ResultShape shape;
    EnumSet<Part> computed;  // the parts that hold anything
};

TEST_F(ArticleSearchTest, EachShapeComputesOnlyWhatItAsks) {
    const ShapeCase cases[] = {
        {"the default computes everything", {}, kEveryPart},
        {"one facet",
         {.facets = {FacetName::Speaker}},
         {Part::Speaker, Part::Histogram, Part::Snippets}},
        {"no facets but the histogram", {.facets = {}}, {Part::Histogram, Part::Snippets}},
        {"the year facet without the histogram (both read the dates)",
         {.facets = {FacetName::Year}, .histogram = Compute::Skip},
         {Part::Year, Part::Snippets}},
        {"no snippets",
         {.snippets = Compute::Skip},
         {Part::Outlet, Part::Speaker, Part::Year, Part::Histogram}},
        {"fields without snippet make none either",
         {.fields = {HitField::Title}},
         {Part::Outlet, Part::Speaker, Part::Year, Part::Histogram}},
        {"hits only (the Atom feed): snippets but nothing counted", kHitsOnly, {Part::Snippets}},
    };
    SearchParams params;
    params.q = "ceasefire";
    const SearchResult full = search(params);
    for (const ShapeCase& c : cases) {
        SCOPED_TRACE(c.why);
        params.shape = c.shape;
        const SearchResult result = search(params);
        EXPECT_EQ(ids(result), ids(full));
        EXPECT_EQ(result.total, full.total);
        EXPECT_EQ(!result.facets.outlet.empty(), c.computed.contains(Part::Outlet));
        EXPECT_EQ(!result.facets.speaker.empty(), c.computed.contains(Part::Speaker));
        EXPECT_EQ(!result.facets.year.empty(), c.computed.contains(Part::Year));
        EXPECT_EQ(!result.histogram.buckets.empty(), c.computed.contains(Part::Histogram));
        const bool snippets = c.computed.contains(Part::Snippets);
        for (const Hit& hit : result.hits) EXPECT_EQ(!hit.snippet.empty(), snippets);
        if (!snippets) {
            EXPECT_EQ(result.timing.snippets_ms, 0.0);
        }
    }
}

// facet_size keeps the most frequent values, then the request's own selections and exclusions
// past the cut (with their counts), then (unknown).
TEST_F(ArticleSearchTest, FacetSizeCutsButKeepsSelectionsAndUnknown) {
    SearchParams params;
    params.shape.facet_size = 1;
    params.not_speakers = {"Maria Zakharova"};
    const SearchResult result = search(params);
    ASSERT_EQ(result.facets.speaker.size(), 3u);
    EXPECT_EQ(result.facets.speaker[0].value, "John Kerry");
    EXPECT_EQ(result.facets.speaker[1].value, "Maria Zakharova");
    EXPECT_EQ(result.facets.speaker[1].count, 1u);  // counted as if not excluded
    EXPECT_EQ(result.facets.speaker[2].value, std::string(kUnknownValue));
    ASSERT_EQ(result.facets.outlet.size(), 1u);  // every article has an outlet
    EXPECT_EQ(result.facets.outlet[0].value, "Bloomberg");
    // Years are never cut: 2015 and 2016 (2017's one article quotes the excluded speaker).
    EXPECT_EQ(result.facets.year.size(), 2u);
}

TEST_F(ArticleSearchTest, SpeakerFacetIgnoresSpeakerSelectionButNotOthers) {
    SearchParams params;
    params.speakers = {"Maria Zakharova"};
    const SearchResult result = search(params);
    EXPECT_EQ(result.total, 1u);
    EXPECT_EQ(count_of(result.facets.speaker, "John Kerry"), 2u);
    EXPECT_EQ(count_of(result.facets.speaker, "Maria Zakharova"), 1u);
    // The outlet facet follows the speaker selection.
    ASSERT_EQ(result.facets.outlet.size(), 1u);
    EXPECT_EQ(result.facets.outlet[0].value, "Sputnik");
}

TEST_F(ArticleSearchTest, FacetsSortByCountThenValue) {
    const SearchResult result = search(SearchParams{});
    std::vector<std::string> speakers;
    for (const auto& v : result.facets.speaker) speakers.push_back(v.value);
    // John Kerry has 2; those with 1 follow alphabetically; a4, without speakers, is counted
    // as "(unknown)", always last.
    EXPECT_EQ(speakers, (std::vector<std::string>{"John Kerry", "Maria Zakharova", "Sergei Lavrov",
                                                  std::string(kUnknownValue)}));
    EXPECT_EQ(result.facets.outlet.front().value, "Bloomberg");
    EXPECT_EQ(result.facets.year.size(), 3u);  // the undated article has no year
}

TEST_F(ArticleSearchTest, PagesThroughHitsWithAStableTotal) {
    SearchParams params;
    params.size = 1;
    params.page = 2;
    const SearchResult result = search(params);
    EXPECT_EQ(ids(result), std::vector<std::string>{"a1"});
    EXPECT_EQ(result.total, 4u);
    params.page = 5;
    EXPECT_TRUE(search(params).hits.empty());
}

TEST_F(ArticleSearchTest, SnippetEscapesHtmlAndMarksMatches) {
    SearchParams params;
    params.q = "alert";
    const SearchResult result = search(params);
    ASSERT_EQ(result.hits.size(), 1u);
    const std::string& snippet = result.hits[0].snippet;
    EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("<mark>alert</mark>"), std::string::npos) << snippet;
}

TEST_F(ArticleSearchTest, WithoutMatchingWordsTheSnippetIsTheEscapedStart) {
    SearchParams params;
    params.outlets = {"The Moscow Times"};  // browsing: no query word to centre a snippet on
    const SearchResult result = search(params);
    ASSERT_EQ(result.hits.size(), 1u);
    EXPECT_EQ(result.hits[0].snippet.rfind("Readers saw &lt;script&gt;alert(1)&lt;/script&gt;", 0),
              0u)
        << result.hits[0].snippet;
}

TEST_F(ArticleSearchTest, HitsCarryArticleMetadata) {
    SearchParams params;
    params.speakers = {"Maria Zakharova"};
    const SearchResult result = search(params);
    ASSERT_EQ(result.hits.size(), 1u);
    const Hit& hit = result.hits[0];
    EXPECT_EQ(hit.title, "Moscow comments on sanctions");
    EXPECT_EQ(hit.outlet, "Sputnik");
    ASSERT_TRUE(hit.date.has_value());
    EXPECT_EQ(hit.date->iso(), "2017-11-17");
    EXPECT_EQ(hit.speakers, std::vector<std::string>{"Maria Zakharova"});
    EXPECT_FALSE(hit.snippet.empty());
}

TEST_F(ArticleSearchTest, LooksUpArticlesById) {
    const Article article = find_article(*context_, "a2");
    EXPECT_EQ(article.title, "Moscow comments on sanctions");
    EXPECT_NE(article.body.find("sanctions"), std::string::npos);
    for (const char* id : {"missing", "", "a2~q1"}) {
        try {
            find_article(*context_, id);
            ADD_FAILURE() << "found an article for id '" << id << "'";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::NotFound) << id;
        }
    }
}

TEST_F(ArticleSearchTest, ReportsIndexFacts) {
    const IndexInfo info = index_info(*context_);
    EXPECT_EQ(info.documents, 4u);
    EXPECT_EQ(info.schema_version, kSchemaVersion);
    EXPECT_EQ(info.built_at, "2026-11-23T17:00:00Z");
}

struct LimitCase {
    const char* why;
    SearchParams params;
    const char* names;  // the parameter the message must name
};

TEST_F(ArticleSearchTest, RefusesParamsOutsideTheLimits) {
    auto p = [](auto&& fill) {
        SearchParams params;
        fill(params);
        return params;
    };
    const LimitCase cases[] = {
        {"size zero", p([](SearchParams& s) { s.size = 0; }), "size"},
        {"size over 100", p([](SearchParams& s) { s.size = 101; }), "size"},
        {"page zero", p([](SearchParams& s) { s.page = 0; }), "page"},
        // page × size over the result window: deep paging costs a full sort.
        {"window", p([](SearchParams& s) {
             s.page = 101;
             s.size = 100;
         }),
         "page"},
        {"long q", p([](SearchParams& s) { s.q = std::string(kMaxQueryBytes + 1, 'a'); }), "q"},
    };
    for (const auto& c : cases) {
        try {
            search(c.params);
            ADD_FAILURE() << c.why << ": accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << c.why;
            EXPECT_EQ(std::string(e.what()).rfind(c.names, 0), 0u) << c.why << ": " << e.what();
        }
    }
}

TEST_F(ArticleSearchTest, QuerySyntaxErrorsAreInvalidQuery) {
    SearchParams params;
    params.q = "title:(";
    try {
        search(params);
        FAIL() << "title:( must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidQuery);
    }
}

TEST_F(ArticleSearchTest, SeesCommitsAfterReopen) {
    {
        Xapian::WritableDatabase db((dir_.path() / "db").string(), Xapian::DB_OPEN);
        const Article extra = testing_support::make_article(
            "a5", "Ceasefire holds", "The ceasefire held overnight.", "Sputnik", {}, "2018-01-01");
        db.replace_document(unique_term(extra), make_article_document(extra, &db));
        db.commit();
    }
    EXPECT_EQ(search(SearchParams{}).total, 4u);  // a handle reads one revision until reopen
    context_->reopen();
    EXPECT_EQ(search(SearchParams{}).total, 5u);
}

}  // namespace
}  // namespace broadsheet
