// boilerplate.h — recognising site chrome: lines a scraper picked up that are not the article.
#pragma once

#include <string_view>

namespace broadsheet {

enum class ChromeKind {
    None,        // article text
    Navigation,  // "Listen Live", "Menu", "Skip to content", "Advertisement"
    Clock,       // a page clock such as "16:02 GMT +3 22 September 2019"
    Share,       // "Get short URL", "Share on Facebook", "Comment via Sputnik", "Print"
    Promo,       // "Before it's here, it's on the Bloomberg Terminal", newsletter sign-ups
    Cookie,      // cookie and privacy notices
    Related,     // "Related article: ...", "Read more: ...", "Most read" headings
    TagList,     // "negotiations, Mark Toner, Syria, United States, Russia"
    Disclaimer,  // "The views expressed ... do not necessarily reflect the position of X"
    Copyright,   // "© 2016 Example News. All rights reserved."
    Separator,   // "* * *", "----", a lone bullet
    Caption,     // "Photo: Getty Images", "(AP Photo/Jane Doe)": picture credits
    Breadcrumb,  // "Home > World > Europe"
};

// Classifies one trimmed line of text (markdown markup already stripped). Lines that merely
// mention a site word inside a sentence are article text: only whole-line shapes count.
ChromeKind classify_chrome(std::string_view line);

inline bool is_chrome(std::string_view line) {
    return classify_chrome(line) != ChromeKind::None;
}

// Headings that introduce a list of related headlines ("Related", "Most read", "More on this").
bool is_related_heading(std::string_view line);

}  // namespace broadsheet
