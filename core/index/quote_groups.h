// quote_groups.h — keep the near-duplicate group of every quote document up to date.
#pragma once

#include <xapian.h>

#include <cstddef>

namespace broadsheet {

// Recomputes the groups over all quote documents (core/quotes/grouping.h) and rewrites only the
// documents whose group changed (their XGROUP: term and kSlotQuoteGroup value), without
// committing: build and update call it before their own commit, so groups land with the quotes.
// Returns the number of documents rewritten.
std::size_t regroup_quotes(Xapian::WritableDatabase& db);

}  // namespace broadsheet
