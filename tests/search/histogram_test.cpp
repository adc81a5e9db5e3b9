// histogram_test.cpp — table-driven date histogram bucketing: calendar boundaries, leap years,
// the auto thresholds, empty input and the bucket limit; and per-day counts read from a real
// kSlotDate match spy, malformed values included.
#include "core/search/histogram.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/schema.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

using Days = std::vector<std::pair<const char*, std::size_t>>;  // ISO day, matches that day
constexpr auto kAuto = HistogramInterval::Auto;
constexpr auto kDay = HistogramInterval::Day;
constexpr auto kMonth = HistogramInterval::Month;
constexpr auto kYear = HistogramInterval::Year;

HistogramInput input_of(const Days& days, HistogramInterval interval, std::size_t undated = 0) {
    HistogramInput input;
    input.interval = interval;
    input.undated = undated;
    for (const auto& [iso, count] : days) {
        const auto day = Date::from_iso(iso);
        EXPECT_TRUE(day.has_value()) << iso;
        if (day) input.days.push_back({*day, count});
    }
    return input;
}

// "period from..to count", one string per bucket, so a table row reads like the JSON.
std::vector<std::string> described(const Histogram& histogram) {
    std::vector<std::string> out;
    for (const auto& b : histogram.buckets)
        out.push_back(b.period + " " + b.from.iso() + ".." + b.to.iso() + " " +
                      std::to_string(b.count));
    return out;
}

struct BucketCase {
    const char* why;
    Days days;
    HistogramInterval interval;
    HistogramInterval expected_interval;
    std::vector<std::string> expected;  // every bucket, in order
};

TEST(Histogram, BucketsFollowTheCalendar) {
    const BucketCase cases[] = {
        // No dated match: no buckets; auto reports day (a span of nothing).
        {"empty", {}, kAuto, kDay, {}},
        // A forced interval is reported even with nothing to bucket.
        {"empty, forced year", {}, kYear, kYear, {}},
        // One day: one day bucket, from = to.
        {"single day", {{"2017-11-17", 3}}, kAuto, kDay, {"2017-11-17 2017-11-17..2017-11-17 3"}},
        // Days between matches are present with zero, input order does not matter.
        {"zero-filled days, unsorted input",
         {{"2017-11-19", 2}, {"2017-11-17", 1}},
         kDay,
         kDay,
         {"2017-11-17 2017-11-17..2017-11-17 1", "2017-11-18 2017-11-18..2017-11-18 0",
          "2017-11-19 2017-11-19..2017-11-19 2"}},
        // A day listed twice adds up.
        {"repeated day adds",
         {{"2016-01-05", 2}, {"2016-01-05", 3}},
         kDay,
         kDay,
         {"2016-01-05 2016-01-05..2016-01-05 5"}},
        // Day buckets cross a month end and a year end.
        {"day across the new year",
         {{"2016-12-31", 1}, {"2017-01-01", 1}},
         kDay,
         kDay,
         {"2016-12-31 2016-12-31..2016-12-31 1", "2017-01-01 2017-01-01..2017-01-01 1"}},
        // 29 February exists in a leap year: the day after 28 Feb 2016 is 29 Feb.
        {"leap day",
         {{"2016-02-28", 1}, {"2016-03-01", 1}},
         kDay,
         kDay,
         {"2016-02-28 2016-02-28..2016-02-28 1", "2016-02-29 2016-02-29..2016-02-29 0",
          "2016-03-01 2016-03-01..2016-03-01 1"}},
        // ...and not in a common year.
        {"no leap day in 2017",
         {{"2017-02-28", 1}, {"2017-03-01", 1}},
         kDay,
         kDay,
         {"2017-02-28 2017-02-28..2017-02-28 1", "2017-03-01 2017-03-01..2017-03-01 1"}},
        // Month buckets span whole months (not just the matched days): 29 days in Feb 2016.
        {"month ends, leap February",
         {{"2016-01-15", 2}, {"2016-02-29", 1}, {"2016-04-01", 4}},
         kMonth,
         kMonth,
         {"2016-01 2016-01-01..2016-01-31 2", "2016-02 2016-02-01..2016-02-29 1",
          "2016-03 2016-03-01..2016-03-31 0", "2016-04 2016-04-01..2016-04-30 4"}},
        // February of a common year ends on the 28th.
        {"month, common February",
         {{"2015-02-10", 1}},
         kMonth,
         kMonth,
         {"2015-02 2015-02-01..2015-02-28 1"}},
        // Month buckets across a year end.
        {"month across the new year",
         {{"2016-12-31", 1}, {"2017-01-01", 2}},
         kMonth,
         kMonth,
         {"2016-12 2016-12-01..2016-12-31 1", "2017-01 2017-01-01..2017-01-31 2"}},
        // Year buckets: 1 Jan to 31 Dec, empty years filled.
        {"years",
         {{"2015-06-01", 1}, {"2017-11-17", 2}},
         kYear,
         kYear,
         {"2015 2015-01-01..2015-12-31 1", "2016 2016-01-01..2016-12-31 0",
          "2017 2017-01-01..2017-12-31 2"}},
        // 31 Dec and 1 Jan fall in different years however close they are.
        {"year boundary",
         {{"2016-12-31", 1}, {"2017-01-01", 1}},
         kYear,
         kYear,
         {"2016 2016-01-01..2016-12-31 1", "2017 2017-01-01..2017-12-31 1"}},
    };
    for (const auto& c : cases) {
        const Histogram histogram = make_histogram(input_of(c.days, c.interval, 4));
        EXPECT_EQ(histogram.interval, c.expected_interval) << c.why;
        EXPECT_EQ(described(histogram), c.expected) << c.why;
        EXPECT_EQ(histogram.undated, 4u) << c.why;
    }
}

TEST(Histogram, CenturyLeapRules) {
    // 1900 is not a leap year (divisible by 100), 2000 is (divisible by 400), 2100 is not.
    const std::pair<const char*, const char*> cases[] = {
        {"1900-02-10", "1900-02-01..1900-02-28"},
        {"2000-02-10", "2000-02-01..2000-02-29"},
        {"2100-02-10", "2100-02-01..2100-02-28"},
    };
    for (const auto& [day, range] : cases) {
        const Histogram histogram = make_histogram(input_of({{day, 1}}, kMonth));
        ASSERT_EQ(histogram.buckets.size(), 1u) << day;
        EXPECT_EQ(histogram.buckets[0].from.iso() + ".." + histogram.buckets[0].to.iso(), range)
            << day;
    }
}

struct AutoCase {
    const char* why;
    const char* first;
    const char* last;
    HistogramInterval expected;
    std::size_t buckets;
};

TEST(Histogram, AutoPicksTheFinestIntervalWithinTheThresholds) {
    const AutoCase cases[] = {
        // 62 days, both ends counted (31 Jan + 28 Feb + 3 Mar 2017): still days.
        {"62 days", "2017-01-01", "2017-03-03", kDay, 62},
        // One more day: months (Jan, Feb, Mar).
        {"63 days", "2017-01-01", "2017-03-04", kMonth, 3},
        // The leap day makes 2016's 62nd day 2 March.
        {"62 days in a leap year", "2016-01-01", "2016-03-02", kDay, 62},
        {"63 days in a leap year", "2016-01-01", "2016-03-03", kMonth, 3},
        // Two days in different months but within 62 days: days, not months.
        {"month end to month start", "2016-11-30", "2016-12-01", kDay, 2},
        // 60 calendar months (five whole years): still months.
        {"60 months", "2013-01-01", "2017-12-31", kMonth, 60},
        // 61 months: years.
        {"61 months", "2013-01-31", "2018-01-01", kYear, 6},
        // 60 months counted by calendar month, not by 30-day blocks: mid-month ends count whole.
        {"60 months from mid-month", "2013-01-20", "2017-12-02", kMonth, 60},
        // Centuries: year buckets.
        {"long span", "1917-11-07", "2017-11-07", kYear, 101},
    };
    for (const auto& c : cases) {
        const Histogram histogram = make_histogram(input_of({{c.first, 1}, {c.last, 2}}, kAuto));
        EXPECT_EQ(histogram.interval, c.expected) << c.why;
        ASSERT_EQ(histogram.buckets.size(), c.buckets) << c.why;
        EXPECT_EQ(histogram.buckets.front().count, 1u) << c.why;
        EXPECT_EQ(histogram.buckets.back().count, 2u) << c.why;
        std::size_t sum = 0;
        for (const auto& bucket : histogram.buckets) sum += bucket.count;
        EXPECT_EQ(sum, 3u) << c.why;
    }
}

struct LimitCase {
    const char* why;
    const char* first;
    const char* last;
    HistogramInterval interval;
    bool accepted;
};

TEST(Histogram, MoreThanTheBucketLimitIsAnIntervalError) {
    const LimitCase cases[] = {
        // 1,000 day buckets (2015-01-01 + 999 days = 2017-09-26): exactly the limit.
        {"1000 days", "2015-01-01", "2017-09-26", kDay, true},
        // 1,001 day buckets: refused, never cut short.
        {"1001 days", "2015-01-01", "2017-09-27", kDay, false},
        // 1,000 months (83 years and 4 months) is allowed; 1,001 is not.
        {"1000 months", "1900-01-01", "1983-04-30", kMonth, true},
        {"1001 months", "1900-01-01", "1983-05-01", kMonth, false},
        // Year buckets only fail past 1,000 years; auto then fails the same way.
        {"1000 years", "1018-01-01", "2017-12-31", kYear, true},
        {"1001 years, forced", "1017-12-31", "2017-01-01", kYear, false},
        {"1001 years, auto", "1017-12-31", "2017-01-01", kAuto, false},
        // Auto never picks day or month buckets past its thresholds, so spans it puts in years
        // are fine whatever a forced day interval would need.
        {"decades, auto", "1990-01-01", "2017-12-31", kAuto, true},
    };
    for (const auto& c : cases) {
        const HistogramInput input = input_of({{c.first, 1}, {c.last, 1}}, c.interval);
        try {
            const Histogram histogram = make_histogram(input);
            EXPECT_TRUE(c.accepted) << c.why << ": accepted";
            EXPECT_LE(histogram.buckets.size(), kMaxHistogramBuckets) << c.why;
        } catch (const Error& e) {
            EXPECT_FALSE(c.accepted) << c.why << ": " << e.what();
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << c.why;
            EXPECT_EQ(std::string(e.what()).rfind("interval", 0), 0u) << c.why << ": " << e.what();
        }
    }
}

TEST(Histogram, ReadsPerDayCountsFromADateSpy) {
    testing_support::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    // Slot values as the indexer writes them, plus what a damaged index might hold.
    const char* values[] = {"20171117", "20171117", "20160212", "", "2017111", "20170230", ""};
    for (const char* value : values) {
        Xapian::Document doc;
        doc.add_boolean_term("Xall");
        if (*value != '\0') doc.add_value(kSlotDate, value);
        db.add_document(doc);
    }
    db.commit();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("Xall"));
    Xapian::ValueCountMatchSpy spy(kSlotDate);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());

    const HistogramInput input = histogram_input(spy, kMonth);
    EXPECT_EQ(input.interval, kMonth);
    // Two without a value, a short value and an impossible date (30 February).
    EXPECT_EQ(input.undated, 4u);
    const Histogram histogram = make_histogram(input);
    ASSERT_EQ(histogram.buckets.size(), 22u);  // 2016-02 … 2017-11
    EXPECT_EQ(histogram.buckets.front().period, "2016-02");
    EXPECT_EQ(histogram.buckets.front().count, 1u);
    EXPECT_EQ(histogram.buckets.back().period, "2017-11");
    EXPECT_EQ(histogram.buckets.back().count, 2u);
}

}  // namespace
}  // namespace broadsheet
