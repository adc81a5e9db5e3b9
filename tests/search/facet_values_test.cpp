// facet_values_test.cpp — the "(unknown)" facet value, exclusions and their effect on facet
// counts, and one facet's values by prefix (facet_values), over small real indexes.
#include "core/search/facet_values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/article_search.h"
#include "core/search/quote_search.h"
#include "core/search/search_context.h"
#include "tests/search/quote_index.h"

namespace broadsheet {
namespace {

using testing_support::make_article;
using testing_support::TempDir;

const std::string kUnknown(kUnknownValue);

std::size_t count_of(const std::vector<FacetValue>& facet, const std::string& value) {
    for (const auto& v : facet)
        if (v.value == value) return v.count;
    return 0;
}

std::vector<std::string> values_of(const std::vector<FacetValue>& facet) {
    std::vector<std::string> out;
    for (const auto& v : facet) out.push_back(v.value);
    return out;
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

// Two articles without an outlet, two without speakers; a hyphenated speaker and an accented
// outlet for word-start and case-folded prefixes.
std::vector<Article> facet_articles() {
    return {
        make_article("f1", "Kerry in Geneva", "Ceasefire talks.", "Bloomberg",
                     {"John Kerry", "Sergei Lavrov"}, "2016-02-12"),
        make_article("f2", "Zakharova on sanctions", "Sanctions and a ceasefire.", "Sputnik",
                     {"Maria Zakharova"}, "2017-11-17"),
        make_article("f3", "Undated note", "A ceasefire note.", "", {"John Kerry"}, ""),
        make_article("f4", "Market report", "Markets rose.", "", {}, "2016-05-01"),
        make_article("f5", "Markets welcome the ceasefire", "Markets and a ceasefire.", "Bloomberg",
                     {}, "2015-06-01"),
        make_article("f6", "Ayrault in Paris", "A ceasefire plan.", "Élysée Wire",
                     {"Jean-Marc Ayrault"}, "2016-03-01"),
    };
}

class FacetTest : public ::testing::Test {
  protected:
    void SetUp() override {
        testing_support::write_index(dir_.path() / "db", facet_articles());
        context_ = std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "db").string()));
    }
    SearchResult search(SearchParams params) { return search_articles(*context_, params); }
    FacetValues values(FacetName facet, std::string prefix, SearchParams filters = {},
                       unsigned limit = kDefaultFacetValueLimit) {
        return facet_values(*context_, {facet, std::move(filters), std::move(prefix), limit});
    }

    TempDir dir_;
    std::unique_ptr<SearchContext> context_;
};

TEST_F(FacetTest, ListsEndWithTheUnknownCount) {
    const SearchResult result = search(SearchParams{});
    EXPECT_EQ(values_of(result.facets.outlet),
              (std::vector<std::string>{"Bloomberg", "Sputnik", "Élysée Wire", kUnknown}));
    EXPECT_EQ(count_of(result.facets.outlet, kUnknown), 2u);  // f3, f4
    // "(unknown)" is last even when it outnumbers every name but one.
    EXPECT_EQ(result.facets.speaker.back().value, kUnknown);
    EXPECT_EQ(result.facets.speaker.back().count, 2u);  // f4, f5
    // The year facet lists years only.
    EXPECT_EQ(count_of(result.facets.year, kUnknown), 0u);
}

TEST_F(FacetTest, NoUnknownEntryWhenEveryMatchHasTheField) {
    SearchParams params;
    params.q = "sanctions";
    const SearchResult result = search(params);
    EXPECT_EQ(values_of(result.facets.outlet), (std::vector<std::string>{"Sputnik"}));
    EXPECT_EQ(values_of(result.facets.speaker), (std::vector<std::string>{"Maria Zakharova"}));
}

struct FilterCase {
    const char* why;
    SearchParams params;
    std::vector<std::string> expected_ids;  // newest first
};

TEST_F(FacetTest, UnknownAndExclusionsFilter) {
    auto p = [](auto&& fill) {
        SearchParams params;
        fill(params);
        return params;
    };
    const FilterCase cases[] = {
        // "(unknown)" selects the articles without an outlet.
        {"unknown outlet", p([](SearchParams& s) { s.outlets = {kUnknown}; }), {"f4", "f3"}},
        // ORed with a name like any value.
        {"unknown or Sputnik",
         p([](SearchParams& s) {
             s.outlets = {"Sputnik", kUnknown};
         }),
         {"f2", "f4", "f3"}},
        // Articles without speakers.
        {"unknown speaker", p([](SearchParams& s) { s.speakers = {kUnknown}; }), {"f4", "f5"}},
        // An excluded outlet leaves out its two articles.
        {"not Bloomberg",
         p([](SearchParams& s) { s.not_outlets = {"Bloomberg"}; }),
         {"f2", "f4", "f6", "f3"}},
        // A document with ANY excluded value goes: f1 quotes Lavrov beside Kerry.
        {"not Lavrov drops f1",
         p([](SearchParams& s) { s.not_speakers = {"Sergei Lavrov"}; }),
         {"f2", "f4", "f6", "f5", "f3"}},
        // Excluding "(unknown)" keeps the articles that have the field.
        {"not unknown outlet",
         p([](SearchParams& s) { s.not_outlets = {kUnknown}; }),
         {"f2", "f6", "f1", "f5"}},
        // Selection and exclusion in one facet, and across facets.
        {"Bloomberg but not without speakers",
         p([](SearchParams& s) {
             s.outlets = {"Bloomberg"};
             s.not_speakers = {kUnknown};
         }),
         {"f1"}},
    };
    for (const auto& c : cases) {
        const SearchResult result = search(c.params);
        EXPECT_EQ(ids(result), c.expected_ids) << c.why;
        EXPECT_EQ(result.total, c.expected_ids.size()) << c.why;
    }
}

TEST_F(FacetTest, AFacetIgnoresItsOwnExclusionsButNotOthers) {
    SearchParams params;
    params.not_outlets = {"Bloomberg"};
    const SearchResult result = search(params);
    ASSERT_EQ(result.total, 4u);
    // The excluded outlet still shows its count, so the user sees what excluding it removed.
    EXPECT_EQ(count_of(result.facets.outlet, "Bloomberg"), 2u);
    EXPECT_EQ(count_of(result.facets.outlet, kUnknown), 2u);
    // The speaker facet follows the outlet exclusion: Lavrov is only in Bloomberg's f1, and of
    // the two articles without speakers only f4 remains.
    EXPECT_EQ(count_of(result.facets.speaker, "Sergei Lavrov"), 0u);
    EXPECT_EQ(count_of(result.facets.speaker, "John Kerry"), 1u);
    EXPECT_EQ(count_of(result.facets.speaker, kUnknown), 1u);

    SearchParams speakers;
    speakers.not_speakers = {kUnknown};
    const SearchResult by_speaker = search(speakers);
    EXPECT_EQ(by_speaker.total, 4u);
    EXPECT_EQ(count_of(by_speaker.facets.speaker, kUnknown), 2u);
    // f4 (no outlet, no speakers) is gone from the outlet counts; f3 remains.
    EXPECT_EQ(count_of(by_speaker.facets.outlet, kUnknown), 1u);
}

TEST_F(FacetTest, ValuesByWordPrefixCaseInsensitively) {
    struct PrefixCase {
        const char* why;
        FacetName facet;
        const char* prefix;
        std::vector<std::string> expected;
    };
    const PrefixCase cases[] = {
        {"start of a later word", FacetName::Speaker, "ker", {"John Kerry"}},
        {"upper case typed", FacetName::Speaker, "KER", {"John Kerry"}},
        {"after a hyphen", FacetName::Speaker, "marc", {"Jean-Marc Ayrault"}},
        {"several words", FacetName::Speaker, "john k", {"John Kerry"}},
        {"not inside a word", FacetName::Speaker, "erry", {}},
        {"accented capital folded", FacetName::Outlet, "ÉLYS", {"Élysée Wire"}},
        {"(unknown) by its word", FacetName::Outlet, "unk", {kUnknown}},
        {"years", FacetName::Year, "201", {"2016", "2015", "2017"}},
    };
    for (const auto& c : cases) {
        const FacetValues found = values(c.facet, c.prefix);
        EXPECT_EQ(values_of(found.values), c.expected) << c.why;
        EXPECT_EQ(found.total_values, c.expected.size()) << c.why;
        EXPECT_EQ(found.prefix, c.prefix) << c.why;
    }
}

TEST_F(FacetTest, ValuesCountUnderTheQueryAndLimit) {
    SearchParams ceasefire;
    ceasefire.q = "ceasefire";  // every article but f4
    const FacetValues outlets = values(FacetName::Outlet, "", ceasefire);
    EXPECT_EQ(values_of(outlets.values),
              (std::vector<std::string>{"Bloomberg", "Sputnik", "Élysée Wire", kUnknown}));
    EXPECT_EQ(count_of(outlets.values, "Bloomberg"), 2u);
    EXPECT_EQ(count_of(outlets.values, kUnknown), 1u);  // f3; f4 does not match
    // The limit cuts the list, total_values still counts every match.
    const FacetValues two = values(FacetName::Outlet, "", ceasefire, 2);
    EXPECT_EQ(values_of(two.values), (std::vector<std::string>{"Bloomberg", "Sputnik"}));
    EXPECT_EQ(two.total_values, 4u);
}

TEST_F(FacetTest, ValuesIgnoreTheFacetsOwnSelectionOnly) {
    SearchParams filters;
    filters.outlets = {"Sputnik"};
    filters.not_outlets = {"Bloomberg"};
    // Outlet values ignore both the outlet selection and the exclusion...
    EXPECT_EQ(count_of(values(FacetName::Outlet, "", filters).values, "Bloomberg"), 2u);
    // ...while speaker values follow them: only Sputnik's speaker.
    EXPECT_EQ(values_of(values(FacetName::Speaker, "", filters).values),
              (std::vector<std::string>{"Maria Zakharova"}));
    // Years are selected through the date range, which the year values leave out.
    SearchParams range;
    range.from = Date::from_iso("2017-01-01");
    EXPECT_EQ(count_of(values(FacetName::Year, "", range).values, "2016"), 3u);
}

TEST_F(FacetTest, ValuesRefuseBadLimitsAndPrefixes) {
    for (unsigned limit : {0u, kMaxFacetValueLimit + 1}) {
        try {
            values(FacetName::Outlet, "", {}, limit);
            ADD_FAILURE() << "limit " << limit << " accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
            EXPECT_EQ(std::string(e.what()).rfind("limit", 0), 0u) << e.what();
        }
    }
    EXPECT_THROW(values(FacetName::Outlet, std::string(kMaxFacetPrefixBytes + 1, 'a')), Error);
}

TEST(QuoteFacets, UnattributedQuotesAreTheUnknownSpeaker) {
    TempDir dir;
    testing_support::write_quote_index(dir.path() / "db");
    SearchContext context(Xapian::Database((dir.path() / "db").string()));
    // a3~q1 is the one unattributed quote.
    const QuoteSearchResult all = search_quotes(context, SearchParams{});
    EXPECT_EQ(all.facets.speaker.back().value, kUnknown);
    EXPECT_EQ(all.facets.speaker.back().count, 1u);
    EXPECT_EQ(count_of(all.facets.outlet, kUnknown), 0u);  // every quote's article has an outlet
    SearchParams unknown;
    unknown.speakers = {kUnknown};
    const QuoteSearchResult unattributed = search_quotes(context, unknown);
    ASSERT_EQ(unattributed.hits.size(), 1u);
    EXPECT_EQ(unattributed.hits[0].id, "a3~q1");
    // Quote facet values: Lavrov has two quotes, counted as quote documents.
    SearchParams quotes;
    quotes.type = DocumentType::Quote;
    const FacetValues lavrov = facet_values(context, {FacetName::Speaker, quotes, "lav", 20});
    ASSERT_EQ(lavrov.values.size(), 1u);
    EXPECT_EQ(lavrov.values[0].value, "Sergei Lavrov");
    EXPECT_EQ(lavrov.values[0].count, 2u);
}

}  // namespace
}  // namespace broadsheet
