// byline.h — recognising "By ..." lines and cleaning author names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace broadsheet {

struct Byline {
    std::string author;        // cleaned: "Jane Doe, John Roe"; may be empty ("By Reuters staff")
    std::optional<Date> date;  // a date printed on the byline line, if any
};

// A byline line: "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Staff Writer | Nov.
// 3, 2016", "Written by ...", "Author: ...". nullopt for sentences that merely start with "By".
std::optional<Byline> parse_byline(std::string_view line);

// Cleans an author value from metadata or a byline: strips "By", roles after commas ("Staff
// Writer", "Moscow correspondent"), outlet suffixes, e-mail addresses; joins several people
// with ", ". Returns "" when nothing name-like remains.
std::string clean_author(std::string_view raw);

// True when `s` reads as a person's name: 2–6 capitalised words, initials or particles.
bool looks_like_name(std::string_view s);

// A short job-title line printed under a bare author name: "Business reporter @hcastell",
// "Moscow correspondent".
bool looks_like_role_line(std::string_view line);

// "Natalie Greaves-Okoye Environment correspondent" → "Natalie Greaves-Okoye": a name with its
// job title glued on, no "By". "" when the line is not of that shape.
std::string name_before_role(std::string_view line);

// "Nikolas K. Gvosdev is a Senior Fellow at ..." → "Nikolas K. Gvosdev": an author's bio line,
// recognised only when what follows "is a/an/the" names a writing or research job.
std::string author_from_bio(std::string_view line);

}  // namespace broadsheet
