// generations_test.cpp — generation names, the XAPIANDB stub, publishing, pruning and the lock.
#include "core/index/generations.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <optional>

#include "core/error.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::TempDir;

struct NameCase {
    const char* why;
    std::string_view name;
    std::optional<unsigned> number;
};

class GenerationName : public testing::TestWithParam<NameCase> {};

TEST_P(GenerationName, Parses) {
    const auto& c = GetParam();
    EXPECT_EQ(parse_generation_name(c.name), c.number) << c.why;
    if (c.number) {
        EXPECT_EQ(generation_name(*c.number), c.name) << c.why;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, GenerationName,
    testing::Values(NameCase{"the first generation", "gen-000001", 1u},
                    NameCase{"large numbers keep six digits", "gen-123456", 123456u},
                    NameCase{"the stub's temp file is not a generation", "XAPIANDB.tmp", {}},
                    NameCase{"a short number is not ours (another tool's dir)", "gen-12", {}},
                    NameCase{"letters in the number are refused", "gen-00001a", {}},
                    NameCase{"a suffix such as a backup copy is refused", "gen-000001.bak", {}}));

// A real (empty) glass database with one document, so the stub can be opened by Xapian.
void make_generation(const fs::path& index_dir, unsigned number, const std::string& marker) {
    Xapian::WritableDatabase db((index_dir / generation_name(number)).string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.set_data(marker);
    db.add_document(doc);
    db.commit();
}

TEST(Generations, PublishPointsTheStubAtTheGenerationAndXapianFollowsIt) {
    TempDir dir;
    EXPECT_EQ(current_generation(dir.path()), std::nullopt);
    make_generation(dir.path(), 1, "one");
    make_generation(dir.path(), 2, "two");
    publish_generation(dir.path(), 1);
    EXPECT_EQ(current_generation(dir.path()), 1u);
    EXPECT_EQ(Xapian::Database(dir.path().string()).get_document(1).get_data(), "one");
    publish_generation(dir.path(), 2);
    EXPECT_EQ(current_generation(dir.path()), 2u);
    EXPECT_EQ(Xapian::Database(dir.path().string()).get_document(1).get_data(), "two");
    EXPECT_FALSE(fs::exists(dir / "XAPIANDB.tmp"));  // the temp file was renamed, not left over
}

TEST(Generations, AShardManifestOpensItsShardsAsOneDatabaseThroughTheIndexStub) {
    TempDir dir;
    const fs::path generation = dir / generation_name(1);
    fs::create_directories(generation);
    for (const char* shard : {"shard-0", "shard-1"}) {
        Xapian::WritableDatabase db((generation / shard).string(),
                                    Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        Xapian::Document doc;
        doc.set_data(shard);
        db.add_document(doc);
        db.commit();
    }
    EXPECT_FALSE(is_sharded_generation(generation));  // shards alone are not yet a generation
    write_shard_manifest(generation, {"shard-0", "shard-1"});
    EXPECT_TRUE(is_sharded_generation(generation));
    EXPECT_FALSE(is_sharded_generation(generation / "shard-0"));  // a plain database
    publish_generation(dir.path(), 1);
    // Nested stubs: INDEX_DIR/XAPIANDB names the generation, whose manifest names the shards,
    // whose document ids interleave (shard-1's first document is the second).
    const Xapian::Database db(dir.path().string());
    EXPECT_EQ(db.size(), 2u);
    EXPECT_EQ(db.get_document(2).get_data(), "shard-1");
}

TEST(Generations, ListAndPruneKeepOnlyTheNamedOnes) {
    TempDir dir;
    for (unsigned n : {3u, 1u, 2u}) make_generation(dir.path(), n, "x");
    fs::create_directories(dir / "not-a-generation");
    std::ofstream(dir / "XAPIANDB.tmp") << "auto gen-000003\n";  // a crash between write and rename
    EXPECT_EQ(list_generations(dir.path()), (std::vector<unsigned>{1, 2, 3}));
    remove_generations_except(dir.path(), {2});
    EXPECT_EQ(list_generations(dir.path()), (std::vector<unsigned>{2}));
    EXPECT_TRUE(fs::exists(dir / "not-a-generation"));  // never delete what we did not make
    EXPECT_FALSE(fs::exists(dir / "XAPIANDB.tmp"));
}

TEST(Generations, AStubNamingSomethingElseIsAnError) {
    TempDir dir;
    std::ofstream(dir / "XAPIANDB") << "auto ../../etc\n";
    EXPECT_THROW(current_generation(dir.path()), Error);
}

TEST(Generations, LockIsExclusiveAndReleasedOnDestruction) {
    TempDir dir;
    {
        IndexLock first(dir.path());
        try {
            IndexLock second(dir.path());
            FAIL() << "a second indexer must not get the lock";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::IndexUnavailable);
        }
    }
    EXPECT_NO_THROW(IndexLock again(dir.path()));
}

}  // namespace
}  // namespace broadsheet
