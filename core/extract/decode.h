// decode.h — the first pipeline step: raw file bytes → NFC UTF-8 text with LF line ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

struct DecodeResult {
    std::optional<std::string> text;  // nullopt: the file is skipped (see skip_reason)
    std::string skip_reason;          // "empty file", "binary content (NUL bytes)", ...
    std::string warning;              // set when something was repaired or assumed
};

// Strips a UTF-8 BOM and converts UTF-16 with a BOM. Text that is mostly UTF-8 (at least as
// many bytes in valid multi-byte sequences as invalid bytes) stays UTF-8, each invalid byte
// replaced with U+FFFD, with a warning. Other text that is not valid UTF-8 is detected with
// uchardet and converted with ICU (Latin-1 is read as its superset Windows-1252), with a warning
// naming the assumption; when nothing is detected its invalid bytes are read as Windows-1252. CRLF
// and lone CR become LF, control characters other than tab and newline are removed, and the result
// is normalised to NFC. Empty, binary and oversized input is skipped.
DecodeResult decode_source(std::string_view bytes, std::size_t max_bytes);

// decode_source for bytes that arrived with a declared charset (a WARC record's HTTP
// Content-Type, "" when none). A byte order mark or valid UTF-8 decides as in decode_source;
// otherwise the charset the page declares itself (<meta charset> or http-equiv Content-Type in
// its first 4 KiB) wins, then `declared`, and only when neither names one that ICU converts is
// the charset detected. Latin-1 is read as its superset Windows-1252, as in decode_source.
DecodeResult decode_with_charset(std::string_view bytes, std::size_t max_bytes,
                                 std::string_view declared);

// Builds ICU's lazily created singletons (the NFC normaliser, the converter alias table) once, so
// threads decoding at the same time only read them; see prepare_extraction_threads.
void init_decoder();

}  // namespace broadsheet
