// get_quotes.cpp — GET /api/quotes: quote search with the article search's parameters plus
// min_confidence.
#include "core/search/quote_search.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_quotes(const ApiRequest& request, SearchContext& context) {
    SearchParams params = parse_search_params(request, DocumentType::Quote);
    params.shape = parse_result_shape(request, DocumentType::Quote);
    return {200, render(search_quotes(context, params))};
}

}  // namespace broadsheet
