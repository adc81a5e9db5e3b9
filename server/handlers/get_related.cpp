// get_related.cpp — GET /api/articles/{id}/related: "more like this" for the reading view.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_related(const ApiRequest& request, Searcher& searcher) {
    const RelatedParams params = parse_related_params(request);
    return {200, searcher.related(params)};
}

}  // namespace broadsheet
