// markdown.h — reading the markdown a scraper leaves behind: headings, emphasis, links, images.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

// "[text](url)" → "text", "![alt](src)" → "", "**bold**" → "bold", "\(" → "(", "<https://x>"
// → "https://x"; stray HTML tags are dropped. Plain text passes through unchanged.
std::string strip_markdown_inline(std::string_view line);

struct MarkdownLine {
    int heading = 0;          // 1 for "# Title", 2 for "## Sub", 0 otherwise
    bool image_only = false;  // the line is nothing but images
    bool link_only = false;   // the line is nothing but one or more links (navigation, related)
    bool emphasised = false;  // the whole line is **bold** or *italic* (deks, footers)
    std::string text;         // the line with block and inline markup removed
};

MarkdownLine parse_markdown_line(std::string_view line);

// True when the text shows markdown structure: an ATX heading near the top, a byline link
// "By [Name](...)", or several inline links. Scrapers save markdown with a .txt name.
bool looks_like_markdown(std::string_view text);

}  // namespace broadsheet
