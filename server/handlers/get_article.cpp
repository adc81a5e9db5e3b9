// get_article.cpp — GET /api/articles/{id}: the whole article, with quote offsets in both
// UTF-8 bytes and Unicode code points (what JavaScript's Array.from(body) indexes), and each
// quote's document id and near-duplicate group.
#include "core/index/document.h"
#include "server/handlers/handlers.h"

namespace broadsheet {
ApiResponse get_article(const ApiRequest& request, Searcher& searcher) {
    const Article article = searcher.article(request.path_rest);
    nlohmann::json body = article;
    body.erase("content_hash");  // bookkeeping for the indexer, not part of the API
    const auto groups = searcher.quote_groups(article);
    for (std::size_t i = 0; i < article.quotes.size(); ++i) {
        body["quotes"][i]["id"] = quote_id(article, i);
        body["quotes"][i]["group"] = groups[i] ? nlohmann::json(*groups[i]) : nullptr;
        body["quotes"][i]["char_begin"] = code_points_before(article.body, article.quotes[i].begin);
        body["quotes"][i]["char_end"] = code_points_before(article.body, article.quotes[i].end);
    }
    return {200, std::move(body)};
}

}  // namespace broadsheet
