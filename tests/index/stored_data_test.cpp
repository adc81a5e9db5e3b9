// stored_data_test.cpp — what schema 6 leaves out of an index and reads back: the article data's
// quote texts (the body holds them) and the quote documents' second copy of their words.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/index/document.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

// "He said “we will stay” and left." with the quote at bytes 11..23 (marks excluded).
Article quoted_article() {
    Article article;
    article.id = "a.txt";
    article.body = "He said \xE2\x80\x9Cwe will stay\xE2\x80\x9D and left.";
    article.quotes.push_back(Quote{"we will stay", "Ann Lee", "said", 0.9, 11, 23});
    return article;
}

struct StoredCase {
    const char* why;
    void (*edit)(Article&);
    bool text_stored;  // whether the stored quote keeps its "text"
};

const StoredCase kStoredCases[] = {
    // The usual case: the text is the body's slice, so the body alone holds it.
    {"text is the body slice", [](Article&) {}, false},
    // Offsets that do not point at the text (never made by extraction, possible from a
    // sidecar-edited body): the text is kept, so it reads back as it was.
    {"offsets elsewhere", [](Article& a) { a.quotes[0].begin = 0; }, true},
    // Offsets past the body's end: kept rather than cut.
    {"offsets past the end", [](Article& a) { a.quotes[0].end = 400; }, true},
    // An empty quote at a valid place is the empty slice: nothing to store.
    {"empty quote", [](Article& a) { a.quotes[0] = Quote{"", "", "", 0.0, 3, 3}; }, false},
};

TEST(StoredArticle, QuoteTextIsLeftToTheBodyOnlyWhenItIsTheSlice) {
    for (const StoredCase& c : kStoredCases) {
        SCOPED_TRACE(c.why);
        Article article = quoted_article();
        c.edit(article);
        const nlohmann::json stored =
            nlohmann::json::parse(make_article_document(article).get_data());
        EXPECT_EQ(stored["quotes"][0].contains("text"), c.text_stored);
        const Article back = stored.get<Article>();
        ASSERT_EQ(back.quotes.size(), 1u);
        EXPECT_EQ(back.quotes[0].text, article.quotes[0].text);
        EXPECT_EQ(back.quotes[0].begin, article.quotes[0].begin);
        EXPECT_EQ(back.quotes[0].end, article.quotes[0].end);
        // Everything else is the full JSON's: only "text" may be missing.
        nlohmann::json full = article;
        full["quotes"][0].erase("text");
        nlohmann::json without = stored;
        without["quotes"][0].erase("text");
        EXPECT_EQ(without, full);
    }
}

TEST(StoredArticle, InvalidUtf8KeepsEveryQuoteText) {
    // Writing replaces the stray byte by U+FFFD (three bytes), which would move the slice.
    Article article = quoted_article();
    article.body.insert(0, "\xFF");
    ++article.quotes[0].begin;
    ++article.quotes[0].end;
    const nlohmann::json stored = nlohmann::json::parse(make_article_document(article).get_data());
    EXPECT_EQ(stored["quotes"][0]["text"], "we will stay");
    EXPECT_EQ(stored.get<Article>().quotes[0].text, "we will stay");
}

TEST(StoredArticle, ExtractOutputStyleJsonStillReads) {
    // The full form (every quote with its text) reads as before: schema 5 data, extract output.
    const Article article = quoted_article();
    const Article back = nlohmann::json(article).get<Article>();
    EXPECT_EQ(back.quotes[0].text, "we will stay");
}

// The terms of a quote document, split into those with the XQ: prefix (or its stems) and the
// unprefixed words.
struct QuoteTerms {
    std::set<std::string> quote_prefixed;
    std::set<std::string> plain;
};

QuoteTerms quote_terms(const Article& article) {
    QuoteTerms terms;
    const Xapian::Document doc = make_quote_document({article, 0, ""});
    const std::string xq(prefix_of(Field::Quote));
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string t = *it;
        if (t.starts_with(xq) || t.starts_with("Z" + xq)) terms.quote_prefixed.insert(t);
        if (field_of_term(t) == Field::Body) terms.plain.insert(t);
    }
    return terms;
}

TEST(QuoteDocument, WordsAreIndexedOnceUnprefixed) {
    const QuoteTerms terms = quote_terms(quoted_article());
    EXPECT_TRUE(terms.quote_prefixed.empty());
    EXPECT_EQ(terms.plain, (std::set<std::string>{"we", "will", "stay"}));
    EXPECT_EQ(prefix_on(Field::Quote, DocumentKind::Quote), prefix_of(Field::Body));
    EXPECT_EQ(prefix_on(Field::Quote, DocumentKind::Article), prefix_of(Field::Quote));
}

TEST(QuoteDocument, WordsKeepTheirPositionsForPhrases) {
    const Xapian::Document doc = make_quote_document({quoted_article(), 0, ""});
    std::vector<Xapian::termpos> positions;
    for (const char* word : {"we", "will", "stay"}) {
        auto it = doc.termlist_begin();
        it.skip_to(word);
        ASSERT_NE(it, doc.termlist_end());
        ASSERT_EQ(it.positionlist_count(), 1u) << word;
        positions.push_back(*it.positionlist_begin());
    }
    EXPECT_EQ(positions[1], positions[0] + 1);
    EXPECT_EQ(positions[2], positions[1] + 1);
}

}  // namespace
}  // namespace broadsheet
