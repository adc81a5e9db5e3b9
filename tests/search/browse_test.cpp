// browse_test.cpp — browses served from the facet columns rank, count and cut pages as the match
// does where the test corpora have few cases: long runs of one date, undated articles, articles
// written out of date order between quote documents; and a malformed date slot sends browses
// back to the match.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/index/document.h"
#include "core/schema.h"
#include "core/search/article_search.h"
#include "tests/search/quote_index.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;

// The parts of a result the two paths must agree on, as text (took_ms and timing aside).
std::string summary(const SearchResult& result) {
    std::ostringstream out;
    out << "total " << result.total << "\nhits";
    for (const Hit& hit : result.hits) out << ' ' << hit.id << '|' << hit.snippet.size();
    for (const auto* facet : {&result.facets.outlet, &result.facets.speaker, &result.facets.year}) {
        out << "\nfacet";
        for (const FacetValue& value : *facet) out << ' ' << value.value << '=' << value.count;
    }
    out << "\nhistogram " << result.histogram.undated;
    for (const HistogramBucket& bucket : result.histogram.buckets)
        out << ' ' << bucket.period << '=' << bucket.count;
    return out.str();
}

class BrowseTest : public ::testing::Test {
  protected:
    void SetUp() override {
        // Quote documents first, so article ids are not the first document ids.
        testing_support::write_quote_index(dir_.path() / "db");
        Xapian::WritableDatabase db((dir_.path() / "db").string());
        // 60 articles over three dates, every fifth undated, in an order unlike the date order,
        // with four outlets (one missing) and speakers of zero, one or two names.
        const char* const dates[] = {"2019-05-02", "2018-01-31", "2019-05-02", "2020-12-24"};
        const char* const outlets[] = {"Herald", "", "Courier", "Post"};
        for (int i = 0; i < 60; ++i) {
            std::vector<std::string> speakers;
            if (i % 3 >= 1) speakers.push_back(i % 2 == 0 ? "Ada Byron" : "Bo Diddley");
            if (i % 3 == 2) speakers.push_back("Cy Young");
            const std::string id = "b" + std::to_string(i);
            const Article article = testing_support::make_article(
                id, "Title " + id, "Body of " + id + " with some words.", outlets[i % 4], speakers,
                i % 5 == 4 ? "" : dates[i % 4]);
            db.replace_document(unique_term(article), make_article_document(article, &db));
        }
        db.commit();
    }
    Xapian::Database db() const { return Xapian::Database((dir_.path() / "db").string()); }
    TempDir dir_;
};

// Why each shape: pages cut inside a run of one date, both orders, filters on top.
struct Case {
    const char* why;
    SortOrder sort;
    unsigned size;
    std::vector<std::string> outlets;
    std::vector<std::string> not_speakers;
};

TEST_F(BrowseTest, EveryPageAgreesWithTheMatch) {
    const Case cases[] = {
        {"newest first, pages of 7 across runs of one date and the undated tail",
         SortOrder::Newest,
         7,
         {},
         {}},
        {"oldest first, pages of 4", SortOrder::Oldest, 4, {}, {}},
        {"an outlet and (unknown) selected, oldest first",
         SortOrder::Oldest,
         5,
         {"Herald", "(unknown)"},
         {}},
        {"an excluded speaker, newest first", SortOrder::Newest, 6, {}, {"Cy Young"}},
    };
    SearchContext context(db());
    ASSERT_NE(context.columns(), nullptr);
    for (const Case& c : cases) {
        SearchParams params;
        params.sort = c.sort;
        params.size = c.size;
        params.outlets = c.outlets;
        params.not_speakers = c.not_speakers;
        std::size_t total = 1;
        for (params.page = 1; (params.page - 1) * params.size < total; ++params.page) {
            SCOPED_TRACE(testing::Message() << c.why << ", page " << params.page);
            context.set_browse_path(BrowsePath::Match);
            const SearchResult matched = search_articles(context, params);
            context.set_browse_path(BrowsePath::Columns);
            const SearchResult browsed = search_articles(context, params);
            EXPECT_EQ(browsed.timing.path, SearchPath::Columns);
            EXPECT_EQ(summary(browsed), summary(matched));
            total = matched.total;
            ASSERT_GT(total, 0u);
        }
    }
}

TEST_F(BrowseTest, AMalformedDateSendsBrowsesToTheMatch) {
    {
        Xapian::WritableDatabase db((dir_.path() / "db").string());
        const std::string id = term(Field::Id, "b3");
        Xapian::Document doc = db.get_document(*db.postlist_begin(id));
        doc.add_value(kSlotDate, "2019-13");  // not YYYYMMDD: the match sorts it as text
        db.replace_document(id, doc);
        db.commit();
    }
    SearchContext context(db());
    SearchParams params;
    const SearchResult result = search_articles(context, params);
    EXPECT_EQ(result.timing.path, SearchPath::Match);
    EXPECT_EQ(result.total, db().get_termfreq(term(Field::Type, kTypeArticle)));
}

}  // namespace
}  // namespace broadsheet
