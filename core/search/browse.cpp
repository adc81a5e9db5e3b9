// browse.cpp — positions in the facet columns' browse order for either date order, and the
// outlet and speaker filters on the columns' ordinals.
#include "core/search/browse.h"

#include <algorithm>
#include <string>

namespace broadsheet {

std::optional<BrowseSlice> BrowseSlice::make(std::shared_ptr<const FacetColumns> columns,
                                             std::optional<Date> from, std::optional<Date> to) {
    if (!columns || !columns->browsable_) return std::nullopt;
    const std::vector<Date>& dates = columns->dates_;
    const auto ordinal_of = [&](auto it) {  // an iterator into dates to the ordinal it holds
        return static_cast<std::uint32_t>(it - dates.begin()) + 1;
    };
    if (!from && !to) {
        return BrowseSlice(std::move(columns), 1, static_cast<std::uint32_t>(dates.size()) + 1,
                           true);
    }
    // The match compares the slot text (Date::slot sorts like the date); dates is sorted.
    const std::string low = from ? from->slot() : std::string();
    std::uint32_t first = ordinal_of(dates.begin());
    if (from)
        first = ordinal_of(
            std::lower_bound(dates.begin(), dates.end(), low,
                             [](const Date& d, const std::string& s) { return d.slot() < s; }));
    std::uint32_t last = ordinal_of(dates.end());
    if (to) {
        const std::string high = to->slot();
        last = ordinal_of(
            std::upper_bound(dates.begin(), dates.end(), high,
                             [](const std::string& s, const Date& d) { return s < d.slot(); }));
    }
    return BrowseSlice(std::move(columns), first, std::max(first, last), false);
}

BrowseSlice::BrowseSlice(std::shared_ptr<const FacetColumns> columns, std::uint32_t low,
                         std::uint32_t high, bool with_undated)
    : columns_(std::move(columns)), low_(low), high_(high), with_undated_(with_undated) {
    const std::vector<std::uint32_t>& before = columns_->dated_before_;
    const std::uint32_t dated = before.back();
    // Newest first: ordinal high_ - 1 leads, ordinal low_ ends the dated part.
    begin_ = dated - before[high_];
    end_ = with_undated ? columns_->browse_order_.size() : dated - before[low_];
}

Xapian::docid BrowseSlice::at(std::size_t position, SortOrder order) const {
    const std::vector<std::uint32_t>& browse = columns_->browse_order_;
    const std::vector<std::uint32_t>& before = columns_->dated_before_;
    const std::uint32_t dated = before.back();
    const std::size_t index = begin_ + position;
    if (order != SortOrder::Oldest || index >= dated) return browse[index];
    // Oldest first: the dates run the other way, each date's documents in the same order.
    const std::size_t ascending = before[low_] + position;
    const auto group = std::upper_bound(before.begin() + low_, before.begin() + high_ + 1,
                                        static_cast<std::uint32_t>(ascending)) -
                       1;
    const auto ordinal = static_cast<std::size_t>(group - before.begin());
    return browse[dated - before[ordinal + 1] + (ascending - *group)];
}

bool BrowseSlice::holds(Xapian::docid id) const {
    const PackedColumn& dates = columns_->date_;
    const std::uint32_t ordinal = id < dates.size() ? dates[id] : 0;
    if (ordinal == 0) return with_undated_;
    return ordinal >= low_ && ordinal < high_;
}

void BrowseSlice::count(ColumnCountSpy& spy) const {
    const std::vector<std::uint32_t>& browse = columns_->browse_order_;
    if (begin_ == 0 && end_ == browse.size()) return spy.count_all_articles();
    for (std::size_t i = begin_; i < end_; ++i) spy.count(browse[i]);
}

std::optional<BrowseFilter::Part> BrowseFilter::part(Field field,
                                                     const std::vector<std::string>& names,
                                                     const std::vector<std::string>& selected,
                                                     const std::vector<std::string>& excluded) {
    Part part;
    part.selected.assign(names.size() + 1, false);
    part.excluded.assign(names.size() + 1, false);
    const auto mark = [&](const std::vector<std::string>& values, std::vector<bool>& flags) {
        for (const std::string& value : values) {
            if (value.empty()) continue;  // any_of() makes no term of it
            if (term(field, value).size() + 4 > kMaxTermBytes) return false;  // see make()
            part.active = true;
            if (&flags == &part.selected) part.any_selected = true;
            if (value == kUnknownValue) {
                flags[0] = true;
                continue;
            }
            // A name not in the dictionary is no document's: nothing to flag.
            const auto it = std::find(names.begin(), names.end(), value);
            if (it != names.end()) flags[static_cast<std::size_t>(it - names.begin()) + 1] = true;
        }
        return true;
    };
    if (!mark(selected, part.selected) || !mark(excluded, part.excluded)) return std::nullopt;
    return part;
}

std::optional<BrowseFilter> BrowseFilter::make(std::shared_ptr<const FacetColumns> columns,
                                               const SearchParams& params) {
    if (!columns) return std::nullopt;
    auto outlet = part(Field::Outlet, columns->outlet_names_, params.outlets, params.not_outlets);
    auto speaker =
        part(Field::Speaker, columns->speaker_names_, params.speakers, params.not_speakers);
    if (!outlet || !speaker) return std::nullopt;
    BrowseFilter filter;
    filter.columns_ = std::move(columns);
    filter.outlet_ = std::move(*outlet);
    filter.speaker_ = std::move(*speaker);
    return filter;
}

bool BrowseFilter::passes_outlet(Xapian::docid id) const {
    if (!outlet_.active) return true;
    const FacetColumns& c = *columns_;
    const std::uint32_t ordinal = id < c.outlet_.size() ? c.outlet_[id] : 0;
    return (!outlet_.any_selected || outlet_.selected[ordinal]) && !outlet_.excluded[ordinal];
}

bool BrowseFilter::passes_speaker(Xapian::docid id) const {
    if (!speaker_.active) return true;
    const FacetColumns& c = *columns_;
    const bool known = id < c.outlet_.size();
    const std::uint32_t begin = known ? c.speaker_begin_[id] : 0;
    const std::uint32_t end = known ? c.speaker_begin_[id + 1] : 0;
    // A document without speakers carries the missing-speaker term: ordinal 0 stands for it.
    bool selected = begin == end && speaker_.selected[0];
    if (begin == end && speaker_.excluded[0]) return false;
    for (std::uint32_t i = begin; i < end; ++i) {
        const std::uint32_t ordinal = c.speaker_ids_[i];
        if (speaker_.excluded[ordinal]) return false;
        selected = selected || speaker_.selected[ordinal];
    }
    return !speaker_.any_selected || selected;
}

}  // namespace broadsheet
