// dates.h — finding and parsing publication dates in free text, metadata values and URLs.
//
// Numeric dates with slashes or dashes are read in US order (MM/DD/YYYY, "09-09-2016") unless
// the first number cannot be a month (31/12/2016 → 31 December) or the caller has evidence of
// day-first order (NumericOrder::DayFirst, from an HTML page's language or country); dotted dates
// (17.11.2017) are read day first, as everywhere they are used. Two-digit years are never accepted:
// "9/9/16" is too ambiguous to present as fact. Month names, weekdays and the labels of date lines
// ("Published", "Stand:", "Veröffentlicht", "Publié le", "Publicado"; "Updated", "Aktualisiert",
// "mis à jour") are read in English, German, French, Spanish, Italian, Portuguese and Dutch.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace broadsheet {

struct DateMatch {
    std::size_t begin = 0;  // byte range of the date expression in the scanned text
    std::size_t end = 0;
    int year = 0;  // 0 when the text gives no year ("Sept. 9")
    unsigned month = 0;
    unsigned day = 0;
    std::optional<Date> date() const;  // nullopt without a year or for an impossible day
};

// How to read an ambiguous numeric date with slashes or dashes ("02/10/2020"): US order unless
// the page gives evidence of day-first order (its language or country, see html_dates.h).
enum class NumericOrder { MonthFirst, DayFirst };

// Every date expression in `text`, in order, including partial ones without a year.
std::vector<DateMatch> find_dates(std::string_view text,
                                  NumericOrder order = NumericOrder::MonthFirst);

// The first complete date in a metadata value or short date string: ISO 8601 timestamps,
// RFC 822 ("Fri, 09 Sep 2016 10:00:00 GMT"), "November 17, 2017", "09/09/2016" ...
std::optional<Date> parse_date(std::string_view text);

// A date in a URL path: /2017/11/17/, /2017-11-17-slug, /20171117/.
std::optional<Date> date_from_url(std::string_view url);

enum class DateLineKind {
    NotDateLine,  // the line says more than a date
    Published,    // "Published 3:14 PM EDT Dec 15, 2015", "Posted on ...", a bare date
    Updated,      // "Updated Nov. 18, 2017": a modification date, weaker evidence
    Clock,        // "16:02 GMT +3 22 September 2019": a page clock, never a publication date
};

struct DateLine {
    DateLineKind kind = DateLineKind::NotDateLine;
    std::optional<Date> date;  // may be nullopt for a Clock or a year-less date
};

// Classifies one line that may consist of a date plus the usual decoration (weekday, time,
// zone, "Published"/"Updated" labels, separators).
DateLine classify_date_line(std::string_view line, NumericOrder order = NumericOrder::MonthFirst);

// Month number for a month name or abbreviation in one of those languages ("Sept", "März",
// "févr", "marzo", "mrt"), accents optional, or 0.
unsigned month_from_name(std::string_view word);

}  // namespace broadsheet
