// html.h — the format step for saved HTML pages (libxml2's HTML parser, never regexes).
#pragma once

#include <string_view>

#include "core/extract/draft.h"

namespace broadsheet {

// Reads <title>, og:* / article:* / name=author|date meta tags, <link rel=canonical>, JSON-LD
// (NewsArticle and friends: headline, datePublished — never dateModified —, author,
// publisher.name, url), <time datetime>, bylines and <h1>; finds the main text by content
// density after dropping script/style/nav/aside/footer/header/form, hidden elements and
// elements whose class or id names site furniture (share, related, cookie, newsletter ...)
// unless they hold most of the page's prose (html_dom.h). The body is the main text's blocks
// minus boilerplate lines and short byline or date lines; the plain-text step reads bylines,
// dates and chrome (outlet evidence) from the same text. `html` is decoded UTF-8.
Draft parse_html(std::string_view html);

// Initialises libxml2 once; see prepare_extraction_threads (extract.h).
void init_html_parser();

}  // namespace broadsheet
