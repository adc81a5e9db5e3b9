// date_test.cpp — table-driven tests of Date validation and its ISO / value-slot encodings.
#include "core/date.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct IsoCase {
    const char* input;
    const char* expected;  // nullptr: must be rejected
};

const IsoCase kIsoCases[] = {
    {"2017-11-17", "2017-11-17"},  // the Moscow Times seed's date
    {"2016-02-29", "2016-02-29"},  // leap day in a leap year is valid
    {"2015-02-29", nullptr},       // leap day in a common year does not exist
    {"2016-13-01", nullptr},       // month out of range
    {"2016-9-9", nullptr},         // ISO requires two-digit month and day
    {"2016-09-09 ", nullptr},      // trailing text is not ISO
    {"0999-01-01", nullptr},       // outside the range the slot encoding orders correctly
    {"", nullptr},                 // empty input
};

TEST(Date, ParsesStrictIso) {
    for (const auto& c : kIsoCases) {
        auto parsed = Date::from_iso(c.input);
        if (c.expected == nullptr) {
            EXPECT_FALSE(parsed.has_value()) << c.input;
        } else {
            ASSERT_TRUE(parsed.has_value()) << c.input;
            EXPECT_EQ(parsed->iso(), c.expected);
        }
    }
}

TEST(Date, SlotEncodingRoundTripsAndSortsByDate) {
    auto a = Date::make(2015, 12, 31);
    auto b = Date::make(2016, 1, 2);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->slot(), "20151231");
    EXPECT_LT(a->slot(), b->slot());
    EXPECT_EQ(Date::from_slot(b->slot()), b);
    EXPECT_EQ(b->year_str(), "2016");
    EXPECT_EQ(b->month_key(), "2016-01");
}

TEST(Date, DaysSinceEpoch) {
    EXPECT_EQ(Date::make(1970, 1, 1)->days_since_epoch(), 0);
    EXPECT_EQ(Date::make(2000, 3, 1)->days_since_epoch(), 11017);
}

}  // namespace
}  // namespace broadsheet
