// search_types.h — what a search asks (SearchParams) and what it answers (SearchResult).
#pragma once

#include <cstddef>
#include <initializer_list>
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

// A search's facets (GET /api/facets/{name} names them the same).
enum class FacetName { Outlet, Speaker, Year };

// The fields of an article hit besides its id, which every hit carries.
enum class HitField { Title, Date, Outlet, Author, Speakers, Url, Snippet };

// A set of values of a small enum (at most 32 values), as bits.
template <class Enum>
class EnumSet {
  public:
    constexpr EnumSet() = default;
    constexpr EnumSet(std::initializer_list<Enum> values) {
        for (Enum value : values) add(value);
    }
    constexpr void add(Enum value) { bits_ |= bit(value); }
    constexpr void remove(Enum value) { bits_ &= ~bit(value); }
    constexpr bool contains(Enum value) const { return (bits_ & bit(value)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }
    friend constexpr bool operator==(EnumSet, EnumSet) = default;

  private:
    static constexpr unsigned bit(Enum value) { return 1u << static_cast<unsigned>(value); }
    unsigned bits_ = 0;
};

inline constexpr EnumSet<FacetName> kAllFacets{FacetName::Outlet, FacetName::Speaker,
                                               FacetName::Year};
inline constexpr EnumSet<HitField> kAllHitFields{
    HitField::Title,    HitField::Date, HitField::Outlet, HitField::Author,
    HitField::Speakers, HitField::Url,  HitField::Snippet};

// Values an outlet or speaker facet lists by default, and at most (facet_size).
inline constexpr unsigned kDefaultFacetSize = 10;
inline constexpr unsigned kMaxFacetSize = 1000;

// Whether a search does one optional piece of work: the date histogram, the hits' snippets.
// Skip means the work is not done at all (no pass, no MSet::snippet), not that it is hidden.
enum class Compute { Include, Skip };

// Whether a response reports where its time went (debug=1: the `timing` object).
enum class Timing { Off, Report };

// What a search computes and returns besides its hits' ids (docs/api.md: facets, facet_size,
// histogram, snippets, fields, debug). Each part left out costs nothing.
struct ResultShape {
    EnumSet<FacetName> facets = kAllFacets;
    // Outlet and speaker values listed: the most frequent ones, then any selected or excluded
    // value past them, then kUnknownValue. Years are all listed (one per year of the archive).
    unsigned facet_size = kDefaultFacetSize;
    Compute histogram = Compute::Include;
    Compute snippets = Compute::Include;  // with Skip, hits carry no snippet
    EnumSet<HitField> fields = kAllHitFields;
    Timing timing = Timing::Off;

    // Whether snippets are made: asked for both by `snippets` and by `fields`.
    bool makes_snippets() const {
        return snippets == Compute::Include && fields.contains(HitField::Snippet);
    }
};

// The shape of callers that show only hits (the Atom feed): no facets, no histogram.
inline constexpr ResultShape kHitsOnly{.facets = {}, .histogram = Compute::Skip};

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
    // What the result carries besides hit ids; parts not asked for are not computed.
    ResultShape shape;
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

// What answered a search: Xapian's match, or (a browse) the facet columns without one.
enum class SearchPath { Match, Columns };

// Where a search's time went, in milliseconds (debug=1). match: the ranking pass, with the
// facet and histogram counting that rides on it (Columns: choosing the page's documents and
// counting); facets: the counting-only passes of facets with a selection or exclusion, and
// making the facet lists and histogram; snippets: making the hits' snippets (quotes: marking
// their text). Rendering is the server's to time.
struct SearchTiming {
    SearchPath path = SearchPath::Match;
    double match_ms = 0.0;
    double facets_ms = 0.0;
    double snippets_ms = 0.0;
};

// One page of a search's results, whatever it returns (articles or quotes): the page's hits, the
// exact total and the summaries (facets, histogram) of all matches, as far as `shape` asked.
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
    // What was asked: facets and the histogram not in it stay empty, and were not computed.
    ResultShape shape;
    SearchTiming timing;
};

using SearchResult = ResultPage<Hit>;

}  // namespace broadsheet
