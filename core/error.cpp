// error.cpp — spelling of ErrorCode values for JSON bodies and logs.
#include "core/error.h"

namespace broadsheet {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument:
            return "invalid_argument";
        case ErrorCode::InvalidQuery:
            return "invalid_query";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::IndexUnavailable:
            return "index_unavailable";
        case ErrorCode::SchemaMismatch:
            return "schema_mismatch";
        case ErrorCode::ShardUnavailable:
            return "shard_unavailable";
        case ErrorCode::TooLarge:
            return "too_large";
        case ErrorCode::Internal:
            return "internal";
    }
    return "internal";
}

}  // namespace broadsheet
