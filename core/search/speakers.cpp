// speakers.cpp — the speaker list (from the XSPEAKER: term list) and speaker profiles: counts,
// outlets, quotes per month, characteristic terms (Xapian's expand set) and recent quotes.
#include "core/search/speakers.h"

#include <algorithm>
#include <map>

#include "core/schema.h"
#include "core/search/expand.h"
#include "core/search/facets.h"
#include "core/search/prefix_match.h"
#include "core/search/quote_search.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

using search_internal::count_all;

namespace {

// Quote documents of a speaker that feed the expand set: the newest ones, so the work stays
// bounded for prolific speakers.
constexpr Xapian::doccount kExpandDocuments = 500;

Xapian::Query quotes_of(const std::string& name) {
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term(Field::Speaker, name)),
                         Xapian::Query(term(Field::Type, kTypeQuote)));
}

std::vector<TermWeight> characteristic_terms(Xapian::Database& db, const Xapian::Query& quotes,
                                             ShardReach reach) {
    Xapian::Enquire enquire(db);
    enquire.set_query(quotes);
    Xapian::MultiValueKeyMaker keys;
    search_internal::set_sort(enquire, SortOrder::Newest, keys, reach);
    const Xapian::MSet mset = enquire.get_mset(0, kExpandDocuments);
    Xapian::RSet relevant;
    for (auto it = mset.begin(); it != mset.end(); ++it) relevant.add_document(*it);
    std::vector<TermWeight> terms;
    if (relevant.empty()) return terms;
    // Quote documents hold the quote's words in the unprefixed field as well (core/index).
    const FieldWordDecider decider(Field::Body);
    const Xapian::ESet eset = enquire.get_eset(kProfileTerms, relevant, kExactOverShards, &decider);
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.push_back({*it, it.get_weight()});
    return terms;
}

}  // namespace

std::vector<SpeakerSummary> speakers(SearchContext& context, const SpeakersParams& params) {
    validate(params);
    return context.guarded([&] {
        Xapian::Database& db = context.db();
        const std::string prefix = fold_case(params.prefix);
        const std::string speaker_prefix(prefix_of(Field::Speaker));
        std::vector<SpeakerSummary> found;
        std::vector<Xapian::Query> names;
        for (auto it = db.allterms_begin(speaker_prefix); it != db.allterms_end(speaker_prefix);
             ++it) {
            std::string name = (*it).substr(speaker_prefix.size());
            if (!word_starts_with(name, prefix)) continue;
            names.emplace_back(*it);
            found.push_back({std::move(name), it.get_termfreq(), 0});
        }
        if (found.empty()) return found;
        // One pass over the matching speakers' quote documents counts every speaker's quotes.
        Xapian::ValueCountMatchSpy spy(kSlotSpeakers);
        Xapian::Enquire enquire(db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER,
                          Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()),
                          Xapian::Query(term(Field::Type, kTypeQuote))));
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, count_all(db));
        const std::map<std::string, std::size_t> quotes = name_counts(spy);
        for (auto& speaker : found) {
            const auto it = quotes.find(speaker.name);
            speaker.quotes = it == quotes.end() ? 0 : it->second;
            // The term frequency counts articles and quotes alike.
            speaker.articles =
                speaker.articles >= speaker.quotes ? speaker.articles - speaker.quotes : 0;
        }
        std::sort(found.begin(), found.end(), [](const SpeakerSummary& a, const SpeakerSummary& b) {
            if (a.quotes != b.quotes) return a.quotes > b.quotes;
            return a.name < b.name;
        });
        if (found.size() > params.limit) found.resize(params.limit);
        return found;
    });
}

SpeakerProfile speaker_profile(SearchContext& context, std::string_view name) {
    validate_speaker_name(name);
    SpeakerProfile profile = context.guarded([&] {
        Xapian::Database& db = context.db();
        SpeakerProfile found;
        found.summary.name = std::string(name);
        const std::string speaker_term = term(Field::Speaker, name);
        const std::size_t documents = db.get_termfreq(speaker_term);
        if (documents == 0) throw Error(ErrorCode::NotFound, "no speaker with this name");

        const Xapian::Query quotes = quotes_of(found.summary.name);
        Xapian::Enquire enquire(db);
        enquire.set_query(quotes);
        Xapian::ValueCountMatchSpy outlets(kSlotOutlet);
        Xapian::ValueCountMatchSpy dates(kSlotDate);
        enquire.add_matchspy(&outlets);
        enquire.add_matchspy(&dates);
        found.summary.quotes = enquire.get_mset(0, 0, count_all(db)).get_matches_estimated();
        found.summary.articles = documents - std::min(documents, found.summary.quotes);
        found.outlets = sorted_facet(outlets);
        // Dates sort as YYYYMMDD, so the months come out in order.
        std::map<std::string, std::size_t> months;
        for (auto it = dates.values_begin(); it != dates.values_end(); ++it) {
            const std::string day = *it;
            if (day.size() < 6) continue;
            months[day.substr(0, 4) + "-" + day.substr(4, 2)] += it.get_termfreq();
        }
        for (const auto& [month, n] : months) found.per_month.push_back({month, n});
        found.terms = characteristic_terms(db, quotes, context.reach());
        return found;
    });
    SearchParams recent;
    recent.speakers = {std::string(name)};
    recent.sort = SortOrder::Newest;
    recent.size = kProfileRecentQuotes;
    profile.recent_quotes = search_quotes(context, recent).hits;
    return profile;
}

}  // namespace broadsheet
