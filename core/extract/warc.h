// warc.h — read the HTML pages out of a WARC file (ISO 28500; .warc, or .warc.gz with one gzip
// member per record), the format web archives and news crawls are kept in.
//
// Only `WARC-Type: response` records whose HTTP response is 2xx with an HTML body become pages;
// request, metadata, warcinfo, revisit and resource records, redirects, errors and responses that
// are not HTML are passed over (Severity::Ignored). A malformed record — a header without
// Content-Length, a block shorter than its Content-Length or followed by something other than the
// blank line that ends a record, a bad chunked, gzip, deflate or brotli payload, a response without
// WARC-Target-URI — is skipped with a Severity::Skipped diagnostic, and reading resumes at the
// next "WARC/1.x" line, so one bad record costs only itself. Nothing here throws for bad input.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/extract.h"

namespace broadsheet {

// What one HTML response record gives extraction.
struct WarcPage {
    std::size_t record = 0;  // 1-based number of the record in the file (every record counts)
    std::string url;         // WARC-Target-URI
    std::string body;        // the HTTP payload: de-chunked and gunzipped, in its own charset
    std::string charset;     // from the HTTP Content-Type header; "" when it names none
};

// Bounds on what one record may cost; a record past them is skipped with a diagnostic.
struct WarcLimits {
    std::size_t record_bytes = kMaxSourceBytes + 1024 * 1024;  // a record's block, headers too
    std::size_t page_bytes = kMaxSourceBytes;                  // a decoded HTML payload
    // Output inflated past `record_bytes` only to find where a gzip member ends, over the whole
    // file: a .warc.gz that expands further is a gzip bomb, and the rest of it is skipped.
    std::size_t discard_budget = std::size_t{1} << 32;
};

// Reads the WARC file `bytes` (gzip-compressed or not, told by its first bytes), calling
// `on_page` for each HTML page in file order. Diagnostics name records "PATH:N" after
// `relative_path`.
void read_warc_pages(std::string_view bytes, const std::string& relative_path,
                     const WarcLimits& limits, const std::function<void(WarcPage&&)>& on_page,
                     std::vector<Diagnostic>& diagnostics);

// The HTTP part of a response record, split into what reading a page needs. Exposed for tests.
struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lowercased, in order
    std::string_view body;
};

// Parses an HTTP/1.x response head and points `body` at what follows it; false when `block` does
// not start with a status line followed by headers and a blank line.
bool parse_http_response(std::string_view block, HttpResponse& out);

// The last value of header `name` (lowercase), or "".
std::string_view header_value(const std::vector<std::pair<std::string, std::string>>& headers,
                              std::string_view name);

// Decodes a `Transfer-Encoding: chunked` body into `out` (at most `limit` bytes); false with
// `reason` set when the chunks are malformed, end early or exceed the limit.
bool dechunk(std::string_view body, std::size_t limit, std::string& out, std::string& reason);

// True when the start of `body` looks like an HTML document (used when Content-Type is missing).
bool sniff_html(std::string_view body);

enum class PayloadKind {
    Page,       // a 2xx HTML response: `body` and `charset` are set
    Ignored,    // a response that is not an article page (redirect, error, image, script ...)
    Malformed,  // a broken HTTP head, chunking or gzip payload, or a payload over the limit
};

struct HttpPayload {
    PayloadKind kind = PayloadKind::Malformed;
    std::string reason;   // why it is Ignored or Malformed
    std::string body;     // Page: the de-chunked, gunzipped payload
    std::string charset;  // Page: the charset the HTTP Content-Type names, lowercased, or ""
};

// Reads the HTTP response that is a response record's block.
HttpPayload read_http_payload(std::string_view block, const WarcLimits& limits);

}  // namespace broadsheet
