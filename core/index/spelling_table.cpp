// spelling_table.cpp — merging the shards' spelling tables into a generation's spelling-only
// database, by the differences between the two sorted word lists.
#include "core/index/spelling_table.h"

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

}  // namespace

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
