// csv.cpp — CSV fields and records of hits, guarded against spreadsheet formulas.
#include "server/formats/csv.h"

#include <vector>

namespace broadsheet {
namespace {

// Characters a spreadsheet treats as the start of a formula (= + - @) plus tab and CR, which
// some spreadsheets strip before looking for one (OWASP's CSV injection guidance).
bool starts_formula(std::string_view value) {
    if (value.empty()) return false;
    switch (value.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        default:
            return false;
    }
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += separator;
        out += value;
    }
    return out;
}

}  // namespace

std::string csv_field(std::string_view value) {
    std::string text;
    if (starts_formula(value)) text += '\'';
    text += value;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void append_csv_row(std::string& out, const Hit& hit) {
    out += csv_field(hit.id);
    out += ',';
    out += csv_field(hit.title);
    out += ',';
    out += hit.date ? hit.date->iso() : std::string();
    out += ',';
    out += csv_field(hit.outlet);
    out += ',';
    out += csv_field(hit.author);
    out += ',';
    out += csv_field(joined(hit.speakers, "; "));
    out += ',';
    out += csv_field(hit.url);
    out += "\r\n";
}

}  // namespace broadsheet
