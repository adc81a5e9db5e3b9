// facet_types.h — what GET /api/facets/{name} asks and answers: one facet's values whose words
// start with a prefix, counted under a search's query and filters (docs/api.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_types.h"

namespace broadsheet {

inline constexpr unsigned kDefaultFacetValueLimit = 20;
// As many as a search's facet_size: the list a search cut short is one request away.
inline constexpr unsigned kMaxFacetValueLimit = kMaxFacetSize;
inline constexpr std::size_t kMaxFacetPrefixBytes = 200;

// The facet a name from a URL stands for: "outlet", "speaker" or "year"; nullopt otherwise.
std::optional<FacetName> facet_named(std::string_view name);
std::string_view name_of(FacetName facet);

struct FacetValuesParams {
    FacetName facet = FacetName::Outlet;
    // The search whose matches are counted: type, q, outlets, speakers, exclusions, from, to and
    // min_confidence (quotes); page, size and sort play no part. The facet's own selections and
    // exclusions are left out (for years: the date range), as in the search's facet lists.
    SearchParams filters;
    std::string prefix;  // case-insensitive start of any word of the value; empty: every value
    unsigned limit = kDefaultFacetValueLimit;
};

struct FacetValues {
    FacetName facet = FacetName::Outlet;
    std::string prefix;
    // Count descending, then value; kUnknownValue (outlet, speaker) last. At most `limit`.
    std::vector<FacetValue> values;
    std::size_t total_values = 0;       // values matching the prefix in all
    MatchEnd end = MatchEnd::Complete;  // TimedOut: the counts cover only the matches examined
};

}  // namespace broadsheet
