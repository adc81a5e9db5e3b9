// html.cpp — metadata (meta tags, JSON-LD, <time>, bylines) and main text of an HTML page.
#include "core/extract/html.h"

#include <libxml/HTMLparser.h>

#include <array>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/extract/boilerplate.h"
#include "core/extract/byline.h"
#include "core/extract/dates.h"
#include "core/extract/html_dates.h"
#include "core/extract/html_dom.h"
#include "core/extract/html_title.h"
#include "core/extract/plain_text.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

using html::attr;
using html::name_of;

// libxml2 would print parse errors to stderr; core never prints.
void silent_error(void*, const char*, ...) {}

// A title or author meta tag's value and whether it came from a property (RDFa) or a name
// attribute.
enum class KeyFrom { Name, Property };
struct DeclaredTitle {
    std::string value;
    KeyFrom from = KeyFrom::Name;

    // The first value wins, except that a property overrides a name ("dc:title" over "DC.title").
    void offer(const std::string& content, KeyFrom source) {
        if (value.empty() || (from == KeyFrom::Name && source == KeyFrom::Property)) {
            value = content;
            from = source;
        }
    }
};

struct PageMeta {
    std::string title_tag, h1, h1_article, h1_first;
    DeclaredTitle dc_title, og_title, twitter_title, parsely_title, sailthru_title;
    std::string site_name, application_name;
    std::string canonical, og_url;
    DeclaredTitle meta_author;         // author meta tags: first value, a property over a name
    std::optional<Date> published;     // article:published_time and friends
    std::optional<Date> time_marked;   // <time itemprop=datePublished> or class "published"
    std::optional<Date> time_article;  // the first <time> inside <article>/<main>
    std::optional<Date> time_any;      // the first <time> anywhere
    std::string byline;
    std::vector<std::string> footer_lines;  // text of <footer> and copyright elements
    // From JSON-LD.
    std::string ld_headline, ld_name, ld_author, ld_publisher, ld_url;
    // The site as JSON-LD names it besides a publisher: an article's "isPartOf" or a WebSite.
    std::string ld_site;
    std::optional<Date> ld_published;
    bool ld_found = false;
};

bool is_article_type(const nlohmann::json& type) {
    const auto matches = [](const std::string& t) {
        return t.ends_with("Article") || t == "BlogPosting" || t == "Report" ||
               t == "LiveBlogPosting" || t == "WebPage";
    };
    if (type.is_string()) return matches(type.get<std::string>());
    if (type.is_array())
        for (const auto& t : type)
            if (t.is_string() && matches(t.get<std::string>())) return true;
    return false;
}

std::string ld_text(const nlohmann::json& value) {
    if (value.is_string()) return text::clean_inline(value.get<std::string>());
    if (value.is_object()) {
        if (auto it = value.find("name"); it != value.end()) return ld_text(*it);
        // An "@id" is a reference ("#publisher") unless it is the page's URL.
        if (auto it = value.find("@id");
            it != value.end() && it->is_string() && it->get<std::string>().starts_with("http"))
            return ld_text(*it);
        return {};
    }
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value) {
            const auto piece = ld_text(item);
            if (piece.empty()) continue;
            if (!out.empty()) out += ", ";
            out += piece;
        }
        return out;
    }
    return {};
}

// Some sites wrap their JSON-LD in "<![CDATA[ ... ]]>" as if it were XHTML; the JSON is inside.
std::string_view without_cdata(std::string_view script) {
    const auto body = text::trim(script);
    constexpr std::string_view kOpen = "<![CDATA[", kClose = "]]>";
    if (!body.starts_with(kOpen) || !body.ends_with(kClose)) return script;
    return body.substr(kOpen.size(), body.size() - kOpen.size() - kClose.size());
}

// The site's name from JSON-LD other than the publisher: a WebSite entity's "name", or what an
// article or page "isPartOf" (a WebSite, a periodical) when that is named. The first one wins.
void read_json_ld_site(const nlohmann::json& node, const nlohmann::json& type, PageMeta& meta) {
    if (!meta.ld_site.empty()) return;
    if (type.is_string() && type.get<std::string>() == "WebSite") {
        if (auto it = node.find("name"); it != node.end() && it->is_string())
            meta.ld_site = ld_text(*it);
        return;
    }
    if (!is_article_type(type)) return;
    const auto part_of = node.find("isPartOf");
    if (part_of == node.end() || !part_of->is_object()) return;
    if (auto it = part_of->find("name"); it != part_of->end() && it->is_string())
        meta.ld_site = ld_text(*it);
}

void read_json_ld(const nlohmann::json& node, PageMeta& meta, int depth = 0) {
    if (depth > 8) return;
    if (node.is_array()) {
        for (const auto& item : node) read_json_ld(item, meta, depth + 1);
        return;
    }
    if (!node.is_object()) return;
    if (auto graph = node.find("@graph"); graph != node.end())
        read_json_ld(*graph, meta, depth + 1);
    const auto type = node.find("@type");
    if (type == node.end()) return;
    read_json_ld_site(node, *type, meta);
    if (!is_article_type(*type)) return;
    // A WebPage only fills gaps; an Article type wins over it.
    const bool web_page = type->is_string() && type->get<std::string>() == "WebPage";
    if (meta.ld_found && web_page) return;
    const auto get = [&](const char* key) -> std::string {
        auto it = node.find(key);
        return it == node.end() ? std::string{} : ld_text(*it);
    };
    if (!web_page || meta.ld_headline.empty()) {
        if (auto h = get("headline"); !h.empty()) meta.ld_headline = h;
        if (auto n = get("name"); !n.empty()) meta.ld_name = n;
        if (auto d = get("datePublished"); !d.empty()) meta.ld_published = parse_date(d);
        if (auto a = get("author"); !a.empty()) meta.ld_author = a;
        if (auto p = get("publisher"); !p.empty()) meta.ld_publisher = p;
        if (auto u = get("url"); !u.empty()) meta.ld_url = u;
        if (meta.ld_url.empty())
            if (auto m = get("mainEntityOfPage"); m.starts_with("http")) meta.ld_url = m;
    }
    if (!web_page) meta.ld_found = true;
}

// Title keys; a property may list several ("x:title dc:title").
void read_title_keys(const xmlNode* node, const std::string& content, PageMeta& meta) {
    const auto offer = [&](std::string_view key, KeyFrom from) {
        if (key == "dc:title" || key == "dc.title" || key == "dcterm:title" ||
            key == "dcterms.title")
            meta.dc_title.offer(content, from);
        if (key == "og:title") meta.og_title.offer(content, from);
        if (key == "twitter:title") meta.twitter_title.offer(content, from);
        if (key == "parsely-title") meta.parsely_title.offer(content, from);
        if (key == "sailthru.title") meta.sailthru_title.offer(content, from);
    };
    for (const auto& key : text::split_trimmed(text::to_lower(attr(node, "property")), ' '))
        offer(key, KeyFrom::Property);
    offer(text::to_lower(attr(node, "name")), KeyFrom::Name);
}

// Author keys, as for titles: a property may list several ("dc:creator twitter:site_name"), and
// a property (RDFa) overrides a name ("dc:creator" over "author"). Profile URLs are no names.
void read_author_keys(const xmlNode* node, const std::string& content, PageMeta& meta) {
    if (content.starts_with("http")) return;
    static constexpr std::string_view kAuthorKeys[] = {
        "author",          "article:author", "byl",
        "dc.creator",      "dc:creator",     "dcterm:creator",
        "dcterms.creator", "parsely-author", "sailthru.author"};
    const auto offer = [&](std::string_view key, KeyFrom from) {
        for (auto k : kAuthorKeys)
            if (key == k) meta.meta_author.offer(content, from);
    };
    for (const auto& key : text::split_trimmed(text::to_lower(attr(node, "property")), ' '))
        offer(key, KeyFrom::Property);
    offer(text::to_lower(attr(node, "name")), KeyFrom::Name);
}

void read_meta_tag(const xmlNode* node, PageMeta& meta) {
    const auto key = text::to_lower(!attr(node, "property").empty() ? attr(node, "property")
                                    : !attr(node, "name").empty()   ? attr(node, "name")
                                                                    : attr(node, "itemprop"));
    const auto content = text::clean_inline(attr(node, "content"));
    if (content.empty()) return;
    read_title_keys(node, content, meta);
    if (key.empty()) return;
    if (key == "og:site_name") meta.site_name = content;
    if (key == "application-name" || key == "apple-mobile-web-app-title")
        meta.application_name = content;
    if (key == "og:url") meta.og_url = content;
    read_author_keys(node, content, meta);
    static constexpr std::string_view kPublishedKeys[] = {
        "article:published_time", "datepublished",    "date",           "pubdate", "publish-date",
        "publish_date",           "publication_date", "dc.date.issued", "dc.date", "sailthru.date",
        "parsely-pub-date",       "og:published_time"};
    for (auto k : kPublishedKeys)
        if (key == k && !meta.published) meta.published = parse_date(content);
}

// Footer text, one line per paragraph-level element, as evidence for the outlet.
void read_footer(const xmlNode* node, std::vector<std::string>& lines) {
    bool has_blocks = false;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || !html::is_block(child)) continue;
        has_blocks = true;
        read_footer(child, lines);
    }
    if (has_blocks) return;
    const auto t = html::text_of(node);
    if (!t.empty() && t.size() < 600) lines.push_back(t);
}

void walk(const xmlNode* node, PageMeta& meta, bool in_head, bool in_article) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        const auto name = name_of(child);
        if (name == "title" && meta.title_tag.empty()) meta.title_tag = html::text_of(child);
        if (name == "meta") read_meta_tag(child, meta);
        if (name == "link" && text::to_lower(attr(child, "rel")) == "canonical")
            meta.canonical = attr(child, "href");
        if (name == "script" && text::contains_ci(attr(child, "type"), "ld+json")) {
            xmlChar* content = xmlNodeGetContent(child);
            if (content) {
                const auto json = nlohmann::json::parse(
                    without_cdata(reinterpret_cast<const char*>(content)), nullptr, false);
                xmlFree(content);
                if (!json.is_discarded()) read_json_ld(json, meta);
            }
            continue;
        }
        if (name == "h1") {
            // A logo in an <h1> is common; prefer the article's own, then any real headline.
            const auto t = html::text_of(child);
            if (in_article && meta.h1_article.empty()) meta.h1_article = t;
            if (meta.h1.empty() && text::count_words(t) >= 3) meta.h1 = t;
            if (meta.h1_first.empty()) meta.h1_first = t;
        }
        if (name == "time") {
            // A <time> marked as the publication, or the first inside the article, counts; a
            // sidebar's dates ("Latest news") do not.
            const auto itemprop = text::to_lower(attr(child, "itemprop"));
            const auto cls_time = text::to_lower(attr(child, "class"));
            const bool marked = itemprop == "datepublished" || !attr(child, "pubdate").empty() ||
                                text::contains_ci(cls_time, "publish");
            // WordPress marks a never-edited post's one <time> "entry-date published updated":
            // a date marked as published is the publication date, whatever else it is.
            const bool modified = itemprop == "datemodified" ||
                                  (!marked && (text::contains_ci(cls_time, "updated") ||
                                               text::contains_ci(cls_time, "modified")));
            auto value = attr(child, "datetime");
            if (value.empty()) value = html::text_of(child);
            const auto date = modified ? std::nullopt : parse_date(value);
            if (date && marked && !meta.time_marked) meta.time_marked = date;
            if (date && in_article && !meta.time_article) meta.time_article = date;
            if (date && !meta.time_any) meta.time_any = date;
        }
        const auto cls = text::to_lower(attr(child, "class") + " " + attr(child, "itemprop") + " " +
                                        attr(child, "rel"));
        if (meta.byline.empty() && !in_head) {
            const bool marked = name == "address" || text::contains_ci(cls, "byline") ||
                                text::contains_ci(cls, "author");
            const auto t = html::short_text_of(child, 160);
            // Old pages print "By X | site | date" in an unmarked info line.
            if (t && !t->empty() && (marked || parse_byline(*t))) meta.byline = *t;
        }
        const auto id_class = text::to_lower(attr(child, "id") + " " + attr(child, "class"));
        if (name == "footer" || text::contains_ci(id_class, "footer") ||
            text::contains_ci(id_class, "copyright")) {
            read_footer(child, meta.footer_lines);
            continue;
        }
        walk(child, meta, in_head || name == "head",
             in_article || name == "article" || name == "main");
    }
}

// "Headline | Local News | The Seattle Times" → "The Seattle Times": pages brand their <title>.
std::string site_from_title_tag(std::string_view title) {
    std::size_t best = std::string_view::npos, len = 0;
    for (std::string_view sep : {" | ", " - ", " \u2014 ", " \u2013 ", " :: "}) {
        const auto pos = title.rfind(sep);
        if (pos != std::string_view::npos && (best == std::string_view::npos || pos > best)) {
            best = pos;
            len = sep.size();
        }
    }
    if (best == std::string_view::npos) return {};
    const auto site = text::trim(title.substr(best + len));
    return text::count_words(site) <= 5 ? std::string(site) : std::string{};
}

// "https://www.salon.com/2014/..." → {"salon.com", "salon"}: the host and its longest label
// before the top-level domain, as names a <title> may brand itself with.
std::vector<std::string> host_names(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    auto host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (text::starts_with_ci(host, "www.")) host.remove_prefix(4);
    const auto labels = text::split_trimmed(host, '.');
    if (labels.size() < 2) return {};
    std::string longest;
    for (std::size_t i = 0; i + 1 < labels.size(); ++i)
        if (labels[i].size() > longest.size()) longest = labels[i];
    return {std::string(host), longest};
}

// og:site_name, unless the JSON-LD publisher agrees with its start and the rest is a tagline
// or a domain ending ("Aktuálně.cz - Víte, co se právě děje", "Libération.fr" beside the
// publisher "Aktuálně.cz", "Libération"): then the publisher's name. Then the publisher, then
// the JSON-LD WebSite or "isPartOf" name, then application-name.
std::string declared_site_name(const PageMeta& meta) {
    if (meta.site_name.empty())
        return !meta.ld_publisher.empty() ? meta.ld_publisher
               : !meta.ld_site.empty()    ? meta.ld_site
                                          : meta.application_name;
    const std::string_view site = meta.site_name, publisher = meta.ld_publisher;
    if (publisher.empty() || site.size() <= publisher.size() ||
        !text::starts_with_ci(site, publisher))
        return meta.site_name;
    const auto rest = site.substr(publisher.size());
    const bool tagline = rest.starts_with(" - ") || rest.starts_with(" | ") ||
                         rest.starts_with(" \u2013 ") || rest.starts_with(" \u2014 ");
    const bool domain_ending =
        rest.size() <= 4 && rest.front() == '.' && text::count_words(rest) == 1;
    return tagline || domain_ending ? meta.ld_publisher : meta.site_name;
}

void decide_title(const PageMeta& meta, Draft& draft) {
    TitleSources sources{meta.ld_headline,
                         meta.ld_name,
                         meta.dc_title.value,
                         meta.og_title.value,
                         meta.twitter_title.value,
                         meta.parsely_title.value,
                         meta.sailthru_title.value,
                         meta.h1_article,
                         meta.h1,
                         meta.h1_first,
                         meta.title_tag,
                         {meta.site_name, meta.application_name, meta.ld_publisher}};
    for (const auto& url : {meta.canonical, meta.og_url, meta.ld_url})
        for (auto& name : host_names(url)) sources.site_names.push_back(std::move(name));
    auto decided = decide_html_title(sources);
    if (decided.origin == TitleOrigin::Declared) draft.meta_title = decided.title;
    draft.title = std::move(decided.title);
    draft.title_origin = decided.origin;
}

// A short block that is a byline ("By Jane Doe") or a date line ("Updated April 5, 2018"):
// page furniture inside the article container, read into fields rather than the body.
bool is_byline_or_date_line(std::string_view block) {
    if (text::count_words(block) > 12) return false;
    return parse_byline(block).has_value() ||
           classify_date_line(block).kind != DateLineKind::NotDateLine;
}

}  // namespace

void init_html_parser() {
    xmlInitParser();
}

Draft parse_html(std::string_view source) {
    Draft draft;
    xmlSetGenericErrorFunc(nullptr, silent_error);
    const int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        htmlReadMemory(source.data(), static_cast<int>(source.size()), nullptr, "UTF-8", options),
        xmlFreeDoc);
    if (!doc) return draft;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return draft;

    PageMeta meta;
    walk(root, meta, false, false);

    decide_title(meta, draft);
    draft.site_hint = site_from_title_tag(meta.title_tag);
    draft.meta_date = meta.ld_published ? meta.ld_published : meta.published;
    draft.meta_outlet = declared_site_name(meta);
    draft.meta_author = !meta.ld_author.empty() ? meta.ld_author : meta.meta_author.value;
    draft.meta_url = !meta.canonical.empty() ? meta.canonical
                     : !meta.og_url.empty()  ? meta.og_url
                                             : meta.ld_url;
    if (!draft.meta_url.starts_with("http")) draft.meta_url.clear();

    // The main text. The plain-text step reads bylines, date lines and chrome lines from it, but
    // the body is the DOM's blocks: that step's layout rules are for scraped text, and on saved
    // pages they dropped short paragraphs, list items and whole Chinese ones. Only chrome lines,
    // short byline and date lines, and the headline or byline repeated inside the article leave
    // the body.
    const auto blocks = html::main_text_blocks(root);
    std::string body;
    for (const auto& block : blocks) {
        if (!body.empty()) body += "\n\n";
        body += block;
    }
    const std::string known_title = !draft.meta_title.empty() ? draft.meta_title : draft.title;
    Draft text = parse_text(body, TextOptions{TextFlavour::Plain, known_title});
    for (const auto& block : blocks) {
        const bool repeated = block == known_title || block == draft.title ||
                              block == meta.byline || block == text.byline_text;
        if (!repeated && !is_chrome(block) && !is_byline_or_date_line(block))
            draft.paragraphs.push_back(block);
    }
    draft.chrome = std::move(text.chrome);
    for (auto& line : meta.footer_lines) draft.chrome.push_back(std::move(line));

    draft.byline_text = meta.byline;
    if (!meta.byline.empty()) {
        if (auto by = parse_byline(meta.byline)) {
            draft.author = by->author;
            draft.byline_date = by->date;
        } else {
            draft.author = clean_author(meta.byline);
        }
    }
    if (draft.author.empty()) draft.author = text.author;
    if (!draft.byline_date) draft.byline_date = meta.time_marked;
    if (!draft.byline_date) draft.byline_date = meta.time_article;
    if (!draft.byline_date) draft.byline_date = text.byline_date;
    // A date line printed around the headline but outside the article's text (a header
    // above it, "Stand: ..." beside it) dates the page too; the first date line of a page
    // without a headline comes after the URL path.
    const auto printed = html::page_dates(root, html::numeric_order_of(root, draft.meta_url));
    if (!draft.byline_date) draft.byline_date = printed.near_headline;
    // Outside the article a lone <time> is still better than nothing, after the URL path.
    if (!draft.text_date) draft.text_date = meta.time_any;
    if (!draft.text_date) draft.text_date = printed.first_in_page;
    if (text.text_date) draft.text_date = text.text_date;
    draft.updated_date = text.updated_date;
    draft.url = text.url;
    if (draft.byline_text.empty()) draft.byline_text = text.byline_text;
    return draft;
}

}  // namespace broadsheet
