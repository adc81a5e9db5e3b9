// jsonl.h — the JSON Lines format of an export (GET /api/search.jsonl): one hit per line.
#pragma once

#include <string>

#include "core/search/search_types.h"

namespace broadsheet {

// A hit as one JSON line: the /api/search hit object without "snippet", ending in "\n".
// Invalid UTF-8 is replaced (U+FFFD) rather than failing the export.
void append_jsonl_row(std::string& out, const Hit& hit);

}  // namespace broadsheet
