// front_matter.h — "key: value" metadata that exporters put above an article: a YAML front
// matter block ("---" ... "---") or labelled header lines ("Title: ...", "Source: ...").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

enum class MetaKey { None, Title, Date, Author, Url, Outlet };

struct LabelledValue {
    MetaKey key = MetaKey::None;
    std::string value;  // quotes and brackets removed, whitespace cleaned
};

// "Title: Kerry meets Putin" → {Title, "Kerry meets Putin"}; "headline = ..." is not a label.
// Keys are matched case-insensitively from a fixed list of exporter spellings (title, headline,
// date, published, author, byline, url, link, source, publication, outlet, publisher, site ...).
// A "source" whose value is a URL is a Url.
LabelledValue parse_labelled_line(std::string_view line);

struct FrontMatter {
    std::string title, date, author, url, outlet;  // raw values; empty when absent
    std::size_t length = 0;  // bytes of the block including its closing fence line
};

// A front matter block at the very start of `text` (after blank lines), or nullopt.
std::optional<FrontMatter> read_front_matter(std::string_view text);

}  // namespace broadsheet
