// article_json.cpp — the article object of the API, with quote ids, groups and code-point offsets.
#include "server/formats/article_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/schema.h"
#include "server/formats/quote_json.h"

namespace broadsheet {

nlohmann::json article_json(const Article& article,
                            const std::vector<std::optional<QuoteGroupInfo>>& groups) {
    nlohmann::json body = article;
    body.erase("content_hash");
    // Quotes come in text order, so code points are counted on from the previous offset: one
    // pass over the body, not one per quote.
    std::size_t counted_to = 0, code_points = 0;
    const auto char_offset = [&](std::size_t byte_offset) {
        if (byte_offset < counted_to) counted_to = code_points = 0;
        code_points += code_points_before(
            std::string_view(article.body).substr(std::min(counted_to, article.body.size())),
            byte_offset - counted_to);
        counted_to = byte_offset;
        return code_points;
    };
    for (std::size_t i = 0; i < article.quotes.size(); ++i) {
        body["quotes"][i]["id"] = quote_id(article, i);
        body["quotes"][i]["group"] = groups[i] ? nlohmann::json(*groups[i]) : nullptr;
        body["quotes"][i]["char_begin"] = char_offset(article.quotes[i].begin);
        body["quotes"][i]["char_end"] = char_offset(article.quotes[i].end);
    }
    return body;
}

}  // namespace broadsheet
