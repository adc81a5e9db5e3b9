// get_article.cpp — GET /api/articles/{id}: the whole article with each quote's id, group and
// offsets in code points (server/formats/article_json.h).
#include "core/search/articles.h"
#include "core/search/quote_search.h"
#include "server/formats/article_json.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_article(const ApiRequest& request, SearchContext& context) {
    const Article article = find_article(context, request.path_rest);
    return {200, article_json(article, quote_groups(context, article))};
}

}  // namespace broadsheet
