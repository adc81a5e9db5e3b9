// quote_search_test.cpp — quote search, speakers, speaker profiles and the matrix over a small
// real index whose quote documents come from the indexer's own make_quote_document().
#include "core/search/quote_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/article_search.h"
#include "core/search/articles.h"
#include "core/search/matrix.h"
#include "core/search/search_context.h"
#include "core/search/speakers.h"
#include "tests/search/quote_index.h"

namespace broadsheet {
namespace {

using testing_support::kLongQuote;
using testing_support::TempDir;
using testing_support::write_quote_index;

std::size_t count_of(const std::vector<FacetValue>& facet, const std::string& value) {
    for (const auto& v : facet)
        if (v.value == value) return v.count;
    return 0;
}

std::vector<std::string> ids(const QuoteSearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

class QuoteSearchTest : public ::testing::Test {
  protected:
    void SetUp() override {
        write_quote_index(dir_.path() / "db");
        context_ = std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "db").string()));
    }
    QuoteSearchResult quotes(SearchParams params) { return search_quotes(*context_, params); }

    TempDir dir_;
    std::unique_ptr<SearchContext> context_;
};

struct QuoteCase {
    const char* why;
    SearchParams params;
    std::vector<std::string> expected_ids;  // in result order
};

TEST_F(QuoteSearchTest, FiltersAndOrders) {
    auto p = [](auto&& fill) {
        SearchParams params;
        fill(params);
        return params;
    };
    const QuoteCase cases[] = {
        // Browsing: newest first, undated quotes last (ties keep document order).
        {"browse newest",
         p([](SearchParams&) {}),
         {"a2~q1", "a2~q2", "a1~q1", "a1~q2", "a3~q1", "a3~q2"}},
        // A phrase inside a quote finds both reports of it (equal weights: ordered by date).
        {"phrase",
         p([](SearchParams& s) {
             s.q = "\"regime change\"";
             s.sort = SortOrder::Newest;
         }),
         {"a2~q1", "a1~q1"}},
        // The exact speaker filter.
        {"speaker", p([](SearchParams& s) { s.speakers = {"Sergei Lavrov"}; }), {"a1~q2", "a3~q2"}},
        // min_confidence drops Zakharova (0.4) and the unattributed quote (0).
        {"min confidence",
         p([](SearchParams& s) { s.min_confidence = 0.5; }),
         {"a2~q1", "a1~q1", "a1~q2", "a3~q2"}},
        // The boundary is inclusive.
        {"min confidence inclusive",
         p([](SearchParams& s) { s.min_confidence = 0.9; }),
         {"a2~q1", "a1~q1"}},
        // Outlet and date filters as in article search.
        {"outlet and from",
         p([](SearchParams& s) {
             s.outlets = {"Sputnik", "Bloomberg"};
             s.from = Date::from_iso("2017-01-01");
         }),
         {"a2~q1", "a2~q2"}},
        // Oldest first.
        {"oldest",
         p([](SearchParams& s) {
             s.speakers = {"John Kerry"};
             s.sort = SortOrder::Oldest;
         }),
         {"a1~q1", "a2~q1"}},
        // Words found only in article bodies do not match quotes.
        {"article words", p([](SearchParams& s) { s.q = "geneva"; }), {}},
    };
    for (const auto& c : cases) {
        const auto result = quotes(c.params);
        EXPECT_EQ(ids(result), c.expected_ids) << c.why;
        EXPECT_EQ(result.total, c.expected_ids.size()) << c.why;
    }
}

TEST_F(QuoteSearchTest, FacetsIgnoreTheirOwnSelection) {
    SearchParams params;
    params.speakers = {"John Kerry"};
    const auto result = quotes(params);
    EXPECT_EQ(result.total, 2u);
    EXPECT_EQ(count_of(result.facets.outlet, "Bloomberg"), 1u);
    EXPECT_EQ(count_of(result.facets.outlet, "Sputnik"), 1u);
    EXPECT_EQ(count_of(result.facets.outlet, "The Moscow Times"), 0u);
    // The speaker facet ignores the speaker selection: the other speakers still show.
    EXPECT_EQ(count_of(result.facets.speaker, "Sergei Lavrov"), 2u);
    EXPECT_EQ(count_of(result.facets.speaker, "John Kerry"), 2u);
    EXPECT_EQ(count_of(result.facets.year, "2016"), 1u);
}

TEST_F(QuoteSearchTest, HitsCarryTheWholeEscapedMarkedQuoteAndItsGroup) {
    SearchParams params;
    params.q = "regime";
    params.sort = SortOrder::Oldest;
    auto result = quotes(params);
    ASSERT_EQ(result.hits.size(), 2u);
    const QuoteHit& hit = result.hits[0];
    EXPECT_EQ(hit.id, "a1~q1");
    EXPECT_EQ(hit.text, "We are not seeking <mark>regime</mark> change in Syria");
    EXPECT_EQ(hit.speaker, "John Kerry");
    EXPECT_EQ(hit.cue, "said");
    EXPECT_DOUBLE_EQ(hit.confidence, 0.9);
    EXPECT_EQ(hit.article.id, "a1");
    EXPECT_EQ(hit.article.outlet, "Bloomberg");
    ASSERT_TRUE(hit.group);
    EXPECT_EQ(hit.group->id, "a1~q1");
    EXPECT_EQ(hit.group->size, 2u);
    EXPECT_EQ(hit.group->first_seen, Date::from_iso("2016-02-12"));
    EXPECT_EQ(result.hits[1].group->id, "a1~q1");

    // A phrase is marked as one span.
    params = {};
    params.q = "\"regime change\"";
    EXPECT_NE(quotes(params).hits.at(0).text.find("<mark>regime change</mark> in Syria"),
              std::string::npos);

    // Stemming: "seek" marks "seeking".
    params = {};
    params.q = "seek";
    EXPECT_NE(quotes(params).hits[0].text.find("<mark>seeking</mark>"), std::string::npos);

    params.q = "diplomacy";
    result = quotes(params);
    ASSERT_EQ(result.hits.size(), 1u);
    EXPECT_EQ(result.hits[0].text,
              "&lt;script&gt;alert(1)&lt;/script&gt; is not <mark>diplomacy</mark>!");

    // Browsing: escaped, nothing marked.
    params = {};
    params.speakers = {"Maria Zakharova"};
    EXPECT_EQ(quotes(params).hits.at(0).text,
              "&lt;script&gt;alert(1)&lt;/script&gt; is not diplomacy!");

    // A long quote comes back whole, marked at its end.
    params = {};
    params.q = "armistice";
    result = quotes(params);
    ASSERT_EQ(result.hits.size(), 1u);
    EXPECT_EQ(result.hits[0].text.find("This sentence is long"), 0u);
    EXPECT_NE(result.hits[0].text.find("<mark>armistice</mark>, must still be there for a reader."),
              std::string::npos);
}

TEST_F(QuoteSearchTest, ArticleSearchStillSeesOnlyArticles) {
    SearchParams params;
    EXPECT_EQ(search_articles(*context_, params).total, 3u);
    params.min_confidence = 0.5;  // meaningless for articles: ignored
    EXPECT_EQ(search_articles(*context_, params).total, 3u);
}

TEST_F(QuoteSearchTest, RefusesConfidenceOutsideZeroToOne) {
    for (double bad : {-0.1, 1.5}) {
        SearchParams params;
        params.min_confidence = bad;
        EXPECT_THROW(quotes(params), Error) << bad;
    }
}

TEST_F(QuoteSearchTest, ArticleQuotesKnowTheirGroups) {
    const Article article = find_article(*context_, "a2");
    const auto groups = quote_groups(*context_, article);
    ASSERT_EQ(groups.size(), 2u);
    ASSERT_TRUE(groups[0] && groups[1]);
    EXPECT_EQ(groups[0]->id, "a1~q1");
    EXPECT_EQ(groups[0]->size, 2u);
    EXPECT_EQ(groups[1]->id, "a2~q2");
    EXPECT_EQ(groups[1]->size, 1u);
    EXPECT_EQ(groups[1]->first_seen, Date::from_iso("2017-11-17"));
}

struct SpeakersCase {
    const char* why;
    SpeakersParams params;
    std::vector<std::string> expected;  // names in order
};

TEST_F(QuoteSearchTest, SpeakersByPrefix) {
    const SpeakersCase cases[] = {
        // Everyone, by quotes then name (Kerry and Lavrov have 2 each).
        {"all", {}, {"John Kerry", "Sergei Lavrov", "Maria Zakharova"}},
        // Case-insensitive, any word of the name.
        {"surname prefix", {"ker", 20}, {"John Kerry"}},
        {"first-name prefix", {"MAR", 20}, {"Maria Zakharova"}},
        // Not in the middle of a word.
        {"inside a word", {"erry", 20}, {}},
        // The limit keeps the first ones.
        {"limit", {"", 1}, {"John Kerry"}},
    };
    for (const auto& c : cases) {
        std::vector<std::string> names;
        for (const auto& s : speakers(*context_, c.params)) names.push_back(s.name);
        EXPECT_EQ(names, c.expected) << c.why;
    }
    const auto kerry = speakers(*context_, {"kerry", 20}).at(0);
    EXPECT_EQ(kerry.quotes, 2u);
    EXPECT_EQ(kerry.articles, 2u);
    EXPECT_THROW(speakers(*context_, {"", 0}), Error);
    EXPECT_THROW(speakers(*context_, {"", kMaxSpeakerLimit + 1}), Error);
}

TEST_F(QuoteSearchTest, SpeakerProfile) {
    const SpeakerProfile kerry = speaker_profile(*context_, "John Kerry");
    EXPECT_EQ(kerry.summary.quotes, 2u);
    EXPECT_EQ(kerry.summary.articles, 2u);
    EXPECT_EQ(count_of(kerry.outlets, "Bloomberg"), 1u);
    EXPECT_EQ(count_of(kerry.outlets, "Sputnik"), 1u);
    ASSERT_EQ(kerry.per_month.size(), 2u);
    EXPECT_EQ(kerry.per_month[0].month, "2016-02");
    EXPECT_EQ(kerry.per_month[1].month, "2017-11");
    std::vector<std::string> terms;
    for (const auto& t : kerry.terms) terms.push_back(t.term);
    EXPECT_NE(std::find(terms.begin(), terms.end(), "regime"), terms.end());
    for (const char* dropped : {"we", "are", "not", "in", "Zregim"})
        EXPECT_EQ(std::find(terms.begin(), terms.end(), dropped), terms.end()) << dropped;
    ASSERT_EQ(kerry.recent_quotes.size(), 2u);
    EXPECT_EQ(kerry.recent_quotes[0].id, "a2~q1");  // newest first

    try {
        speaker_profile(*context_, "Nobody Known");
        ADD_FAILURE() << "unknown speaker accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

TEST_F(QuoteSearchTest, MatrixCountsAgreeWithQuoteSearch) {
    for (const MatrixColumns cols : {MatrixColumns::Outlet, MatrixColumns::Month}) {
        MatrixParams params;
        params.cols = cols;
        const Matrix matrix = quote_matrix(*context_, params);
        EXPECT_EQ(matrix.total, 6u);
        ASSERT_EQ(matrix.rows.size(), 3u);
        EXPECT_EQ(matrix.rows[0], "John Kerry");
        for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
            SearchParams row;
            row.speakers = {matrix.rows[r]};
            EXPECT_EQ(matrix.row_totals[r], quotes(row).total) << matrix.rows[r];
            for (std::size_t c = 0; c < matrix.cols.size(); ++c) {
                SearchParams cell = row;
                if (cols == MatrixColumns::Outlet) {
                    cell.outlets = {matrix.cols[c]};
                } else {
                    cell.from = Date::from_iso(matrix.cols[c] + "-01");
                    cell.to = Date::from_iso(matrix.cols[c] + "-28");
                }
                EXPECT_EQ(matrix.cells[r][c], quotes(cell).total)
                    << matrix.rows[r] << " × " << matrix.cols[c];
            }
        }
    }
    MatrixParams months;
    months.cols = MatrixColumns::Month;
    EXPECT_EQ(quote_matrix(*context_, months).cols,
              (std::vector<std::string>{"2016-02", "2017-11"}));
    MatrixParams limited;
    limited.limit = 1;
    limited.filters.q = "regime";
    const Matrix one = quote_matrix(*context_, limited);
    EXPECT_EQ(one.rows, std::vector<std::string>{"John Kerry"});
    EXPECT_EQ(one.total, 2u);
    limited.limit = 0;
    EXPECT_THROW(quote_matrix(*context_, limited), Error);
}

}  // namespace
}  // namespace broadsheet
