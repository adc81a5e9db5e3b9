// sharded_build_test.cpp — a build on several threads publishes the same index as a build on one:
// same documents in the same docid order, same terms and values, same diagnostics in walk order.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/index/generations.h"
#include "core/index/index_writer.h"
#include "core/index/shard_manifest.h"
#include "core/index/spelling_table.h"
#include "tests/support/files.h"
#include "tests/support/index_image.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::document_image;
using testing_support::DocumentImage;
using testing_support::spelling_image;
using testing_support::TempDir;
using testing_support::write_file;

const fs::path kTestCorpus = fs::path(BROADSHEET_SOURCE_DIR) / "tests" / "corpus";

// Every document in docid order, and the spelling data.
struct IndexImage {
    std::vector<DocumentImage> documents;
    std::vector<std::string> spellings;
    Xapian::termcount total_length = 0;
    bool operator==(const IndexImage&) const = default;
};

IndexImage read_image(const fs::path& index_dir) {
    const Xapian::Database db(index_dir.string());
    IndexImage image;
    image.total_length = db.get_total_length();
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        image.documents.push_back(document_image(db.get_document(*it)));
    image.spellings = spelling_image(db);
    return image;
}

std::vector<std::string> diagnostic_lines(const IndexReport& report) {
    std::vector<std::string> lines;
    for (const auto& d : report.diagnostics)
        lines.push_back(d.file + ": " + std::to_string(static_cast<int>(d.severity)) + " " +
                        d.message);
    return lines;
}

class ShardedBuild : public testing::Test {
  protected:
    // The one-job build every case compares with, built once for the suite.
    static void SetUpTestSuite() {
        one_job_ = new Built;
        build_with(1, *one_job_);
    }
    static void TearDownTestSuite() {
        delete one_job_;
        one_job_ = nullptr;
    }

    struct Built {
        TempDir dir;
        IndexReport report;
        IndexImage image;
    };

    static void build_with(std::size_t jobs, Built& built,
                           ShardLayout layout = ShardLayout::Merged) {
        IndexOptions options;
        options.corpus_dir = kTestCorpus;
        options.index_dir = built.dir / "index";
        options.registry = &registry_;
        options.jobs = jobs;
        options.layout = layout;
        options.batch_size = 7;  // several commits per shard
        built.report = build_index(options);
        built.image = read_image(options.index_dir);
    }

    static inline Registry registry_;
    static inline Built* one_job_ = nullptr;
};

TEST_F(ShardedBuild, AnyNumberOfJobsPublishesTheIndexOfOneJob) {
    const struct {
        std::size_t jobs;
        const char* why;
    } cases[] = {
        {2, "the default on this two-core machine"},
        {3, "runs that end in the middle of the sorted listing's directories"},
        {64, "more jobs than files: one shard per file, none empty"},
    };
    ASSERT_GT(one_job_->image.documents.size(), 40u);
    for (const auto& c : cases) {
        SCOPED_TRACE(c.why);
        Built built;
        build_with(c.jobs, built);
        EXPECT_EQ(built.report.added, one_job_->report.added);
        EXPECT_EQ(built.report.articles, one_job_->report.articles);
        EXPECT_EQ(built.report.skipped, one_job_->report.skipped);
        EXPECT_EQ(built.report.warnings, one_job_->report.warnings);
        EXPECT_EQ(diagnostic_lines(built.report), diagnostic_lines(one_job_->report));
        EXPECT_EQ(built.report.shards, std::min(c.jobs, one_job_->report.files));
        EXPECT_TRUE(built.image == one_job_->image) << "the published index differs";
    }
}

TEST_F(ShardedBuild, KeptShardsGetOneSpellingDatabaseHoldingOneJobsSpellingData) {
    Built built;
    build_with(3, built, ShardLayout::Kept);
    const fs::path generation = built.report.generation;
    ASSERT_TRUE(is_sharded_generation(generation));
    // The manifest names the three shards only: the spelling database is never searched.
    const auto shards = read_shard_manifest(generation);
    ASSERT_TRUE(shards);
    EXPECT_EQ(shards->size(), 3u);
    const auto spelling = open_spelling(generation);
    ASSERT_TRUE(spelling);
    EXPECT_EQ(spelling->get_doccount(), 0u);
    ASSERT_GT(one_job_->image.spellings.size(), 100u);
    // Word for word and frequency for frequency the table of a one-job build.
    EXPECT_EQ(spelling_image(*spelling), one_job_->image.spellings);
    // The combined shards' tables hold the same: each word's frequency summed over the shards.
    EXPECT_EQ(built.image.spellings, one_job_->image.spellings);
}

TEST_F(ShardedBuild, NoShardsAreLeftBesideThePublishedGeneration) {
    TempDir dir;
    IndexOptions options;
    options.corpus_dir = kTestCorpus;
    options.index_dir = dir / "index";
    options.registry = &registry_;
    options.jobs = 2;
    // The scratch shards of a build of generation 7 that was killed before it published.
    write_file(options.index_dir / "gen-000007.shards" / "shard-0" / "junk", "left over");
    build_index(options);
    std::vector<std::string> entries;
    for (const auto& entry : fs::directory_iterator(options.index_dir))
        entries.push_back(entry.path().filename().string());
    std::sort(entries.begin(), entries.end());
    EXPECT_EQ(entries, (std::vector<std::string>{".indexer.lock", "XAPIANDB", "gen-000001"}));
}

}  // namespace
}  // namespace broadsheet
