// extract_output_test.cpp — the `extract` JSON line and its word count.
#include "core/index/extract_output.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct WordCase {
    const char* why;
    std::string_view text;
    std::size_t words;
};

class CountWords : public testing::TestWithParam<WordCase> {};

TEST_P(CountWords, Counts) {
    EXPECT_EQ(count_words(GetParam().text), GetParam().words) << GetParam().why;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, CountWords,
    testing::Values(
        WordCase{"empty body", "", 0},
        WordCase{"plain words and paragraph breaks", "Kerry met Putin.\n\nThey talked.", 5},
        WordCase{"a dash between spaces is not a word", "Iran -- Assad", 2},
        WordCase{"curly quotes stick to their word", "\u201crelax.\u201d", 1},
        WordCase{"a bullet line counts its words only", "  \u2022 Humanitarian crisis", 2},
        WordCase{"no-break space separates words", "48\u00a0hours", 2},
        WordCase{"non-Latin letters are words", "\u041c\u043e\u0441\u043a\u0432\u0430 is Moscow",
                 3},
        WordCase{"invalid UTF-8 never crashes and stays inside its token", "caf\xe9 au lait", 3}));

TEST(ExtractOutput, HasEveryFieldWithNullsForAbsentValues) {
    Article article;
    article.id = "a";
    article.title = "Title";
    article.body = "one two three";
    article.speakers = {"John Kerry"};
    article.quotes.push_back(Quote{"one", "John Kerry", "said", 0.75, 0, 3});
    const auto line = extract_output("corpus/a.txt", article);
    for (const char* key : {"file", "id", "title", "date", "outlet", "author", "url", "speakers",
                            "quotes", "words"}) {
        EXPECT_TRUE(line.contains(key)) << key;
    }
    EXPECT_EQ(line.begin().key(), "file");  // documented order, not alphabetical
    EXPECT_EQ(line["file"], "corpus/a.txt");
    EXPECT_TRUE(line["date"].is_null());
    EXPECT_TRUE(line["outlet"].is_null());
    EXPECT_TRUE(line["author"].is_null());
    EXPECT_TRUE(line["url"].is_null());
    EXPECT_EQ(line["words"], 3);
    EXPECT_EQ(line["speakers"], nlohmann::ordered_json::array({"John Kerry"}));
    const auto& quote = line["quotes"][0];
    EXPECT_EQ(quote["speaker"], "John Kerry");
    EXPECT_EQ(quote["text"], "one");
    EXPECT_EQ(quote["cue"], "said");
    EXPECT_EQ(quote["begin"], 0);
    EXPECT_EQ(quote["end"], 3);

    article.date = Date::make(2017, 11, 17);
    EXPECT_EQ(extract_output("a.txt", article)["date"], "2017-11-17");
}

}  // namespace
}  // namespace broadsheet
