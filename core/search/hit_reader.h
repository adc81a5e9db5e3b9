// hit_reader.h — the fields a search hit shows, read from an article document's stored JSON
// without building a JSON tree: nlohmann's parser lexed each 6 KB article a character at a time
// and built every quote object, a tenth of a rare word's request (docs/design.md).
#pragma once

#include <optional>
#include <string_view>

#include "core/article.h"

namespace broadsheet {

// The Article stored in `data` with id, title, date, outlet, author, url, body and speakers set
// exactly as from_json(Article) sets them, and nothing else (no quotes, source_path or
// content_hash). nullopt when `data` is not one JSON object as the indexer writes them; the
// caller then parses it in full.
std::optional<Article> read_hit_fields(std::string_view data);

}  // namespace broadsheet
