// error.h — the one error type core/ throws: an ErrorCode plus a human-readable message.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace broadsheet {

// What went wrong, independent of transport. The server maps each code to an HTTP status in
// exactly one place (server/http_util.cpp); the CLIs map them to exit codes.
enum class ErrorCode {
    InvalidArgument,   // a parameter is malformed or out of range
    InvalidQuery,      // the query string does not parse (Xapian::QueryParserError)
    NotFound,          // a requested article, quote or speaker does not exist
    IndexUnavailable,  // the index cannot be opened or read (Xapian::DatabaseOpeningError, ...)
    SchemaMismatch,    // the index was written with another schema version
    ShardUnavailable,  // a remote shard is down or did not answer within its timeout
    TooLarge,          // input exceeds a documented limit
    Internal,          // a bug or an unexpected library failure
};

// Stable, machine-readable spelling of a code, used in JSON error bodies and logs.
std::string_view to_string(ErrorCode code);

class Error : public std::runtime_error {
  public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ErrorCode code() const noexcept { return code_; }

  private:
    ErrorCode code_;
};

}  // namespace broadsheet
