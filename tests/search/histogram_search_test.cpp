// histogram_search_test.cpp — the date histogram of article and quote searches over small real
// indexes: it counts every match with every filter applied, its buckets add up with `undated` to
// `total`, each bucket's count is what a search limited to that bucket finds, and a forced
// interval with too many buckets is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/article_search.h"
#include "core/search/quote_search.h"
#include "core/search/search_context.h"
#include "tests/search/quote_index.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;

// The sample articles (dated 2015-06-01, 2016-02-12, 2017-11-17 and one undated) and an older
// one, so that browsing spans more than 1,000 days.
std::vector<Article> articles() {
    auto all = testing_support::sample_articles();
    all.push_back(testing_support::make_article("a5", "An early ceasefire",
                                                "A ceasefire that did not last.", "Bloomberg",
                                                {"John Kerry"}, "2012-03-09"));
    return all;
}

SearchParams p(auto&& fill) {
    SearchParams params;
    fill(params);
    return params;
}

std::size_t sum_of(const Histogram& histogram) {
    std::size_t sum = histogram.undated;
    for (const auto& bucket : histogram.buckets) sum += bucket.count;
    return sum;
}

// `params` limited to a bucket's days (within any range params already has).
SearchParams within(SearchParams params, const HistogramBucket& bucket) {
    params.from = params.from ? std::max(*params.from, bucket.from) : bucket.from;
    params.to = params.to ? std::min(*params.to, bucket.to) : bucket.to;
    params.interval = HistogramInterval::Auto;
    return params;
}

struct HistogramCase {
    const char* why;
    SearchParams params;
    HistogramInterval interval;  // the one the histogram reports
    std::size_t buckets;
    std::string first_period;  // "" when there are no buckets
    std::string last_period;
    std::size_t undated;
};

class HistogramSearchTest : public ::testing::Test {
  protected:
    void SetUp() override {
        testing_support::write_index(dir_.path() / "articles", articles());
        testing_support::write_quote_index(dir_.path() / "quotes");
        articles_ =
            std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "articles").string()));
        quotes_ =
            std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "quotes").string()));
    }

    // Checks the invariants every histogram must keep, then the row's expectations.
    template <class Result, class Search>
    void check(const HistogramCase& c, Search&& search) {
        const Result result = search(c.params);
        const Histogram& h = result.histogram;
        EXPECT_EQ(sum_of(h), result.total) << c.why;
        EXPECT_EQ(h.interval, c.interval) << c.why;
        EXPECT_EQ(h.undated, c.undated) << c.why;
        ASSERT_EQ(h.buckets.size(), c.buckets) << c.why;
        if (!h.buckets.empty()) {
            EXPECT_EQ(h.buckets.front().period, c.first_period) << c.why;
            EXPECT_EQ(h.buckets.back().period, c.last_period) << c.why;
            // The ends are the periods of the first and last dated matches: never empty.
            EXPECT_GT(h.buckets.front().count, 0u) << c.why;
            EXPECT_GT(h.buckets.back().count, 0u) << c.why;
        }
        for (const auto& bucket : h.buckets) {
            if (bucket.count == 0) continue;
            EXPECT_EQ(search(within(c.params, bucket)).total, bucket.count)
                << c.why << ": " << bucket.period;
        }
    }

    TempDir dir_;
    std::unique_ptr<SearchContext> articles_;
    std::unique_ptr<SearchContext> quotes_;
};

TEST_F(HistogramSearchTest, ArticleHistogramCountsEveryMatchUnderTheFilters) {
    const HistogramCase cases[] = {
        // Browsing 2012-03 to 2017-11 (69 months): years, empty 2013 and 2014 included.
        {"browse", p([](SearchParams&) {}), HistogramInterval::Year, 6, "2012", "2017", 1},
        // Paging does not matter: the histogram is over all matches, not the page.
        {"second page of one", p([](SearchParams& s) {
             s.size = 1;
             s.page = 2;
         }),
         HistogramInterval::Year, 6, "2012", "2017", 1},
        // Words: ceasefire is in a1 (2016-02), a3 (undated), a4 (2015-06), a5 (2012-03): 48 months.
        {"words", p([](SearchParams& s) { s.q = "ceasefire"; }), HistogramInterval::Month, 48,
         "2012-03", "2016-02", 1},
        // A date range leaves the undated article out and narrows the span to months.
        {"date range", p([](SearchParams& s) {
             s.from = Date::from_iso("2015-01-01");
             s.to = Date::from_iso("2017-12-31");
         }),
         HistogramInterval::Month, 30, "2015-06", "2017-11", 0},
        // An outlet filter with one match: one day bucket.
        {"outlet", p([](SearchParams& s) { s.outlets = {"Sputnik"}; }), HistogramInterval::Day, 1,
         "2017-11-17", "2017-11-17", 0},
        // A speaker filter with an undated match: a3 is undated, a1 and a5 four years apart.
        {"speaker", p([](SearchParams& s) { s.speakers = {"John Kerry"}; }),
         HistogramInterval::Month, 48, "2012-03", "2016-02", 1},
        // Only the undated article: no buckets, all undated.
        {"undated only", p([](SearchParams& s) { s.outlets = {"The Moscow Times"}; }),
         HistogramInterval::Day, 0, "", "", 1},
        // Nothing matches: nothing counted.
        {"no match", p([](SearchParams& s) { s.q = "zebra"; }), HistogramInterval::Day, 0, "", "",
         0},
        // A forced interval is used as given.
        {"forced month", p([](SearchParams& s) {
             s.outlets = {"Bloomberg"};
             s.from = Date::from_iso("2015-01-01");
             s.interval = HistogramInterval::Month;
         }),
         HistogramInterval::Month, 9, "2015-06", "2016-02", 0},
        {"forced day", p([](SearchParams& s) {
             s.q = "ceasefire";
             s.from = Date::from_iso("2016-01-01");
             s.interval = HistogramInterval::Day;
         }),
         HistogramInterval::Day, 1, "2016-02-12", "2016-02-12", 0},
    };
    for (const auto& c : cases)
        check<SearchResult>(c,
                            [&](const SearchParams& s) { return search_articles(*articles_, s); });
}

TEST_F(HistogramSearchTest, QuoteHistogramCountsQuotesByTheirArticleDate) {
    const HistogramCase cases[] = {
        // Two quotes each on 2016-02-12 and 2017-11-17, two undated.
        {"browse quotes", p([](SearchParams&) {}), HistogramInterval::Month, 22, "2016-02",
         "2017-11", 2},
        // Lavrov: one dated quote, one undated.
        {"speaker", p([](SearchParams& s) { s.speakers = {"Sergei Lavrov"}; }),
         HistogramInterval::Day, 1, "2016-02-12", "2016-02-12", 1},
        // min_confidence applies too: 0.9 keeps the two regime-change quotes.
        {"min confidence", p([](SearchParams& s) { s.min_confidence = 0.9; }),
         HistogramInterval::Month, 22, "2016-02", "2017-11", 0},
        // Years when asked.
        {"forced year", p([](SearchParams& s) { s.interval = HistogramInterval::Year; }),
         HistogramInterval::Year, 2, "2016", "2017", 2},
    };
    for (const auto& c : cases)
        check<QuoteSearchResult>(c,
                                 [&](const SearchParams& s) { return search_quotes(*quotes_, s); });
}

TEST_F(HistogramSearchTest, ForcedIntervalWithTooManyBucketsIsRefused) {
    SearchParams params;
    params.interval = HistogramInterval::Day;  // 2012-03-09 … 2017-11-17: over 2,000 days
    try {
        search_articles(*articles_, params);
        FAIL() << "a day histogram of over 1,000 buckets was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_EQ(std::string(e.what()).rfind("interval", 0), 0u) << e.what();
    }
    // The same interval over a narrower range is fine.
    params.from = Date::from_iso("2016-01-01");
    // 2016-02-12 (a1) … 2017-11-17 (a2), both days counted.
    EXPECT_EQ(search_articles(*articles_, params).histogram.buckets.size(), 645u);
}

}  // namespace
}  // namespace broadsheet
