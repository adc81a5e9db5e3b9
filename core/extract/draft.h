// draft.h — what a format step (text, markdown, HTML, JSON) hands to field resolution.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace broadsheet {

// Where a headline comes from, which decides what of a trailing " | Site" is removed: a title
// the publisher declared in metadata is kept as written, branding included; an HTML <title> or
// <h1> has lost the segments naming the page's site already, so only a registered outlet's
// suffix goes; a line of text loses a suffix naming the resolved outlet or a registered one.
enum class TitleOrigin { Declared, TitleElement, Layout };

// Evidence gathered from one source before the fields are decided (see fields.h for the order
// of precedence). Strings are NFC UTF-8 with inline whitespace cleaned; empty means absent.
struct Draft {
    // Structured metadata: JSON fields, HTML meta tags, JSON-LD. The strongest evidence.
    std::string meta_title;
    std::string meta_author;
    std::string meta_url;
    std::string meta_outlet;  // as written; normalised through the registry later
    std::optional<Date> meta_date;
    std::string site_hint;  // the branding after the headline in an HTML <title>

    // Found in the layout of the text.
    std::string title;  // the headline line
    TitleOrigin title_origin = TitleOrigin::Layout;
    std::string author;                // from a byline ("By ..."), already cleaned
    std::string url;                   // from "Original url: ..." or a lone URL line
    std::string byline_text;           // the byline as printed, for outlet hints ("| x.com")
    std::optional<Date> byline_date;   // a date line or byline date near the headline
    std::optional<Date> text_date;     // a standalone "Published ..." line elsewhere
    std::optional<Date> updated_date;  // "Updated ..." lines: weakest dated evidence

    std::vector<std::string> paragraphs;  // the body, chrome removed
    std::vector<std::string> chrome;      // dropped chrome lines, kept as outlet evidence
};

}  // namespace broadsheet
