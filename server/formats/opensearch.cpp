// opensearch.cpp — the OpenSearch description through the XML writer.
#include "server/formats/opensearch.h"

#include "server/formats/xml_writer.h"

namespace broadsheet {
namespace {

constexpr const char* kOpenSearchNs = "http://a9.com/-/spec/opensearch/1.1/";

}  // namespace

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
