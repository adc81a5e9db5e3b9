// searcher.h — search, article lookup and index facts over one Xapian::Database handle.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/search/discovery_types.h"
#include "core/search/export.h"
#include "core/search/facet_types.h"
#include "core/search/query_builder.h"
#include "core/search/quote_types.h"
#include "core/search/search_types.h"

namespace broadsheet {

// Facts about the open index for the health endpoint.
struct IndexInfo {
    std::size_t documents = 0;  // article documents
    int schema_version = 0;
    std::string built_at;  // ISO 8601 UTC as the indexer wrote it; empty when unknown
};

// Opens a new, independent handle on the index a Searcher serves (its current generation), for
// work that outlives one request's use of the Searcher (exports). May throw like IndexPool.
using DatabaseOpener = std::function<Xapian::Database()>;

// Not thread-safe (Xapian handles are not): one Searcher per worker, see IndexPool.
// Every function translates Xapian errors at this edge: QueryParserError → InvalidQuery,
// opening/corruption/IO errors → IndexUnavailable, anything else from Xapian → Internal. On
// DatabaseModifiedError (a writer committed twice since we opened) it reopens and retries once.
class Searcher {
  public:
    explicit Searcher(const Xapian::Database& db);
    // `open_snapshot` serves open_export(); without it open_export() throws Error(Internal).
    Searcher(const Xapian::Database& db, DatabaseOpener open_snapshot);
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Throws Error(InvalidArgument) for params outside the limits in search_types.h or `from`
    // after `to`; Error(InvalidQuery) when q does not parse.
    SearchResult search(const SearchParams& params);

    // Quote documents (params.type is ignored). Same limits and errors as search(), plus
    // Error(InvalidArgument) for min_confidence outside 0..1.
    QuoteSearchResult search_quotes(const SearchParams& params);

    // One facet's values whose words start with params.prefix, counted under params.filters
    // without the facet's own selections and exclusions. Throws like search() or
    // search_quotes() (per params.filters.type), plus Error(InvalidArgument) for a limit outside
    // 1..kMaxFacetValueLimit or a prefix longer than kMaxFacetPrefixBytes.
    FacetValues facet_values(const FacetValuesParams& params);

    // Throws Error(NotFound) when no article has this id.
    Article article(std::string_view id);

    // For each of the article's quotes, its group (nullopt when the index holds no quote
    // document for it).
    std::vector<std::optional<QuoteGroupInfo>> quote_groups(const Article& article);

    // Speakers whose name has a word starting with params.prefix, by quotes then name.
    // Throws Error(InvalidArgument) for a limit outside 1..kMaxSpeakerLimit.
    std::vector<SpeakerSummary> speakers(const SpeakersParams& params);

    // Throws Error(NotFound) when no document names this speaker.
    SpeakerProfile speaker(std::string_view name);

    // Quote counts per speaker × outlet or month. Throws like search_quotes().
    Matrix matrix(const MatrixParams& params);

    // Articles like the one with this id, most similar first, never that article itself:
    // relevance feedback (the expand set of its words, core/search/related.cpp). Throws
    // Error(NotFound) for an unknown id, Error(InvalidArgument) for size outside 1..20.
    RelatedResult related(const RelatedParams& params);
    // Speakers and outlets with a word starting with q (case-insensitive), then titles matching
    // q as a partial query, each kind at most limit long; nothing for a blank q. Throws
    // Error(InvalidArgument) for q over 100 bytes or limit outside 1..20.
    SuggestResult suggest(const SuggestParams& params);
    // The complete result set of `params` (page and size ignored) on a fresh handle from the
    // opener, so the export holds nothing of this Searcher. The match runs now: bad params,
    // queries and an unreadable index throw here (like search()), before any row is read.
    ExportCursor open_export(const SearchParams& params);

    IndexInfo info();

    // Brings the handle to the latest commit of its database (cheap when nothing changed).
    void reopen();

  private:
    SearchResult run_search(const SearchParams& params);
    QuoteSearchResult run_quote_search(const SearchParams& params);
    // Runs `built` with exact facets into `facets` and the date histogram of all matches into
    // `histogram` (Error(InvalidArgument) when params.interval needs too many buckets); the
    // MSet holds page params.page. Its passes share one time budget (kMatchTimeBudgetSeconds);
    // `end` tells whether they counted every match.
    Xapian::MSet match(const BuiltQuery& built, const SearchParams& params, Facets& facets,
                       Histogram& histogram, MatchEnd& end);
    // Whether a quote hit's text marks the query's words (only when there is a query).
    enum class QuoteMarking { Plain, QueryWords };
    // `stemmer` is the calling request's own: Xapian objects are never shared between workers.
    QuoteHit quote_hit(const Xapian::MSet& mset, const Xapian::Document& doc,
                       const Xapian::Stem& stemmer, QuoteMarking marking);
    std::optional<QuoteGroupInfo> group_info(const std::string& group_id);
    std::size_t count(const Xapian::Query& query);
    std::vector<TermWeight> characteristic_terms(const Xapian::Query& quotes);
    Article find_article(std::string_view id);
    // The document id of the article (not a quote) with this id; Error(NotFound) if none.
    Xapian::docid article_docid(std::string_view id);

    Xapian::Database db_;
    QueryBuilder builder_;
    DatabaseOpener open_snapshot_;
};

// Throws Error(InvalidArgument) naming the parameter when params break the documented limits.
void validate(const SearchParams& params);

}  // namespace broadsheet
