// get_article.cpp — GET /api/articles/{id}: the whole article, with quote offsets in both
// UTF-8 bytes and Unicode code points (what JavaScript's Array.from(body) indexes), and each
// quote's document id and near-duplicate group.
#include <algorithm>
#include <string_view>

#include "core/index/document.h"
#include "core/search/articles.h"
#include "core/search/quote_search.h"
#include "server/handlers/handlers.h"

namespace broadsheet {
ApiResponse get_article(const ApiRequest& request, SearchContext& context) {
    const Article article = find_article(context, request.path_rest);
    nlohmann::json body = article;
    body.erase("content_hash");  // bookkeeping for the indexer, not part of the API
    const auto groups = quote_groups(context, article);
    // Quotes come in text order, so code points are counted on from the previous offset: one
    // pass over the body, not one per quote.
    std::size_t counted_to = 0, code_points = 0;
    const auto char_offset = [&](std::size_t byte_offset) {
        if (byte_offset < counted_to) counted_to = code_points = 0;
        code_points += code_points_before(
            std::string_view(article.body).substr(std::min(counted_to, article.body.size())),
            byte_offset - counted_to);
        counted_to = byte_offset;
        return code_points;
    };
    for (std::size_t i = 0; i < article.quotes.size(); ++i) {
        body["quotes"][i]["id"] = quote_id(article, i);
        body["quotes"][i]["group"] = groups[i] ? nlohmann::json(*groups[i]) : nullptr;
        body["quotes"][i]["char_begin"] = char_offset(article.quotes[i].begin);
        body["quotes"][i]["char_end"] = char_offset(article.quotes[i].end);
    }
    return {200, std::move(body)};
}

}  // namespace broadsheet
