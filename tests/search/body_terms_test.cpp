// body_terms_test.cpp — BodyTerms against Xapian's snippet generator over a real index: whenever
// MSet::snippet marks a word of a body, BodyTerms says the body holds one of q's words.
#include "core/search/body_terms.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/search/search_context.h"
#include "core/search/search_internal.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::make_article;
using testing_support::TempDir;

// Each article exists for the rows that name it.
std::vector<Article> articles() {
    return {
        // A word in the title only ("geneva"), another in both ("talks"), one in the body only.
        make_article("t1", "Talks resume in Geneva",
                     "Diplomats held talks on a truce in the north for many hours.", "Bloomberg",
                     {}, "2016-02-12"),
        // Inflected body words ("ceasefires", "negotiating") whose stems a query shares.
        make_article("t2", "Weekly digest",
                     "Two ceasefires collapsed while envoys kept negotiating late.", "Sputnik", {},
                     "2017-11-17"),
        // A phrase in the title only, its words apart in the body.
        make_article("t3", "Oil prices fall",
                     "Prices rose early; oil traders then sold and calm returned.", "Bloomberg", {},
                     "2015-06-01"),
    };
}

class BodyTermsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        testing_support::write_index(dir_.path() / "db", articles());
        context_ = std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "db").string()));
    }

    // The query an article search for `q` runs.
    BuiltQuery built(const std::string& q) {
        SearchParams params;
        params.q = q;
        params.type = DocumentType::Article;
        return context_->builder().build(params);
    }

    TempDir dir_;
    std::unique_ptr<SearchContext> context_;
};

struct Row {
    const char* why;
    const char* q;
    const char* id;  // the hit looked at
    bool in_body;
    bool marked;  // whether the snippet generator marks a word of the body
};

TEST_F(BodyTermsTest, AgreesWithTheSnippetGenerator) {
    const Row rows[] = {
        {"a word of the title alone: nothing to mark in the body", "geneva", "t1", false, false},
        {"a word of title and body", "talks", "t1", true, true},
        {"a word of the body alone", "truce", "t1", true, true},
        {"a stem shared with an inflected body word", "ceasefire", "t2", true, true},
        {"another inflection of a body word", "negotiated", "t2", true, true},
        {"a capitalised word is searched unstemmed, as typed", "Diplomats", "t1", true, true},
        // Its words are in the body, apart: the generator must look, and marks nothing.
        {"a phrase of the title whose words the body has apart", "\"oil prices\"", "t3", true,
         false},
        {"a field prefix: title words are never marked in the body", "title:talks", "t1", false,
         false},
        {"OR: one word in the title, the other in the body", "geneva OR hours", "t1", true, true},
        {"OR: both words in the title only", "geneva OR resume", "t1", false, false},
        {"a word that is part of a longer body word only", "fire", "t2", false, false},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        const BuiltQuery query = built(row.q);
        const std::optional<BodyTerms> terms = BodyTerms::make(query.text);
        ASSERT_TRUE(terms.has_value());
        Xapian::Enquire enquire(context_->db());
        enquire.set_query(combine(query));
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        const Xapian::docid did = search_internal::article_docid(context_->db(), row.id);
        const Xapian::Document doc = context_->db().get_document(did);
        const std::string snippet = mset.snippet(
            search_internal::parse_article(doc).body, search_internal::kSnippetBytes,
            context_->stemmer(), 0, std::string(search_internal::kMarkStart),
            std::string(search_internal::kMarkEnd), std::string(search_internal::kEllipsis));
        const bool in_body = terms->in_body(doc);
        const bool marked = snippet.find(search_internal::kMarkStart) != std::string::npos;
        EXPECT_EQ(in_body, row.in_body);
        EXPECT_EQ(marked, row.marked) << snippet;
        EXPECT_TRUE(in_body || !marked) << "a marked body was judged to hold none of q's words";
    }
}

TEST_F(BodyTermsTest, QueriesItCannotJudge) {
    const Row rows[] = {
        // A wildcard's expansions are not terms of the query.
        {"a wildcard", "neg*", "t2", false, false},
        // A stem not starting with a–z: the indexer leaves some such words unstemmed.
        {"a stem starting outside a-z", "\xC3\xA9lan", "t2", false, false},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        EXPECT_FALSE(BodyTerms::make(built(row.q).text).has_value());
    }
}

}  // namespace
}  // namespace broadsheet
