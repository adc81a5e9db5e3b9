// index_pool.h — a fixed set of search contexts (Database handles) over one index directory, leased
// one request at a time, all following the index together as the indexer updates or republishes it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_context.h"

namespace broadsheet {

// How long the server waits for a remote shard (xapian-tcpsrv) before the request fails with
// Error(ShardUnavailable): Xapian::Remote::open's timeout and connect_timeout.
struct RemoteTimeouts {
    std::chrono::milliseconds reply{10000};    // any one reply during a search
    std::chrono::milliseconds connect{10000};  // connecting and the server's greeting
};

struct IndexPoolConfig {
    std::filesystem::path dir;  // INDEX_DIR: a stub file XAPIANDB naming gen-NNNNNN/, or a database
    std::size_t handles = 1;    // how many requests can search at the same time
    // How often the pool looks for a new generation or commit (one small file read and a
    // reopen() per interval). Once it has seen one, every handle moves to it at its next lease,
    // so requests never alternate between the old and the new index.
    std::chrono::milliseconds check_interval{1000};
    // Told about a republished or updated index that cannot be served (the old one keeps
    // serving). core/ never prints, so the caller decides where this goes.
    std::function<void(std::string_view)> on_problem;
    // For the "remote HOST:PORT" lines of a generation's manifest (core/index/shard_manifest.h).
    RemoteTimeouts remote;
};

class IndexPool {
  public:
    // Opens every handle now. Throws Error(IndexUnavailable) when the index cannot be opened
    // and Error(SchemaMismatch) when it was written with another schema, so that a server
    // refuses to start instead of failing every request.
    explicit IndexPool(IndexPoolConfig config);
    IndexPool(const IndexPool&) = delete;
    IndexPool& operator=(const IndexPool&) = delete;
    ~IndexPool();

    struct Handle;

    // Exclusive use of one handle until destroyed.
    class Lease {
      public:
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        SearchContext& operator*() const;
        SearchContext* operator->() const;
        // The pool epoch (see epoch()) of the index this handle searches.
        std::uint64_t epoch() const;

      private:
        friend class IndexPool;
        Lease(IndexPool* pool, Handle* handle) : pool_(pool), handle_(handle) {}
        IndexPool* pool_;
        Handle* handle_;
    };

    // The facet columns the handles share now (nullptr when they could not be loaded).
    std::shared_ptr<const FacetColumns> columns();

    // The pool's view of the index as a number that grows with every new generation or
    // commit it has seen (looking for one first when the check interval has passed). What a
    // lease answers at epoch E is what every lease answers until the epoch moves on, so the
    // server's response cache keys on it.
    std::uint64_t epoch();

    // Waits for a free handle, brings it up to date with the pool's view of the index, and
    // hands it out. Never throws for a bad new index: the handle keeps its old one. A handle
    // whose remote shard failed (SearchContext::broken) is opened afresh first; while that
    // fails, throws Error(ShardUnavailable) naming the shard.
    Lease lease();

  private:
    std::unique_ptr<SearchContext> make_context(
        const Xapian::Database& db, ShardReach reach,
        const std::optional<Xapian::Database>& spelling) const;
    // Looks for a new generation or commit when the check interval has passed.
    void check_for_changes();
    std::string probe_stub();
    // The facet columns of `db`, shared by every handle at the pool's epoch; nullptr (each
    // context then loads its own) when they cannot be read.
    std::shared_ptr<const FacetColumns> load_columns(const Xapian::Database& db);
    // Brings `handle` to `epoch`: a new Database for a new stub, else reopen().
    void follow(Handle& handle, std::uint64_t epoch, const std::string& stub);
    // Replaces a broken handle's context by a newly opened one; throws when it cannot.
    void reconnect(Handle& handle);
    void give_back(Handle* handle);
    void report(const std::string& key, const std::string& message);

    IndexPoolConfig config_;
    std::vector<std::unique_ptr<Handle>> handles_;
    std::vector<Handle*> free_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::set<std::string> reported_;  // problems already told, so each is logged once
    // The pool's view of the index, guarded by mutex_: the stub of the current generation and
    // an epoch that grows with every new generation or commit seen.
    std::string stub_;
    std::uint64_t epoch_ = 0;
    std::shared_ptr<const FacetColumns> columns_;  // of the probe at epoch_
    // Used by one check at a time (check_mutex_): a Database to notice commits with.
    std::mutex check_mutex_;
    Xapian::Database probe_;
    // Where the probe's shards are: remote shards are kept shards served read-only (update
    // refuses them), so the probe only watches the stub there and spends no round trip.
    ShardReach probe_reach_ = ShardReach::Local;
    // The generation's spelling database, watched with the probe: an update commits it after
    // the shards.
    std::optional<Xapian::Database> probe_spelling_;
    std::chrono::steady_clock::time_point checked_;
};

}  // namespace broadsheet
