// spelling_table.cpp — merging the shards' spelling tables into a generation's spelling-only
// database, by the differences between the two sorted word lists.
#include "core/index/spelling_table.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

// A word whose frequency must change by `delta` (negative: removed or lowered).
struct SpellingChange {
    std::string word;
    long long delta = 0;
};

// Walks both sorted word lists once. The changes are collected before any is written, so the
// target's word list is never read while it is being modified.
std::vector<SpellingChange> differences(const Xapian::Database& source,
                                        const Xapian::Database& target, SpellingSync& sync) {
    std::vector<SpellingChange> changes;
    Xapian::TermIterator want = source.spellings_begin();
    Xapian::TermIterator have = target.spellings_begin();
    const Xapian::TermIterator want_end = source.spellings_end();
    const Xapian::TermIterator have_end = target.spellings_end();
    while (want != want_end || have != have_end) {
        const bool take_want = want != want_end && (have == have_end || *want <= *have);
        const bool take_have = have != have_end && (want == want_end || *have <= *want);
        const long long wanted = take_want ? want.get_termfreq() : 0;
        const long long held = take_have ? have.get_termfreq() : 0;
        if (wanted != held) changes.push_back({take_want ? *want : *have, wanted - held});
        if (take_want) {
            ++sync.words;
            ++want;
        }
        if (take_have) ++have;
    }
    return changes;
}

// How much of each falling word (sorted, with the fall still to take) `shard` holds and gives up,
// read before anything is written to it; `falls` keeps what is left for the next shards.
std::vector<std::pair<std::string, Xapian::termcount>> take_falls(
    const Xapian::Database& shard, std::vector<std::pair<std::string, long long>>& falls) {
    std::vector<std::pair<std::string, Xapian::termcount>> taken;
    Xapian::TermIterator held = shard.spellings_begin();
    const Xapian::TermIterator end = shard.spellings_end();
    for (auto& [word, left] : falls) {
        if (left == 0) continue;
        held.skip_to(word);
        if (held == end) break;
        if (*held != word) continue;
        const long long take = std::min<long long>(left, held.get_termfreq());
        taken.emplace_back(word, static_cast<Xapian::termcount>(take));
        left -= take;
    }
    return taken;
}

}  // namespace

void apply_shard_spelling(const fs::path& generation, const std::vector<ShardEntry>& shards,
                          SpellingCounts& changes) {
    if (changes.empty()) return;  // an update that changed no article writes no shard
    std::vector<std::pair<std::string, long long>> falls;
    for (const auto& [word, change] : changes)
        if (change < 0) falls.emplace_back(word, -change);
    std::sort(falls.begin(), falls.end());
    for (std::size_t k = 0; k < shards.size(); ++k) {
        Xapian::WritableDatabase shard((generation / shards[k].name).string(), Xapian::DB_OPEN);
        for (const auto& [word, fall] : take_falls(shard, falls)) shard.remove_spelling(word, fall);
        if (k == 0)
            for (const auto& [word, change] : changes)
                if (change > 0) shard.add_spelling(word, static_cast<Xapian::termcount>(change));
        shard.commit();
    }
    changes.clear();
}

SpellingSync sync_spelling(const Xapian::Database& source, const fs::path& path) {
    Xapian::WritableDatabase target(path.string(),
                                    Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    SpellingSync sync;
    const std::vector<SpellingChange> changes = differences(source, target, sync);
    for (const SpellingChange& change : changes) {
        if (change.delta > 0)
            target.add_spelling(change.word, static_cast<Xapian::termcount>(change.delta));
        else
            target.remove_spelling(change.word, static_cast<Xapian::termcount>(-change.delta));
    }
    sync.changed = changes.size();
    target.commit();
    return sync;
}

std::optional<Xapian::Database> open_spelling(const fs::path& generation) {
    const fs::path path = generation / kSpellingName;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return std::nullopt;
    return Xapian::Database(path.string());
}

}  // namespace broadsheet
