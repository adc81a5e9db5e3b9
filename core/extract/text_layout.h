// text_layout.h — the units of a plain or markdown text and the named passes parse_text runs
// over them, in order: chrome and URLs, title, bylines and dates, trailing furniture, sign-off
// author. Each pass gives roles to units and fills the Draft; a later pass only looks at units
// an earlier one left as body.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/draft.h"
#include "core/extract/plain_text.h"

namespace broadsheet::text_layout {

// How far into the text a headline, byline or date line may sit.
inline constexpr std::size_t kHeaderUnits = 12;
// A unit this long is article text: the header region ends before it.
inline constexpr std::size_t kBodyParagraphWords = 40;

enum class Role {
    Body,     // article text
    Title,    // the headline
    Chrome,   // site furniture, kept in Draft::chrome as outlet evidence
    Dropped,  // read into the Draft (a byline, date line or URL) or thrown away
};

// One paragraph-sized piece of the text: a line, or a block of hard-wrapped lines.
struct Unit {
    std::string text;
    int heading = 0;
    bool link_only = false;
    bool image_only = false;
    bool in_menu = false;  // one of a stack of short lines: a navigation menu or share bar
    Role role = Role::Body;
};

// The units of one text and what the passes have read from them so far.
struct Layout {
    std::vector<Unit> units;
    Draft draft;
    std::optional<std::size_t> labelled_title;  // a "Title: ..." exporter line
    std::optional<std::size_t> title;           // the headline unit
};

// Splits `text` (front matter already removed) into units: markdown lines, or plain lines with
// hard-wrapped blocks joined and menu stacks flagged; then joins paragraphs a scraper split
// mid-sentence.
std::vector<Unit> read_units(std::string_view text, TextFlavour flavour);

// A lone URL line, bare or in angle brackets.
bool is_url(std::string_view line);

// Pass 1: exporter header lines ("Title:", "Source:"), URL lines, images, menus, chrome lines
// and the related-link lists that follow a "Related" heading.
void mark_chrome_and_urls(Layout& layout);

struct TitleHints {
    TextFlavour flavour = TextFlavour::Plain;
    std::string_view known_title;  // a headline given outside the text (JSON, front matter)
};

// The headline by layout alone (text_headline.cpp): in a rendered page the line after the chrome
// and before the byline, date line, standfirst and body, confirmed by its repeats; else the
// first plausible line before the first long paragraph.
std::optional<std::size_t> find_layout_headline(const std::vector<Unit>& units);

// Pass 2: the headline. A known title is matched among the first body units; else a labelled
// title line, a markdown H1, or the first plausible line before the first long paragraph.
void mark_title(Layout& layout, const TitleHints& hints);

// Pass 3: bylines and date lines near the headline, standalone "Published ..." lines anywhere,
// author names over or glued to a job title; text before the headline is dropped.
void read_bylines_and_dates(Layout& layout);

// Pass 4: related headlines, captions and tags after the last sentence become chrome.
void mark_trailing_furniture(Layout& layout);

// Pass 5: an op-ed without a byline signs off with a bio ("Jane Doe is a senior fellow at ...").
void read_signoff_author(Layout& layout);

}  // namespace broadsheet::text_layout
