// search_json.cpp — the JSON shapes of article search, facet values, related articles and
// suggestions (docs/api.md).
#include "server/formats/search_json.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/search/histogram.h"
#include "server/formats/result_page_json.h"

namespace broadsheet {
namespace {

nlohmann::json nullable(const std::string& value) {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

// Two decimals are all a client can use of a time; more digits only look like precision.
double two_decimals(double ms) {
    return std::round(ms * 100.0) / 100.0;
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

nlohmann::json hit_json(const Hit& hit, EnumSet<HitField> fields) {
    nlohmann::json out{{"id", hit.id}};
    if (fields.contains(HitField::Title)) out["title"] = nullable(hit.title);
    if (fields.contains(HitField::Date))
        out["date"] = hit.date ? nlohmann::json(hit.date->iso()) : nullptr;
    if (fields.contains(HitField::Outlet)) out["outlet"] = nullable(hit.outlet);
    if (fields.contains(HitField::Author)) out["author"] = nullable(hit.author);
    if (fields.contains(HitField::Speakers)) out["speakers"] = hit.speakers;
    if (fields.contains(HitField::Url)) out["url"] = nullable(hit.url);
    if (fields.contains(HitField::Snippet)) out["snippet"] = hit.snippet;
    return out;
}

nlohmann::json facets_json(const Facets& facets, EnumSet<FacetName> asked) {
    nlohmann::json out = nlohmann::json::object();
    if (asked.contains(FacetName::Outlet)) out["outlet"] = facets.outlet;
    if (asked.contains(FacetName::Speaker)) out["speaker"] = facets.speaker;
    if (asked.contains(FacetName::Year)) out["year"] = facets.year;
    return out;
}

nlohmann::json render(const SearchResult& result) {
    return render_page(result);
}

void add_timing(nlohmann::json& body, const SearchTiming& timing, double render_ms) {
    body["timing"] = {{"path", timing.path == SearchPath::Columns ? "columns" : "match"},
                      {"match_ms", two_decimals(timing.match_ms)},
                      {"facets_ms", two_decimals(timing.facets_ms)},
                      {"snippets_ms", two_decimals(timing.snippets_ms)},
                      {"render_ms", two_decimals(render_ms)}};
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
    const ResultShape& shape = result.shape;
    EnumSet<HitField> fields = shape.fields;
    if (!shape.makes_snippets()) fields.remove(HitField::Snippet);
    nlohmann::json hits = nlohmann::json::array();
    for (const Hit& hit : result.hits) hits.push_back(hit_json(hit, fields));
    out = nlohmann::json{
        {"query", result.query},
        {"total", result.total},
        {"page", result.page},
        {"size", result.size},
        {"took_ms", two_decimals(result.took_ms)},
        {"hits", std::move(hits)},
        {"facets", facets_json(result.facets, shape.facets)},
        {"suggestion", result.suggestion ? nlohmann::json(*result.suggestion) : nullptr},
        {"timed_out", result.end == MatchEnd::TimedOut}};
    if (shape.histogram == Compute::Include) out["histogram"] = result.histogram;
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
