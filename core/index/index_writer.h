// index_writer.h — full builds (a new published generation) and incremental updates of an index.
//
// build_index: walks the corpus, extracts and indexes every article file on `jobs` threads into
//   shards (core/index/sharded_build.h), compacts them into INDEX_DIR/gen-NNNNNN (the number
//   after the highest present) — or, with ShardLayout::Kept, keeps them as gen-NNNNNN/shard-K
//   behind a manifest, with their merged spelling database — groups the quotes over all
//   shards, writes the metadata (schema version, values map, build time, article and quote
//   counts), then publishes it atomically. The previous generation is kept for readers still
//   using it; older ones — including half-built leftovers of a crashed or killed build — are
//   deleted. Until the publish, readers keep seeing the previous generation.
// update_index: opens the published generation in place, compares each file's content hash with
//   the one stored in its documents, adds new files, replaces changed ones, deletes documents of
//   files that are gone, and commits once (inside a transaction, so readers see all or nothing).
//   With no published index it builds one. A generation of kept local shards is updated in
//   place, each shard committing on its own, then its spelling database is brought level with
//   the shards' spelling tables (core/index/spelling_table.h); one naming remote shards throws
//   Error(InvalidArgument).
//
// Bad files never abort a run: they become Diagnostics and counts in the report. A file or folder
// that exists but cannot be read (Severity::Unreadable) is different from a bad file, because
// nothing is known about its articles: an update keeps whatever the index holds for it, and a
// build writes its generation but withholds it (deletes it unpublished; readers keep the previous
// one), since publishing would silently drop those articles. Either way the report's
// `unreadable` count is non-zero and the caller should fail the run. Both functions
// throw Error(IndexUnavailable) when the index cannot be written (and Error(InvalidArgument)
// when the corpus directory does not exist); nothing is printed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/extract.h"
#include "core/extract/registry.h"
#include "core/index/sharded_build.h"
#include "core/index/walker.h"

namespace broadsheet {

struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::string_view current_file;  // valid only during the callback
};

struct IndexOptions {
    std::filesystem::path corpus_dir;
    std::filesystem::path index_dir;
    const Registry* registry = nullptr;        // nullptr → empty registry
    std::size_t batch_size = 1000;             // build: commit a shard after this many articles
    std::size_t jobs = 1;                      // build: threads, each indexing into its own shard
    ShardLayout layout = ShardLayout::Merged;  // build: one database, or the shards kept
    WalkOptions walk;                          // which symbolic links are followed
    std::function<void(const IndexProgress&)> on_progress;  // called after each file; optional
};

enum class IndexMode {
    Build,   // a fresh generation was written and published
    Update,  // the published generation was changed in place
};

enum class Publication {
    Published,  // build: the new generation is published; update: the changes are committed
    Withheld,   // build only: an entry could not be read, so the new generation was discarded
};

// Counts are of articles (a JSON Lines file holds several), except `skipped`, which counts files,
// records and links that produced no article, `unreadable`, which counts files and folders that
// exist but could not be read, and `warnings`, which counts repaired or partly used ones. `kept`
// counts the articles an update left in place because their file or folder could not be read.
struct IndexReport {
    IndexMode mode = IndexMode::Build;
    Publication publication = Publication::Published;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t deleted = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;
    std::size_t unreadable = 0;
    std::size_t kept = 0;
    std::size_t warnings = 0;
    std::size_t ignored = 0;   // WARC records passed over as not pages (requests, images ...)
    std::size_t files = 0;     // article files found by the walk
    std::size_t articles = 0;  // article documents in the index afterwards
    std::vector<Diagnostic> diagnostics;
    std::filesystem::path generation;  // the generation directory now published (empty if none)
    double seconds = 0.0;
    std::size_t shards = 0;      // build: shards indexed at once and compacted into the generation
    double merge_seconds = 0.0;  // build: time spent compacting the shards (part of `seconds`)
};

IndexReport build_index(const IndexOptions& options);
IndexReport update_index(const IndexOptions& options);

// extract_file (which stamps content_hash(source) and source_path on every article); should
// extraction throw despite its promise, the file becomes a Skipped diagnostic instead.
ExtractResult extract_source(const SourceFile& source, const ExtractContext& context);

// "2026-11-23T17:22:07Z": the format of the kMetaBuiltAt metadata value.
std::string iso8601_utc_now();

}  // namespace broadsheet
