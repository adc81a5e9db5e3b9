// html_body.cpp — DOM helpers and the content-density search for an HTML page's main text.
#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "core/extract/html_dom.h"
#include "core/extract/plain_text.h"
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

// An article block's text as a reader sees it: without the captions and buttons inside it.
std::string block_text_of(const xmlNode* node) {
    std::string raw;
    append_text(node, raw, std::string::npos, Inline::WithoutFurniture);
    return text::clean_inline(raw);
}

std::size_t link_chars(const xmlNode* node) {
    std::size_t total = 0;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (name_of(child) == "a")
            total += text_of(child).size();
        else
            total += link_chars(child);
    }
    return total;
}

bool has_block_child(const xmlNode* node) {
    for (const xmlNode* child = node->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE && (is_block(child) || has_block_child(child)))
            return true;
    return false;
}

// A leaf container whose own text is prose: <p>, <pre>, or a div/td holding text directly.
bool is_paragraph_like(const xmlNode* node) {
    const auto name = name_of(node);
    if (name == "p" || name == "pre") return true;
    if (name == "div" || name == "td" || name == "section" || name == "article")
        return !has_block_child(node);
    return false;
}

// Prose characters below each element (paragraph-like blocks of 25+ characters, at most half
// links), counted through furniture named by a class or id but not through certain furniture.
// Each element's furniture kind is recorded on the way, since every later pass asks again.
struct Prose {
    std::unordered_map<const xmlNode*, std::size_t> below;
    std::unordered_map<const xmlNode*, Furniture> kinds;

    std::size_t count(const xmlNode* node) {
        std::size_t total = 0;
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            const Furniture kind = furniture_kind(child);
            kinds.emplace(child, kind);
            if (kind == Furniture::Certain) continue;
            if (is_paragraph_like(child)) {
                const auto text = text_of(child);
                if (text.size() >= 25 && link_chars(child) * 2 <= text.size()) total += text.size();
                continue;
            }
            total += count(child);
        }
        below[node] = total;
        return total;
    }
};

// What the main-text search skips: certain furniture always; an element whose class or id
// names furniture only when it does not hold most of the page's prose. Sites name the wrappers
// of their articles after layouts ("panel-two-col-sidebar-right", "share-container-parent",
// "nav-drawer-panel"), so a class name is weaker evidence than the text inside it.
class Skipper {
  public:
    explicit Skipper(const xmlNode* root) { total_ = prose_.count(root); }

    bool skips(const xmlNode* node) const {
        const auto known = prose_.kinds.find(node);
        switch (known != prose_.kinds.end() ? known->second : furniture_kind(node)) {
            case Furniture::None:
                return false;
            case Furniture::Certain:
                return true;
            case Furniture::ByClassName:
                break;
        }
        return prose_below(node) * 2 <= total_;
    }

    std::size_t prose_below(const xmlNode* node) const {
        const auto it = prose_.below.find(node);
        return it == prose_.below.end() ? 0 : it->second;
    }

  private:
    Prose prose_;
    std::size_t total_ = 0;
};

struct Scorer {
    const Skipper& skipper;
    std::map<const xmlNode*, double> scores;

    void visit(const xmlNode* node) {
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE || skipper.skips(child)) continue;
            if (is_paragraph_like(child)) {
                score_paragraph(child);
                continue;
            }
            visit(child);
        }
    }

    void score_paragraph(const xmlNode* p) {
        const auto text = text_of(p);
        if (text.size() < 25) return;
        if (link_chars(p) * 2 > text.size()) return;
        std::size_t commas = 0;
        for (char c : text) commas += c == ',';
        const double score = 1.0 + static_cast<double>(commas) +
                             std::min(static_cast<double>(text.size()) / 100.0, 3.0);
        double share = 1.0;
        for (const xmlNode* up = p->parent; up && up->type == XML_ELEMENT_NODE && share > 0.2;
             up = up->parent) {
            scores[up] += score * share;
            share /= 2;
        }
    }
};

// "Thanks to evilpie, users can now import logins." read as a whole sentence with final
// punctuation: article text even when most of it is a link, unlike a menu item or a headline.
bool is_linked_sentence(std::string_view text) {
    return text::count_words(text) >= 6 && ends_like_sentence(text);
}

// Text that sits directly in a container beside its blocks ("<li>We landed Bug 42 <ul>...</ul>
// </li>", "<div>Text<br><br>More text<p>...</p></div>"): the runs between the blocks, each kept
// as a block of its own when it reads as text rather than a stray label or a link.
class LooseText {
  public:
    enum class Next { Block, End };

    void add_text(const xmlNode* text_node) {
        if (text_node->content) raw_ += reinterpret_cast<const char*>(text_node->content);
    }
    void add_inline(const xmlNode* element) {
        if (name_of(element) == "br") {
            raw_ += ' ';
            return;
        }
        const auto text = text_of(element);
        raw_ += ' ' + text + ' ';
        links_ += name_of(element) == "a" ? text.size() : link_chars(element);
    }
    // `next` says what follows the run: a short unlinked run right before a block is that
    // block's label ("<span class=headline2>Step 1</span><p>Measure the ...</p>").
    void flush(std::vector<std::string>& out, Next next) {
        const auto text = text::clean_inline(raw_);
        const bool prose = text.size() >= kMinLooseChars && links_ * 2 <= text.size();
        const bool label = next == Next::Block && links_ == 0 && !text.empty() &&
                           text::count_words(text) <= kMaxLabelWords;
        if (prose || label || (!text.empty() && is_linked_sentence(text))) out.push_back(text);
        raw_.clear();
        links_ = 0;
    }

  private:
    static constexpr std::size_t kMinLooseChars = 25;
    static constexpr std::size_t kMaxLabelWords = 8;
    std::string raw_;
    std::size_t links_ = 0;
};

// How a list item's links are judged. A list whose text is mostly prose ("<li>Thanks to evilpie,
// users can now <a>import logins from Keepass</a></li>" among sentences) keeps its linked items:
// the list as a whole says whether it is a menu, as a reader sees it, not each item alone.
enum class ListLinks { JudgeEachItem, ProseList };

ListLinks links_of_list(const xmlNode* list) {
    const auto text = text_of(list);
    return link_chars(list) * 2 <= text.size() ? ListLinks::ProseList : ListLinks::JudgeEachItem;
}

void collect_blocks(const xmlNode* node, const Skipper& skipper, std::vector<std::string>& out,
                    ListLinks list_links = ListLinks::JudgeEachItem) {
    LooseText loose;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            loose.add_text(child);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE || skipper.skips(child)) continue;
        const auto name = name_of(child);
        if (!is_block(child) && !has_block_child(child)) {
            loose.add_inline(child);
            continue;
        }
        loose.flush(out, LooseText::Next::Block);
        // An <h1> is kept too: the HTML step drops it when it is the headline, and keeps one
        // that differs (a second headline, a section title).
        const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
        if (is_paragraph_like(child) || heading ||
            ((name == "li" || name == "blockquote") && !has_block_child(child))) {
            const auto text = block_text_of(child);
            if (text.empty()) continue;
            const bool prose_item = name == "li" && list_links == ListLinks::ProseList;
            // Menus and link lists, but not sentences that happen to be mostly a link.
            if (link_chars(child) * 2 > text.size() && !heading && !is_linked_sentence(text) &&
                !prose_item)
                continue;
            // Short list items are menu entries when linked, list content (materials, steps)
            // otherwise.
            if (name == "li" && text.size() < 20 && link_chars(child) > 0 && !prose_item) continue;
            out.push_back(text);
            continue;
        }
        const bool list = name == "ul" || name == "ol";
        collect_blocks(child, skipper, out, list ? links_of_list(child) : list_links);
    }
    loose.flush(out, LooseText::Next::End);
}

bool is_ancestor(const xmlNode* ancestor, const xmlNode* node) {
    for (const xmlNode* up = node ? node->parent : nullptr; up; up = up->parent)
        if (up == ancestor) return true;
    return false;
}

// Articles split into sections, each in its own container, score as several close candidates
// rather than one. When another of the top candidates scores kCloseShare of the best or more
// and shares an ancestor with it at most kMaxLift levels up, that ancestor holds the article
// (its link lists and furniture are still left out block by block).
constexpr double kCloseShare = 0.5;
constexpr std::size_t kMinSections = 1;
constexpr int kMaxLift = 6;
constexpr std::size_t kTopCandidates = 6;

const xmlNode* lift_to_shared_ancestor(const xmlNode* best, double best_score,
                                       const std::map<const xmlNode*, double>& scores) {
    std::vector<std::pair<double, const xmlNode*>> close;
    for (const auto& [node, score] : scores)
        if (node != best && score >= kCloseShare * best_score && !is_ancestor(node, best) &&
            !is_ancestor(best, node))
            close.emplace_back(score, node);
    std::sort(close.begin(), close.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    if (close.size() > kTopCandidates) close.resize(kTopCandidates);
    if (close.size() < kMinSections) return best;
    const xmlNode* up = best->parent;
    for (int level = 1; up && up->type == XML_ELEMENT_NODE && level <= kMaxLift;
         ++level, up = up->parent) {
        std::size_t below = 0;
        for (const auto& [score, node] : close) below += is_ancestor(up, node) ? 1 : 0;
        if (below >= kMinSections) return up;
    }
    return best;
}

// The first word of an element's class ("story-body" of "story-body story-body-2").
std::string first_class(const xmlNode* node) {
    const auto cls = attr(node, "class");
    const auto start = cls.find_first_not_of(' ');
    if (start == std::string::npos) return {};
    return cls.substr(start, cls.find(' ', start) - start);
}

// Sibling containers of one kind (same tag, same first class) hold parts of one article: a
// story in "story-body story-body-1" and "story-body story-body-2" around an advert.
bool same_kind(const xmlNode* a, const xmlNode* b) {
    const auto cls = first_class(a);
    return !cls.empty() && name_of(a) == name_of(b) && cls == first_class(b);
}

// The same for the container one or two levels up: "story-body-supplemental" blocks that each
// hold a "story-body" part. The ancestor with a same-kind sibling that holds prose becomes the
// candidate, so that the sibling pass takes in the other parts.
const xmlNode* lift_to_repeated_container(const xmlNode* best, const Skipper& skipper) {
    const xmlNode* up = best->parent;
    for (int level = 1; up && up->type == XML_ELEMENT_NODE && level <= 2;
         ++level, up = up->parent) {
        const auto name = name_of(up);
        if (name == "body" || name == "html") break;
        for (const xmlNode* s = up->parent ? up->parent->children : nullptr; s; s = s->next)
            if (s != up && s->type == XML_ELEMENT_NODE && same_kind(s, up) &&
                skipper.prose_below(s) > 0)
                return up;
    }
    return best;
}

// An article whose first paragraphs sit beside the container of the rest ("<div class=body>
// <p>intro</p><p>...</p><div id=read-more><div>15 paragraphs</div></div></div>"): an ancestor
// up to kMaxProseLift levels up whose own prose outside the chosen container is at least
// 1/kOutsideProseShare of the container's holds the article.
constexpr int kMaxProseLift = 2;
constexpr std::size_t kOutsideProseShare = 5;

const xmlNode* lift_to_prose_ancestor(const xmlNode* best, const Skipper& skipper) {
    const std::size_t inside = skipper.prose_below(best);
    const xmlNode* lifted = best;
    const xmlNode* path = best;
    const xmlNode* up = best->parent;
    for (int level = 1; up && up->type == XML_ELEMENT_NODE && level <= kMaxProseLift;
         ++level, path = up, up = up->parent) {
        const auto name = name_of(up);
        if (name == "body" || name == "html" || skipper.skips(up)) break;
        const std::size_t outside = skipper.prose_below(up) - skipper.prose_below(path);
        if (outside * kOutsideProseShare >= inside) lifted = up;
    }
    return lifted;
}

// A paragraph beside the article's container that belongs to it: a lead ("<div class=perex>")
// or a closing line set apart by the layout. Long and link-poor, or a short whole sentence
// without links, as a reader would take it for part of the story.
constexpr std::size_t kMinSiblingParagraph = 80;

std::string sibling_paragraph(const xmlNode* node) {
    auto text = block_text_of(node);
    const std::size_t links = link_chars(node);
    const bool long_prose = text.size() >= kMinSiblingParagraph && links * 4 < text.size();
    const bool short_sentence =
        links == 0 && text::count_words(text) >= 6 && ends_like_sentence(text);
    return long_prose || short_sentence ? text : std::string{};
}

// Whether `sibling` is another section of the article `best` holds: of the same kind as
// `best` ("story-body-1", "story-body-2"), or as one of the sections inside it (a lead in an
// "o-article_block" beside the wrapper of the other "o-article_block"s), and holding prose.
bool is_section_of(const xmlNode* sibling, const xmlNode* best, const Skipper& skipper) {
    if (skipper.prose_below(sibling) == 0) return false;
    if (same_kind(sibling, best)) return true;
    for (const xmlNode* child = best->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE && same_kind(child, sibling) &&
            skipper.prose_below(child) > 0)
            return true;
    return false;
}

// What the sibling pass weighs siblings by: the search's skipper and the paragraph scores.
struct Density {
    const Skipper& skipper;
    const std::map<const xmlNode*, double>& scores;
    double best_score;
};

// The chosen container's blocks, with those of its siblings that continue the article: articles
// split by ads or embeds continue in sibling containers of similar density.
void collect_with_siblings(const xmlNode* best, const Density& density,
                           std::vector<std::string>& blocks) {
    const Skipper& skipper = density.skipper;
    const xmlNode* parent = best->parent;
    if (!parent) {
        collect_blocks(best, skipper, blocks);
        return;
    }
    for (const xmlNode* sibling = parent->children; sibling; sibling = sibling->next) {
        if (sibling->type != XML_ELEMENT_NODE || skipper.skips(sibling)) continue;
        if (sibling == best) {
            collect_blocks(best, skipper, blocks);
            continue;
        }
        const auto it = density.scores.find(sibling);
        // Dense near its paragraphs, or holding a good share of the article's prose deeper down
        // (sections wrapped in several layers of layout containers).
        const bool dense = (it != density.scores.end() && it->second >= 0.2 * density.best_score) ||
                           skipper.prose_below(sibling) * 4 >= skipper.prose_below(best) ||
                           is_section_of(sibling, best, skipper);
        if (dense) {
            collect_blocks(sibling, skipper, blocks);
        } else if (is_paragraph_like(sibling)) {
            if (auto text = sibling_paragraph(sibling); !text.empty())
                blocks.push_back(std::move(text));
        }
    }
}

// A page with text never yields an empty body: when no block reads as prose ("<body>Test
// </body>", a page of short lines), the text of its <body> without furniture is the body.
void page_text_fallback(const xmlNode* root, std::vector<std::string>& blocks) {
    const xmlNode* body = root;
    for (const xmlNode* child = root->children; child; child = child->next)
        if (name_of(child) == "body") body = child;
    if (auto text = block_text_of(body); !text.empty()) blocks.push_back(std::move(text));
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

std::vector<std::string> main_text_blocks(const xmlNode* root) {
    const Skipper skipper(root);
    Scorer scorer{skipper, {}};
    scorer.visit(root);
    const xmlNode* best = nullptr;
    double best_score = 0;
    for (const auto& [node, score] : scorer.scores) {
        if (score > best_score) {
            best = node;
            best_score = score;
        }
    }
    std::vector<std::string> blocks;
    if (!best) {
        collect_blocks(root, skipper, blocks);
        if (blocks.empty()) page_text_fallback(root, blocks);
        return blocks;
    }
    best = lift_to_shared_ancestor(best, best_score, scorer.scores);
    best = lift_to_repeated_container(best, skipper);
    best = lift_to_prose_ancestor(best, skipper);
    collect_with_siblings(best, {skipper, scorer.scores, best_score}, blocks);
    return blocks;
}

}  // namespace broadsheet::html
