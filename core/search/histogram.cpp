// histogram.cpp — date histogram bucketing (calendar math from Howard Hinnant's date library)
// and the conversion of a kSlotDate match spy's counts into per-day counts.
#include "core/search/histogram.h"

#include <date/date.h>

#include <algorithm>
#include <string>

#include "core/error.h"

namespace broadsheet {
namespace {

date::year_month_day civil(const Date& day) {
    return {date::year{day.year()}, date::month{day.month()}, date::day{day.day()}};
}

// Only called for days inside the span of two valid Dates (or the whole months and years
// around them), which Date::make always accepts.
Date from_civil(const date::year_month_day& ymd) {
    const auto made = Date::make(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                 static_cast<unsigned>(ymd.day()));
    if (!made) throw Error(ErrorCode::Internal, "histogram bucket outside the supported years");
    return *made;
}

// The position of the bucket holding `day`, counted from the bucket holding `first`.
long bucket_index(HistogramInterval interval, const date::year_month_day& first,
                  const date::year_month_day& day) {
    switch (interval) {
        case HistogramInterval::Day:
            return (date::sys_days{day} - date::sys_days{first}).count();
        case HistogramInterval::Month:
            return (date::year_month{day.year(), day.month()} -
                    date::year_month{first.year(), first.month()})
                .count();
        case HistogramInterval::Year:
            return (day.year() - first.year()).count();
        case HistogramInterval::Auto:
            break;
    }
    throw Error(ErrorCode::Internal, "histogram interval not resolved");
}

// The finest interval whose bucket count stays within the auto thresholds.
HistogramInterval choose(const date::year_month_day& first, const date::year_month_day& last) {
    if (bucket_index(HistogramInterval::Day, first, last) < kMaxAutoDayBuckets)
        return HistogramInterval::Day;
    if (bucket_index(HistogramInterval::Month, first, last) < kMaxAutoMonthBuckets)
        return HistogramInterval::Month;
    return HistogramInterval::Year;
}

// The empty bucket `index` places after the one holding `first`.
HistogramBucket bucket_at(HistogramInterval interval, const date::year_month_day& first,
                          long index) {
    switch (interval) {
        case HistogramInterval::Day: {
            const Date day =
                from_civil(date::sys_days{first} + date::days{static_cast<int>(index)});
            return {day.iso(), day, day, 0};
        }
        case HistogramInterval::Month: {
            const date::year_month month = date::year_month{first.year(), first.month()} +
                                           date::months{static_cast<int>(index)};
            const Date from = from_civil(month / date::day{1});
            // year_month_day_last knows each month's length, February of leap years included.
            const Date to = from_civil(date::year_month_day{month / date::last});
            return {from.month_key(), from, to, 0};
        }
        case HistogramInterval::Year: {
            const date::year year = first.year() + date::years{static_cast<int>(index)};
            const Date from = from_civil(year / date::January / 1);
            const Date to = from_civil(year / date::December / 31);
            return {from.year_str(), from, to, 0};
        }
        case HistogramInterval::Auto:
            break;
    }
    throw Error(ErrorCode::Internal, "histogram interval not resolved");
}

}  // namespace

std::string_view to_string(HistogramInterval interval) {
    switch (interval) {
        case HistogramInterval::Auto:
            return "auto";
        case HistogramInterval::Day:
            return "day";
        case HistogramInterval::Month:
            return "month";
        case HistogramInterval::Year:
            return "year";
    }
    return "auto";
}

Histogram make_histogram(const HistogramInput& input) {
    Histogram histogram;
    histogram.undated = input.undated;
    histogram.interval =
        input.interval == HistogramInterval::Auto ? HistogramInterval::Day : input.interval;
    if (input.days.empty()) return histogram;

    const auto [earliest, latest] =
        std::minmax_element(input.days.begin(), input.days.end(),
                            [](const DayCount& a, const DayCount& b) { return a.day < b.day; });
    const date::year_month_day first = civil(earliest->day);
    const date::year_month_day last = civil(latest->day);
    if (input.interval == HistogramInterval::Auto) histogram.interval = choose(first, last);

    const long buckets = bucket_index(histogram.interval, first, last) + 1;
    if (buckets > static_cast<long>(kMaxHistogramBuckets)) {
        const std::string advice = histogram.interval == HistogramInterval::Year
                                       ? "narrow from/to"
                                       : "choose a longer interval or narrow from/to";
        throw Error(ErrorCode::InvalidArgument,
                    "interval " + std::string(to_string(input.interval)) + " would need " +
                        std::to_string(buckets) + " " + std::string(to_string(histogram.interval)) +
                        " buckets for these matches, more than " +
                        std::to_string(kMaxHistogramBuckets) + ": " + advice);
    }

    histogram.buckets.reserve(static_cast<std::size_t>(buckets));
    for (long i = 0; i < buckets; ++i)
        histogram.buckets.push_back(bucket_at(histogram.interval, first, i));
    for (const DayCount& day : input.days) {
        const long index = bucket_index(histogram.interval, first, civil(day.day));
        histogram.buckets[static_cast<std::size_t>(index)].count += day.count;
    }
    return histogram;
}

HistogramInput histogram_input(const Xapian::ValueCountMatchSpy& spy, HistogramInterval interval) {
    HistogramInput input;
    input.interval = interval;
    std::size_t dated = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const auto count = static_cast<std::size_t>(it.get_termfreq());
        dated += count;
        if (const auto day = Date::from_slot(*it))
            input.days.push_back({*day, count});
        else
            input.undated += count;  // a malformed slot value: no usable date
    }
    // The spy sees every match but lists only those with a value.
    input.undated += static_cast<std::size_t>(spy.get_total()) - dated;
    return input;
}

}  // namespace broadsheet
