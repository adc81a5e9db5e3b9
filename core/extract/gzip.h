// gzip.h — bounded decompression for compressed article files and WARC archives: gzip (files,
// .warc.gz members, HTTP gzip payloads), and the HTTP content codings deflate and br.
//
// Nothing here trusts the compressed data: output is capped (a few kilobytes of gzip can expand
// to gigabytes), and a member is only reported Ok when zlib has checked its CRC and length, so a
// truncated or corrupt file is never used half-read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet {

enum class GzipStatus {
    Ok,         // every member ended and its checksum matched
    TooLarge,   // the output would pass the limit; `bytes` holds the first `limit` bytes
    Truncated,  // the input ended inside a member
    Corrupt,    // not gzip, or zlib rejected the data (bad header, bad deflate data, bad CRC)
};

struct GzipResult {
    GzipStatus status = GzipStatus::Ok;
    std::string bytes;   // the decompressed output (partial unless status is Ok)
    std::string reason;  // why, in plain words, when status is not Ok
};

// True when `bytes` starts with the gzip magic number (1f 8b).
bool starts_with_gzip_magic(std::string_view bytes);

// Decompresses a whole gzip file: every member, concatenated (RFC 1952 allows several), into at
// most `limit` bytes. Stops at the first member that is too large, truncated or corrupt. Bytes
// after the last member that are not gzip (zero padding some tools append) are ignored.
GzipResult gunzip(std::string_view compressed, std::size_t limit);

// One member of a multi-member gzip file, for readers that handle members one at a time (a
// .warc.gz holds one record per member).
struct GzipMember {
    GzipResult result;
    std::size_t consumed = 0;  // compressed bytes the member took (0 when nothing could be read)
};

// Decompresses the member that starts at the beginning of `compressed`, keeping at most `limit`
// bytes of its output. A member larger than that is still inflated to its end (the output past
// the limit is discarded, and counted in `discarded`), so the next member can be found; inflating
// stops with TooLarge once `discarded` reaches `discard_budget`, a bound on the CPU time a gzip
// bomb can cost.
GzipMember gunzip_member(std::string_view compressed, std::size_t limit, std::size_t& discarded,
                         std::size_t discard_budget);

// An HTTP `Content-Encoding: deflate` payload (zlib-wrapped, or raw deflate as some servers
// send it), into at most `limit` bytes.
GzipResult inflate_http_deflate(std::string_view compressed, std::size_t limit);

// An HTTP `Content-Encoding: br` (brotli, RFC 7932) payload, into at most `limit` bytes.
GzipResult decode_brotli(std::string_view compressed, std::size_t limit);

}  // namespace broadsheet
