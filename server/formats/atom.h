// atom.h — the Atom 1.0 format: a feed of search hits (GET /api/search.atom), and the URL and
// snippet helpers feeds need.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_types.h"

namespace broadsheet {

// What an Atom feed says about itself; every URL is absolute.
struct AtomFeed {
    std::string id;         // permanent IRI of the feed
    std::string title;      // e.g. "Broadsheet: ceasefire"
    std::string self;       // this feed's URL
    std::string alternate;  // the same search on the web page
    std::string updated;    // RFC 3339 instant; also the updated of entries without a date
    std::string base;       // "http://host:port": links to articles without a source URL
};

// The feed, one entry per hit in the given order: id urn:broadsheet:article:<id>, title,
// updated (the article's date at midnight UTC), a link to the source URL (http or https only)
// else to <base>/?article=<id>, author (the author, else the outlet) and the snippet as plain
// text. Text that XML 1.0 cannot carry (control characters, invalid UTF-8) becomes U+FFFD.
std::string atom_feed(const AtomFeed& feed, const std::vector<Hit>& hits);

// A hit snippet (HTML-escaped text whose only markup is <mark>) as plain text.
std::string snippet_text(std::string_view snippet);

// RFC 3986 percent-encoding of every byte but the unreserved A-Z a-z 0-9 - . _ ~.
std::string percent_encode(std::string_view text);

}  // namespace broadsheet
