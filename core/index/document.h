// document.h — map an Article to its Xapian document, driven by the schema table (core/schema.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

#include "core/article.h"
#include "core/schema.h"

namespace broadsheet {

// The article document: free-text fields through a TermGenerator (English stemming, positions,
// spelling data when `db` is given), boolean terms, value slots and the Article JSON as data.
Xapian::Document make_article_document(const Article& article,
                                       Xapian::WritableDatabase* spelling_db = nullptr);

// The unique id term (Q + id) used with replace_document/delete_document.
std::string unique_term(const Article& article);

// One quote of an article, and the near-duplicate group it belongs to.
struct QuoteDocumentInput {
    const Article& article;
    std::size_t index = 0;  // 0-based position in article.quotes
    std::string group;      // group id; empty → the quote's own id (a group of one)
};

// The quote document (docs/schema.md): quote words as free text with and without the XQ: prefix,
// speaker, outlet, year, article and group terms (quote_id, article_ref_term, quote_group_term in
// core/schema.h); date, outlet, speaker, year, confidence, group and source-path values; and its
// QuoteRecord (core/article.h) as JSON data.
Xapian::Document make_quote_document(const QuoteDocumentInput& input);

}  // namespace broadsheet
