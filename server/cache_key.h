// cache_key.h — the canonical form of a cacheable API request, the key of ResponseCache: the
// validated parameter structs after defaults, so requests that mean the same share one entry.
#pragma once

#include <optional>
#include <string>

#include "server/http_util.h"

namespace broadsheet {

// The key of a GET /api/search or /api/quotes request: its path and every field of its parsed
// SearchParams and ResultShape, defaults applied (a missing sort is the order the search uses),
// so parameter order, spelling of defaults and unknown parameters (cache-busters) do not
// matter. nullopt for everything the cache must not answer: other paths, debug=1 (its timing
// is of this request), and requests that do not parse (their errors are never cached).
std::optional<std::string> response_cache_key(const ApiRequest& request);

}  // namespace broadsheet
