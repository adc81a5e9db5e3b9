// get_speakers.cpp — GET /api/speakers: speakers by name prefix with article and quote counts.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_speakers(const ApiRequest& request, Searcher& searcher) {
    const SpeakersParams params = parse_speakers_params(request);
    return {200, {{"speakers", searcher.speakers(params)}}};
}

}  // namespace broadsheet
