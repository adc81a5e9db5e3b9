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

}  // namespace broadsheet
