// extract_output.h — the one-line JSON form of an extracted article printed by `extract`.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/article.h"

namespace broadsheet {

// {"file","id","title","date","outlet","author","url","speakers":[…],
//  "quotes":[{"speaker","text","cue","confidence","begin","end"}],"words"}: the date as
// YYYY-MM-DD, absent values as null, words = count_words(article.body). `file` is the path as
// the operator gave it. Keys keep this documented order (ordered_json) for people reading it.
nlohmann::ordered_json extract_output(const std::string& file, const Article& article);

// Whitespace-separated tokens holding at least one letter or digit (Unicode-aware), so dashes,
// bullets and stray quotation marks are not words.
std::size_t count_words(std::string_view text);

}  // namespace broadsheet
