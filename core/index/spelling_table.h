// spelling_table.h — the spelling-only database of a generation of kept shards: the shards'
// spelling tables merged into one, so that spelling suggestions on shards (local or remote)
// come from the same table as on one database.
//
// Xapian 1.4 corrects a word on a database of several shards from each shard's spelling table
// separately, which can give another answer than one merged table, and its remote backend
// serves no spelling data at all. GENERATION/spelling (kSpellingName) holds every word and
// frequency of the shards' combined spelling tables (Xapian sums a word's frequency over the
// shards) and nothing else; the manifest GENERATION/XAPIANDB does not name it, so it is never
// searched as a shard.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/index/document.h"
#include "core/index/shard_manifest.h"

namespace broadsheet {

// GENERATION/spelling: a glass database holding spelling data only.
inline constexpr std::string_view kSpellingName = "spelling";

// What sync_spelling changed.
struct SpellingSync {
    std::size_t words = 0;    // words of the source's spelling tables
    std::size_t changed = 0;  // words added, removed or given another frequency
};

// Makes the spelling-only database at `path` (created when missing) hold exactly the spelling
// entries of `source` with their frequencies, by adding and removing only the differences, in
// one commit. Throws Xapian::Error when either database cannot be read or written.
SpellingSync sync_spelling(const Xapian::Database& source, const std::filesystem::path& path);

// Applies `changes` to the spelling tables of the local `shards` of the generation directory
// `generation`, each shard opened as its own WritableDatabase and committed (a WritableDatabase
// of several shards would apply them all to the first): a rise goes to the first shard, as
// Xapian's combined WritableDatabase would put it; a fall is taken from the shards holding the
// word, first shard first, no shard below zero. The shards' tables summed (what
// Xapian::Database(generation) lists and sync_spelling copies) thereby change by exactly
// `changes`, whichever shard an article's words were first added to. Empties `changes`. Throws
// Xapian::Error when a shard cannot be written.
void apply_shard_spelling(const std::filesystem::path& generation,
                          const std::vector<ShardEntry>& shards, SpellingCounts& changes);

// The spelling-only database of the generation directory `generation`, or nullopt when it has
// none (a single database, or shards built before spelling databases existed). Throws
// Xapian::Error when it exists but cannot be opened.
std::optional<Xapian::Database> open_spelling(const std::filesystem::path& generation);

}  // namespace broadsheet
