// date.cpp — Date validation and encodings, on top of Howard Hinnant's date library.
#include "core/date.h"

#include <date/date.h>

#include <charconv>
#include <cstdio>

namespace broadsheet {
namespace {

// Parses exactly `width` ASCII digits; no sign, no spaces.
std::optional<int> fixed_digits(std::string_view text, std::size_t width) {
    if (text.size() != width) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> Date::make(int year, unsigned month, unsigned day) {
    if (year < 1000 || year > 9999) return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return Date(year, month, day);
}

std::optional<Date> Date::from_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = fixed_digits(text.substr(0, 4), 4);
    auto m = fixed_digits(text.substr(5, 2), 2);
    auto d = fixed_digits(text.substr(8, 2), 2);
    if (!y || !m || !d) return std::nullopt;
    return make(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::optional<Date> Date::from_slot(std::string_view text) {
    if (text.size() != 8) return std::nullopt;
    auto y = fixed_digits(text.substr(0, 4), 4);
    auto m = fixed_digits(text.substr(4, 2), 2);
    auto d = fixed_digits(text.substr(6, 2), 2);
    if (!y || !m || !d) return std::nullopt;
    return make(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year_, month_, day_);
    return buf;
}

std::string Date::slot() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", year_, month_, day_);
    return buf;
}

std::string Date::year_str() const {
    return std::to_string(year_);
}

std::string Date::month_key() const {
    return iso().substr(0, 7);
}

long Date::days_since_epoch() const {
    const date::sys_days days{date::year{year_} / date::month{month_} / date::day{day_}};
    return days.time_since_epoch().count();
}

}  // namespace broadsheet
