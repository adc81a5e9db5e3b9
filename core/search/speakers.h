// speakers.h — the speaker list and one speaker's profile.
#pragma once

#include <string_view>
#include <vector>

#include "core/search/quote_types.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Speakers whose name has a word starting with params.prefix, by quotes then name. Throws
// Error(InvalidArgument) for params outside the limits (validate.h).
std::vector<SpeakerSummary> speakers(SearchContext& context, const SpeakersParams& params);

// Counts, outlets, quotes per month, characteristic words (Xapian's expand set) and recent
// quotes. Throws Error(NotFound) when no document names this speaker.
SpeakerProfile speaker_profile(SearchContext& context, std::string_view name);

}  // namespace broadsheet
