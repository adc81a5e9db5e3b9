// query_builder.cpp — QueryParser set-up from the field table, filters, and the syntax checks
// Xapian's lenient parser does not make.
#include "core/search/query_builder.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/schema.h"
#include "core/search/prefix_match.h"

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

// The pattern of a wildcard leaf, field prefix included, read from Xapian 1.4's description of
// it ("Query(WILDCARD SYNONYM Ssyr)"): the Query API has no accessor for it. Empty when the
// description has another shape, which makes check_query_cost refuse the wildcard.
std::string wildcard_pattern(const Xapian::Query& leaf) {
    constexpr std::string_view kHead = "Query(WILDCARD ";
    const std::string text = leaf.get_description();
    if (!text.starts_with(kHead) || !text.ends_with(')')) return {};
    // After the head comes the name of the operator combining the expansion, then the pattern.
    const std::size_t space = text.find(' ', kHead.size());
    if (space == std::string::npos) return {};
    return text.substr(space + 1, text.size() - 1 - (space + 1));
}

// The pattern without its field's term prefix (title:syr* has the pattern "Ssyr").
std::string_view without_field_prefix(std::string_view pattern) {
    const std::optional<Field> field = field_of_term(pattern);
    if (!field) return pattern;
    return pattern.substr(prefix_of(*field).size());
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) ++n;
    return n;
}

bool counts_as_term(const Xapian::Query& leaf) {
    const Xapian::Query::op type = leaf.get_type();
    return type != Xapian::Query::LEAF_MATCH_ALL && type != Xapian::Query::LEAF_MATCH_NOTHING;
}

// A phrase (QueryParser makes ADJ one too) or a NEAR group.
bool is_positional(const Xapian::Query& query) {
    const Xapian::Query::op type = query.get_type();
    return type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR;
}

// `text` split at spaces, empty pieces dropped.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Whether the plain word `word` (no field prefix, no syntax) is a term of the index, as typed
// or as its stem.
bool indexed(const Xapian::Database& db, const std::string& word, const Xapian::Stem& stemmer) {
    const std::string folded = fold_case(word);
    return db.term_exists(folded) || db.term_exists("Z" + stemmer(folded));
}

// A word useful_correction never changes when the index has it: no field prefix or syntax.
bool is_plain_word(const std::string& word) {
    return word.find_first_of(":\"()*+-") == std::string::npos;
}

// Whether every word of q is plain and in the index, so that useful_correction would keep each
// as typed whatever Xapian proposed: then asking Xapian for a correction (a search of the
// spelling table per word, a sixth of a rare word's request) cannot change the answer.
bool nothing_to_correct(const Xapian::Database& db, const std::string& q,
                        const Xapian::Stem& stemmer) {
    for (const std::string& word : words_of(q))
        if (!is_plain_word(word) || !indexed(db, word, stemmer)) return false;
    return true;
}

// Xapian's correction of q, keeping every word of q that occurs in the index: Xapian proposes
// corrections from its spelling table (title and body words), so a word found only elsewhere,
// or less often than a near neighbour, would be "corrected" although it matches documents.
// nullopt when nothing is left to correct.
std::optional<std::string> useful_correction(const Xapian::Database& db, const std::string& q,
                                             const std::string& corrected) {
    if (corrected.empty() || corrected == q) return std::nullopt;
    const std::vector<std::string> typed = words_of(q);
    std::vector<std::string> proposed = words_of(corrected);
    if (typed.size() != proposed.size()) return corrected;
    const Xapian::Stem stemmer = make_stemmer();
    bool changed = false;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        if (typed[i] == proposed[i]) continue;
        if (is_plain_word(typed[i]) && indexed(db, typed[i], stemmer))
            proposed[i] = typed[i];
        else
            changed = true;
    }
    if (!changed) return std::nullopt;
    std::string joined;
    for (const std::string& word : proposed) joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

// Field prefixes (as documents of `kind` index them), stemming, wildcard limits and date ranges
// as the schema says, over `db`.
void configure_parser(Xapian::QueryParser& parser, const Xapian::Database& db,
                      const Xapian::Stem& stemmer, DocumentKind kind) {
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.set_max_expansion(
        kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
        Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    for (const FieldSpec& spec : field_table()) {
        if (spec.query_name.empty()) continue;
        const std::string name(spec.query_name);
        const std::string prefix(prefix_on(spec.field, kind));
        if (spec.kind == FieldKind::FreeText) parser.add_prefix(name, prefix);
        if (spec.kind == FieldKind::Boolean) parser.add_boolean_prefix(name, prefix);
    }
    parser.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(kSlotDate, std::string(kDateRangeName)))->release());
}

}  // namespace

QueryCost query_cost(const Xapian::Query& parsed) {
    QueryCost cost;
    // Depth-first over the query tree without recursion: deep parentheses cannot overflow it.
    std::vector<Xapian::Query> pending{parsed};
    while (!pending.empty()) {
        const Xapian::Query query = std::move(pending.back());
        pending.pop_back();
        const std::size_t children = query.get_num_subqueries();
        for (std::size_t i = 0; i < children; ++i) pending.push_back(query.get_subquery(i));
        if (is_positional(query)) ++cost.phrases;
        if (children > 0 || !counts_as_term(query)) continue;
        ++cost.terms;
        if (query.get_type() != Xapian::Query::OP_WILDCARD) continue;
        ++cost.wildcards;
        const std::string pattern = wildcard_pattern(query);
        const std::string_view literal = without_field_prefix(pattern);
        const std::size_t chars = code_points(literal);
        if (cost.wildcards == 1 || chars < cost.shortest_wildcard_chars) {
            cost.shortest_wildcard = std::string(literal) + "*";
            cost.shortest_wildcard_chars = chars;
        }
    }
    return cost;
}

void check_query_cost(const QueryCost& cost) {
    // Wildcards first: a query of many short wildcards hears about them, not about its length.
    if (cost.wildcards > kMaxQueryWildcards)
        throw Error(ErrorCode::InvalidQuery,
                    "q has " + std::to_string(cost.wildcards) + " wildcards; at most " +
                        std::to_string(kMaxQueryWildcards) + " are allowed");
    if (cost.wildcards > 0 && cost.shortest_wildcard_chars < kMinWildcardPrefixChars)
        throw Error(ErrorCode::InvalidQuery, "q has the wildcard " + cost.shortest_wildcard +
                                                 ": a wildcard needs at least " +
                                                 std::to_string(kMinWildcardPrefixChars) +
                                                 " characters before *");
    // Phrases before terms: many phrases are refused for what makes them costly.
    if (cost.phrases > kMaxQueryPhrases)
        throw Error(ErrorCode::InvalidQuery,
                    "q has " + std::to_string(cost.phrases) +
                        " phrase or NEAR/ADJ groups; at most " + std::to_string(kMaxQueryPhrases) +
                        " are allowed (a hyphenated word such as well-known is a phrase too)");
    if (cost.terms > kMaxQueryTerms)
        throw Error(ErrorCode::InvalidQuery,
                    "q has " + std::to_string(cost.terms) + " terms; at most " +
                        std::to_string(kMaxQueryTerms) +
                        " are allowed (words, wildcards and date ranges each count)");
}

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

QueryBuilder::QueryBuilder(const Xapian::Database& db) : db_(db) {
    configure_parser(parser_, db, stemmer_, DocumentKind::Article);
    configure_parser(quote_parser_, db, stemmer_, DocumentKind::Quote);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Xapian::Database& spelling) : db_(db) {
    configure_parser(parser_, db, stemmer_, DocumentKind::Article);
    configure_parser(quote_parser_, db, stemmer_, DocumentKind::Quote);
    speller_.emplace();
    configure_parser(*speller_, spelling, stemmer_, DocumentKind::Article);
}

std::string QueryBuilder::corrected(const std::string& q, Parsed parsed) {
    if (!speller_) {
        // Corrections are the article parser's, whichever type is searched, so a quote search
        // suggests what an article search with the same q does.
        if (parsed == Parsed::ByQuoteParser) parser_.parse_query(q, kParserFlags);
        return parser_.get_corrected_query_string();
    }
    // The same parse as parser_'s, so the same words are corrected at the same places; only
    // the spelling table differs. Its query is not used (parser_'s is the search).
    speller_->parse_query(q, kParserFlags);
    return speller_->get_corrected_query_string();
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
        const bool correct = !nothing_to_correct(db_, params.q, stemmer_);
        // Quote documents index `quote:` words unprefixed (prefix_on), so they have a parser
        // of their own; corrections always come from parser_ or speller_ (corrected()).
        const bool quotes = params.type == DocumentType::Quote;
        Xapian::QueryParser& parser = quotes ? quote_parser_ : parser_;
        const unsigned flags = correct && !speller_ && !quotes
                                   ? kParserFlags
                                   : kParserFlags & ~Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        try {
            text = parser.parse_query(params.q, flags);
        } catch (const Xapian::QueryParserError& e) {
            throw Error(ErrorCode::InvalidQuery, "q does not parse: " + e.get_msg());
        } catch (const Xapian::RangeError& e) {
            throw Error(ErrorCode::InvalidQuery, "q has a bad date range: " + e.get_msg());
        }
        check_query_cost(query_cost(text));
        if (correct)
            built.suggestion = useful_correction(
                db_, params.q,
                corrected(params.q, quotes ? Parsed::ByQuoteParser : Parsed::ByArticleParser));
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
