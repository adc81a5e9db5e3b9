// discovery_types.cpp — the JSON shapes of the related-articles and suggestion endpoints.
#include "core/search/discovery_types.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace broadsheet {
namespace {

std::string_view kind_name(SuggestionKind kind) {
    switch (kind) {
        case SuggestionKind::Speaker:
            return "speaker";
        case SuggestionKind::Outlet:
            return "outlet";
        case SuggestionKind::Title:
            return "title";
    }
    return "title";
}

}  // namespace

void to_json(nlohmann::json& out, const RelatedResult& result) {
    out = nlohmann::json{{"id", result.id}, {"hits", result.hits}, {"terms", result.terms}};
}

void to_json(nlohmann::json& out, const Suggestion& suggestion) {
    out = nlohmann::json{{"kind", kind_name(suggestion.kind)}, {"value", suggestion.value}};
    // A title names one article; a speaker or outlet stands for how many articles it has.
    if (suggestion.kind == SuggestionKind::Title)
        out["id"] = suggestion.id;
    else
        out["count"] = suggestion.count;
}

void to_json(nlohmann::json& out, const SuggestResult& result) {
    out = nlohmann::json{{"query", result.query}, {"suggestions", result.suggestions}};
}

}  // namespace broadsheet
