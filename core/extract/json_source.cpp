// json_source.cpp — JSON article objects mapped onto a Draft.
#include "core/extract/json_source.h"

#include <date/date.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/extract/dates.h"
#include "core/extract/html.h"
#include "core/extract/plain_text.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// A string, or the "name" of an object, or the names of a list joined with ", ".
std::string text_of(const nlohmann::json& value) {
    if (value.is_string())
        return text::clean_inline(text::decode_entities(value.get<std::string>()));
    if (value.is_object()) {
        if (auto it = value.find("name"); it != value.end()) return text_of(*it);
        return {};
    }
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value) {
            const auto piece = text_of(item);
            if (piece.empty()) continue;
            if (!out.empty()) out += ", ";
            out += piece;
        }
        return out;
    }
    return {};
}

template <std::size_t N>
const nlohmann::json* first_key(const nlohmann::json& object, const std::string_view (&keys)[N]) {
    for (auto key : keys) {
        auto it = object.find(std::string(key));
        if (it != object.end() && !it->is_null()) return &*it;
    }
    return nullptr;
}

constexpr std::string_view kTitleKeys[] = {"title", "headline", "name"};
constexpr std::string_view kDateKeys[] = {"date",         "datePublished",    "published",
                                          "published_at", "publishedAt",      "pubDate",
                                          "pub_date",     "publication_date", "date_published"};
constexpr std::string_view kOutletKeys[] = {"outlet",    "publisher", "source",
                                            "site_name", "site",      "publication"};
constexpr std::string_view kAuthorKeys[] = {"author", "authors", "byline", "creator"};
constexpr std::string_view kUrlKeys[] = {"url", "link", "canonical_url", "source_url"};
constexpr std::string_view kBodyKeys[] = {"body", "text", "content", "articleBody", "article"};

// A date string, or a Unix timestamp in seconds or milliseconds (exporters emit both).
std::optional<Date> date_of(const nlohmann::json& value) {
    if (value.is_string()) return parse_date(value.get<std::string>());
    if (value.is_number()) {
        double seconds = value.get<double>();
        if (seconds > 1e11) seconds /= 1000.0;
        if (seconds < 0 || seconds > 4e9) return std::nullopt;
        const date::sys_days day = date::floor<date::days>(
            date::sys_seconds{std::chrono::seconds{static_cast<long long>(seconds)}});
        const date::year_month_day ymd{day};
        return Date::make(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                          static_cast<unsigned>(ymd.day()));
    }
    return std::nullopt;
}

}  // namespace

bool json_article_is_empty(const nlohmann::json& object) {
    if (!object.is_object()) return true;
    const auto* title = first_key(object, kTitleKeys);
    const auto* body = first_key(object, kBodyKeys);
    return (title == nullptr || text_of(*title).empty()) &&
           (body == nullptr || !body->is_string() || text::trim(body->get<std::string>()).empty());
}

Draft parse_json_article(const nlohmann::json& object) {
    Draft draft;
    if (!object.is_object()) return draft;
    std::string body;
    if (const auto* b = first_key(object, kBodyKeys); b && b->is_string())
        body = b->get<std::string>();
    std::string title;
    if (const auto* t = first_key(object, kTitleKeys)) title = text_of(*t);
    // Scrapers often export the article's HTML as its "body".
    const bool html_body = body.find("<p") != std::string::npos ||
                           body.find("<br") != std::string::npos ||
                           body.find("<div") != std::string::npos;
    if (html_body) {
        const Draft page = parse_html(body);
        std::string text_body;
        for (const auto& p : page.paragraphs) text_body += p + "\n\n";
        body = text_body;
    }
    if (!html_body) body = text::decode_entities(body);
    if (!body.empty()) draft = parse_text(body, TextOptions{TextFlavour::Plain, title});
    // The text step may read a lone line as a headline or as site chrome; a body field is the
    // article's text by definition, so it is never left without it.
    if (draft.paragraphs.empty()) {
        for (const auto block : text::split_lines(body)) {
            std::string paragraph = text::clean_inline(block);
            if (!paragraph.empty()) draft.paragraphs.push_back(std::move(paragraph));
        }
    }
    draft.meta_title = title;
    if (const auto* d = first_key(object, kDateKeys)) draft.meta_date = date_of(*d);
    if (const auto* o = first_key(object, kOutletKeys)) draft.meta_outlet = text_of(*o);
    if (const auto* a = first_key(object, kAuthorKeys)) draft.meta_author = text_of(*a);
    if (const auto* u = first_key(object, kUrlKeys); u && u->is_string())
        draft.meta_url = text::clean_inline(u->get<std::string>());
    return draft;
}

}  // namespace broadsheet
