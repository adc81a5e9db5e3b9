// index_writer.cpp — build a new generation or update the published one; count what happened.
#include "core/index/index_writer.h"

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include "core/error.h"
#include "core/index/article_writer.h"
#include "core/index/generations.h"
#include "core/index/quote_groups.h"
#include "core/index/shard_manifest.h"
#include "core/index/sharded_build.h"
#include "core/index/spelling_table.h"
#include "core/index/value_streams.h"
#include "core/index/walker.h"
#include "core/schema.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// What one run needs besides the database: options, the corpus listing and the report so far.
struct Run {
    const IndexOptions& options;
    ExtractContext context;
    CorpusListing listing;
    IndexReport report;
    Clock::time_point start = Clock::now();
    SpellingCounts spelling;  // update: the written articles' spelling words, added at the end
    QuoteChanges quotes;      // update: what regroup_changed_quotes starts from
};

Run start_run(const IndexOptions& options) {
    Run run{options,
            ExtractContext{options.registry},
            list_corpus(options.corpus_dir, options.walk),
            {},
            {},
            {},
            {}};
    run.start = Clock::now();
    run.report.files = run.listing.files.size();
    run.report.diagnostics = run.listing.diagnostics;
    return run;
}

void report_progress(const Run& run, std::size_t done, const std::string& file) {
    if (run.options.on_progress) run.options.on_progress({done, run.listing.files.size(), file});
}

void write_metadata(Xapian::WritableDatabase& db) {
    write_schema_metadata(db);
    db.set_metadata(std::string(kMetaBuiltAt), iso8601_utc_now());
    db.set_metadata(std::string(kMetaArticleCount),
                    std::to_string(db.get_termfreq(term(Field::Type, kTypeArticle))));
    db.set_metadata(std::string(kMetaQuoteCount),
                    std::to_string(db.get_termfreq(term(Field::Type, kTypeQuote))));
}

void finish_report(Run& run, Xapian::WritableDatabase& db) {
    for (const auto& diagnostic : run.report.diagnostics) {
        switch (diagnostic.severity) {
            case Severity::Skipped:
                ++run.report.skipped;
                break;
            case Severity::Unreadable:
                ++run.report.unreadable;
                break;
            case Severity::Warning:
                ++run.report.warnings;
                break;
            case Severity::Ignored:
                ++run.report.ignored;
                break;
        }
    }
    run.report.articles = db.get_termfreq(term(Field::Type, kTypeArticle));
    run.report.seconds = std::chrono::duration<double>(Clock::now() - run.start).count();
}

[[noreturn]] void rethrow_as_error(const Xapian::Error& e, const fs::path& where) {
    throw Error(ErrorCode::IndexUnavailable,
                "cannot write the index at " + where.string() + ": " + e.get_description());
}

// The whole build; the caller holds the IndexLock.
IndexReport build_locked(const IndexOptions& options) {
    Run run = start_run(options);
    const fs::path& dir = options.index_dir;
    const std::optional<unsigned> current = current_generation(dir);
    const std::vector<unsigned> present = list_generations(dir);

    unsigned next = present.empty() ? 1 : present.back() + 1;
    if (current && *current >= next) next = *current + 1;
    // Generations newer than the published one are leftovers of a build that never published.
    std::vector<unsigned> published_or_older;
    for (unsigned number : present)
        if (current && number <= *current) published_or_older.push_back(number);
    remove_generations_except(dir, published_or_older);

    const fs::path generation = dir / generation_name(next);
    std::size_t done = 0;
    ShardedBuildInput input{options.corpus_dir,
                            &run.listing.files,
                            &run.context,
                            generation,
                            options.jobs,
                            options.batch_size,
                            {}};
    input.layout = options.layout;
    input.on_file = [&](const std::string& relative) { report_progress(run, ++done, relative); };
    ShardedBuildOutput built = build_sharded(input);
    run.report.added = built.added;
    run.report.shards = built.shards;
    run.report.merge_seconds = built.merge_seconds;
    for (auto& diagnostic : built.diagnostics)
        run.report.diagnostics.push_back(std::move(diagnostic));

    Xapian::WritableDatabase db(generation.string(), Xapian::DB_OPEN);
    regroup_quotes(db);
    write_metadata(db);
    db.commit();
    finish_report(run, db);
    db.close();

    run.report.mode = IndexMode::Build;
    if (run.report.unreadable > 0) {
        // Publishing would drop the articles of what could not be read without anyone noticing.
        remove_generations_except(dir, published_or_older);
        run.report.publication = Publication::Withheld;
        if (current) run.report.generation = dir / generation_name(*current);
        return run.report;
    }
    publish_generation(dir, next);
    std::vector<unsigned> keep{next};
    if (current) keep.push_back(*current);  // readers may still have it open
    remove_generations_except(dir, keep);

    run.report.generation = generation;
    return run.report;
}

// True when a diagnostic from index `from` on says a file could not be read.
bool unreadable_since(const std::vector<Diagnostic>& diagnostics, std::size_t from) {
    for (std::size_t i = from; i < diagnostics.size(); ++i)
        if (diagnostics[i].severity == Severity::Unreadable) return true;
    return false;
}

// Documents the index holds for one source file.
struct StoredFile {
    std::string hash;
    std::string stamp;  // source_stamp() when indexed; empty in a document without one
    std::vector<Xapian::docid> documents;
    bool seen = false;
};

// The article id of an article document, read from its unique Q term.
std::string stored_article_id(const Xapian::Document& doc) {
    const std::string_view id_prefix = prefix_of(Field::Id);
    auto it = doc.termlist_begin();
    it.skip_to(std::string(id_prefix));
    if (it == doc.termlist_end()) return {};
    const std::string id_term = *it;
    if (id_term.compare(0, id_prefix.size(), id_prefix) != 0) return {};
    return id_term.substr(id_prefix.size());
}

std::map<std::string, StoredFile> stored_files(const Xapian::Database& db) {
    std::vector<Xapian::docid> articles;
    const std::string type_term = term(Field::Type, kTypeArticle);
    for (auto it = db.postlist_begin(type_term); it != db.postlist_end(type_term); ++it)
        articles.push_back(*it);
    const auto paths = stream_values(db, kSlotSourcePath, articles);
    const auto hashes = stream_values(db, kSlotContentHash, articles);
    const auto stamps = stream_values(db, kSlotSourceStamp, articles);
    std::map<std::string, StoredFile> files;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        StoredFile& file = files[paths[i]];
        file.hash = hashes[i];
        file.stamp = stamps[i];
        file.documents.push_back(articles[i]);
    }
    return files;
}

// Deletes an article document, found by docid, and the quote documents that came from it.
void delete_stored_article(Run& run, Xapian::WritableDatabase& db, Xapian::docid document) {
    delete_article(db, document, stored_article_id(db.get_document(document)),
                   {&run.spelling, &run.quotes});
}

// Re-extracts one new or changed file and writes its articles; returns the document ids of the
// file's previous articles that the new extraction replaced.
std::set<Xapian::docid> put_file(Run& run, Xapian::WritableDatabase& db, const SourceFile& source,
                                 std::string_view stamp) {
    std::set<Xapian::docid> replaced_ids;
    for (const auto& article : extract_articles(source, run.context, run.report.diagnostics)) {
        std::optional<Xapian::docid> replaced;
        switch (put_article(db, {article, stamp}, run.report.diagnostics, &replaced,
                            {&run.spelling, &run.quotes})) {
            case PutOutcome::Added:
                ++run.report.added;
                break;
            case PutOutcome::Replaced:
                ++run.report.updated;
                replaced_ids.insert(*replaced);
                break;
            case PutOutcome::Rejected:
                break;
        }
    }
    return replaced_ids;
}

// A file whose contents are the same as when indexed but whose stamp moved (touched, copied):
// its documents take the new stamp, so the next update need not read it again.
void restamp(Xapian::WritableDatabase& db, const StoredFile& file, const std::string& stamp) {
    if (stamp.empty() || stamp == file.stamp) return;
    for (Xapian::docid document : file.documents) {
        Xapian::Document doc = db.get_document(document);
        doc.add_value(kSlotSourceStamp, stamp);
        db.replace_document(document, doc);
    }
}

// One listed file of an update: unchanged when its stamp is the stored one (nothing is read),
// else read and hashed: unchanged when the hash is the stored one, else extracted and written,
// and its articles that the new extraction lacks deleted.
void update_file(Run& run, Xapian::WritableDatabase& db, std::map<std::string, StoredFile>& stored,
                 const std::string& relative) {
    const fs::path path = run.options.corpus_dir / relative;
    const std::string stamp = source_stamp(path);
    const auto found = stored.find(relative);
    StoredFile* file = found != stored.end() ? &found->second : nullptr;
    if (file != nullptr && !stamp.empty() && stamp == file->stamp) {
        run.report.unchanged += file->documents.size();
        file->seen = true;
        return;
    }
    const std::size_t diagnostics_before = run.report.diagnostics.size();
    auto source = read_source_file(path, relative, run.report.diagnostics);
    if (!source) {
        // It exists but cannot be read: its articles stay as they are. A file that vanished
        // since the listing is treated like a removed one.
        if (file != nullptr && unreadable_since(run.report.diagnostics, diagnostics_before)) {
            file->seen = true;
            run.report.kept += file->documents.size();
        }
        return;
    }
    if (file != nullptr && file->hash == content_hash(*source)) {
        run.report.unchanged += file->documents.size();
        file->seen = true;
        restamp(db, *file, stamp);
        return;
    }
    const auto replaced = put_file(run, db, *source, stamp);
    if (file == nullptr) return;
    file->seen = true;
    for (std::size_t d = 0; d < file->documents.size(); ++d) {
        if (replaced.count(file->documents[d])) continue;
        // a record the file no longer has
        delete_stored_article(run, db, file->documents[d]);
        ++run.report.deleted;
    }
}

// Shards served elsewhere (remote lines, other backends) are changed where they are served,
// never by this machine's indexer.
bool local_shards_only(const fs::path& generation) {
    const auto shards = read_shard_manifest(generation);
    return shards && !has_remote_shards(*shards);
}

IndexReport update_locked(const IndexOptions& options, unsigned current) {
    Run run = start_run(options);
    const fs::path generation = options.index_dir / generation_name(current);
    if (is_sharded_generation(generation) && !local_shards_only(generation)) {
        throw Error(ErrorCode::InvalidArgument,
                    generation.string() +
                        " names shards served by other machines; update each shard where it "
                        "is served, or build again");
    }
    // Kept shards open as one WritableDatabase: Xapian routes a change or deletion to the shard
    // holding the document, and a new document (docid = last + 1) to shard (docid - 1) mod N,
    // so new articles spread evenly. Metadata goes to the first shard, where readers of the
    // combined database look for it. Spelling changes are counted during the update and applied
    // to the shards one by one afterwards (a word's entries may lie on any shard). Each shard
    // commits on its own, so a reader may briefly see some shards updated and others not.
    const std::optional<std::vector<ShardEntry>> shards = read_shard_manifest(generation);
    Xapian::WritableDatabase db(generation.string(), Xapian::DB_OPEN);
    check_schema(db);
    std::map<std::string, StoredFile> stored = stored_files(db);

    // What the index holds under an unreadable folder (or for an unreadable link) stays.
    for (auto& [path, file] : stored) {
        if (!under_unreadable(run.listing, path)) continue;
        file.seen = true;
        run.report.kept += file.documents.size();
    }

    // One transaction: readers see the corpus before or after this update, never half of it.
    db.begin_transaction();
    for (std::size_t i = 0; i < run.listing.files.size(); ++i) {
        const std::string& relative = run.listing.files[i];
        update_file(run, db, stored, relative);
        report_progress(run, i + 1, relative);
    }
    for (const auto& [path, file] : stored) {
        if (file.seen) continue;
        for (std::size_t d = 0; d < file.documents.size(); ++d)
            delete_stored_article(run, db, file.documents[d]);
        run.report.deleted += file.documents.size();
    }
    // Spelling words are changed once per word rather than once per occurrence (as a build
    // does); only the groups the changed quotes can reach are recomputed: none when no quote
    // changed.
    if (!shards) apply_spelling(db, run.spelling);
    regroup_changed_quotes(db, run.quotes);
    write_metadata(db);
    db.commit_transaction();
    finish_report(run, db);
    db.close();
    // The shards' spelling tables, then the spelling database, follow the new words (a
    // generation of shards built before it existed gets one). Committed after the shards: a
    // reader may for a moment correct from the previous words, as it may see some shards updated
    // and others not.
    if (shards) {
        apply_shard_spelling(generation, *shards, run.spelling);
        sync_spelling(Xapian::Database(generation.string()), generation / kSpellingName);
    }

    run.report.mode = IndexMode::Update;
    run.report.generation = generation;
    return run.report;
}

void ensure_index_directory(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw Error(ErrorCode::IndexUnavailable,
                    "cannot create index directory " + dir.string() + ": " + ec.message());
    }
    // Xapian opens a directory holding a database's own files as that database and ignores a
    // stub beside them, so publishing generations there would silently never be seen.
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
        if (fs::exists(dir / marker, ec)) {
            throw Error(ErrorCode::InvalidArgument,
                        dir.string() +
                            " is a plain Xapian database, not a Broadsheet index directory; "
                            "give --index a new or empty directory");
        }
    }
}

}  // namespace

IndexReport build_index(const IndexOptions& options) {
    // Check the corpus first, so a typo in its name leaves no empty index directory behind.
    require_corpus_dir(options.corpus_dir);
    ensure_index_directory(options.index_dir);
    IndexLock lock(options.index_dir);
    try {
        return build_locked(options);
    } catch (const Xapian::Error& e) {
        rethrow_as_error(e, options.index_dir);
    }
}

IndexReport update_index(const IndexOptions& options) {
    require_corpus_dir(options.corpus_dir);
    ensure_index_directory(options.index_dir);
    IndexLock lock(options.index_dir);
    const std::optional<unsigned> current = current_generation(options.index_dir);
    try {
        if (!current) return build_locked(options);
        return update_locked(options, *current);
    } catch (const Xapian::Error& e) {
        rethrow_as_error(e, options.index_dir);
    }
}

ExtractResult extract_source(const SourceFile& source, const ExtractContext& context) {
    ExtractResult result;
    try {
        result = extract_file(source, context);
    } catch (const std::exception& e) {
        result.articles.clear();
        result.diagnostics.push_back({source.relative_path, Severity::Skipped,
                                      std::string("extraction failed: ") + e.what()});
    }
    return result;
}

std::string iso8601_utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace broadsheet
