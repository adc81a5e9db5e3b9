// response_cache.cpp — ResponseCache (see response_cache.h): per shard, a recency list of
// entries and a hash index into it, both under the shard's mutex.
#include "server/response_cache.h"

#include <algorithm>
#include <functional>

namespace broadsheet {
namespace {

// What an entry costs besides its key and body: list node, hash node, shared_ptr control block.
constexpr std::size_t kEntryOverheadBytes = 160;

}  // namespace

struct ResponseCache::Shard {
    struct Entry {
        std::string key;
        std::shared_ptr<const CachedResponse> response;
        std::size_t bytes = 0;
    };

    std::mutex mutex;
    std::uint64_t epoch = 0;
    std::list<Entry> recency;  // most recently used first
    // Views of the keys held by `recency`'s nodes, which never move while they exist.
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index;
    std::size_t bytes = 0;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;

    // Drops everything when `seen` is newer than what the shard holds; false when `seen` is
    // older (the caller answered from an index the server has left).
    bool move_to(std::uint64_t seen) {
        if (seen < epoch) return false;
        if (seen > epoch) {
            index.clear();
            recency.clear();
            bytes = 0;
            epoch = seen;
        }
        return true;
    }

    void evict_last() {
        index.erase(recency.back().key);
        bytes -= recency.back().bytes;
        recency.pop_back();
    }
};

ResponseCache::ResponseCache(const ResponseCacheConfig& config)
    : capacity_bytes_(config.capacity_bytes) {
    const std::size_t count = std::max<std::size_t>(config.shards, 1);
    shard_capacity_ = capacity_bytes_ / count;
    for (std::size_t i = 0; i < count; ++i) shards_.push_back(std::make_unique<Shard>());
}

ResponseCache::~ResponseCache() = default;

ResponseCache::Shard& ResponseCache::shard_for(std::string_view key) {
    return *shards_[std::hash<std::string_view>{}(key) % shards_.size()];
}

std::shared_ptr<const CachedResponse> ResponseCache::find(std::string_view key,
                                                          std::uint64_t epoch) {
    Shard& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    if (shard.move_to(epoch)) {
        if (auto found = shard.index.find(key); found != shard.index.end()) {
            shard.recency.splice(shard.recency.begin(), shard.recency, found->second);
            ++shard.hits;
            return found->second->response;
        }
    }
    ++shard.misses;
    return nullptr;
}

void ResponseCache::insert(std::string key, std::uint64_t epoch, CachedResponse response) {
    const std::size_t bytes =
        key.size() + response.content_type.size() + response.body.size() + kEntryOverheadBytes;
    if (bytes > shard_capacity_) return;
    auto value = std::make_shared<const CachedResponse>(std::move(response));
    Shard& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    if (!shard.move_to(epoch)) return;
    // Two workers may miss on one key at once; the second answer replaces the first.
    if (auto found = shard.index.find(key); found != shard.index.end()) {
        const auto entry = found->second;
        shard.index.erase(found);
        shard.bytes -= entry->bytes;
        shard.recency.erase(entry);
    }
    while (!shard.recency.empty() && shard.bytes + bytes > shard_capacity_) shard.evict_last();
    shard.recency.push_front({std::move(key), std::move(value), bytes});
    shard.index.emplace(shard.recency.front().key, shard.recency.begin());
    shard.bytes += bytes;
}

ResponseCacheStats ResponseCache::stats() const {
    ResponseCacheStats stats;
    stats.capacity_bytes = capacity_bytes_;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        stats.hits += shard->hits;
        stats.misses += shard->misses;
        stats.entries += shard->recency.size();
        stats.bytes += shard->bytes;
    }
    return stats;
}

}  // namespace broadsheet
