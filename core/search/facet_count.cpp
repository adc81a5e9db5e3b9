// facet_count.cpp — facet and histogram counts from the columns, or from value-count spies.
#include "core/search/facet_count.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/schema.h"
#include "core/search/facets.h"

namespace broadsheet {
namespace {

std::size_t spy_total(const Xapian::ValueCountMatchSpy& spy) {
    return static_cast<std::size_t>(spy.get_total());
}

}  // namespace

FacetCounter::FacetCounter(std::shared_ptr<const FacetColumns> columns, ColumnFields fields)
    : fields_(fields) {
    if (columns) {
        columns_ = std::make_unique<ColumnCountSpy>(std::move(columns), fields);
        return;
    }
    date_ = std::make_unique<Xapian::ValueCountMatchSpy>(kSlotDate);
    if (fields.outlet) outlet_ = std::make_unique<Xapian::ValueCountMatchSpy>(kSlotOutlet);
    if (fields.speaker) speaker_ = std::make_unique<Xapian::ValueCountMatchSpy>(kSlotSpeakers);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    if (columns_) {
        enquire.add_matchspy(columns_.get());
        return;
    }
    for (Xapian::ValueCountMatchSpy* spy : {date_.get(), outlet_.get(), speaker_.get()})
        if (spy != nullptr) enquire.add_matchspy(spy);
}

std::size_t FacetCounter::total() const {
    return columns_ ? columns_->total() : spy_total(*date_);
}

std::vector<FacetValue> FacetCounter::outlets() const {
    if (columns_) return columns_->outlets();
    if (!outlet_) return {};
    std::vector<FacetValue> values = sorted_facet(*outlet_);
    std::size_t valued = 0;
    for (const FacetValue& value : values) valued += value.count;
    if (total() > valued) values.push_back({std::string(kUnknownValue), total() - valued});
    return values;
}

std::vector<FacetValue> FacetCounter::speakers() const {
    if (columns_) return columns_->speakers();
    if (!speaker_) return {};
    std::map<std::string, std::size_t> counts;
    std::size_t named = 0;  // matches with at least one name
    for (auto it = speaker_->values_begin(); it != speaker_->values_end(); ++it) {
        const auto count = static_cast<std::size_t>(it.get_termfreq());
        const std::string joined = *it;
        const std::set<std::string_view> names = split_names(joined);
        if (!names.empty()) named += count;
        for (std::string_view name : names) counts[std::string(name)] += count;
    }
    std::vector<FacetValue> values;
    values.reserve(counts.size() + 1);
    for (auto& [name, count] : counts) values.push_back({name, count});
    values = sort_by_count(std::move(values));
    if (total() > named) values.push_back({std::string(kUnknownValue), total() - named});
    return values;
}

std::vector<FacetValue> FacetCounter::years() const {
    if (columns_) return columns_->years();
    if (!fields_.dates) return {};
    std::map<int, std::size_t> per_year;
    for (const DayCount& day : histogram_input(HistogramInterval::Auto).days)
        per_year[day.day.year()] += day.count;
    std::vector<FacetValue> values;
    for (const auto& [year, count] : per_year)
        values.push_back({Date::make(year, 1, 1)->year_str(), count});
    return sort_by_count(std::move(values));
}

HistogramInput FacetCounter::histogram_input(HistogramInterval interval) const {
    if (columns_) return columns_->histogram_input(interval);
    if (!fields_.dates) return HistogramInput{{}, 0, interval};
    return broadsheet::histogram_input(*date_, interval);
}

}  // namespace broadsheet
