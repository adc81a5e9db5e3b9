// compaction.cpp — compact the current generation into the next one and publish it.
#include "core/index/compaction.h"

#include <xapian.h>

#include <chrono>
#include <optional>
#include <vector>

#include "core/error.h"
#include "core/index/generations.h"

namespace broadsheet {
namespace fs = std::filesystem;

std::uintmax_t directory_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        const std::uintmax_t size = entry.file_size(ec);
        if (!ec) total += size;
    }
    return total;
}

CompactReport compact_index(const fs::path& index_dir) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (!fs::is_directory(index_dir, ec))
        throw Error(ErrorCode::InvalidArgument, index_dir.string() + " is not an index directory");
    IndexLock lock(index_dir);
    const std::optional<unsigned> current = current_generation(index_dir);
    if (!current)
        throw Error(ErrorCode::InvalidArgument,
                    index_dir.string() + " holds no published index to compact");
    const std::vector<unsigned> present = list_generations(index_dir);
    const unsigned next = std::max(present.empty() ? 0 : present.back(), *current) + 1;

    CompactReport report;
    report.from = index_dir / generation_name(*current);
    report.to = index_dir / generation_name(next);
    try {
        Xapian::Database(report.from.string()).compact(report.to.string());
    } catch (const Xapian::Error& e) {
        remove_generations_except(index_dir, present);
        throw Error(ErrorCode::IndexUnavailable,
                    "cannot compact " + report.from.string() + ": " + e.get_description());
    }
    publish_generation(index_dir, next);
    remove_generations_except(index_dir, {*current, next});
    report.bytes_before = directory_bytes(report.from);
    report.bytes_after = directory_bytes(report.to);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace broadsheet
