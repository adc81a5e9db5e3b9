// facet_values.cpp — one facet's values by word prefix, with their counts under a search's query
// and filters: the typeahead inside long facet lists (GET /api/facets/{name}).
#include "core/search/facet_values.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/schema.h"
#include "core/search/facets.h"
#include "core/search/prefix_match.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {

namespace {

struct FacetRow {
    FacetName facet;
    std::string_view name;
    ValueSlot slot;
    FacetFilter own_filter;  // what combine() leaves out so the facet ignores its own selection
};

// The year facet has no selection parameter of its own: the page selects years through the date
// range, which facet_values() drops instead.
constexpr FacetRow kFacets[] = {
    {FacetName::Outlet, "outlet", kSlotOutlet, FacetFilter::ExceptOutlet},
    {FacetName::Speaker, "speaker", kSlotSpeakers, FacetFilter::ExceptSpeaker},
    {FacetName::Year, "year", kSlotYear, FacetFilter::All},
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

void to_json(nlohmann::json& out, const FacetValues& values) {
    out = nlohmann::json{{"facet", std::string(name_of(values.facet))},
                         {"prefix", values.prefix},
                         {"values", values.values},
                         {"total_values", values.total_values},
                         {"timed_out", values.end == MatchEnd::TimedOut}};
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
        MultiValueCountSpy spy(row.slot);
        FacetValues result;
        result.end = search_internal::count_matches(context, combine(built, row.own_filter), spy);
        result.facet = params.facet;
        result.prefix = params.prefix;
        const std::string prefix = fold_case(params.prefix);
        for (FacetValue& value : sorted_facet(spy)) {
            // A year is never missing as a selectable value: there is no year filter to pick it.
            if (params.facet == FacetName::Year && value.value == kUnknownValue) continue;
            if (!word_starts_with(value.value, prefix)) continue;
            ++result.total_values;
            if (result.values.size() < params.limit) result.values.push_back(std::move(value));
        }
        return result;
    });
}

}  // namespace broadsheet
