// shard_manifest.cpp — parsing the "auto NAME" and "remote HOST:PORT" lines of a shard stub.
#include "core/index/shard_manifest.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/index/generations.h"

namespace broadsheet {
namespace {

// "HOST:PORT" (the port after the last colon, so a bracketed IPv6 host keeps its colons).
std::optional<ShardEntry> parse_remote(const std::string& address) {
    const std::size_t colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    ShardEntry entry;
    entry.kind = ShardEntry::Kind::Remote;
    entry.host = address.substr(0, colon);
    if (entry.host.size() > 2 && entry.host.front() == '[' && entry.host.back() == ']')
        entry.host = entry.host.substr(1, entry.host.size() - 2);
    const char* first = address.data() + colon + 1;
    const char* last = address.data() + address.size();
    const auto [end, error] = std::from_chars(first, last, entry.port);
    if (error != std::errc() || end != last || entry.port == 0 || entry.port > 65535)
        return std::nullopt;
    return entry;
}

std::optional<ShardEntry> parse_line(const std::string& line) {
    std::istringstream words(line);
    std::string backend, target, extra;
    words >> backend >> target;
    if (target.empty() || (words >> extra)) return std::nullopt;
    if (backend == "remote") return parse_remote(target);
    if (backend != "auto" || target.find('/') != std::string::npos || target == "." ||
        target == "..")
        return std::nullopt;
    ShardEntry entry;
    entry.name = target;
    return entry;
}

}  // namespace

std::optional<std::vector<ShardEntry>> read_shard_manifest(const std::filesystem::path& dir) {
    std::ifstream in(dir / kStubFileName);
    if (!in) return std::nullopt;
    std::vector<ShardEntry> shards;
    for (std::string line; std::getline(in, line);) {
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        std::optional<ShardEntry> entry = parse_line(line);
        if (!entry) return std::nullopt;
        shards.push_back(std::move(*entry));
    }
    return shards;
}

bool has_remote_shards(const std::vector<ShardEntry>& shards) {
    return std::any_of(shards.begin(), shards.end(), [](const ShardEntry& shard) {
        return shard.kind == ShardEntry::Kind::Remote;
    });
}

}  // namespace broadsheet
