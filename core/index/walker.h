// walker.h — find the article files under a corpus root and read each with its sidecar.
//
// The walk is recursive and sorted (byte order of the '/'-separated relative path), so two runs
// over the same tree see files in the same order. Hidden entries (names starting with '.') are
// skipped, symbolic links to files are followed, symbolic links to directories are not (a link
// cycle must not hang the indexer). Problems become Diagnostics; nothing here throws for a bad
// file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/extract/extract.h"

namespace broadsheet {

struct CorpusListing {
    std::vector<std::string> files;       // relative, '/'-separated, sorted; article files only
    std::vector<Diagnostic> diagnostics;  // unreadable directories
};

// Throws Error(InvalidArgument) when `root` is not a directory.
void require_corpus_dir(const std::filesystem::path& root);

// Throws Error(InvalidArgument) when `root` is not a directory.
CorpusListing list_corpus(const std::filesystem::path& root);

// Reads `path` (and its NAME.meta.json sidecar, when present) as bytes. The size limit
// (kMaxSourceBytes) is checked before reading. Returns nullopt and appends a Skipped diagnostic
// when the article file cannot be used; a sidecar that cannot be used is ignored with a Warning.
// `relative_path` is what the diagnostics and SourceFile name the file by.
std::optional<SourceFile> read_source_file(const std::filesystem::path& path,
                                           const std::string& relative_path,
                                           std::vector<Diagnostic>& diagnostics);

// Lowercase hex XXH3-64 of the file bytes followed by the sidecar bytes (Article::content_hash).
std::string content_hash(const SourceFile& file);

}  // namespace broadsheet
