// search_internal.h — helpers shared by the Searcher's source files (not part of core's API):
// the Xapian error edge, exact-count set-up, date sorting, HTML escaping and hits.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/error.h"
#include "core/search/search_types.h"

namespace broadsheet::search_internal {

// Runs `action`; on DatabaseModifiedError reopens `db` and runs it once more. Xapian errors
// become broadsheet::Error so nothing above core ever sees a Xapian type.
template <class Action>
auto guarded(Xapian::Database& db, Action&& action) -> decltype(action()) {
    try {
        try {
            return action();
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer committed again while we read an old revision: move to the latest one.
            db.reopen();
            return action();
        }
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorCode::InvalidQuery, "q does not parse: " + e.get_msg());
    } catch (const Xapian::DatabaseError& e) {
        throw Error(ErrorCode::IndexUnavailable, "the index cannot be read: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw Error(ErrorCode::Internal, e.get_type() + std::string(": ") + e.get_msg());
    }
}

// check_at_least for get_mset: make the matcher visit every match so totals and facets are exact.
inline Xapian::doccount count_all(const Xapian::Database& db) {
    return std::max<Xapian::doccount>(db.get_doccount(), 1);
}

// One search's time budget (kMatchTimeBudgetSeconds) across its match passes: each pass may
// use what the earlier ones left. Xapian 1.4's Enquire::set_time_limit stops only the counting
// past check_at_least, never the ranking, so a pass over budget still returns the right hits
// with bounds that differ (lower < upper); end() reports that any pass ended so.
class MatchBudget {
  public:
    explicit MatchBudget(double seconds = kMatchTimeBudgetSeconds)
        : deadline_(std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(seconds))) {}

    // Sets the time left on `enquire`: at least a millisecond, since 0 means "no limit".
    void apply(Xapian::Enquire& enquire) const {
        const std::chrono::duration<double> left = deadline_ - std::chrono::steady_clock::now();
        enquire.set_time_limit(std::max(left.count(), kLeastSeconds));
    }

    // Records how a pass run with check_at_least = count_all() ended.
    void record(const Xapian::MSet& mset) {
        if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound())
            end_ = MatchEnd::TimedOut;
    }

    MatchEnd end() const { return end_; }

  private:
    static constexpr double kLeastSeconds = 0.001;
    std::chrono::steady_clock::time_point deadline_;
    MatchEnd end_ = MatchEnd::Complete;
};

// Date order on kSlotDate (undated documents last both ways); nothing for Relevance.
void set_sort(Xapian::Enquire& enquire, SortOrder order, Xapian::MultiValueKeyMaker& keys);

// &, < and > as entities, the escaping MSet::snippet applies to its text.
void append_escaped(std::string& out, std::string_view text);

// How long a hit's snippet may be, in bytes, and what marks text left out of it.
inline constexpr std::size_t kSnippetBytes = 200;
inline constexpr std::string_view kEllipsis = "…";

// The Article stored as an article document's data; Error(Internal) when it is not one.
Article parse_article(const Xapian::Document& doc);

// The start of the body, cut at a word boundary and HTML-escaped like MSet::snippet's output.
std::string leading_excerpt(const std::string& body, std::size_t max_bytes);

// A search hit showing `article` with `snippet` (already HTML-escaped).
Hit make_hit(Article article, std::string snippet);

}  // namespace broadsheet::search_internal
