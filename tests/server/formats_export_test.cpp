// formats_export_test.cpp — the export formats' rows: CSV (quoting, formula guard, UTF-8, absent
// fields) and JSON Lines (the search hit object without its snippet, one line each).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/formats/csv.h"
#include "server/formats/jsonl.h"

namespace broadsheet {
namespace {

TEST(CsvField, QuotesAndGuards) {
    struct Case {
        const char* why;
        std::string value;
        std::string expected;
    };
    const Case cases[] = {
        // Plain text needs no quotes.
        {"plain", "Ceasefire talks", "Ceasefire talks"},
        // Absent values are empty fields.
        {"empty", "", ""},
        // RFC 4180: a comma makes a field quoted.
        {"comma", "Kerry, Lavrov", "\"Kerry, Lavrov\""},
        // Inner double quotes are doubled inside quotes.
        {"quotes", "He said \"no\"", "\"He said \"\"no\"\"\""},
        // Line breaks stay inside one quoted field.
        {"newline", "line one\nline two", "\"line one\nline two\""},
        {"crlf", "a\r\nb", "\"a\r\nb\""},
        // Formula guard: = + - @ at the start get an apostrophe so spreadsheets show text.
        {"equals", "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"plus", "+1", "'+1"},
        {"minus", "-2+3", "'-2+3"},
        {"at", "@SUM(A1)", "'@SUM(A1)"},
        // Tab and CR at the start are guarded too (some spreadsheets strip them first).
        {"tab", "\t=1", "'\t=1"},
        {"leading cr", "\r=1", "\"'\r=1\""},
        // Only the first character counts.
        {"minus inside", "Jean-Paul", "Jean-Paul"},
        // UTF-8 passes through byte for byte.
        {"utf-8", "Мария Захарова — «мир»", "Мария Захарова — «мир»"},
        // An apostrophe at the start is not a formula.
        {"apostrophe", "'quoted'", "'quoted'"},
    };
    for (const auto& c : cases) EXPECT_EQ(csv_field(c.value), c.expected) << c.why;
}

Hit full_hit() {
    Hit hit;
    hit.id = "001_x.txt";
    hit.title = "Kerry, Lavrov meet";
    hit.date = Date::from_iso("2016-02-12");
    hit.outlet = "Bloomberg";
    hit.author = "=cmd|' /C calc'!A0";
    hit.speakers = {"John Kerry", "Sergei Lavrov"};
    hit.url = "https://example.com/a?b=1,2";
    hit.snippet = "never exported";
    return hit;
}

TEST(ExportRows, CsvRecords) {
    struct Case {
        const char* why;
        Hit hit;
        std::string expected;
    };
    Hit bare;
    bare.id = "a3";
    const Case cases[] = {
        // Every column, speakers joined by "; ", the formula in the author guarded and quoted.
        {"full", full_hit(),
         "001_x.txt,\"Kerry, Lavrov meet\",2016-02-12,Bloomberg,'=cmd|' /C calc'!A0,"
         "John Kerry; Sergei Lavrov,\"https://example.com/a?b=1,2\"\r\n"},
        // Absent title, date, outlet, author, speakers and url: empty fields, same column count.
        {"only an id", bare, "a3,,,,,,\r\n"},
    };
    for (const auto& c : cases) {
        std::string out;
        append_csv_row(out, c.hit);
        EXPECT_EQ(out, c.expected) << c.why;
    }
    EXPECT_EQ(kCsvHeader, "id,title,date,outlet,author,speakers,url\r\n");
}

TEST(ExportRows, JsonLines) {
    struct Case {
        const char* why;
        Hit hit;
        nlohmann::json expected;
    };
    Hit bare;
    bare.id = "a3";
    Hit broken;
    broken.id = "b1";
    broken.title = "bad \xff byte, \"quote\"\nnew line";
    const Case cases[] = {
        // The /api/search hit shape without the snippet; formulas are not touched in JSON.
        {"full",
         full_hit(),
         {{"id", "001_x.txt"},
          {"title", "Kerry, Lavrov meet"},
          {"date", "2016-02-12"},
          {"outlet", "Bloomberg"},
          {"author", "=cmd|' /C calc'!A0"},
          {"speakers", {"John Kerry", "Sergei Lavrov"}},
          {"url", "https://example.com/a?b=1,2"}}},
        // Absent values are null, speakers an empty list.
        {"only an id",
         bare,
         {{"id", "a3"},
          {"title", nullptr},
          {"date", nullptr},
          {"outlet", nullptr},
          {"author", nullptr},
          {"speakers", nlohmann::json::array()},
          {"url", nullptr}}},
        // Invalid UTF-8 becomes U+FFFD; the newline is escaped so the record stays one line.
        {"invalid UTF-8",
         broken,
         {{"id", "b1"},
          {"title", "bad \xEF\xBF\xBD byte, \"quote\"\nnew line"},
          {"date", nullptr},
          {"outlet", nullptr},
          {"author", nullptr},
          {"speakers", nlohmann::json::array()},
          {"url", nullptr}}},
    };
    for (const auto& c : cases) {
        std::string out;
        append_jsonl_row(out, c.hit);
        ASSERT_FALSE(out.empty()) << c.why;
        EXPECT_EQ(out.back(), '\n') << c.why;
        EXPECT_EQ(out.find('\n'), out.size() - 1) << c.why << ": one line";
        EXPECT_EQ(nlohmann::json::parse(out), c.expected) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
