// html_dom.cpp — text, attributes and block kinds of libxml2 HTML elements, shared by the HTML
// metadata and main-text code.
#include "core/extract/html_dom.h"

#include "core/extract/text_util.h"

namespace broadsheet::html {
namespace {

// Whether the text of an article block leaves out the furniture inside it: a caption or credit
// span inside a paragraph ("<p><span class=caption>© Provided by X</span> Nintendo and Apple
// ...</p>") is not the paragraph's text.
enum class Inline { AllText, WithoutFurniture };

// Appends until `out` holds more than `limit` bytes: callers that only want short texts stop
// early instead of copying a whole page's text for every element they look at.
void append_text(const xmlNode* node, std::string& out, std::size_t limit,
                 Inline mode = Inline::AllText) {
    for (const xmlNode* child = node->children; child && out.size() <= limit; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content) out += reinterpret_cast<const char*>(child->content);
        } else if (child->type == XML_ELEMENT_NODE) {
            const auto name = name_of(child);
            if (name == "br") {
                out += ' ';
                continue;
            }
            // MathML's <annotation> holds the formula's TeX source, which readers never see.
            if (name == "script" || name == "style" || name == "noscript" || name == "template" ||
                name == "annotation" || name == "annotation-xml")
                continue;
            // A link's words belong to the sentence whatever its class says ("popup" notes).
            if (mode == Inline::WithoutFurniture && name != "a" &&
                furniture_kind(child) != Furniture::None)
                continue;
            out += is_block(child) ? " " : "";
            append_text(child, out, limit, mode);
            out += is_block(child) ? " " : "";
        }
    }
}

}  // namespace

std::string name_of(const xmlNode* node) {
    if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
    return text::to_lower(reinterpret_cast<const char*>(node->name));
}

std::string attr(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

std::string text_of(const xmlNode* node) {
    std::string raw;
    append_text(node, raw, std::string::npos);
    return text::clean_inline(raw);
}

std::optional<std::string> short_text_of(const xmlNode* node, std::size_t max_bytes) {
    // Markup indentation makes raw text longer than clean text; eight times the limit keeps
    // the short elements of real pages.
    const std::size_t raw_limit = max_bytes * 8;
    std::string raw;
    append_text(node, raw, raw_limit);
    if (raw.size() > raw_limit) return std::nullopt;
    auto clean = text::clean_inline(raw);
    if (clean.size() >= max_bytes) return std::nullopt;
    return clean;
}

bool is_block(const xmlNode* node) {
    static constexpr std::string_view kBlocks[] = {
        "p",  "div", "section", "article", "main",   "li",    "ul",         "ol",
        "h1", "h2",  "h3",      "h4",      "h5",     "h6",    "blockquote", "pre",
        "td", "tr",  "table",   "header",  "footer", "figure"};
    const auto name = name_of(node);
    for (auto b : kBlocks)
        if (name == b) return true;
    return false;
}

// An article block's text as a reader sees it: without the captions and buttons inside it.
std::string block_text_of(const xmlNode* node) {
    std::string raw;
    append_text(node, raw, std::string::npos, Inline::WithoutFurniture);
    return text::clean_inline(raw);
}

}  // namespace broadsheet::html
