// search_types.h — what a search asks (SearchParams) and what it answers (SearchResult).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace broadsheet {

// Limits of a search request, checked by validate() (core/search/validate.h) at the entry of
// every search feature, so that no caller can bypass them.
inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr unsigned kMaxPageSize = 100;
inline constexpr unsigned kDefaultPageSize = 10;
inline constexpr unsigned kMaxResultWindow = 10'000;  // page × size
// Cost caps on q, checked on the parsed query by QueryBuilder::build (core/search/
// query_builder.cpp) for every endpoint that takes q; each refusal names its limit.
// Words, wildcards and date ranges in q (each word of a phrase counts): bounds posting lists.
inline constexpr std::size_t kMaxQueryTerms = 64;
// Wildcards in q (`syr*`): each one scans the index's terms and ORs up to kMaxWildcardExpansion.
// Four two-letter ones cost about what eight three-letter ones do (docs/design.md).
inline constexpr std::size_t kMaxQueryWildcards = 4;
// Characters (Unicode code points) a wildcard needs before its `*`, field prefix not counted.
inline constexpr std::size_t kMinWildcardPrefixChars = 2;
// Positional groups in q: "phrases" (a hyphenated word such as well-known is one too), NEAR and
// ADJ chains. Each checks word positions in every document holding all its words; 8 ORed
// phrases of frequent words cost about what 4 wildcards do (docs/design.md).
inline constexpr std::size_t kMaxQueryPhrases = 8;
// A wildcard expands to at most this many index terms, the most frequent ones; a partial word
// (suggest) likewise.
inline constexpr unsigned kMaxWildcardExpansion = 100;
// Values of one filter parameter (outlet, speaker, not_outlet, not_speaker), counted as given.
inline constexpr std::size_t kMaxFilterValues = 50;
// Time one request's match passes may spend counting, all passes together. Past it the ranking
// pass stops counting (Enquire::set_time_limit) and the counting-only passes (facets under a
// selection or exclusion, facet typeahead, matrix) stop where they are: the result says so
// (MatchEnd::TimedOut).
inline constexpr double kMatchTimeBudgetSeconds = 0.5;
// A counting-only pass that starts with the budget already spent still runs this long, so its
// facet lists partial counts rather than none.
inline constexpr double kLatePassSeconds = 0.01;

// The reserved facet value for "this field is missing": selecting or excluding it matches the
// schema's XMISSING: term, and facet lists end with its count.
inline constexpr std::string_view kUnknownValue = "(unknown)";

enum class SortOrder {
    Relevance,  // BM25 weight
    Newest,     // by date, newest first; undated articles last
    Oldest,     // by date, oldest first; undated articles last
};

// Which documents a search returns (schema.h: the XTYPE: term).
enum class DocumentType { Article, Quote };

// Bucket size of the date histogram (core/search/histogram.h); Auto picks one from the span of
// the dated matches.
enum class HistogramInterval { Auto, Day, Month, Year };

// Whether the matcher examined every match (Complete), or the time budget
// (kMatchTimeBudgetSeconds) ran out first (TimedOut): then `total` is Xapian's estimate and the
// facets and histogram count only the matches examined. The hits are the same either way.
enum class MatchEnd { Complete, TimedOut };

// Whether a search also computes its facets and date histogram (exact, over all matches).
// Callers that show only hits (the Atom feed) skip that work.
enum class Summaries { Include, Skip };

struct SearchParams {
    DocumentType type = DocumentType::Article;
    std::string q;                          // Xapian query syntax; empty browses everything
    std::vector<std::string> outlets;       // exact canonical names, ORed
    std::vector<std::string> speakers;      // exact canonical names, ORed
    std::vector<std::string> not_outlets;   // a document with any of these outlets is left out
    std::vector<std::string> not_speakers;  // a document with any of these speakers is left out
    std::optional<Date> from;               // inclusive
    std::optional<Date> to;                 // inclusive
    std::optional<double> min_confidence;   // quotes only: attribution confidence at least this
    std::optional<SortOrder> sort;          // nullopt: Relevance, or Newest when q is empty
    unsigned page = 1;                      // 1-based
    unsigned size = kDefaultPageSize;
    // Bucket size of the result's date histogram.
    HistogramInterval interval = HistogramInterval::Auto;
    // Not an API parameter: set by callers that need no facets or histogram (they stay empty).
    Summaries summaries = Summaries::Include;
};

// The order a search actually uses once the default is applied.
SortOrder effective_sort(const SearchParams& params);

struct Hit {
    std::string id;
    std::string title;
    std::optional<Date> date;
    std::string outlet;
    std::string author;
    std::vector<std::string> speakers;
    std::string url;
    std::string snippet;  // HTML-escaped; the only markup is <mark>…</mark>
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

struct Facets {
    // Each sorted by count descending, then value; outlet and speaker end with kUnknownValue
    // (documents without one) when it counts any.
    std::vector<FacetValue> outlet;
    std::vector<FacetValue> speaker;
    std::vector<FacetValue> year;
};

// One bar of the date histogram: the matches dated from `from` to `to` (inclusive), the whole
// day, month or year named by `period` ("2017-11-17", "2017-11", "2017").
struct HistogramBucket {
    std::string period;
    Date from;
    Date to;
    std::size_t count = 0;
};

// Matches per period over ALL matches of a search (filters applied, like `total`): chronological
// buckets from the first to the last dated match, empty ones included; undated matches apart.
struct Histogram {
    HistogramInterval interval = HistogramInterval::Day;  // the one used: never Auto
    std::vector<HistogramBucket> buckets;
    std::size_t undated = 0;
};

// One page of a search's results, whatever it returns (articles or quotes): the page's hits, the
// exact total and the summaries (facets, histogram) of all matches.
template <class HitType>
struct ResultPage {
    std::string query;
    std::size_t total = 0;  // number of matching documents: exact unless end is TimedOut
    unsigned page = 1;
    unsigned size = kDefaultPageSize;
    double took_ms = 0.0;
    std::vector<HitType> hits;
    Facets facets;
    Histogram histogram;
    std::optional<std::string> suggestion;  // spelling correction of q (the quote API omits it)
    MatchEnd end = MatchEnd::Complete;      // TimedOut: total, facets, histogram are estimates
};

using SearchResult = ResultPage<Hit>;

}  // namespace broadsheet
