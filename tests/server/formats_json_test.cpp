// formats_json_test.cpp — the API's JSON shapes of an article and a quote hit, built from typed
// values without an index.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/formats/article_json.h"
#include "server/formats/quote_json.h"

namespace broadsheet {
namespace {

// "Café “a” and “b”": é and the curly marks are multi-byte, so bytes and code points differ.
Article article_with_quotes() {
    Article article;
    article.id = "x.txt";
    article.source_path = "x.txt";
    article.body =
        "Caf\xC3\xA9 \xE2\x80\x9C"
        "a\xE2\x80\x9D and \xE2\x80\x9C"
        "b\xE2\x80\x9D";
    article.content_hash = "abc";
    article.quotes.push_back(Quote{"a", "", "", 0.0, 9, 10});
    article.quotes.push_back(Quote{"b", "", "", 0.0, 21, 22});
    return article;
}

struct ArticleQuoteCase {
    const char* why;
    std::vector<std::size_t> order;  // article.quotes reordered by these indices
    std::vector<std::size_t> char_begins;
};

TEST(ArticleJson, QuotesCarryIdGroupAndCodePointOffsets) {
    const std::vector<ArticleQuoteCase> cases = {
        {"quotes in text order are counted in one pass", {0, 1}, {6, 14}},
        {"a quote before the previous one restarts the count", {1, 0}, {14, 6}},
    };
    for (const auto& c : cases) {
        const Article base = article_with_quotes();
        Article article = base;
        article.quotes.clear();
        for (std::size_t i : c.order) article.quotes.push_back(base.quotes[i]);
        QuoteGroupInfo group{"y.txt~q1", 2, Date::make(2016, 1, 2)};
        const nlohmann::json body = article_json(article, {group, std::nullopt});
        EXPECT_FALSE(body.contains("content_hash")) << c.why;
        ASSERT_EQ(body["quotes"].size(), 2u) << c.why;
        for (std::size_t i = 0; i < 2; ++i) {
            EXPECT_EQ(body["quotes"][i]["id"], "x.txt~q" + std::to_string(i + 1)) << c.why;
            EXPECT_EQ(body["quotes"][i]["char_begin"], c.char_begins[i]) << c.why;
            EXPECT_EQ(body["quotes"][i]["char_end"], c.char_begins[i] + 1) << c.why;
        }
        EXPECT_EQ(body["quotes"][0]["group"],
                  (nlohmann::json{{"id", "y.txt~q1"}, {"size", 2}, {"first_seen", "2016-01-02"}}))
            << c.why;
        EXPECT_TRUE(body["quotes"][1]["group"].is_null()) << c.why;
    }
}

TEST(QuoteJson, AbsentValuesAreNull) {
    QuoteHit hit;
    hit.id = "x.txt~q1";
    hit.text = "a &amp; <mark>b</mark>";
    hit.article.id = "x.txt";
    const nlohmann::json out = hit;
    for (const char* key : {"speaker", "cue", "group"}) EXPECT_TRUE(out[key].is_null()) << key;
    for (const char* key : {"title", "date", "outlet", "url"})
        EXPECT_TRUE(out["article"][key].is_null()) << key;
    EXPECT_EQ(out["text"], hit.text);
    EXPECT_EQ(out["article"]["id"], "x.txt");
}

}  // namespace
}  // namespace broadsheet
