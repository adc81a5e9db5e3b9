// document.h — map an Article to its Xapian document, driven by the schema table (core/schema.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>

#include "core/article.h"
#include "core/schema.h"

namespace broadsheet {

// The article document: free-text fields through a TermGenerator (English stemming, positions,
// spelling data when `db` is given), boolean terms, value slots and the Article JSON as data.
Xapian::Document make_article_document(const Article& article,
                                       Xapian::WritableDatabase* spelling_db = nullptr);

// Words for the spelling table, each with how many times it is to be added.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

// Adds to `counts` the spelling data of an article document made without a spelling database:
// every title and body word, as many times as make_article_document(article, db) would have
// added it to db one occurrence at a time. A build counts here and adds each word once per batch
// (add_spelling), which gives the same spelling table for a fraction of the work.
void count_spelling_words(const Xapian::Document& article_document, SpellingCounts& counts);

// Adds the counted words to db's spelling table and empties `counts`.
void add_spelling(Xapian::WritableDatabase& db, SpellingCounts& counts);

// The unique id term (Q + id) used with replace_document/delete_document.
std::string unique_term(const Article& article);

// One quote of an article, and the near-duplicate group it belongs to.
struct QuoteDocumentInput {
    const Article& article;
    std::size_t index = 0;  // 0-based position in article.quotes
    std::string group;      // group id; empty → the quote's own id (a group of one)
};

// The quote document (docs/schema.md): quote words as free text, once, unprefixed (prefix_on),
// speaker, outlet, year, article and group terms (quote_id, article_ref_term, quote_group_term in
// core/schema.h); date, outlet, speaker, year, confidence, group and source-path values; and its
// QuoteRecord (core/article.h) as JSON data.
Xapian::Document make_quote_document(const QuoteDocumentInput& input);

}  // namespace broadsheet
