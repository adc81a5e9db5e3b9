// quote_json.h — the JSON shapes of the quote, speaker and matrix endpoints (docs/api.md): the
// core's typed results as the API's objects. Found by argument-dependent lookup, so a handler
// returns `{200, result}` once this header is included.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/search/quote_types.h"

namespace broadsheet {

void to_json(nlohmann::json& out, const QuoteGroupInfo& group);
void to_json(nlohmann::json& out, const QuoteHit& hit);
void to_json(nlohmann::json& out, const QuoteSearchResult& result);
void to_json(nlohmann::json& out, const SpeakerSummary& speaker);
void to_json(nlohmann::json& out, const SpeakerProfile& profile);
void to_json(nlohmann::json& out, const Matrix& matrix);

// The body of GET /api/quotes: to_json's, plus with Timing::Report (debug=1) the `timing`
// object, whose render_ms is the time building this body took.
nlohmann::json render(const QuoteSearchResult& result);

}  // namespace broadsheet
