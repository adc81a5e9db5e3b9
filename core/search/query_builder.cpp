// query_builder.cpp — QueryParser set-up from the field table, filters, and the syntax checks
// Xapian's lenient parser does not make.
#include "core/search/query_builder.h"

#include <string>
#include <vector>

#include "core/error.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

// The `date:` range syntax (date:2017-01-01..2017-12-31) is query syntax, not a term prefix.
constexpr std::string_view kDateRangeName = "date:";

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_SPELLING_CORRECTION;

// OR of the exact terms of `values`; kUnknownValue stands for the documents lacking the field,
// which carry the `missing` term instead.
Xapian::Query any_of(Field field, std::string_view missing,
                     const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const auto& value : values) {
        if (value == kUnknownValue)
            terms.emplace_back(term(Field::Missing, missing));
        else if (!value.empty())
            terms.emplace_back(term(field, value));
    }
    if (terms.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query date_range(const SearchParams& params) {
    if (params.from && params.to) {
        if (*params.from > *params.to)
            throw Error(ErrorCode::InvalidArgument, "from must not be after to");
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, params.from->slot(),
                             params.to->slot());
    }
    if (params.from)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate, params.from->slot());
    if (params.to) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDate, params.to->slot());
    return {};
}

Xapian::Query filter(const Xapian::Query& query, const Xapian::Query& by) {
    if (by.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, by);
}

Xapian::Query exclude(const Xapian::Query& query, const Xapian::Query& excluded) {
    if (excluded.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query, excluded);
}

bool is_curly_quote(std::string_view q, std::size_t i) {
    // U+201C and U+201D, which Xapian also accepts as phrase delimiters.
    return i + 2 < q.size() && q[i] == '\xE2' && q[i + 1] == '\x80' &&
           (q[i + 2] == '\x9C' || q[i + 2] == '\x9D');
}

}  // namespace

Xapian::Query combine(const BuiltQuery& built, FacetFilter which) {
    Xapian::Query query = built.text;
    if (which != FacetFilter::ExceptOutlet) query = filter(query, built.outlet);
    if (which != FacetFilter::ExceptSpeaker) query = filter(query, built.speaker);
    query = filter(filter(query, built.date), built.confidence);
    if (which != FacetFilter::ExceptOutlet) query = exclude(query, built.not_outlet);
    if (which != FacetFilter::ExceptSpeaker) query = exclude(query, built.not_speaker);
    return query;
}

bool filters_facet(const BuiltQuery& built, FacetFilter which) {
    switch (which) {
        case FacetFilter::All:
            return false;
        case FacetFilter::ExceptOutlet:
            return !built.outlet.empty() || !built.not_outlet.empty();
        case FacetFilter::ExceptSpeaker:
            return !built.speaker.empty() || !built.not_speaker.empty();
    }
    return false;
}

void check_query_syntax(std::string_view q) {
    int depth = 0;
    bool in_phrase = false;
    bool group_empty = false;  // nothing but spaces since the last '('
    for (std::size_t i = 0; i < q.size(); ++i) {
        const char c = q[i];
        if (c == '"' || is_curly_quote(q, i)) {
            in_phrase = !in_phrase;
            group_empty = false;
            continue;
        }
        if (in_phrase) continue;
        if (c == '(') {
            ++depth;
            group_empty = true;
        } else if (c == ')') {
            if (depth == 0)
                throw Error(ErrorCode::InvalidQuery,
                            "unbalanced parentheses in q: ')' without '('");
            if (group_empty) throw Error(ErrorCode::InvalidQuery, "empty parentheses in q");
            --depth;
        } else if (c != ' ' && c != '\t') {
            group_empty = false;
        }
    }
    if (depth > 0)
        throw Error(ErrorCode::InvalidQuery, "unbalanced parentheses in q: '(' without ')'");
}

QueryBuilder::QueryBuilder(const Xapian::Database& db) {
    parser_.set_database(db);
    parser_.set_stemmer(make_stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.set_max_expansion(
        kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
        Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    for (const FieldSpec& spec : field_table()) {
        if (spec.query_name.empty()) continue;
        const std::string name(spec.query_name);
        const std::string prefix(spec.prefix);
        if (spec.kind == FieldKind::FreeText) parser_.add_prefix(name, prefix);
        if (spec.kind == FieldKind::Boolean) parser_.add_boolean_prefix(name, prefix);
    }
    parser_.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(kSlotDate, std::string(kDateRangeName)))->release());
}

BuiltQuery QueryBuilder::build(const SearchParams& params) {
    BuiltQuery built;
    Xapian::Query text;
    if (params.q.empty()) {
        // Built per request: the shared static Query::MatchAll is reference-counted without
        // locking, so sharing it across worker threads would race.
        text = Xapian::Query(std::string());
    } else {
        check_query_syntax(params.q);
        try {
            text = parser_.parse_query(params.q, kParserFlags);
        } catch (const Xapian::QueryParserError& e) {
            throw Error(ErrorCode::InvalidQuery, "q does not parse: " + e.get_msg());
        } catch (const Xapian::RangeError& e) {
            throw Error(ErrorCode::InvalidQuery, "q has a bad date range: " + e.get_msg());
        }
        const std::string corrected = parser_.get_corrected_query_string();
        if (!corrected.empty() && corrected != params.q) built.suggestion = corrected;
    }
    const std::string_view type = params.type == DocumentType::Quote ? kTypeQuote : kTypeArticle;
    built.text =
        Xapian::Query(Xapian::Query::OP_FILTER, text, Xapian::Query(term(Field::Type, type)));
    built.outlet = any_of(Field::Outlet, kMissingOutlet, params.outlets);
    built.speaker = any_of(Field::Speaker, kMissingSpeaker, params.speakers);
    built.not_outlet = any_of(Field::Outlet, kMissingOutlet, params.not_outlets);
    built.not_speaker = any_of(Field::Speaker, kMissingSpeaker, params.not_speakers);
    built.date = date_range(params);
    if (params.min_confidence)
        built.confidence = Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotConfidence,
                                         Xapian::sortable_serialise(*params.min_confidence));
    return built;
}

}  // namespace broadsheet
