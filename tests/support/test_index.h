// test_index.h — small on-disk indexes of hand-made articles for the search tests, written
// through the real document builder (core/index/document.h) into unique temp directories.
#pragma once

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/index/document.h"
#include "core/schema.h"
#include "tests/support/temp_dir.h"

namespace broadsheet::testing_support {

inline Article make_article(std::string id, std::string title, std::string body, std::string outlet,
                            std::vector<std::string> speakers, std::string iso_date) {
    Article article;
    article.id = id;
    article.source_path = id;
    article.title = std::move(title);
    article.body = std::move(body);
    article.outlet = std::move(outlet);
    article.speakers = std::move(speakers);
    if (!iso_date.empty()) article.date = Date::from_iso(iso_date);
    return article;
}

// The articles most search tests use; each exists for the reason in its comment.
inline std::vector<Article> sample_articles() {
    return {
        // Two Bloomberg articles and two speakers: outlet facet counts and OR within a facet.
        make_article("a1", "Ceasefire talks resume in Geneva",
                     "Diplomats discussed a ceasefire in Syria. Kerry met Lavrov for hours.",
                     "Bloomberg", {"John Kerry", "Sergei Lavrov"}, "2016-02-12"),
        // The one Sputnik article, dated 2017-11-17 like seed 003: date filters and sorting.
        make_article("a2", "Moscow comments on sanctions",
                     "The foreign ministry spokeswoman criticised new sanctions on Moscow.",
                     "Sputnik", {"Maria Zakharova"}, "2017-11-17"),
        // Undated, with markup in its body: undated articles and snippet escaping.
        make_article("a3", "A page with a script tag",
                     "Readers saw <script>alert(1)</script> where the ceasefire map should be.",
                     "The Moscow Times", {"John Kerry"}, ""),
        // The oldest article, no speakers.
        make_article("a4", "Markets welcome the ceasefire",
                     "Oil prices fell as traders priced in a ceasefire and calmer economy.",
                     "Bloomberg", {}, "2015-06-01"),
    };
}

// Writes `articles` into a glass database at `path` with schema metadata and spelling data.
inline void write_index(const std::filesystem::path& path, const std::vector<Article>& articles) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    write_schema_metadata(db);
    db.set_metadata(std::string(kMetaBuiltAt), "2026-11-23T17:00:00Z");
    for (const auto& article : articles)
        db.replace_document(unique_term(article), make_article_document(article, &db));
    db.commit();
}

// A fixture over sample_articles() written to a fresh index in a temp dir; db_ reads it.
class SampleIndexTest : public ::testing::Test {
  protected:
    void SetUp() override {
        write_index(dir_.path() / "db", sample_articles());
        db_ = Xapian::Database((dir_.path() / "db").string());
    }
    TempDir dir_;
    Xapian::Database db_;
};

}  // namespace broadsheet::testing_support
