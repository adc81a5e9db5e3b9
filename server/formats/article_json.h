// article_json.h — the JSON shape of GET /api/articles/{id} (docs/api.md).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <vector>

#include "core/article.h"
#include "core/search/quote_types.h"

namespace broadsheet {

// The article as the API shows it: its stored JSON without content_hash (bookkeeping for the
// indexer), each quote with its document id, its near-duplicate group (groups[i], null when
// none) and its offsets in Unicode code points too (what JavaScript's Array.from(body) indexes).
// `groups` has one entry per quote.
nlohmann::json article_json(const Article& article,
                            const std::vector<std::optional<QuoteGroupInfo>>& groups);

}  // namespace broadsheet
