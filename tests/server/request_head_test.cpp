// request_head_test.cpp — inspect_head() on raw request heads, one row per framing: what is
// admitted, what is refused, and with which status.
#include "server/request_head.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace broadsheet {
namespace {

struct HeadCase {
    const char* why;
    std::string head;
    int status;  // 0: admitted
};

std::string head_with(const std::string& fields,
                      const std::string& request_line = "GET / HTTP/1.1") {
    return request_line + "\r\nHost: a\r\n" + fields + "\r\n";
}

TEST(InspectHead, AdmitsPlainHeadsAndRefusesAmbiguousOnes) {
    std::string fields_101;
    for (int i = 0; i < 100; ++i) fields_101 += "X-" + std::to_string(i) + ": v\r\n";
    const std::vector<HeadCase> cases = {
        {"an ordinary browser request", head_with("Accept: */*\r\nConnection: keep-alive\r\n"), 0},
        {"HEAD is read-only like GET", head_with("", "HEAD / HTTP/1.1"), 0},
        {"clients may announce an empty body", head_with("Content-Length: 0\r\n"), 0},
        {"field names are case-insensitive; values may carry spaces",
         head_with("x-NOTE:  a b \r\n"), 0},
        {"a body on a GET hides a request", head_with("Content-Length: 12\r\n"), 413},
        {"chunked framing hides a request", head_with("Transfer-Encoding: chunked\r\n"), 413},
        {"CL with TE is the classic desync",
         head_with("Content-Length: 0\r\nTransfer-Encoding: chunked\r\n"), 400},
        {"two Content-Lengths, even equal ones",
         head_with("Content-Length: 0\r\nContent-Length: 0\r\n"), 400},
        {"Content-Length spelled in another case is still a duplicate",
         head_with("content-length: 0\r\nCONTENT-LENGTH: 5\r\n"), 400},
        {"a comma list is not a length", head_with("Content-Length: 5, 5\r\n"), 400},
        {"a sign is not a digit", head_with("Content-Length: +5\r\n"), 400},
        {"an empty length", head_with("Content-Length:\r\n"), 400},
        {"obsolete line folding", head_with("X-A: b\r\n folded\r\n"), 400},
        {"a tab-folded line", head_with("X-A: b\r\n\tfolded\r\n"), 400},
        {"a space before the colon makes the name no token", head_with("Content-Length : 5\r\n"),
         400},
        {"a line without a colon", head_with("garbage\r\n"), 400},
        {"a bare CR splits lines for some parsers", head_with("X-A: a\rContent-Length: 5\r\n"),
         400},
        {"a bare LF ends lines for some parsers", head_with("X-A: a\nContent-Length: 5\r\n"), 400},
        {"Expect asks to be invited to send a body", head_with("Expect: 100-continue\r\n"), 417},
        {"no endpoint takes POST", head_with("", "POST / HTTP/1.1"), 405},
        {"nor any other method", head_with("", "DELETE /api/search HTTP/1.1"), 405},
        {"a method is refused before its body is judged",
         head_with("Content-Length: 5\r\n", "POST / HTTP/1.1"), 405},
        {"101 fields is one over the field limit", head_with(fields_101), 431},
        {"a head over the byte limit", head_with("X-Big: " + std::string(20000, 'a') + "\r\n"),
         431},
    };
    const HeadLimits limits;
    for (const HeadCase& c : cases) {
        SCOPED_TRACE(c.why);
        const auto refusal = inspect_head(c.head, limits);
        EXPECT_EQ(refusal ? refusal->status : 0, c.status) << (refusal ? refusal->message : "");
        if (refusal) {
            EXPECT_FALSE(refusal->code.empty());
        }
    }
}

}  // namespace
}  // namespace broadsheet
