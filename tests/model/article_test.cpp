// article_test.cpp — Article JSON round trip, with absent values as null.
#include "core/article.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace broadsheet {
namespace {

TEST(Article, JsonRoundTripKeepsEveryField) {
    Article a;
    a.id = "x.txt";
    a.source_path = "x.txt";
    a.title = "Title";
    a.date = Date::make(2016, 9, 9);
    a.outlet = "Bloomberg";
    a.body = "He said “hi”.";
    a.speakers = {"John Kerry"};
    a.quotes.push_back(Quote{"hi", "John Kerry", "said", 0.9, 11, 13});
    a.content_hash = "abc";
    const nlohmann::json j = a;
    EXPECT_TRUE(j.at("author").is_null());  // absent values are null, not ""
    EXPECT_EQ(j.at("date"), "2016-09-09");
    const Article back = j.get<Article>();
    EXPECT_EQ(back.title, a.title);
    EXPECT_EQ(back.date, a.date);
    EXPECT_EQ(back.author, "");
    ASSERT_EQ(back.quotes.size(), 1u);
    EXPECT_EQ(back.quotes[0].speaker, "John Kerry");
    EXPECT_EQ(back.quotes[0].end, 13u);
}

TEST(Article, UnknownDateIsNull) {
    Article a;
    const nlohmann::json j = a;
    EXPECT_TRUE(j.at("date").is_null());
    EXPECT_FALSE(j.get<Article>().date.has_value());
}

struct CodePointCase {
    const char* text;
    std::size_t byte_offset;
    std::size_t expected;
};

const CodePointCase kCodePointCases[] = {
    {"abc", 2, 2},             // ASCII: bytes and code points agree
    {"\xE2\x80\x9Chi", 3, 1},  // after a curly quote (3 bytes, 1 code point)
    {"Erdo\xC4\x9F"
     "an",
     6, 5},          // after a 2-byte letter inside a name
    {"abc", 99, 3},  // an offset past the end is clamped, never read out of bounds
};

TEST(Article, CodePointsBeforeCountsCharactersNotBytes) {
    for (const auto& c : kCodePointCases)
        EXPECT_EQ(code_points_before(c.text, c.byte_offset), c.expected) << c.text;
}

}  // namespace
}  // namespace broadsheet
