// decode.cpp — byte-level checks, charset detection (uchardet), conversion and NFC (ICU).
#include "core/extract/decode.h"

#include <uchardet/uchardet.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// Signatures of common binary formats that may carry a text-like extension by mistake.
bool has_binary_magic(std::string_view b) {
    constexpr std::string_view kMagic[] = {"%PDF-",
                                           "\x89PNG",
                                           "GIF8",
                                           "\xFF\xD8\xFF",
                                           "PK\x03\x04",
                                           "\x1F\x8B",
                                           "\x7F"
                                           "ELF"};
    for (auto m : kMagic)
        if (b.starts_with(m)) return true;
    return false;
}

bool looks_binary(std::string_view b) {
    if (b.find('\0') != std::string_view::npos) return true;
    std::size_t control = 0;
    for (unsigned char c : b)
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    return control * 20 > b.size();  // more than 5% control bytes is not prose
}

// Converts `bytes` from `charset` to UTF-8 with ICU; nullopt when ICU cannot.
std::optional<std::string> icu_convert(std::string_view bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    const auto capacity = static_cast<int32_t>(bytes.size() * 4 + 16);
    std::string out(static_cast<std::size_t>(capacity), '\0');
    const int32_t length = ucnv_convert("UTF-8", charset, out.data(), capacity, bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string detect_charset(std::string_view bytes) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(
        uchardet_new(), uchardet_delete);
    if (!detector) return {};
    if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
    uchardet_data_end(detector.get());
    const char* name = uchardet_get_charset(detector.get());
    return name ? std::string(name) : std::string{};
}

// Windows-1252 for one byte: how a byte of text that is not UTF-8 and whose charset nobody could
// detect is read.
char32_t windows_1252(unsigned char b) {
    static constexpr std::array<char32_t, 32> kHigh = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    if (b >= 0x80 && b < 0xA0) return kHigh[b - 0x80];
    return b;
}

struct Utf8Census {
    std::size_t multibyte_bytes = 0;  // bytes in valid multi-byte UTF-8 sequences
    std::size_t invalid_bytes = 0;    // bytes that start no valid sequence
};

Utf8Census utf8_census(std::string_view s) {
    Utf8Census census;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t before = i;
        const char32_t cp = text::next_code_point(s, i);
        if (cp == 0xFFFD && i - before == 1)
            ++census.invalid_bytes;
        else if (i - before > 1)
            census.multibyte_bytes += i - before;
    }
    return census;
}

// UTF-8 text with some stray bytes pasted in: most of its non-ASCII bytes form valid UTF-8
// sequences. Text in a single-byte charset (Latin-1, Windows-125x, ISO-8859-x) almost never
// forms one by accident, so converting it whole would only garble the valid part.
bool mostly_utf8(const Utf8Census& census) {
    return census.multibyte_bytes > 0 && census.multibyte_bytes >= census.invalid_bytes;
}

enum class StrayBytes {
    ReplacementCharacter,  // U+FFFD: the text is UTF-8 and the byte means nothing in it
    Windows1252,           // the byte is read as Windows-1252 (nothing better is known)
};

std::string repair_invalid_bytes(std::string_view s, StrayBytes stray) {
    std::string out;
    out.reserve(s.size() + 16);
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t before = i;
        const char32_t cp = text::next_code_point(s, i);
        if (cp == 0xFFFD && i - before == 1) {
            text::append_utf8(out, stray == StrayBytes::ReplacementCharacter
                                       ? char32_t{0xFFFD}
                                       : windows_1252(static_cast<unsigned char>(s[before])));
        } else {
            out.append(s.substr(before, i - before));
        }
    }
    return out;
}

std::string normalise_lines_and_controls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
            continue;
        } else {
            out += c;
        }
    }
    return out;
}

std::string to_nfc(std::string s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) return s;
    // Checked and normalised as UTF-8: most pages are already NFC, and converting a whole page
    // to UTF-16 only to learn that cost a tenth of the extraction.
    const icu::StringPiece in(s.data(), static_cast<int32_t>(s.size()));
    if (nfc->isNormalizedUTF8(in, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
    nfc->normalizeUTF8(0, in, sink, nullptr, status);
    if (U_FAILURE(status)) return s;
    return out;
}

// The charset an HTML page declares in its first 4 KiB: <meta charset="X"> or <meta
// http-equiv="Content-Type" content="text/html; charset=X">; "" when it declares none.
std::string page_charset(std::string_view bytes) {
    const std::string head = text::to_lower(bytes.substr(0, 4096));
    for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
         meta = head.find("<meta", meta + 5)) {
        const std::size_t close = head.find('>', meta);
        const std::string_view tag = std::string_view(head).substr(
            meta, close == std::string::npos ? std::string::npos : close - meta);
        const std::size_t at = tag.find("charset=");
        if (at == std::string_view::npos) continue;
        std::string_view value = tag.substr(at + 8);
        while (!value.empty() &&
               (value.front() == '"' || value.front() == '\'' || value.front() == ' '))
            value.remove_prefix(1);
        const std::size_t end = value.find_first_of("\"' ;/>");
        return std::string(value.substr(0, end));
    }
    return {};
}

}  // namespace

DecodeResult decode_source(std::string_view bytes, std::size_t max_bytes) {
    DecodeResult result;
    if (bytes.size() > max_bytes) {
        result.skip_reason = "larger than the " + std::to_string(max_bytes / (1024 * 1024)) +
                             " MiB limit (" + std::to_string(bytes.size()) + " bytes)";
        return result;
    }
    std::string utf8;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool le = bytes.starts_with("\xFF\xFE");
        auto converted = icu_convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
        if (!converted) {
            result.skip_reason = "UTF-16 byte order mark but undecodable content";
            return result;
        }
        utf8 = std::move(*converted);
        bytes = utf8;
    }
    if (text::trim(bytes).empty()) {
        result.skip_reason = "empty file";
        return result;
    }
    if (has_binary_magic(bytes) || looks_binary(bytes)) {
        result.skip_reason = "binary content, not text";
        return result;
    }
    std::string decoded;
    if (text::is_valid_utf8(bytes)) {
        decoded = std::string(bytes);
    } else {
        const Utf8Census census = utf8_census(bytes);
        const std::string detected = mostly_utf8(census) ? std::string() : detect_charset(bytes);
        const std::string lowered = text::to_lower(detected);
        if (mostly_utf8(census)) {
            // A stray byte in UTF-8 text is nearly always a Latin-1 or Windows-1252 character
            // pasted in ("J\xF6rg"): read it as one, which keeps the name searchable.
            decoded = repair_invalid_bytes(bytes, StrayBytes::Windows1252);
            result.warning = "mostly UTF-8; " + std::to_string(census.invalid_bytes) +
                             " invalid byte(s) read as windows-1252";
        } else if (lowered == "utf-8" || lowered.empty() || lowered == "ascii") {
            decoded = repair_invalid_bytes(bytes, StrayBytes::Windows1252);
            result.warning =
                "not UTF-8 and no charset detected; invalid bytes read as windows-1252";
        } else {
            // ISO-8859-1 is read as windows-1252: identical except that 0x80-0x9F are the
            // curly quotes and dashes such files actually contain.
            const bool latin1 =
                lowered == "iso-8859-1" || lowered == "windows-1252" || lowered == "iso-8859-15";
            const std::string charset = latin1 ? "windows-1252" : detected;
            auto converted = icu_convert(bytes, charset.c_str());
            if (!converted) {
                converted = icu_convert(bytes, "windows-1252");
                result.warning = "not UTF-8; detected " + detected +
                                 " which ICU cannot convert; decoded as windows-1252";
            } else {
                result.warning = "not UTF-8; decoded as " + charset +
                                 (latin1 ? std::string{} : " (detected by uchardet)");
            }
            if (!converted) {
                result.skip_reason = "not UTF-8 and not convertible";
                return result;
            }
            decoded = std::move(*converted);
        }
    }
    result.text = to_nfc(normalise_lines_and_controls(decoded));
    return result;
}

DecodeResult decode_with_charset(std::string_view bytes, std::size_t max_bytes,
                                 std::string_view declared) {
    const bool has_bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                         bytes.starts_with("\xFE\xFF");
    if (bytes.size() > max_bytes || has_bom || text::is_valid_utf8(bytes))
        return decode_source(bytes, max_bytes);
    const std::string page = page_charset(bytes);
    const std::string named = text::to_lower(page.empty() ? declared : std::string_view(page));
    if (named.empty() || named == "utf-8" || named == "utf8")
        return decode_source(bytes, max_bytes);
    const bool latin1 = named == "iso-8859-1" || named == "latin1" || named == "windows-1252" ||
                        named == "us-ascii" || named == "iso-8859-15";
    const std::string charset = latin1 ? "windows-1252" : named;
    const auto converted = icu_convert(bytes, charset.c_str());
    if (!converted) return decode_source(bytes, max_bytes);
    DecodeResult result = decode_source(*converted, max_bytes * 4);
    if (result.text) {
        result.warning = "not UTF-8; decoded as " + charset + " (declared by " +
                         (page.empty() ? "the HTTP Content-Type header" : "the page") + ")";
    }
    return result;
}

void init_decoder() {
    to_nfc("e\xcc\x81");  // e + combining acute: NFC composes it
    icu_convert("caf\xe9", "windows-1252");
}

}  // namespace broadsheet
