// opensearch.h — the OpenSearch 1.1 description format (GET /api/opensearch.xml).
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

// The OpenSearch 1.1 description for a server at `base` ("http://host:port"): ShortName
// Broadsheet, UTF-8, and URL templates for the web page, the Atom feed, suggestions and itself.
std::string opensearch_description(std::string_view base);

}  // namespace broadsheet
