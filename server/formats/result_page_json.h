// result_page_json.h — what the search and quote result bodies share: to_json of the page and,
// when asked (debug=1), the timing object that includes the rendering itself.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/search/search_types.h"
#include "server/formats/search_json.h"

namespace broadsheet {

// The body of a result page (articles or quotes): its to_json, plus with Timing::Report the
// `timing` object, whose render_ms is the time building the body took.
template <class Page>
nlohmann::json render_page(const Page& result) {
    const auto started = std::chrono::steady_clock::now();
    nlohmann::json body = result;
    if (result.shape.timing == Timing::Report)
        add_timing(
            body, result.timing,
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count());
    return body;
}

}  // namespace broadsheet
