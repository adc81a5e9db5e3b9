// get_related.cpp — GET /api/articles/{id}/related: "more like this" for the reading view.
#include "core/search/related.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_related(const ApiRequest& request, SearchContext& context) {
    const RelatedParams params = parse_related_params(request);
    return {200, related(context, params)};
}

}  // namespace broadsheet
