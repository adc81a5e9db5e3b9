// get_search.cpp — GET /api/search: validated parameters in, the search result as JSON out.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_search(const ApiRequest& request, Searcher& searcher) {
    const SearchParams params = parse_search_params(request);
    return {200, searcher.search(params)};
}

}  // namespace broadsheet
