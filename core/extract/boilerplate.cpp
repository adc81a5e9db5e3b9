// boilerplate.cpp — whole-line shapes of site chrome, from word lists and small scanners.
#include "core/extract/boilerplate.h"

#include <array>
#include <string>

#include "core/extract/dates.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// Lowercase, trailing punctuation and surrounding markup stripped, for whole-line comparisons.
std::string line_key(std::string_view line) {
    std::string key = text::to_lower(text::trim(line));
    while (!key.empty() && (key.back() == '.' || key.back() == ':' || key.back() == '!' ||
                            key.back() == '>' || key.back() == '|' || key.back() == ' '))
        key.pop_back();
    while (!key.empty() && (key.front() == '|' || key.front() == ' ' || key.front() == '<'))
        key.erase(0, 1);
    return key;
}

// Lines that are site furniture when they stand alone.
constexpr std::string_view kNavigationLines[] = {"listen live",
                                                 "live",
                                                 "menu",
                                                 "home",
                                                 "search",
                                                 "skip to content",
                                                 "skip to main content",
                                                 "advertisement",
                                                 "advertising",
                                                 "sponsored",
                                                 "sponsored content",
                                                 "close",
                                                 "loading",
                                                 "loading...",
                                                 "back to top",
                                                 "top",
                                                 "next",
                                                 "previous",
                                                 "more",
                                                 "show more",
                                                 "see more",
                                                 "load more",
                                                 "watch",
                                                 "video",
                                                 "watch video",
                                                 "photos",
                                                 "gallery",
                                                 "audio",
                                                 "play",
                                                 "listen",
                                                 "listen to this article",
                                                 "log in",
                                                 "login",
                                                 "sign in",
                                                 "sign up",
                                                 "register",
                                                 "subscribe",
                                                 "subscribe now",
                                                 "learn more",
                                                 "read more",
                                                 "continue reading",
                                                 "full story",
                                                 "newsletter",
                                                 "newsletters",
                                                 "sections",
                                                 "trending",
                                                 "latest",
                                                 "latest news",
                                                 "top stories",
                                                 "breaking news",
                                                 "world",
                                                 "politics",
                                                 "business",
                                                 "opinion",
                                                 "sport",
                                                 "sports",
                                                 "tech",
                                                 "technology",
                                                 "culture",
                                                 "entertainment",
                                                 "lifestyle",
                                                 "toggle navigation",
                                                 "open menu",
                                                 "story continues below advertisement",
                                                 "continue reading the main story",
                                                 "continue reading below",
                                                 "read full article",
                                                 "view gallery",
                                                 "enlarge this image",
                                                 "toggle caption",
                                                 "hide caption",
                                                 "image",
                                                 "copy link to clipboard",
                                                 "scroll to continue with content"};

constexpr std::string_view kShareLines[] = {"get short url",
                                            "short url",
                                            "share",
                                            "share this",
                                            "share this article",
                                            "share this story",
                                            "share on facebook",
                                            "share on twitter",
                                            "tweet",
                                            "email",
                                            "e-mail",
                                            "print",
                                            "copy link",
                                            "link copied",
                                            "comments",
                                            "comment",
                                            "show comments",
                                            "hide comments",
                                            "view comments",
                                            "leave a comment",
                                            "add a comment",
                                            "join the discussion",
                                            "discussion",
                                            "facebook",
                                            "twitter",
                                            "whatsapp",
                                            "linkedin",
                                            "telegram",
                                            "reddit",
                                            "pinterest",
                                            "vk",
                                            "flipboard",
                                            "save",
                                            "bookmark"};

constexpr std::string_view kRelatedHeadings[] = {
    "related",           "related articles",    "related stories",
    "related news",      "related content",     "related coverage",
    "related topics",    "more on this",        "more on this story",
    "most read",         "most popular",        "recommended",
    "you may also like", "you might also like", "read also",
    "more from"};

// Prefixes that mark a whole line as chrome whatever follows ("Related article: ...").
constexpr std::string_view kChromePrefixes[] = {"related article:",
                                                "related:",
                                                "read more:",
                                                "read also:",
                                                "also read:",
                                                "see also:",
                                                "read more about",
                                                "more:",
                                                "follow us on",
                                                "follow us:",
                                                "sign up for",
                                                "subscribe to",
                                                "vous \u00EAtes abonn\u00E9 \u00E0",
                                                "abonnez-vous \u00E0",
                                                "click here",
                                                "comment via",
                                                "community standards",
                                                "tags:",
                                                "topics:",
                                                "filed under",
                                                "share on",
                                                "share this",
                                                "sign up to",
                                                "download our app"};

bool all_social_words(std::string_view key) {
    // "Facebook Twitter Email", "share: facebook | twitter" — every word a share target.
    std::size_t words = 0;
    for (const auto& raw : text::split_trimmed(key, ' ')) {
        std::string w = raw;
        while (!w.empty() && (w.back() == ',' || w.back() == '|' || w.back() == ':')) w.pop_back();
        if (w.empty() || w == "|") continue;
        bool social = false;
        for (auto s : kShareLines)
            if (w == s) social = true;
        if (!social) return false;
        ++words;
    }
    return words >= 2;
}

bool is_tag_list(std::string_view line) {
    const auto trimmed = text::trim(line);
    if (trimmed.empty()) return false;
    const char last = trimmed.back();
    if (last == '.' || last == '?' || last == '!' || last == '"' || last == ':') return false;
    if (text::starts_with_quote_mark(trimmed)) return false;
    const auto items = text::split_trimmed(trimmed, ',');
    if (items.size() < 4) return false;
    std::size_t total_words = 0;
    for (const auto& item : items) {
        const auto words = text::count_words(item);
        if (words > 4) return false;
        total_words += words;
        // Sentences joined by commas contain lowercase function words; tags rarely do.
        for (auto w : {" the ", " was ", " is ", " are ", " said ", " has ", " had ", " to "})
            if (text::contains_ci(" " + item + " ", w)) return false;
    }
    return total_words <= items.size() * 3;
}

bool is_separator(std::string_view line) {
    const auto trimmed = text::trim(line);
    std::size_t i = 0;
    while (i < trimmed.size()) {
        const char32_t cp = text::next_code_point(trimmed, i);
        const bool mark = cp == '*' || cp == '-' || cp == '_' || cp == '=' || cp == '~' ||
                          cp == ' ' || cp == '#' || cp == 0x2022 || cp == 0x2014 || cp == 0x2013 ||
                          cp == 0x00B7 || cp == '|' || cp == '+';
        if (!mark) return false;
    }
    return true;
}

bool ends_like_sentence_mark(std::string_view line) {
    return !line.empty() && (line.back() == '.' || line.back() == '?' || line.back() == '!');
}

// Promo lines end in a shouted button label: "... Terminal. LEARN MORE", "REQUEST A DEMO".
bool ends_with_call_to_action(std::string_view line) {
    const auto words = text::split_trimmed(line, ' ');
    if (words.size() < 4 || words.size() > 40) return false;
    std::size_t shouted = 0;
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
        bool upper = false, lower = false;
        for (char c : *it) {
            upper |= text::is_ascii_upper(c);
            lower |= text::is_ascii_lower(c);
        }
        if (!upper || lower) break;
        ++shouted;
    }
    if (shouted < 2 || shouted == words.size()) return false;
    // The sentence before the button ends with a full stop or similar.
    const auto& before = words[words.size() - shouted - 1];
    return before.ends_with(".") || before.ends_with("!") || before.ends_with(":");
}

// "Home > World > Europe", "News » Politics": short segments between path separators.
bool is_breadcrumb(std::string_view line) {
    std::size_t separators = 0;
    for (std::string_view sep : {" > ", " \u00BB ", " \u203A ", " / "}) {
        for (auto pos = line.find(sep); pos != std::string_view::npos;
             pos = line.find(sep, pos + 1))
            ++separators;
    }
    return separators >= 1 && text::count_words(line) <= separators * 4 + 4 &&
           !ends_like_sentence_mark(line);
}

// Picture credits standing alone: "Photo: Getty Images", "(AP Photo/Evan Vucci)".
bool is_credit(std::string_view line) {
    if (text::count_words(line) > 15) return false;
    for (std::string_view prefix :
         {"photo:", "photograph:", "image:", "picture:", "credit:", "illustration:", "photo credit",
          "(photo", "(ap photo", "image source", "image caption", "media caption"})
        if (text::starts_with_ci(line, prefix)) return true;
    for (std::string_view tail : {"getty images", "getty images)", "/afp", "/reuters", "/ap",
                                  "via reuters", "/epa", "shutterstock"})
        if (text::ends_with_ci(line, tail)) return true;
    return false;
}

// "Royal Road® © 2024", "example.com © 1996-2015 The Example Post": a site's notice with the
// mark after a short name or domain (up to three words), then years.
bool is_short_mark_notice(std::string_view key) {
    const auto mark = key.find("\u00A9");
    if (mark == std::string_view::npos || mark == 0) return false;
    if (text::count_words(key.substr(0, mark)) > 3) return false;
    const auto after = text::trim(key.substr(mark + std::string_view("\u00A9").size()));
    return !after.empty() && text::is_ascii_digit(after.front());
}

}  // namespace

bool is_related_heading(std::string_view line) {
    const auto key = line_key(line);
    for (auto h : kRelatedHeadings)
        if (key == h) return true;
    return false;
}

ChromeKind classify_chrome(std::string_view line) {
    const auto trimmed = text::trim(line);
    if (trimmed.empty()) return ChromeKind::None;
    if (is_separator(trimmed)) return ChromeKind::Separator;
    const auto key = line_key(trimmed);
    for (auto n : kNavigationLines)
        if (key == n) return ChromeKind::Navigation;
    for (auto s : kShareLines)
        if (key == s) return ChromeKind::Share;
    if (all_social_words(key)) return ChromeKind::Share;
    if (is_related_heading(trimmed)) return ChromeKind::Related;
    for (auto p : kChromePrefixes) {
        if (key.starts_with(p)) {
            if (p.starts_with("related") || p.starts_with("read") || p.starts_with("also") ||
                p.starts_with("see") || p == "more:")
                return ChromeKind::Related;
            if (p == "tags:" || p == "topics:" || p == "filed under") return ChromeKind::TagList;
            if (p.starts_with("follow") || p.starts_with("sign") || p.starts_with("subscribe") ||
                p.starts_with("download") || p.starts_with("vous") || p.starts_with("abonnez"))
                return ChromeKind::Promo;
            return ChromeKind::Share;
        }
    }
    const bool short_line = trimmed.size() < 300;
    if (short_line) {
        // Share prompts glued together by a scraper: "Comment via FacebookComment via Sputnik".
        // Capitalised as widget labels are, so "he would comment via a spokesman" stays text.
        if (text::contains_ci(key, "get short url") ||
            trimmed.find("Comment via") != std::string_view::npos ||
            trimmed.find("Community standards") != std::string_view::npos)
            return ChromeKind::Share;
        if (text::contains_ci(key, "before it's here") ||
            text::contains_ci(key, "before it’s here"))
            return ChromeKind::Promo;
        if (text::contains_ci(key, "newsletter") &&
            (text::contains_ci(key, "sign up") || text::contains_ci(key, "subscribe")))
            return ChromeKind::Promo;
        if (text::contains_ci(key, "cookie") &&
            (text::contains_ci(key, "use") || text::contains_ci(key, "accept") ||
             text::contains_ci(key, "policy") || text::contains_ci(key, "consent")))
            return ChromeKind::Cookie;
        if (text::contains_ci(key, "privacy policy") || text::contains_ci(key, "terms of use") ||
            text::contains_ci(key, "terms of service"))
            return ChromeKind::Cookie;
        if (text::contains_ci(key, "not necessarily reflect") ||
            text::contains_ci(key, "do not necessarily represent") ||
            text::contains_ci(key, "views expressed") || text::contains_ci(key, "not those of") ||
            text::contains_ci(key, "views and opinions expressed"))
            return ChromeKind::Disclaimer;
        if (key.starts_with("©") || key.starts_with("(c) ") || key.starts_with("copyright ") ||
            text::contains_ci(key, "all rights reserved") || is_short_mark_notice(key))
            return ChromeKind::Copyright;
    }
    if (ends_with_call_to_action(trimmed)) return ChromeKind::Promo;
    if (is_breadcrumb(trimmed)) return ChromeKind::Breadcrumb;
    if (is_credit(trimmed)) return ChromeKind::Caption;
    if (classify_date_line(trimmed).kind == DateLineKind::Clock) return ChromeKind::Clock;
    if (is_tag_list(trimmed)) return ChromeKind::TagList;
    return ChromeKind::None;
}

}  // namespace broadsheet
