// walker.h — find the article files under a corpus root and read each with its sidecar.
//
// The walk is recursive and sorted (byte order of the '/'-separated relative path), so two runs
// over the same tree see files in the same order. Hidden entries (names starting with '.') are
// skipped. Symbolic links are resolved: one whose target lies outside the corpus root is skipped
// with a warning unless SymlinkPolicy::Follow says otherwise; a link to a file inside the root is
// followed; a link to a directory inside the root is not (its files are walked under their real
// path, and a link cycle must not hang the indexer). A dangling link is skipped with a warning. An
// entry that exists but cannot be read (EACCES, ELOOP, EIO) is a Severity::Unreadable diagnostic
// and is listed in CorpusListing::unreadable, so that an update keeps what the index holds for it.
// Nothing here throws for a bad file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/extract/extract.h"

namespace broadsheet {

enum class SymlinkPolicy {
    StayInsideRoot,  // links resolving outside the corpus root are skipped with a warning
    Follow,          // links are followed wherever they point (directory cycles still stop)
};

struct WalkOptions {
    SymlinkPolicy symlinks = SymlinkPolicy::StayInsideRoot;
};

struct CorpusListing {
    std::vector<std::string> files;  // relative, '/'-separated, sorted; article files only
    // Entries that exist but could not be read: a file's relative path, or a directory's with a
    // trailing '/' ("" for the root itself). Nothing under them is known to be gone.
    std::vector<std::string> unreadable;
    std::vector<Diagnostic> diagnostics;  // links not followed, unreadable entries
};

// True when `relative_path` is, or lies under, one of `listing.unreadable`.
bool under_unreadable(const CorpusListing& listing, const std::string& relative_path);

// Throws Error(InvalidArgument) when `root` is not a directory.
void require_corpus_dir(const std::filesystem::path& root);

// Throws Error(InvalidArgument) when `root` is not a directory.
CorpusListing list_corpus(const std::filesystem::path& root, const WalkOptions& options = {});

// What changes when a file or its sidecar is written, copied, replaced or edited, without reading
// either: "SIZE:MTIME_NS:CTIME_NS:INODE;" and the same of the sidecar ("-" when there is none).
// Taken before a file is read, so a write during the read changes it again. Empty when the file
// cannot be stat'ed.
std::string source_stamp(const std::filesystem::path& path);

// Reads `path` (and its NAME.meta.json sidecar, when present) as bytes. The size limit
// (max_source_bytes: kMaxSourceBytes, or kMaxArchiveBytes for a WARC file) is checked before
// reading. Returns nullopt and appends a diagnostic when the
// article file cannot be used: Skipped when it is too large or no longer exists, Unreadable when
// it (or its sidecar) exists but cannot be read. An oversized sidecar is ignored with a Warning.
// `relative_path` is what the diagnostics and SourceFile name the file by.
std::optional<SourceFile> read_source_file(const std::filesystem::path& path,
                                           const std::string& relative_path,
                                           std::vector<Diagnostic>& diagnostics);

}  // namespace broadsheet
