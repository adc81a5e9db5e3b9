// json_source.h — the format step for JSON articles and JSON Lines exports.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/extract/draft.h"

namespace broadsheet {

// Reads one article object. Recognised keys (first present wins): title|headline; date|
// datePublished|published|published_at|publishedAt|pubDate|publication_date; outlet|publisher|
// source|site_name|site (string or {"name"}); author|authors|byline (string, list, or objects
// with "name"); url|link|canonical_url; body|text|content|articleBody. The body goes through
// the plain-text step so scraped chrome is removed there too. Throws nothing; a non-object
// yields an empty Draft.
Draft parse_json_article(const nlohmann::json& object);

// True when the object carries neither a title nor a body: nothing to index.
bool json_article_is_empty(const nlohmann::json& object);

}  // namespace broadsheet
