// article_search.cpp — article search: each hit the stored article with a snippet of its body
// marking the query's words, or its opening lines when no query word occurs in it (no snippet
// when the request leaves snippets out).
#include "core/search/article_search.h"

#include "core/schema.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

using search_internal::kEllipsis;
using search_internal::kMarkEnd;
using search_internal::kMarkStart;
using search_internal::kSnippetBytes;

SearchResult search_articles(SearchContext& context, const SearchParams& params) {
    validate(params);
    SearchParams articles = params;
    articles.type = DocumentType::Article;
    articles.min_confidence.reset();  // an article has no confidence of its own
    const Xapian::Stem stemmer = make_stemmer();
    const bool snippets = articles.shape.makes_snippets();
    return context.guarded([&] {
        return search_internal::run_page<Hit>(
            context, articles,
            [&](const Xapian::MSet& mset, const Xapian::MSetIterator& it, double& snippets_ms) {
                Article article = search_internal::parse_article(it.get_document());
                if (!snippets) return search_internal::make_hit(std::move(article), {});
                const auto started = std::chrono::steady_clock::now();
                std::string snippet;
                if (!articles.q.empty()) {
                    // Flags 0: the default background model and exhaustive search cost ~15×
                    // more here.
                    snippet = mset.snippet(article.body, kSnippetBytes, stemmer, 0,
                                           std::string(kMarkStart), std::string(kMarkEnd),
                                           std::string(kEllipsis));
                }
                if (snippet.find(kMarkStart) == std::string::npos)
                    snippet = search_internal::leading_excerpt(article.body, kSnippetBytes);
                snippets_ms += search_internal::ms_since(started);
                return search_internal::make_hit(std::move(article), std::move(snippet));
            });
    });
}

}  // namespace broadsheet
