// stem_memo_test.cpp — the memo stemmer gives make_stemmer()'s stems, first time and after,
// across the growth of its table and for words it does not remember.
#include "core/search/stem_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/schema.h"

namespace broadsheet {
namespace {

// Distinct made-up words ("talksa", "talksb", …) with English endings the stemmer changes.
std::vector<std::string> many_words(std::size_t count) {
    const char* endings[] = {"ing", "ed", "s", "ation", "ly", ""};
    std::vector<std::string> words;
    for (std::size_t i = 0; words.size() < count; ++i) {
        std::string word = "talk";
        for (std::size_t n = i; n > 0; n /= 26) word += static_cast<char>('a' + n % 26);
        words.push_back(word + endings[i % 6]);
    }
    return words;
}

TEST(StemMemo, GivesThePlainStemmersStems) {
    Xapian::Stem plain = make_stemmer();
    Xapian::Stem memo = make_memo_stemmer();
    struct Case {
        std::string word;
        const char* why;
    };
    const Case cases[] = {
        {"negotiations", "an ordinary word, stemmed"},
        {"negotiations", "the same word again, now from the memory"},
        {"", "the empty word is never remembered"},
        {"", "and stays right the second time"},
        {"Zanzibar", "capitals are the stemmer's business, passed through"},
        {"café", "UTF-8 bytes"},
        {std::string(70000, 'a'), "longer than a slot can describe: stemmed every time"},
        {std::string(70000, 'a'), "the same long word again"},
    };
    for (const auto& c : cases) EXPECT_EQ(memo(c.word), plain(c.word)) << c.why;
}

TEST(StemMemo, StaysRightAsItsTableGrows) {
    Xapian::Stem plain = make_stemmer();
    Xapian::Stem memo = make_memo_stemmer();
    // 20,000 words: the table of 4,096 slots doubles several times; each word asked twice,
    // before and after the growth.
    const std::vector<std::string> words = many_words(20'000);
    for (const auto& word : words) ASSERT_EQ(memo(word), plain(word)) << word;
    for (const auto& word : words) ASSERT_EQ(memo(word), plain(word)) << word;
}

}  // namespace
}  // namespace broadsheet
