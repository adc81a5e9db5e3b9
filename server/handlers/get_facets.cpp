// get_facets.cpp — GET /api/facets/{name}: one facet's values by word prefix, counted under the
// search parameters given (the typeahead in long facet lists).
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_facets(const ApiRequest& request, Searcher& searcher) {
    const FacetValuesParams params = parse_facet_params(request);
    return {200, searcher.facet_values(params)};
}

}  // namespace broadsheet
