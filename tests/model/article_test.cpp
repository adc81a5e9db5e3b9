// article_test.cpp — Article and stored quote record JSON round trips, with absent values as null.
#include "core/article.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

QuoteRecord sample_record() {
    QuoteRecord record;
    record.id = "x.txt~q1";
    record.text = "hi";
    record.speaker = "John Kerry";
    record.cue = "said";
    record.confidence = 0.9;
    record.begin = 11;
    record.end = 13;
    record.char_begin = 9;
    record.char_end = 11;
    record.article = {"x.txt", "Title", Date::make(2016, 9, 9), "Bloomberg", "https://x.test/"};
    return record;
}

TEST(QuoteRecord, JsonRoundTripKeepsEveryField) {
    const QuoteRecord record = sample_record();
    const QuoteRecord back = nlohmann::json(record).get<QuoteRecord>();
    EXPECT_EQ(back.id, record.id);
    EXPECT_EQ(back.text, record.text);
    EXPECT_EQ(back.speaker, record.speaker);
    EXPECT_EQ(back.cue, record.cue);
    EXPECT_EQ(back.confidence, record.confidence);
    EXPECT_EQ(back.begin, record.begin);
    EXPECT_EQ(back.end, record.end);
    EXPECT_EQ(back.char_begin, record.char_begin);
    EXPECT_EQ(back.char_end, record.char_end);
    EXPECT_EQ(back.article.id, record.article.id);
    EXPECT_EQ(back.article.title, record.article.title);
    EXPECT_EQ(back.article.date, record.article.date);
    EXPECT_EQ(back.article.outlet, record.article.outlet);
    EXPECT_EQ(back.article.url, record.article.url);
}

// The stored bytes are what existing indexes hold (schema version 3): keys in order, absent
// values null, numbers as written.
TEST(QuoteRecord, SerialisesToTheStoredBytes) {
    QuoteRecord record = sample_record();
    record.cue.clear();
    record.article.date.reset();
    EXPECT_EQ(nlohmann::json(record).dump(),
              R"({"article":{"date":null,"id":"x.txt","outlet":"Bloomberg","title":"Title",)"
              R"("url":"https://x.test/"},"begin":11,"char_begin":9,"char_end":11,)"
              R"("confidence":0.9,"cue":null,"end":13,"id":"x.txt~q1","speaker":"John Kerry",)"
              R"("text":"hi"})");
}

struct LenientRecordCase {
    const char* why;
    const char* json;
    std::string speaker;
    double confidence;
    std::size_t char_begin;
    std::string article_id;
};

TEST(QuoteRecord, ReadingLeavesDefaultsForMissingOrMistypedMembers) {
    const std::vector<LenientRecordCase> cases = {
        {"null speaker (unattributed) reads as empty", R"({"speaker":null,"confidence":0})", "",
         0.0, 0, ""},
        {"an integer confidence is still a number", R"({"confidence":1,"char_begin":4})", "", 1.0,
         4, ""},
        {"a negative offset is no offset", R"({"char_begin":-3})", "", 0.0, 0, ""},
        {"a string where a number belongs is ignored", R"({"confidence":"high"})", "", 0.0, 0, ""},
        {"an article that is not an object is ignored", R"({"article":"x.txt"})", "", 0.0, 0, ""},
        {"a speaker that is not a string is ignored", R"({"speaker":7,"article":{"id":"a"}})", "",
         0.0, 0, "a"},
        {"an empty object is an empty record", "{}", "", 0.0, 0, ""},
    };
    for (const auto& c : cases) {
        const auto record = nlohmann::json::parse(c.json).get<QuoteRecord>();
        EXPECT_EQ(record.speaker, c.speaker) << c.why;
        EXPECT_EQ(record.confidence, c.confidence) << c.why;
        EXPECT_EQ(record.char_begin, c.char_begin) << c.why;
        EXPECT_EQ(record.article.id, c.article_id) << c.why;
        EXPECT_FALSE(record.article.date.has_value()) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
