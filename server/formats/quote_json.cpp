// quote_json.cpp — the JSON shapes of the quote, speaker and matrix endpoints (docs/api.md).
#include "server/formats/quote_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "server/formats/result_page_json.h"
#include "server/formats/search_json.h"

namespace broadsheet {
namespace {

nlohmann::json nullable(const std::string& value) {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json nullable(const std::optional<Date>& date) {
    return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr);
}

// Weights and times carry more digits than anyone can use; three decimals keep JSON readable.
double rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}

}  // namespace

void to_json(nlohmann::json& out, const QuoteGroupInfo& group) {
    out = nlohmann::json{
        {"id", group.id}, {"size", group.size}, {"first_seen", nullable(group.first_seen)}};
}

void to_json(nlohmann::json& out, const QuoteHit& hit) {
    out = nlohmann::json{{"id", hit.id},
                         {"text", hit.text},
                         {"speaker", nullable(hit.speaker)},
                         {"cue", nullable(hit.cue)},
                         {"confidence", hit.confidence},
                         {"char_begin", hit.char_begin},
                         {"char_end", hit.char_end},
                         {"article",
                          {{"id", hit.article.id},
                           {"title", nullable(hit.article.title)},
                           {"date", nullable(hit.article.date)},
                           {"outlet", nullable(hit.article.outlet)},
                           {"url", nullable(hit.article.url)}}},
                         {"group", hit.group ? nlohmann::json(*hit.group) : nullptr}};
}

void to_json(nlohmann::json& out, const QuoteSearchResult& result) {
    out = nlohmann::json{{"query", result.query},
                         {"total", result.total},
                         {"page", result.page},
                         {"size", result.size},
                         {"took_ms", rounded(result.took_ms, 100.0)},
                         {"hits", result.hits},
                         {"facets", facets_json(result.facets, result.shape.facets)},
                         {"timed_out", result.end == MatchEnd::TimedOut}};
    if (result.shape.histogram == Compute::Include) out["histogram"] = result.histogram;
}

nlohmann::json render(const QuoteSearchResult& result) {
    return render_page(result);
}

void to_json(nlohmann::json& out, const SpeakerSummary& speaker) {
    out = nlohmann::json{
        {"name", speaker.name}, {"articles", speaker.articles}, {"quotes", speaker.quotes}};
}

void to_json(nlohmann::json& out, const SpeakerProfile& profile) {
    nlohmann::json months = nlohmann::json::array();
    for (const auto& month : profile.per_month)
        months.push_back({{"month", month.month}, {"count", month.count}});
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& term : profile.terms)
        terms.push_back({{"term", term.term}, {"weight", rounded(term.weight, 1000.0)}});
    out = profile.summary;
    out["outlets"] = profile.outlets;
    out["per_month"] = std::move(months);
    out["terms"] = std::move(terms);
    out["recent_quotes"] = profile.recent_quotes;
}

void to_json(nlohmann::json& out, const Matrix& matrix) {
    out = nlohmann::json{{"rows", matrix.rows},
                         {"cols", matrix.cols},
                         {"cells", matrix.cells},
                         {"row_totals", matrix.row_totals},
                         {"col_totals", matrix.col_totals},
                         {"total", matrix.total},
                         {"timed_out", matrix.end == MatchEnd::TimedOut}};
}

}  // namespace broadsheet
