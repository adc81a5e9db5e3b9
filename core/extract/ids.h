// ids.h — article ids: stable, URL-safe and readable, derived from the corpus-relative path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet {

// The id scheme (make_article_id in extract.h applies it):
//  * a path made only of [A-Za-z0-9._-] segments becomes the path with '/' → '~'
//    ("world/2016/kerry.txt" → "world~2016~kerry.txt"): readable and reversible;
//  * any other path becomes a slug of its safe characters + "~~h" + 16 hex digits of its
//    XXH3-64 hash ("Señor Ávila.txt" → "Se-or-vila.txt~~h1a2b..."): safe forms never contain
//    "~~", so the two families cannot collide;
//  * a JSON Lines record appends "~~r" + its 1-based line number.
// Every id uses only [A-Za-z0-9._~-].
std::string path_id(std::string_view relative_path);

// 16 lowercase hex digits of XXH3-64 over `bytes`.
std::string hash_hex(std::string_view bytes);

}  // namespace broadsheet
