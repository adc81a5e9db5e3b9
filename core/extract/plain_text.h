// plain_text.h — the format step for plain or scraped text and markdown: headline, byline,
// date line, URL line, body paragraphs, with site chrome set aside.
#pragma once

#include <string_view>

#include "core/extract/draft.h"

namespace broadsheet {

enum class TextFlavour {
    Plain,     // scraped or hand-written text: one paragraph per line or per blank-line block
    Markdown,  // "# Title", "**dek**", "By [Name](#)", links and images in the body
};

struct TextOptions {
    TextFlavour flavour = TextFlavour::Plain;
    // When the headline is already known (a JSON "title"), no line is taken as the title; a
    // leading line repeating it is dropped from the body.
    std::string_view known_title;
};

// `text` is decoded UTF-8 with LF line ends.
Draft parse_text(std::string_view text, const TextOptions& options);

// A headline candidate: short, capitalised, not a sentence fragment or a list item.
bool plausible_headline(std::string_view line);
// A photo caption or credit ("X is seen beyond ...", "(AP Photo/...)"), never a headline.
bool looks_like_caption(std::string_view line);
// Ends like a sentence (., !, ?, a closing quote or bracket): body text rather than a link list.
bool ends_like_sentence(std::string_view line);

}  // namespace broadsheet
