// cache_key.cpp — response_cache_key (see cache_key.h): SearchParams and ResultShape written out
// field by field, strings length-prefixed so that no two requests can spell the same key.
#include "server/cache_key.h"

#include <charconv>
#include <initializer_list>

namespace broadsheet {
namespace {

void put(std::string& key, std::string_view text) {
    key += std::to_string(text.size());
    key += ':';
    key += text;
}

void put(std::string& key, unsigned number) {
    key += std::to_string(number);
    key += ';';
}

void put(std::string& key, const std::vector<std::string>& values) {
    put(key, static_cast<unsigned>(values.size()));
    for (const std::string& value : values) put(key, value);
}

void put(std::string& key, const std::optional<Date>& date) {
    put(key, date ? date->iso() : std::string("-"));
}

// The shortest text that reads back as the same double: 0.5 and 0.50 share it, and two
// different values never do.
void put(std::string& key, const std::optional<double>& number) {
    if (!number) {
        put(key, std::string_view("-"));
        return;
    }
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, *number).ptr;
    put(key, std::string_view(text, static_cast<std::size_t>(end - text)));
}

template <class Enum>
void put(std::string& key, EnumSet<Enum> set, std::initializer_list<Enum> all) {
    for (Enum value : all) key += set.contains(value) ? '1' : '0';
    key += ';';
}

template <class Enum>
void put_enum(std::string& key, Enum value) {
    put(key, static_cast<unsigned>(value));
}

std::string canonical(std::string_view path, const SearchParams& params) {
    std::string key;
    put(key, path);
    put_enum(key, params.type);
    put(key, params.q);
    put(key, params.outlets);
    put(key, params.speakers);
    put(key, params.not_outlets);
    put(key, params.not_speakers);
    put(key, params.from);
    put(key, params.to);
    put(key, params.min_confidence);
    put_enum(key, effective_sort(params));
    put(key, params.page);
    put(key, params.size);
    put_enum(key, params.interval);
    const ResultShape& shape = params.shape;
    put(key, shape.facets, {FacetName::Outlet, FacetName::Speaker, FacetName::Year});
    put(key, shape.facet_size);
    put_enum(key, shape.histogram);
    put_enum(key, shape.snippets);
    put(key, shape.fields,
        {HitField::Title, HitField::Date, HitField::Outlet, HitField::Author, HitField::Speakers,
         HitField::Url, HitField::Snippet});
    return key;
}

}  // namespace

std::optional<std::string> response_cache_key(const ApiRequest& request) {
    DocumentType type = DocumentType::Article;
    if (request.path == "/api/quotes")
        type = DocumentType::Quote;
    else if (request.path != "/api/search")
        return std::nullopt;
    try {
        SearchParams params = parse_search_params(request, type);
        params.shape = parse_result_shape(request, type);
        if (params.shape.timing == Timing::Report) return std::nullopt;
        return canonical(request.path, params);
    } catch (const Error&) {
        // The handler refuses it again and answers the error, which is not cached.
        return std::nullopt;
    }
}

}  // namespace broadsheet
