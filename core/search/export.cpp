// export.cpp — the export cursor that reads a search's complete MSet in batches from its own
// snapshot of the index.
#include "core/search/export.h"

#include <algorithm>

#include "core/error.h"
#include "core/schema.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

using search_internal::make_hit;
using search_internal::parse_article;
using search_internal::set_sort;

ExportCursor::ExportCursor(Xapian::Database db, const Xapian::Query& query, SortOrder order,
                           ShardReach reach)
    : db_(std::move(db)) {
    mset_ = SearchContext::guarded_on(db_, [&] {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        Xapian::MultiValueKeyMaker keys;
        set_sort(enquire, order, keys, reach);
        // Every match at once: an MSet item is a document id, a weight and a sort key, so even a
        // million matches stay small; the documents themselves are read batch by batch.
        const Xapian::doccount all = search_internal::count_all(db_);
        return enquire.get_mset(0, all, all);
    });
}

std::vector<Hit> ExportCursor::next(std::size_t max) {
    std::vector<Hit> hits;
    const Xapian::doccount end =
        std::min<Xapian::doccount>(mset_.size(), position_ + static_cast<Xapian::doccount>(max));
    if (position_ >= end) return hits;
    try {
        const auto first = mset_[position_];
        const auto last = end == mset_.size() ? mset_.end() : mset_[end];
        mset_.fetch(first, last);  // one read-ahead for the whole batch
        for (auto it = first; it != last; ++it)
            hits.push_back(make_hit(parse_article(it.get_document()), {}));
    } catch (const Xapian::DatabaseModifiedError&) {
        // The indexer committed twice since this snapshot was opened and reused its blocks.
        // Reopening would read another revision (rows skipped or repeated): stop instead.
        throw Error(ErrorCode::IndexUnavailable,
                    "the index changed during the export; run the export again");
    } catch (const Xapian::DatabaseError& e) {
        throw Error(ErrorCode::IndexUnavailable, "the index cannot be read: " + e.get_msg());
    } catch (const Xapian::NetworkError& e) {
        throw SearchContext::shard_unavailable(e);
    } catch (const Xapian::Error& e) {
        throw Error(ErrorCode::Internal, e.get_type() + std::string(": ") + e.get_msg());
    }
    position_ = end;
    return hits;
}

ExportCursor open_export(SearchContext& context, const SearchParams& params) {
    SearchParams articles = params;
    articles.type = DocumentType::Article;
    articles.min_confidence.reset();
    articles.page = 1;
    articles.size = kDefaultPageSize;
    validate(articles);
    Xapian::Database snapshot = context.open_snapshot();
    // The query is built on the snapshot too: wildcard expansion and spelling read the index.
    QueryBuilder builder(snapshot);
    const BuiltQuery built =
        SearchContext::guarded_on(snapshot, [&] { return builder.build(articles); });
    return ExportCursor(std::move(snapshot), combine(built), effective_sort(articles),
                        context.reach());
}

}  // namespace broadsheet
