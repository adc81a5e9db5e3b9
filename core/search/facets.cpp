// facets.cpp — multi-value facet spy and the count-then-value ordering of facet lists.
#include "core/search/facets.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/schema.h"

namespace broadsheet {

std::vector<FacetValue> sort_by_count(std::vector<FacetValue> values) {
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.value < b.value;
    });
    return values;
}

void MultiValueCountSpy::operator()(const Xapian::Document& doc, double /*wt*/) {
    const std::string joined = doc.get_value(slot_);
    std::set<std::string_view> seen;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find(kMultiValueSeparator, start);
        if (end == std::string::npos) end = joined.size();
        const std::string_view value(joined.data() + start, end - start);
        if (!value.empty() && seen.insert(value).second) ++counts_[std::string(value)];
        start = end + 1;
    }
    if (seen.empty()) ++missing_;
}

Xapian::MatchSpy* MultiValueCountSpy::clone() const {
    return new MultiValueCountSpy(slot_);
}

std::string MultiValueCountSpy::name() const {
    return "broadsheet::MultiValueCountSpy";
}

std::set<std::string_view> split_names(std::string_view joined) {
    std::set<std::string_view> names;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find(kMultiValueSeparator, start);
        if (end == std::string_view::npos) end = joined.size();
        if (end > start) names.insert(joined.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

std::map<std::string, std::size_t> name_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, std::size_t> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string joined = *it;
        for (std::string_view name : split_names(joined))
            counts[std::string(name)] += static_cast<std::size_t>(it.get_termfreq());
    }
    return counts;
}

std::vector<FacetValue> sorted_facet(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetValue> values;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        values.push_back({*it, static_cast<std::size_t>(it.get_termfreq())});
    return sort_by_count(std::move(values));
}

std::vector<FacetValue> sorted_facet(const MultiValueCountSpy& spy) {
    std::vector<FacetValue> values;
    values.reserve(spy.counts().size());
    for (const auto& [value, count] : spy.counts()) values.push_back({value, count});
    values = sort_by_count(std::move(values));
    if (spy.missing() > 0) values.push_back({std::string(kUnknownValue), spy.missing()});
    return values;
}

}  // namespace broadsheet
