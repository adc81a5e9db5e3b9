// routes.cpp — every API endpoint in one table (method, literal path, handler, description);
// matching is by literal comparison, never a regex over the untrusted path.
#include "server/routes.h"

#include <spdlog/spdlog.h>

#include <array>
#include <optional>
#include <string>

#include "server/cache_key.h"
#include "server/handlers/handlers.h"

namespace broadsheet {
namespace {

ApiResponse get_routes(const ApiRequest& request, SearchContext& context);

constexpr std::array kRoutes = {
    Route{"GET", "/api", PathMatch::Exact, get_routes, "this list of endpoints"},
    Route{"GET", "/api/search", PathMatch::Exact, get_search,
          "full-text search with filters, facets and snippets"},
    Route{"GET", "/api/articles/", PathMatch::Prefix, get_article,
          "one article by id: metadata, body and quotes", "{id}"},
    Route{"GET", "/api/quotes", PathMatch::Exact, get_quotes,
          "quote search: whole quotes with speaker, article and group, facets"},
    Route{"GET", "/api/facets/", PathMatch::Prefix, get_facets,
          "one facet's values by word prefix, counted under the search's filters", "{name}"},
    Route{"GET", "/api/speakers", PathMatch::Exact, get_speakers,
          "speakers by name prefix with article and quote counts"},
    Route{"GET", "/api/speakers/", PathMatch::Prefix, get_speaker,
          "one speaker's profile: counts, outlets, months, terms, recent quotes", "{name}"},
    Route{"GET", "/api/matrix", PathMatch::Exact, get_matrix,
          "quote counts per speaker × outlet or month"},
    Route{"GET", "/api/health", PathMatch::Exact, get_health,
          "index status: documents, schema version, build time"},
    Route{"GET", "/api/articles/", PathMatch::Prefix, get_related,
          "articles like this one (relevance feedback), with the words that link them", "{id}",
          "/related"},
    Route{"GET", "/api/suggest", PathMatch::Exact, get_suggest,
          "as-you-type suggestions: speakers, outlets and article titles"},
    Route{"GET", "/api/search.csv", PathMatch::Exact, get_export_csv,
          "the complete result set of a search as CSV, streamed"},
    Route{"GET", "/api/search.jsonl", PathMatch::Exact, get_export_jsonl,
          "the complete result set of a search as JSON Lines, streamed"},
    Route{"GET", "/api/search.atom", PathMatch::Exact, get_feed,
          "Atom feed of a search's newest matches"},
    Route{"GET", "/api/opensearch.xml", PathMatch::Exact, get_opensearch,
          "OpenSearch description for adding Broadsheet to a browser"},
    Route{"GET", "/api/openapi.json", PathMatch::Exact, get_openapi,
          "this API as an OpenAPI 3.1 document (docs/openapi.yaml)"},
};

ApiResponse get_routes(const ApiRequest& /*request*/, SearchContext& /*context*/) {
    nlohmann::json routes = nlohmann::json::array();
    for (const Route& route : kRoutes) {
        std::string path(route.path);
        if (route.match == PathMatch::Prefix) {
            path += route.placeholder;
            path += route.suffix;
        }
        routes.push_back({{"method", std::string(route.method)},
                          {"path", path},
                          {"description", std::string(route.description)}});
    }
    return {200, {{"routes", routes}}};
}

const Route* find_route(ApiRequest& request) {
    // "/api/" is the listing too: a trailing slash should not turn it into a 404.
    if (request.path == "/api/") request.path = "/api";
    for (const Route& route : kRoutes) {
        if (route_matches(route, request.path, &request.path_rest)) return &route;
    }
    return nullptr;
}

// GET /api/health reports the cache beside the index: the cache is the server's, not the index's.
void add_cache_stats(ApiResponse& response, const ResponseCache& cache) {
    if (response.status != 200 || !response.body.is_object()) return;
    const ResponseCacheStats stats = cache.stats();
    response.body["cache"] = {{"capacity_bytes", stats.capacity_bytes},
                              {"bytes", stats.bytes},
                              {"entries", stats.entries},
                              {"hits", stats.hits},
                              {"misses", stats.misses}};
}

ApiResponse cached_response(const CachedResponse& cached, const char* outcome) {
    ApiResponse response = text_response(cached.content_type, cached.body);
    response.headers.emplace_back("X-Cache", outcome);
    return response;
}

// Whether the handle answered from the index the cache was asked about: a handle that could
// not follow a new generation still serves the old one, which must not be kept under the new.
enum class SameIndex { Yes, No };

// `response`, serialised, and kept in `cache` when it is a complete JSON success of the index
// the lookup named. Errors and matches cut short by the time budget are answered, not kept.
ApiResponse keep(ResponseCache& cache, std::string key, std::uint64_t epoch, SameIndex same,
                 ApiResponse response) {
    if (response.status != 200 || !response.content_type.empty()) return response;
    const bool timed_out = response.body.is_object() && response.body.value("timed_out", false);
    CachedResponse cached{"application/json", to_wire(response.body)};
    ApiResponse answer = cached_response(cached, "miss");
    if (same == SameIndex::Yes && !timed_out)
        cache.insert(std::move(key), epoch, std::move(cached));
    return answer;
}

}  // namespace

bool route_matches(const Route& route, std::string_view path, std::string* rest) {
    if (route.match == PathMatch::Exact) return path == route.path;
    // Literal comparisons only: path, then suffix, then a rest between them that is one segment.
    if (path.size() <= route.path.size() + route.suffix.size()) return false;
    if (!path.starts_with(route.path) || !path.ends_with(route.suffix)) return false;
    const std::string_view middle =
        path.substr(route.path.size(), path.size() - route.path.size() - route.suffix.size());
    if (middle.find('/') != std::string_view::npos) return false;
    if (rest != nullptr) *rest = std::string(middle);
    return true;
}

std::span<const Route> route_table() {
    return kRoutes;
}

bool is_api_path(std::string_view path) {
    return path == "/api" || path.starts_with("/api/");
}

ApiResponse dispatch(ApiRequest request, IndexPool& pool, ResponseCache* cache) {
    try {
        const Route* route = find_route(request);
        if (route == nullptr) return error_response(ErrorCode::NotFound, "no such API endpoint");
        std::optional<std::string> key;
        std::uint64_t epoch = 0;
        if (cache != nullptr && cache->enabled()) key = response_cache_key(request);
        if (key) {
            epoch = pool.epoch();
            if (auto hit = cache->find(*key, epoch)) return cached_response(*hit, "hit");
        }
        ApiResponse response;
        SameIndex same = SameIndex::No;
        {
            // The handle goes back before the body is serialised for the cache.
            auto lease = pool.lease();
            response = route->handler(request, *lease);
            same = lease.epoch() == epoch ? SameIndex::Yes : SameIndex::No;
        }
        if (route->handler == get_health && cache != nullptr) add_cache_stats(response, *cache);
        if (!key) return response;
        return keep(*cache, std::move(*key), epoch, same, std::move(response));
    } catch (const Error& error) {
        if (error.code() == ErrorCode::Internal)
            spdlog::error("{} failed: {}", printable(request.path), error.what());
        if (error.code() == ErrorCode::ShardUnavailable)
            spdlog::warn("{}: {}", printable(request.path), error.what());
        return error_response(error);
    } catch (const std::exception& e) {
        // A bug (or bad_alloc): log the details, answer with the generic 500.
        spdlog::error("{} failed: {}", printable(request.path), e.what());
        return error_response(ErrorCode::Internal, e.what());
    }
}

}  // namespace broadsheet
