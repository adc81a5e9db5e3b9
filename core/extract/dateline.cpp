// dateline.cpp — recognising wire datelines with a small scanner.
#include "core/extract/dateline.h"

#include "core/extract/text_util.h"

namespace broadsheet {

namespace {

// "Brussels (CNN) — ...", "Hong Kong, China (AFP) - ...": a title-case place is a dateline
// only when an agency in brackets and a dash follow at once.
std::optional<Dateline> title_case_dateline(std::string_view paragraph) {
    const auto open = paragraph.find(" (");
    if (open == std::string_view::npos || open == 0 || open > 40) return std::nullopt;
    const auto close = paragraph.find(')', open);
    if (close == std::string_view::npos || close - open > 30) return std::nullopt;
    for (const auto& word : text::split_trimmed(paragraph.substr(0, open), ' '))
        if (!text::is_ascii_upper(word.front())) return std::nullopt;
    auto rest = text::trim(paragraph.substr(close + 1));
    if (!(rest.starts_with("-") || rest.starts_with("\u2014") || rest.starts_with("\u2013")))
        return std::nullopt;
    Dateline line;
    line.agency = std::string(paragraph.substr(open + 2, close - open - 2));
    if (line.agency.empty() || !text::is_ascii_upper(line.agency.front())) return std::nullopt;
    return line;
}

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
    paragraph = text::trim(paragraph);
    if (auto line = title_case_dateline(paragraph)) return line;
    // The place: an all-capitals word of three or more letters opens the paragraph.
    // ("ST. LOUIS", "NEW DELHI", "N'DJAMENA" included), ending at a comma, a bracket or a dash.
    std::size_t caps = 0, i = 0;
    for (; i < paragraph.size(); ++i) {
        const char c = paragraph[i];
        if (text::is_ascii_upper(c))
            ++caps;
        else if (c != ' ' && c != '.' && c != '-' && c != '\'')
            break;
    }
    if (i < paragraph.size() && paragraph[i] != ',' && paragraph[i] != '(' && paragraph[i] != '/' &&
        static_cast<unsigned char>(paragraph[i]) < 0x80)
        return std::nullopt;
    if (caps < 3) return std::nullopt;
    std::size_t end = std::string_view::npos;
    for (auto dash : {" - ", " \u2014 ", " \u2013 ", " -- ", "\u2014", " \u2015 "}) {
        const auto pos = paragraph.find(dash);
        if (pos != std::string_view::npos && pos < 120 && pos < end) {
            end = pos;
        }
    }
    // TASS style: "MOSCOW, November 17. /TASS/."
    std::string agency;
    if (const auto slash = paragraph.find(" /"); slash != std::string_view::npos && slash < 120) {
        const auto close = paragraph.find('/', slash + 2);
        if (close != std::string_view::npos && close - slash < 20) {
            agency = std::string(paragraph.substr(slash + 2, close - slash - 2));
            if (end == std::string_view::npos || slash < end) end = close + 1;
        }
    }
    if (end == std::string_view::npos) return std::nullopt;
    const auto prefix = paragraph.substr(0, end);
    if (text::count_words(prefix) > 12) return std::nullopt;
    Dateline line;
    line.agency = agency;
    if (const auto open = prefix.find('('); open != std::string_view::npos) {
        const auto close = prefix.find(')', open);
        if (close != std::string_view::npos)
            line.agency = std::string(prefix.substr(open + 1, close - open - 1));
    }
    for (const auto& d : find_dates(prefix)) {
        line.date = d;
        break;
    }
    // Without a date or an agency, "NATO ALLIES - ..." is just a shouted sentence.
    if (!line.date && line.agency.empty()) return std::nullopt;
    return line;
}

}  // namespace broadsheet
