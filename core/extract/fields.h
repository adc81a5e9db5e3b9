// fields.h — deciding title, date, outlet, author and URL from a Draft's evidence.
//
// Date precedence: structured metadata (published, never modified) > a byline or date line near
// the headline > a wire dateline ("GENEVA, Sept. 9 (Reuters) -"; a missing year is taken from
// the URL path or a copyright line, else the date stays unknown) > the URL path (/2017/11/17/)
// > a standalone "Published ..." line elsewhere > an "Updated ..." line. Page clocks, dates in
// running prose and dates inside quotations never count.
// Outlet precedence: see resolve_outlet in outlet.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/extract/dates.h"
#include "core/extract/draft.h"
#include "core/extract/outlet.h"
#include "core/extract/registry.h"

namespace broadsheet {

// Fills title, date, outlet, author, url and body of `article` from `draft`.
void resolve_fields(const Draft& draft, const Registry& registry, Article& article);

// " | Site", " - Site", " — Site" suffixes removed when Site names `outlet` or a registry alias.
std::string strip_site_suffix(std::string_view title, std::string_view outlet,
                              const Registry& registry);

}  // namespace broadsheet
