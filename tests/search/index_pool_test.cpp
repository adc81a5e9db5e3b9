// index_pool_test.cpp — the pool opens INDEX_DIR through its stub, refuses bad indexes at
// start, follows new generations and commits, and keeps serving when a new index is bad.
#include "core/search/index_pool.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/search/articles.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;

// Publishes `name` the way the indexer does: write XAPIANDB.tmp, rename over XAPIANDB.
void publish(const std::filesystem::path& dir, const std::string& name) {
    {
        std::ofstream stub(dir / "XAPIANDB.tmp", std::ios::trunc);
        stub << "auto " << name << "\n";
    }
    std::filesystem::rename(dir / "XAPIANDB.tmp", dir / "XAPIANDB");
}

std::size_t documents(IndexPool& pool) {
    return index_info(*pool.lease()).documents;
}

IndexPoolConfig config_for(const std::filesystem::path& dir, std::vector<std::string>* problems) {
    IndexPoolConfig config;
    config.dir = dir;
    config.handles = 2;
    config.check_interval = std::chrono::milliseconds(0);  // check on every lease
    config.on_problem = [problems](std::string_view message) { problems->emplace_back(message); };
    return config;
}

ErrorCode start_error(const std::filesystem::path& dir) {
    try {
        IndexPoolConfig config;
        config.dir = dir;
        IndexPool pool(config);
    } catch (const Error& e) {
        return e.code();
    }
    return ErrorCode::Internal;  // means "no error", which every caller treats as a failure
}

TEST(IndexPool, RefusesToStartWithoutAUsableIndex) {
    TempDir dir;
    // No index at all.
    EXPECT_EQ(start_error(dir.path() / "missing"), ErrorCode::IndexUnavailable);
    // A Xapian database without Broadsheet's schema metadata.
    {
        Xapian::WritableDatabase db((dir.path() / "plain").string(), Xapian::DB_CREATE);
        db.commit();
    }
    EXPECT_EQ(start_error(dir.path() / "plain"), ErrorCode::SchemaMismatch);
    // A stub naming a generation that does not exist.
    std::filesystem::create_directories(dir.path() / "stub");
    publish(dir.path() / "stub", "gen-000009");
    EXPECT_EQ(start_error(dir.path() / "stub"), ErrorCode::IndexUnavailable);
}

TEST(IndexPool, FollowsNewGenerationsAndCommits) {
    TempDir dir;
    auto articles = testing_support::sample_articles();
    testing_support::write_index(dir.path() / "gen-000001", {articles[0]});
    publish(dir.path(), "gen-000001");
    std::vector<std::string> problems;
    IndexPool pool(config_for(dir.path(), &problems));
    EXPECT_EQ(documents(pool), 1u);

    // A rebuilt index published as a new generation.
    testing_support::write_index(dir.path() / "gen-000002", {articles[0], articles[1]});
    publish(dir.path(), "gen-000002");
    EXPECT_EQ(documents(pool), 2u);
    EXPECT_EQ(documents(pool), 2u);  // the other handle follows too

    // An update committed inside the current generation.
    {
        Xapian::WritableDatabase db((dir.path() / "gen-000002").string(), Xapian::DB_OPEN);
        db.replace_document(unique_term(articles[2]), make_article_document(articles[2], &db));
        db.commit();
    }
    EXPECT_EQ(documents(pool), 3u);
    EXPECT_EQ(documents(pool), 3u);
    EXPECT_TRUE(problems.empty());
}

TEST(IndexPool, KeepsServingWhenTheNewGenerationIsBad) {
    TempDir dir;
    auto articles = testing_support::sample_articles();
    testing_support::write_index(dir.path() / "gen-000001", articles);
    publish(dir.path(), "gen-000001");
    std::vector<std::string> problems;
    IndexPool pool(config_for(dir.path(), &problems));

    // A generation written with another schema version.
    {
        Xapian::WritableDatabase db((dir.path() / "gen-000002").string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(kMetaSchemaVersion), std::to_string(kSchemaVersion + 1));
        db.commit();
    }
    publish(dir.path(), "gen-000002");
    EXPECT_EQ(documents(pool), 4u);
    EXPECT_EQ(documents(pool), 4u);
    ASSERT_EQ(problems.size(), 1u);  // reported once, not once per request
    EXPECT_NE(problems[0].find("schema version"), std::string::npos) << problems[0];
}

TEST(IndexPool, EveryHandleSwitchesOnceThePoolHasSeenANewGeneration) {
    using std::chrono::milliseconds;
    using std::this_thread::sleep_for;
    TempDir dir;
    auto articles = testing_support::sample_articles();
    testing_support::write_index(dir.path() / "gen-000001", {articles[0]});
    publish(dir.path(), "gen-000001");
    std::vector<std::string> problems;
    IndexPoolConfig config = config_for(dir.path(), &problems);
    config.handles = 3;
    config.check_interval = milliseconds(1000);
    IndexPool pool(config);
    // Handles used at different times: had each looked for changes on its own schedule, the
    // one used first would move to the new generation while the others stayed behind, and
    // requests would alternate between the two.
    sleep_for(milliseconds(1100));
    EXPECT_EQ(documents(pool), 1u);  // one handle, and a check that finds nothing new
    sleep_for(milliseconds(500));
    {
        auto a = pool.lease();  // the other two, for the first time since they opened
        auto b = pool.lease();
        auto c = pool.lease();
    }
    testing_support::write_index(dir.path() / "gen-000002", {articles[0], articles[1]});
    publish(dir.path(), "gen-000002");
    sleep_for(milliseconds(800));
    auto first = pool.lease();  // the check interval has passed: gen-000002 is seen
    auto second = pool.lease();
    auto third = pool.lease();
    EXPECT_EQ(index_info(*first).documents, 2u);
    EXPECT_EQ(index_info(*second).documents, 2u);
    EXPECT_EQ(index_info(*third).documents, 2u);
    EXPECT_TRUE(problems.empty());
}

TEST(IndexPool, LeasesAreExclusiveAndReturned) {
    TempDir dir;
    testing_support::write_index(dir.path() / "db", testing_support::sample_articles());
    IndexPoolConfig config;
    config.dir = dir.path() / "db";
    config.handles = 2;
    IndexPool pool(config);
    {
        auto first = pool.lease();
        auto second = pool.lease();
        EXPECT_NE(&*first, &*second);
    }
    // Both went back: two more leases do not block.
    auto third = pool.lease();
    auto fourth = pool.lease();
    EXPECT_NE(&*third, &*fourth);
}

}  // namespace
}  // namespace broadsheet
