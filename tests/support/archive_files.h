// archive_files.h — writing the inputs of archive tests: gzip, deflate (zlib) and brotli data,
// and WARC records and HTTP responses built field by field, so each test states exactly what its
// bytes hold. Targets including it link ZLIB::ZLIB and PkgConfig::BROTLIENC.
#pragma once

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace broadsheet::testing_support {

enum class DeflateWrapper {
    Gzip,  // a gzip member: header, deflate data, CRC-32 and length
    Zlib,  // what HTTP's "deflate" coding names: a zlib header and Adler-32
    Raw,   // bare deflate data, as some servers send for "deflate"
};

// `bytes` compressed with deflate in the given wrapper.
inline std::string deflate_bytes(const std::string& bytes, DeflateWrapper wrapper) {
    const int window_bits = wrapper == DeflateWrapper::Gzip   ? 16 + MAX_WBITS
                            : wrapper == DeflateWrapper::Zlib ? MAX_WBITS
                                                              : -MAX_WBITS;
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&zs, static_cast<uLong>(bytes.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
    return out;
}

// `bytes` as one gzip member.
inline std::string gzip(const std::string& bytes) {
    return deflate_bytes(bytes, DeflateWrapper::Gzip);
}

// `bytes` brotli-compressed (RFC 7932), as HTTP's "br" coding sends them.
inline std::string brotli(const std::string& bytes) {
    std::string out(BrotliEncoderMaxCompressedSize(bytes.size()) + 16, '\0');
    std::size_t size = out.size();
    if (!BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                               bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                               reinterpret_cast<uint8_t*>(out.data())))
        throw std::runtime_error("brotli encoding failed");
    out.resize(size);
    return out;
}

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// An HTTP/1.1 response: status line, the headers as given, a blank line, then `body` verbatim.
inline std::string http_response(int status, const HeaderList& headers, const std::string& body) {
    std::string out = "HTTP/1.1 " + std::to_string(status) + " Status\r\n";
    for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
    return out + "\r\n" + body;
}

// One WARC/1.0 record. `headers` come after WARC-Type (an empty value leaves a header out);
// Content-Length is the block's real length unless `content_length` says otherwise (< 0: real).
inline std::string warc_record(const std::string& type, const HeaderList& headers,
                               const std::string& block, long content_length = -1) {
    std::string out = "WARC/1.0\r\n";
    if (!type.empty()) out += "WARC-Type: " + type + "\r\n";
    out += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" +
           std::to_string(100000000000 + block.size()) + ">\r\n";
    out += "WARC-Date: 2024-05-06T07:08:09Z\r\n";
    for (const auto& [name, value] : headers)
        if (!value.empty()) out += name + ": " + value + "\r\n";
    const long length = content_length < 0 ? static_cast<long>(block.size()) : content_length;
    out += "Content-Length: " + std::to_string(length) + "\r\n\r\n";
    return out + block + "\r\n\r\n";
}

// A response record for `url` whose block is `http` (an http_response()).
inline std::string warc_response(const std::string& url, const std::string& http) {
    return warc_record(
        "response",
        {{"WARC-Target-URI", url}, {"Content-Type", "application/http; msgtype=response"}}, http);
}

// An HTML page with a title and one paragraph of `text`, long enough to be an article body.
inline std::string html_page(const std::string& title, const std::string& text) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
           "</title></head><body><article><h1>" + title + "</h1><p>" + text +
           "</p><p>The second paragraph adds enough ordinary prose for the page to read as an "
           "article, with sentences that carry no date of any kind.</p></article></body></html>";
}

}  // namespace broadsheet::testing_support
