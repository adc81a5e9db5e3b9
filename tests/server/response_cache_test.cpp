// response_cache_test.cpp — ResponseCache on its own: what it keeps within its bytes, what it
// evicts first, and that an entry never outlives the index epoch it was answered from.
#include "server/response_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace broadsheet {
namespace {

// One shard, so that eviction order is the whole cache's; room for about three entries of
// 1,000-byte bodies (each also counts its key and its bookkeeping).
ResponseCacheConfig small_cache() {
    return {.capacity_bytes = 3600, .shards = 1};
}

CachedResponse body(char fill) {
    return {"application/json", std::string(1000, fill)};
}

TEST(ResponseCache, KeepsWhatFitsAndEvictsTheLeastRecentlyUsed) {
    ResponseCache cache(small_cache());
    cache.insert("a", 1, body('a'));
    cache.insert("b", 1, body('b'));
    cache.insert("c", 1, body('c'));
    ASSERT_NE(cache.find("a", 1), nullptr);  // a is now the most recently used
    cache.insert("d", 1, body('d'));         // no room: b, the least recently used, goes
    EXPECT_EQ(cache.find("b", 1), nullptr);
    ASSERT_NE(cache.find("a", 1), nullptr);
    EXPECT_EQ(cache.find("a", 1)->body, std::string(1000, 'a'));
    EXPECT_NE(cache.find("c", 1), nullptr);
    EXPECT_NE(cache.find("d", 1), nullptr);
    const ResponseCacheStats stats = cache.stats();
    EXPECT_EQ(stats.entries, 3u);
    EXPECT_LE(stats.bytes, stats.capacity_bytes);
    EXPECT_EQ(stats.hits, 5u);
    EXPECT_EQ(stats.misses, 1u);
}

TEST(ResponseCache, NeverServesAnEarlierEpoch) {
    struct Case {
        std::uint64_t stored;
        std::uint64_t asked;
        bool found;
        const char* why;
    };
    const Case cases[] = {
        {1, 1, true, "the same index: a hit"},
        {1, 2, false, "the server has followed a new index: the old answer is gone"},
        {2, 1, false, "a request that saw the old epoch is not answered from the new one"},
    };
    for (const auto& c : cases) {
        ResponseCache cache(small_cache());
        cache.insert("q", c.stored, body('q'));
        EXPECT_EQ(cache.find("q", c.asked) != nullptr, c.found) << c.why;
    }
}

TEST(ResponseCache, DropsAnswersOfAnIndexItHasLeft) {
    ResponseCache cache(small_cache());
    cache.insert("new", 2, body('n'));
    // A worker still on epoch 1 answered late; keeping it would serve the old index.
    cache.insert("old", 1, body('o'));
    EXPECT_EQ(cache.find("old", 1), nullptr);
    EXPECT_EQ(cache.find("old", 2), nullptr);
    EXPECT_NE(cache.find("new", 2), nullptr);
}

TEST(ResponseCache, RefusesWhatCannotFitAndKeepsNothingWhenOff) {
    ResponseCache cache(small_cache());
    cache.insert("huge", 1, {"application/json", std::string(5000, 'h')});
    EXPECT_EQ(cache.find("huge", 1), nullptr);
    EXPECT_EQ(cache.stats().entries, 0u);

    ResponseCache off({.capacity_bytes = 0});
    EXPECT_FALSE(off.enabled());
    off.insert("q", 1, body('q'));
    EXPECT_EQ(off.find("q", 1), nullptr);
}

TEST(ResponseCache, ASecondAnswerForOneKeyReplacesTheFirst) {
    ResponseCache cache(small_cache());
    cache.insert("q", 1, body('1'));
    cache.insert("q", 1, body('2'));
    EXPECT_EQ(cache.stats().entries, 1u);
    EXPECT_EQ(cache.find("q", 1)->body, std::string(1000, '2'));
}

}  // namespace
}  // namespace broadsheet
