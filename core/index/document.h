// document.h — map an Article to its Xapian document, driven by the schema table (core/schema.h).
#pragma once

#include <xapian.h>

#include <string>

#include "core/article.h"

namespace broadsheet {

// The article document: free-text fields through a TermGenerator (English stemming, positions,
// spelling data when `db` is given), boolean terms, value slots and the Article JSON as data.
Xapian::Document make_article_document(const Article& article,
                                       Xapian::WritableDatabase* spelling_db = nullptr);

// The unique id term (Q + id) used with replace_document/delete_document.
std::string unique_term(const Article& article);

}  // namespace broadsheet
