// feed.cpp — Atom and OpenSearch XML through libxml2's xmlTextWriter (which escapes), with
// text first made safe for XML 1.0, and the small URL and snippet helpers feeds need.
#include "core/search/feed.h"

#include <libxml/xmlwriter.h>

#include <memory>

#include "core/error.h"

namespace broadsheet {
namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kOpenSearchNs = "http://a9.com/-/spec/opensearch/1.1/";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at text[i] that XML 1.0 allows (Char production), or 0.
std::size_t xml_char_length(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) return (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') ? 1 : 0;
    std::size_t extra = 0;
    unsigned cp = 0, min = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1, cp = lead & 0x1Fu, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2, cp = lead & 0x0Fu, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3, cp = lead & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (i + extra >= text.size()) return 0;
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto cont = static_cast<unsigned char>(text[i + k]);
        if ((cont & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cont & 0x3Fu);
    }
    const bool allowed = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
                         cp != 0xFFFE && cp != 0xFFFF;
    return allowed ? extra + 1 : 0;
}

// `text` with every byte sequence XML 1.0 cannot carry replaced by U+FFFD: libxml2's writer
// escapes markup characters but would copy such bytes and produce a document no parser accepts.
std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = xml_char_length(text, i);
        if (length == 0) {
            out += kReplacement;
            ++i;
        } else {
            out.append(text, i, length);
            i += length;
        }
    }
    return out;
}

const xmlChar* x(const char* text) {
    return reinterpret_cast<const xmlChar*>(text);
}

// An xmlTextWriter into memory; every call throws Error(Internal) if libxml2 reports a failure.
class XmlWriter {
  public:
    XmlWriter()
        : buffer_(xmlBufferCreate(), xmlBufferFree),
          writer_(xmlNewTextWriterMemory(buffer_.get(), 0), xmlFreeTextWriter) {
        if (!buffer_ || !writer_) throw Error(ErrorCode::Internal, "cannot create an XML writer");
        check(xmlTextWriterSetIndent(writer_.get(), 1));
        check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr));
    }
    void start(const char* name) { check(xmlTextWriterStartElement(writer_.get(), x(name))); }
    void end() { check(xmlTextWriterEndElement(writer_.get())); }
    void attribute(const char* name, std::string_view value) {
        const std::string safe = xml_safe(value);
        check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(safe.c_str())));
    }
    void element(const char* name, std::string_view text) {
        const std::string safe = xml_safe(text);
        check(xmlTextWriterWriteElement(writer_.get(), x(name), x(safe.c_str())));
    }
    void text(std::string_view content) {
        const std::string safe = xml_safe(content);
        check(xmlTextWriterWriteString(writer_.get(), x(safe.c_str())));
    }
    std::string finish() {
        check(xmlTextWriterEndDocument(writer_.get()));
        check(xmlTextWriterFlush(writer_.get()));
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                           static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
    }

  private:
    static void check(int result) {
        if (result < 0) throw Error(ErrorCode::Internal, "libxml2 could not write the XML");
    }
    std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer_;
    std::unique_ptr<xmlTextWriter, void (*)(xmlTextWriterPtr)> writer_;
};

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

std::string opensearch_description(std::string_view base) {
    XmlWriter xml;
    xml.start("OpenSearchDescription");
    xml.attribute("xmlns", kOpenSearchNs);
    xml.element("ShortName", "Broadsheet");
    xml.element("Description", "Search the Broadsheet news archive");
    xml.element("InputEncoding", "UTF-8");
    const std::string root(base);
    const auto url = [&](const char* type, const char* rel, const std::string& tmpl) {
        xml.start("Url");
        xml.attribute("type", type);
        if (rel != nullptr) xml.attribute("rel", rel);
        xml.attribute("template", tmpl);
        xml.end();
    };
    url("text/html", nullptr, root + "/?q={searchTerms}");
    url("application/atom+xml", nullptr, root + "/api/search.atom?q={searchTerms}");
    url("application/x-suggestions+json", nullptr,
        root + "/api/suggest?format=opensearch&q={searchTerms}");
    url("application/opensearchdescription+xml", "self", root + "/api/opensearch.xml");
    xml.end();
    return xml.finish();
}

}  // namespace broadsheet
