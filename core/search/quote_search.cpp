// quote_search.cpp — quote search: quote documents through the same query building, filters and
// facets as article search, each hit the whole quote with query words marked, plus its group.
#include "core/search/quote_search.h"

#include <nlohmann/json.hpp>

#include "core/index/document.h"
#include "core/schema.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

using search_internal::append_escaped;
using search_internal::kMarkEnd;
using search_internal::kMarkStart;

namespace {

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    append_escaped(out, text);
    return out;
}

// `marked` without its <mark> tags.
std::string without_marks(std::string marked) {
    for (const std::string_view tag : {kMarkStart, kMarkEnd}) {
        for (std::size_t at = marked.find(tag); at != std::string::npos; at = marked.find(tag, at))
            marked.erase(at, tag.size());
    }
    return marked;
}

// Whether a quote hit's text marks the query's words (only when there is a query).
enum class QuoteMarking { Plain, QueryWords };

std::optional<QuoteGroupInfo> group_info(Xapian::Database& db, const std::string& group_id) {
    if (group_id.empty()) return std::nullopt;
    QuoteGroupInfo group;
    group.id = group_id;
    group.size = db.get_termfreq(quote_group_term(group_id));
    // The group id is its earliest member's id: that member's date is the first appearance.
    const std::string earliest = term(Field::Id, group_id);
    for (auto it = db.postlist_begin(earliest); it != db.postlist_end(earliest); ++it) {
        group.first_seen = Date::from_slot(db.get_document(*it).get_value(kSlotDate));
        break;
    }
    return group;
}

// How a quote hit marks its text, and where the time marking takes is added up.
struct MarkingWork {
    QuoteMarking marking = QuoteMarking::Plain;
    double* ms = nullptr;
};

// `stemmer` is the calling worker's own (its context's): Xapian objects are never shared.
QuoteHit quote_hit(Xapian::Database& db, const Xapian::MSet& mset, const Xapian::Document& doc,
                   const Xapian::Stem& stemmer, MarkingWork work) {
    // Parsed without exceptions: malformed data is a discarded value, which is no object.
    const nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!data.is_object())
        throw Error(ErrorCode::Internal,
                    "document " + std::to_string(doc.get_docid()) + " holds no quote JSON");
    const auto record = data.get<QuoteRecord>();
    QuoteHit hit;
    hit.id = record.id;
    const std::string& text = record.text;
    hit.text = escaped(text);
    if (work.marking == QuoteMarking::QueryWords) {
        const auto started = std::chrono::steady_clock::now();
        // The snippet generator marks stemmed query words and phrases; asked for more bytes than
        // the quote has, it returns the whole quote but for punctuation at either end, which is
        // put back from the escaped text. Anything else (a trimmed window) is not used.
        const std::string marked = mset.snippet(text, text.size() + 1, stemmer, 0,
                                                std::string(kMarkStart), std::string(kMarkEnd), "");
        const std::string plain = without_marks(marked);
        if (const std::size_t at = hit.text.find(plain); !plain.empty() && at != std::string::npos)
            hit.text = hit.text.substr(0, at) + marked + hit.text.substr(at + plain.size());
        *work.ms += search_internal::ms_since(started);
    }
    hit.speaker = record.speaker;
    hit.cue = record.cue;
    hit.confidence = record.confidence;
    hit.char_begin = record.char_begin;
    hit.char_end = record.char_end;
    hit.article = record.article;
    hit.group = group_info(db, doc.get_value(kSlotQuoteGroup));
    return hit;
}

}  // namespace

QuoteSearchResult search_quotes(SearchContext& context, const SearchParams& params) {
    validate(params);
    SearchParams quotes = params;
    quotes.type = DocumentType::Quote;
    const Xapian::Stem& stemmer = context.stemmer();
    // snippets=0 leaves the words unmarked: marking runs the snippet generator on each quote.
    const QuoteMarking marking = quotes.q.empty() || quotes.shape.snippets == Compute::Skip
                                     ? QuoteMarking::Plain
                                     : QuoteMarking::QueryWords;
    return context.guarded([&] {
        return search_internal::run_page<QuoteHit>(
            context, quotes,
            [&](const Xapian::MSet& mset, const Xapian::MSetIterator& it,
                const BuiltQuery& /*built*/, double& snippets_ms) {
                return quote_hit(context.db(), mset, it.get_document(), stemmer,
                                 {marking, &snippets_ms});
            });
    });
}

std::vector<std::optional<QuoteGroupInfo>> quote_groups(SearchContext& context,
                                                        const Article& article) {
    return context.guarded([&] {
        Xapian::Database& db = context.db();
        std::vector<std::optional<QuoteGroupInfo>> groups;
        for (std::size_t i = 0; i < article.quotes.size(); ++i) {
            const std::string unique = term(Field::Id, quote_id(article, i));
            std::optional<QuoteGroupInfo> group;
            for (auto it = db.postlist_begin(unique); it != db.postlist_end(unique); ++it) {
                group = group_info(db, db.get_document(*it).get_value(kSlotQuoteGroup));
                break;
            }
            groups.push_back(std::move(group));
        }
        return groups;
    });
}

}  // namespace broadsheet
