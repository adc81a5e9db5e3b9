// html_furniture.cpp — which elements of a page are site furniture (navigation, share bars,
// comments, hidden text) rather than article, by tag, role, attributes and class or id words.
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/html_dom.h"
#include "core/extract/text_util.h"

namespace broadsheet::html {
namespace {

constexpr std::string_view kFurnitureElements[] = {
    "script",   "style",  "noscript", "nav",    "aside",  "footer", "header",
    "form",     "iframe", "svg",      "button", "select", "figure", "figcaption",
    "template", "input",  "label",    "menu",   "dialog", "object"};

constexpr std::string_view kFurnitureRoles[] = {"navigation",    "banner", "contentinfo",
                                                "complementary", "search", "dialog"};

// Words in class or id values that name site furniture. Matched against the pieces of the
// value split on spaces, '-' and '_' ("article-share-bar" → share), never as substrings, so
// "canvas" or "download" are not mistaken for "nav" or "ad". "comment" alone is left out:
// opinion pieces sit in containers like "content--comment"; "comments" sections stay out.
constexpr std::string_view kFurnitureWords[] = {
    "nav",         "navbar",    "navigation",   "menu",
    "footer",      "share",     "sharing",      "social",
    "related",     "comments",  "cookie",       "cookies",
    "newsletter",  "promo",     "advert",       "advertisement",
    "ad",          "ads",       "sidebar",      "breadcrumb",
    "breadcrumbs", "subscribe", "subscription", "signup",
    "popup",       "modal",     "recommended",  "recommendations",
    "trending",    "outbrain",  "taboola",      "caption",
    "byline",      "tags",      "widget",       "banner",
    "masthead",    "toolbar",   "paywall",      "disclaimer",
    "copyright"};

// One piece of a class or id value split on spaces, '-' and '_', in ASCII lower case.
// `negated` marks a piece right after "no" joined to it ("no_caption", "no-ads"): an element
// without captions or ads ("buzz_superlist_item_image no_caption" holds a headline over a
// picture).
struct ClassPiece {
    std::string word;
    bool negated = false;
};

std::vector<ClassPiece> class_pieces(const std::string& value) {
    std::vector<ClassPiece> pieces;
    std::string word;
    bool after_no = false;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ' ';
        if (c != ' ' && c != '-' && c != '_') {
            word += c;
            continue;
        }
        auto lowered = text::to_lower(word);
        word.clear();
        const bool negated = after_no;
        after_no = lowered == "no" && c != ' ';
        pieces.push_back({std::move(lowered), negated});
    }
    return pieces;
}

// True when a piece of `value` that is not negated is one of `words`.
template <std::size_t N>
bool names_one_of(const std::string& value, const std::string_view (&words)[N]) {
    for (const auto& piece : class_pieces(value)) {
        if (piece.negated) continue;
        for (auto w : words)
            if (piece.word == w) return true;
    }
    return false;
}

// Long furniture words also name furniture at the start of a compound piece ("relatedposts",
// "socialicons", "newslettersignup"); short ones ("ad", "nav", "menu") only alone, so that
// "adventure" or "navajo" stay text.
constexpr std::size_t kMinCompoundWord = 6;

bool names_furniture(const std::string& value) {
    for (const auto& piece : class_pieces(value))
        for (auto w : kFurnitureWords) {
            if (piece.word == w && !piece.negated) return true;
            if (w.size() >= kMinCompoundWord && piece.word.size() > w.size() &&
                piece.word.starts_with(w))
                return true;
        }
    return false;
}

// Class or id words of sections that are never the article, however much text they hold: a
// comment thread or a gallery of captions can outweigh the story it sits under.
constexpr std::string_view kNeverArticleWords[] = {"comments", "gallery", "slideshow", "carousel"};

// An inline style that hides the element: "display: none" or "visibility: hidden".
bool hidden_by_style(const std::string& style) {
    if (style.empty()) return false;
    std::string compact;
    for (char c : style)
        if (c != ' ' && c != '\t' && c != '\n') compact += c;
    compact = text::to_lower(compact);
    return compact.find("display:none") != std::string::npos ||
           compact.find("visibility:hidden") != std::string::npos;
}

// Short words that occur in ids made from heading text ("sharing-with-a-single-developer")
// and hardly ever in the names of widgets.
constexpr std::string_view kSlugWords[] = {"a",  "an",   "the",  "and", "of",  "with",
                                           "to", "from", "your", "how", "why", "what"};

// An id of four or more pieces with one of those words is a heading's anchor, not a widget
// name, whatever furniture word it contains.
bool is_heading_slug(const std::string& id) {
    std::size_t pieces = 0;
    bool in_piece = false;
    for (char c : id) {
        const bool separator = c == '-' || c == '_';
        pieces += !separator && !in_piece ? 1 : 0;
        in_piece = !separator;
    }
    return pieces >= 4 && names_one_of(id, kSlugWords);
}

}  // namespace

Furniture furniture_kind(const xmlNode* node) {
    const auto name = name_of(node);
    for (auto f : kFurnitureElements)
        if (name == f) return Furniture::Certain;
    const auto role = text::to_lower(attr(node, "role"));
    for (auto r : kFurnitureRoles)
        if (role == r) return Furniture::Certain;
    if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) ||
        attr(node, "aria-hidden") == "true" || hidden_by_style(attr(node, "style")))
        return Furniture::Certain;
    // The page body and article roots are never furniture, whatever their classes say.
    if (name == "body" || name == "html" || name == "main" || name == "article")
        return Furniture::None;
    const auto cls = attr(node, "class"), id = attr(node, "id");
    if (names_one_of(cls, kNeverArticleWords) || names_one_of(id, kNeverArticleWords))
        return Furniture::Certain;
    const bool furniture_id = names_furniture(id) && !is_heading_slug(id);
    return names_furniture(cls) || furniture_id ? Furniture::ByClassName : Furniture::None;
}

bool is_furniture(const xmlNode* node) {
    return furniture_kind(node) != Furniture::None;
}

}  // namespace broadsheet::html
