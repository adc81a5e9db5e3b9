// get_openapi.cpp — GET /api/openapi.json: the OpenAPI document of this API, compiled into the
// server from docs/openapi.yaml, so clients can generate code or validate against the version
// that answers.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_openapi(const ApiRequest& /*request*/, SearchContext& /*context*/) {
    // Already JSON: served as text with the JSON media type rather than parsed and re-dumped.
    return text_response("application/json", std::string(openapi_json()));
}

}  // namespace broadsheet
