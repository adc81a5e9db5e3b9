// routes.h — THE route table of the API and the dispatcher that runs a request through it.
#pragma once

#include <span>
#include <string_view>

#include "core/search/index_pool.h"
#include "server/http_util.h"
#include "server/response_cache.h"

namespace broadsheet {

enum class PathMatch {
    Exact,   // the request path equals the route's path
    Prefix,  // the request path is path + rest + suffix, the rest non-empty and without '/';
             // the rest is path_rest
};

using Handler = ApiResponse (*)(const ApiRequest&, SearchContext&);

struct Route {
    std::string_view method;
    std::string_view path;
    PathMatch match;
    Handler handler;
    std::string_view description;
    std::string_view placeholder = {};  // Prefix routes: how the listing names the rest, "{id}"
    std::string_view suffix = {};       // Prefix routes: literal text after the rest, "/related"
};

// Whether `path` matches `route`; for a Prefix route also the rest, via `rest` (may be null).
bool route_matches(const Route& route, std::string_view path, std::string* rest);

std::span<const Route> route_table();

// True for "/api" and everything under "/api/": paths the API answers (with 404 if unknown).
bool is_api_path(std::string_view path);

// Finds the route for a GET/HEAD request to an API path, leases a search context and runs the
// handler. Never throws: every failure becomes an error response (Internal ones are logged).
// With a cache, a request response_cache_key() names is answered from it when the index has
// not moved on since (X-Cache: hit), else answered and kept (X-Cache: miss); its JSON body
// then comes serialised, as `text`.
ApiResponse dispatch(ApiRequest request, IndexPool& pool, ResponseCache* cache = nullptr);

}  // namespace broadsheet
