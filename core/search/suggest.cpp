// suggest.cpp — as-you-type suggestions: speakers and outlets by the start of any word of their
// name (from the exact-value term lists), and article titles matching what was typed as a
// partial query (the last word may be unfinished).
#include "core/search/suggest.h"

#include <algorithm>

#include "core/schema.h"
#include "core/search/facets.h"
#include "core/search/prefix_match.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

using search_internal::count_all;
using search_internal::parse_article;

namespace {

// Spaces around what was typed do not change what it should suggest.
std::string trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// Exact values of `field` (Speaker or Outlet) with a word starting with `prefix` (case-folded),
// counted over articles only, most articles first, then by name.
std::vector<Suggestion> name_suggestions(Xapian::Database& db, Field field, Xapian::valueno slot,
                                         SuggestionKind kind, const std::string& prefix,
                                         unsigned limit) {
    const std::string field_prefix(prefix_of(field));
    std::vector<Xapian::Query> names;
    for (auto it = db.allterms_begin(field_prefix); it != db.allterms_end(field_prefix); ++it) {
        if (word_starts_with((*it).substr(field_prefix.size()), prefix)) names.emplace_back(*it);
    }
    std::vector<Suggestion> found;
    if (names.empty()) return found;
    // The terms are on quote documents too; one pass over the matching articles counts each
    // name's articles. The spy splits multi-valued slots and reads single values as they are.
    Xapian::ValueCountMatchSpy spy(slot);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()),
                                    Xapian::Query(term(Field::Type, kTypeArticle))));
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, count_all(db));
    for (const auto& [value, count] : name_counts(spy)) {
        // The spy also counts the other names of the same articles (co-speakers).
        if (word_starts_with(value, prefix)) found.push_back({kind, value, count, {}});
    }
    std::sort(found.begin(), found.end(), [](const Suggestion& a, const Suggestion& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.value < b.value;
    });
    if (found.size() > limit) found.resize(limit);
    return found;
}

// Articles whose title matches `typed` as a partial query (every word, the last one as a
// prefix), best matches first.
std::vector<Suggestion> title_suggestions(Xapian::Database& db, const std::string& typed,
                                          unsigned limit) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_AND);
    // A one-letter prefix could expand to thousands of words; the most frequent ones suffice.
    parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                             Xapian::QueryParser::FLAG_PARTIAL);
    // Only FLAG_PARTIAL: half-typed syntax (a lone quote mark, "AND") is read as plain words.
    const Xapian::Query words = parser.parse_query(typed, Xapian::QueryParser::FLAG_PARTIAL,
                                                   std::string(prefix_of(Field::Title)));
    std::vector<Suggestion> found;
    if (words.empty()) return found;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words,
                                    Xapian::Query(term(Field::Type, kTypeArticle))));
    const Xapian::MSet mset = enquire.get_mset(0, limit);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Article article = parse_article(it.get_document());
        if (article.title.empty()) continue;
        found.push_back(
            {SuggestionKind::Title, std::move(article.title), 0, std::move(article.id)});
    }
    return found;
}

}  // namespace

SuggestResult suggest(SearchContext& context, const SuggestParams& params) {
    validate(params);
    SuggestResult result;
    result.query = params.q;
    const std::string typed = trimmed(params.q);
    if (typed.empty()) return result;
    return context.guarded([&] {
        Xapian::Database& db = context.db();
        const std::string prefix = fold_case(typed);
        std::vector<Suggestion> all = name_suggestions(
            db, Field::Speaker, kSlotSpeakers, SuggestionKind::Speaker, prefix, params.limit);
        for (auto& outlet : name_suggestions(db, Field::Outlet, kSlotOutlet, SuggestionKind::Outlet,
                                             prefix, params.limit))
            all.push_back(std::move(outlet));
        for (auto& title : title_suggestions(db, typed, params.limit))
            all.push_back(std::move(title));
        SuggestResult found = result;
        found.suggestions = std::move(all);
        return found;
    });
}

}  // namespace broadsheet
