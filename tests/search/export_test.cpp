// export_test.cpp — the export cursor: the complete result set past the page limit, in the
// search's order, on its own snapshot, and an error (never a short export) when the index
// changes under it.
#include "core/search/export.h"

#include <gtest/gtest.h>

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
        context_ = std::make_unique<SearchContext>(
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
    std::unique_ptr<SearchContext> context_;
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
        ExportCursor cursor = open_export(*context_, c.params);
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
            for (const Hit& hit : search_articles(*context_, page).hits) paged.push_back(hit.id);
        EXPECT_EQ(exported, paged) << c.why;
    }
}

TEST_F(ExportCursorTest, ErrorsBeforeAnyRow) {
    SearchParams bad_query;
    bad_query.q = "title:(";
    EXPECT_THROW(
        {
            try {
                open_export(*context_, bad_query);
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
    ExportCursor cursor = open_export(*context_, SearchParams{});
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
    ExportCursor cursor = open_export(*context_, SearchParams{});
    ASSERT_EQ(cursor.next(10).size(), 10u);
    context_.reset();
    std::filesystem::remove_all(path_);
    EXPECT_EQ(drain(cursor, 100).size(), static_cast<std::size_t>(kArticles - 10));
}

TEST_F(ExportCursorTest, FailsInsteadOfGoingShortWhenTheIndexIsRewritten) {
    ExportCursor cursor = open_export(*context_, SearchParams{});
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
