// dates_test.cpp — table tests for date expressions, date lines and URL dates.
#include "core/extract/dates.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct ParseCase {
    const char* input;
    const char* expected;  // ISO date, or "" for no complete date
    const char* why;
};

const ParseCase kParseCases[] = {
    {"November 17, 2017", "2017-11-17", "full month name, US order"},
    {"Nov. 17, 2017", "2017-11-17", "abbreviated month with a full stop"},
    {"Sept. 9, 2016", "2016-09-09", "AP's four-letter September"},
    {"9 September 2016", "2016-09-09", "day-first British order"},
    {"9th of September, 2016", "2016-09-09", "ordinal day and 'of'"},
    {"2016-09-09", "2016-09-09", "ISO date"},
    {"2016-09-09T10:00:00Z", "2016-09-09", "ISO timestamp from metadata"},
    {"2016-09-09T23:30:00-04:00", "2016-09-09", "ISO timestamp with offset keeps the local day"},
    {"09/09/2016", "2016-09-09", "numeric slashes"},
    {"11/12/2016", "2016-11-12", "ambiguous numeric date is read in US order (documented)"},
    {"31/12/2016", "2016-12-31", "first number cannot be a month: day first"},
    {"17.11.2017", "2017-11-17", "dotted dates are day first"},
    {"Friday, Sept. 9, 2016 10:00 am ET", "2016-09-09", "weekday, time and zone around it"},
    {"Published 3:14 PM EDT Dec 15, 2015", "2015-12-15", "time before the date"},
    {"09-09-2016 10:29 BJT", "2016-09-09", "dashed numeric date with Beijing time"},
    {"Fri, 09 Sep 2016 10:00:00 GMT", "2016-09-09", "RFC 822 from a feed"},
    {"Sept. 9", "", "no year: not a complete date"},
    {"17-Nov-2017", "2017-11-17", "dashed day-month-year"},
    {"November 17th, 2017", "2017-11-17", "ordinal day in US order"},
    {"2017/11/17", "2017-11-17", "year-first with slashes"},
    {"16:02 GMT +322 September 2019", "", "clock glued to the day: 322 is not a day"},
    {"February 30, 2016", "", "impossible day"},
    {"9/9/16", "", "two-digit years are too ambiguous"},
    {"version 1.2.2016.4", "", "a dotted run longer than a date is a version number"},
    {"it may 5 times", "", "lowercase 'may' is a verb, not a month"},
    {"September 2016", "", "month and year name no day"},
    {"3. M\u00e4rz 2020", "2020-03-03", "German ordinal day with a full stop and an umlaut"},
    {"3. Maerz 2020", "2020-03-03", "German month spelt without the umlaut"},
    {"le 4 f\u00e9vrier 2021", "2021-02-04", "French months are written in lowercase"},
    {"1er mai 2019", "2019-05-01", "French ordinal first of the month"},
    {"4 de marzo de 2021", "2021-03-04", "Spanish 'de' between day, month and year"},
    {"12 de outubro de 2020", "2020-10-12", "Portuguese month and 'de'"},
    {"15 settembre 2019", "2019-09-15", "Italian month"},
    {"21 maart 2019", "2019-03-21", "Dutch month"},
    {"5 juin 2018", "2018-06-05", "French month in a date line"},
    {"26 Okt 2018", "2018-10-26", "German abbreviation"},
    {"5 F\u00c9VRIER 2021", "2021-02-05", "accented capitals fold to the month name"},
    {"3 mar", "", "lowercase month word without a year is too often a plain word"},
};

class ParseDate : public testing::TestWithParam<ParseCase> {};

TEST_P(ParseDate, Table) {
    const auto& c = GetParam();
    const auto date = parse_date(c.input);
    EXPECT_EQ(date ? date->iso() : "", c.expected) << c.input << " — " << c.why;
}

INSTANTIATE_TEST_SUITE_P(Dates, ParseDate, testing::ValuesIn(kParseCases));

// The order only decides dates both ways possible; an impossible month still reads day first.
TEST(FindDates, NumericOrderDecidesOnlyAmbiguousDates) {
    struct Case {
        const char* text;
        NumericOrder order;
        const char* date;
        const char* why;
    };
    const Case cases[] = {
        {"02/10/2020", NumericOrder::DayFirst, "2020-10-02", "day-first page"},
        {"02/10/2020", NumericOrder::MonthFirst, "2020-02-10", "US page"},
        {"12/31/2020", NumericOrder::DayFirst, "2020-12-31", "no 31st month: month first anyway"},
        {"31/12/2020", NumericOrder::MonthFirst, "2020-12-31", "no 31st month: day first anyway"},
    };
    for (const auto& c : cases) {
        const auto found = find_dates(c.text, c.order);
        const auto date = found.empty() ? std::nullopt : found.front().date();
        EXPECT_EQ(date ? date->iso() : "", c.date) << c.why;
    }
}

TEST(FindDates, PartialDateKeepsMonthAndDay) {
    // A dateline without a year is still found, so the year can come from other evidence.
    const auto found = find_dates("GENEVA, Sept. 9 (Reuters) - talks");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].year, 0);
    EXPECT_EQ(found[0].month, 9u);
    EXPECT_EQ(found[0].day, 9u);
    EXPECT_FALSE(found[0].date());
}

struct LineCase {
    const char* line;
    DateLineKind kind;
    const char* date;  // "" when the line gives no usable date
    const char* why;
};

const LineCase kLineCases[] = {
    {"November 17, 2017", DateLineKind::Published, "2017-11-17", "a bare date line"},
    {"Published 3:14 PM EDT Dec 15, 2015", DateLineKind::Published, "2015-12-15",
     "labelled publication time"},
    {"Updated Nov. 18, 2017 at 9:00 a.m.", DateLineKind::Updated, "2017-11-18",
     "modification stamps are weaker evidence"},
    {"Published Nov. 17, 2017 Updated Nov. 18, 2017", DateLineKind::Published, "2017-11-17",
     "both stamps: the published one wins"},
    {"16:02 GMT +3 22 September 2019", DateLineKind::Clock, "", "a page clock"},
    {"16:02 GMT +322 September 2019", DateLineKind::Clock, "", "a page clock glued to its date"},
    {"Friday, Sept. 9, 2016 10:00 am ET", DateLineKind::Published, "2016-09-09",
     "weekday and time decorate a date"},
    {"09-09-2016 10:29 BJT", DateLineKind::Published, "2016-09-09", "time after the date"},
    {"The talks ended on November 17, 2017.", DateLineKind::NotDateLine, "",
     "a sentence with a date is not a date line"},
    {"Sept. 9", DateLineKind::Published, "", "a date line without a year yields no date"},
    {"Listen Live", DateLineKind::NotDateLine, "", "no date at all"},
    {"Sat 12 Oct 2019 20.31 BST", DateLineKind::Published, "2019-10-12",
     "full-stop clock after the date"},
    {"September 9, 2016 / 10:29 AM / Updated 3 years ago", DateLineKind::Published, "2016-09-09",
     "the date before 'Updated' is the original"},
    {"12 March 2019 \u2022 4 min read", DateLineKind::Published, "2019-03-12",
     "reading time decorates a date"},
    {"2 hours ago", DateLineKind::NotDateLine, "", "relative stamp without a date"},
    {"Stand: 21.03.2019 08:15 Uhr", DateLineKind::Published, "2019-03-21",
     "German 'as of' stamp with a clock"},
    {"Ver\u00f6ffentlicht am 5. April 2017", DateLineKind::Published, "2017-04-05",
     "German publication label"},
    {"Publi\u00e9 le 4 f\u00e9vrier 2021 \u00e0 09h30", DateLineKind::Published, "2021-02-04",
     "French publication label and time"},
    {"Aktualisiert: 30.12.2016", DateLineKind::Updated, "2016-12-30",
     "German modification stamp is not the publication date"},
    {"mis \u00e0 jour le 5 juin 2018", DateLineKind::Updated, "2018-06-05",
     "French modification stamp"},
    {"Samstag, 5. Oktober 2013", DateLineKind::Published, "2013-10-05",
     "German weekday decorates a date"},
    {"jeudi 13 juin 2019", DateLineKind::Published, "2019-06-13", "French weekday, lowercase"},
    {"Publicado el 4 de marzo de 2021", DateLineKind::Published, "2021-03-04",
     "Spanish publication label"},
    {"L\u00fcbeck, 31. M\u00e4rz 2003", DateLineKind::Published, "2003-03-31",
     "a place before the date of a speech or release"},
    {"Bad T\u00f6lz, 2. November 2021", DateLineKind::Published, "2021-11-02",
     "a place of two words"},
    {"Erschienen am: 13.10.2021", DateLineKind::Published, "2021-10-13",
     "German 'appeared on' label"},
    {"Talks resumed, 2. November 2021", DateLineKind::NotDateLine, "",
     "a lowercase word before the comma is a sentence, not a place"},
};

class DateLines : public testing::TestWithParam<LineCase> {};

TEST_P(DateLines, Table) {
    const auto& c = GetParam();
    const auto line = classify_date_line(c.line);
    EXPECT_EQ(line.kind, c.kind) << c.line << " — " << c.why;
    EXPECT_EQ(line.date ? line.date->iso() : "", c.date) << c.line << " — " << c.why;
}

INSTANTIATE_TEST_SUITE_P(Dates, DateLines, testing::ValuesIn(kLineCases));

struct UrlCase {
    const char* url;
    const char* date;
    const char* why;
};

const UrlCase kUrlCases[] = {
    {"https://www.themoscowtimes.com/2017/11/17/latest-us-a59609", "2017-11-17",
     "year/month/day path segments"},
    {"https://example.com/news/2016-09-09-talks-resume", "2016-09-09", "ISO date in a slug"},
    {"https://example.com/a/20160909/story.html", "2016-09-09", "compact date segment"},
    {"https://example.com/2016/09/talks", "", "month-only path: no day"},
    {"https://example.com/story?date=2016-09-09", "", "query strings are not the path"},
    {"https://example.com/2016/13/45/x", "", "impossible date"},
};

class UrlDates : public testing::TestWithParam<UrlCase> {};

TEST_P(UrlDates, Table) {
    const auto& c = GetParam();
    const auto date = date_from_url(c.url);
    EXPECT_EQ(date ? date->iso() : "", c.date) << c.url << " — " << c.why;
}

INSTANTIATE_TEST_SUITE_P(Dates, UrlDates, testing::ValuesIn(kUrlCases));

}  // namespace
}  // namespace broadsheet
