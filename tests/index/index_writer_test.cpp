// index_writer_test.cpp — build_index/update_index called directly: batches, progress, sidecars,
// files that turn bad, schema mismatch and the indexer lock.
#include "core/index/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "core/error.h"
#include "core/index/generations.h"
#include "core/schema.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::TempDir;
using testing_support::write_file;

std::string article_text(const std::string& title, const std::string& body) {
    return title + "\n\n" + body + "\n";
}

class IndexWriter : public testing::Test {
  protected:
    void SetUp() override {
        options_.corpus_dir = dir_ / "corpus";
        options_.index_dir = dir_ / "index";
        options_.registry = &registry_;
        for (int i = 0; i < 5; ++i) {
            write_file(options_.corpus_dir / ("n" + std::to_string(i) + ".txt"),
                       article_text("Headline number " + std::to_string(i),
                                    "Diplomats discussed the ceasefire in Geneva on Friday."));
        }
    }

    std::size_t doc_count() const {
        return Xapian::Database(options_.index_dir.string()).get_doccount();
    }

    TempDir dir_;
    Registry registry_;
    IndexOptions options_;
};

TEST_F(IndexWriter, SmallBatchesStillIndexEverythingAndReportProgress) {
    options_.batch_size = 2;  // several intermediate commits before the final one
    std::vector<IndexProgress> seen;
    std::vector<std::string> files;
    options_.on_progress = [&](const IndexProgress& p) {
        seen.push_back(p);
        files.emplace_back(p.current_file);
    };
    const IndexReport report = build_index(options_);
    EXPECT_EQ(report.mode, IndexMode::Build);
    EXPECT_EQ(report.added, 5u);
    EXPECT_EQ(report.articles, 5u);
    EXPECT_EQ(doc_count(), 5u);
    ASSERT_EQ(seen.size(), 5u);
    EXPECT_EQ(seen.back().files_done, 5u);
    EXPECT_EQ(seen.back().files_total, 5u);
    EXPECT_EQ(files.front(), "n0.txt");  // sorted walk
    EXPECT_EQ(report.generation, options_.index_dir / generation_name(1));
}

TEST_F(IndexWriter, AnEditedSidecarMakesItsArticleChanged) {
    write_file(options_.corpus_dir / "n1.meta.json", R"({"author":"Jane Doe"})");
    build_index(options_);
    write_file(options_.corpus_dir / "n1.meta.json", R"({"author":"John Roe"})");
    const IndexReport report = update_index(options_);
    EXPECT_EQ(report.mode, IndexMode::Update);
    EXPECT_EQ(report.updated, 1u);
    EXPECT_EQ(report.unchanged, 4u);
}

TEST_F(IndexWriter, AFileThatGrowsPastTheLimitLeavesTheIndexAndIsCountedSkipped) {
    build_index(options_);
    fs::resize_file(options_.corpus_dir / "n2.txt", kMaxSourceBytes + 1);
    const IndexReport report = update_index(options_);
    EXPECT_EQ(report.deleted, 1u);
    EXPECT_EQ(report.skipped, 1u);
    ASSERT_EQ(report.diagnostics.size(), 1u);
    EXPECT_EQ(report.diagnostics[0].file, "n2.txt");
    EXPECT_EQ(doc_count(), 4u);
}

TEST_F(IndexWriter, UpdateRefusesAnIndexWithAnotherSchema) {
    build_index(options_);
    {
        Xapian::WritableDatabase db((options_.index_dir / generation_name(1)).string(),
                                    Xapian::DB_OPEN);
        db.set_metadata(std::string(kMetaSchemaVersion), "999");
        db.commit();
    }
    try {
        update_index(options_);
        FAIL() << "an index of another schema must not be updated in place";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::SchemaMismatch);
    }
    EXPECT_NO_THROW(build_index(options_));  // a build replaces it
}

TEST_F(IndexWriter, ASecondIndexerOnTheSameIndexIsRefused) {
    fs::create_directories(options_.index_dir);
    IndexLock held(options_.index_dir);
    try {
        build_index(options_);
        FAIL() << "two indexers must not write one index";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::IndexUnavailable);
    }
    EXPECT_FALSE(current_generation(options_.index_dir).has_value());
}

TEST_F(IndexWriter, AMissingCorpusIsAnInvalidArgumentAndCreatesNoIndexDir) {
    options_.corpus_dir = dir_ / "no-such-corpus";
    try {
        build_index(options_);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    }
    EXPECT_FALSE(fs::exists(options_.index_dir));
}

TEST_F(IndexWriter, APlainXapianDatabaseIsNotTakenForAnIndexDirectory) {
    // Xapian would open the plain database and ignore our stub: refuse instead of "succeeding".
    Xapian::WritableDatabase(options_.index_dir.string(), Xapian::DB_CREATE).commit();
    try {
        build_index(options_);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    }
    EXPECT_TRUE(list_generations(options_.index_dir).empty());
}

}  // namespace
}  // namespace broadsheet
