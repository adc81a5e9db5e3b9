// get_speaker.cpp — GET /api/speakers/{name}: one speaker's profile; 404 for an unknown name.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_speaker(const ApiRequest& request, Searcher& searcher) {
    const std::string name = parse_speaker_name(request);
    return {200, searcher.speaker(name)};
}

}  // namespace broadsheet
