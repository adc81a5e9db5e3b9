// quote_search.h — quote search (quote documents through the same query building, filters and
// facets as article search) and the quote groups of one article's quotes.
#pragma once

#include <optional>
#include <vector>

#include "core/article.h"
#include "core/search/quote_types.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Quote documents matching `params` (type is ignored), each hit the whole quote with the
// query's words marked, plus its group. Throws like search_articles().
QuoteSearchResult search_quotes(SearchContext& context, const SearchParams& params);

// For each of the article's quotes, its group (nullopt when the index holds no quote document
// for it).
std::vector<std::optional<QuoteGroupInfo>> quote_groups(SearchContext& context,
                                                        const Article& article);

}  // namespace broadsheet
