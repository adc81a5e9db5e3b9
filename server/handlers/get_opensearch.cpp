// get_opensearch.cpp — GET /api/opensearch.xml: the OpenSearch description that lets a browser
// add Broadsheet as a search engine, with absolute URLs for the host the client asked.
#include "core/search/feed.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_opensearch(const ApiRequest& request, SearchContext& /*context*/) {
    return text_response("application/opensearchdescription+xml; charset=utf-8",
                         opensearch_description("http://" + request.host));
}

}  // namespace broadsheet
