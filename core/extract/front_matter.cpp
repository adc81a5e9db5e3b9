// front_matter.cpp — exporter metadata blocks and labelled header lines.
#include "core/extract/front_matter.h"

#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

struct KeySpelling {
    std::string_view name;
    MetaKey key;
};

constexpr KeySpelling kKeys[] = {
    {"title", MetaKey::Title},       {"headline", MetaKey::Title},
    {"date", MetaKey::Date},         {"published", MetaKey::Date},
    {"published_at", MetaKey::Date}, {"publish_date", MetaKey::Date},
    {"pubdate", MetaKey::Date},      {"date_published", MetaKey::Date},
    {"author", MetaKey::Author},     {"authors", MetaKey::Author},
    {"byline", MetaKey::Author},     {"url", MetaKey::Url},
    {"link", MetaKey::Url},          {"canonical", MetaKey::Url},
    {"canonical_url", MetaKey::Url}, {"original url", MetaKey::Url},
    {"original_url", MetaKey::Url},  {"source_url", MetaKey::Url},
    {"source", MetaKey::Outlet},     {"publication", MetaKey::Outlet},
    {"outlet", MetaKey::Outlet},     {"publisher", MetaKey::Outlet},
    {"site", MetaKey::Outlet},       {"site_name", MetaKey::Outlet},
    {"newspaper", MetaKey::Outlet},
};

std::string unquote(std::string_view v) {
    v = text::trim(v);
    while (v.size() >= 2 &&
           ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'') ||
            (v.front() == '[' && v.back() == ']') || (v.front() == '<' && v.back() == '>')))
        v = text::trim(v.substr(1, v.size() - 2));
    return text::clean_inline(v);
}

}  // namespace

LabelledValue parse_labelled_line(std::string_view line) {
    line = text::trim(line);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 20) return {};
    const auto name = text::to_lower(text::trim(line.substr(0, colon)));
    const auto value = unquote(line.substr(colon + 1));
    if (value.empty()) return {};
    for (const auto& k : kKeys) {
        if (name != k.name) continue;
        MetaKey key = k.key;
        if (key == MetaKey::Outlet &&
            (value.starts_with("http://") || value.starts_with("https://")))
            key = MetaKey::Url;
        return {key, value};
    }
    return {};
}

std::optional<FrontMatter> read_front_matter(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && (text[start] == '\n' || text[start] == ' ')) ++start;
    if (text.substr(start, 4) != "---\n") return std::nullopt;
    FrontMatter fm;
    std::size_t pos = start + 4;
    for (int lines = 0; pos < text.size() && lines < 80; ++lines) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text::trim(text.substr(pos, end - pos));
        pos = end + 1;
        if (line == "---" || line == "...") {
            fm.length = std::min(pos, text.size());
            return fm;
        }
        const auto labelled = parse_labelled_line(line);
        std::string* slot = nullptr;
        switch (labelled.key) {
            case MetaKey::Title:
                slot = &fm.title;
                break;
            case MetaKey::Date:
                slot = &fm.date;
                break;
            case MetaKey::Author:
                slot = &fm.author;
                break;
            case MetaKey::Url:
                slot = &fm.url;
                break;
            case MetaKey::Outlet:
                slot = &fm.outlet;
                break;
            case MetaKey::None:
                break;
        }
        if (slot && slot->empty()) *slot = labelled.value;
    }
    return std::nullopt;  // no closing fence: a horizontal rule, not front matter
}

}  // namespace broadsheet
