// extract_output.cpp — JSON line for `broadsheet-indexer extract`, and a Unicode word count.
#include "core/index/extract_output.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace broadsheet {
namespace {

nlohmann::ordered_json nullable(const std::string& value) {
    return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

}  // namespace

nlohmann::ordered_json extract_output(const std::string& file, const Article& article) {
    nlohmann::ordered_json quotes = nlohmann::ordered_json::array();
    for (const auto& quote : article.quotes) {
        quotes.push_back({{"speaker", nullable(quote.speaker)},
                          {"text", quote.text},
                          {"cue", nullable(quote.cue)},
                          {"confidence", quote.confidence},
                          {"begin", quote.begin},
                          {"end", quote.end}});
    }
    return {{"file", file},
            {"id", article.id},
            {"title", nullable(article.title)},
            {"date", article.date ? nlohmann::ordered_json(article.date->iso())
                                  : nlohmann::ordered_json(nullptr)},
            {"outlet", nullable(article.outlet)},
            {"author", nullable(article.author)},
            {"url", nullable(article.url)},
            {"speakers", article.speakers},
            {"quotes", std::move(quotes)},
            {"words", count_words(article.body)}};
}

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_token = false;
    bool token_has_alnum = false;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        // Invalid UTF-8 (c < 0) counts as part of a token rather than ending it.
        if (c >= 0 && u_isUWhiteSpace(c)) {
            if (in_token && token_has_alnum) ++words;
            in_token = token_has_alnum = false;
            continue;
        }
        in_token = true;
        if (c >= 0 && u_isalnum(c)) token_has_alnum = true;
    }
    if (in_token && token_has_alnum) ++words;
    return words;
}

}  // namespace broadsheet
