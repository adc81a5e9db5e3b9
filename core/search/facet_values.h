// facet_values.h — one facet's values whose words start with a prefix, counted under a search's
// query and filters: the typeahead inside long facet lists.
#pragma once

#include "core/search/facet_types.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Counted under params.filters without the facet's own selections and exclusions. Throws
// Error(InvalidArgument) for params outside the limits (validate.h), Error(InvalidQuery) when
// q does not parse.
FacetValues facet_values(SearchContext& context, const FacetValuesParams& params);

}  // namespace broadsheet
