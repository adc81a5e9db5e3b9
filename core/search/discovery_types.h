// discovery_types.h — what the "more like this" and as-you-type suggestion endpoints ask and
// answer (docs/api.md: /api/articles/{id}/related and /api/suggest).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/search/search_types.h"

namespace broadsheet {

inline constexpr unsigned kDefaultRelatedSize = 5;
inline constexpr unsigned kMaxRelatedSize = 20;
// Expand-set terms the related query ORs together: enough to catch an article's topics, few
// enough that one shared common word does not decide the ranking.
inline constexpr unsigned kRelatedTerms = 12;

inline constexpr std::size_t kMaxSuggestQueryBytes = 100;
inline constexpr unsigned kDefaultSuggestLimit = 5;
inline constexpr unsigned kMaxSuggestLimit = 20;

struct RelatedParams {
    std::string id;  // the article to find others like
    unsigned size = kDefaultRelatedSize;
};

struct RelatedResult {
    std::string id;
    std::vector<Hit> hits;           // most similar first; snippet = the leading excerpt
    std::vector<std::string> terms;  // the words the similarity query used, strongest first
};

struct SuggestParams {
    std::string q;                          // what the user typed so far
    unsigned limit = kDefaultSuggestLimit;  // per kind
};

enum class SuggestionKind { Speaker, Outlet, Title };

struct Suggestion {
    SuggestionKind kind = SuggestionKind::Title;
    std::string value;      // canonical speaker or outlet name, or the article's title
    std::size_t count = 0;  // speakers and outlets: articles with the value
    std::string id;         // titles: the article's id
};

struct SuggestResult {
    std::string query;
    std::vector<Suggestion> suggestions;  // speakers, then outlets, then titles
};

}  // namespace broadsheet
