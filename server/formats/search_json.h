// search_json.h — the JSON shapes of article search, facet values, related articles and
// suggestions (docs/api.md): the core's typed results as the API's objects. Found by
// argument-dependent lookup, so a handler returns `{200, result}` once this header is included.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/search/discovery_types.h"
#include "core/search/facet_types.h"
#include "core/search/search_types.h"

namespace broadsheet {

void to_json(nlohmann::json& out, const Hit& hit);
void to_json(nlohmann::json& out, const FacetValue& value);
void to_json(nlohmann::json& out, const Histogram& histogram);
void to_json(nlohmann::json& out, const SearchResult& result);
void to_json(nlohmann::json& out, const FacetValues& values);
void to_json(nlohmann::json& out, const RelatedResult& result);
void to_json(nlohmann::json& out, const Suggestion& suggestion);
void to_json(nlohmann::json& out, const SuggestResult& result);

// A hit with only `fields` besides its id (a search's fields= parameter).
nlohmann::json hit_json(const Hit& hit, EnumSet<HitField> fields);
// The facets object of a search: the facets its shape asked for, and no others.
nlohmann::json facets_json(const Facets& facets, EnumSet<FacetName> asked);
// The body of GET /api/search: to_json's, plus with Timing::Report (debug=1) the `timing`
// object, whose render_ms is the time building this body took.
nlohmann::json render(const SearchResult& result);
// Adds {"timing": {path, match_ms, facets_ms, snippets_ms, render_ms}} to `body` (two decimals).
void add_timing(nlohmann::json& body, const SearchTiming& timing, double render_ms);

}  // namespace broadsheet
