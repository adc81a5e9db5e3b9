// speakers.cpp — the speaker list (from the XSPEAKER: term list) and speaker profiles: counts,
// outlets, quotes per month, characteristic terms (Xapian's expand set) and recent quotes.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/schema.h"
#include "core/search/facets.h"
#include "core/search/prefix_match.h"
#include "core/search/search_internal.h"
#include "core/search/searcher.h"

namespace broadsheet {

using search_internal::count_all;
using search_internal::guarded;

namespace {

// Quote documents of a speaker that feed the expand set: the newest ones, so the work stays
// bounded for prolific speakers.
constexpr Xapian::doccount kExpandDocuments = 500;
constexpr std::size_t kMinTermBytes = 3;

// Common English function words: they say nothing about what a speaker talks about.
const std::set<std::string, std::less<>>& stopwords() {
    static const std::set<std::string, std::less<>> words = {
        "a",       "about",  "after",   "again",  "all",     "also",     "am",        "an",
        "and",     "any",    "are",     "as",     "at",      "be",       "been",      "before",
        "being",   "both",   "but",     "by",     "can",     "could",    "did",       "do",
        "does",    "doing",  "don",     "down",   "each",    "for",      "from",      "had",
        "has",     "have",   "having",  "he",     "her",     "here",     "hers",      "him",
        "his",     "how",    "i",       "if",     "in",      "into",     "is",        "it",
        "its",     "just",   "let",     "may",    "me",      "might",    "more",      "most",
        "much",    "must",   "my",      "no",     "nor",     "not",      "now",       "of",
        "off",     "on",     "once",    "one",    "only",    "or",       "other",     "our",
        "ours",    "out",    "over",    "own",    "said",    "same",     "say",       "she",
        "should",  "so",     "some",    "such",   "than",    "that",     "the",       "their",
        "theirs",  "them",   "then",    "there",  "these",   "they",     "this",      "those",
        "through", "to",     "too",     "under",  "until",   "up",       "us",        "very",
        "was",     "we",     "were",    "what",   "when",    "where",    "which",     "while",
        "who",     "whom",   "why",     "will",   "with",    "would",    "yes",       "you",
        "your",    "yours",  "going",   "want",   "think",   "there's",  "it's",      "we're",
        "i'm",     "don't",  "can't",   "that's", "they're", "we've",    "won't",     "wouldn't",
        "isn't",   "didn't", "doesn't", "aren't", "wasn't",  "couldn't", "shouldn't", "haven't",
        "hasn't",  "i've",   "i'd",     "you're", "he's",    "she's",    "let's",     "there're",
    };
    return words;
}

// Keeps plain words: no prefixed terms (field prefixes and Z-stemmed forms start with a
// capital), no numbers, no stopwords, nothing too short to mean anything.
class PlainWordDecider : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        if (term.size() < kMinTermBytes) return false;
        const auto first = static_cast<unsigned char>(term[0]);
        if (std::isupper(first)) return false;
        if (term.find_first_not_of("0123456789.,") == std::string::npos) return false;
        if (std::isdigit(first)) return false;
        return stopwords().find(term) == stopwords().end();
    }
};

Xapian::Query quotes_of(const std::string& name) {
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term(Field::Speaker, name)),
                         Xapian::Query(term(Field::Type, kTypeQuote)));
}

}  // namespace

std::size_t Searcher::count(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    return enquire.get_mset(0, 0, count_all(db_)).get_matches_estimated();
}

std::vector<SpeakerSummary> Searcher::speakers(const SpeakersParams& params) {
    if (params.limit < 1 || params.limit > kMaxSpeakerLimit)
        throw Error(ErrorCode::InvalidArgument,
                    "limit must be an integer from 1 to " + std::to_string(kMaxSpeakerLimit));
    if (params.prefix.size() > kMaxSpeakerNameBytes)
        throw Error(ErrorCode::InvalidArgument,
                    "prefix must be at most " + std::to_string(kMaxSpeakerNameBytes) + " bytes");
    return guarded(db_, [&] {
        const std::string prefix = fold_case(params.prefix);
        const std::string speaker_prefix(prefix_of(Field::Speaker));
        std::vector<SpeakerSummary> found;
        std::vector<Xapian::Query> names;
        for (auto it = db_.allterms_begin(speaker_prefix); it != db_.allterms_end(speaker_prefix);
             ++it) {
            std::string name = (*it).substr(speaker_prefix.size());
            if (!word_starts_with(name, prefix)) continue;
            names.emplace_back(*it);
            found.push_back({std::move(name), it.get_termfreq(), 0});
        }
        if (found.empty()) return found;
        // One pass over the matching speakers' quote documents counts every speaker's quotes.
        MultiValueCountSpy spy(kSlotSpeakers);
        Xapian::Enquire enquire(db_);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER,
                          Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()),
                          Xapian::Query(term(Field::Type, kTypeQuote))));
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, count_all(db_));
        for (auto& speaker : found) {
            const auto it = spy.counts().find(speaker.name);
            speaker.quotes = it == spy.counts().end() ? 0 : it->second;
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

SpeakerProfile Searcher::speaker(std::string_view name) {
    if (name.empty() || name.size() > kMaxSpeakerNameBytes)
        throw Error(
            ErrorCode::InvalidArgument,
            "the speaker name must be 1 to " + std::to_string(kMaxSpeakerNameBytes) + " bytes");
    SpeakerProfile profile = guarded(db_, [&] {
        SpeakerProfile found;
        found.summary.name = std::string(name);
        const std::string speaker_term = term(Field::Speaker, name);
        const std::size_t documents = db_.get_termfreq(speaker_term);
        if (documents == 0) throw Error(ErrorCode::NotFound, "no speaker with this name");

        const Xapian::Query quotes = quotes_of(found.summary.name);
        Xapian::Enquire enquire(db_);
        enquire.set_query(quotes);
        Xapian::ValueCountMatchSpy outlets(kSlotOutlet);
        Xapian::ValueCountMatchSpy dates(kSlotDate);
        enquire.add_matchspy(&outlets);
        enquire.add_matchspy(&dates);
        found.summary.quotes = enquire.get_mset(0, 0, count_all(db_)).get_matches_estimated();
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
        found.terms = characteristic_terms(quotes);
        return found;
    });
    SearchParams recent;
    recent.speakers = {std::string(name)};
    recent.sort = SortOrder::Newest;
    recent.size = kProfileRecentQuotes;
    profile.recent_quotes = search_quotes(recent).hits;
    return profile;
}

std::vector<TermWeight> Searcher::characteristic_terms(const Xapian::Query& quotes) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(quotes);
    Xapian::MultiValueKeyMaker keys;
    search_internal::set_sort(enquire, SortOrder::Newest, keys);
    const Xapian::MSet mset = enquire.get_mset(0, kExpandDocuments);
    Xapian::RSet relevant;
    for (auto it = mset.begin(); it != mset.end(); ++it) relevant.add_document(*it);
    std::vector<TermWeight> terms;
    if (relevant.empty()) return terms;
    const PlainWordDecider decider;
    const Xapian::ESet eset = enquire.get_eset(kProfileTerms, relevant, &decider);
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.push_back({*it, it.get_weight()});
    return terms;
}

}  // namespace broadsheet
