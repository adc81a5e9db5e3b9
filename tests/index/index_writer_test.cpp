// index_writer_test.cpp — build_index/update_index called directly: batches, progress, sidecars,
// files that turn bad, schema mismatch and the indexer lock.
#include "core/index/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <functional>

#include "core/error.h"
#include "core/index/generations.h"
#include "core/index/walker.h"
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

// Sets a file's modification time back to what it was, as `cp -p` or `rsync -t` would.
void keep_mtime(const fs::path& path, const std::function<void()>& change) {
    const auto before = fs::last_write_time(path);
    change();
    fs::last_write_time(path, before);
}

TEST_F(IndexWriter, UpdateReadsOnlyFilesWhoseStampMovedAndRecordsTheNewStamp) {
    const fs::path n1 = options_.corpus_dir / "n1.txt";
    const struct {
        const char* why;
        std::function<void(const fs::path&)> change;
        std::size_t updated;
        std::size_t unchanged;
    } rows[] = {
        {"nothing changed: nothing is read", [](const fs::path&) {}, 0, 5},
        {"touched, same bytes: read, found unchanged, restamped",
         [](const fs::path& p) { fs::last_write_time(p, fs::file_time_type::clock::now()); }, 0, 5},
        {"same size and mtime, other words (a copy keeping times): the ctime gives it away",
         [](const fs::path& p) {
             keep_mtime(p, [&] {
                 write_file(p,
                            article_text("Headline number 1",
                                         "Diplomats discussed the ceasefire in Berlin on Friday."));
             });
         },
         1, 4},
        {"a sidecar appears beside an untouched file",
         [](const fs::path& p) {
             write_file(fs::path(p).replace_extension(".meta.json"), R"({"author":"Jo Marsh"})");
         },
         1, 4},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.why);
        build_index(options_);
        row.change(n1);
        const IndexReport report = update_index(options_);
        EXPECT_EQ(report.updated, row.updated);
        EXPECT_EQ(report.unchanged, row.unchanged);
        const Xapian::Database db(options_.index_dir.string());
        const auto id = term(Field::Id, "n1.txt");
        ASSERT_NE(db.postlist_begin(id), db.postlist_end(id));
        EXPECT_EQ(db.get_document(*db.postlist_begin(id)).get_value(kSlotSourceStamp),
                  source_stamp(n1));
        fs::remove(fs::path(n1).replace_extension(".meta.json"));
    }
}

}  // namespace
}  // namespace broadsheet
