// atom.cpp — the Atom feed through the XML writer, and the small URL and snippet helpers.
#include "server/formats/atom.h"

#include "server/formats/xml_writer.h"

namespace broadsheet {
namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";

// A source URL is linked only when it is http(s): anything else (javascript:, data:) could run
// in a feed reader that renders links.
bool is_web_url(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

void write_link(XmlWriter& xml, const char* rel, const char* type, std::string_view href) {
    xml.start("link");
    xml.attribute("rel", rel);
    if (type != nullptr) xml.attribute("type", type);
    xml.attribute("href", href);
    xml.end();
}

void write_entry(XmlWriter& xml, const AtomFeed& feed, const Hit& hit) {
    xml.start("entry");
    xml.element("id", "urn:broadsheet:article:" + percent_encode(hit.id));
    xml.element("title", hit.title.empty() ? "(untitled)" : hit.title);
    xml.element("updated", hit.date ? hit.date->iso() + "T00:00:00Z" : feed.updated);
    const std::string page = feed.base + "/?article=" + percent_encode(hit.id);
    write_link(xml, "alternate", nullptr, is_web_url(hit.url) ? hit.url : page);
    const std::string& author = hit.author.empty() ? hit.outlet : hit.author;
    if (!author.empty()) {
        xml.start("author");
        xml.element("name", author);
        xml.end();
    }
    if (!hit.outlet.empty()) {
        xml.start("category");
        xml.attribute("term", hit.outlet);
        xml.end();
    }
    xml.start("summary");
    xml.attribute("type", "text");
    xml.text(snippet_text(hit.snippet));
    xml.end();  // summary
    xml.end();  // entry
}

}  // namespace

std::string snippet_text(std::string_view snippet) {
    std::string out;
    out.reserve(snippet.size());
    for (std::size_t i = 0; i < snippet.size();) {
        const std::string_view rest = snippet.substr(i);
        if (rest.starts_with("<mark>")) {
            i += 6;
        } else if (rest.starts_with("</mark>")) {
            i += 7;
        } else if (rest.starts_with("&amp;")) {
            out += '&', i += 5;
        } else if (rest.starts_with("&lt;")) {
            out += '<', i += 4;
        } else if (rest.starts_with("&gt;")) {
            out += '>', i += 4;
        } else {
            out += snippet[i++];
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                                byte == '_' || byte == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

std::string atom_feed(const AtomFeed& feed, const std::vector<Hit>& hits) {
    XmlWriter xml;
    xml.start("feed");
    xml.attribute("xmlns", kAtomNs);
    xml.element("id", feed.id);
    xml.element("title", feed.title);
    xml.element("updated", feed.updated);
    write_link(xml, "self", "application/atom+xml", feed.self);
    write_link(xml, "alternate", "text/html", feed.alternate);
    // Atom requires an author for every entry: the feed's stands in where an entry has none.
    xml.start("author");
    xml.element("name", "Broadsheet");
    xml.end();
    xml.element("generator", "Broadsheet");
    for (const Hit& hit : hits) write_entry(xml, feed, hit);
    xml.end();
    return xml.finish();
}

}  // namespace broadsheet
