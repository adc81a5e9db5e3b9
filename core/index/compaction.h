// compaction.h — publish a compacted copy of the current generation, atomically.
//
// Updates change the published generation in place, and Xapian reuses freed blocks only in part,
// so an index that has taken many updates holds free space. compact_index writes the current
// generation through Xapian's compactor into the next generation number, publishes it by the
// stub swap a build uses, keeps the previous generation for readers that still have it open and
// deletes older ones. It holds the indexer lock, so no build or update runs meanwhile.
#pragma once

#include <cstdint>
#include <filesystem>

namespace broadsheet {

struct CompactReport {
    std::filesystem::path from;  // the generation that was current
    std::filesystem::path to;    // the compacted generation now published
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
    double seconds = 0.0;
};

// Throws Error(InvalidArgument) when INDEX_DIR holds no published index, Error(IndexUnavailable)
// when another indexer holds the lock or the index cannot be read or written.
CompactReport compact_index(const std::filesystem::path& index_dir);

// Bytes of the files under `dir` (a glass database, or a generation of kept shards).
std::uintmax_t directory_bytes(const std::filesystem::path& dir);

}  // namespace broadsheet
