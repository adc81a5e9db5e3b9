// body_terms.cpp — a query's body-markable terms, and the body test from a document's termlist.
#include "core/search/body_terms.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "core/schema.h"

namespace broadsheet {
namespace {

constexpr std::string_view kStemPrefix = "Z";

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}

bool has_wildcard(const Xapian::Query& query) {
    std::vector<Xapian::Query> pending{query};
    while (!pending.empty()) {
        const Xapian::Query node = std::move(pending.back());
        pending.pop_back();
        if (node.get_type() == Xapian::Query::OP_WILDCARD) return true;
        for (std::size_t i = 0; i < node.get_num_subqueries(); ++i)
            pending.push_back(node.get_subquery(i));
    }
    return false;
}

}  // namespace

std::optional<BodyTerms> BodyTerms::make(const Xapian::Query& text) {
    if (std::getenv("XAPIAN_CJK_NGRAM") != nullptr || has_wildcard(text)) return std::nullopt;
    const std::string title(prefix_of(Field::Title));
    std::vector<std::pair<std::string, std::string>> wanted;  // a term, its title form
    for (auto it = text.get_terms_begin(); it != text.get_terms_end(); ++it) {
        const std::string& term = *it;
        if (term.empty()) continue;
        if (term.starts_with(kStemPrefix)) {
            const std::string_view stem = std::string_view(term).substr(kStemPrefix.size());
            // A stem of another field ("ZS…") is no stem of a lowercased body word.
            if (!stem.empty() && is_ascii_upper(stem.front())) continue;
            if (stem.empty() || !is_ascii_lower(stem.front())) return std::nullopt;
            wanted.emplace_back(term, std::string(kStemPrefix) + title + std::string(stem));
            continue;
        }
        // Other prefixed terms (fields, filters) never equal a lowercased body word.
        if (is_ascii_upper(term.front())) continue;
        wanted.emplace_back(term, title + term);
    }
    BodyTerms terms;
    for (const auto& [term, title_form] : wanted) {
        terms.sorted_.push_back(term);
        terms.sorted_.push_back(title_form);
    }
    std::sort(terms.sorted_.begin(), terms.sorted_.end());
    terms.sorted_.erase(std::unique(terms.sorted_.begin(), terms.sorted_.end()),
                        terms.sorted_.end());
    const auto index_of = [&](const std::string& term) {
        return static_cast<std::size_t>(
            std::lower_bound(terms.sorted_.begin(), terms.sorted_.end(), term) -
            terms.sorted_.begin());
    };
    for (const auto& [term, title_form] : wanted)
        terms.pairs_.push_back({index_of(term), index_of(title_form)});
    return terms;
}

bool BodyTerms::in_body(const Xapian::Document& doc) const {
    if (pairs_.empty()) return false;
    std::vector<Xapian::termcount> wdf(sorted_.size(), 0);
    Xapian::TermIterator it = doc.termlist_begin();
    const Xapian::TermIterator end = doc.termlist_end();
    for (std::size_t i = 0; i < sorted_.size() && it != end; ++i) {
        it.skip_to(sorted_[i]);
        if (it != end && *it == sorted_[i]) wdf[i] = it.get_wdf();
    }
    return std::any_of(pairs_.begin(), pairs_.end(),
                       [&](const Pair& pair) { return wdf[pair.term] > wdf[pair.title]; });
}

}  // namespace broadsheet
