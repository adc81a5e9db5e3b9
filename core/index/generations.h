// generations.h — the on-disk layout of INDEX_DIR: gen-NNNNNN databases and the XAPIANDB stub.
//
// INDEX_DIR/gen-NNNNNN/ are glass databases; INDEX_DIR/XAPIANDB is a Xapian stub file holding
// "auto gen-NNNNNN", so Xapian::Database(INDEX_DIR) opens the published generation. Publishing
// writes XAPIANDB.tmp, fsyncs it and renames it over XAPIANDB, so a reader sees either the old or
// the new generation. Filesystem failures throw Error(IndexUnavailable) naming the path.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

inline constexpr std::string_view kStubFileName = "XAPIANDB";
inline constexpr std::string_view kLockFileName = ".indexer.lock";
// gen-NNNNNN.shards/: the scratch shards of a build in progress (core/index/sharded_build.h).
inline constexpr std::string_view kShardsSuffix = ".shards";

// "gen-000042" for 42.
std::string generation_name(unsigned number);
// 42 for "gen-000042"; nullopt for anything else.
std::optional<unsigned> parse_generation_name(std::string_view name);

// The generation the stub names, or nullopt when there is no stub (no index published yet).
// Throws Error(IndexUnavailable) when the stub exists but does not name a generation.
std::optional<unsigned> current_generation(const std::filesystem::path& index_dir);

// Writes DIR/XAPIANDB naming the databases DIR/NAME (one "auto NAME" line each, in order), so
// that Xapian::Database(DIR) opens them as one database of several shards; fsynced. Throws
// Error(IndexUnavailable) naming the path when it cannot be written.
void write_shard_manifest(const std::filesystem::path& dir, const std::vector<std::string>& names);

// Whether the generation directory `generation` is a manifest of shards rather than one database.
bool is_sharded_generation(const std::filesystem::path& generation);

// Numbers of every gen-NNNNNN directory present, ascending.
std::vector<unsigned> list_generations(const std::filesystem::path& index_dir);

// Atomically points the stub at `number` (tmp file + fsync + rename + directory fsync).
void publish_generation(const std::filesystem::path& index_dir, unsigned number);

// Deletes every generation directory not listed in `keep`, the scratch shards of builds of
// generations not listed there, and a stray XAPIANDB.tmp.
void remove_generations_except(const std::filesystem::path& index_dir,
                               const std::vector<unsigned>& keep);

// Exclusive advisory lock on INDEX_DIR/.indexer.lock for the lifetime of the object, so two
// indexers never number or delete generations under each other. Throws Error(IndexUnavailable)
// when another process holds it.
class IndexLock {
  public:
    explicit IndexLock(const std::filesystem::path& index_dir);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace broadsheet
