// get_article.cpp — GET /api/articles/{id}: the whole article with each quote's id, group and
// offsets in code points (server/formats/article_json.h).
#include "server/formats/article_json.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_article(const ApiRequest& request, Searcher& searcher) {
    const Article article = searcher.article(request.path_rest);
    return {200, article_json(article, searcher.quote_groups(article))};
}

}  // namespace broadsheet
