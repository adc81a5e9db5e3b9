// grouping_test.cpp — table tests of quote normalisation, bigram containment and group ids.
#include "core/quotes/grouping.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace broadsheet {
namespace {

const std::string kKerry =
    "We are not going to allow the convoy to be stopped by anyone who wants this war to continue";

struct WordsCase {
    const char* why;
    std::string text;
    std::vector<std::string> words;
};

TEST(QuoteWords, NormalisesCasePunctuationAndQuoteMarks) {
    const std::vector<WordsCase> cases = {
        // Curly and straight apostrophes must give the same word, or outlets' typography splits
        // groups.
        {"apostrophes", "We don\u2019t, we DON'T.", {"we", "dont", "we", "dont"}},
        // Pure ASCII takes a faster path that must follow the same rules.
        {"ascii path", "Don't STOP-now, 'ok'", {"dont", "stop", "now", "ok"}},
        // Nested quotation marks, dashes and ellipses are not words.
        {"marks", "\u201cPeace \u2014 now\u2026\u201d 'said' he", {"peace", "now", "said", "he"}},
        // Non-ASCII letters are kept and case-folded.
        {"unicode", "\u00c9COLE Stra\u00dfe", {"\u00e9cole", "strasse"}},
        // Decomposed input (e + combining acute) keeps the mark inside the word.
        {"decomposed", "e\u0301cole ok", {"e\u0301cole", "ok"}},
        // Numbers are words: "2016" must match "2016".
        {"digits", "In 2016, 40%", {"in", "2016", "40"}},
        {"empty", "  \u201c\u201d ", {}},
    };
    for (const auto& c : cases) EXPECT_EQ(quote_words(c.text), c.words) << c.why;
}

struct PairCase {
    const char* why;
    std::string a;
    std::string a_speaker;
    std::string b;
    std::string b_speaker;
    bool grouped;
};

std::vector<std::string> groups_of(const PairCase& c) {
    const std::vector<QuoteForGrouping> quotes = {
        {"a~q1", c.a, c.a_speaker, Date::make(2016, 9, 1)},
        {"b~q1", c.b, c.b_speaker, Date::make(2016, 9, 2)}};
    return group_quotes(quotes);
}

TEST(GroupQuotes, PairsGroupOnlyWhenTheWordsAreTheSame) {
    const std::vector<PairCase> cases = {
        // The same words with different punctuation and case: the plainest duplicate.
        {"verbatim", kKerry + ".", "John Kerry", "\u201c" + kKerry + ",\u201d", "John Kerry", true},
        // One outlet keeps only the start of the sentence.
        {"trimmed", "We are not going to allow the convoy to be stopped", "John Kerry", kKerry,
         "John Kerry", true},
        // One word changed (anyone → somebody), speaker known on one side only: lightly reworded.
        {"reworded",
         "We are not going to allow the convoy to be stopped by somebody who wants this war to "
         "continue",
         "John Kerry", kKerry, "", true},
        // Same topic, shared words, different statement: must stay apart.
        {"unrelated same topic", "The convoy was stopped because this war wants to continue", "",
         kKerry, "", false},
        // Same words attributed to two different people: two statements, not one.
        {"different speakers", kKerry, "John Kerry", kKerry, "Sergei Lavrov", false},
        // One-word quotes repeat in unrelated stories and must not group even when identical.
        {"one word identical", "Terrorists", "", "terrorists", "", false},
        // A short quote that occurs inside a long one is still too little evidence.
        {"short inside long", "the convoy", "", kKerry, "", false},
        // Heavily reworded: most bigrams differ.
        {"paraphrase", "Nobody who wants the war to go on will be allowed to stop the convoy", "",
         kKerry, "", false},
    };
    for (const auto& c : cases) {
        const auto groups = groups_of(c);
        ASSERT_EQ(groups.size(), 2u) << c.why;
        EXPECT_EQ(groups[0] == groups[1], c.grouped) << c.why;
        if (c.grouped) {
            EXPECT_EQ(groups[0], "a~q1") << c.why << ": the earlier quote names it";
        }
    }
}

TEST(GroupQuotes, ContainmentIsMeasuredOnTheShorterQuote) {
    EXPECT_DOUBLE_EQ(bigram_containment("We are not going to allow the convoy", kKerry), 1.0);
    EXPECT_DOUBLE_EQ(bigram_containment("two words", kKerry), 0.0);  // below kMinGroupWords
    EXPECT_LT(
        bigram_containment("The convoy was stopped because this war wants to continue", kKerry),
        kMinContainment);
}

struct OrderCase {
    const char* why;
    std::vector<QuoteForGrouping> quotes;
    std::string group;  // expected id shared by all
};

TEST(GroupQuotes, GroupIdIsTheEarliestMember) {
    const std::vector<OrderCase> cases = {
        // The earliest date wins regardless of input order.
        {"by date",
         {{"z~q1", kKerry, "", Date::make(2016, 9, 3)},
          {"y~q2", kKerry, "", Date::make(2016, 9, 1)}},
         "y~q2"},
        // Undated quotes come last: a dated member names the group.
        {"undated last",
         {{"a~q1", kKerry, "", std::nullopt}, {"b~q1", kKerry, "", Date::make(2020, 1, 1)}},
         "b~q1"},
        // Same date: the smaller id, so the result never depends on input order.
        {"tie by id",
         {{"m~q1", kKerry, "", Date::make(2016, 9, 1)},
          {"k~q4", kKerry, "", Date::make(2016, 9, 1)}},
         "k~q4"},
        // Chains join: a trimmed quote links to the full one, which links to a reworded one.
        {"transitive",
         {{"c~q1", "We are not going to allow the convoy to be stopped", "",
           Date::make(2016, 9, 5)},
          {"d~q1", kKerry, "", Date::make(2016, 9, 4)},
          {"e~q1",
           "We are not going to allow the convoy to be stopped by somebody who wants this war to "
           "continue",
           "", Date::make(2016, 9, 6)}},
         "d~q1"},
    };
    for (const auto& c : cases) {
        for (const auto& group : group_quotes(c.quotes)) EXPECT_EQ(group, c.group) << c.why;
    }
}

TEST(GroupQuotes, ManyDistinctQuotesStaySeparateAndFast) {
    // 20,000 quotes built from 400 words: shared words everywhere, but no shared statements.
    std::vector<QuoteForGrouping> quotes;
    unsigned state = 12345;
    auto next = [&] {
        state = state * 1103515245u + 12345u;
        return (state >> 8) % 400;
    };
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        for (int w = 0; w < 12; ++w) text += "w" + std::to_string(next()) + " ";
        quotes.push_back({"q" + std::to_string(i), text, "", std::nullopt});
    }
    quotes.push_back({"dup", quotes[7].text, "", Date::make(2000, 1, 1)});
    const auto groups = group_quotes(quotes);
    std::size_t self_named = 0;
    for (std::size_t i = 0; i < quotes.size(); ++i) self_named += groups[i] == quotes[i].id;
    EXPECT_EQ(groups[7], "dup");  // the one planted duplicate joins, the dated copy names it
    EXPECT_EQ(self_named, quotes.size() - 1);
}

// Quotes with random words from a small vocabulary, some repeated, trimmed or reworded, so that
// groups of several sizes form; the same seed gives the same quotes.
std::vector<QuoteForGrouping> random_quotes(std::size_t count, unsigned seed) {
    unsigned state = seed;
    auto next = [&](unsigned range) {
        state = state * 1103515245u + 12345u;
        return (state >> 8) % range;
    };
    std::vector<QuoteForGrouping> quotes;
    for (std::size_t i = 0; i < count; ++i) {
        std::string text;
        if (!quotes.empty() && next(3) == 0) {
            text = quotes[next(static_cast<unsigned>(quotes.size()))].text;  // reported again
            if (next(2) == 0) text = text.substr(text.find(' ') + 1);        // trimmed
            if (next(2) == 0) text += " w" + std::to_string(next(60));       // one word more
        } else {
            for (int w = 0; w < 8; ++w) text += "w" + std::to_string(next(60)) + " ";
        }
        const std::string speaker = next(4) == 0 ? "" : "s" + std::to_string(next(3));
        quotes.push_back({"q" + std::to_string(1000 + i), text, speaker,
                          Date::make(2016, 1 + static_cast<int>(next(12)), 1)});
    }
    return quotes;
}

struct AroundCase {
    const char* why;
    std::vector<std::size_t> removed;  // indexes into the quotes before
    std::size_t added = 0;             // new quotes appended after
};

// The groups before, the change, and regroup_around's answer applied over them, must be
// group_quotes' answer for the quotes after.
TEST(RegroupAround, GivesTheGroupsOfAFullGrouping) {
    const std::vector<AroundCase> cases = {
        // New quotes only: they join groups, merge them or stay alone.
        {"added", {}, 40},
        // Removed quotes only: groups lose members, split or get another earliest member.
        {"removed", {3, 10, 11, 50, 120, 121, 199}, 0},
        // Both, as an update that edits quotes sees them.
        {"both", {0, 5, 77, 150}, 25},
        // No change: nothing to regroup.
        {"nothing", {}, 0},
    };
    for (const auto& c : cases) {
        const std::vector<QuoteForGrouping> all = random_quotes(200 + c.added, 77);
        std::vector<QuoteForGrouping> before(all.begin(), all.begin() + 200);
        const std::vector<std::string> before_groups = group_quotes(before);
        std::vector<QuoteForGrouping> after;
        std::vector<std::string> kept_groups;
        GroupingChange change;
        std::set<std::string> vacated;
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (std::find(c.removed.begin(), c.removed.end(), i) != c.removed.end()) {
                change.removed.push_back(before[i]);
                vacated.insert(before_groups[i]);
                continue;
            }
            after.push_back(before[i]);
            kept_groups.push_back(before_groups[i]);
        }
        for (std::size_t i = 200; i < all.size(); ++i) {
            change.changed.push_back(after.size());
            after.push_back(all[i]);
            kept_groups.push_back(all[i].id);
        }
        for (std::size_t i = 0; i < kept_groups.size(); ++i)
            if (vacated.count(kept_groups[i])) change.vacated.push_back(i);
        const auto around = regroup_around(after, change);
        ASSERT_TRUE(around) << c.why;
        for (const auto& quote : *around) kept_groups[quote.index] = quote.group;
        EXPECT_EQ(kept_groups, group_quotes(after)) << c.why;
    }
}

// A bigram in 2000 distinct quotes is probed, in 2001 it is not: adding the 2001st could change
// which pairs are found anywhere, so regroup_around leaves the answer to group_quotes.
TEST(RegroupAround, DeclinesWhenABigramMayCrossTheProbingThreshold) {
    std::vector<QuoteForGrouping> quotes;
    for (int i = 0; i < 2001; ++i) {
        const std::string n = std::to_string(i);
        quotes.push_back({"q" + n, "common phrase a" + n + " b" + n + " c" + n, "", std::nullopt});
    }
    GroupingChange change;
    change.changed = {2000};
    EXPECT_FALSE(regroup_around(quotes, change));
    // Far from the threshold the same kind of change is answered.
    quotes.resize(100);
    change.changed = {99};
    EXPECT_TRUE(regroup_around(quotes, change));
}

}  // namespace
}  // namespace broadsheet
