// search_internal.h — helpers shared by the search features' source files (not part of core's
// API): the match with exact summaries, the time budget, date sorting, HTML escaping and hits.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/error.h"
#include "core/search/query_builder.h"
#include "core/search/search_context.h"
#include "core/search/search_types.h"

namespace broadsheet {
class FacetCounter;
}

namespace broadsheet::search_internal {

// check_at_least for get_mset: make the matcher visit every match so totals and facets are exact.
inline Xapian::doccount count_all(const Xapian::Database& db) {
    return std::max<Xapian::doccount>(db.get_doccount(), 1);
}

// One request's time budget (kMatchTimeBudgetSeconds) across its match passes: each pass may
// use what the earlier ones left. Xapian 1.4's Enquire::set_time_limit only turns off the
// counting past check_at_least, never the ranking, and a pass asking for no hits
// (get_mset(0, 0, …)) runs to its end after it fires. So the ranking pass gets the time left
// through set_time_limit (apply, record), and a counting-only pass is ended by a match spy that
// throws at its deadline (count). end() reports whether any pass stopped short.
class MatchBudget {
  public:
    using Clock = std::chrono::steady_clock;

    explicit MatchBudget(double seconds = kMatchTimeBudgetSeconds)
        : deadline_(Clock::now() + to_duration(seconds)) {}

    // Sets the time left on the ranking pass's `enquire`: at least a millisecond, since 0 means
    // "no limit".
    void apply(Xapian::Enquire& enquire) const {
        const std::chrono::duration<double> left = deadline_ - Clock::now();
        enquire.set_time_limit(std::max(left.count(), kLeastSeconds));
    }

    // Records how the ranking pass, run with check_at_least = count_all(), ended. `seen` is the
    // number of documents its match spies saw; without spies, mset.get_matches_lower_bound().
    // A complete count gives equal bounds and shows every match to the spies; a stopped one
    // leaves the bounds apart or (when Xapian knows the exact total of a single term) the
    // spies short of it.
    void record(const Xapian::MSet& mset, Xapian::doccount seen) {
        if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound() ||
            seen < mset.get_matches_lower_bound())
            end_ = MatchEnd::TimedOut;
    }

    // Runs get_mset(0, 0, all) on `enquire`, whose match spies count, and ends it at the deadline
    // or, when the budget is already spent, kLatePassSeconds after the start: the spies then
    // hold the counts of the matches seen so far. Clears `enquire`'s match spies.
    // Where a shard is remote, Xapian cannot run the deadline spy there: the pass runs to its
    // end, bounded by the remote timeout (a shard that misses it fails the request).
    // A local pass weighs nothing (BoolWeight): it returns no hits, the documents that match do
    // not depend on the weighting, and BM25 would read every match's length to weigh it.
    // `decider`, when given, accepts the matches that count.
    void count(Xapian::Enquire& enquire, Xapian::doccount all, ShardReach reach,
               const Xapian::MatchDecider* decider = nullptr) {
        if (reach == ShardReach::Remote) {
            enquire.get_mset(0, 0, all, nullptr, decider);
            enquire.clear_matchspies();
            return;
        }
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Clock::time_point stop =
            std::max(deadline_, Clock::now() + to_duration(kLatePassSeconds));
        DeadlineSpy deadline(stop);
        enquire.add_matchspy(&deadline);
        try {
            enquire.get_mset(0, 0, all, nullptr, decider);
        } catch (const DeadlineReached&) {
            end_ = MatchEnd::TimedOut;
        }
        enquire.clear_matchspies();
    }

    MatchEnd end() const { return end_; }

  private:
    // Thrown through Xapian's matcher by DeadlineSpy; never leaves count().
    struct DeadlineReached {};

    // Added after a pass's other spies, it throws DeadlineReached at the first match after
    // `stop`: every spy has then seen the same matches.
    class DeadlineSpy : public Xapian::MatchSpy {
      public:
        explicit DeadlineSpy(Clock::time_point stop) : stop_(stop) {}
        void operator()(const Xapian::Document& /*doc*/, double /*wt*/) override {
            if (Clock::now() >= stop_) throw DeadlineReached{};
        }
        std::string name() const override { return "broadsheet::DeadlineSpy"; }

      private:
        Clock::time_point stop_;
    };

    static Clock::duration to_duration(double seconds) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    }

    static constexpr double kLeastSeconds = 0.001;
    Clock::time_point deadline_;
    MatchEnd end_ = MatchEnd::Complete;
};

// Date order (undated documents last both ways); nothing for Relevance. Locally by a key maker
// over kSlotDate; where a shard is remote by plain values (kSlotDate descending,
// kSlotOldestKey ascending), which give the same order.
void set_sort(Xapian::Enquire& enquire, SortOrder order, Xapian::MultiValueKeyMaker& keys,
              ShardReach reach);

// &, < and > as entities, the escaping MSet::snippet applies to its text.
void append_escaped(std::string& out, std::string_view text);

// How long a hit's snippet may be, in bytes, and what marks text left out of it.
inline constexpr std::size_t kSnippetBytes = 200;
inline constexpr std::string_view kEllipsis = "…";
// How snippets and quote texts mark the query's words.
inline constexpr std::string_view kMarkStart = "<mark>";
inline constexpr std::string_view kMarkEnd = "</mark>";

// The Article stored as an article document's data; Error(Internal) when it is not one.
Article parse_article(const Xapian::Document& doc);

// The start of the body, cut at a word boundary and HTML-escaped like MSet::snippet's output.
std::string leading_excerpt(const std::string& body, std::size_t max_bytes);

// A search hit showing `article` with `snippet` (already HTML-escaped).
Hit make_hit(Article article, std::string snippet);

// The document id of the article (not a quote) with this id; Error(NotFound) if none.
Xapian::docid article_docid(Xapian::Database& db, std::string_view id);

// What a page's match counts besides its hits, and how long the match and the facets took.
struct PageSummaries {
    Facets facets;
    Histogram histogram;
    MatchEnd end = MatchEnd::Complete;
    double match_ms = 0.0;
    double facets_ms = 0.0;
};

// Milliseconds since `started`.
inline double ms_since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
        .count();
}

// `values` (count descending, kUnknownValue last) cut to the first `size`, keeping past them
// the request's `selected` and `excluded` values of this facet (so a client can show their
// counts) and the kUnknownValue row.
std::vector<FacetValue> cut(std::vector<FacetValue> values, unsigned size,
                            const std::vector<std::string>& selected,
                            const std::vector<std::string>& excluded);

// Runs `built` with the exact facets and date histogram of all matches that params.shape asks
// for (Error(InvalidArgument) when params.interval needs too many buckets), and nothing it does
// not ask for; the MSet holds page params.page. Its passes share one time budget
// (kMatchTimeBudgetSeconds).
Xapian::MSet match(SearchContext& context, const BuiltQuery& built, const SearchParams& params,
                   PageSummaries& summaries);

// Runs `query` as one counting-only pass (no hits) whose match spy `spy` counts, within a fresh
// time budget; whether it counted every match.
MatchEnd count_matches(SearchContext& context, const Xapian::Query& query, Xapian::MatchSpy& spy);
// The same with the spies of `counter`.
MatchEnd count_matches(SearchContext& context, const Xapian::Query& query, FacetCounter& counter);

// One result page of `params` (already validated, type set): the envelope from the match,
// each hit from `make_hit(mset, iterator, built, snippets_ms)` (`built` the request's query),
// which adds the milliseconds its snippet work took to snippets_ms. Call inside
// SearchContext::guarded.
template <class HitType, class MakeHit>
ResultPage<HitType> run_page(SearchContext& context, const SearchParams& params, MakeHit&& make) {
    const auto started = std::chrono::steady_clock::now();
    const BuiltQuery built = context.builder().build(params);
    PageSummaries summaries;
    const Xapian::MSet mset = match(context, built, params, summaries);
    ResultPage<HitType> result;
    result.query = params.q;
    result.total = mset.get_matches_estimated();
    result.page = params.page;
    result.size = params.size;
    result.facets = std::move(summaries.facets);
    result.histogram = std::move(summaries.histogram);
    result.end = summaries.end;
    result.suggestion = built.suggestion;
    result.shape = params.shape;
    result.timing.match_ms = summaries.match_ms;
    result.timing.facets_ms = summaries.facets_ms;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        result.hits.push_back(make(mset, it, built, result.timing.snippets_ms));
    result.took_ms = ms_since(started);
    return result;
}

}  // namespace broadsheet::search_internal
