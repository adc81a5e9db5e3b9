// response_cache.h — rendered API responses kept in memory and served again for the same request
// to the same index revision (what Elasticsearch's shard request cache and Solr's
// queryResultCache do): an LRU bounded in bytes, split into shards that each have their own
// mutex so that concurrent workers rarely wait for one another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace broadsheet {

struct ResponseCacheConfig {
    std::size_t capacity_bytes = 64u << 20;  // 0 disables the cache
    std::size_t shards = 16;                 // each holds capacity_bytes / shards
};

// A response as it goes on the wire.
struct CachedResponse {
    std::string content_type;
    std::string body;
};

// Totals since the server started; bytes and entries are what the cache holds now.
struct ResponseCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
    std::size_t capacity_bytes = 0;
};

// Thread-safe. An entry belongs to the index epoch (IndexPool::epoch) it was answered from: a
// lookup at a newer epoch empties the shard it lands in, so nothing of an older index is ever
// served once the server has moved on, and an insert from an older epoch is dropped.
class ResponseCache {
  public:
    explicit ResponseCache(const ResponseCacheConfig& config);
    ResponseCache(const ResponseCache&) = delete;
    ResponseCache& operator=(const ResponseCache&) = delete;
    ~ResponseCache();

    bool enabled() const { return capacity_bytes_ > 0; }

    // The response stored for `key` at `epoch`, counted as a hit; null (a miss) otherwise.
    std::shared_ptr<const CachedResponse> find(std::string_view key, std::uint64_t epoch);
    // Keeps `response` for `key` at `epoch`, evicting the least recently used entries of its
    // shard to make room. A response larger than a shard's share is not kept.
    void insert(std::string key, std::uint64_t epoch, CachedResponse response);

    ResponseCacheStats stats() const;

  private:
    struct Shard;
    Shard& shard_for(std::string_view key);

    std::size_t capacity_bytes_;
    std::size_t shard_capacity_;
    std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace broadsheet
