// index_pool.cpp — opening INDEX_DIR through its stub file, schema checks on every open, one
// pool-wide check for new generations and commits, and handles that follow it at their next lease.
#include "core/search/index_pool.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "core/error.h"
#include "core/index/shard_manifest.h"
#include "core/index/spelling_table.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

// The stub file the indexer replaces by rename when it publishes a generation (see the index
// layout in docs/design.md); Xapian itself also reads it when opening the directory.
constexpr std::string_view kStubName = "XAPIANDB";

// The stub's content, or nullopt when INDEX_DIR has no stub (a plain database directory).
std::optional<std::string> read_stub(const std::filesystem::path& dir) {
    std::ifstream in(dir / kStubName, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// "auto gen-000001" → INDEX_DIR/gen-000001. Opening the generation named by the content we
// just read (rather than INDEX_DIR again) keeps the recorded stub and the open database in
// step even if the indexer publishes in between.
std::filesystem::path generation_path(const std::filesystem::path& dir, const std::string& stub) {
    std::istringstream line(stub);
    std::string backend, name;
    line >> backend >> name;
    if (backend != "auto" || name.empty() || name.find('/') != std::string::npos || name == ".." ||
        name == ".")
        return dir;  // not our layout: let Xapian interpret the stub itself
    return dir / name;
}

struct Opened {
    Xapian::Database db;
    std::string stub;
    ShardReach reach = ShardReach::Local;
    std::optional<Xapian::Database> spelling;  // a generation of shards' spelling database
};

// The shards of a manifest with a remote one, opened one by one: Xapian would open the stub's
// remote lines with its default timeouts, ours come from the server's options.
Xapian::Database open_shards(const std::filesystem::path& dir,
                             const std::vector<ShardEntry>& shards,
                             const RemoteTimeouts& timeouts) {
    Xapian::Database db;
    for (const ShardEntry& shard : shards) {
        if (shard.kind == ShardEntry::Kind::Local) {
            db.add_database(Xapian::Database((dir / shard.name).string()));
            continue;
        }
        try {
            db.add_database(Xapian::Remote::open(
                shard.host, shard.port, static_cast<useconds_t>(timeouts.reply.count()),
                static_cast<useconds_t>(timeouts.connect.count())));
        } catch (const Xapian::NetworkError& e) {
            throw SearchContext::shard_unavailable(shard.host + ":" + std::to_string(shard.port),
                                                   e);
        }
    }
    return db;
}

Opened open_current(const std::filesystem::path& dir, const RemoteTimeouts& timeouts) {
    Opened opened;
    const std::optional<std::string> stub = read_stub(dir);
    const std::filesystem::path path = stub ? generation_path(dir, *stub) : dir;
    const std::optional<std::vector<ShardEntry>> shards = read_shard_manifest(path);
    try {
        if (shards && has_remote_shards(*shards)) {
            opened.db = open_shards(path, *shards, timeouts);
            opened.reach = ShardReach::Remote;
        } else {
            opened.db = Xapian::Database(path.string());
        }
        // Shards correct spelling from their merged table, as one database would.
        if (shards) opened.spelling = open_spelling(path);
        check_schema(opened.db);
    } catch (const Xapian::NetworkError& e) {
        throw SearchContext::shard_unavailable(e);
    } catch (const Xapian::Error& e) {
        throw Error(ErrorCode::IndexUnavailable,
                    "cannot open the index at " + path.string() + ": " + e.get_msg());
    }
    opened.stub = stub.value_or("");
    return opened;
}

}  // namespace

struct IndexPool::Handle {
    std::unique_ptr<SearchContext> context;
    std::string stub;         // stub content the context was opened from ("" without a stub)
    std::uint64_t epoch = 0;  // the pool's epoch the context is up to date with
};

IndexPool::IndexPool(IndexPoolConfig config) : config_(std::move(config)) {
    const std::size_t count = std::max<std::size_t>(config_.handles, 1);
    Opened probe = open_current(config_.dir, config_.remote);
    probe_ = probe.db;
    probe_reach_ = probe.reach;
    probe_spelling_ = probe.spelling;
    stub_ = probe.stub;
    columns_ = load_columns(probe_);
    checked_ = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < count; ++i) {
        Opened opened = open_current(config_.dir, config_.remote);
        auto handle = std::make_unique<Handle>();
        handle->context = make_context(opened.db, opened.reach, opened.spelling);
        handle->context->set_columns(columns_);
        handle->stub = std::move(opened.stub);
        free_.push_back(handle.get());
        handles_.push_back(std::move(handle));
    }
}

IndexPool::~IndexPool() = default;

std::unique_ptr<SearchContext> IndexPool::make_context(
    const Xapian::Database& db, ShardReach reach,
    const std::optional<Xapian::Database>& spelling) const {
    // Exports open the generation that is current when they start, which may be newer than
    // this handle's until its next refresh.
    return std::make_unique<SearchContext>(
        db,
        [dir = config_.dir, timeouts = config_.remote] { return open_current(dir, timeouts).db; },
        reach, spelling);
}

IndexPool::Lease IndexPool::lease() {
    check_for_changes();
    Handle* handle = nullptr;
    std::uint64_t epoch = 0;
    std::string stub;
    std::shared_ptr<const FacetColumns> columns;
    {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [&] { return !free_.empty(); });
        handle = free_.back();
        free_.pop_back();
        epoch = epoch_;
        if (handle->epoch != epoch) {
            stub = stub_;
            columns = columns_;
        }
    }
    Lease lease(this, handle);
    if (handle->context->broken()) reconnect(*handle);
    if (handle->epoch != epoch) {
        follow(*handle, epoch, stub);
        handle->context->set_columns(std::move(columns));
    }
    return lease;
}

void IndexPool::check_for_changes() {
    // One lease at a time looks, at most once per interval; the others go on meanwhile.
    std::unique_lock check(check_mutex_, std::try_to_lock);
    if (!check.owns_lock()) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - checked_ < config_.check_interval) return;
    checked_ = now;
    const std::string stub = read_stub(config_.dir).value_or("");
    bool changed = false;
    if (stub != probe_stub()) {
        // A new generation: reopen() would stay on the old one, so open a fresh Database, and
        // move every handle only once it has proved usable.
        try {
            Opened opened = open_current(config_.dir, config_.remote);
            probe_ = opened.db;
            probe_reach_ = opened.reach;
            probe_spelling_ = opened.spelling;
            std::shared_ptr<const FacetColumns> columns = load_columns(probe_);
            std::lock_guard lock(mutex_);
            stub_ = std::move(opened.stub);
            columns_ = std::move(columns);
            ++epoch_;
        } catch (const Error& e) {
            report(stub, std::string("keeping the previous index: ") + e.what());
        }
        return;
    }
    if (probe_reach_ == ShardReach::Remote) return;
    try {
        changed = probe_.reopen();
        // An update commits the spelling database after the shards, maybe in a later check.
        if (probe_spelling_ && probe_spelling_->reopen()) changed = true;
    } catch (const Xapian::Error& e) {
        report(stub + "\n" + e.get_msg(), "keeping the current revision: " + e.get_msg());
    }
    if (changed) {
        std::shared_ptr<const FacetColumns> columns = load_columns(probe_);
        std::lock_guard lock(mutex_);
        columns_ = std::move(columns);
        ++epoch_;
    }
}

std::shared_ptr<const FacetColumns> IndexPool::load_columns(const Xapian::Database& db) {
    try {
        return FacetColumns::load(db);
    } catch (const Xapian::Error& e) {
        // Each context then loads its own at its first search (SearchContext::columns).
        report("columns\n" + e.get_msg(), "the facet columns could not be loaded: " + e.get_msg());
        return nullptr;
    }
}

std::uint64_t IndexPool::epoch() {
    check_for_changes();
    std::lock_guard lock(mutex_);
    return epoch_;
}

std::shared_ptr<const FacetColumns> IndexPool::columns() {
    std::lock_guard lock(mutex_);
    return columns_;
}

std::string IndexPool::probe_stub() {
    std::lock_guard lock(mutex_);
    return stub_;
}

void IndexPool::follow(Handle& handle, std::uint64_t epoch, const std::string& stub) {
    try {
        if (stub != handle.stub) {
            Opened opened = open_current(config_.dir, config_.remote);
            handle.context = make_context(opened.db, opened.reach, opened.spelling);
            handle.stub = std::move(opened.stub);
        } else {
            handle.context->reopen();
        }
        handle.epoch = epoch;
    } catch (const Error& e) {
        report(stub + "\n" + e.what(), std::string("a search handle keeps its index: ") + e.what());
    }
}

void IndexPool::reconnect(Handle& handle) {
    // The old context's connection may still deliver a late reply to an abandoned request, so
    // it is never used again; the new one opens the generation that is current now.
    Opened opened = open_current(config_.dir, config_.remote);
    handle.context = make_context(opened.db, opened.reach, opened.spelling);
    handle.context->set_columns(columns());
    handle.stub = std::move(opened.stub);
}

void IndexPool::give_back(Handle* handle) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(handle);
    }
    available_.notify_one();
}

void IndexPool::report(const std::string& key, const std::string& message) {
    {
        std::lock_guard lock(mutex_);
        if (!reported_.insert(key).second) return;
    }
    if (config_.on_problem) config_.on_problem(message);
}

IndexPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), handle_(other.handle_) {
    other.pool_ = nullptr;
    other.handle_ = nullptr;
}

IndexPool::Lease::~Lease() {
    if (pool_ != nullptr) pool_->give_back(handle_);
}

SearchContext& IndexPool::Lease::operator*() const {
    return *handle_->context;
}

SearchContext* IndexPool::Lease::operator->() const {
    return handle_->context.get();
}

std::uint64_t IndexPool::Lease::epoch() const {
    return handle_->epoch;
}

}  // namespace broadsheet
