// validate.h — every parameter rule of the search features, in one place: one validate() per
// parameter struct, called once at each feature's entry. The HTTP layer only reads typed values.
#pragma once

#include <limits>
#include <string>
#include <string_view>

#include "core/search/discovery_types.h"
#include "core/search/facet_types.h"
#include "core/search/quote_types.h"
#include "core/search/search_types.h"

namespace broadsheet {

// A whole-number parameter: its API name and inclusive range. validate() checks the range; a
// reader that cannot parse the text as a number words its error with the same rule, so both
// say the same thing ("size must be an integer from 1 to 100").
struct UnsignedRule {
    std::string_view name;
    unsigned low = 0;
    unsigned high = std::numeric_limits<unsigned>::max();  // max(): no upper bound of its own

    std::string must() const;          // "<name> must be an integer from <low>[ to <high>]"
    void check(unsigned value) const;  // Error(InvalidArgument) with must() outside the range
};

// page's own bound is the result window (page × size), checked with it.
inline constexpr UnsignedRule kPageRule{"page", 1};
inline constexpr UnsignedRule kPageSizeRule{"size", 1, kMaxPageSize};
inline constexpr UnsignedRule kFacetSizeRule{"facet_size", 1, kMaxFacetSize};
inline constexpr UnsignedRule kFacetLimitRule{"limit", 1, kMaxFacetValueLimit};
inline constexpr UnsignedRule kSpeakerLimitRule{"limit", 1, kMaxSpeakerLimit};
inline constexpr UnsignedRule kMatrixLimitRule{"limit", 1, kMaxMatrixLimit};
inline constexpr UnsignedRule kRelatedSizeRule{"size", 1, kMaxRelatedSize};
inline constexpr UnsignedRule kSuggestLimitRule{"limit", 1, kMaxSuggestLimit};

// Each throws Error(InvalidArgument) whose message starts with the parameter's API name.

// q length, page and size (and their window), min_confidence in 0..1, from not after to, at
// most kMaxFilterValues values per filter parameter, and facet_size.
void validate(const SearchParams& params);
// limit, prefix length and the filters.
void validate(const FacetValuesParams& params);
// limit and prefix length.
void validate(const SpeakersParams& params);
// A speaker's name as a lookup key: 1..kMaxSpeakerNameBytes bytes.
void validate_speaker_name(std::string_view name);
// limit and the quote filters.
void validate(const MatrixParams& params);
// size.
void validate(const RelatedParams& params);
// q length and limit.
void validate(const SuggestParams& params);

}  // namespace broadsheet
