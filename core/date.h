// date.h — a calendar date (no time, no zone), validated, with the ISO and value-slot encodings.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

// A proleptic-Gregorian calendar day. Only valid dates can be constructed (see make()).
class Date {
  public:
    // Returns nullopt unless year/month/day name a real day (2015-02-29 is rejected) and the
    // year lies in [1000, 9999], the range the YYYYMMDD slot encoding can order correctly.
    static std::optional<Date> make(int year, unsigned month, unsigned day);
    // Strict "YYYY-MM-DD"; anything else (extra text, "2016-9-9", invalid day) is nullopt.
    static std::optional<Date> from_iso(std::string_view text);
    // Strict "YYYYMMDD", the value-slot encoding (see schema.h kSlotDate).
    static std::optional<Date> from_slot(std::string_view text);

    int year() const { return year_; }
    unsigned month() const { return month_; }
    unsigned day() const { return day_; }

    std::string iso() const;        // "2017-11-17"
    std::string slot() const;       // "20171117": sorts lexicographically in date order
    std::string year_str() const;   // "2017"
    std::string month_key() const;  // "2017-11"
    long days_since_epoch() const;  // 1970-01-01 is 0

    auto operator<=>(const Date&) const = default;

  private:
    Date(int year, unsigned month, unsigned day) : year_(year), month_(month), day_(day) {}
    int year_;
    unsigned month_;
    unsigned day_;
};

}  // namespace broadsheet
