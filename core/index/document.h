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

// Changes to a spelling table: each word with how much its frequency is to rise (positive) or
// fall (negative).
using SpellingCounts = std::unordered_map<std::string, long long>;

// Adds to `counts`, `times` over (-1 takes them away), the spelling data of an article document
// made without a spelling database: every title and body word, as many times as
// make_article_document(article, db) would have added it to db one occurrence at a time. A build
// counts here and adds each word once per batch (apply_spelling), which gives the same spelling
// table for a fraction of the work; the same count of a stored document is what replacing or
// deleting it takes away, so the table always holds the words of the documents present.
void count_spelling_words(const Xapian::Document& article_document, SpellingCounts& counts,
                          long long times = 1);

// Applies the counted changes to db's spelling table (a fall to zero or below removes the word)
// and empties `counts`. On a WritableDatabase of several shards Xapian applies them to the
// first shard only; apply_shard_spelling (core/index/spelling_table.h) spreads them.
void apply_spelling(Xapian::WritableDatabase& db, SpellingCounts& counts);

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
