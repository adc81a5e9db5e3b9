// http_util.h — the transport-neutral request/response structs handlers work on, reading
// parameters into core's parameter structs, and the one mapping from ErrorCode to HTTP status
// and error body.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    // host[:port] for absolute links (feeds): the validated Host header, else the address the
    // server is bound to (see request_host).
    std::string host = {};
};

// Produces a streamed body one chunk at a time: the next chunk, or nullopt at the end. Throwing
// aborts the response (the connection closes without the final chunk, so the client sees an
// incomplete transfer, never a short complete one). Chunks may be empty.
using ChunkProducer = std::function<std::optional<std::string>()>;

// A handler's answer. `{status, json}` is a JSON response; with content_type set the body is
// `text`, or the chunks of `stream` when that is set (sent with chunked transfer encoding).
struct ApiResponse {
    int status = 200;
    nlohmann::json body;
    std::string content_type = {};  // empty: application/json from `body`
    std::string text = {};
    ChunkProducer stream = {};
    std::vector<std::pair<std::string, std::string>> headers =
        {};  // extra, e.g. Content-Disposition
};

// A 200 response whose body is `text` of the given content type.
ApiResponse text_response(std::string content_type, std::string text);
// A 200 response streamed from `producer`; nothing is produced until the server sends it.
ApiResponse stream_response(std::string content_type, ChunkProducer producer);

// The parse_* functions read typed values: missing or empty → default; text that is not a value
// of the parameter's type (a number, a date, one of an enum's spellings, UTF-8) →
// Error(InvalidArgument) whose message starts with the parameter's name. Ranges, lengths and
// relations between parameters are core's validate() (core/search/validate.h), run by every
// search feature. Unknown parameters are ignored (cache-busters, tracking) rather than refused.

// Search parameters; for DocumentType::Quote also min_confidence (a number from 0 to 1).
SearchParams parse_search_params(const ApiRequest& request,
                                 DocumentType type = DocumentType::Article);

// What a search response carries (GET /api/search, and /api/quotes but for `fields`): facets
// (comma list of outlet, speaker, year; empty or `none`: none), facet_size, histogram and
// snippets (0 or 1), fields (comma list of title, date, outlet, author, speakers, url, snippet;
// id is always there) and debug (0 or 1).
ResultShape parse_result_shape(const ApiRequest& request, DocumentType type);

// GET /api/facets/{name}: the facet from request.path_rest (Error(NotFound) unless outlet,
// speaker or year), type (article | quote) with that type's search parameters, prefix and limit.
FacetValuesParams parse_facet_params(const ApiRequest& request);

// prefix and limit of GET /api/speakers.
SpeakersParams parse_speakers_params(const ApiRequest& request);

// A speaker name from the path, which must be UTF-8.
std::string parse_speaker_name(const ApiRequest& request);

// rows (speaker), cols (outlet | month), limit and the quote filters.
MatrixParams parse_matrix_params(const ApiRequest& request);

// The article id (request.path_rest) and size of GET /api/articles/{id}/related.
RelatedParams parse_related_params(const ApiRequest& request);

// q and limit of GET /api/suggest.
SuggestParams parse_suggest_params(const ApiRequest& request);

// How GET /api/suggest answers: its own JSON, or the OpenSearch suggestions array browsers read.
enum class SuggestFormat { Json, OpenSearch };
SuggestFormat parse_suggest_format(const ApiRequest& request);
// Search parameters of the exports (GET /api/search.csv, .jsonl): page and size are ignored,
// since an export is the complete result set.
SearchParams parse_export_params(const ApiRequest& request);

// Search parameters of GET /api/search.atom: size defaults to kFeedSize; page and sort are
// ignored, since a feed is always the newest matches.
SearchParams parse_feed_params(const ApiRequest& request);
inline constexpr unsigned kFeedSize = 20;

// `header` (a Host header) when it is a plausible host[:port] — a DNS name or IPv4 address, or
// an IPv6 address in brackets, and a port of 1 to 5 digits — else `fallback`. Links built from
// it are echoed to clients, so nothing else may get through.
std::string request_host(std::string_view header, std::string_view fallback);

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
