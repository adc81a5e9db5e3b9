// search_internal.cpp — the match with exact facets and histogram that every result page runs,
// and the helpers the search features share (sorting, escaping, stored articles, hits).
#include "core/search/search_internal.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/error.h"
#include "core/schema.h"
#include "core/search/browse.h"
#include "core/search/facet_columns.h"
#include "core/search/facet_count.h"
#include "core/search/facets.h"
#include "core/search/histogram.h"

namespace broadsheet::search_internal {
namespace {

bool is_article(const Xapian::Document& doc) {
    const std::string type = term(Field::Type, kTypeArticle);
    auto it = doc.termlist_begin();
    it.skip_to(type);
    return it != doc.termlist_end() && *it == type;
}

}  // namespace

void set_sort(Xapian::Enquire& enquire, SortOrder order, Xapian::MultiValueKeyMaker& keys,
              ShardReach reach) {
    if (reach == ShardReach::Remote && order != SortOrder::Relevance) {
        const bool newest = order == SortOrder::Newest;
        enquire.set_sort_by_value_then_relevance(newest ? kSlotDate : kSlotOldestKey, newest);
        return;
    }
    switch (order) {
        case SortOrder::Relevance:
            return;
        case SortOrder::Newest:
            // Descending: an undated document's empty value sorts last on its own.
            keys.add_value(kSlotDate, true);
            break;
        case SortOrder::Oldest:
            // Ascending: give undated documents a key after every real date so they come last.
            keys.add_value(kSlotDate, false, "99999999");
            break;
    }
    enquire.set_sort_by_key_then_relevance(&keys, false);
}

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
                break;
        }
    }
}

Article parse_article(const Xapian::Document& doc) {
    try {
        return nlohmann::json::parse(doc.get_data()).get<Article>();
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::Internal,
                    "document " + std::to_string(doc.get_docid()) + " holds no article JSON");
    }
}

// What a hit shows when no query word occurs in its body (browsing, filters, title-only match),
// where Xapian's snippet would show an arbitrary window, often the article's last lines.
std::string leading_excerpt(const std::string& body, std::size_t max_bytes) {
    std::size_t cut = body.size();
    if (cut > max_bytes) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
        if (const std::size_t space = body.rfind(' ', cut); space != std::string::npos && space > 0)
            cut = space;
    }
    std::string out;
    out.reserve(cut + 16);
    append_escaped(out, std::string_view(body).substr(0, cut));
    if (cut < body.size()) out += kEllipsis;
    return out;
}

Hit make_hit(Article article, std::string snippet) {
    Hit hit;
    hit.id = std::move(article.id);
    hit.title = std::move(article.title);
    hit.date = article.date;
    hit.outlet = std::move(article.outlet);
    hit.author = std::move(article.author);
    hit.speakers = std::move(article.speakers);
    hit.url = std::move(article.url);
    hit.snippet = std::move(snippet);
    return hit;
}

MatchEnd count_matches(SearchContext& context, const Xapian::Query& query, Xapian::MatchSpy& spy) {
    Xapian::Enquire enquire(context.db());
    enquire.set_query(query);
    enquire.add_matchspy(&spy);
    MatchBudget budget;
    budget.count(enquire, count_all(context.db()), context.reach());
    return budget.end();
}

MatchEnd count_matches(SearchContext& context, const Xapian::Query& query, FacetCounter& counter) {
    Xapian::Enquire enquire(context.db());
    enquire.set_query(query);
    counter.attach(enquire);
    MatchBudget budget;
    budget.count(enquire, count_all(context.db()), context.reach());
    return budget.end();
}

std::vector<FacetValue> cut(std::vector<FacetValue> values, unsigned size,
                            const std::vector<std::string>& selected,
                            const std::vector<std::string>& excluded) {
    const auto is_kept = [&](const std::string& value) {
        return value == kUnknownValue ||
               std::find(selected.begin(), selected.end(), value) != selected.end() ||
               std::find(excluded.begin(), excluded.end(), value) != excluded.end();
    };
    std::vector<FacetValue> listed;
    listed.reserve(std::min<std::size_t>(values.size(), size + 1));
    for (FacetValue& value : values) {
        const bool within = listed.size() < size && value.value != kUnknownValue;
        if (within || is_kept(value.value)) listed.push_back(std::move(value));
    }
    return listed;
}

namespace {

// Which facets a page's match counts, and where: on its ranking pass, or (a facet with a
// selection or exclusion, which must not count itself) on a counting-only pass of its own; all
// from the same columns (or all by value-count spies when there are none: several shards).
struct FacetPlan {
    std::shared_ptr<const FacetColumns> columns;
    bool outlet = false;
    bool speaker = false;
    bool year = false;
    bool histogram = false;
    bool outlet_apart = false;
    bool speaker_apart = false;

    FacetPlan(const BuiltQuery& built, const ResultShape& shape)
        : outlet(shape.facets.contains(FacetName::Outlet)),
          speaker(shape.facets.contains(FacetName::Speaker)),
          year(shape.facets.contains(FacetName::Year)),
          histogram(shape.histogram == Compute::Include),
          outlet_apart(outlet && filters_facet(built, FacetFilter::ExceptOutlet)),
          speaker_apart(speaker && filters_facet(built, FacetFilter::ExceptSpeaker)) {}

    bool any() const { return outlet || speaker || year || histogram; }
    // The histogram counts what `total` counts, so it rides on the ranking pass with the
    // facets that are not apart.
    ColumnFields ranking_pass() const {
        return {.outlet = outlet && !outlet_apart,
                .speaker = speaker && !speaker_apart,
                .dates = year || histogram};
    }
};

// An article search's date range tested on the facet columns' date ordinals instead of by
// OP_VALUE_RANGE, which Xapian 1.4 answers by reading the date value stream: at 100k articles a
// word with a date range cost 4–100× the word alone (docs/design.md).
class DateDecider : public Xapian::MatchDecider {
  public:
    explicit DateDecider(BrowseSlice slice) : slice_(std::move(slice)) {}
    bool operator()(const Xapian::Document& doc) const override {
        return slice_.holds(doc.get_docid());
    }

  private:
    BrowseSlice slice_;
};

// The decider answering `params`' date range exactly, when one can: an article search with a
// date range on one local database whose columns hold every article's date well-formed
// (BrowseSlice::make), where the slot text and the date order agree.
std::unique_ptr<DateDecider> date_decider(SearchContext& context, const BuiltQuery& built,
                                          const SearchParams& params) {
    if (built.date.empty() || params.type != DocumentType::Article ||
        context.reach() != ShardReach::Local)
        return nullptr;
    std::optional<BrowseSlice> slice = BrowseSlice::make(context.columns(), params.from, params.to);
    if (!slice) return nullptr;
    return std::make_unique<DateDecider>(std::move(*slice));
}

// The counting-only passes of `plan` within `budget` (each under `decider` when given), and the
// facet lists and histogram.
void summarise(SearchContext& context, const BuiltQuery& built, const SearchParams& params,
               const FacetPlan& plan, const FacetCounter& main_spy, MatchBudget& budget,
               const Xapian::MatchDecider* decider, PageSummaries& summaries) {
    Xapian::Database& db = context.db();
    const Xapian::doccount all = count_all(db);
    // Each ends at the budget's deadline (or after kLatePassSeconds when the ranking pass spent
    // it), its facet then counting the matches seen.
    FacetCounter outlet_spy(plan.columns, {.outlet = plan.outlet_apart});
    FacetCounter speaker_spy(plan.columns, {.speaker = plan.speaker_apart});
    if (plan.outlet_apart) {
        Xapian::Enquire others(db);
        others.set_query(combine(built, FacetFilter::ExceptOutlet));
        outlet_spy.attach(others);
        budget.count(others, all, context.reach(), decider);
    }
    if (plan.speaker_apart) {
        Xapian::Enquire others(db);
        others.set_query(combine(built, FacetFilter::ExceptSpeaker));
        speaker_spy.attach(others);
        budget.count(others, all, context.reach(), decider);
    }
    summaries.end = budget.end();
    const unsigned size = params.shape.facet_size;
    if (plan.outlet)
        summaries.facets.outlet = cut((plan.outlet_apart ? outlet_spy : main_spy).outlets(), size,
                                      params.outlets, params.not_outlets);
    if (plan.speaker)
        summaries.facets.speaker = cut((plan.speaker_apart ? speaker_spy : main_spy).speakers(),
                                       size, params.speakers, params.not_speakers);
    if (plan.year) summaries.facets.year = main_spy.years();
    if (plan.histogram)
        summaries.histogram = make_histogram(main_spy.histogram_input(params.interval));
}

}  // namespace

Xapian::MSet match(SearchContext& context, const BuiltQuery& request, const SearchParams& params,
                   PageSummaries& summaries) {
    const auto started = std::chrono::steady_clock::now();
    Xapian::Database& db = context.db();
    const Xapian::doccount all = count_all(db);
    MatchBudget budget;
    // The date range moves from the query to a decider when the columns answer it; the other
    // filters stay terms of the query.
    const std::unique_ptr<DateDecider> dates = date_decider(context, request, params);
    const Xapian::MatchDecider* decider = dates.get();
    BuiltQuery built = request;
    if (dates) built.date = Xapian::Query();
    Xapian::Enquire enquire(db);
    enquire.set_query(combine(built));
    budget.apply(enquire);
    Xapian::MultiValueKeyMaker keys;
    set_sort(enquire, effective_sort(params), keys, context.reach());
    const Xapian::doccount first = (params.page - 1) * params.size;
    FacetPlan plan(built, params.shape);
    // Nothing to count: no spies and no second passes. Still exact (`all`), so `total` means
    // the same as with summaries.
    if (!plan.any()) {
        Xapian::MSet mset = enquire.get_mset(first, params.size, all, nullptr, decider);
        budget.record(mset, mset.get_matches_lower_bound());
        summaries.end = budget.end();
        summaries.match_ms = ms_since(started);
        return mset;
    }

    // Facets and the histogram count from the facet columns (never from the documents), or on
    // a database of several shards, which has none, from the values (core/search/facet_count.h).
    plan.columns = context.columns();
    FacetCounter main_spy(plan.columns, plan.ranking_pass());
    // Xapian 1.4 over remote shards shows a spy some matches twice when the match sorts by value
    // and returns hits (150 matches counted as 156 for 10 hits, 172 for 100), so there the
    // spies count on a pass of their own that returns none.
    const bool spies_apart =
        context.reach() == ShardReach::Remote && effective_sort(params) != SortOrder::Relevance;
    Xapian::Enquire counting(db);
    counting.set_query(enquire.get_query());
    main_spy.attach(spies_apart ? counting : enquire);
    Xapian::MSet mset = enquire.get_mset(first, params.size, all, nullptr, decider);
    if (spies_apart) counting.get_mset(0, 0, all);
    budget.record(mset, main_spy.total());
    summaries.match_ms = ms_since(started);
    const auto counted = std::chrono::steady_clock::now();
    summarise(context, built, params, plan, main_spy, budget, decider, summaries);
    summaries.facets_ms = ms_since(counted);
    // The MSet keeps what it needs of the Enquire alive (snippets, documents).
    return mset;
}

Xapian::docid article_docid(Xapian::Database& db, std::string_view id) {
    const std::string unique = term(Field::Id, id);
    if (!id.empty()) {
        for (auto it = db.postlist_begin(unique); it != db.postlist_end(unique); ++it) {
            // Quote documents share the Q prefix ("<article id>~q<n>"); only articles count.
            if (is_article(db.get_document(*it))) return *it;
        }
    }
    throw Error(ErrorCode::NotFound, "no article with this id");
}

}  // namespace broadsheet::search_internal
