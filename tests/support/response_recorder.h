// response_recorder.h — when BROADSHEET_RECORD_RESPONSES names a file, every response the shared
// test client (RunningServer) receives is appended to it as one JSON line, so that
// tests/openapi/validate.mjs can check each one against docs/openapi.yaml.
#pragma once

#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace broadsheet::testing_support {

// The request as sent (method, path with its encoded query) and what came back.
struct RecordedExchange {
    std::string_view method;
    std::string_view target;
    const httplib::Response& response;
};

// Appends `exchange` to the file named by BROADSHEET_RECORD_RESPONSES; does nothing when it is
// unset or empty. Tests may call from several threads: lines are written whole, one at a time.
inline void record_response(const RecordedExchange& exchange) {
    const char* file = std::getenv("BROADSHEET_RECORD_RESPONSES");
    if (file == nullptr || *file == '\0') return;
    const nlohmann::json line = {
        {"method", exchange.method},
        {"path", exchange.target},
        {"status", exchange.response.status},
        {"content_type", exchange.response.get_header_value("Content-Type")},
        {"body", exchange.response.body}};
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::ofstream out(file, std::ios::app | std::ios::binary);
    // Bodies are the server's bytes; invalid UTF-8 becomes U+FFFD rather than an exception.
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace broadsheet::testing_support
