// warc_http.cpp — the HTTP response inside a WARC response record: status, Content-Type,
// chunked transfer coding and gzip content coding, down to the page's bytes.
#include <algorithm>

#include "core/extract/gzip.h"
#include "core/extract/text_util.h"
#include "core/extract/warc.h"

namespace broadsheet {
namespace {

// The end of the line starting at `pos` (the index of its '\n', or npos) and the line itself
// without its CR.
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next) {
    const std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
        next = text.size();
        return text.substr(pos);
    }
    next = end + 1;
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool is_hex(char c) {
    return text::is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A chunk-size line: hex digits, optionally followed by ";extension"; false when the line is not
// one, or its size is implausibly large.
bool chunk_size(std::string_view line, std::size_t& size) {
    line = text::trim(line.substr(0, line.find(';')));
    if (line.empty() || line.size() > 15) return false;
    size = 0;
    for (char c : line) {
        if (!is_hex(c)) return false;
        const int digit = text::is_ascii_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
        size = size * 16 + static_cast<std::size_t>(digit);
    }
    return true;
}

// The media type of a Content-Type value ("text/html"), lowercased, and its charset parameter.
std::string media_type(std::string_view content_type, std::string& charset) {
    const std::string lowered = text::to_lower(content_type);
    const std::size_t semicolon = lowered.find(';');
    if (semicolon != std::string::npos) {
        const std::size_t at = lowered.find("charset=", semicolon);
        if (at != std::string::npos) {
            std::string_view value = std::string_view(lowered).substr(at + 8);
            value = value.substr(0, value.find(';'));
            value = text::trim(value);
            while (!value.empty() && (value.front() == '"' || value.front() == '\''))
                value.remove_prefix(1);
            while (!value.empty() && (value.back() == '"' || value.back() == '\''))
                value.remove_suffix(1);
            charset = std::string(value);
        }
    }
    return std::string(text::trim(std::string_view(lowered).substr(0, semicolon)));
}

bool is_html_type(std::string_view media) {
    return media == "text/html" || media == "application/xhtml+xml";
}

// Undoes the transfer and content codings; false with `out.reason` set when they are broken.
bool decode_payload(const HttpResponse& response, const WarcLimits& limits, HttpPayload& out) {
    std::string body(response.body);
    const std::string transfer =
        text::to_lower(header_value(response.headers, "transfer-encoding"));
    if (transfer.find("chunked") != std::string::npos) {
        std::size_t size = 0;
        std::size_t next = 0;
        // Some crawlers store the payload already de-chunked but keep the header: a body whose
        // first line is no chunk size is taken as it is.
        if (chunk_size(line_at(body, 0, next), size)) {
            std::string plain;
            if (!dechunk(body, limits.page_bytes, plain, out.reason)) return false;
            body = std::move(plain);
        }
    }
    const std::string coding = text::to_lower(header_value(response.headers, "content-encoding"));
    // As with chunking, a payload stored already decoded (HTML where gzip should be) is used as
    // it is; deflate and brotli data have no magic number to tell.
    const bool gzip_coded =
        (coding == "gzip" || coding == "x-gzip") && starts_with_gzip_magic(body);
    if (gzip_coded || coding == "deflate" || coding == "br") {
        GzipResult decoded = gzip_coded            ? gunzip(body, limits.page_bytes)
                             : coding == "deflate" ? inflate_http_deflate(body, limits.page_bytes)
                                                   : decode_brotli(body, limits.page_bytes);
        if (decoded.status != GzipStatus::Ok) {
            out.reason = coding + " payload: " + decoded.reason;
            return false;
        }
        body = std::move(decoded.bytes);
    } else if (!coding.empty() && coding != "identity" && coding != "gzip" && coding != "x-gzip") {
        out.reason = "Content-Encoding \"" + text::clean_inline(coding) + "\" is not supported";
        return false;
    }
    if (body.size() > limits.page_bytes) {
        out.reason = "payload of " + std::to_string(body.size()) + " bytes, over the " +
                     std::to_string(limits.page_bytes / (1024 * 1024)) + " MiB limit";
        return false;
    }
    out.body = std::move(body);
    return true;
}

}  // namespace

bool parse_http_response(std::string_view block, HttpResponse& out) {
    std::size_t pos = 0;
    const std::string_view status_line = line_at(block, 0, pos);
    if (!status_line.starts_with("HTTP/")) return false;
    const std::size_t space = status_line.find(' ');
    if (space == std::string_view::npos || status_line.size() < space + 4) return false;
    const std::string_view code = status_line.substr(space + 1, 3);
    if (!std::all_of(code.begin(), code.end(), text::is_ascii_digit)) return false;
    out.status = std::stoi(std::string(code));
    out.headers.clear();
    while (pos < block.size()) {
        std::size_t next = 0;
        const std::string_view line = line_at(block, pos, next);
        if (next == block.size() && block.back() != '\n') return false;  // no blank line
        pos = next;
        if (line.empty()) {
            out.body = block.substr(pos);
            return true;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !out.headers.empty()) {
            out.headers.back().second += " " + std::string(text::trim(line));  // folded line
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return false;
        out.headers.emplace_back(text::to_lower(text::trim(line.substr(0, colon))),
                                 std::string(text::trim(line.substr(colon + 1))));
    }
    return false;
}

std::string_view header_value(const std::vector<std::pair<std::string, std::string>>& headers,
                              std::string_view name) {
    std::string_view value;
    for (const auto& [key, field] : headers)
        if (key == name) value = field;
    return value;
}

bool dechunk(std::string_view body, std::size_t limit, std::string& out, std::string& reason) {
    out.clear();
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t next = 0;
        std::size_t size = 0;
        if (!chunk_size(line_at(body, pos, next), size)) {
            reason = "malformed chunk size in a chunked payload";
            return false;
        }
        if (size == 0) return true;  // the last chunk; trailers carry nothing we use
        if (next + size > body.size()) break;
        if (out.size() + size > limit) {
            reason =
                "chunked payload over the " + std::to_string(limit / (1024 * 1024)) + " MiB limit";
            return false;
        }
        out.append(body.substr(next, size));
        pos = next + size;
        if (body.substr(pos).starts_with("\r\n")) {
            pos += 2;
        } else if (body.substr(pos).starts_with("\n")) {
            pos += 1;
        } else if (pos < body.size()) {
            reason = "a chunk is longer than its size says";
            return false;
        }
    }
    reason = "chunked payload ends before its last chunk (truncated)";
    return false;
}

bool sniff_html(std::string_view body) {
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    const std::string head = text::to_lower(text::trim(body.substr(0, 1024)));
    if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
        head.starts_with("<head") || head.starts_with("<body"))
        return true;
    return head.starts_with("<") &&
           (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
            head.find("<title") != std::string::npos);
}

HttpPayload read_http_payload(std::string_view block, const WarcLimits& limits) {
    HttpPayload out;
    HttpResponse response;
    if (!parse_http_response(block, response)) {
        out.reason = "the record holds no HTTP response head";
        return out;
    }
    if (response.status < 200 || response.status > 299) {
        out.kind = PayloadKind::Ignored;
        out.reason = "HTTP status " + std::to_string(response.status);
        return out;
    }
    std::string charset;
    const std::string media = media_type(header_value(response.headers, "content-type"), charset);
    if (!media.empty() && !is_html_type(media)) {
        out.kind = PayloadKind::Ignored;
        out.reason = "not HTML (" + text::clean_inline(media) + ")";
        return out;
    }
    if (!decode_payload(response, limits, out)) return out;
    if (media.empty() && !sniff_html(out.body)) {
        out.body.clear();
        out.kind = PayloadKind::Ignored;
        out.reason = "no Content-Type, and the payload does not look like HTML";
        return out;
    }
    out.kind = PayloadKind::Page;
    out.charset = text::clean_inline(charset);
    return out;
}

}  // namespace broadsheet
