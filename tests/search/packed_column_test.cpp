// packed_column_test.cpp — a packed column gives back every value it was made from, and packs
// exactly when each block of 256 entries spreads over at most 16 bits.
#include "core/search/packed_column.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace broadsheet {
namespace {

struct Case {
    const char* why;
    std::vector<std::uint32_t> values;
    bool packed;
};

// n entries: first, first + step, first + 2 step, ...
std::vector<std::uint32_t> ramp(std::size_t n, std::uint32_t first, std::uint32_t step) {
    std::vector<std::uint32_t> values(n);
    for (std::size_t i = 0; i < n; ++i) values[i] = first + static_cast<std::uint32_t>(i) * step;
    return values;
}

// Two blocks: the first all `low`, the second all `high`.
std::vector<std::uint32_t> two_blocks(std::uint32_t low, std::uint32_t high) {
    std::vector<std::uint32_t> values(256, low);
    values.resize(512, high);
    return values;
}

const std::vector<Case> kCases = {
    // An index without documents: nothing to read, and nothing wide to fall back to.
    {"empty", {}, true},
    // Fewer entries than a block: the last block is partial.
    {"one partial block", {7, 0, 65535, 3}, true},
    // Offsets that grow past 16 bits overall stay packed: each block has its own base.
    {"speaker offsets growing by 200 per document", ramp(5000, 0, 200), true},
    // Large values near the top of the range pack against a large base.
    {"values near 2^32", ramp(600, 0xFFFF0000u, 1), true},
    // A spread of exactly 65,535 within a block is the widest that fits.
    {"spread of 65535 in a block", {1, 65536}, true},
    // One more and the whole column is kept at four bytes.
    {"spread of 65536 in a block", {0, 65536}, false},
    // Blocks far apart from each other do not matter, only the spread inside one.
    {"blocks far apart", two_blocks(5, 4000000000u), true},
    // A wide block late in the column widens the whole column.
    {"a wide last block",
     [] {
         std::vector<std::uint32_t> values = ramp(1000, 0, 1);
         values.push_back(3000000000u);
         return values;
     }(),
     false},
};

TEST(PackedColumn, GivesBackEveryValue) {
    for (const Case& c : kCases) {
        const PackedColumn column(c.values);
        EXPECT_EQ(column.packed(), c.packed) << c.why;
        ASSERT_EQ(column.size(), c.values.size()) << c.why;
        for (std::size_t i = 0; i < c.values.size(); ++i)
            ASSERT_EQ(column[i], c.values[i]) << c.why << " #" << i;
        if (c.packed && c.values.size() >= 256) {
            EXPECT_LT(column.bytes(), c.values.size() * sizeof(std::uint32_t)) << c.why;
        }
    }
}

}  // namespace
}  // namespace broadsheet
