// outlet_feed.cpp — the site's name from the feed titles lynx prints at the top of a rendered
// page ("#Eastvale Wire » Feed Eastvale Wire » Comments Feed"): the titles of the page's
// <link rel="alternate"> feeds, which publishers set to their site's name.
#include <algorithm>
#include <array>

#include "core/extract/outlet.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// Link relations lynx prints in place of a link without a title: never part of a name.
constexpr std::array<std::string_view, 14> kRelations = {
    "alternate", "publisher", "home",  "copyright", "prev",    "next",  "search",
    "author",    "canonical", "start", "contents",  "license", "index", "help"};

// Compared as printed: lynx prints relations in lower case, a title's "Home" is a word of it.
bool is_relation(std::string_view word) {
    return std::find(kRelations.begin(), kRelations.end(), word) != kRelations.end();
}

// Words of a promo or a page, not of a name: "Subscribe to our RSS Feed", "Recent Posts".
bool names_no_site(std::string_view name) {
    static constexpr std::string_view kWords[] = {"our",    "your", "subscribe", "recent",
                                                  "latest", "all",  "comments",  "search"};
    for (const auto& w : text::split_trimmed(name, ' ')) {
        const auto lowered = text::to_lower(w);
        for (auto k : kWords)
            if (lowered == k) return true;
    }
    return false;
}

// The link list lynx prints first: "#" and the titles (or relations) of the <link>s, wrapped
// over the indented lines up to the first blank one.
std::string link_list(std::string_view text) {
    const auto lines = text::split_lines(text.substr(0, std::min<std::size_t>(text.size(), 2000)));
    std::string out;
    for (const auto raw : lines) {
        const auto line = text::trim(raw);
        if (out.empty()) {
            if (line.empty()) continue;
            if (!line.starts_with("#")) return {};
            out = line.substr(1);
            continue;
        }
        if (line.empty()) break;
        out += ' ';
        out += line;
    }
    return out;
}

// `words` without the link relations lynx prints for untitled links, joined.
std::string without_relations(std::string_view words) {
    std::string out;
    for (const auto& w : text::split_trimmed(words, ' ')) {
        if (is_relation(w)) continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace

std::string feed_title_outlet(std::string_view text) {
    const auto links = link_list(text);
    if (links.empty()) return {};
    // A feed's title is the site's name and the kind of feed: "X » Feed", "X - All stories",
    // "X RSS Feed"; the first one the list names is the site's main feed.
    static constexpr std::string_view kFeedMarks[] = {" \u00BB Feed", " \u00BB RSS",
                                                      " - All stories", " RSS Feed", " Atom Feed"};
    std::size_t first_mark = std::string::npos;
    for (auto mark : kFeedMarks) first_mark = std::min(first_mark, links.find(mark));
    std::string name;
    if (first_mark != std::string::npos) {
        name = without_relations(std::string_view(links).substr(0, first_mark));
        if (text::count_words(name) > 8) return {};
    } else {
        // A bare title ("#Eastvale Wire", "#Eastvale Wire Eastvale Wire" for a feed and a
        // shortcut icon): a name and nothing else.
        name = without_relations(links);
        const auto half = name.size() / 2;
        if (name.size() % 2 == 1 && name[half] == ' ' &&
            std::string_view(name).substr(0, half) == std::string_view(name).substr(half + 1))
            name.resize(half);
        if (!is_name_line(name)) return {};
    }
    if (name.empty() || text::is_ascii_lower(name.front()) || names_no_site(name)) return {};
    return name;
}

}  // namespace broadsheet
