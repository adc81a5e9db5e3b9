// searcher.h — search, article lookup and index facts over one Xapian::Database handle.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/article.h"
#include "core/search/query_builder.h"
#include "core/search/search_types.h"

namespace broadsheet {

// Facts about the open index for the health endpoint.
struct IndexInfo {
    std::size_t documents = 0;  // article documents
    int schema_version = 0;
    std::string built_at;  // ISO 8601 UTC as the indexer wrote it; empty when unknown
};

// Not thread-safe (Xapian handles are not): one Searcher per worker, see IndexPool.
// Every function translates Xapian errors at this edge: QueryParserError → InvalidQuery,
// opening/corruption/IO errors → IndexUnavailable, anything else from Xapian → Internal. On
// DatabaseModifiedError (a writer committed twice since we opened) it reopens and retries once.
class Searcher {
  public:
    explicit Searcher(const Xapian::Database& db);
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Throws Error(InvalidArgument) for params outside the limits in search_types.h or `from`
    // after `to`; Error(InvalidQuery) when q does not parse.
    SearchResult search(const SearchParams& params);

    // Throws Error(NotFound) when no article has this id.
    Article article(std::string_view id);

    IndexInfo info();

    // Brings the handle to the latest commit of its database (cheap when nothing changed).
    void reopen();

  private:
    SearchResult run_search(const SearchParams& params);
    Article find_article(std::string_view id);

    Xapian::Database db_;
    QueryBuilder builder_;
};

// Throws Error(InvalidArgument) naming the parameter when params break the documented limits.
void validate(const SearchParams& params);

}  // namespace broadsheet
