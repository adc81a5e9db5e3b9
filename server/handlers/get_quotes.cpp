// get_quotes.cpp — GET /api/quotes: quote search with the article search's parameters plus
// min_confidence.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_quotes(const ApiRequest& request, Searcher& searcher) {
    const SearchParams params = parse_search_params(request, DocumentType::Quote);
    return {200, searcher.search_quotes(params)};
}

}  // namespace broadsheet
