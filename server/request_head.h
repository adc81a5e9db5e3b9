// request_head.h — checks on the raw bytes of a request head (request line and header fields)
// that cpp-httplib's parser does not make: framings that another parser could read as a body,
// and therefore as a second, hidden request; and the size of the head.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

struct HeadLimits {
    std::size_t max_bytes = 16 * 1024;  // request line and header fields together
    std::size_t max_fields = 100;
};

// How a refused request is answered: the status and the JSON error's code and message. The
// connection is always closed after it.
struct HeadRefusal {
    int status = 400;
    std::string code;
    std::string message;
};

// Checks a complete head, from the request line up to and including the blank line. Refused:
// heads over the limits (431); line ends other than CRLF, folded (obsolete) continuation lines,
// field names that are not tokens, duplicate or malformed Content-Length, Content-Length with
// Transfer-Encoding (400); any body, announced by a non-zero Content-Length or by
// Transfer-Encoding (413: no endpoint takes one); Expect (417); methods other than GET and HEAD
// (405). Every one of these is unambiguous to us but may not be to a proxy in front of us.
std::optional<HeadRefusal> inspect_head(std::string_view head, const HeadLimits& limits);

// The answer to a head that grew past limits.max_bytes before its blank line arrived.
HeadRefusal head_too_large(const HeadLimits& limits);

}  // namespace broadsheet
