// quote_groups.h — keep the near-duplicate group of every quote document up to date.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/quotes/grouping.h"

namespace broadsheet {

// Recomputes the groups over all quote documents (core/quotes/grouping.h) and rewrites only the
// documents whose group changed (their XGROUP: term and kSlotQuoteGroup value), without
// committing: build and update call it before their own commit, so groups land with the quotes.
// Returns the number of documents rewritten.
std::size_t regroup_quotes(Xapian::WritableDatabase& db);

// What an update did to the quote documents, gathered by put_article and delete_article.
struct QuoteChanges {
    // Ids of the quotes written new, or with other words, speaker or date (ids, not docids:
    // the docids of kept shards interleave).
    std::set<std::string> changed;
    std::set<std::string> vacated_groups;   // groups that lost a member (deleted or changed)
    std::vector<QuoteForGrouping> removed;  // the quotes deleted or changed, as they were
    bool empty() const { return changed.empty() && vacated_groups.empty() && removed.empty(); }
};

// The same result as regroup_quotes when `changes` lists everything done to the quote
// documents since their groups were last right, recomputing only the groups the changes can
// reach (regroup_around) and falling back to all of them when that cannot be told. No changes:
// nothing is read.
std::size_t regroup_changed_quotes(Xapian::WritableDatabase& db, const QuoteChanges& changes);

// What grouping compares of a stored quote document: id, text and speaker from its record, date
// from its kSlotDate value.
QuoteForGrouping stored_quote(const Xapian::Document& document);

}  // namespace broadsheet
