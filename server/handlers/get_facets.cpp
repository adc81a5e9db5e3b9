// get_facets.cpp — GET /api/facets/{name}: one facet's values by word prefix, counted under the
// search parameters given (the typeahead in long facet lists).
#include "core/search/facet_values.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_facets(const ApiRequest& request, SearchContext& context) {
    const FacetValuesParams params = parse_facet_params(request);
    return {200, facet_values(context, params)};
}

}  // namespace broadsheet
