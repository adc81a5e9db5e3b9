// articles.h — one stored article by id, and the facts about the open index the health
// endpoint shows.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Throws Error(NotFound) when no article has this id.
Article find_article(SearchContext& context, std::string_view id);

struct IndexInfo {
    std::size_t documents = 0;  // article documents
    int schema_version = 0;
    std::string built_at;  // ISO 8601 UTC as the indexer wrote it; empty when unknown
};

IndexInfo index_info(SearchContext& context);

}  // namespace broadsheet
