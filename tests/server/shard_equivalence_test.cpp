// shard_equivalence_test.cpp — the same corpus built by the real indexer as one database and as
// four kept shards (build --jobs 4 --keep-shards), served by two real servers on loopback: every
// endpoint answers the same over the shared query table (tests/support/shard_equivalence.h),
// misspelt words included.
#include "tests/support/shard_equivalence.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace broadsheet {
namespace {

using testing_support::build_corpus_index;
using testing_support::run_command;
using testing_support::RunningServer;
using testing_support::TempDir;
using testing_support::write_file;

class ShardedIndex : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        write_file(dir_->path() / "web" / "index.html", "<!doctype html><title>Broadsheet</title>");
        build_corpus_index(dir_->path() / "one", {"--jobs", "1"});
        build_corpus_index(dir_->path() / "four", {"--jobs", "4", "--keep-shards"});
        one_ = new RunningServer(dir_->path() / "one", dir_->path() / "web");
        four_ = new RunningServer(dir_->path() / "four", dir_->path() / "web");
    }
    static void TearDownTestSuite() {
        delete one_;
        delete four_;
        delete dir_;
    }
    static TempDir* dir_;
    static RunningServer* one_;
    static RunningServer* four_;
};
TempDir* ShardedIndex::dir_ = nullptr;
RunningServer* ShardedIndex::one_ = nullptr;
RunningServer* ShardedIndex::four_ = nullptr;

TEST_F(ShardedIndex, TheGenerationIsAManifestOfFourShards) {
    std::ifstream in(dir_->path() / "four" / "gen-000001" / "XAPIANDB");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "auto shard-0\nauto shard-1\nauto shard-2\nauto shard-3\n");
    for (int k = 0; k < 4; ++k)
        EXPECT_TRUE(std::filesystem::exists(dir_->path() / "four" / "gen-000001" /
                                            ("shard-" + std::to_string(k)) / "iamglass"))
            << k;
    // Beside the shards, not named by the manifest: their merged spelling tables.
    EXPECT_TRUE(
        std::filesystem::exists(dir_->path() / "four" / "gen-000001" / "spelling" / "iamglass"));
}

TEST_F(ShardedIndex, EveryTableRowAnswersTheSame) {
    testing_support::expect_same_table(*one_, *four_);
}

TEST_F(ShardedIndex, MisspeltWordsGetTheSuggestionOfOneDatabase) {
    testing_support::expect_same_suggestions(*one_, *four_);
}

TEST_F(ShardedIndex, AnUpdatesNewWordsAreSuggestedOnTheShards) {
    // The corpus again with one new article: update finds its file new and the rest unchanged.
    const std::filesystem::path corpus = dir_->path() / "corpus";
    std::filesystem::copy(testing_support::kShardCorpus, corpus,
                          std::filesystem::copy_options::recursive);
    write_file(corpus / "zanzibar.md",
               "# Zanzibarian ferries\n\nThe Zanzibarian ferries sailed on Monday.\n");
    const auto updated = run_command({BROADSHEET_INDEXER, "update", corpus.string(), "--index",
                                      (dir_->path() / "four").string()});
    ASSERT_EQ(updated.exit_code, 0) << updated.output;
    // The server notices the commit within its check interval (a second).
    nlohmann::json body;
    for (int attempt = 0; attempt < 50; ++attempt) {
        body = four_->get_json("/api/search", {{"q", "zanzibaian"}});
        if (!body["suggestion"].is_null()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(body["suggestion"], "zanzibarian") << body;
}

TEST_F(ShardedIndex, ArticlesRelatedAndSpeakerPagesAnswerTheSame) {
    testing_support::expect_same_pages(*one_, *four_);
}

TEST_F(ShardedIndex, ExportsAndHealthAgree) {
    testing_support::expect_same_exports(*one_, *four_);
}

}  // namespace
}  // namespace broadsheet
