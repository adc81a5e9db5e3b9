// dateline.h — wire datelines opening a story: "GENEVA, Sept. 9 (Reuters) -", "WASHINGTON (AP) —".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/extract/dates.h"

namespace broadsheet {

struct Dateline {
    std::string agency;             // "Reuters" from "(Reuters)" or "TASS" from "/TASS/"; may be ""
    std::optional<DateMatch> date;  // may lack a year ("Sept. 9")
};

// A dateline opening `paragraph`: an upper-case place, then a date and/or an agency, then a
// dash. nullopt for ordinary sentences, including shouted ones without date or agency.
std::optional<Dateline> parse_dateline(std::string_view paragraph);

}  // namespace broadsheet
