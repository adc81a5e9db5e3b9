// get_search.cpp — GET /api/search: validated parameters and the response shape in, the search
// result as JSON out.
#include "core/search/article_search.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_search(const ApiRequest& request, SearchContext& context) {
    SearchParams params = parse_search_params(request);
    params.shape = parse_result_shape(request, DocumentType::Article);
    return {200, render(search_articles(context, params))};
}

}  // namespace broadsheet
