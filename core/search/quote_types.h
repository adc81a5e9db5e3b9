// quote_types.h — what the quote, speaker and matrix endpoints ask and answer (docs/api.md).
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/search/search_types.h"

namespace broadsheet {

// Limits of the speaker and matrix requests (search limits are in search_types.h).
inline constexpr unsigned kDefaultSpeakerLimit = 20;
inline constexpr unsigned kMaxSpeakerLimit = 100;
inline constexpr std::size_t kMaxSpeakerNameBytes = 200;
inline constexpr unsigned kDefaultMatrixLimit = 20;
inline constexpr unsigned kMaxMatrixLimit = 100;
inline constexpr unsigned kProfileTerms = 20;
inline constexpr unsigned kProfileRecentQuotes = 10;

// Near-identical quotes share a group; the group's id is its earliest member's quote id.
struct QuoteGroupInfo {
    std::string id;
    std::size_t size = 0;            // quotes in the group
    std::optional<Date> first_seen;  // date of the earliest member; nullopt when undated
};

// The article a quote comes from, as stored in the quote document.
struct QuoteArticle {
    std::string id;
    std::string title;
    std::optional<Date> date;
    std::string outlet;
    std::string url;
};

struct QuoteHit {
    std::string id;       // "<article id>~q<n>"
    std::string text;     // the whole quote, HTML-escaped; the only markup is <mark>…</mark>
    std::string speaker;  // empty when unattributed
    std::string cue;
    double confidence = 0.0;
    std::size_t char_begin = 0;
    std::size_t char_end = 0;
    QuoteArticle article;
    std::optional<QuoteGroupInfo> group;
};

// Its histogram counts the matching quotes by their article's date.
using QuoteSearchResult = ResultPage<QuoteHit>;

struct SpeakersParams {
    std::string prefix;  // matches the start of any word of the name, case-insensitively
    unsigned limit = kDefaultSpeakerLimit;
};

struct SpeakerSummary {
    std::string name;
    std::size_t articles = 0;  // articles that name the speaker
    std::size_t quotes = 0;    // quote documents attributed to the speaker
};

struct MonthCount {
    std::string month;  // "YYYY-MM"
    std::size_t count = 0;
};

struct TermWeight {
    std::string term;
    double weight = 0.0;
};

struct SpeakerProfile {
    SpeakerSummary summary;
    std::vector<FacetValue> outlets;    // the speaker's quotes per outlet
    std::vector<MonthCount> per_month;  // the speaker's dated quotes per month, chronological
    std::vector<TermWeight> terms;      // most characteristic words of the speaker's quotes
    std::vector<QuoteHit> recent_quotes;
};

enum class MatrixColumns { Outlet, Month };

struct MatrixParams {
    SearchParams filters;  // q, speaker, outlet, from, to (type is forced to quotes)
    MatrixColumns cols = MatrixColumns::Outlet;
    unsigned limit = kDefaultMatrixLimit;  // rows kept
};

// Counts of matching quote documents; docs/api.md says which request each number equals.
struct Matrix {
    std::vector<std::string> rows;
    std::vector<std::string> cols;
    std::vector<std::vector<std::size_t>> cells;
    std::vector<std::size_t> row_totals;
    std::vector<std::size_t> col_totals;
    std::size_t total = 0;
    MatchEnd end = MatchEnd::Complete;  // TimedOut: the counts cover only the quotes examined
};

void to_json(nlohmann::json& out, const QuoteGroupInfo& group);
void to_json(nlohmann::json& out, const QuoteHit& hit);
void to_json(nlohmann::json& out, const QuoteSearchResult& result);
void to_json(nlohmann::json& out, const SpeakerSummary& speaker);
void to_json(nlohmann::json& out, const SpeakerProfile& profile);
void to_json(nlohmann::json& out, const Matrix& matrix);

}  // namespace broadsheet
