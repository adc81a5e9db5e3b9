// walker.cpp — recursive, sorted corpus listing; bounded reads of article files and sidecars.
#include "core/index/walker.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <system_error>

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

// Walks one directory level; subdirectories recurse. `prefix` is the directory's path relative
// to the corpus root ("" or "world/syria/"), built up as we descend rather than recomputed with
// fs::relative, which resolves links (a readlink per path component per file).
void walk(const fs::path& dir, const std::string& prefix, CorpusListing& out) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    const std::string dir_name = prefix.empty() ? "./" : prefix;
    if (ec) {
        out.diagnostics.push_back(
            {dir_name, Severity::Skipped, "cannot read directory: " + ec.message()});
        return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        if (is_hidden(entry.path())) continue;
        const std::string name = prefix + entry.path().filename().string();
        std::error_code status_ec;
        const bool is_link = entry.is_symlink(status_ec);
        if (entry.is_directory(status_ec)) {
            if (!is_link) walk(entry.path(), name + "/", out);
            continue;
        }
        // Only regular files: reading a FIFO or device named "x.txt" would block or never end.
        if (!entry.is_regular_file(status_ec) || !is_article_file(entry.path())) continue;
        out.files.push_back(name);
    }
    if (ec) {
        out.diagnostics.push_back(
            {dir_name, Severity::Skipped, "stopped reading directory: " + ec.message()});
    }
}

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

enum class ReadStatus { Ok, TooLarge, Failed };

// Reads at most `limit` bytes; a file that turns out longer (it grew since stat) is TooLarge.
ReadStatus read_bounded(const fs::path& path, std::size_t limit, std::string& bytes,
                        std::string& reason) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        reason = ec.message();
        return ReadStatus::Failed;
    }
    if (size > limit) {
        reason = std::to_string(size) + " bytes, more than the " + mib(limit) + " limit";
        return ReadStatus::TooLarge;
    }
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        reason = std::error_code(errno, std::generic_category()).message();
        return ReadStatus::Failed;
    }
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

CorpusListing list_corpus(const fs::path& root) {
    require_corpus_dir(root);
    CorpusListing listing;
    walk(root, "", listing);
    std::sort(listing.files.begin(), listing.files.end());
    return listing;
}

std::optional<SourceFile> read_source_file(const fs::path& path, const std::string& relative_path,
                                           std::vector<Diagnostic>& diagnostics) {
    SourceFile source;
    source.relative_path = relative_path;
    std::string reason;
    switch (read_bounded(path, kMaxSourceBytes, source.bytes, reason)) {
        case ReadStatus::Ok:
            break;
        case ReadStatus::TooLarge:
            diagnostics.push_back({relative_path, Severity::Skipped, "too large: " + reason});
            return std::nullopt;
        case ReadStatus::Failed:
            diagnostics.push_back({relative_path, Severity::Skipped, "cannot read: " + reason});
            return std::nullopt;
    }

    const fs::path sidecar = sidecar_path_for(path);
    std::error_code ec;
    if (fs::exists(sidecar, ec)) {
        std::string bytes;
        switch (read_bounded(sidecar, kMaxSourceBytes, bytes, reason)) {
            case ReadStatus::Ok:
                source.sidecar = std::move(bytes);
                break;
            case ReadStatus::TooLarge:
            case ReadStatus::Failed:
                diagnostics.push_back(
                    {relative_path, Severity::Warning,
                     "sidecar " + sidecar.filename().string() + " ignored: " + reason});
                break;
        }
    }
    return source;
}

std::string content_hash(const SourceFile& file) {
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                   &XXH3_freeState);
    if (!state) throw Error(ErrorCode::Internal, "out of memory creating a hash state");
    XXH3_64bits_reset(state.get());
    XXH3_64bits_update(state.get(), file.bytes.data(), file.bytes.size());
    if (file.sidecar) XXH3_64bits_update(state.get(), file.sidecar->data(), file.sidecar->size());
    const XXH64_hash_t hash = XXH3_64bits_digest(state.get());
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace broadsheet
