// query_builder_test.cpp — table-driven query building: params → Query::get_description()
// substrings, plus the syntax errors Xapian's lenient parser would let through.
#include "core/search/query_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "core/index/document.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

struct BuildCase {
    const char* why;
    SearchParams params;
    std::vector<std::string> present;  // substrings the full query's description must contain
    std::vector<std::string> absent;   // substrings it must not contain
};

SearchParams with_q(std::string q) {
    SearchParams params;
    params.q = std::move(q);
    return params;
}

std::vector<BuildCase> build_cases() {
    std::vector<BuildCase> cases;
    // Empty q browses everything, still restricted to article documents.
    cases.push_back({"empty q", with_q(""), {"<alldocuments>", "XTYPE:article"}, {}});
    // Plain words are stemmed (STEM_SOME gives the Z-prefixed stem) and joined by AND.
    cases.push_back(
        {"words", with_q("ceasefire talks"), {"Zceasefir@1", " AND ", "Ztalk@2"}, {" OR "}});
    // Field prefixes come from the schema table: title → S.
    cases.push_back({"title prefix", with_q("title:geneva"), {"ZSgeneva@1"}, {}});
    // speaker: searches the free-text speaker names (XSPK:), so a surname finds the full name.
    cases.push_back({"speaker prefix", with_q("speaker:kerry"), {"ZXSPK:kerri@1"}, {}});
    // quote: and outlet: and author: are free-text prefixes too.
    cases.push_back({"quote prefix", with_q("quote:regime"), {"ZXQ:regim@1"}, {}});
    {
        // On quote documents the quote's words are the unprefixed terms (prefix_on), so a
        // quote search reads quote: there, phrases and wildcards included.
        SearchParams p = with_q("quote:regime quote:\"regime change\"");
        p.type = DocumentType::Quote;
        cases.push_back(
            {"quote prefix on quotes", p, {"Zregim@1", "regime@2", "XTYPE:quote"}, {"XQ:"}});
    }
    cases.push_back({"outlet prefix", with_q("outlet:moscow"), {"ZXOUT:moscow@1"}, {}});
    cases.push_back({"author prefix", with_q("author:smith"), {"ZAsmith@1"}, {}});
    // year: is a boolean prefix: an exact filter term with no weight.
    cases.push_back({"year boolean", with_q("year:2017"), {"0 * XYEAR:2017"}, {}});
    // Phrases keep word order.
    cases.push_back({"phrase", with_q("\"regime change\""), {"PHRASE 2"}, {}});
    // Explicit OR overrides the AND default.
    cases.push_back({"boolean OR", with_q("kerry OR lavrov"), {" OR "}, {}});
    // Love/hate: -word excludes.
    cases.push_back({"hate", with_q("ceasefire -sanctions"), {"AND_NOT"}, {}});
    // Wildcards expand against the index (capped by set_max_expansion).
    cases.push_back({"wildcard", with_q("cease*"), {"WILDCARD", "cease"}, {}});
    // date: ranges run over the YYYYMMDD date slot.
    cases.push_back({"date range syntax",
                     with_q("date:2017-01-01..2017-12-31"),
                     {"VALUE_RANGE 0 20170101 20171231"},
                     {}});
    {
        // Outlets selected together are ORed; the filter carries no weight.
        SearchParams p;
        p.outlets = {"Bloomberg", "Sputnik"};
        cases.push_back({"outlets ORed", p, {"XOUTLET:Bloomberg OR XOUTLET:Sputnik"}, {}});
    }
    {
        // Speakers ORed with each other, ANDed (FILTER) with outlets.
        SearchParams p;
        p.outlets = {"Bloomberg"};
        p.speakers = {"John Kerry", "Maria Zakharova"};
        cases.push_back(
            {"speakers ORed, ANDed with outlets",
             p,
             {"XSPEAKER:John Kerry OR XSPEAKER:Maria Zakharova", "XOUTLET:Bloomberg", "FILTER"},
             {}});
    }
    {
        // from and to together: one inclusive value range.
        SearchParams p;
        p.from = Date::from_iso("2016-01-01");
        p.to = Date::from_iso("2016-12-31");
        cases.push_back({"from and to", p, {"VALUE_RANGE 0 20160101 20161231"}, {}});
    }
    {
        // Only from: open-ended range, which also excludes undated articles.
        SearchParams p;
        p.from = Date::from_iso("2016-01-01");
        cases.push_back({"only from", p, {"VALUE_GE 0 20160101"}, {"VALUE_RANGE"}});
    }
    {
        // Only to.
        SearchParams p;
        p.to = Date::from_iso("2016-12-31");
        cases.push_back({"only to", p, {"VALUE_LE 0 20161231"}, {}});
    }
    {
        // An empty outlet value (e.g. outlet=) selects nothing instead of matching nothing.
        SearchParams p;
        p.outlets = {""};
        cases.push_back({"empty outlet ignored", p, {"<alldocuments>"}, {"XOUTLET:"}});
    }
    {
        // Excluded outlets: AND_NOT of their OR, so a document with any of them is left out.
        SearchParams p;
        p.not_outlets = {"RT", "Sputnik"};
        cases.push_back(
            {"outlets excluded", p, {"AND_NOT", "XOUTLET:RT OR XOUTLET:Sputnik"}, {"XMISSING:"}});
    }
    {
        // A speaker excluded while an outlet is selected: filter and exclusion together.
        SearchParams p;
        p.outlets = {"Bloomberg"};
        p.not_speakers = {"Maria Zakharova"};
        cases.push_back({"speaker excluded under an outlet",
                         p,
                         {"XOUTLET:Bloomberg", "AND_NOT XSPEAKER:Maria Zakharova"},
                         {}});
    }
    {
        // "(unknown)" selects the documents without an outlet: the XMISSING: term, not a name.
        SearchParams p;
        p.outlets = {std::string(kUnknownValue)};
        cases.push_back({"unknown outlet selected", p, {"XMISSING:outlet"}, {"XOUTLET:"}});
    }
    {
        // "(unknown)" ORs with real names like any other value.
        SearchParams p;
        p.speakers = {"John Kerry", std::string(kUnknownValue)};
        cases.push_back({"unknown speaker ORed with a name",
                         p,
                         {"XSPEAKER:John Kerry OR XMISSING:speaker"},
                         {"XSPEAKER:(unknown)"}});
    }
    {
        // Excluding "(unknown)" keeps only documents that have the field.
        SearchParams p;
        p.not_speakers = {std::string(kUnknownValue)};
        cases.push_back(
            {"unknown speaker excluded", p, {"AND_NOT XMISSING:speaker"}, {"XSPEAKER:"}});
    }
    {
        // The same value excluded in one facet is unaffected by the other facet's reserved value.
        SearchParams p;
        p.not_outlets = {std::string(kUnknownValue)};
        cases.push_back(
            {"unknown outlet excluded", p, {"AND_NOT XMISSING:outlet"}, {"XMISSING:speaker"}});
    }
    // missing: is a boolean prefix in q too, from the schema table.
    cases.push_back({"missing: in q", with_q("missing:date"), {"0 * XMISSING:date"}, {}});
    return cases;
}

class QueryBuilderTest : public testing_support::SampleIndexTest {};

TEST_F(QueryBuilderTest, BuildsExpectedQueries) {
    QueryBuilder builder(db_);
    for (const auto& c : build_cases()) {
        const std::string description = combine(builder.build(c.params)).get_description();
        for (const auto& want : c.present)
            EXPECT_NE(description.find(want), std::string::npos)
                << c.why << ": missing '" << want << "' in " << description;
        for (const auto& unwanted : c.absent)
            EXPECT_EQ(description.find(unwanted), std::string::npos)
                << c.why << ": unexpected '" << unwanted << "' in " << description;
    }
}

TEST_F(QueryBuilderTest, FacetExclusionDropsOnlyThatFacet) {
    QueryBuilder builder(db_);
    SearchParams p;
    p.outlets = {"Bloomberg"};
    p.speakers = {"John Kerry"};
    const BuiltQuery built = builder.build(p);
    const std::string without_outlet = combine(built, FacetFilter::ExceptOutlet).get_description();
    EXPECT_EQ(without_outlet.find("XOUTLET:"), std::string::npos) << without_outlet;
    EXPECT_NE(without_outlet.find("XSPEAKER:John Kerry"), std::string::npos) << without_outlet;
    const std::string without_speaker =
        combine(built, FacetFilter::ExceptSpeaker).get_description();
    EXPECT_EQ(without_speaker.find("XSPEAKER:"), std::string::npos) << without_speaker;
    EXPECT_NE(without_speaker.find("XOUTLET:Bloomberg"), std::string::npos) << without_speaker;
}

TEST_F(QueryBuilderTest, FacetExclusionAlsoDropsThatFacetsExclusions) {
    QueryBuilder builder(db_);
    SearchParams p;
    p.not_outlets = {"Sputnik"};
    p.not_speakers = {std::string(kUnknownValue)};
    const BuiltQuery built = builder.build(p);
    EXPECT_TRUE(filters_facet(built, FacetFilter::ExceptOutlet));
    EXPECT_TRUE(filters_facet(built, FacetFilter::ExceptSpeaker));
    const std::string without_outlet = combine(built, FacetFilter::ExceptOutlet).get_description();
    EXPECT_EQ(without_outlet.find("XOUTLET:"), std::string::npos) << without_outlet;
    EXPECT_NE(without_outlet.find("AND_NOT XMISSING:speaker"), std::string::npos) << without_outlet;
    const std::string without_speaker =
        combine(built, FacetFilter::ExceptSpeaker).get_description();
    EXPECT_EQ(without_speaker.find("XMISSING:"), std::string::npos) << without_speaker;
    EXPECT_NE(without_speaker.find("AND_NOT XOUTLET:Sputnik"), std::string::npos)
        << without_speaker;
    // Without any selection or exclusion no facet is filtered.
    EXPECT_FALSE(filters_facet(builder.build(SearchParams{}), FacetFilter::ExceptOutlet));
    EXPECT_FALSE(filters_facet(builder.build(SearchParams{}), FacetFilter::ExceptSpeaker));
}

struct BadQueryCase {
    const char* why;
    const char* q;
    const char* message_part;
};

TEST_F(QueryBuilderTest, RejectsBadSyntaxWithInvalidQuery) {
    const BadQueryCase cases[] = {
        // An unclosed group: Xapian alone would silently search for the word "title".
        {"unclosed group after a prefix", "title:(", "'(' without ')'"},
        {"stray closing parenthesis", "kerry)", "')' without '('"},
        {"empty group", "title:()", "empty parentheses"},
        // Errors Xapian itself reports are passed on with its message.
        {"dangling AND", "kerry AND", "AND"},
        {"double OR", "kerry OR OR lavrov", "OR"},
    };
    QueryBuilder builder(db_);
    for (const auto& c : cases) {
        try {
            builder.build(with_q(c.q));
            ADD_FAILURE() << c.why << ": no error for " << c.q;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidQuery) << c.why;
            EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos)
                << c.why << ": " << e.what();
        }
    }
}

TEST_F(QueryBuilderTest, ParenthesesInsidePhrasesAreText) {
    QueryBuilder builder(db_);
    EXPECT_NO_THROW(builder.build(with_q("\"talks (in Geneva\"")));
    EXPECT_NO_THROW(builder.build(with_q("(kerry OR lavrov) ceasefire")));
}

struct SuggestionCase {
    const char* why;
    const char* q;
    std::optional<std::string> suggestion;
};

TEST_F(QueryBuilderTest, SuggestsSpellingCorrectionOrNothing) {
    // "ceasefir" is in the index only through an article written without spelling data, as a
    // word that occurs only in quotes or names is: it matches documents, yet Xapian's spelling
    // table knows its neighbour "ceasefire" better.
    {
        Xapian::WritableDatabase writer((dir_.path() / "db").string());
        const Article odd = testing_support::make_article("odd", "Odd", "the ceasefir spelling",
                                                          "Bloomberg", {}, "2017-01-01");
        writer.replace_document(unique_term(odd), make_article_document(odd, nullptr));
        writer.commit();
    }
    db_.reopen();
    const SuggestionCase cases[] = {
        {"a word no document holds is corrected", "cesefire", "ceasefire"},
        {"a correct word gets no suggestion", "ceasefire", std::nullopt},
        {"a word the index holds is never corrected", "ceasefir", std::nullopt},
        {"only the unknown word of two is corrected", "ceasefir cesefire", "ceasefir ceasefire"},
    };
    QueryBuilder builder(db_);
    for (const auto& c : cases)
        EXPECT_EQ(builder.build(with_q(c.q)).suggestion, c.suggestion) << c.why;
}

}  // namespace
}  // namespace broadsheet
