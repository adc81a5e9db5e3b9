// prefix_match.h — "a word of this name starts with what the user typed": the case-folded,
// word-start prefix match behind the speaker list and the facet-value typeahead.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

// `text` lower-cased code point by code point (Xapian's Unicode tables), so "É" matches "é".
std::string fold_case(std::string_view text);

// Whether `folded_prefix` (already fold_case()d) starts `text` or one of its words. A word starts
// at a letter or digit that follows anything else: "ker" matches "John Kerry", "marc" matches
// "Jean-Marc Ayrault", "unk" matches "(unknown)". An empty prefix matches everything.
bool word_starts_with(std::string_view text, std::string_view folded_prefix);

}  // namespace broadsheet
