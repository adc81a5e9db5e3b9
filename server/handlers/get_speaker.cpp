// get_speaker.cpp — GET /api/speakers/{name}: one speaker's profile; 404 for an unknown name.
#include "core/search/speakers.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_speaker(const ApiRequest& request, SearchContext& context) {
    const std::string name = parse_speaker_name(request);
    return {200, speaker_profile(context, name)};
}

}  // namespace broadsheet
