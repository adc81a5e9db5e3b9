// search_context.h — what every search feature runs over: one Xapian::Database handle, the
// query builder on it, and the edge where Xapian errors become broadsheet::Error.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "core/error.h"
#include "core/search/facet_columns.h"
#include "core/search/query_builder.h"
#include "core/search/stem_memo.h"

namespace broadsheet {

// Opens a new, independent handle on the index a context serves (its current generation), for
// work that outlives one request's use of the context (exports). May throw like IndexPool.
using DatabaseOpener = std::function<Xapian::Database()>;

// Where a context's shards are. Xapian 1.4's remote backend runs only what it can serialise
// (sorts by one value, its own match spies), so features pick such a path when any shard is
// remote and keep their faster local path otherwise.
enum class ShardReach {
    Local,   // one database, or shards on this machine
    Remote,  // at least one shard served by xapian-tcpsrv (Xapian::Remote::open)
};

// How an article browse the facet columns can answer exactly (no q, no outlet or speaker filter,
// newest or oldest first; core/search/browse.h) is served: from the columns without a match,
// or by the match like any search. Match is there for the tests that compare the two.
enum class BrowsePath { Columns, Match };

// Not thread-safe (Xapian handles are not): one context per worker, see IndexPool. The
// features are functions over it, each in its own header (article_search.h, quote_search.h,
// articles.h, facet_values.h, speakers.h, matrix.h, related.h, suggest.h, export.h).
class SearchContext {
  public:
    // `open_snapshot` serves exports (open_export); without it they throw Error(Internal).
    // `spelling`, a generation's spelling-only database (core/index/spelling_table.h), is where
    // the query builder's corrections come from when given; otherwise they come from `db`.
    explicit SearchContext(const Xapian::Database& db, DatabaseOpener open_snapshot = {},
                           ShardReach reach = ShardReach::Local,
                           std::optional<Xapian::Database> spelling = std::nullopt);
    SearchContext(const SearchContext&) = delete;
    SearchContext& operator=(const SearchContext&) = delete;

    Xapian::Database& db() { return db_; }
    ShardReach reach() const { return reach_; }
    // Whether a remote shard failed or timed out since the context was opened: its connection
    // is then unusable, and IndexPool opens the context again at its next lease.
    bool broken() const { return broken_; }
    QueryBuilder& builder() { return *builder_; }
    // make_stemmer()'s stems, remembered across this context's requests (snippets).
    const Xapian::Stem& stemmer() const { return stemmer_; }

    // A new handle from the opener; Error(Internal) when the context has none.
    Xapian::Database open_snapshot() const;

    // Runs `action`, translating Xapian errors at this edge: QueryParserError → InvalidQuery,
    // opening/corruption/IO errors → IndexUnavailable, anything else from Xapian → Internal. On
    // DatabaseModifiedError (a writer committed twice since we opened) it reopens and runs
    // `action` once more.
    //
    // Where a shard is remote, a connection the shard server closed (xapian-tcpsrv drops those
    // idle past its --idle-timeout) is opened again once and `action` run once more; a shard
    // that is down or timed out gives Error(ShardUnavailable) and leaves the context broken().
    template <class Action>
    auto guarded(Action&& action) -> decltype(action()) {
        try {
            return guarded_on(db_, [&]() -> decltype(action()) {
                try {
                    return action();
                } catch (const Xapian::NetworkError& e) {
                    if (reach_ != ShardReach::Remote || is_timeout(e) || !open_snapshot_) throw;
                    reconnect();
                    return action();
                }
            });
        } catch (const Error& e) {
            if (e.code() == ErrorCode::ShardUnavailable) broken_ = true;
            throw;
        }
    }

    // The same edge over another handle (an export's snapshot).
    template <class Action>
    static auto guarded_on(Xapian::Database& db, Action&& action) -> decltype(action()) {
        try {
            try {
                return action();
            } catch (const Xapian::DatabaseModifiedError&) {
                // A writer committed again while we read an old revision: move to the latest.
                db.reopen();
                return action();
            }
        } catch (const Xapian::QueryParserError& e) {
            throw Error(ErrorCode::InvalidQuery, "q does not parse: " + e.get_msg());
        } catch (const Xapian::NetworkError& e) {
            // A remote shard is down or slower than its timeout (NetworkTimeoutError).
            throw shard_unavailable(e);
        } catch (const Xapian::DatabaseError& e) {
            throw Error(ErrorCode::IndexUnavailable, "the index cannot be read: " + e.get_msg());
        } catch (const Xapian::Error& e) {
            throw Error(ErrorCode::Internal, e.get_type() + std::string(": ") + e.get_msg());
        }
    }

    // Error(ShardUnavailable) naming the remote shard behind `e` (Xapian's context of a remote
    // database's errors is "remote:tcp(HOST:PORT)").
    static Error shard_unavailable(const Xapian::NetworkError& e);
    // The same for the remote shard `shard` ("HOST:PORT").
    static Error shard_unavailable(const std::string& shard, const Xapian::NetworkError& e);
    // Whether `e` is a NetworkTimeoutError (Xapian's errors are not polymorphic).
    static bool is_timeout(const Xapian::NetworkError& e);

    // Brings the handle (and the spelling database) to the latest commit of its database
    // (cheap when nothing changed).
    void reopen();

    // The facet columns of the handle's revision: those given to set_columns() when they
    // describe it, else loaded from the handle now and kept until the next revision.
    std::shared_ptr<const FacetColumns> columns();
    // Columns loaded elsewhere (IndexPool shares one set between its handles).
    void set_columns(std::shared_ptr<const FacetColumns> columns) { columns_ = std::move(columns); }

    BrowsePath browse_path() const { return browse_path_; }
    void set_browse_path(BrowsePath path) { browse_path_ = path; }

  private:
    // A new handle (and query builder) from the opener, for a connection a shard server closed.
    void reconnect();
    // builder_ made afresh over db_ (and spelling_).
    void make_builder();

    Xapian::Database db_;
    std::optional<Xapian::Database> spelling_;  // read by builder_ when present
    std::shared_ptr<const FacetColumns> columns_;
    std::optional<QueryBuilder> builder_;  // reads db_; made again with it (reconnect)
    DatabaseOpener open_snapshot_;
    ShardReach reach_;
    bool broken_ = false;
    BrowsePath browse_path_ = BrowsePath::Columns;
    Xapian::Stem stemmer_ = make_memo_stemmer();
};

}  // namespace broadsheet
