// xml_writer.cpp — XML 1.0 character checking and the xmlTextWriter wrapper.
#include "server/formats/xml_writer.h"

#include "core/error.h"

namespace broadsheet {
namespace {

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

const xmlChar* x(const char* text) {
    return reinterpret_cast<const xmlChar*>(text);
}

void check(int result) {
    if (result < 0) throw Error(ErrorCode::Internal, "libxml2 could not write the XML");
}

}  // namespace

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

XmlWriter::XmlWriter()
    : buffer_(xmlBufferCreate(), xmlBufferFree),
      writer_(xmlNewTextWriterMemory(buffer_.get(), 0), xmlFreeTextWriter) {
    if (!buffer_ || !writer_) throw Error(ErrorCode::Internal, "cannot create an XML writer");
    check(xmlTextWriterSetIndent(writer_.get(), 1));
    check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr));
}

void XmlWriter::start(const char* name) {
    check(xmlTextWriterStartElement(writer_.get(), x(name)));
}

void XmlWriter::end() {
    check(xmlTextWriterEndElement(writer_.get()));
}

void XmlWriter::attribute(const char* name, std::string_view value) {
    const std::string safe = xml_safe(value);
    check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(safe.c_str())));
}

void XmlWriter::element(const char* name, std::string_view text) {
    const std::string safe = xml_safe(text);
    check(xmlTextWriterWriteElement(writer_.get(), x(name), x(safe.c_str())));
}

void XmlWriter::text(std::string_view content) {
    const std::string safe = xml_safe(content);
    check(xmlTextWriterWriteString(writer_.get(), x(safe.c_str())));
}

std::string XmlWriter::finish() {
    check(xmlTextWriterEndDocument(writer_.get()));
    check(xmlTextWriterFlush(writer_.get()));
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
}

}  // namespace broadsheet
