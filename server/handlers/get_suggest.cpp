// get_suggest.cpp — GET /api/suggest: speakers, outlets and titles for what the user is typing,
// as our JSON or as the OpenSearch suggestions array ["q", ["completion", …]] browsers read.
#include "core/search/suggest.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_suggest(const ApiRequest& request, SearchContext& context) {
    const SuggestParams params = parse_suggest_params(request);
    const SuggestFormat format = parse_suggest_format(request);
    const SuggestResult result = suggest(context, params);
    if (format == SuggestFormat::Json) return {200, result};
    nlohmann::json completions = nlohmann::json::array();
    for (const Suggestion& suggestion : result.suggestions) completions.push_back(suggestion.value);
    // The media type the OpenSearch suggestions extension names, so browsers accept it.
    return text_response("application/x-suggestions+json; charset=utf-8",
                         to_wire(nlohmann::json::array({result.query, std::move(completions)})));
}

}  // namespace broadsheet
