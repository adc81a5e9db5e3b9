// sharded_build.h — a full build on several threads: each indexes a contiguous run of the corpus
// into its own shard, then the shards are compacted into one generation database.
//
// The files are split into `jobs` runs of about equal bytes, in walk order. Each thread reads,
// extracts and indexes its run into DESTINATION.shards/shard-K (glass), committing every
// `batch_size` articles. An article id that two files produce is kept from the later file, as in a
// one-thread build: duplicates within a shard are replaced as they come, duplicates across shards
// are deleted from the earlier shards after the threads finish; either way the later file gets a
// Warning. Xapian's compactor then merges the shards, in order, into DESTINATION (docids follow
// the walk order) and the shards are deleted; or, with ShardLayout::Kept, compacts each shard on
// its own into DESTINATION/shard-K, merges their spelling tables into DESTINATION/spelling
// (core/index/spelling_table.h) and writes the manifest DESTINATION/XAPIANDB naming the shards,
// so that Xapian::Database(DESTINATION) opens them as one database (docids interleave: a shard's
// local id L in shard K of N is (L-1)*N+K+1). Diagnostics come out in walk order, whatever the
// number of jobs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/extract/extract.h"

namespace broadsheet {

// What a build publishes: one database, or its shards behind a manifest.
enum class ShardLayout {
    Merged,  // the shards are compacted into one database
    Kept,    // each shard is compacted on its own; a stub file names them
};

struct ShardedBuildInput {
    std::filesystem::path corpus_dir;
    const std::vector<std::string>* files = nullptr;  // relative paths in walk order
    const ExtractContext* context = nullptr;
    std::filesystem::path destination;  // must not exist; created as a compacted glass database
    std::size_t jobs = 1;               // threads and shards; at most one per file
    std::size_t batch_size = 1000;      // articles between commits of one shard
    // Called after each file, from the thread that indexed it, under a lock (never concurrently).
    std::function<void(const std::string& relative_path)> on_file;
    ShardLayout layout = ShardLayout::Merged;
};

struct ShardedBuildOutput {
    std::size_t added = 0;  // articles written, duplicates included (each replaced an earlier one)
    std::vector<Diagnostic> diagnostics;
    std::size_t shards = 0;
    double index_seconds = 0.0;  // extraction and indexing on all threads
    double merge_seconds = 0.0;  // duplicate removal across shards and compaction
};

// Throws Xapian::Error when a shard or the destination cannot be written (the first error of
// any thread, after all have stopped); the shards directory is removed either way.
ShardedBuildOutput build_sharded(const ShardedBuildInput& input);

// The scratch directory of a build into `destination`: DESTINATION + kShardsSuffix.
std::filesystem::path shards_directory(const std::filesystem::path& destination);

}  // namespace broadsheet
