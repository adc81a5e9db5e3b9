// html_dates.h — a publication date printed in the page around the headline, outside the
// article's main text (a date under the headline in a header, a "Stand: 21.03.2019" line).
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string_view>

#include "core/date.h"
#include "core/extract/dates.h"

namespace broadsheet::html {

struct PageDates {
    std::optional<Date> near_headline;  // the date line nearest the <h1>, after it first
    std::optional<Date> first_in_page;  // the first date line of the page (no <h1> on the page)
};

// Date lines are short texts that classify_date_line reads as a publication date; an
// "Updated"-only line, a page clock, a date in a sentence and any date inside certain furniture
// (navigation, comments, galleries, footers, forms; see html::Furniture) never count.
// Ambiguous numeric dates ("02/10/2020") are read in `order`.
PageDates page_dates(const xmlNode* root, NumericOrder order);

// The page's evidence for numeric date order: day first when <html lang> names a language or
// region other than US English ("de", "fr-FR", "en-GB"), or, without a lang attribute, when the
// URL's host ends in a country code other than .us (".de", ".co.uk"). Month first otherwise.
NumericOrder numeric_order_of(const xmlNode* root, std::string_view url);

}  // namespace broadsheet::html
