// xml_writer.h — a libxml2 xmlTextWriter into memory for the XML formats (Atom, OpenSearch):
// every document well-formed, every value escaped and first made safe for XML 1.0.
#pragma once

#include <libxml/xmlwriter.h>

#include <memory>
#include <string>
#include <string_view>

namespace broadsheet {

// `text` with every byte sequence XML 1.0 cannot carry (control characters, invalid UTF-8,
// U+FFFE/U+FFFF, surrogates) replaced by U+FFFD: libxml2's writer escapes markup characters but
// would copy such bytes and produce a document no parser accepts.
std::string xml_safe(std::string_view text);

// An indented UTF-8 XML document written into memory; every call throws Error(Internal) if
// libxml2 reports a failure. Element and attribute names are trusted literals; values and text
// go through xml_safe.
class XmlWriter {
  public:
    XmlWriter();
    void start(const char* name);
    void end();
    void attribute(const char* name, std::string_view value);
    void element(const char* name, std::string_view text);
    void text(std::string_view content);
    // Closes every open element and returns the document.
    std::string finish();

  private:
    std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer_;
    std::unique_ptr<xmlTextWriter, void (*)(xmlTextWriterPtr)> writer_;
};

}  // namespace broadsheet
