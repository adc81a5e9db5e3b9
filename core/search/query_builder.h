// query_builder.h — turns SearchParams into Xapian queries, with the QueryParser set up from
// the schema's field table (core/schema.h) and nothing else.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/schema.h"
#include "core/search/search_types.h"

namespace broadsheet {

// The parts of one search's query, kept apart so that a facet's counts can leave out that
// facet's own selection (ticking one outlet still shows the other outlets' counts).
struct BuiltQuery {
    Xapian::Query text;         // parsed q, or match-all when q is empty; of params.type only
    Xapian::Query outlet;       // OR of the selected outlets; an empty Query when none is selected
    Xapian::Query speaker;      // OR of the selected speakers; empty when none
    Xapian::Query not_outlet;   // OR of the excluded outlets (AND_NOT); empty when none
    Xapian::Query not_speaker;  // OR of the excluded speakers (AND_NOT); empty when none
    Xapian::Query date;         // value range over kSlotDate; empty when neither from nor to is set
    Xapian::Query confidence;   // quotes: kSlotConfidence at least min_confidence; empty if unset
    std::optional<std::string> suggestion;  // spelling correction of q, when the index has one
};

// Which facet filter combine() leaves out: ExceptOutlet drops both the outlet selection and the
// outlet exclusions, ExceptSpeaker likewise for speakers.
enum class FacetFilter { All, ExceptOutlet, ExceptSpeaker };

// text AND (outlets) AND (speakers) AND (date range) AND (confidence) AND NOT (excluded outlets)
// AND NOT (excluded speakers), leaving out `which`.
Xapian::Query combine(const BuiltQuery& built, FacetFilter which = FacetFilter::All);

// Whether the query selects or excludes any value of the facet `which` leaves out.
bool filters_facet(const BuiltQuery& built, FacetFilter which);

// Throws Error(InvalidQuery) when q's parentheses do not balance outside "phrases". Xapian's
// parser silently retries such input as plain words (`title:(` becomes the word "title"),
// which would hide the user's mistake instead of reporting it.
void check_query_syntax(std::string_view q);

// What a parsed q asks of the matcher: the quantities the cost caps in search_types.h bound.
struct QueryCost {
    std::size_t terms = 0;      // leaves: words (each word of a phrase), wildcards, date ranges
    std::size_t wildcards = 0;  // wildcard leaves; a `*` inside a "phrase" makes none
    std::size_t phrases = 0;    // OP_PHRASE and OP_NEAR nodes: phrases, ADJ and NEAR groups
    // The wildcard with the fewest characters before its `*` (field prefix left out, lower-cased
    // as the parser does) and that number of Unicode code points; empty and 0 without wildcards.
    std::string shortest_wildcard;
    std::size_t shortest_wildcard_chars = 0;
};

// The cost of a query QueryParser produced (Xapian 1.4 expands wildcards only when the query
// runs, so this is cheap however many index terms they would match).
QueryCost query_cost(const Xapian::Query& parsed);

// Throws Error(InvalidQuery), naming the limit and its value, when `cost` breaks kMaxQueryTerms,
// kMaxQueryWildcards, kMinWildcardPrefixChars or kMaxQueryPhrases.
void check_query_cost(const QueryCost& cost);

class QueryBuilder {
  public:
    // `db` supplies spelling data and wildcard expansion; it must outlive the builder.
    explicit QueryBuilder(const Xapian::Database& db);
    // The same, but spelling corrections come from `spelling` (a generation's spelling-only
    // database, core/index/spelling_table.h) instead of `db`; both must outlive the builder.
    QueryBuilder(const Xapian::Database& db, const Xapian::Database& spelling);

    // The suggestion is Xapian's spelling correction of q without changes to words that occur
    // in the index: a word that matches documents is never corrected.
    // Throws Error(InvalidQuery) naming the problem when q does not parse or breaks a cost cap
    // (check_query_cost). Every endpoint taking q builds through here, after validate(params)
    // (core/search/validate.h) has checked the parameters.
    BuiltQuery build(const SearchParams& params);

  private:
    // Which parser parsed q last: parser_ then also holds its correction.
    enum class Parsed { ByArticleParser, ByQuoteParser };
    // Xapian's correction of q (the corrected query string), or "" when it has none.
    std::string corrected(const std::string& q, Parsed parsed);

    const Xapian::Database& db_;
    Xapian::Stem stemmer_ = make_stemmer();
    Xapian::QueryParser parser_;
    // The same for quote documents, which hold `quote:` words unprefixed (prefix_on).
    Xapian::QueryParser quote_parser_;
    // With a spelling database: a parser set up as parser_ but reading only that database,
    // asked for corrections only. Xapian's parser corrects from the one database it parses
    // against, so another parser is the way to correct from another database.
    std::optional<Xapian::QueryParser> speller_;
};

}  // namespace broadsheet
