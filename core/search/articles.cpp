// articles.cpp — article lookup by id and the index facts of the health endpoint.
#include "core/search/articles.h"

#include <charconv>

#include "core/schema.h"
#include "core/search/search_internal.h"

namespace broadsheet {

Article find_article(SearchContext& context, std::string_view id) {
    return context.guarded([&] {
        Xapian::Database& db = context.db();
        return search_internal::parse_article(
            db.get_document(search_internal::article_docid(db, id)));
    });
}

IndexInfo index_info(SearchContext& context) {
    return context.guarded([&] {
        Xapian::Database& db = context.db();
        IndexInfo info;
        info.documents = db.get_termfreq(term(Field::Type, kTypeArticle));
        const std::string version = db.get_metadata(std::string(kMetaSchemaVersion));
        // A malformed version stays 0; check_schema() already refused such an index on open.
        std::from_chars(version.data(), version.data() + version.size(), info.schema_version);
        info.built_at = db.get_metadata(std::string(kMetaBuiltAt));
        return info;
    });
}

}  // namespace broadsheet
