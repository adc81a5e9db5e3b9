// gzip.cpp — zlib inflate (gzip members, HTTP deflate) and brotli decoding, with an output cap.
#include "core/extract/gzip.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>

namespace broadsheet {
namespace {

std::string mib(std::size_t bytes) {
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

struct InflateEnd {
    void operator()(z_stream* stream) const { inflateEnd(stream); }
};

// Appends what one inflate call produced, keeping at most `limit` bytes in `out`.
void keep_output(std::string& out, std::string_view produced, std::size_t limit,
                 std::size_t& discarded, bool& over) {
    const std::size_t room = limit > out.size() ? limit - out.size() : 0;
    const std::size_t take = std::min(room, produced.size());
    out.append(produced.substr(0, take));
    if (take < produced.size()) {
        over = true;
        discarded += produced.size() - take;
    }
}

// Inflates one stream in the wrapper `window_bits` names (zlib's convention: 16 + MAX_WBITS gzip,
// MAX_WBITS zlib, -MAX_WBITS raw deflate), as gunzip_member describes.
GzipMember inflate_one(std::string_view compressed, int window_bits, std::size_t limit,
                       std::size_t& discarded, std::size_t discard_budget) {
    GzipMember member;
    GzipResult& result = member.result;
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK) {
        result.status = GzipStatus::Corrupt;
        result.reason = "zlib could not start";
        return member;
    }
    const std::unique_ptr<z_stream, InflateEnd> guard(&zs);
    std::array<char, 64 * 1024> chunk{};
    std::size_t fed = 0;  // input handed to zlib so far (avail_in is 32 bits wide)
    bool over = false;
    for (;;) {
        if (zs.avail_in == 0 && fed < compressed.size()) {
            const std::size_t piece = std::min<std::size_t>(compressed.size() - fed, UINT_MAX);
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fed));
            zs.avail_in = static_cast<uInt>(piece);
            fed += piece;
        }
        zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
        zs.avail_out = static_cast<uInt>(chunk.size());
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = chunk.size() - zs.avail_out;
        keep_output(result.bytes, std::string_view(chunk.data(), produced), limit, discarded, over);
        if (rc == Z_STREAM_END) break;
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            result.status = GzipStatus::Corrupt;
            result.reason =
                std::string("corrupt compressed data (") + (zs.msg ? zs.msg : "zlib error") + ")";
            break;
        }
        if (zs.avail_in == 0 && fed == compressed.size() && produced == 0) {
            result.status = GzipStatus::Truncated;
            result.reason = "compressed data ends early (truncated)";
            break;
        }
        if (over && discarded >= discard_budget) break;
    }
    member.consumed = fed - zs.avail_in;
    if (result.status == GzipStatus::Ok && over) {
        result.status = GzipStatus::TooLarge;
        result.reason = "decompresses to more than the " + mib(limit) + " limit";
    }
    return member;
}

}  // namespace

bool starts_with_gzip_magic(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

GzipMember gunzip_member(std::string_view compressed, std::size_t limit, std::size_t& discarded,
                         std::size_t discard_budget) {
    if (!starts_with_gzip_magic(compressed)) {
        GzipMember member;
        member.result.status = GzipStatus::Corrupt;
        member.result.reason = "not gzip data";
        return member;
    }
    // 16 + MAX_WBITS: a gzip wrapper (header, CRC-32 and length checked).
    return inflate_one(compressed, 16 + MAX_WBITS, limit, discarded, discard_budget);
}

GzipResult inflate_http_deflate(std::string_view compressed, std::size_t limit) {
    std::size_t discarded = 0;
    GzipMember member = inflate_one(compressed, MAX_WBITS, limit, discarded, 0);
    // RFC 9110 says zlib-wrapped, but some servers send raw deflate: what zlib rejects at once
    // is tried raw.
    if (member.result.status == GzipStatus::Corrupt && member.result.bytes.empty()) {
        discarded = 0;
        member = inflate_one(compressed, -MAX_WBITS, limit, discarded, 0);
    }
    return std::move(member.result);
}

GzipResult decode_brotli(std::string_view compressed, std::size_t limit) {
    GzipResult result;
    const std::unique_ptr<BrotliDecoderState, decltype(&BrotliDecoderDestroyInstance)> state(
        BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), &BrotliDecoderDestroyInstance);
    if (!state) {
        result.status = GzipStatus::Corrupt;
        result.reason = "brotli could not start";
        return result;
    }
    std::size_t available_in = compressed.size();
    const auto* next_in = reinterpret_cast<const uint8_t*>(compressed.data());
    std::array<uint8_t, 64 * 1024> chunk{};
    for (;;) {
        std::size_t available_out = chunk.size();
        uint8_t* next_out = chunk.data();
        const BrotliDecoderResult rc = BrotliDecoderDecompressStream(
            state.get(), &available_in, &next_in, &available_out, &next_out, nullptr);
        const std::size_t produced = chunk.size() - available_out;
        if (result.bytes.size() + produced > limit) {
            result.status = GzipStatus::TooLarge;
            result.reason = "decompresses to more than the " + mib(limit) + " limit";
            return result;
        }
        result.bytes.append(reinterpret_cast<const char*>(chunk.data()), produced);
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) return result;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            result.status = GzipStatus::Truncated;
            result.reason = "brotli data ends early (truncated)";
            return result;
        }
        if (rc == BROTLI_DECODER_RESULT_ERROR) {
            result.status = GzipStatus::Corrupt;
            result.reason = std::string("corrupt brotli data (") +
                            BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get())) + ")";
            return result;
        }
    }
}

GzipResult gunzip(std::string_view compressed, std::size_t limit) {
    GzipResult out;
    std::size_t offset = 0;
    std::size_t discarded = 0;
    while (offset < compressed.size()) {
        const std::string_view rest = compressed.substr(offset);
        // Padding or other bytes after the last member are not data (gzip(1) ignores them too).
        if (offset > 0 && !starts_with_gzip_magic(rest)) break;
        GzipMember member = gunzip_member(rest, limit - out.bytes.size(), discarded, 0);
        out.bytes += member.result.bytes;
        if (member.result.status != GzipStatus::Ok) {
            out.status = member.result.status;
            out.reason = member.result.status == GzipStatus::TooLarge
                             ? "decompresses to more than the " + mib(limit) + " limit"
                             : member.result.reason;
            return out;
        }
        offset += member.consumed;
    }
    if (compressed.empty()) {
        out.status = GzipStatus::Truncated;
        out.reason = "empty file";
    }
    return out;
}

}  // namespace broadsheet
