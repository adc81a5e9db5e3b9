// histogram.h — the date histogram of a search: per-day counts from a match spy on kSlotDate,
// grouped into day, month or year buckets (docs/api.md, "histogram").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/search/search_types.h"

namespace broadsheet {

// A histogram never has more buckets than this: asking for more is an error, never a silent cut.
inline constexpr std::size_t kMaxHistogramBuckets = 1000;
// Auto uses day buckets when the dated matches lie within this many days (first to last day,
// both counted), month buckets when they lie within this many calendar months, else years.
inline constexpr long kMaxAutoDayBuckets = 62;
inline constexpr long kMaxAutoMonthBuckets = 60;

// How many matches fall on one day.
struct DayCount {
    Date day;
    std::size_t count = 0;
};

// What a histogram is made of.
struct HistogramInput {
    std::vector<DayCount> days;  // any order; a day listed twice adds up
    std::size_t undated = 0;     // matches without a (valid) date
    HistogramInterval interval = HistogramInterval::Auto;
};

// Chronological buckets from the period of the earliest day to the period of the latest, empty
// periods included; no days → no buckets (and Auto reports Day). Throws
// Error(InvalidArgument), message starting "interval", when that takes more than
// kMaxHistogramBuckets buckets.
Histogram make_histogram(const HistogramInput& input);

// The per-day counts a ValueCountMatchSpy on kSlotDate collected over every match. Matches
// without a value, or with one that is not a valid YYYYMMDD date, count as undated.
HistogramInput histogram_input(const Xapian::ValueCountMatchSpy& spy, HistogramInterval interval);

// "auto", "day", "month", "year": the API's names.
std::string_view to_string(HistogramInterval interval);

}  // namespace broadsheet
