// search_types.cpp — the default sort order of a search.
#include "core/search/search_types.h"

namespace broadsheet {

SortOrder effective_sort(const SearchParams& params) {
    if (params.sort) return *params.sort;
    // Browsing without words has no relevance to rank by: show the latest articles first.
    return params.q.empty() ? SortOrder::Newest : SortOrder::Relevance;
}

}  // namespace broadsheet
