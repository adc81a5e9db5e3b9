// handlers.h — one function per API resource: a plain request and a search context in, a plain
// response out. They may throw broadsheet::Error; routes.cpp turns that into the error body.
#pragma once

#include "core/search/search_context.h"
#include "server/formats/quote_json.h"
#include "server/formats/search_json.h"
#include "server/http_util.h"

namespace broadsheet {

// GET /api/search — see docs/api.md.
ApiResponse get_search(const ApiRequest& request, SearchContext& context);

// GET /api/articles/{id} — the id is request.path_rest.
ApiResponse get_article(const ApiRequest& request, SearchContext& context);

// GET /api/quotes
ApiResponse get_quotes(const ApiRequest& request, SearchContext& context);

// GET /api/facets/{name} — the facet name is request.path_rest.
ApiResponse get_facets(const ApiRequest& request, SearchContext& context);

// GET /api/speakers
ApiResponse get_speakers(const ApiRequest& request, SearchContext& context);

// GET /api/speakers/{name} — the decoded name is request.path_rest.
ApiResponse get_speaker(const ApiRequest& request, SearchContext& context);

// GET /api/matrix
ApiResponse get_matrix(const ApiRequest& request, SearchContext& context);

// GET /api/health
ApiResponse get_health(const ApiRequest& request, SearchContext& context);

// GET /api/articles/{id}/related — the id is request.path_rest.
ApiResponse get_related(const ApiRequest& request, SearchContext& context);

// GET /api/suggest
ApiResponse get_suggest(const ApiRequest& request, SearchContext& context);
// GET /api/search.csv and /api/search.jsonl — the complete result set, streamed.
ApiResponse get_export_csv(const ApiRequest& request, SearchContext& context);
ApiResponse get_export_jsonl(const ApiRequest& request, SearchContext& context);

// GET /api/search.atom — Atom feed of the newest matches.
ApiResponse get_feed(const ApiRequest& request, SearchContext& context);

// GET /api/opensearch.xml — OpenSearch description.
ApiResponse get_opensearch(const ApiRequest& request, SearchContext& context);

// GET /api/openapi.json — docs/openapi.yaml as JSON, which openapi_json() holds (generated at
// build time by cmake/EmbedOpenApi.cmake).
ApiResponse get_openapi(const ApiRequest& request, SearchContext& context);
std::string_view openapi_json();

}  // namespace broadsheet
