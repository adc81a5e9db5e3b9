// jsonl.cpp — a hit as one line of JSON.
#include "server/formats/jsonl.h"

#include <nlohmann/json.hpp>

#include "server/formats/search_json.h"

namespace broadsheet {

void append_jsonl_row(std::string& out, const Hit& hit) {
    nlohmann::json row = hit;
    row.erase("snippet");
    out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
}

}  // namespace broadsheet
