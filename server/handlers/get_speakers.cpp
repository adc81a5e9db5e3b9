// get_speakers.cpp — GET /api/speakers: speakers by name prefix with article and quote counts.
#include "core/search/speakers.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_speakers(const ApiRequest& request, SearchContext& context) {
    const SpeakersParams params = parse_speakers_params(request);
    return {200, {{"speakers", speakers(context, params)}}};
}

}  // namespace broadsheet
