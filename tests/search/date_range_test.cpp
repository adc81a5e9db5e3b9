// date_range_test.cpp — an article search's date range answered from the facet columns (a match
// decider) gives the hits, order and total that OP_VALUE_RANGE over the date slot gives.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/search/article_search.h"
#include "core/search/search_context.h"
#include "core/search/search_internal.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::make_article;
using testing_support::TempDir;

// Dated on the range ends and between them, and undated, all sharing the word "talks".
std::vector<Article> articles() {
    return {
        make_article("d1", "Talks open", "Envoys met for talks.", "Bloomberg", {}, "2015-06-01"),
        make_article("d2", "Talks resume", "More talks today.", "Sputnik", {}, "2016-02-12"),
        make_article("d3", "Talks stall", "The talks stalled.", "Bloomberg", {}, "2016-02-13"),
        make_article("d4", "Talks end", "Talks ended at last.", "Reuters", {}, "2017-11-17"),
        make_article("d5", "Undated talks", "Talks with no date.", "Reuters", {}, ""),
    };
}

struct Row {
    const char* why;
    const char* from;  // "" for none
    const char* to;
    SortOrder sort;
    const char* outlet;  // "" for none: with one, the outlet facet counts apart
};

TEST(DateRangeTest, ColumnsAnswerAsTheValueRangeDoes) {
    TempDir dir;
    testing_support::write_index(dir.path() / "db", articles());
    SearchContext context(Xapian::Database((dir.path() / "db").string()));
    const Row rows[] = {
        {"both ends, inclusive on each", "2016-02-12", "2017-11-17", SortOrder::Relevance, ""},
        {"from only: every later date, no undated", "2016-02-13", "", SortOrder::Relevance, ""},
        {"to only: every earlier date, no undated", "", "2016-02-12", SortOrder::Newest, ""},
        {"a range between two dates holds none", "2016-03-01", "2017-01-01", SortOrder::Oldest, ""},
        {"a range past every date", "2020-01-01", "", SortOrder::Relevance, ""},
        {"with an outlet filter, whose facet counts apart", "2015-01-01", "2016-12-31",
         SortOrder::Relevance, "Bloomberg"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        SearchParams params;
        params.q = "talks";
        params.sort = row.sort;
        if (*row.from) params.from = Date::from_iso(row.from);
        if (*row.to) params.to = Date::from_iso(row.to);
        if (*row.outlet) params.outlets = {row.outlet};
        const SearchResult result = search_articles(context, params);

        // The same request as a match with the range as OP_VALUE_RANGE.
        SearchParams articles_only = params;
        articles_only.type = DocumentType::Article;
        const BuiltQuery built = context.builder().build(articles_only);
        Xapian::Enquire enquire(context.db());
        enquire.set_query(combine(built));
        Xapian::MultiValueKeyMaker keys;
        search_internal::set_sort(enquire, row.sort, keys, ShardReach::Local);
        const Xapian::MSet mset = enquire.get_mset(0, 10, context.db().get_doccount());
        std::vector<std::string> expected;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            expected.push_back(search_internal::parse_article(it.get_document()).id);
        std::vector<std::string> got;
        for (const Hit& hit : result.hits) got.push_back(hit.id);
        EXPECT_EQ(got, expected);
        EXPECT_EQ(result.total, mset.get_matches_estimated());
        std::size_t per_outlet = 0;
        for (const FacetValue& value : result.facets.outlet) per_outlet += value.count;
        // The outlet facet ignores its own filter: it counts the range's matches of every outlet.
        Xapian::Enquire others(context.db());
        others.set_query(combine(built, FacetFilter::ExceptOutlet));
        EXPECT_EQ(per_outlet,
                  others.get_mset(0, 0, context.db().get_doccount()).get_matches_estimated());
    }
}

}  // namespace
}  // namespace broadsheet
