// suggest.h — as-you-type suggestions for the search box.
#pragma once

#include "core/search/discovery_types.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Speakers and outlets with a word starting with q (case-insensitive), then titles matching q
// as a partial query, each kind at most limit long; nothing for a blank q. Throws
// Error(InvalidArgument) for params outside the limits (validate.h).
SuggestResult suggest(SearchContext& context, const SuggestParams& params);

}  // namespace broadsheet
