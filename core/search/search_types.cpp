// search_types.cpp — default sort order and the JSON form of search results (docs/api.md).
#include "core/search/search_types.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/search/histogram.h"

namespace broadsheet {
namespace {

nlohmann::json nullable(const std::string& value) {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

}  // namespace

SortOrder effective_sort(const SearchParams& params) {
    if (params.sort) return *params.sort;
    // Browsing without words has no relevance to rank by: show the latest articles first.
    return params.q.empty() ? SortOrder::Newest : SortOrder::Relevance;
}

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

}  // namespace broadsheet
