// get_search.cpp — GET /api/search: validated parameters in, the search result as JSON out.
#include "core/search/article_search.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_search(const ApiRequest& request, SearchContext& context) {
    const SearchParams params = parse_search_params(request);
    return {200, search_articles(context, params)};
}

}  // namespace broadsheet
