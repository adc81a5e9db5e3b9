// sharded_build.cpp — index contiguous runs of the corpus on several threads into shards, drop
// cross-shard duplicates, compact the shards into one generation database.
#include "core/index/sharded_build.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "core/index/article_writer.h"
#include "core/index/generations.h"
#include "core/index/spelling_table.h"
#include "core/index/walker.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// One article id a shard wrote, with the file that wrote it and how many diagnostics the shard
// had at that moment (where a cross-shard duplicate warning belongs in walk order).
struct WrittenId {
    std::string id;
    std::string relative_path;
    std::size_t diagnostics_before = 0;
};

struct Shard {
    std::size_t begin = 0;  // files[begin, end)
    std::size_t end = 0;
    fs::path path;
    std::unique_ptr<Xapian::WritableDatabase> db;
    std::vector<Diagnostic> diagnostics;
    std::vector<WrittenId> written;  // first write of each id in this shard, in walk order
    SpellingCounts spelling;         // spelling words of the articles since the last commit
    std::size_t added = 0;
    std::exception_ptr error;
};

// What the threads share: the input, the stop flag raised by the first failure, the callback lock.
struct SharedState {
    explicit SharedState(const ShardedBuildInput& build_input) : input(build_input) {}
    const ShardedBuildInput& input;
    std::atomic<bool> stop{false};
    std::mutex callback_mutex;
};

// Splits files into at most `jobs` contiguous runs of about equal bytes; none is empty.
std::vector<std::pair<std::size_t, std::size_t>> split_runs(const ShardedBuildInput& input) {
    const std::vector<std::string>& files = *input.files;
    std::vector<std::uintmax_t> sizes(files.size(), 1);
    std::uintmax_t total = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(input.corpus_dir / files[i], ec);
        if (!ec && size > 0) sizes[i] = size;  // unreadable ones still cost a little
        total += sizes[i];
    }
    const std::size_t jobs = std::max<std::size_t>(1, std::min(input.jobs, files.size()));
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    std::size_t begin = 0;
    std::uintmax_t done = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        done += sizes[i];
        const std::size_t left_files = files.size() - (i + 1);
        const std::size_t left_runs = jobs - runs.size() - 1;
        // Close the run at its share of the bytes, or when the remaining files are just enough
        // for one file per remaining run.
        const bool at_share = done * jobs >= total * (runs.size() + 1);
        if (left_runs > 0 && (at_share || left_files == left_runs)) {
            runs.emplace_back(begin, i + 1);
            begin = i + 1;
        }
    }
    if (begin < files.size() || runs.empty()) runs.emplace_back(begin, files.size());
    return runs;
}

void index_run(Shard& shard, SharedState& state) {
    const ShardedBuildInput& input = state.input;
    std::size_t uncommitted = 0;
    for (std::size_t i = shard.begin; i < shard.end && !state.stop; ++i) {
        const std::string& relative = (*input.files)[i];
        const std::string stamp = source_stamp(input.corpus_dir / relative);
        if (auto source =
                read_source_file(input.corpus_dir / relative, relative, shard.diagnostics)) {
            for (const auto& article :
                 extract_articles(*source, *input.context, shard.diagnostics)) {
                const std::size_t diagnostics_before = shard.diagnostics.size();
                const PutOutcome outcome =
                    put_article(*shard.db, {article, stamp}, shard.diagnostics, nullptr,
                                {&shard.spelling, nullptr});
                if (outcome == PutOutcome::Rejected) continue;
                if (outcome == PutOutcome::Replaced) {
                    shard.diagnostics.push_back(
                        {relative, Severity::Warning,
                         "article id " + article.id + " already used by another file; replaced"});
                } else {
                    shard.written.push_back({article.id, relative, diagnostics_before});
                }
                ++shard.added;
                if (++uncommitted >= input.batch_size) {
                    apply_spelling(*shard.db, shard.spelling);
                    shard.db->commit();
                    uncommitted = 0;
                }
            }
        }
        if (input.on_file) {
            std::lock_guard lock(state.callback_mutex);
            input.on_file(relative);
        }
    }
    apply_spelling(*shard.db, shard.spelling);
    shard.db->commit();
}

// An id written by several shards stays only in the last of them; the first write in each later
// shard gets the warning a one-thread build gives when a later file replaces an earlier one.
void drop_cross_shard_duplicates(std::vector<Shard>& shards) {
    std::map<std::string, std::size_t> last_shard;
    for (std::size_t k = 0; k < shards.size(); ++k)
        for (const WrittenId& written : shards[k].written) last_shard[written.id] = k;
    std::set<std::string> seen_before;
    for (std::size_t k = 0; k < shards.size(); ++k) {
        Shard& shard = shards[k];
        std::vector<Diagnostic> merged;
        std::size_t next = 0;
        for (const WrittenId& written : shard.written) {
            const bool earlier = !seen_before.insert(written.id).second;
            if (last_shard[written.id] != k) delete_article(*shard.db, written.id);
            if (!earlier) continue;
            while (next < written.diagnostics_before) merged.push_back(shard.diagnostics[next++]);
            merged.push_back(
                {written.relative_path, Severity::Warning,
                 "article id " + written.id + " already used by another file; replaced"});
        }
        while (next < shard.diagnostics.size()) merged.push_back(shard.diagnostics[next++]);
        shard.diagnostics = std::move(merged);
        shard.db->commit();
    }
}

void compact_shards(std::vector<Shard>& shards, const fs::path& destination) {
    Xapian::Database all;
    for (Shard& shard : shards) {
        shard.db->close();
        shard.db.reset();
        all.add_database(Xapian::Database(shard.path.string()));
    }
    all.compact(destination.string(), Xapian::DBCOMPACT_MULTIPASS);
}

// Each shard compacted into DESTINATION/shard-K, their spelling tables merged into
// DESTINATION/spelling, and the manifest naming the shards (not the spelling) in shard order.
void keep_shards(std::vector<Shard>& shards, const fs::path& destination) {
    fs::create_directories(destination);
    std::vector<std::string> names;
    Xapian::Database all;
    for (Shard& shard : shards) {
        shard.db->close();
        shard.db.reset();
        names.push_back(shard.path.filename().string());
        const fs::path kept = destination / names.back();
        Xapian::Database(shard.path.string()).compact(kept.string(), Xapian::DBCOMPACT_MULTIPASS);
        all.add_database(Xapian::Database(kept.string()));
    }
    sync_spelling(all, destination / kSpellingName);
    write_shard_manifest(destination, names);
}

class ScratchDirectory {
  public:
    explicit ScratchDirectory(fs::path path) : path_(std::move(path)) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ScratchDirectory() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

}  // namespace

fs::path shards_directory(const fs::path& destination) {
    fs::path scratch = destination;
    scratch += kShardsSuffix;
    return scratch;
}

ShardedBuildOutput build_sharded(const ShardedBuildInput& input) {
    const Clock::time_point start = Clock::now();
    const ScratchDirectory scratch(shards_directory(input.destination));
    prepare_extraction_threads();

    std::vector<Shard> shards;
    for (const auto& [begin, end] : split_runs(input)) {
        Shard shard;
        shard.begin = begin;
        shard.end = end;
        shard.path = scratch.path() / ("shard-" + std::to_string(shards.size()));
        // Scratch shards are only read by the compaction that writes the published copy (which
        // is synced), and a killed build deletes them, so their batch commits need not fsync.
        shard.db = std::make_unique<Xapian::WritableDatabase>(
            shard.path.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        shards.push_back(std::move(shard));
    }

    SharedState state(input);
    std::vector<std::thread> threads;
    for (Shard& shard : shards) {
        threads.emplace_back([&shard, &state] {
            try {
                index_run(shard, state);
            } catch (...) {
                shard.error = std::current_exception();
                state.stop = true;
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (const Shard& shard : shards)
        if (shard.error) std::rethrow_exception(shard.error);

    ShardedBuildOutput output;
    output.shards = shards.size();
    const Clock::time_point indexed = Clock::now();
    output.index_seconds = std::chrono::duration<double>(indexed - start).count();
    drop_cross_shard_duplicates(shards);
    if (input.layout == ShardLayout::Kept)
        keep_shards(shards, input.destination);
    else
        compact_shards(shards, input.destination);
    output.merge_seconds = std::chrono::duration<double>(Clock::now() - indexed).count();
    for (Shard& shard : shards) {
        output.added += shard.added;
        for (Diagnostic& diagnostic : shard.diagnostics)
            output.diagnostics.push_back(std::move(diagnostic));
    }
    return output;
}

}  // namespace broadsheet
