// boilerplate_test.cpp — table tests for recognising site chrome lines.
#include "core/extract/boilerplate.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct ChromeCase {
    const char* line;
    ChromeKind kind;
    const char* why;
};

const ChromeCase kCases[] = {
    {"Listen Live", ChromeKind::Navigation, "radio-station header seen in seed 002"},
    {"Skip to main content", ChromeKind::Navigation, "accessibility link"},
    {"Advertisement", ChromeKind::Navigation, "ad slot marker"},
    {"Get short URL", ChromeKind::Share, "share widget text"},
    {"Comment via FacebookComment via Sputnik", ChromeKind::Share, "glued comment prompts"},
    {"Community standardsDiscussion", ChromeKind::Share, "glued comment-section tabs"},
    {"Facebook Twitter Email", ChromeKind::Share, "a row of share targets"},
    {"Before it's here, it's on the Bloomberg Terminal. LEARN MORE", ChromeKind::Promo,
     "terminal promo footer"},
    {"Before it reaches the headlines, it reaches the Bloomberg Terminal. REQUEST A DEMO",
     ChromeKind::Promo, "reworded promo: caught by its shouted button"},
    {"Vous \u00EAtes abonn\u00E9 \u00E0 La Gazette", ChromeKind::Promo,
     "a French subscriber's box, printed around every story of French news sites"},
    {"We use cookies to improve your experience. By continuing you accept our use of cookies.",
     ChromeKind::Cookie, "cookie banner"},
    {"Related article: Russia Extends Syrian Airbase Lease by 49 Years", ChromeKind::Related,
     "inline related link"},
    {"Most read", ChromeKind::Related, "heading of a related-headline list"},
    {"contradictory statements, negotiations, Mark Toner, Bashar al-Assad, Syria, Russia",
     ChromeKind::TagList, "comma-separated tags"},
    {"The views expressed do not necessarily reflect the position of The Moscow Times.",
     ChromeKind::Disclaimer, "op-ed disclaimer"},
    {"© 2016 Example News. All rights reserved.", ChromeKind::Copyright, "copyright footer"},
    {"Ridge Review® © 2024", ChromeKind::Copyright, "the mark after a short name, then a year"},
    {"example.com © 1996-2015 The Example Post", ChromeKind::Copyright,
     "the mark after a domain, then years and the holder"},
    {"16:02 GMT +322 September 2019", ChromeKind::Clock, "page clock glued to its date"},
    {"* * *", ChromeKind::Separator, "section break"},
    {"Home > World > Europe", ChromeKind::Breadcrumb, "breadcrumb trail"},
    {"Photo: Getty Images", ChromeKind::Caption, "picture credit"},
    {"Protesters gather in the square. REUTERS/Jane Doe via Reuters", ChromeKind::Caption,
     "agency photo credit at the end"},
    {"Story continues below advertisement", ChromeKind::Navigation, "ad marker sentence"},
    {"Kerry visited Paris, London, Berlin, Rome and Madrid, and said the talks were useful.",
     ChromeKind::None, "a sentence with commas is not a tag list"},
    {"Share prices fell 3 percent on Friday after the announcement.", ChromeKind::None,
     "'Share' opening a sentence is article text"},
    {"He said he would comment via a spokesman later.", ChromeKind::None,
     "lowercase 'comment via' inside prose is article text"},
};

TEST(Boilerplate, Table) {
    for (const auto& c : kCases) {
        EXPECT_EQ(classify_chrome(c.line), c.kind) << c.line << " — " << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
