// discovery_test.cpp — "more like this" (relevance feedback) and as-you-type suggestions over
// small real indexes: what they find, what they never return, their limits and errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/expand.h"
#include "core/search/related.h"
#include "core/search/search_context.h"
#include "core/search/suggest.h"
#include "tests/search/quote_index.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Throws what `action` throws, or fails the test when it does not throw at all.
template <class Action>
ErrorCode error_of(Action&& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "no error thrown";
    return ErrorCode::Internal;
}

class DiscoveryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        articles_ = testing_support::sample_articles();
        // A fifth article on the a1 topic (Kerry, Lavrov, Syria talks): the closest match to a1.
        articles_.push_back(testing_support::make_article(
            "a5", "Kerry and Lavrov talk Syria again",
            "Kerry and Lavrov discussed Syria, Geneva and the ceasefire once more.", "Reuters",
            {"John Kerry", "Sergei Lavrov"}, "2016-03-01"));
        testing_support::write_index(dir_.path() / "db", articles_);
        context_ = std::make_unique<SearchContext>(Xapian::Database((dir_.path() / "db").string()));
    }

    const Article& article(const std::string& id) const {
        return *std::find_if(articles_.begin(), articles_.end(),
                             [&](const Article& a) { return a.id == id; });
    }

    std::vector<Suggestion> suggest(const std::string& q, unsigned limit = kDefaultSuggestLimit) {
        return broadsheet::suggest(*context_, {q, limit}).suggestions;
    }

    TempDir dir_;
    std::vector<Article> articles_;
    std::unique_ptr<SearchContext> context_;
};

TEST_F(DiscoveryTest, RelatedNeverReturnsTheArticleItselfAndSharesItsWords) {
    for (const auto& source : articles_) {
        const RelatedResult result = related(*context_, {source.id, kMaxRelatedSize});
        EXPECT_EQ(result.id, source.id);
        ASSERT_FALSE(result.terms.empty()) << source.id;
        for (const auto& hit : result.hits) {
            EXPECT_NE(hit.id, source.id) << "an article is not related to itself";
            // Every hit matched the OR of the terms, so it holds at least one of them.
            const std::string text = lower(article(hit.id).title + " " + article(hit.id).body);
            EXPECT_TRUE(std::any_of(
                result.terms.begin(), result.terms.end(),
                [&](const std::string& w) { return text.find(w) != std::string::npos; }))
                << source.id << " → " << hit.id;
        }
        // The terms are words of the source article itself.
        const std::string own = lower(source.title + " " + source.body);
        for (const auto& word : result.terms)
            EXPECT_NE(own.find(word), std::string::npos) << source.id << ": " << word;
    }
}

TEST_F(DiscoveryTest, RelatedRanksTheClosestArticleFirst) {
    const RelatedResult result = related(*context_, {"a1", kDefaultRelatedSize});
    ASSERT_FALSE(result.hits.empty());
    // a5 shares Kerry, Lavrov, Syria, Geneva and ceasefire with a1; the others one word at most.
    EXPECT_EQ(result.hits[0].id, "a5");
    // Hits carry the search hit fields, and the leading excerpt as snippet.
    EXPECT_EQ(result.hits[0].title, "Kerry and Lavrov talk Syria again");
    EXPECT_EQ(result.hits[0].outlet, "Reuters");
    EXPECT_EQ(result.hits[0].snippet, article("a5").body);
}

TEST_F(DiscoveryTest, RelatedTermsAreFreeTextWordsOnly) {
    const RelatedResult result = related(*context_, {"a1", kDefaultRelatedSize});
    for (const auto& word : result.terms) {
        // No field prefixes (XSPEAKER:, S…), stemmed forms (Z…), numbers or stopwords.
        EXPECT_FALSE(std::isupper(static_cast<unsigned char>(word[0]))) << word;
        EXPECT_EQ(word.find(':'), std::string::npos) << word;
        EXPECT_TRUE(is_telling_word(word)) << word;
    }
    EXPECT_NE(std::find(result.terms.begin(), result.terms.end(), "ceasefire"), result.terms.end());
}

TEST_F(DiscoveryTest, RelatedRespectsSizeAndRefusesBadRequests) {
    EXPECT_EQ(related(*context_, {"a1", 1}).hits.size(), 1u);
    struct Case {
        const char* why;
        RelatedParams params;
        ErrorCode code;
    };
    const Case cases[] = {
        // No article has this id.
        {"unknown id", {"zzz", 5}, ErrorCode::NotFound},
        // An empty id is no id.
        {"empty id", {"", 5}, ErrorCode::NotFound},
        {"size zero", {"a1", 0}, ErrorCode::InvalidArgument},
        {"size over the cap", {"a1", kMaxRelatedSize + 1}, ErrorCode::InvalidArgument},
    };
    for (const auto& c : cases)
        EXPECT_EQ(error_of([&] { related(*context_, c.params); }), c.code) << c.why;
}

TEST(Related, QuoteDocumentsAreNeitherSourcesNorHits) {
    TempDir dir;
    testing_support::write_quote_index(dir.path() / "db");
    SearchContext context(Xapian::Database((dir.path() / "db").string()));
    // Quote documents hold the quotes' words in the default field too, so only the type
    // filter keeps them out of the hits.
    for (const char* id : {"a1", "a2", "a3"}) {
        for (const auto& hit : related(context, {id, kMaxRelatedSize}).hits)
            EXPECT_EQ(hit.id.find('~'), std::string::npos) << id << " → " << hit.id;
    }
    // A quote's id names no article.
    EXPECT_EQ(error_of([&] { related(context, {"a1~q1", 5}); }), ErrorCode::NotFound);
}

struct SuggestCase {
    const char* why;
    std::string q;
    std::vector<std::string> expected;  // "kind:value:count" or "title:id", in order
};

std::vector<std::string> described(const std::vector<Suggestion>& suggestions) {
    std::vector<std::string> out;
    for (const auto& s : suggestions) {
        switch (s.kind) {
            case SuggestionKind::Speaker:
                out.push_back("speaker:" + s.value + ":" + std::to_string(s.count));
                break;
            case SuggestionKind::Outlet:
                out.push_back("outlet:" + s.value + ":" + std::to_string(s.count));
                break;
            case SuggestionKind::Title:
                out.push_back("title:" + s.id);
                break;
        }
    }
    return out;
}

TEST_F(DiscoveryTest, SuggestsSpeakersOutletsAndTitles) {
    const SuggestCase cases[] = {
        // The start of a surname; counts are articles (a1, a3, a5 name Kerry).
        {"surname prefix", "ker", {"speaker:John Kerry:3", "title:a5"}},
        // Case does not matter, for names and titles alike.
        {"upper case", "KER", {"speaker:John Kerry:3", "title:a5"}},
        // The first name is a word too; several words match as one prefix of the name.
        {"first name", "john k", {"speaker:John Kerry:3"}},
        // The middle of a word is not the start of one.
        {"inside a word", "erry", {}},
        // Outlets by any word; titles by the words typed, the last one unfinished.
        {"outlet word and title", "mosc", {"outlet:The Moscow Times:1", "title:a2"}},
        {"most articles first", "b", {"outlet:Bloomberg:2"}},
        // Two title words, the second unfinished; both must be in the title.
        {"partial title query", "ceasefire ta", {"title:a1"}},
        // Spaces around the text change nothing.
        {"trimmed", "  lavr ", {"speaker:Sergei Lavrov:2", "title:a5"}},
        {"nothing typed", "", {}},
        {"only spaces", "   ", {}},
        // Half-typed query syntax is read as words, never as an error.
        {"stray syntax", "\"regime AND (", {}},
    };
    for (const auto& c : cases) EXPECT_EQ(described(suggest(c.q)), c.expected) << c.why;
}

TEST_F(DiscoveryTest, SuggestLimitsEachKind) {
    // "ceasefire" is in two titles (a1 and a4); then one per kind is asked for.
    const auto all = suggest("ceasef");
    EXPECT_EQ(std::count_if(all.begin(), all.end(),
                            [](const Suggestion& s) { return s.kind == SuggestionKind::Title; }),
              2);
    const auto one = described(suggest("ceasef", 1));
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].rfind("title:", 0), 0u);
    // The response echoes the query as given.
    EXPECT_EQ(broadsheet::suggest(*context_, {" Ker", 5}).query, " Ker");
}

TEST_F(DiscoveryTest, SuggestRefusesBadRequests) {
    struct Case {
        const char* why;
        SuggestParams params;
    };
    const Case cases[] = {
        {"q over 100 bytes", {std::string(kMaxSuggestQueryBytes + 1, 'a'), 5}},
        {"limit zero", {"ker", 0}},
        {"limit over the cap", {"ker", kMaxSuggestLimit + 1}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(error_of([&] { broadsheet::suggest(*context_, c.params); }),
                  ErrorCode::InvalidArgument)
            << c.why;
    // Exactly 100 bytes is still fine.
    EXPECT_NO_THROW(broadsheet::suggest(*context_, {std::string(kMaxSuggestQueryBytes, 'a'), 5}));
}

TEST(Suggest, CountsArticlesNotQuotes) {
    TempDir dir;
    testing_support::write_quote_index(dir.path() / "db");
    SearchContext context(Xapian::Database((dir.path() / "db").string()));
    // Lavrov is quoted twice (in a1 and a3) but named as a speaker only by a1: one article.
    const auto found = broadsheet::suggest(context, {"lavrov", 5}).suggestions;
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0].kind, SuggestionKind::Speaker);
    EXPECT_EQ(found[0].value, "Sergei Lavrov");
    EXPECT_EQ(found[0].count, 1u);
}

TEST(Suggest, FoldsCaseBeyondAscii) {
    TempDir dir;
    testing_support::write_index(
        dir.path() / "db",
        {testing_support::make_article("f1", "Élysée statement", "The Élysée answered.", "Le Monde",
                                       {"Émilie Lévêque"}, "2020-01-02")});
    SearchContext context(Xapian::Database((dir.path() / "db").string()));
    // Accented capitals fold like ASCII ones, in names and in titles.
    for (const char* typed : {"émi", "ÉMI", "lévê", "LÉVÊ"}) {
        const auto found = broadsheet::suggest(context, {typed, 5}).suggestions;
        ASSERT_EQ(found.size(), 1u) << typed;
        EXPECT_EQ(found[0].value, "Émilie Lévêque") << typed;
    }
    const auto titles = broadsheet::suggest(context, {"ÉLY", 5}).suggestions;
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0].id, "f1");
}

}  // namespace
}  // namespace broadsheet
