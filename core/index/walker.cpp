// walker.cpp — recursive, sorted corpus listing; bounded reads of article files and sidecars.
#include "core/index/walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <system_error>
#include <utility>

#include "core/error.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

std::string mib(std::size_t bytes) {
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

// One walk: the options, the corpus root as the kernel resolves it, the directories on the
// current path (by device and inode, so a followed link back to one of them stops) and the result.
struct Walk {
    const WalkOptions& options;
    fs::path canonical_root;
    std::vector<std::pair<dev_t, ino_t>> ancestors;
    CorpusListing& out;
};

// True when `target` (canonical) is `root` (canonical) or lies below it.
bool is_inside(const fs::path& root, const fs::path& target) {
    auto t = target.begin();
    for (const auto& part : root) {
        if (t == target.end() || *t != part) return false;
        ++t;
    }
    return true;
}

void add_unreadable(Walk& walk, const std::string& name, const std::string& reason) {
    walk.out.unreadable.push_back(name);
    walk.out.diagnostics.push_back({name.empty() ? "./" : name, Severity::Unreadable, reason});
}

void walk_directory(Walk& walk, const fs::path& dir, const std::string& prefix);

// A directory about to be walked; false (with a warning) when it is already on the current path.
bool enter_directory(Walk& walk, const fs::path& dir, const std::string& prefix) {
    struct stat info {};
    if (::stat(dir.c_str(), &info) != 0) {
        add_unreadable(
            walk, prefix,
            "cannot read directory: " + std::error_code(errno, std::generic_category()).message());
        return false;
    }
    const std::pair<dev_t, ino_t> key{info.st_dev, info.st_ino};
    if (std::find(walk.ancestors.begin(), walk.ancestors.end(), key) != walk.ancestors.end()) {
        walk.out.diagnostics.push_back({prefix, Severity::Skipped,
                                        "symbolic link back to a directory above it (a cycle); "
                                        "not followed"});
        return false;
    }
    walk.ancestors.push_back(key);
    walk_directory(walk, dir, prefix);
    walk.ancestors.pop_back();
    return true;
}

// A symbolic link named `name`: followed, skipped with a diagnostic, or left alone (a directory
// inside the root, walked under its own name).
void visit_link(Walk& walk, const fs::path& link, const std::string& name) {
    std::error_code ec;
    const fs::path target = fs::canonical(link, ec);
    if (ec == std::errc::no_such_file_or_directory) {
        walk.out.diagnostics.push_back(
            {name, Severity::Skipped, "symbolic link to a missing file (dangling); not followed"});
        return;
    }
    if (ec) {
        add_unreadable(walk, name, "cannot resolve symbolic link: " + ec.message());
        return;
    }
    const fs::file_status status = fs::status(target, ec);
    if (ec) {
        add_unreadable(walk, name, "cannot read link target: " + ec.message());
        return;
    }
    const bool directory = fs::is_directory(status);
    const bool inside = is_inside(walk.canonical_root, target);
    if (!inside && walk.options.symlinks == SymlinkPolicy::StayInsideRoot) {
        if (directory || is_article_file(link)) {
            walk.out.diagnostics.push_back({directory ? name + "/" : name, Severity::Skipped,
                                            "symbolic link to " + target.string() +
                                                ", outside the corpus folder; not followed"});
        }
        return;
    }
    if (directory) {
        if (!inside) enter_directory(walk, link, name + "/");
        return;
    }
    if (fs::is_regular_file(status) && is_article_file(link)) walk.out.files.push_back(name);
}

// Walks one directory level; subdirectories recurse. `prefix` is the directory's path relative
// to the corpus root ("" or "world/syria/"), built up as we descend rather than recomputed with
// fs::relative, which resolves links (a readlink per path component per file).
void walk_directory(Walk& walk, const fs::path& dir, const std::string& prefix) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        add_unreadable(walk, prefix, "cannot read directory: " + ec.message());
        return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        if (is_hidden(entry.path())) continue;
        const std::string name = prefix + entry.path().filename().string();
        std::error_code status_ec;
        if (entry.is_symlink(status_ec)) {
            visit_link(walk, entry.path(), name);
            continue;
        }
        const fs::file_status status = entry.status(status_ec);
        if (status_ec) {
            add_unreadable(walk, name, "cannot read: " + status_ec.message());
            continue;
        }
        if (fs::is_directory(status)) {
            enter_directory(walk, entry.path(), name + "/");
            continue;
        }
        // Only regular files: reading a FIFO or device named "x.txt" would block or never end.
        if (!fs::is_regular_file(status) || !is_article_file(entry.path())) continue;
        walk.out.files.push_back(name);
    }
    if (ec) add_unreadable(walk, prefix, "stopped reading directory: " + ec.message());
}

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

enum class ReadStatus { Ok, TooLarge, Missing, Failed };

ReadStatus failure(const std::error_code& ec, std::string& reason) {
    reason = ec.message();
    return ec == std::errc::no_such_file_or_directory ? ReadStatus::Missing : ReadStatus::Failed;
}

// Reads at most `limit` bytes; a file that turns out longer (it grew since stat) is TooLarge.
ReadStatus read_bounded(const fs::path& path, std::size_t limit, std::string& bytes,
                        std::string& reason) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return failure(ec, reason);
    if (size > limit) {
        reason = std::to_string(size) + " bytes, more than the " + mib(limit) + " limit";
        return ReadStatus::TooLarge;
    }
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) return failure(std::error_code(errno, std::generic_category()), reason);
    bytes.assign(static_cast<std::size_t>(size), '\0');
    std::size_t got = std::fread(bytes.data(), 1, bytes.size(), file.get());
    if (std::ferror(file.get())) {
        reason = "read error";
        return ReadStatus::Failed;
    }
    bytes.resize(got);
    if (got == size && std::fgetc(file.get()) != EOF) {
        reason = "file grew past its size while being read";
        return ReadStatus::TooLarge;
    }
    return ReadStatus::Ok;
}

}  // namespace

void require_corpus_dir(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        throw Error(ErrorCode::InvalidArgument,
                    "corpus directory " + root.string() + " does not exist or is not a directory");
    }
}

bool under_unreadable(const CorpusListing& listing, const std::string& relative_path) {
    for (const auto& entry : listing.unreadable) {
        if (relative_path == entry) return true;
        const bool directory = entry.empty() || entry.back() == '/';
        if (directory && relative_path.starts_with(entry)) return true;
        // A link that could not be resolved may have been a directory.
        if (!directory && relative_path.starts_with(entry + "/")) return true;
    }
    return false;
}

CorpusListing list_corpus(const fs::path& root, const WalkOptions& options) {
    require_corpus_dir(root);
    CorpusListing listing;
    std::error_code ec;
    Walk walk{options, fs::canonical(root, ec), {}, listing};
    if (ec) {
        add_unreadable(walk, "", "cannot resolve the corpus folder: " + ec.message());
        return listing;
    }
    enter_directory(walk, root, "");
    std::sort(listing.files.begin(), listing.files.end());
    return listing;
}

std::optional<SourceFile> read_source_file(const fs::path& path, const std::string& relative_path,
                                           std::vector<Diagnostic>& diagnostics) {
    SourceFile source;
    source.relative_path = relative_path;
    std::string reason;
    switch (read_bounded(path, max_source_bytes(path), source.bytes, reason)) {
        case ReadStatus::Ok:
            break;
        case ReadStatus::TooLarge:
            diagnostics.push_back({relative_path, Severity::Skipped, "too large: " + reason});
            return std::nullopt;
        case ReadStatus::Missing:
            diagnostics.push_back({relative_path, Severity::Skipped, "cannot read: " + reason});
            return std::nullopt;
        case ReadStatus::Failed:
            diagnostics.push_back({relative_path, Severity::Unreadable, "cannot read: " + reason});
            return std::nullopt;
    }

    // The sidecar overrides fields, so an article whose sidecar exists but cannot be read is not
    // indexed without it: that would silently change the article.
    const fs::path sidecar = sidecar_path_for(path);
    const std::string sidecar_name = "sidecar " + sidecar_path_for(relative_path).generic_string();
    std::error_code ec;
    const fs::file_status sidecar_status = fs::status(sidecar, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        diagnostics.push_back({relative_path, Severity::Unreadable,
                               sidecar_name + " cannot be read: " + ec.message()});
        return std::nullopt;
    }
    if (!fs::exists(sidecar_status)) return source;
    std::string bytes;
    switch (read_bounded(sidecar, kMaxSourceBytes, bytes, reason)) {
        case ReadStatus::Ok:
            source.sidecar = std::move(bytes);
            break;
        case ReadStatus::Missing:
            break;
        case ReadStatus::TooLarge:
            diagnostics.push_back(
                {relative_path, Severity::Warning, sidecar_name + " ignored: " + reason});
            break;
        case ReadStatus::Failed:
            diagnostics.push_back(
                {relative_path, Severity::Unreadable, sidecar_name + " cannot be read: " + reason});
            return std::nullopt;
    }
    return source;
}

std::string source_stamp(const fs::path& path) {
    const auto stamp_of = [](const fs::path& file, std::string& out) {
        struct stat info {};
        if (::stat(file.c_str(), &info) != 0) return false;
        const auto ns = [](const timespec& t) {
            return std::to_string(static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec);
        };
        out += std::to_string(info.st_size) + ":" + ns(info.st_mtim) + ":" + ns(info.st_ctim) +
               ":" + std::to_string(info.st_ino);
        return true;
    };
    std::string stamp;
    if (!stamp_of(path, stamp)) return {};
    stamp += ';';
    if (!stamp_of(sidecar_path_for(path), stamp)) stamp += '-';
    return stamp;
}

}  // namespace broadsheet
