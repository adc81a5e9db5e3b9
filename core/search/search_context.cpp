// search_context.cpp — the search context's snapshot opener and reopen.
#include "core/search/search_context.h"

#include <string>
#include <string_view>

namespace broadsheet {

SearchContext::SearchContext(const Xapian::Database& db, DatabaseOpener open_snapshot,
                             ShardReach reach, std::optional<Xapian::Database> spelling)
    : db_(db),
      spelling_(std::move(spelling)),
      open_snapshot_(std::move(open_snapshot)),
      reach_(reach) {
    make_builder();
}

void SearchContext::make_builder() {
    if (spelling_)
        builder_.emplace(db_, *spelling_);
    else
        builder_.emplace(db_);
}

void SearchContext::reconnect() {
    db_ = open_snapshot_();
    make_builder();
    columns_.reset();
}

bool SearchContext::is_timeout(const Xapian::NetworkError& e) {
    return std::string_view(e.get_type()) == "NetworkTimeoutError";
}

Error SearchContext::shard_unavailable(const Xapian::NetworkError& e) {
    // Xapian names a TCP remote database "remote:tcp(HOST:PORT)": show HOST:PORT, as written in
    // the manifest.
    std::string shard = e.get_context();
    const std::string_view tcp = "remote:tcp(";
    if (shard.starts_with(tcp) && shard.ends_with(')'))
        shard = shard.substr(tcp.size(), shard.size() - tcp.size() - 1);
    return shard_unavailable(shard.empty() ? std::string("(remote)") : shard, e);
}

Error SearchContext::shard_unavailable(const std::string& shard, const Xapian::NetworkError& e) {
    const bool timed_out = is_timeout(e);
    return Error(ErrorCode::ShardUnavailable,
                 "shard " + shard +
                     (timed_out ? " did not answer in time: " : " cannot be reached: ") +
                     e.get_msg());
}

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
    if (spelling_) guarded([&] { return spelling_->reopen(); });
}

}  // namespace broadsheet
