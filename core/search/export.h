// export.h — a search's complete result set as CSV or JSON Lines rows, read batch by batch from
// a Database handle of its own (open_export), so a slow download holds no pooled handle.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_context.h"
#include "core/search/search_types.h"

namespace broadsheet {

// The CSV columns, in order (docs/api.md).
inline constexpr std::string_view kCsvHeader = "id,title,date,outlet,author,speakers,url\r\n";
// How many documents an export reads per batch: one chunk on the wire.
inline constexpr std::size_t kExportBatch = 200;

// One CSV field: RFC 4180 quoting (a field with a comma, a double quote, CR or LF is enclosed
// in double quotes, inner quotes doubled) after the formula guard: a field starting with = + -
// @, tab or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of running
// it as a formula (CSV injection). Bytes are passed through: the file is UTF-8 without a BOM.
std::string csv_field(std::string_view value);

// A hit as one CSV record (id,title,date,outlet,author,speakers,url) ending in CRLF; absent
// values are empty fields, speakers are joined by "; ".
void append_csv_row(std::string& out, const Hit& hit);

// A hit as one JSON line: the /api/search hit object without "snippet", ending in "\n".
// Invalid UTF-8 is replaced (U+FFFD) rather than failing the export.
void append_jsonl_row(std::string& out, const Hit& hit);

// The matches of one search, in its sort order, on a handle only this cursor uses. Not
// thread-safe; movable so a streamed response can own it.
class ExportCursor {
  public:
    // Runs the match for `query` with `order` (the complete MSet: document ids and sort keys,
    // documents are read later). Throws Error(IndexUnavailable) when the index cannot be read.
    ExportCursor(Xapian::Database db, const Xapian::Query& query, SortOrder order);

    // Exact number of matches, fixed when the cursor was opened.
    std::size_t total() const { return mset_.size(); }

    // The next up to `max` hits (no snippets); empty once every match was returned. Throws
    // Error(IndexUnavailable) when the index changed so much that this snapshot can no longer
    // be read (Xapian::DatabaseModifiedError): an export never silently skips rows.
    std::vector<Hit> next(std::size_t max);

  private:
    Xapian::Database db_;
    Xapian::MSet mset_;
    Xapian::doccount position_ = 0;
};

// The complete result set of `params` (page and size ignored) on a fresh handle from the
// context's opener, so the export holds nothing of the context. The match runs now: bad params,
// queries and an unreadable index throw here (like search_articles()), before any row is read.
ExportCursor open_export(SearchContext& context, const SearchParams& params);

}  // namespace broadsheet
