// search_internal.h — helpers shared by the Searcher's source files (not part of core's API):
// the Xapian error edge, exact-count set-up, date sorting and HTML escaping.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/error.h"
#include "core/search/search_types.h"

namespace broadsheet::search_internal {

// Runs `action`; on DatabaseModifiedError reopens `db` and runs it once more. Xapian errors
// become broadsheet::Error so nothing above core ever sees a Xapian type.
template <class Action>
auto guarded(Xapian::Database& db, Action&& action) -> decltype(action()) {
    try {
        try {
            return action();
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer committed again while we read an old revision: move to the latest one.
            db.reopen();
            return action();
        }
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorCode::InvalidQuery, "q does not parse: " + e.get_msg());
    } catch (const Xapian::DatabaseError& e) {
        throw Error(ErrorCode::IndexUnavailable, "the index cannot be read: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw Error(ErrorCode::Internal, e.get_type() + std::string(": ") + e.get_msg());
    }
}

// check_at_least for get_mset: make the matcher visit every match so totals and facets are exact.
inline Xapian::doccount count_all(const Xapian::Database& db) {
    return std::max<Xapian::doccount>(db.get_doccount(), 1);
}

// Date order on kSlotDate (undated documents last both ways); nothing for Relevance.
void set_sort(Xapian::Enquire& enquire, SortOrder order, Xapian::MultiValueKeyMaker& keys);

// &, < and > as entities, the escaping MSet::snippet applies to its text.
void append_escaped(std::string& out, std::string_view text);

// The Article JSON a document holds; Error(Internal) when it holds none.
Article parse_article(const Xapian::Document& doc);

}  // namespace broadsheet::search_internal
