// export_test.cpp — CSV and JSON Lines rows (quoting, formula guard, UTF-8, absent fields) and
// the export cursor: the complete result set past the page limit, in the search's order, on its
// own snapshot, and an error (never a short export) when the index changes under it.
#include "core/search/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/search/article_search.h"
#include "core/search/search_context.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::make_article;
using testing_support::TempDir;

TEST(CsvField, QuotesAndGuards) {
    struct Case {
        const char* why;
        std::string value;
        std::string expected;
    };
    const Case cases[] = {
        // Plain text needs no quotes.
        {"plain", "Ceasefire talks", "Ceasefire talks"},
        // Absent values are empty fields.
        {"empty", "", ""},
        // RFC 4180: a comma makes a field quoted.
        {"comma", "Kerry, Lavrov", "\"Kerry, Lavrov\""},
        // Inner double quotes are doubled inside quotes.
        {"quotes", "He said \"no\"", "\"He said \"\"no\"\"\""},
        // Line breaks stay inside one quoted field.
        {"newline", "line one\nline two", "\"line one\nline two\""},
        {"crlf", "a\r\nb", "\"a\r\nb\""},
        // Formula guard: = + - @ at the start get an apostrophe so spreadsheets show text.
        {"equals", "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"plus", "+1", "'+1"},
        {"minus", "-2+3", "'-2+3"},
        {"at", "@SUM(A1)", "'@SUM(A1)"},
        // Tab and CR at the start are guarded too (some spreadsheets strip them first).
        {"tab", "\t=1", "'\t=1"},
        {"leading cr", "\r=1", "\"'\r=1\""},
        // Only the first character counts.
        {"minus inside", "Jean-Paul", "Jean-Paul"},
        // UTF-8 passes through byte for byte.
        {"utf-8", "Мария Захарова — «мир»", "Мария Захарова — «мир»"},
        // An apostrophe at the start is not a formula.
        {"apostrophe", "'quoted'", "'quoted'"},
    };
    for (const auto& c : cases) EXPECT_EQ(csv_field(c.value), c.expected) << c.why;
}

Hit full_hit() {
    Hit hit;
    hit.id = "001_x.txt";
    hit.title = "Kerry, Lavrov meet";
    hit.date = Date::from_iso("2016-02-12");
    hit.outlet = "Bloomberg";
    hit.author = "=cmd|' /C calc'!A0";
    hit.speakers = {"John Kerry", "Sergei Lavrov"};
    hit.url = "https://example.com/a?b=1,2";
    hit.snippet = "never exported";
    return hit;
}

TEST(ExportRows, CsvRecords) {
    struct Case {
        const char* why;
        Hit hit;
        std::string expected;
    };
    Hit bare;
    bare.id = "a3";
    const Case cases[] = {
        // Every column, speakers joined by "; ", the formula in the author guarded and quoted.
        {"full", full_hit(),
         "001_x.txt,\"Kerry, Lavrov meet\",2016-02-12,Bloomberg,'=cmd|' /C calc'!A0,"
         "John Kerry; Sergei Lavrov,\"https://example.com/a?b=1,2\"\r\n"},
        // Absent title, date, outlet, author, speakers and url: empty fields, same column count.
        {"only an id", bare, "a3,,,,,,\r\n"},
    };
    for (const auto& c : cases) {
        std::string out;
        append_csv_row(out, c.hit);
        EXPECT_EQ(out, c.expected) << c.why;
    }
    EXPECT_EQ(kCsvHeader, "id,title,date,outlet,author,speakers,url\r\n");
}

TEST(ExportRows, JsonLines) {
    struct Case {
        const char* why;
        Hit hit;
        nlohmann::json expected;
    };
    Hit bare;
    bare.id = "a3";
    Hit broken;
    broken.id = "b1";
    broken.title = "bad \xff byte, \"quote\"\nnew line";
    const Case cases[] = {
        // The /api/search hit shape without the snippet; formulas are not touched in JSON.
        {"full",
         full_hit(),
         {{"id", "001_x.txt"},
          {"title", "Kerry, Lavrov meet"},
          {"date", "2016-02-12"},
          {"outlet", "Bloomberg"},
          {"author", "=cmd|' /C calc'!A0"},
          {"speakers", {"John Kerry", "Sergei Lavrov"}},
          {"url", "https://example.com/a?b=1,2"}}},
        // Absent values are null, speakers an empty list.
        {"only an id",
         bare,
         {{"id", "a3"},
          {"title", nullptr},
          {"date", nullptr},
          {"outlet", nullptr},
          {"author", nullptr},
          {"speakers", nlohmann::json::array()},
          {"url", nullptr}}},
        // Invalid UTF-8 becomes U+FFFD; the newline is escaped so the record stays one line.
        {"invalid UTF-8",
         broken,
         {{"id", "b1"},
          {"title", "bad \xEF\xBF\xBD byte, \"quote\"\nnew line"},
          {"date", nullptr},
          {"outlet", nullptr},
          {"author", nullptr},
          {"speakers", nlohmann::json::array()},
          {"url", nullptr}}},
    };
    for (const auto& c : cases) {
        std::string out;
        append_jsonl_row(out, c.hit);
        ASSERT_FALSE(out.empty()) << c.why;
        EXPECT_EQ(out.back(), '\n') << c.why;
        EXPECT_EQ(out.find('\n'), out.size() - 1) << c.why << ": one line";
        EXPECT_EQ(nlohmann::json::parse(out), c.expected) << c.why;
    }
}

constexpr int kArticles = 250;  // more than kMaxPageSize, so no single search page holds them

std::vector<Article> many_articles() {
    std::vector<Article> articles;
    for (int i = 0; i < kArticles; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "2016-%02d-%02d", 1 + i % 12, 1 + i % 28);
        articles.push_back(make_article("m" + std::to_string(i), "Report " + std::to_string(i),
                                        "Ceasefire report number " + std::to_string(i),
                                        i % 2 == 0 ? "Even News" : "Odd Times", {}, date));
    }
    return articles;
}

class ExportCursorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        path_ = dir_.path() / "db";
        testing_support::write_index(path_, many_articles());
        searcher_ = std::make_unique<SearchContext>(
            Xapian::Database(path_.string()), [this] { return Xapian::Database(path_.string()); });
    }
    std::vector<std::string> drain(ExportCursor& cursor, std::size_t batch) {
        std::vector<std::string> ids;
        for (auto hits = cursor.next(batch); !hits.empty(); hits = cursor.next(batch))
            for (const Hit& hit : hits) ids.push_back(hit.id);
        return ids;
    }

    TempDir dir_;
    std::filesystem::path path_;
    std::unique_ptr<SearchContext> searcher_;
};

TEST_F(ExportCursorTest, ReturnsEveryMatchInTheSearchOrder) {
    struct Case {
        const char* why;
        SearchParams params;
        std::size_t total;
    };
    SearchParams browse;
    SearchParams odd;
    odd.outlets = {"Odd Times"};
    odd.sort = SortOrder::Oldest;
    SearchParams words;
    words.q = "ceasefire report";
    const Case cases[] = {
        // Everything, newest first: 250 rows where a search page stops at 100.
        {"browse all", browse, kArticles},
        // A filter and another order.
        {"one outlet, oldest first", odd, kArticles / 2},
        // Relevance order of a word query.
        {"words", words, kArticles},
    };
    for (const auto& c : cases) {
        ExportCursor cursor = open_export(*searcher_, c.params);
        EXPECT_EQ(cursor.total(), c.total) << c.why;
        const std::vector<std::string> exported = drain(cursor, 64);
        ASSERT_EQ(exported.size(), c.total) << c.why;
        EXPECT_EQ(std::set<std::string>(exported.begin(), exported.end()).size(), c.total)
            << c.why << ": no id twice";
        // Same order as paging through search() (page × size stays inside the window).
        std::vector<std::string> paged;
        SearchParams page = c.params;
        page.size = 100;
        for (page.page = 1; paged.size() < c.total; ++page.page)
            for (const Hit& hit : search_articles(*searcher_, page).hits) paged.push_back(hit.id);
        EXPECT_EQ(exported, paged) << c.why;
    }
}

TEST_F(ExportCursorTest, ErrorsBeforeAnyRow) {
    SearchParams bad_query;
    bad_query.q = "title:(";
    EXPECT_THROW(
        {
            try {
                open_export(*searcher_, bad_query);
            } catch (const Error& e) {
                EXPECT_EQ(e.code(), ErrorCode::InvalidQuery);
                throw;
            }
        },
        Error);
    // A context without an opener cannot export (and says so instead of sharing its handle).
    SearchContext plain{Xapian::Database(path_.string())};
    EXPECT_THROW(open_export(plain, SearchParams{}), Error);
}

TEST_F(ExportCursorTest, KeepsItsSnapshotWhileTheIndexChangesOnce) {
    ExportCursor cursor = open_export(*searcher_, SearchParams{});
    {
        // One commit that adds an article: the snapshot still reads its own revision.
        Xapian::WritableDatabase db(path_.string(), Xapian::DB_OPEN);
        const Article extra = make_article("new", "New", "body", "Even News", {}, "2017-01-01");
        db.replace_document(unique_term(extra), make_article_document(extra, &db));
        db.commit();
    }
    EXPECT_EQ(drain(cursor, 100).size(), static_cast<std::size_t>(kArticles));
}

TEST_F(ExportCursorTest, SurvivesItsGenerationBeingDeleted) {
    // `broadsheet-indexer build` publishes a new generation and deletes the old directory; the
    // snapshot's open files stay readable, so the export still ends complete.
    ExportCursor cursor = open_export(*searcher_, SearchParams{});
    ASSERT_EQ(cursor.next(10).size(), 10u);
    searcher_.reset();
    std::filesystem::remove_all(path_);
    EXPECT_EQ(drain(cursor, 100).size(), static_cast<std::size_t>(kArticles - 10));
}

TEST_F(ExportCursorTest, FailsInsteadOfGoingShortWhenTheIndexIsRewritten) {
    ExportCursor cursor = open_export(*searcher_, SearchParams{});
    ASSERT_EQ(cursor.next(10).size(), 10u);
    {
        // Several commits rewriting every document: glass reuses the snapshot's blocks.
        Xapian::WritableDatabase db(path_.string(), Xapian::DB_OPEN);
        for (int round = 0; round < 3; ++round) {
            for (Article article : many_articles()) {
                article.body += " revised " + std::to_string(round);
                db.replace_document(unique_term(article), make_article_document(article, &db));
            }
            db.commit();
        }
    }
    try {
        const std::vector<std::string> rest = drain(cursor, 100);
        FAIL() << "the export went on with " << rest.size() << " more rows";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::IndexUnavailable) << e.what();
        EXPECT_NE(std::string(e.what()).find("changed during the export"), std::string::npos);
    }
}

}  // namespace
}  // namespace broadsheet
