// facet_values.cpp — one facet's values by word prefix, with their counts under a search's query
// and filters, counted from the facet columns (value-count spies on several shards): the typeahead
// inside long facet lists (GET /api/facets/{name}).
#include "core/search/facet_values.h"

#include <algorithm>

#include "core/schema.h"
#include "core/search/facet_count.h"
#include "core/search/facets.h"
#include "core/search/prefix_match.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

namespace {

struct FacetRow {
    FacetName facet;
    std::string_view name;
    ColumnFields counted;    // the facet column that counts it
    FacetFilter own_filter;  // what combine() leaves out so the facet ignores its own selection
};

// The year facet has no selection parameter of its own: the page selects years through the date
// range, which facet_values() drops instead.
constexpr FacetRow kFacets[] = {
    {FacetName::Outlet, "outlet", {.outlet = true}, FacetFilter::ExceptOutlet},
    {FacetName::Speaker, "speaker", {.speaker = true}, FacetFilter::ExceptSpeaker},
    {FacetName::Year, "year", {.dates = true}, FacetFilter::All},
};

const FacetRow& row_of(FacetName facet) {
    for (const auto& row : kFacets)
        if (row.facet == facet) return row;
    throw Error(ErrorCode::Internal, "facet without a table row");
}

}  // namespace

std::optional<FacetName> facet_named(std::string_view name) {
    for (const auto& row : kFacets)
        if (row.name == name) return row.facet;
    return std::nullopt;
}

std::string_view name_of(FacetName facet) {
    return row_of(facet).name;
}

FacetValues facet_values(SearchContext& context, const FacetValuesParams& params) {
    validate(params);
    const FacetRow& row = row_of(params.facet);
    SearchParams filters = params.filters;
    if (filters.type == DocumentType::Article) filters.min_confidence.reset();
    if (params.facet == FacetName::Year) {
        filters.from.reset();
        filters.to.reset();
    }
    return context.guarded([&] {
        const BuiltQuery built = context.builder().build(filters);
        FacetCounter spy(context.columns(), row.counted);
        FacetValues result;
        result.end = search_internal::count_matches(context, combine(built, row.own_filter), spy);
        result.facet = params.facet;
        result.prefix = params.prefix;
        const std::string prefix = fold_case(params.prefix);
        // A year is never missing as a selectable value: there is no year filter to pick it, so
        // years() lists no "(unknown)".
        std::vector<FacetValue> counted = params.facet == FacetName::Outlet    ? spy.outlets()
                                          : params.facet == FacetName::Speaker ? spy.speakers()
                                                                               : spy.years();
        for (FacetValue& value : counted) {
            if (!word_starts_with(value.value, prefix)) continue;
            ++result.total_values;
            if (result.values.size() < params.limit) result.values.push_back(std::move(value));
        }
        return result;
    });
}

}  // namespace broadsheet
