// query_cost_test.cpp — the cost caps on q and on filter values (search_types.h): one row per
// hostile query shape, refused or accepted, and what query_cost() reads from a parsed query.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/search/query_builder.h"
#include "core/search/search_internal.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

std::string repeated(const std::string& word, std::size_t n, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += separator;
        out += word;
    }
    return out;
}

// n distinct two-letter wildcards: "aa* ab* ac* …".
std::string wildcards(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += static_cast<char>('a' + i / 26 % 26);
        out += static_cast<char>('a' + i % 26);
        out += "* ";
    }
    return out;
}

class QueryCostTest : public testing_support::SampleIndexTest {};

struct RefusedQuery {
    const char* why;
    std::string q;
    const char* message_part;  // the limit the message must name, with its value
};

TEST_F(QueryCostTest, RefusesQueriesOverACap) {
    const RefusedQuery cases[] = {
        // 340 one-letter wildcards: 3.7 s of CPU at 2,000 articles uncapped.
        {"340 one-letter wildcards", repeated("a*", 340, " "), "at most 4"},
        // One over the wildcard cap, each wildcard long enough on its own.
        {"one wildcard too many", wildcards(kMaxQueryWildcards + 1), "5 wildcards; at most 4"},
        // Eight two-letter wildcards, twice the cap: 270 ms at 20,000 articles.
        {"8 two-letter wildcards", wildcards(8), "8 wildcards; at most 4"},
        // ORed wildcards cost the same as ANDed ones.
        {"wildcards ORed", repeated("ceas*", 9, " OR "), "9 wildcards"},
        // A one-letter prefix expands over a whole letter of the vocabulary.
        {"one-letter wildcard", "a*", "at least 2 characters before *"},
        // Characters, not bytes: é is two bytes but one character.
        {"one accented letter", "é*", "at least 2 characters"},
        // A CJK character is one code point of three bytes.
        {"one CJK character", "日*", "at least 2 characters"},
        // The field prefix is not part of the literal prefix.
        {"field prefix does not count", "title:a*", "the wildcard a*"},
        // The shortest wildcard is the one named, whatever its position.
        {"short wildcard after long ones", "ceasefi* talk* b*", "the wildcard b*"},
        // A long AND chain: every word opens a posting list.
        {"65 words", repeated("talks", kMaxQueryTerms + 1, " "), "65 terms; at most 64"},
        // A long OR chain is the costlier form of the same.
        {"65 words ORed", repeated("talks", kMaxQueryTerms + 1, " OR "), "at most 64"},
        // 33 two-word phrases (66 terms) break the phrase cap first: that is what costs.
        {"33 two-word phrases", repeated("\"peace talks\"", 33, " OR "),
         "33 phrase or NEAR/ADJ groups; at most 8"},
        // NEAR chains are positional work over every word.
        {"65 words NEAR", repeated("talks", kMaxQueryTerms + 1, " NEAR "), "at most 64"},
        // One phrase over the cap: 32 ORed phrases of frequent words took 1,045 ms at 20,000.
        {"9 two-word phrases ORed", repeated("\"peace talks\"", 9, " OR "),
         "9 phrase or NEAR/ADJ groups; at most 8 are allowed"},
        // ANDed phrases are refused alike: each is its own positional check.
        {"9 two-word phrases ANDed", repeated("\"peace talks\"", 9, " "), "9 phrase"},
        // NEAR groups are positional like phrases and share the cap.
        {"9 NEAR pairs ORed", repeated("(peace NEAR talks)", 9, " OR "), "9 phrase"},
        // ADJ is a phrase with a window: counted the same.
        {"9 ADJ pairs ORed", repeated("(peace ADJ talks)", 9, " OR "), "9 phrase"},
        // Phrases and NEAR groups count together.
        {"5 phrases and 4 NEAR pairs",
         repeated("\"peace talks\"", 5, " OR ") + " OR " +
             repeated("(kerry NEAR lavrov)", 4, " OR "),
         "9 phrase"},
        // QueryParser turns a hyphenated word into a phrase; the message says so.
        {"9 hyphenated words", repeated("cease-fire", 9, " "), "hyphenated word"},
    };
    QueryBuilder builder(db_);
    for (const auto& c : cases) {
        SearchParams params;
        params.q = c.q;
        try {
            builder.build(params);
            ADD_FAILURE() << c.why << ": accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidQuery) << c.why;
            EXPECT_EQ(std::string(e.what()).rfind("q has ", 0), 0u) << c.why << ": " << e.what();
            EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos)
                << c.why << ": " << e.what();
        }
    }
}

struct AcceptedQuery {
    const char* why;
    std::string q;
};

TEST_F(QueryCostTest, AcceptsQueriesAtTheCaps) {
    const AcceptedQuery cases[] = {
        // Exactly the wildcard cap, each at the minimum prefix.
        {"4 two-letter wildcards", wildcards(kMaxQueryWildcards)},
        // Exactly the phrase cap.
        {"8 two-word phrases ORed", repeated("\"peace talks\"", kMaxQueryPhrases, " OR ")},
        // Both caps at once: 8 phrases of 8 words are 64 terms in 8 groups.
        {"8 eight-word phrases", repeated("\"a b c d e f g h\"", 8, " OR ")},
        // A NEAR chain of any length is one group (its words count as terms).
        {"64 words NEAR", repeated("talks", kMaxQueryTerms, " NEAR ")},
        // Eight hyphenated words are eight phrases: still allowed.
        {"8 hyphenated words", repeated("cease-fire", 8, " ")},
        // Two characters of four bytes meet the minimum.
        {"two accented letters", "éc*"},
        // Inside a phrase `*` is no wildcard, so its length does not matter.
        {"star inside a phrase", "\"a* talks\""},
        // Exactly the term cap.
        {"64 words", repeated("talks", kMaxQueryTerms, " ")},
        // A field-prefixed wildcard with a long enough prefix.
        {"title wildcard", "title:ge*"},
        // A boolean prefix takes its value literally: no wildcard, no expansion.
        {"boolean prefix with a star", "year:2*"},
        // Negation alone matches all but the excluded term (MatchAll is no term).
        {"pure NOT", "NOT sanctions"},
    };
    QueryBuilder builder(db_);
    for (const auto& c : cases) {
        SearchParams params;
        params.q = c.q;
        EXPECT_NO_THROW(builder.build(params)) << c.why;
    }
}

struct CostCase {
    const char* why;
    Xapian::Query query;
    std::size_t terms;
    std::size_t wildcards;
    const char* shortest;  // shortest_wildcard
    std::size_t shortest_chars;
};

TEST(QueryCost, ReadsTermsAndWildcardsFromTheParsedQuery) {
    using Q = Xapian::Query;
    const Q title_wildcard(Q::OP_WILDCARD, "Sgen", 100, Q::WILDCARD_LIMIT_MOST_FREQUENT);
    const Q body_wildcard(Q::OP_WILDCARD, "ké", 100, Q::WILDCARD_LIMIT_MOST_FREQUENT);
    const Q quote_wildcard(Q::OP_WILDCARD, "XQ:regi", 100, Q::WILDCARD_LIMIT_MOST_FREQUENT);
    const std::vector<Q> words = {Q("talks"), Q("peace"), Q("geneva")};
    const CostCase cases[] = {
        // A single term.
        {"one term", Q("talks"), 1, 0, "", 0},
        // Every leaf under an operator counts.
        {"three terms ANDed", Q(Q::OP_AND, words.begin(), words.end()), 3, 0, "", 0},
        // The description pattern of a title wildcard loses its S prefix.
        {"title wildcard", title_wildcard, 1, 1, "gen*", 3},
        // Characters are code points: "ké" is two of three bytes.
        {"accented wildcard", body_wildcard, 1, 1, "ké*", 2},
        // The shortest of several wildcards, an X-prefix stripped whole.
        {"shortest of two", Q(Q::OP_OR, quote_wildcard, body_wildcard), 2, 2, "ké*", 2},
        // A date range is a leaf too; MatchAll is none.
        {"range and match-all",
         Q(Q::OP_AND_NOT, Q(std::string()), Q(Q::OP_VALUE_RANGE, 0, "20170101", "20171231")), 1, 0,
         "", 0},
    };
    for (const auto& c : cases) {
        const QueryCost cost = query_cost(c.query);
        EXPECT_EQ(cost.terms, c.terms) << c.why;
        EXPECT_EQ(cost.wildcards, c.wildcards) << c.why;
        EXPECT_EQ(cost.shortest_wildcard, c.shortest) << c.why;
        EXPECT_EQ(cost.shortest_wildcard_chars, c.shortest_chars) << c.why;
    }
}

struct PhraseCase {
    const char* why;
    std::string q;
    std::size_t phrases;
};

TEST_F(QueryCostTest, CountsPhraseAndNearGroups) {
    const PhraseCase cases[] = {
        // Plain words and wildcards are no positional group.
        {"words and a wildcard", "peace talks gen*", 0},
        // One quoted phrase.
        {"one phrase", "\"peace talks\"", 1},
        // A one-word "phrase" is just the word.
        {"one-word phrase", "\"talks\"", 0},
        // A NEAR chain is one OP_NEAR over all its words.
        {"NEAR chain", "peace NEAR talks NEAR geneva", 1},
        // ADJ makes an OP_PHRASE with a window.
        {"ADJ pair", "peace ADJ talks", 1},
        // A hyphenated word is a phrase of its parts.
        {"hyphenated word", "cease-fire talks", 1},
        // Groups are counted wherever they sit in the tree.
        {"nested", "(\"peace talks\" OR (kerry NEAR lavrov)) AND NOT \"oil prices\"", 3},
    };
    Xapian::QueryParser parser;
    parser.set_database(db_);
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_WILDCARD;
    for (const auto& c : cases)
        EXPECT_EQ(query_cost(parser.parse_query(c.q, flags)).phrases, c.phrases) << c.why;
}

// Counts the matches it sees, sleeping `pause` on each: a pass slow enough to outlast a budget.
class SlowCountSpy : public Xapian::MatchSpy {
  public:
    explicit SlowCountSpy(std::chrono::milliseconds pause) : pause_(pause) {}
    void operator()(const Xapian::Document& /*doc*/, double /*wt*/) override {
        std::this_thread::sleep_for(pause_);
        ++seen;
    }
    Xapian::doccount seen = 0;

  private:
    std::chrono::milliseconds pause_;
};

struct BudgetCase {
    const char* why;
    double budget_seconds;
    std::chrono::milliseconds pause;  // per match, in the counting pass
    MatchEnd end;
};

TEST_F(QueryCostTest, CountingPassesEndAtTheBudget) {
    using namespace std::chrono_literals;
    const BudgetCase cases[] = {
        // Time to spare: the pass sees every match.
        {"ample budget", 10.0, 0ms, MatchEnd::Complete},
        // A pass outlasting the budget stops at its deadline, its spies short of the matches.
        {"pass outlasts the budget", 0.015, 10ms, MatchEnd::TimedOut},
        // A pass starting with the budget spent still gets kLatePassSeconds (10 ms), not 0.
        {"budget already spent", 0.0, 8ms, MatchEnd::TimedOut},
    };
    const Xapian::doccount matches = db_.get_doccount();
    ASSERT_GE(matches, 4u);
    for (const auto& c : cases) {
        search_internal::MatchBudget budget(c.budget_seconds);
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(std::string()));
        SlowCountSpy spy(c.pause);
        enquire.add_matchspy(&spy);
        budget.count(enquire, matches, ShardReach::Local);
        EXPECT_EQ(budget.end(), c.end) << c.why;
        if (c.end == MatchEnd::Complete) {
            EXPECT_EQ(spy.seen, matches) << c.why;
        } else {
            EXPECT_GE(spy.seen, 1u) << c.why;
            EXPECT_LT(spy.seen, matches) << c.why;
        }
    }
}

TEST_F(QueryCostTest, RankingPassTimedOutWhenItsSpiesMissMatches) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query("ceasefire"));
    const Xapian::MSet mset = enquire.get_mset(0, 10, db_.get_doccount());
    ASSERT_EQ(mset.get_matches_lower_bound(), mset.get_matches_upper_bound());
    const Xapian::doccount total = mset.get_matches_lower_bound();
    ASSERT_GT(total, 0u);
    // Every match seen: complete.
    search_internal::MatchBudget complete;
    complete.record(mset, total);
    EXPECT_EQ(complete.end(), MatchEnd::Complete);
    // Exact bounds (a single term) but spies short of them: the time limit fired.
    search_internal::MatchBudget stopped;
    stopped.record(mset, total - 1);
    EXPECT_EQ(stopped.end(), MatchEnd::TimedOut);
}

}  // namespace
}  // namespace broadsheet
