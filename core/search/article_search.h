// article_search.h — article search: hits with snippets, exact facets and the date histogram.
#pragma once

#include "core/search/search_context.h"
#include "core/search/search_types.h"

namespace broadsheet {

// Article documents matching `params` (type and min_confidence are ignored). Throws
// Error(InvalidArgument) for params outside the limits (validate.h) and Error(InvalidQuery)
// when q does not parse or costs too much.
SearchResult search_articles(SearchContext& context, const SearchParams& params);

}  // namespace broadsheet
