// generations.cpp — naming, listing, publishing and pruning index generations; the indexer lock.
#include "core/index/generations.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "core/error.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kGenerationPrefix = "gen-";
constexpr std::size_t kGenerationDigits = 6;

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    throw Error(ErrorCode::IndexUnavailable,
                what + " " + path.string() + ": " +
                    std::error_code(error, std::generic_category()).message());
}

void fsync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) fail("cannot open", path, errno);
    const bool ok = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok) fail("cannot sync", path, error);
}

}  // namespace

std::string generation_name(unsigned number) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%0*u", static_cast<int>(kGenerationDigits), number);
    return std::string(kGenerationPrefix) + digits;
}

std::optional<unsigned> parse_generation_name(std::string_view name) {
    if (name.substr(0, kGenerationPrefix.size()) != kGenerationPrefix) return std::nullopt;
    const std::string_view digits = name.substr(kGenerationPrefix.size());
    if (digits.size() != kGenerationDigits) return std::nullopt;
    unsigned number = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + static_cast<unsigned>(c - '0');
    }
    return number;
}

std::optional<unsigned> current_generation(const fs::path& index_dir) {
    const fs::path stub = index_dir / kStubFileName;
    std::error_code ec;
    if (!fs::exists(stub, ec)) return std::nullopt;
    std::ifstream in(stub);
    std::string keyword, target;
    if (!(in >> keyword >> target) || keyword != "auto") {
        throw Error(
            ErrorCode::IndexUnavailable,
            stub.string() + " is not a Broadsheet stub file (expected \"auto gen-NNNNNN\")");
    }
    const auto number = parse_generation_name(target);
    if (!number) {
        throw Error(ErrorCode::IndexUnavailable,
                    stub.string() + " names \"" + target + "\", which is not a generation");
    }
    return number;
}

void write_shard_manifest(const fs::path& dir, const std::vector<std::string>& names) {
    const fs::path manifest = dir / kStubFileName;
    {
        std::ofstream out(manifest, std::ios::trunc);
        for (const std::string& name : names) out << "auto " << name << '\n';
        out.close();
        if (!out) fail("cannot write", manifest, errno);
    }
    fsync_path(manifest, O_RDONLY);
}

bool is_sharded_generation(const fs::path& generation) {
    std::error_code ec;
    return fs::is_regular_file(generation / kStubFileName, ec);
}

std::vector<unsigned> list_generations(const fs::path& index_dir) {
    std::vector<unsigned> numbers;
    std::error_code ec;
    for (fs::directory_iterator it(index_dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (!it->is_directory()) continue;
        if (auto number = parse_generation_name(it->path().filename().string())) {
            numbers.push_back(*number);
        }
    }
    if (ec) fail("cannot list", index_dir, ec.value());
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

void publish_generation(const fs::path& index_dir, unsigned number) {
    const fs::path tmp = index_dir / (std::string(kStubFileName) + ".tmp");
    const fs::path stub = index_dir / kStubFileName;
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "auto " << generation_name(number) << '\n';
        out.close();
        if (!out) fail("cannot write", tmp, errno);
    }
    fsync_path(tmp, O_RDONLY);
    if (std::rename(tmp.c_str(), stub.c_str()) != 0) fail("cannot rename onto", stub, errno);
    // The rename is only durable once the directory entry itself reaches the disk.
    fsync_path(index_dir, O_RDONLY | O_DIRECTORY);
}

void remove_generations_except(const fs::path& index_dir, const std::vector<unsigned>& keep) {
    for (unsigned number : list_generations(index_dir)) {
        if (std::find(keep.begin(), keep.end(), number) != keep.end()) continue;
        std::error_code ec;
        fs::remove_all(index_dir / generation_name(number), ec);
        if (ec) fail("cannot delete", index_dir / generation_name(number), ec.value());
    }
    std::error_code ignored;
    fs::remove(index_dir / (std::string(kStubFileName) + ".tmp"), ignored);
    // A build deletes its own shards; any still here belong to a build that was killed.
    for (const auto& entry : fs::directory_iterator(index_dir, ignored)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(kShardsSuffix)) continue;
        const auto number = parse_generation_name(
            std::string_view(name).substr(0, name.size() - kShardsSuffix.size()));
        if (number && std::find(keep.begin(), keep.end(), *number) == keep.end())
            fs::remove_all(entry.path(), ignored);
    }
}

IndexLock::IndexLock(const fs::path& index_dir) {
    const fs::path path = index_dir / kLockFileName;
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot open lock file", path, errno);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd_);
        if (error == EWOULDBLOCK) {
            throw Error(ErrorCode::IndexUnavailable,
                        "another broadsheet-indexer is writing " + index_dir.string());
        }
        fail("cannot lock", path, error);
    }
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace broadsheet
