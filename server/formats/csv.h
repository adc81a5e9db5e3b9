// csv.h — the CSV format of an export (GET /api/search.csv): RFC 4180 records of hits.
#pragma once

#include <string>
#include <string_view>

#include "core/search/search_types.h"

namespace broadsheet {

// The CSV columns, in order (docs/api.md).
inline constexpr std::string_view kCsvHeader = "id,title,date,outlet,author,speakers,url\r\n";

// One CSV field: RFC 4180 quoting (a field with a comma, a double quote, CR or LF is enclosed
// in double quotes, inner quotes doubled) after the formula guard: a field starting with = + -
// @, tab or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of running
// it as a formula (CSV injection). Bytes are passed through: the file is UTF-8 without a BOM.
std::string csv_field(std::string_view value);

// A hit as one CSV record (id,title,date,outlet,author,speakers,url) ending in CRLF; absent
// values are empty fields, speakers are joined by "; ".
void append_csv_row(std::string& out, const Hit& hit);

}  // namespace broadsheet
