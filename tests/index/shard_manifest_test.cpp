// shard_manifest_test.cpp — reading a generation's stub: local and remote shard lines, and the
// stubs left to Xapian.
#include "core/index/shard_manifest.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;
using testing_support::write_file;

// A shard as "auto NAME" or "remote HOST:PORT", to compare rows at a glance.
std::string describe(const ShardEntry& shard) {
    if (shard.kind == ShardEntry::Kind::Local) return "auto " + shard.name;
    return "remote " + shard.host + ":" + std::to_string(shard.port);
}

struct ManifestCase {
    const char* why;
    const char* stub;
    std::optional<std::vector<std::string>> shards;  // nullopt: left to Xapian
};

class ShardManifest : public testing::TestWithParam<ManifestCase> {};

TEST_P(ShardManifest, Reads) {
    const ManifestCase& c = GetParam();
    TempDir dir;
    write_file(dir.path() / "XAPIANDB", c.stub);
    const auto shards = read_shard_manifest(dir.path());
    ASSERT_EQ(shards.has_value(), c.shards.has_value()) << c.why;
    if (!shards) return;
    std::vector<std::string> described;
    for (const ShardEntry& shard : *shards) described.push_back(describe(shard));
    EXPECT_EQ(described, *c.shards) << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ShardManifest,
    testing::Values(
        ManifestCase{"what build --keep-shards writes", "auto shard-0\nauto shard-1\n",
                     std::vector<std::string>{"auto shard-0", "auto shard-1"}},
        ManifestCase{
            "remote shards beside a local one, with a comment and a blank line",
            "# archive\nremote 10.0.0.7:7001\n\nauto shard-1\nremote db2:7002\n",
            std::vector<std::string>{"remote 10.0.0.7:7001", "auto shard-1", "remote db2:7002"}},
        ManifestCase{"a bracketed IPv6 host loses its brackets", "remote [::1]:7001\n",
                     std::vector<std::string>{"remote ::1:7001"}},
        ManifestCase{"no port: left to Xapian, which reports it", "remote 10.0.0.7\n",
                     std::nullopt},
        ManifestCase{"port 0 (xapian-tcpsrv refuses it)", "remote 10.0.0.7:0\n", std::nullopt},
        ManifestCase{"a port past 65535", "remote 10.0.0.7:70000\n", std::nullopt},
        ManifestCase{"a program-served remote (xapian-progsrv) is Xapian's to run",
                     "remote xapian-progsrv /srv/shard-0\n", std::nullopt},
        ManifestCase{"another backend line", "glass /srv/shard-0\n", std::nullopt},
        ManifestCase{"a local shard must stay beside the stub", "auto ../elsewhere\n",
                     std::nullopt}));

TEST(ShardManifestFile, NoStubIsNoManifest) {
    TempDir dir;
    EXPECT_FALSE(read_shard_manifest(dir.path()).has_value());
}

TEST(ShardManifestFile, RemoteShardsAreTold) {
    std::vector<ShardEntry> shards(2);
    EXPECT_FALSE(has_remote_shards(shards));
    shards[1].kind = ShardEntry::Kind::Remote;
    EXPECT_TRUE(has_remote_shards(shards));
}

}  // namespace
}  // namespace broadsheet
