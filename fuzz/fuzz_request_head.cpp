// fuzz_request_head.cpp — fuzz target: inspect_head (server/request_head.h) on raw request heads.
//
// The input is a request head as it arrives on the socket. It is inspected under the default
// limits and under small ones; a refusal must carry one of the documented statuses and a code,
// and an accepted head must be within the limits, use CRLF line ends only and be a GET or HEAD.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "server/request_head.h"

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "request head finding: %s\n", what);
    std::abort();
}

void check(std::string_view head, const broadsheet::HeadLimits& limits) {
    const auto refusal = broadsheet::inspect_head(head, limits);
    if (refusal) {
        const int status = refusal->status;
        if (status != 400 && status != 405 && status != 413 && status != 417 && status != 431)
            fail("refused with an undocumented status");
        if (refusal->code.empty() || refusal->message.empty()) fail("refused without a reason");
        return;
    }
    if (head.size() > limits.max_bytes) fail("accepted a head over max_bytes");
    for (std::size_t i = 0; i < head.size(); ++i) {
        const bool bare_cr = head[i] == '\r' && (i + 1 == head.size() || head[i + 1] != '\n');
        const bool bare_lf = head[i] == '\n' && (i == 0 || head[i - 1] != '\r');
        if (bare_cr || bare_lf) fail("accepted a line end other than CRLF");
    }
    if (!head.starts_with("GET") && !head.starts_with("HEAD")) fail("accepted another method");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view head(reinterpret_cast<const char*>(data), size);
    check(head, broadsheet::HeadLimits{});
    check(head, broadsheet::HeadLimits{256, 4});
    return 0;
}
