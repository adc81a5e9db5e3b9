// search_context.cpp — the search context's snapshot opener and reopen.
#include "core/search/search_context.h"

namespace broadsheet {

SearchContext::SearchContext(const Xapian::Database& db, DatabaseOpener open_snapshot)
    : db_(db), builder_(db_), open_snapshot_(std::move(open_snapshot)) {}

Xapian::Database SearchContext::open_snapshot() const {
    if (!open_snapshot_)
        throw Error(ErrorCode::Internal, "this search context cannot open a snapshot");
    return open_snapshot_();
}

std::shared_ptr<const FacetColumns> SearchContext::columns() {
    if (!columns_ || !columns_->describes(db_)) columns_ = FacetColumns::load(db_);
    return columns_;
}

void SearchContext::reopen() {
    guarded([&] { return db_.reopen(); });
}

}  // namespace broadsheet
