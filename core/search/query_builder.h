// query_builder.h — turns SearchParams into Xapian queries, with the QueryParser set up from
// the schema's field table (core/schema.h) and nothing else.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

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

class QueryBuilder {
  public:
    // `db` supplies spelling data and wildcard expansion; it must outlive the builder.
    explicit QueryBuilder(const Xapian::Database& db);

    // Throws Error(InvalidQuery) naming the problem when q does not parse, and
    // Error(InvalidArgument) when `from` is after `to`.
    BuiltQuery build(const SearchParams& params);

  private:
    Xapian::QueryParser parser_;
};

}  // namespace broadsheet
