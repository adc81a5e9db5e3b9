// fields.h — deciding title, date, outlet, author and URL from a Draft's evidence.
//
// Date precedence: structured metadata (published, never modified) > a byline or date line near
// the headline > a wire dateline ("GENEVA, Sept. 9 (Reuters) -"; a missing year is taken from
// the URL path or a copyright line, else the date stays unknown) > the URL path (/2017/11/17/)
// > a standalone "Published ..." line elsewhere > an "Updated ..." line. Page clocks, dates in
// running prose and dates inside quotations never count.
// Outlet precedence: metadata (og:site_name, JSON-LD publisher, a JSON "outlet") > the URL's
// domain > a copyright or disclaimer line > a wire dateline's agency > a registered outlet named
// in a share, promo or footer line ("Comment via Sputnik", "... on the Bloomberg Terminal").
// Every outlet goes through the registry; unknown names from metadata are kept as written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/extract/dates.h"
#include "core/extract/draft.h"
#include "core/extract/registry.h"

namespace broadsheet {

// Fills title, date, outlet, author, url and body of `article` from `draft`.
void resolve_fields(const Draft& draft, const Registry& registry, Article& article);

struct Dateline {
    std::string agency;             // "Reuters" from "(Reuters)", as written; may be empty
    std::optional<DateMatch> date;  // may lack a year ("Sept. 9")
};
// A wire dateline opening a paragraph: "GENEVA, Sept. 9 (Reuters) - ...", "WASHINGTON (AP) —".
std::optional<Dateline> parse_dateline(std::string_view paragraph);

// The outlet named by one footer-like line, or "": "© 2016 Example News. All rights
// reserved." → "Example News"; "... reflect the position of The Moscow Times." → "The Moscow
// Times". Names are returned as written (normalise with the registry).
std::string outlet_from_footer(std::string_view line);

// Canonical outlet for a name found in metadata: registry alias, then registry domain, else the
// name itself tidied ("www.example.com" stays a host name only if unknown).
std::string normalise_outlet(std::string_view name, const Registry& registry);

// A registered outlet named in `line` (word-bounded; short acronyms must match in capitals).
std::string registered_outlet_in(std::string_view line, const Registry& registry);

// " | Site", " - Site", " — Site" suffixes removed when Site names `outlet` or a registry alias.
std::string strip_site_suffix(std::string_view title, std::string_view outlet,
                              const Registry& registry);

}  // namespace broadsheet
