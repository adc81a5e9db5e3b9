// facet_columns_test.cpp — the facet columns count exactly what reading each matching
// document's value slots counts, over articles and quote documents, and follow commits; the
// value-count path of databases of several shards counts the same.
#include "core/search/facet_columns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/index/document.h"
#include "core/schema.h"
#include "core/search/facet_count.h"
#include "core/search/facets.h"
#include "core/search/histogram.h"
#include "core/search/search_context.h"
#include "tests/search/quote_index.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;

struct Counted {
    std::vector<FacetValue> outlets, speakers, years;
    Histogram histogram;
};

// The counts as the value-reading spies give them: the reference the columns must equal.
Counted by_reading_documents(const Xapian::Database& db, const Xapian::Query& query) {
    MultiValueCountSpy outlets(kSlotOutlet);
    MultiValueCountSpy speakers(kSlotSpeakers);
    Xapian::ValueCountMatchSpy years(kSlotYear);
    Xapian::ValueCountMatchSpy dates(kSlotDate);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    for (Xapian::MatchSpy* spy :
         std::vector<Xapian::MatchSpy*>{&outlets, &speakers, &years, &dates})
        enquire.add_matchspy(spy);
    enquire.get_mset(0, 0, db.get_doccount());
    return {sorted_facet(outlets), sorted_facet(speakers), sorted_facet(years),
            make_histogram(histogram_input(dates, HistogramInterval::Day))};
}

Counted by_columns(const Xapian::Database& db, const Xapian::Query& query) {
    ColumnCountSpy spy(FacetColumns::load(db), {.outlet = true, .speaker = true, .dates = true});
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    return {spy.outlets(), spy.speakers(), spy.years(),
            make_histogram(spy.histogram_input(HistogramInterval::Day))};
}

void expect_same(const std::vector<FacetValue>& expected, const std::vector<FacetValue>& got,
                 const char* facet, const char* why) {
    ASSERT_EQ(got.size(), expected.size()) << why << ": " << facet;
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].value, expected[i].value) << why << ": " << facet << " #" << i;
        EXPECT_EQ(got[i].count, expected[i].count) << why << ": " << facet << " #" << i;
    }
}

class FacetColumnsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::vector<Article> articles = testing_support::sample_articles();
        // Quote documents carry a speaker each and their article's date and outlet.
        testing_support::write_quote_index(dir_.path() / "db");
        Xapian::WritableDatabase db((dir_.path() / "db").string());
        for (const auto& article : articles)
            db.replace_document(unique_term(article), make_article_document(article, &db));
        db.commit();
    }
    Xapian::Database db() const { return Xapian::Database((dir_.path() / "db").string()); }
    TempDir dir_;
};

struct QueryCase {
    const char* why;
    Xapian::Query query;
};

TEST_F(FacetColumnsTest, CountExactlyWhatTheDocumentsHold) {
    const QueryCase cases[] = {
        // Every document: articles and quotes, dated and undated, with and without speakers.
        {"everything", Xapian::Query(std::string())},
        // Articles only: the main search's type filter.
        {"articles", Xapian::Query(term(Field::Type, kTypeArticle))},
        // Quote documents only: one speaker each, or none (unattributed).
        {"quotes", Xapian::Query(term(Field::Type, kTypeQuote))},
        // A subset: counts must cover only what matches.
        {"one outlet", Xapian::Query(term(Field::Outlet, "Bloomberg"))},
        // Nothing matches: every list empty, no unknown rows.
        {"no match", Xapian::Query("zzznothing")},
    };
    const Xapian::Database database = db();
    for (const auto& c : cases) {
        const Counted expected = by_reading_documents(database, c.query);
        const Counted got = by_columns(database, c.query);
        // Every row but the empty one must count something, or it compares nothing.
        EXPECT_EQ(expected.outlets.empty(), std::string(c.why) == "no match") << c.why;
        expect_same(expected.outlets, got.outlets, "outlet", c.why);
        expect_same(expected.speakers, got.speakers, "speaker", c.why);
        expect_same(expected.years, got.years, "year", c.why);
        EXPECT_EQ(got.histogram.undated, expected.histogram.undated) << c.why;
        ASSERT_EQ(got.histogram.buckets.size(), expected.histogram.buckets.size()) << c.why;
        for (std::size_t i = 0; i < got.histogram.buckets.size(); ++i) {
            EXPECT_EQ(got.histogram.buckets[i].period, expected.histogram.buckets[i].period);
            EXPECT_EQ(got.histogram.buckets[i].count, expected.histogram.buckets[i].count);
        }
    }
}

Counted by_counter(const Xapian::Database& db, const Xapian::Query& query,
                   std::shared_ptr<const FacetColumns> columns) {
    FacetCounter counter(std::move(columns), {.outlet = true, .speaker = true, .dates = true});
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    counter.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    return {counter.outlets(), counter.speakers(), counter.years(),
            make_histogram(counter.histogram_input(HistogramInterval::Day))};
}

TEST_F(FacetColumnsTest, TheValueCountPathCountsWhatTheColumnsCount) {
    const QueryCase cases[] = {
        // Every document: joined speaker values split, "(unknown)" rows of both facets.
        {"everything", Xapian::Query(std::string())},
        // Quote documents only: one speaker each, or none (unattributed).
        {"quotes", Xapian::Query(term(Field::Type, kTypeQuote))},
        // A subset, including an undated article: the histogram's undated count.
        {"ceasefire", Xapian::Query(term(Field::Body, "ceasefire"))},
        // Nothing matches: every list empty, no unknown rows.
        {"no match", Xapian::Query("zzznothing")},
    };
    const Xapian::Database database = db();
    const auto columns = FacetColumns::load(database);
    ASSERT_NE(columns, nullptr);
    for (const auto& c : cases) {
        const Counted expected = by_counter(database, c.query, columns);
        const Counted got = by_counter(database, c.query, nullptr);
        EXPECT_EQ(expected.outlets.empty(), std::string(c.why) == "no match") << c.why;
        expect_same(expected.outlets, got.outlets, "outlet", c.why);
        expect_same(expected.speakers, got.speakers, "speaker", c.why);
        expect_same(expected.years, got.years, "year", c.why);
        EXPECT_EQ(got.histogram.undated, expected.histogram.undated) << c.why;
        ASSERT_EQ(got.histogram.buckets.size(), expected.histogram.buckets.size()) << c.why;
        for (std::size_t i = 0; i < got.histogram.buckets.size(); ++i) {
            EXPECT_EQ(got.histogram.buckets[i].period, expected.histogram.buckets[i].period);
            EXPECT_EQ(got.histogram.buckets[i].count, expected.histogram.buckets[i].count);
        }
    }
}

TEST_F(FacetColumnsTest, DescribeOneRevisionAndTheContextReloadsAfterACommit) {
    SearchContext context(db());
    const auto before = context.columns();
    ASSERT_NE(before, nullptr);
    EXPECT_TRUE(before->describes(context.db()));
    EXPECT_EQ(context.columns(), before);  // the same revision keeps its columns
    EXPECT_GT(before->bytes(), 0u);
    {
        Xapian::WritableDatabase writer((dir_.path() / "db").string());
        Article late = testing_support::make_article("late", "Late", "late words", "Late Outlet",
                                                     {"New Speaker"}, "2020-01-02");
        writer.replace_document(unique_term(late), make_article_document(late, &writer));
        writer.commit();
    }
    context.reopen();
    EXPECT_FALSE(before->describes(context.db()));
    const auto after = context.columns();
    ASSERT_NE(after, before);
    ColumnCountSpy spy(after, {.outlet = true});
    Xapian::Enquire enquire(context.db());
    enquire.set_query(Xapian::Query(term(Field::Outlet, "Late Outlet")));
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, 100);
    ASSERT_EQ(spy.outlets().size(), 1u);
    EXPECT_EQ(spy.outlets()[0].count, 1u);
}

}  // namespace
}  // namespace broadsheet
