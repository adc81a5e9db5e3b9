// export.h — a search's complete result set as typed hits, read batch by batch from a Database
// handle of its own (open_export), so a slow download holds no pooled handle. The server writes
// them as CSV or JSON Lines (server/formats/csv.h, jsonl.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "core/search/search_context.h"
#include "core/search/search_types.h"

namespace broadsheet {

// How many documents an export reads per batch: one chunk on the wire.
inline constexpr std::size_t kExportBatch = 200;

// The matches of one search, in its sort order, on a handle only this cursor uses. Not
// thread-safe; movable so a streamed response can own it.
class ExportCursor {
  public:
    // Runs the match for `query` with `order` (the complete MSet: document ids and sort keys,
    // documents are read later). Throws Error(IndexUnavailable) when the index cannot be read.
    ExportCursor(Xapian::Database db, const Xapian::Query& query, SortOrder order,
                 ShardReach reach);

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
