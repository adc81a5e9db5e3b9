// html_dom.h — small helpers over libxml2's HTML tree shared by the HTML metadata and body code.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::html {

// Lowercase element name ("" for non-elements).
std::string name_of(const xmlNode* node);
// Attribute value, "" when absent.
std::string attr(const xmlNode* node, const char* name);
// All text below `node`, elements that never hold article text (script, style ...) excluded,
// <br> and block boundaries as spaces; whitespace collapsed.
std::string text_of(const xmlNode* node);
// text_of when it is shorter than `max_bytes`, nullopt otherwise, without collecting the text
// of a large subtree.
std::optional<std::string> short_text_of(const xmlNode* node, std::size_t max_bytes);
// An article block's text as a reader sees it: text_of without the furniture inside it (a
// caption or credit span in a paragraph), links kept whatever their class.
std::string block_text_of(const xmlNode* node);
// Why an element is site furniture. Certain: its tag (script, style, nav, aside, footer, form,
// figure ...), role or hidden attribute says so, or a class or id word names a section that is
// never the article (comments, gallery ...). ByClassName: only a word of its class or id does
// (share, sidebar, cookie ...), weaker evidence that the main-text search may overrule.
enum class Furniture { None, Certain, ByClassName };
Furniture furniture_kind(const xmlNode* node);
bool is_furniture(const xmlNode* node);  // furniture_kind(node) != Furniture::None
// Elements whose text is a paragraph of its own when reading the main text.
bool is_block(const xmlNode* node);

// Main text by content density: the element whose paragraphs carry the most prose, then its
// paragraph-level blocks in order. Link-heavy blocks (menus, related lists) are dropped. An
// element furniture only by its class or id is kept when it holds most of the page's prose.
std::vector<std::string> main_text_blocks(const xmlNode* root);

}  // namespace broadsheet::html
