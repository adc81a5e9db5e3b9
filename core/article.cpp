// article.cpp — JSON (de)serialisation of Article and Quote; absent values are null.
#include "core/article.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace broadsheet {
namespace {

nlohmann::json nullable(const std::string& value) {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

std::string string_or_empty(const nlohmann::json& in, const char* key) {
    auto it = in.find(key);
    if (it == in.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

}  // namespace

std::size_t code_points_before(std::string_view text, std::size_t byte_offset) {
    const std::size_t end = std::min(byte_offset, text.size());
    std::size_t count = 0;
    // Every byte that is not a UTF-8 continuation byte (10xxxxxx) starts a code point.
    for (std::size_t i = 0; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    return count;
}

void to_json(nlohmann::json& out, const Quote& quote) {
    out = nlohmann::json{{"text", quote.text},         {"speaker", nullable(quote.speaker)},
                         {"cue", nullable(quote.cue)}, {"confidence", quote.confidence},
                         {"begin", quote.begin},       {"end", quote.end}};
}

void from_json(const nlohmann::json& in, Quote& quote) {
    quote.text = string_or_empty(in, "text");
    quote.speaker = string_or_empty(in, "speaker");
    quote.cue = string_or_empty(in, "cue");
    quote.confidence = in.value("confidence", 0.0);
    quote.begin = in.value("begin", std::size_t{0});
    quote.end = in.value("end", std::size_t{0});
}

void to_json(nlohmann::json& out, const Article& article) {
    out = nlohmann::json{{"id", article.id},
                         {"source_path", article.source_path},
                         {"title", nullable(article.title)},
                         {"date", article.date ? nlohmann::json(article.date->iso()) : nullptr},
                         {"outlet", nullable(article.outlet)},
                         {"author", nullable(article.author)},
                         {"url", nullable(article.url)},
                         {"body", article.body},
                         {"speakers", article.speakers},
                         {"quotes", article.quotes},
                         {"content_hash", article.content_hash}};
}

void from_json(const nlohmann::json& in, Article& article) {
    article.id = string_or_empty(in, "id");
    article.source_path = string_or_empty(in, "source_path");
    article.title = string_or_empty(in, "title");
    article.date = Date::from_iso(string_or_empty(in, "date"));
    article.outlet = string_or_empty(in, "outlet");
    article.author = string_or_empty(in, "author");
    article.url = string_or_empty(in, "url");
    article.body = string_or_empty(in, "body");
    article.speakers.clear();
    if (auto it = in.find("speakers"); it != in.end() && it->is_array()) {
        for (const auto& s : *it)
            if (s.is_string()) article.speakers.push_back(s.get<std::string>());
    }
    article.quotes.clear();
    if (auto it = in.find("quotes"); it != in.end() && it->is_array()) {
        for (const auto& q : *it) article.quotes.push_back(q.get<Quote>());
    }
    article.content_hash = string_or_empty(in, "content_hash");
}

}  // namespace broadsheet
