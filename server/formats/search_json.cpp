// search_json.cpp — the JSON shapes of article search, facet values, related articles and
// suggestions (docs/api.md).
#include "server/formats/search_json.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/search/histogram.h"

namespace broadsheet {
namespace {

nlohmann::json nullable(const std::string& value) {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

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

void to_json(nlohmann::json& out, const Hit& hit) {
    out = nlohmann::json{{"id", hit.id},
                         {"title", nullable(hit.title)},
                         {"date", hit.date ? nlohmann::json(hit.date->iso()) : nullptr},
                         {"outlet", nullable(hit.outlet)},
                         {"author", nullable(hit.author)},
                         {"speakers", hit.speakers},
                         {"url", nullable(hit.url)},
                         {"snippet", hit.snippet}};
}

void to_json(nlohmann::json& out, const FacetValue& value) {
    out = nlohmann::json{{"value", value.value}, {"count", value.count}};
}

void to_json(nlohmann::json& out, const Histogram& histogram) {
    nlohmann::json buckets = nlohmann::json::array();
    for (const HistogramBucket& bucket : histogram.buckets)
        buckets.push_back({{"period", bucket.period},
                           {"from", bucket.from.iso()},
                           {"to", bucket.to.iso()},
                           {"count", bucket.count}});
    out = nlohmann::json{{"interval", std::string(to_string(histogram.interval))},
                         {"buckets", std::move(buckets)},
                         {"undated", histogram.undated}};
}

void to_json(nlohmann::json& out, const SearchResult& result) {
    // Two decimals are all a client can use; more digits only look like precision.
    const double took = std::round(result.took_ms * 100.0) / 100.0;
    out = nlohmann::json{
        {"query", result.query},
        {"total", result.total},
        {"page", result.page},
        {"size", result.size},
        {"took_ms", took},
        {"hits", result.hits},
        {"facets",
         {{"outlet", result.facets.outlet},
          {"speaker", result.facets.speaker},
          {"year", result.facets.year}}},
        {"suggestion", result.suggestion ? nlohmann::json(*result.suggestion) : nullptr},
        {"histogram", result.histogram},
        {"timed_out", result.end == MatchEnd::TimedOut}};
}

void to_json(nlohmann::json& out, const FacetValues& values) {
    out = nlohmann::json{{"facet", std::string(name_of(values.facet))},
                         {"prefix", values.prefix},
                         {"values", values.values},
                         {"total_values", values.total_values},
                         {"timed_out", values.end == MatchEnd::TimedOut}};
}

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
