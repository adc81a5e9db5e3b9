// extract.h — turn one source file's bytes into Articles: the entry point of the extraction
// pipeline.
//
// Pipeline (each step its own file under core/extract/, each table-tested):
//   decode (bytes → NFC UTF-8) → parse format (txt / md / html / json / jsonl) → strip site chrome
//   → fields (title, date, outlet, author, url) → quotes → attribution → speaker names.
// Nothing here touches an index, reads argv or prints; problems are reported as Diagnostics.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/extract/registry.h"

namespace broadsheet {

// Files larger than this are skipped with a diagnostic (documented in docs/design.md).
inline constexpr std::size_t kMaxSourceBytes = 8 * 1024 * 1024;
// An article keeps at most this many quotes (the first ones in the text), each of which becomes
// a quote document; a file past it is a list of quotations, not an article, and gets a warning.
inline constexpr std::size_t kMaxQuotesPerArticle = 500;

// WARC files (.warc, .warc.gz) hold a whole crawl, so they may be this large; larger ones are
// skipped with a diagnostic (split them, e.g. with wget's --warc-max-size).
inline constexpr std::size_t kMaxArchiveBytes = 256 * 1024 * 1024;

// File name extensions the corpus walker treats as articles (lowercase, with the dot), each also
// gzip-compressed ("a.html.gz" is read as "a.html"), plus WARC files (.warc, .warc.gz).
// A sidecar "NAME.meta.json" is never an article of its own.
bool is_article_file(const std::filesystem::path& path);
// True for .warc and .warc.gz files: many pages, one article per HTML response record.
bool is_warc_file(const std::filesystem::path& path);
// The most bytes of `path` that are read: kMaxArchiveBytes for WARC files, else kMaxSourceBytes.
std::size_t max_source_bytes(const std::filesystem::path& path);
// The sidecar path for an article file: "a/b.txt" → "a/b.meta.json"; a compressed file shares
// its inner file's ("a/b.html.gz" → "a/b.meta.json").
std::filesystem::path sidecar_path_for(const std::filesystem::path& article_path);

struct SourceFile {
    std::string relative_path;           // '/'-separated, relative to the corpus root
    std::string bytes;                   // raw file content
    std::optional<std::string> sidecar;  // raw bytes of NAME.meta.json, when present
};

enum class Severity {
    Warning,     // the file was used, but something was repaired or guessed (e.g. Latin-1 input)
    Skipped,     // the file (or one JSON Lines record) produced no article
    Unreadable,  // the file or folder exists but could not be read (permissions, a link loop, an
                 // I/O error): nothing is known about its articles, so none may be dropped
    Ignored,     // a part of an archive that is not an article by design (a WARC request record,
                 // a response that is not an HTML page): counted, logged only at debug level
};

struct Diagnostic {
    std::string file;  // relative path (with ":LINE" for a JSON Lines record)
    Severity severity;
    std::string message;  // why, in plain words: "not UTF-8; decoded as windows-1252"
};

struct ExtractResult {
    std::vector<Article> articles;  // usually one; JSON Lines gives one per good record
    std::vector<Diagnostic> diagnostics;
};

// Everything extraction needs besides the file: the operator-editable registries.
struct ExtractContext {
    const Registry* registry = nullptr;  // outlets and speaker aliases; nullptr → empty registry
};

// Never throws for bad input: an empty, binary, oversized or unparsable file yields no
// articles and a Skipped diagnostic. Article ids come from make_article_id(relative_path), with
// the record number for JSON Lines lines, JSON array elements and WARC records. A gzip file whose
// output would pass kMaxSourceBytes, or that is truncated or corrupt, is skipped whole. A WARC
// file's sidecar is ignored (it would give every page the same fields).
ExtractResult extract_file(const SourceFile& file, const ExtractContext& context);

// Call once from the main thread before extract_file runs on several threads at once: it sets up
// the parsers' global state (libxml2's), which is not safe to initialise concurrently.
void prepare_extraction_threads();

// Stable, URL-safe id for an article file (plus a record number for JSON Lines; 0 for others).
std::string make_article_id(const std::string& relative_path, std::size_t record = 0);

// Article::content_hash of every article from `file`, and what an index update compares to see
// whether a file changed: lowercase hex XXH3-64 of the file bytes followed by the sidecar bytes
// (docs/schema.md, value slot content_hash). Indexes store it, so it must not change without a
// schema version bump.
std::string content_hash(const SourceFile& file);

}  // namespace broadsheet
