// prefix_match_test.cpp — table of word-start prefix matches behind /api/speakers and
// /api/facets/{name}: case folding, word boundaries, non-ASCII letters.
#include "core/search/prefix_match.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct PrefixCase {
    const char* why;
    const char* text;
    const char* typed;  // as the user typed it; folded by the test like the callers do
    bool matches;
};

TEST(PrefixMatch, WordStartsCaseFolded) {
    const PrefixCase cases[] = {
        {"start of the value", "John Kerry", "jo", true},
        {"start of a later word", "John Kerry", "ker", true},
        {"typed in capitals", "John Kerry", "KERR", true},
        {"across a space", "John Kerry", "john ke", true},
        {"inside a word is not a word start", "John Kerry", "erry", false},
        {"longer than the word", "John Kerry", "kerrying", false},
        {"after a hyphen", "Jean-Marc Ayrault", "marc", true},
        {"after an apostrophe", "Conan O'Brien", "bri", true},
        {"after an opening parenthesis", "(unknown)", "unk", true},
        {"the parenthesis itself", "(unknown)", "(un", true},
        {"accented capital folded to lower case", "Élysée Wire", "élysée", true},
        {"accented lower case typed in capitals", "Sergueï Lavrov", "SERGUEÏ", true},
        {"Cyrillic letters fold too", "Мария Захарова", "захар", true},
        {"digits start words", "Channel 4 News", "4", true},
        {"empty prefix matches everything", "Anything", "", true},
        {"empty value matches only the empty prefix", "", "a", false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(word_starts_with(c.text, fold_case(c.typed)), c.matches) << c.why;
}

TEST(PrefixMatch, FoldCaseLowersEveryScriptAndKeepsOtherBytes) {
    EXPECT_EQ(fold_case("ÉLYSÉE Wire"), "élysée wire");
    EXPECT_EQ(fold_case("ΑΘΗΝΑ"), "αθηνα");
    EXPECT_EQ(fold_case("x-1 (y)"), "x-1 (y)");
}

}  // namespace
}  // namespace broadsheet
