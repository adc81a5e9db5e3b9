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

std::string string_or_empty(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t size_or_zero(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

std::optional<Date> date_of(const nlohmann::json& object) {
    return Date::from_iso(string_or_empty(object, "date"));
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

// `stemmer` is the calling request's own: Xapian objects are never shared between workers.
QuoteHit quote_hit(Xapian::Database& db, const Xapian::MSet& mset, const Xapian::Document& doc,
                   const Xapian::Stem& stemmer, QuoteMarking marking) {
    nlohmann::json data;
    try {
        data = nlohmann::json::parse(doc.get_data());
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::Internal,
                    "document " + std::to_string(doc.get_docid()) + " holds no quote JSON");
    }
    if (!data.is_object())
        throw Error(ErrorCode::Internal,
                    "document " + std::to_string(doc.get_docid()) + " holds no quote JSON");
    QuoteHit hit;
    hit.id = string_or_empty(data, "id");
    const std::string text = string_or_empty(data, "text");
    hit.text = escaped(text);
    if (marking == QuoteMarking::QueryWords) {
        // The snippet generator marks stemmed query words and phrases; asked for more bytes than
        // the quote has, it returns the whole quote but for punctuation at either end, which is
        // put back from the escaped text. Anything else (a trimmed window) is not used.
        const std::string marked = mset.snippet(text, text.size() + 1, stemmer, 0,
                                                std::string(kMarkStart), std::string(kMarkEnd), "");
        const std::string plain = without_marks(marked);
        if (const std::size_t at = hit.text.find(plain); !plain.empty() && at != std::string::npos)
            hit.text = hit.text.substr(0, at) + marked + hit.text.substr(at + plain.size());
    }
    hit.speaker = string_or_empty(data, "speaker");
    hit.cue = string_or_empty(data, "cue");
    if (const auto it = data.find("confidence"); it != data.end() && it->is_number())
        hit.confidence = it->get<double>();
    hit.char_begin = size_or_zero(data, "char_begin");
    hit.char_end = size_or_zero(data, "char_end");
    if (const auto it = data.find("article"); it != data.end() && it->is_object()) {
        hit.article.id = string_or_empty(*it, "id");
        hit.article.title = string_or_empty(*it, "title");
        hit.article.date = date_of(*it);
        hit.article.outlet = string_or_empty(*it, "outlet");
        hit.article.url = string_or_empty(*it, "url");
    }
    hit.group = group_info(db, doc.get_value(kSlotQuoteGroup));
    return hit;
}

}  // namespace

QuoteSearchResult search_quotes(SearchContext& context, const SearchParams& params) {
    validate(params);
    SearchParams quotes = params;
    quotes.type = DocumentType::Quote;
    const Xapian::Stem stemmer = make_stemmer();
    const QuoteMarking marking = quotes.q.empty() ? QuoteMarking::Plain : QuoteMarking::QueryWords;
    return context.guarded([&] {
        return search_internal::run_page<QuoteHit>(
            context, quotes, [&](const Xapian::MSet& mset, const Xapian::MSetIterator& it) {
                return quote_hit(context.db(), mset, it.get_document(), stemmer, marking);
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
