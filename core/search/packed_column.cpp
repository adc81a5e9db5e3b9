// packed_column.cpp — packing a column into block bases and 16-bit differences.
#include "core/search/packed_column.h"

#include <algorithm>
#include <limits>

namespace broadsheet {

PackedColumn::PackedColumn(const std::vector<std::uint32_t>& values) : size_(values.size()) {
    constexpr std::size_t block = std::size_t{1} << kBlockBits;
    std::vector<std::uint32_t> bases;
    bases.reserve((values.size() + block - 1) / block);
    for (std::size_t first = 0; first < values.size(); first += block) {
        const auto begin = values.begin() + static_cast<std::ptrdiff_t>(first);
        const auto end =
            values.begin() + static_cast<std::ptrdiff_t>(std::min(values.size(), first + block));
        const auto [low, high] = std::minmax_element(begin, end);
        if (*high - *low > std::numeric_limits<std::uint16_t>::max()) {
            wide_ = values;
            return;
        }
        bases.push_back(*low);
    }
    delta_.resize(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        delta_[i] = static_cast<std::uint16_t>(values[i] - bases[i >> kBlockBits]);
    base_ = std::move(bases);
    packed_ = true;
}

std::size_t PackedColumn::bytes() const {
    return base_.capacity() * sizeof(std::uint32_t) + delta_.capacity() * sizeof(std::uint16_t) +
           wide_.capacity() * sizeof(std::uint32_t);
}

}  // namespace broadsheet
