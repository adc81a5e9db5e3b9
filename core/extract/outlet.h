// outlet.h — finding the publishing outlet: metadata, URL domain, footers, datelines, signature
// phrases, bylines — each name normalised through the outlet registry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/extract/registry.h"

namespace broadsheet {

// Everything the outlet may be read from, strongest first (see resolve_outlet).
struct OutletEvidence {
    std::string metadata{};                 // og:site_name, JSON-LD publisher, JSON "outlet"
    std::string url{};                      // the article's URL
    std::string title_suffix{};             // "BBC News" from "Headline - BBC News"
    bool title_suffix_is_branding = false;  // from an HTML <title>: a name even if unregistered
    std::vector<std::string> footer{};      // chrome lines: copyright, disclaimers, share prompts
    std::string dateline_agency{};          // "Reuters" from "GENEVA, Sept. 9 (Reuters) -"
    std::string byline{};                   // "By Zhang Wei | chinadaily.com.cn | 09-09-2016"
    std::vector<std::string> body_tail{};   // the last paragraphs: "Jo Marsh is The Fixture's ..."
    // The story's second half, where a writer's note stands before comments and related links
    // ("Dan Lee is the Security Editor at Ridge Review"); read for self-references only.
    std::vector<std::string> late_paragraphs{};
};

// Order: metadata (unknown names kept as written) > a registered URL domain > a registered
// title suffix ("Headline - BBC News") > a disclaimer ("... reflect the position of X") > a
// registered copyright holder or "Source:" credit > a logo line naming a registered outlet >
// a registered dateline agency > the URL's domain as words a line of the page prints
// ("eastvalegazette.example" and "© Eastvale Gazette") > a self-reference ("Jo Marsh is The
// Fixture's rugby correspondent") > a signature phrase ("Comment via X", "download the X app",
// "the X Terminal") > a registered outlet in a share or promo line > the byline's domain or
// registered outlet > an HTML <title>'s branding > a logo's alt text among the first chrome
// lines > an unregistered copyright holder (company suffixes dropped: often the parent
// company) > an unregistered URL host that can name a publisher (never an IP address or
// "localhost") > an unregistered "Source:" credit. "" when nothing names an outlet.
std::string resolve_outlet(const OutletEvidence& evidence, const Registry& registry);

// "...do not necessarily reflect the position of The Moscow Times." → "The Moscow Times";
// "...not those of the Northern Echo." → "The Northern Echo". "" when not a disclaimer.
std::string disclaimer_outlet(std::string_view line);
// "© 2016 Example News. All rights reserved." → "Example News"; "© 2019 Eastvale Gazette, part
// of Northline Media Group" → "Eastvale Gazette" (the holder, not its parent); "Baltic Wire
// Service (BWS) – all rights reserved" → "Baltic Wire Service". "" when not a copyright line.
std::string copyright_outlet(std::string_view line);
// "Source: Al Jazeera and news agencies" → "Al Jazeera and news agencies" (weighed like a
// copyright holder: registered names win, others only as a late fallback).
std::string source_credit(std::string_view line);
// A name captured by a signature phrase: "Comment via Sputnik" → "Sputnik", "download the
// WRAL News app" → "WRAL News", "it's on the Bloomberg Terminal" → "Bloomberg".
std::string signature_outlet(std::string_view line);

// A site's logo as a rendered page prints its alt text: "The Verge logo. The Verge homepage" →
// "The Verge", "WordPress Tavern Logo" → "WordPress Tavern". "" for any other line, and for an
// image file name or a caption ("Man checking phone in front of Twitter logo.").
std::string logo_outlet(std::string_view line);

// True for an absolute http:// or https:// URL (scheme in any case) with a host: the only URLs
// an outlet is read from and the only ones stored as an article's URL. "javascript:...",
// "data:...", "//host/path" and relative paths are not.
bool is_web_url(std::string_view url);

// False for hosts that name no publisher: IP addresses, "localhost", names without a dot.
bool is_public_host(std::string_view host);
// The run of capitalised words in `lines` that spells a label of `host`, case and spaces
// ignored: "eastvalegazette.example" and "© Eastvale Gazette" → "Eastvale Gazette". "" if none.
std::string domain_words_outlet(std::string_view host, const std::vector<std::string>& lines);
// "Jo Marsh is The Fixture's rugby correspondent." → "The Fixture", "Dan Lee is the Security
// Editor at Ridge Review, which ..." → "Ridge Review": a person's tagline naming the outlet they
// write for (after "at", "for" or "with" only a newsroom role counts: an analyst at a bank is
// no outlet's). "" for any other line.
std::string self_reference_outlet(std::string_view line);

// The name a page's masthead gives, confirmed by the page repeating it: among the first lines,
// a short line of capitalised words ("CNET", "Medical News Today"), a logo ("eHow Logo") or a
// greeting ("Welcome to Medical News Today"), the one `text` prints most often, at least
// three times as a whole word. "" when none. A parent company named only in the copyright line
// loses to it.
std::string masthead_outlet(const std::vector<std::string>& first_lines, std::string_view text);

// The site's name from an "About X" menu or footer item in the page's second half ("• About
// Engadget", html2text's "About_eHow"), when the page prints X at least three times; a longer
// form printed as often is preferred ("About Ars" and "Ars Technica" → "Ars Technica"). "About
// Us" and "About This Site" name pages, not sites. "" when none.
std::string about_outlet(std::string_view text);

// The site's name from a "More from X" heading over its related links in the page's second
// half ("More from Kotaku", "MORE FROM MSN" → "MSN"), the X the page prints most often, at least
// three times. Several such headings name a parent, a partner or a section too ("More from G/O
// Media", "More from Tech Insider"): the site is the one it prints most. "" when none.
std::string more_from_outlet(std::string_view text);

// The site's name from the feed titles lynx prints first ("#Eastvale Wire » Feed Eastvale Wire
// » Comments Feed" → "Eastvale Wire"; "#home Ridge Review RSS Feed", "#Ridge Review"). "" when
// the text opens with no such list or its titles name no site ("Subscribe to our RSS Feed").
std::string feed_title_outlet(std::string_view text);

// A line that is nothing but a name: one to four capitalised words (or in mixed case, such as
// "eHow"), no digits and no sentence punctuation.
bool is_name_line(std::string_view line);

// Registry alias or domain for `name`, also after dropping "The" or trailing company words
// ("The Seattle Times Company" → "The Seattle Times"); else the tidied name itself.
std::string normalise_outlet(std::string_view name, const Registry& registry);
// Registered canonical name for `name`, or "" (same fallbacks, but never the name itself).
std::string registered_outlet(std::string_view name, const Registry& registry);

// A registered outlet named in `line` (word-bounded, capitalised; short acronyms in capitals).
std::string registered_outlet_in(std::string_view line, const Registry& registry);

}  // namespace broadsheet
