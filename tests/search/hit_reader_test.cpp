// hit_reader_test.cpp — the hit fields read without a JSON tree equal what nlohmann's parser and
// from_json(Article) give, over the stored forms the indexer writes and the corners of JSON.
#include "core/search/hit_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

// What the full parser makes of `data`, the fields a hit shows only.
Article by_full_parse(const std::string& data) {
    Article full = nlohmann::json::parse(data).get<Article>();
    Article hit;
    hit.id = full.id;
    hit.title = full.title;
    hit.date = full.date;
    hit.outlet = full.outlet;
    hit.author = full.author;
    hit.url = full.url;
    hit.body = full.body;
    hit.speakers = full.speakers;
    return hit;
}

void expect_same(const Article& expected, const Article& got, const std::string& why) {
    EXPECT_EQ(got.id, expected.id) << why;
    EXPECT_EQ(got.title, expected.title) << why;
    EXPECT_EQ(got.date, expected.date) << why;
    EXPECT_EQ(got.outlet, expected.outlet) << why;
    EXPECT_EQ(got.author, expected.author) << why;
    EXPECT_EQ(got.url, expected.url) << why;
    EXPECT_EQ(got.body, expected.body) << why;
    EXPECT_EQ(got.speakers, expected.speakers) << why;
    EXPECT_TRUE(got.quotes.empty()) << why;
}

TEST(HitReader, ReadsTheStoredFormOfEverySampleArticle) {
    for (const Article& article : testing_support::sample_articles()) {
        const std::string data = nlohmann::json(article).dump();
        const std::optional<Article> got = read_hit_fields(data);
        ASSERT_TRUE(got) << article.id;
        expect_same(by_full_parse(data), *got, article.id);
    }
}

struct Case {
    const char* why;
    std::string data;
};

TEST(HitReader, ReadsTheCornersOfJsonAsTheFullParserDoes) {
    const Case cases[] = {
        // Every two-character escape, and a slash escaped or not.
        {"short escapes", R"({"title":"a\"b\\c\/d\be\ff\ng\rh\ti/j"})"},
        // \u below 0x80, two- and three-byte UTF-8, and a surrogate pair (four bytes).
        {"unicode escapes", R"({"body":"\u0041\u00e9\u20ac\ud83d\ude00 plain é €"})"},
        // Raw UTF-8 passes through unchanged.
        {"raw utf-8", "{\"outlet\":\"Le Monde \xC3\xA9\xE2\x82\xAC\"}"},
        // Fields that are not strings read as empty, like string_or_empty.
        {"non-string fields", R"({"id":7,"title":null,"author":{"x":[1,2]},"url":true})"},
        // Speakers: only the string elements; not an array means none.
        {"mixed speakers", R"({"speakers":["A",1,null,{"b":"c"},["d"],"E"]})"},
        {"speakers not an array", R"({"speakers":"A"})"},
        // Unknown keys and nested quotes skipped, white space anywhere.
        {"skipped values",
         " {\n \"quotes\" : [ {\"text\":\"x\\\"y\",\"begin\":3} ] , \"other\" : [ {\"n\":-2.5e3},"
         " [], {}, false ] , \"id\" : \"z\" , \"source_path\":\"p\" } \n"},
        // A later duplicate key wins, as in nlohmann's object.
        {"duplicate key", R"({"title":"first","title":"second"})"},
        // A bad date string gives no date; a good one parses.
        {"dates", R"({"date":"2017-02-30","id":"a"})"},
        {"good date", R"({"date":"2017-11-17"})"},
        // The empty object.
        {"empty object", "{}"},
    };
    for (const Case& c : cases) {
        const std::optional<Article> got = read_hit_fields(c.data);
        ASSERT_TRUE(got) << c.why;
        expect_same(by_full_parse(c.data), *got, c.why);
    }
}

TEST(HitReader, LeavesWhatIsNotAJsonObjectToTheFullParser) {
    const char* const bad[] = {
        "",                           // nothing
        "[1]",                        // not an object
        R"({"title":"open)",          // unterminated string
        R"({"title":"a\qb"})",        // unknown escape
        R"({"title":"\ud83d"})",      // a high surrogate alone
        "{\"title\":\"a\nb\"}",       // a raw control character
        R"({"title":"a"} trailing)",  // text after the object
        R"({"title" "a"})",           // no colon
        R"({"title":"a",})",          // a trailing comma
        R"({"x":[1,2})",              // unbalanced
        R"({"x":nope})",              // not a value
    };
    for (const char* data : bad) EXPECT_FALSE(read_hit_fields(data)) << data;
}

}  // namespace
}  // namespace broadsheet
