// warc.cpp — WARC record framing (headers, Content-Length, the blank line after each block),
// gzip members of a .warc.gz, and recovery at the next record after a bad one.
#include "core/extract/warc.h"

#include "core/extract/gzip.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// A record header is a few hundred bytes; one without its blank line this far in is not one.
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

using Fields = std::vector<std::pair<std::string, std::string>>;

// One file being read: where its pages go and what has been said about its records.
struct Reader {
    const std::string& path;
    const WarcLimits& limits;
    const std::function<void(WarcPage&&)>& on_page;
    std::vector<Diagnostic>& diagnostics;
    std::size_t record = 0;  // records seen so far, the number of the current one

    void note(Severity severity, std::size_t number, std::string message) {
        diagnostics.push_back({path + ":" + std::to_string(number), severity, std::move(message)});
    }
    void note_file(Severity severity, std::string message) {
        diagnostics.push_back({path, severity, std::move(message)});
    }
};

enum class BufferEnd {
    Whole,  // the buffer ends where the data ends
    Cut,    // the buffer stops at the record-size limit: the record running past it is too large
};

// The first line at or after `from` that starts with "WARC/1." (npos when there is none).
std::size_t next_record_start(std::string_view buf, std::size_t from) {
    while (from < buf.size()) {
        const std::size_t found = buf.find("WARC/1.", from);
        if (found == std::string_view::npos) return found;
        if (found == 0 || buf[found - 1] == '\n') return found;
        from = found + 1;
    }
    return std::string_view::npos;
}

// Parses the version line and named fields of the record at `pos`; `block_start` is set past the
// blank line. False when the blank line is missing (or too far away to be a header's).
bool parse_record_head(std::string_view buf, std::size_t pos, Fields& fields,
                       std::size_t& block_start) {
    const std::string_view window = buf.substr(pos, kMaxHeaderBytes);
    std::size_t at = window.find('\n');
    if (at == std::string_view::npos) return false;
    ++at;
    while (at < window.size()) {
        const std::size_t end = window.find('\n', at);
        if (end == std::string_view::npos) return false;
        std::string_view line = window.substr(at, end - at);
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            block_start = pos + at;
            return true;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
            fields.back().second += " " + std::string(text::trim(line));
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;  // a stray line; the fields we need decide
        fields.emplace_back(text::to_lower(text::trim(line.substr(0, colon))),
                            std::string(text::trim(line.substr(colon + 1))));
    }
    return false;
}

bool parse_length(std::string_view value, std::size_t& length) {
    value = text::trim(value);
    if (value.empty() || value.size() > 15) return false;
    length = 0;
    for (char c : value) {
        if (!text::is_ascii_digit(c)) return false;
        length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

// The target URI as written; WARC 1.0 examples put it in angle brackets, which some tools copy.
std::string target_uri(const Fields& fields) {
    std::string_view uri = text::trim(header_value(fields, "warc-target-uri"));
    if (uri.starts_with('<') && uri.ends_with('>')) uri = uri.substr(1, uri.size() - 2);
    return std::string(text::trim(uri));
}

// Why a complete record is not a page, or nothing (and the page handed on) when it is one.
void handle_record(Reader& reader, std::size_t number, const Fields& fields,
                   std::string_view block) {
    const std::string type = text::to_lower(header_value(fields, "warc-type"));
    if (type.empty()) {
        reader.note(Severity::Skipped, number, "WARC record without WARC-Type");
        return;
    }
    if (type != "response") {
        reader.note(Severity::Ignored, number, "WARC " + text::clean_inline(type) + " record");
        return;
    }
    const std::string content_type = text::to_lower(header_value(fields, "content-type"));
    if (!content_type.empty() && !content_type.starts_with("application/http")) {
        reader.note(Severity::Ignored, number,
                    "response record of " + text::clean_inline(content_type) + ", not HTTP");
        return;
    }
    std::string url = target_uri(fields);
    if (url.empty()) {
        reader.note(Severity::Skipped, number, "response record without WARC-Target-URI");
        return;
    }
    HttpPayload payload = read_http_payload(block, reader.limits);
    switch (payload.kind) {
        case PayloadKind::Ignored:
            reader.note(Severity::Ignored, number, "response " + payload.reason);
            return;
        case PayloadKind::Malformed:
            reader.note(Severity::Skipped, number, "response record: " + payload.reason);
            return;
        case PayloadKind::Page:
            reader.on_page(WarcPage{number, std::move(url), std::move(payload.body),
                                    std::move(payload.charset)});
            return;
    }
}

// A record whose block runs past the size limit: passed over when its head shows it is no page
// anyway (a video, a request), else skipped as too large.
void handle_oversized(Reader& reader, std::size_t number, const Fields& fields,
                      std::string_view head_of_block) {
    const std::string limit = std::to_string(reader.limits.record_bytes / (1024 * 1024)) + " MiB";
    const std::string type = text::to_lower(header_value(fields, "warc-type"));
    HttpResponse response;
    if (type != "response") {
        reader.note(Severity::Ignored, number, "WARC " + text::clean_inline(type) + " record");
    } else if (parse_http_response(head_of_block, response) &&
               (response.status < 200 || response.status > 299 ||
                !text::contains_ci(header_value(response.headers, "content-type"), "html"))) {
        reader.note(Severity::Ignored, number, "response over the " + limit + " limit, not HTML");
    } else {
        reader.note(Severity::Skipped, number, "record larger than the " + limit + " limit");
    }
}

// Reads the records of `buf` in order; a malformed one is reported and reading resumes at the
// next record header after its own.
void read_records(Reader& reader, std::string_view buf, BufferEnd end) {
    std::size_t pos = 0;
    for (;;) {
        while (pos < buf.size() && (buf[pos] == '\r' || buf[pos] == '\n')) ++pos;
        if (pos >= buf.size()) return;
        const std::size_t number = ++reader.record;
        std::size_t resume = pos + 1;  // where to look for the next record after a bad one
        Fields fields;
        std::size_t block_start = 0;
        std::size_t length = 0;
        if (!buf.substr(pos).starts_with("WARC/")) {
            reader.note(Severity::Skipped, number, "no WARC record header where one should start");
        } else if (!parse_record_head(buf, pos, fields, block_start)) {
            reader.note(Severity::Skipped, number,
                        end == BufferEnd::Cut ? "record header over the size limit"
                                              : "record header without its end (truncated)");
        } else if (!parse_length(header_value(fields, "content-length"), length)) {
            reader.note(Severity::Skipped, number, "record without a valid Content-Length");
            resume = block_start;
        } else if (length > buf.size() - block_start && end == BufferEnd::Cut) {
            handle_oversized(reader, number, fields, buf.substr(block_start));
            return;
        } else if (length > buf.size() - block_start) {
            reader.note(Severity::Skipped, number,
                        "record ends before its Content-Length of " + std::to_string(length) +
                            " bytes (a truncated file or a wrong Content-Length)");
            resume = block_start;
        } else {
            const std::string_view after = buf.substr(block_start + length);
            const std::size_t trailer = after.starts_with("\r\n\r\n") ? 4
                                        : after.starts_with("\n\n")   ? 2
                                                                      : 0;
            if (trailer > 0 || after.empty()) {
                handle_record(reader, number, fields, buf.substr(block_start, length));
                pos = block_start + length + trailer;
                continue;
            }
            reader.note(Severity::Skipped, number,
                        "Content-Length " + std::to_string(length) +
                            " does not match the record (no blank line after the block)");
            resume = block_start;
        }
        pos = next_record_start(buf, resume);
        if (pos == std::string_view::npos) return;
    }
}

// The members of a .warc.gz, one record (or, from some tools, several) each. A corrupt member
// costs its records; reading resumes at the next gzip header.
void read_gzip_members(Reader& reader, std::string_view bytes) {
    std::size_t offset = 0;
    std::size_t discarded = 0;
    bool after_corrupt = false;  // searching for the next member; no new diagnostic per attempt
    while (offset < bytes.size()) {
        const std::string_view rest = bytes.substr(offset);
        if (!starts_with_gzip_magic(rest)) {
            if (rest.find_first_not_of('\0') == std::string_view::npos) return;  // padding
            if (!after_corrupt)
                reader.note_file(Severity::Skipped, "bytes that are not gzip at offset " +
                                                        std::to_string(offset) + "; skipped");
            after_corrupt = true;
            offset = bytes.find("\x1f\x8b\x08", offset + 1);
            continue;
        }
        GzipMember member = gunzip_member(rest, reader.limits.record_bytes, discarded,
                                          reader.limits.discard_budget);
        const GzipStatus status = member.result.status;
        if (status == GzipStatus::Ok || status == GzipStatus::TooLarge) {
            after_corrupt = false;
            read_records(reader, member.result.bytes,
                         status == GzipStatus::Ok ? BufferEnd::Whole : BufferEnd::Cut);
            if (discarded >= reader.limits.discard_budget) {
                reader.note_file(Severity::Skipped,
                                 "decompresses to far more than its records can hold (a gzip "
                                 "bomb?); the rest of the file is skipped");
                return;
            }
            offset += member.consumed;
            continue;
        }
        if (!after_corrupt) {
            reader.note(Severity::Skipped, ++reader.record,
                        "gzip member at offset " + std::to_string(offset) + ": " +
                            member.result.reason + "; its record is skipped");
        }
        if (status == GzipStatus::Truncated) return;
        after_corrupt = true;
        offset = bytes.find("\x1f\x8b\x08", offset + 1);
    }
}

}  // namespace

void read_warc_pages(std::string_view bytes, const std::string& relative_path,
                     const WarcLimits& limits, const std::function<void(WarcPage&&)>& on_page,
                     std::vector<Diagnostic>& diagnostics) {
    Reader reader{relative_path, limits, on_page, diagnostics};
    if (starts_with_gzip_magic(bytes)) {
        read_gzip_members(reader, bytes);
    } else {
        read_records(reader, bytes, BufferEnd::Whole);
    }
}

}  // namespace broadsheet
