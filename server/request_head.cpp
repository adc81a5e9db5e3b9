// request_head.cpp — raw request-head checks (see request_head.h).
#include "server/request_head.h"

#include <vector>

namespace broadsheet {
namespace {

// RFC 9110 token characters, the only ones a field name may hold.
bool is_tchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim_ows(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

HeadRefusal refusal(int status, std::string code, std::string message) {
    return {status, std::move(code), std::move(message)};
}

HeadRefusal malformed(std::string message) {
    return refusal(400, "bad_request", std::move(message));
}

// Every CR is followed by LF and every LF preceded by CR.
bool crlf_only(std::string_view head) {
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (head[i] == '\r' && (i + 1 == head.size() || head[i + 1] != '\n')) return false;
        if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) return false;
    }
    return true;
}

// The lines of a CRLF-only head, without their line ends, up to (not including) the blank line.
std::vector<std::string_view> head_lines(std::string_view head) {
    std::vector<std::string_view> lines;
    while (!head.empty()) {
        const std::size_t end = head.find("\r\n");
        if (end == std::string_view::npos || end == 0) break;
        lines.push_back(head.substr(0, end));
        head.remove_prefix(end + 2);
    }
    return lines;
}

// What the header fields say about framing, gathered before any of it is judged, so that the
// most specific refusal wins whatever the order of the fields.
struct Framing {
    std::size_t content_lengths = 0;
    bool malformed_length = false;
    bool nonzero_length = false;
    bool transfer_encoding = false;
    bool expect = false;
};

}  // namespace

HeadRefusal head_too_large(const HeadLimits& limits) {
    return refusal(431, "too_large",
                   "the request head exceeds " + std::to_string(limits.max_bytes) + " bytes");
}

std::optional<HeadRefusal> inspect_head(std::string_view head, const HeadLimits& limits) {
    if (head.size() > limits.max_bytes) return head_too_large(limits);
    if (!crlf_only(head)) return malformed("header lines must end with CRLF");
    const std::vector<std::string_view> lines = head_lines(head);
    if (lines.empty()) return malformed("the request line is missing");
    if (lines.size() - 1 > limits.max_fields)
        return refusal(431, "too_large",
                       "more than " + std::to_string(limits.max_fields) + " header fields");

    Framing framing;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line.front() == ' ' || line.front() == '\t')
            return malformed("folded header lines are not accepted");
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return malformed("a header line has no field name");
        const std::string_view name = line.substr(0, colon);
        for (const char c : name)
            if (!is_tchar(c)) return malformed("a header field name is not a token");
        const std::string_view value = trim_ows(line.substr(colon + 1));
        if (equals_ignoring_case(name, "Content-Length")) {
            ++framing.content_lengths;
            if (value.empty() || value.find_first_not_of("0123456789") != std::string_view::npos)
                framing.malformed_length = true;
            else if (value.find_first_not_of('0') != std::string_view::npos)
                framing.nonzero_length = true;
        } else if (equals_ignoring_case(name, "Transfer-Encoding")) {
            framing.transfer_encoding = true;
        } else if (equals_ignoring_case(name, "Expect")) {
            framing.expect = true;
        }
    }

    if (framing.content_lengths > 1) return malformed("Content-Length may be given only once");
    if (framing.malformed_length) return malformed("Content-Length must be a decimal number");
    if (framing.content_lengths == 1 && framing.transfer_encoding)
        return malformed("Content-Length and Transfer-Encoding must not be combined");

    const std::string_view request_line = lines.front();
    const std::string_view method = request_line.substr(0, request_line.find(' '));
    if (method != "GET" && method != "HEAD")
        return refusal(405, "method_not_allowed", "only GET and HEAD are supported");
    if (framing.nonzero_length || framing.transfer_encoding)
        return refusal(413, "too_large", "requests must not carry a body");
    if (framing.expect) return refusal(417, "bad_request", "Expect is not supported");
    return std::nullopt;
}

}  // namespace broadsheet
