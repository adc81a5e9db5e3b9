// packed_column.h — a column of 32-bit numbers kept in about two bytes each: a 32-bit base per
// block of 256 entries and a 16-bit difference from it per entry. Ordinals of a field with
// fewer than 65,536 values, and speaker offsets (a few more per document), always fit, which
// halves the facet columns' memory; a column whose values within some block spread wider than
// 16 bits stays 32-bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace broadsheet {

class PackedColumn {
  public:
    PackedColumn() = default;
    explicit PackedColumn(const std::vector<std::uint32_t>& values);

    std::uint32_t operator[](std::size_t i) const {
        return packed_ ? base_[i >> kBlockBits] + delta_[i] : wide_[i];
    }
    std::size_t size() const { return size_; }
    // Whether the column holds two-byte differences (false: four bytes an entry).
    bool packed() const { return packed_; }
    // Memory the column takes, in bytes.
    std::size_t bytes() const;

  private:
    static constexpr unsigned kBlockBits = 8;
    std::vector<std::uint32_t> base_;   // the smallest value of each block
    std::vector<std::uint16_t> delta_;  // value - its block's base
    std::vector<std::uint32_t> wide_;   // the values, when some block's spread is too wide
    std::size_t size_ = 0;
    bool packed_ = false;
};

}  // namespace broadsheet
