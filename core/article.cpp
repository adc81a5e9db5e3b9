// article.cpp — JSON (de)serialisation of Article, Quote and the stored quote record; absent
// values are null.
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

std::size_t size_or_zero(const nlohmann::json& in, const char* key) {
    const auto it = in.find(key);
    return it != in.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

// body[begin, end): the text of a stored quote that left "text" out; empty when the offsets do
// not fit the body (never written so: stored_article_json keeps the text then).
std::string quoted_text(const std::string& body, const Quote& quote) {
    if (quote.begin > quote.end || quote.end > body.size()) return {};
    return body.substr(quote.begin, quote.end - quote.begin);
}

nlohmann::json nullable(const std::optional<Date>& date) {
    return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr);
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
                         {"date", nullable(article.date)},
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
        for (const auto& q : *it) {
            Quote& quote = article.quotes.emplace_back(q.get<Quote>());
            if (q.is_object() && !q.contains("text")) quote.text = quoted_text(article.body, quote);
        }
    }
    article.content_hash = string_or_empty(in, "content_hash");
}

nlohmann::json stored_article_json(const Article& article) {
    nlohmann::json out = article;
    nlohmann::json& quotes = out["quotes"];
    for (std::size_t i = 0; i < article.quotes.size(); ++i) {
        const Quote& quote = article.quotes[i];
        const bool in_body =
            quote.begin <= quote.end && quote.end <= article.body.size() &&
            article.body.compare(quote.begin, quote.end - quote.begin, quote.text) == 0;
        if (in_body) quotes[i].erase("text");
    }
    return out;
}

void to_json(nlohmann::json& out, const QuoteRecord& record) {
    out = nlohmann::json{{"id", record.id},
                         {"text", record.text},
                         {"speaker", nullable(record.speaker)},
                         {"cue", nullable(record.cue)},
                         {"confidence", record.confidence},
                         {"begin", record.begin},
                         {"end", record.end},
                         {"char_begin", record.char_begin},
                         {"char_end", record.char_end},
                         {"article",
                          {{"id", record.article.id},
                           {"title", nullable(record.article.title)},
                           {"date", nullable(record.article.date)},
                           {"outlet", nullable(record.article.outlet)},
                           {"url", nullable(record.article.url)}}}};
}

void from_json(const nlohmann::json& in, QuoteRecord& record) {
    record.id = string_or_empty(in, "id");
    record.text = string_or_empty(in, "text");
    record.speaker = string_or_empty(in, "speaker");
    record.cue = string_or_empty(in, "cue");
    const auto confidence = in.find("confidence");
    record.confidence =
        confidence != in.end() && confidence->is_number() ? confidence->get<double>() : 0.0;
    record.begin = size_or_zero(in, "begin");
    record.end = size_or_zero(in, "end");
    record.char_begin = size_or_zero(in, "char_begin");
    record.char_end = size_or_zero(in, "char_end");
    record.article = {};
    if (const auto it = in.find("article"); it != in.end() && it->is_object()) {
        record.article.id = string_or_empty(*it, "id");
        record.article.title = string_or_empty(*it, "title");
        record.article.date = Date::from_iso(string_or_empty(*it, "date"));
        record.article.outlet = string_or_empty(*it, "outlet");
        record.article.url = string_or_empty(*it, "url");
    }
}

}  // namespace broadsheet
