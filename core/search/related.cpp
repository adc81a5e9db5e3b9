// related.cpp — "more like this": Xapian relevance feedback from one article. Its most telling
// words (the expand set over an RSet holding just that article) become an OR query over the
// other articles.
#include "core/search/related.h"

#include "core/schema.h"
#include "core/search/expand.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

using search_internal::kSnippetBytes;
using search_internal::leading_excerpt;
using search_internal::make_hit;
using search_internal::parse_article;

RelatedResult related(SearchContext& context, const RelatedParams& params) {
    validate(params);
    return context.guarded([&] {
        Xapian::Database& db = context.db();
        RelatedResult result;
        result.id = params.id;
        Xapian::RSet relevant;
        relevant.add_document(search_internal::article_docid(db, params.id));

        // The default field holds the title and body words (core/index/document.cpp), so its
        // expand set says what the article is about in the words a reader would search by.
        Xapian::Enquire enquire(db);
        const FieldWordDecider decider(Field::Body);
        const Xapian::ESet eset =
            enquire.get_eset(kRelatedTerms, relevant, kExactOverShards, &decider);
        std::vector<Xapian::Query> words;
        for (auto it = eset.begin(); it != eset.end(); ++it) {
            words.emplace_back(*it);
            result.terms.emplace_back(word_of_term(*it));
        }
        if (words.empty()) return result;  // an empty article has nothing to be like

        const Xapian::Query similar(Xapian::Query::OP_OR, words.begin(), words.end());
        const Xapian::Query articles(Xapian::Query::OP_FILTER, similar,
                                     Xapian::Query(term(Field::Type, kTypeArticle)));
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, articles,
                                        Xapian::Query(term(Field::Id, params.id))));
        // The RSet also goes to the match, so BM25 weighs each word by how well it singles out
        // the article we started from.
        const Xapian::MSet mset = enquire.get_mset(0, params.size, &relevant);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Article article = parse_article(it.get_document());
            std::string snippet = leading_excerpt(article.body, kSnippetBytes);
            result.hits.push_back(make_hit(std::move(article), std::move(snippet)));
        }
        return result;
    });
}

}  // namespace broadsheet
