// http_util.h — the transport-neutral request/response structs handlers work on, parameter
// parsing and validation, and the one mapping from ErrorCode to HTTP status and error body.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/search/discovery_types.h"
#include "core/search/facet_types.h"
#include "core/search/quote_types.h"
#include "core/search/search_types.h"

namespace broadsheet {

// A request as handlers see it: decoded path and query parameters, no sockets.
struct ApiRequest {
    std::string path;                                // decoded, e.g. "/api/articles/001.txt"
    std::multimap<std::string, std::string> params;  // decoded query parameters, repeatable
    std::string path_rest;  // for prefix routes: the part after the route's path
};

struct ApiResponse {
    int status = 200;
    nlohmann::json body;
};

// Validated search parameters: missing or empty → default; malformed or out of range →
// Error(InvalidArgument) whose message starts with the parameter's name. Unknown parameters
// are ignored (cache-busters, tracking) rather than refused.
// For DocumentType::Quote also min_confidence (a number from 0 to 1).
SearchParams parse_search_params(const ApiRequest& request,
                                 DocumentType type = DocumentType::Article);

// GET /api/facets/{name}: the facet from request.path_rest (Error(NotFound) unless outlet,
// speaker or year), type (article | quote) with that type's search parameters, prefix (at most
// kMaxFacetPrefixBytes) and limit (1..kMaxFacetValueLimit).
FacetValuesParams parse_facet_params(const ApiRequest& request);

// prefix and limit (1..kMaxSpeakerLimit) of GET /api/speakers.
SpeakersParams parse_speakers_params(const ApiRequest& request);

// A speaker name from the path: 1..kMaxSpeakerNameBytes bytes of UTF-8.
std::string parse_speaker_name(const ApiRequest& request);

// rows (speaker), cols (outlet | month), limit (1..kMaxMatrixLimit) and the quote filters.
MatrixParams parse_matrix_params(const ApiRequest& request);

// The article id (request.path_rest) and size (1..kMaxRelatedSize) of GET
// /api/articles/{id}/related.
RelatedParams parse_related_params(const ApiRequest& request);

// q (at most kMaxSuggestQueryBytes) and limit (1..kMaxSuggestLimit) of GET /api/suggest.
SuggestParams parse_suggest_params(const ApiRequest& request);

// How GET /api/suggest answers: its own JSON, or the OpenSearch suggestions array browsers read.
enum class SuggestFormat { Json, OpenSearch };
SuggestFormat parse_suggest_format(const ApiRequest& request);

// The HTTP status for an error code (400, 404, 413, 500, 503).
int status_for(ErrorCode code);

// THE error response: status_for(code) and {"error":{"code","message"}}. Internal errors get
// a generic message: their text may hold details a client must never see.
ApiResponse error_response(ErrorCode code, std::string_view message);
ApiResponse error_response(const Error& error);

// Error bodies for conditions that have no ErrorCode because they are about HTTP itself.
ApiResponse method_not_allowed();
// JSON body for a status httplib produced on its own (400 bad request line, 413, 414, ...).
nlohmann::json error_body_for_status(int status);

// Serialises for the wire; invalid UTF-8 (which validation refuses anyway) is replaced rather
// than thrown on, so serialisation can never turn a response into a 500.
std::string to_wire(const nlohmann::json& body);

bool is_valid_utf8(std::string_view text);

// `text` with control characters shown as \xNN, so a decoded path cannot forge log lines.
std::string printable(std::string_view text);

}  // namespace broadsheet
