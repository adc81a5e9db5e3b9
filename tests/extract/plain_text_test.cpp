// plain_text_test.cpp — table tests for the text/markdown format step (headline, byline, date
// line, URL line, chrome and body) and for each of its passes.
#include "core/extract/plain_text.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/extract/text_layout.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

struct TextCase {
    const char* text;
    TextFlavour flavour;
    const char* title;
    const char* author;
    const char* byline_date;  // ISO or ""
    const char* url;
    const char* body_contains;
    const char* body_lacks;
    const char* why;
};

const TextCase kCases[] = {
    {"16:02 GMT +322 September 2019\nListen Live\n    The monument is seen beyond the flag June "
     "30, 2015 in Washington, DC\n\n    US Officials Send Out Conflicting Signals\n\n    Get short "
     "URL\n\n    The policy seems to be in disarray, officials said on Tuesday.\n",
     TextFlavour::Plain, "US Officials Send Out Conflicting Signals", "", "", "",
     "policy seems to be in disarray", "Get short URL",
     "clock, Listen Live and photo caption before the headline (seed 002's shape)"},
    {"Skip to Content\nNews\nMiddle East\nAfrica\nSport\n\nDockworkers walk out over pay as "
     "cargo piles up\n\nPublished On 9 September 2016\n\nHundreds of dockworkers stopped work "
     "on Friday.\n",
     TextFlavour::Plain, "Dockworkers walk out over pay as cargo piles up", "", "2016-09-09", "",
     "Hundreds of dockworkers", "Middle East",
     "a stacked navigation menu is chrome; 'Published On' date line is read"},
    {"\n\n# Latest Effort Remains Flawed (Op-ed)\n\n**A standfirst in bold**\n\nBy [Nikolas K. "
     "Gvosdev](#)\n\nNovember 17, 2017\n\n## A caption heading\n\nThe body starts here, and it "
     "goes on.\n\n**Related article:** [Another story](#)\n\nOriginal url:\n\n"
     "<https://www.example.com/2017/11/17/story>\n",
     TextFlavour::Markdown, "Latest Effort Remains Flawed (Op-ed)", "Nikolas K. Gvosdev",
     "2017-11-17", "https://www.example.com/2017/11/17/story", "The body starts here",
     "Related article", "markdown export (seed 003's shape)"},
    {"LONDON, March 4 (Reuters) - Britain's biggest housebuilder said on Monday it would slow "
     "work.\n\nCarrington Homes said reservations were lower.\n",
     TextFlavour::Plain, "", "", "", "", "Britain's biggest housebuilder", "",
     "wire copy without a headline: the dateline paragraph is not a title"},
    {"WORLD NEWS\n\nKerry and Lavrov agree to meet again in Geneva next month\n\nThe two "
     "ministers spoke for three hours.\n",
     TextFlavour::Plain, "Kerry and Lavrov agree to meet again in Geneva next month", "", "", "",
     "two ministers", "", "a short kicker loses to the longer headline after it"},
    {"Rail fares to rise by 5.9% in March\n\nHenry Castell\nBusiness reporter @hcastell\n\n"
     "Fares will rise in March, the government said.\n",
     TextFlavour::Plain, "Rail fares to rise by 5.9% in March", "Henry Castell", "", "",
     "Fares will rise", "Business reporter", "a bare name over a job title is a byline"},
    {"---\ntitle: Front matter headline\ndate: 2019-03-04\nauthor: Jane Doe\n---\n\nBody "
     "paragraph one.\n",
     TextFlavour::Markdown, "", "", "", "", "Body paragraph one", "Front matter headline",
     "YAML front matter is metadata, not body (read into meta_* fields)"},
    {"Title line for a hard-wrapped story here\n\nThis paragraph was wrapped at seventy columns "
     "by\nthe tool that saved it, so its lines continue in lower case and\nmust be joined back "
     "into a single paragraph for the body.\n",
     TextFlavour::Plain, "Title line for a hard-wrapped story here", "", "", "",
     "saved it, so its lines continue", "", "hard-wrapped prose is joined"},
    {"Headline about the talks in Vienna today\n\nThe final paragraph ends here.\n\nUS, Turkey "
     "Not Likely to Liberate Raqqa\nRussia-US Syria Talks May Expedite Negotiations\n",
     TextFlavour::Plain, "Headline about the talks in Vienna today", "", "", "", "final paragraph",
     "Raqqa", "related headlines after the last sentence are chrome"},
    {"Council approves 400 homes on former mill site\n\n17 November 2017\n\nPlans were "
     "approved on Thursday.\n\nMore on this story\nMill owners fined over asbestos\n1 March "
     "2017\n\nWhy is it so hard to build homes in the north?\n10 October 2017\n",
     TextFlavour::Plain, "Council approves 400 homes on former mill site", "", "2017-11-17", "",
     "Plans were approved", "build homes",
     "a related list holds dated items and question headlines"},
    {"Central bank holds rates steady for third month\n\n\u2022 Rates unchanged\n\u2022 "
     "Inflation eases\n\u2022 Jobs growth slows\n\nThe bank kept its rate at 5 percent.\n",
     TextFlavour::Plain, "Central bank holds rates steady for third month", "", "", "",
     "Inflation eases", "", "short bullet points are article text, not a menu"},
};

TEST(ParseText, Table) {
    for (const auto& c : kCases) {
        const Draft draft = parse_text(c.text, TextOptions{c.flavour, {}});
        EXPECT_EQ(draft.title, c.title) << c.why;
        EXPECT_EQ(draft.author, c.author) << c.why;
        const std::string date = draft.byline_date ? draft.byline_date->iso() : "";
        EXPECT_EQ(date, c.byline_date) << c.why;
        EXPECT_EQ(draft.url, c.url) << c.why;
        std::string body;
        for (const auto& p : draft.paragraphs) body += p + "\n\n";
        EXPECT_NE(body.find(c.body_contains), std::string::npos) << c.why << "\n" << body;
        if (*c.body_lacks) {
            EXPECT_EQ(body.find(c.body_lacks), std::string::npos) << c.why << "\n" << body;
        }
    }
}

TEST(ParseText, FrontMatterFillsMetadata) {
    // Exporters put title/date/author above the text; they are structured metadata.
    const Draft draft = parse_text(
        "---\ntitle: A headline\ndate: 2019-03-04\nauthor: Jane Doe\n"
        "source: Example News\n---\n\nBody.\n",
        TextOptions{TextFlavour::Markdown, {}});
    EXPECT_EQ(draft.meta_title, "A headline");
    ASSERT_TRUE(draft.meta_date);
    EXPECT_EQ(draft.meta_date->iso(), "2019-03-04");
    EXPECT_EQ(draft.meta_author, "Jane Doe");
    EXPECT_EQ(draft.meta_outlet, "Example News");
}

TEST(ParseText, KnownTitleIsNotRepeatedInBody) {
    // JSON gives the title; a body that repeats it as its first line must not keep it.
    const Draft draft = parse_text("Teachers end strike\n\nTeachers returned on Monday.",
                                   TextOptions{TextFlavour::Plain, "Teachers end strike"});
    ASSERT_EQ(draft.paragraphs.size(), 1u);
    EXPECT_EQ(draft.paragraphs[0], "Teachers returned on Monday.");
}

struct HeadlineCase {
    const char* line;
    bool headline;
    bool caption;
    const char* why;
};

const HeadlineCase kHeadlineCases[] = {
    {"John Kerry: Russia's involvement in Syria could be 'opportunity' for U.S.", true, false,
     "ends with an abbreviation's full stop"},
    {"The talks went on for three hours and ended without a deal.", false, false,
     "a sentence ending in a full stop"},
    {"The Washington Monument is seen beyond the flag June 30, 2015 in Washington, DC", true, true,
     "caption: 'is seen' and a full date"},
    {"Firefighters watch a hillside burn near a village in the region, August 2023", true, true,
     "caption dated by month and year"},
    {"Protesters gather outside parliament (AP Photo/Jane Doe)", true, true, "photo credit"},
    {"according to officials", false, false, "lower-case start"},
    {"John Kerry (L) and Sergei Lavrov shake hands before talks in Geneva", true, true,
     "positions in the picture and a photo pose"},
};

TEST(Headline, Table) {
    for (const auto& c : kHeadlineCases) {
        EXPECT_EQ(plausible_headline(c.line), c.headline) << c.line << " — " << c.why;
        EXPECT_EQ(looks_like_caption(c.line), c.caption) << c.line << " — " << c.why;
    }
}

// The passes one at a time: each table runs the unit reader and the passes up to the one it
// tests, and checks the roles that pass gave (one letter per unit: B body, T title, C chrome,
// D dropped) and what it read into the Draft.
using text_layout::Layout;
using text_layout::Role;

enum class Through { ChromeAndUrls, Title, BylinesAndDates, TrailingFurniture, SignoffAuthor };

Layout lay_out(std::string_view text, TextFlavour flavour, Through last,
               std::string_view known_title = {}) {
    Layout layout;
    layout.units = text_layout::read_units(text, flavour);
    text_layout::mark_chrome_and_urls(layout);
    if (last == Through::ChromeAndUrls) return layout;
    text_layout::mark_title(layout, text_layout::TitleHints{flavour, known_title});
    if (last == Through::Title) return layout;
    text_layout::read_bylines_and_dates(layout);
    if (last == Through::BylinesAndDates) return layout;
    text_layout::mark_trailing_furniture(layout);
    if (last == Through::TrailingFurniture) return layout;
    text_layout::read_signoff_author(layout);
    return layout;
}

std::string roles(const Layout& layout) {
    std::string out;
    for (const auto& u : layout.units) {
        switch (u.role) {
            case Role::Body:
                out += 'B';
                break;
            case Role::Title:
                out += 'T';
                break;
            case Role::Chrome:
                out += 'C';
                break;
            case Role::Dropped:
                out += 'D';
                break;
        }
    }
    return out;
}

std::string iso_or_empty(const std::optional<Date>& date) {
    return date ? date->iso() : "";
}

struct ChromeCase {
    const char* why;
    const char* text;
    TextFlavour flavour;
    const char* roles;
    const char* url;
    const char* meta_outlet;
};

const ChromeCase kChromeCases[] = {
    {"a URL label over a URL unit: both dropped, the URL read",
     "A sentence.\n\nOriginal url:\n\n"
     "<https://example.com/a>\n",
     TextFlavour::Plain, "BDD", "https://example.com/a", ""},
    {"a URL label with its URL on the line", "Source: https://example.com/b\n\nA sentence.\n",
     TextFlavour::Plain, "DB", "https://example.com/b", ""},
    {"lone URL lines: the first is the article's, every one is dropped",
     "https://a.example/1\n\nA sentence.\n\nhttps://b.example/2\n", TextFlavour::Plain, "DBD",
     "https://a.example/1", ""},
    {"'Publisher:' names the outlet: metadata, dropped", "Publisher: Example News\n\nA sentence.\n",
     TextFlavour::Plain, "DB", "", "Example News"},
    {"'Source:' also credits data: chrome, not metadata", "Source: Example News\n\nA sentence.\n",
     TextFlavour::Plain, "CB", "", ""},
    {"a stack of short lines is a menu", "News\nSport\nWeather\n\nA sentence.\n",
     TextFlavour::Plain, "CCCB", "", ""},
    {"a related heading turns the short lines after it into chrome until a sentence",
     "A sentence.\n\nMore on this story\n\nMill owners fined over asbestos\n\nWhy is it so hard "
     "to build homes?\n\nThe article resumes here.\n",
     TextFlavour::Plain, "BCCCB", "", ""},
    {"markdown: an image-only line is dropped, a link-only line is chrome",
     "![A photo](a.jpg)\n\n[Another story](#)\n\nA sentence.\n", TextFlavour::Markdown, "DCB", "",
     ""},
};

TEST(TextPasses, ChromeAndUrls) {
    for (const auto& c : kChromeCases) {
        const auto layout = lay_out(c.text, c.flavour, Through::ChromeAndUrls);
        EXPECT_EQ(roles(layout), c.roles) << c.why;
        EXPECT_EQ(layout.draft.url, c.url) << c.why;
        EXPECT_EQ(layout.draft.meta_outlet, c.meta_outlet) << c.why;
    }
}

struct TitleCase {
    const char* why;
    const char* text;
    TextFlavour flavour;
    const char* known_title;
    const char* title;  // "" when none
    const char* roles;
};

const TitleCase kTitleCases[] = {
    {"a known title is found among the first body units, quotes folded",
     "Teachers \u201Cend\u201D strike\n\nTeachers returned on Monday.\n", TextFlavour::Plain,
     "Teachers \"end\" strike", "Teachers \u201Cend\u201D strike", "TB"},
    {"a known title not in the text: no other line is taken",
     "Some other plausible headline here\n\nTeachers returned on Monday.\n", TextFlavour::Plain,
     "Teachers end strike", "", "BB"},
    {"a 'Title:' line is the headline, its label removed",
     "Title: Council approves homes\n\nCouncil leaders met on Friday.\n", TextFlavour::Plain, "",
     "Council approves homes", "TB"},
    {"markdown: the H1 wins over a plausible line before it",
     "A plausible kicker line here\n\n# The real headline of it\n\nBody text.\n",
     TextFlavour::Markdown, "", "The real headline of it", "BTB"},
    {"a short kicker loses to a longer headline after it",
     "WORLD NEWS\n\nKerry and Lavrov agree to meet again\n\nThe ministers spoke.\n",
     TextFlavour::Plain, "", "Kerry and Lavrov agree to meet again", "BTB"},
    {"a short headline is taken when no longer one follows",
     "Teachers strike\n\nThe teachers walked out of schools on Monday.\n", TextFlavour::Plain, "",
     "Teachers strike", "TB"},
    {"bylines, date lines and captions are passed over",
     "By Jane Doe\n\nMarch 4, 2019\n\nProtesters gather outside parliament (AP Photo/Jane "
     "Doe)\n\nParliament votes on the budget\n\nThe vote was close.\n",
     TextFlavour::Plain, "", "Parliament votes on the budget", "BBBTB"},
    {"a wire dateline means the headline is missing: the search stops",
     "LONDON, March 4 (Reuters) - The housebuilder said on Monday it would slow work.\n\n"
     "Carrington Homes said reservations were lower\n",
     TextFlavour::Plain, "", "", "BB"},
    {"a sentence with a full stop is not a headline",
     "The talks went on for three hours and ended without a deal.\n", TextFlavour::Plain, "", "",
     "B"},
    {"a browser's dump: the headline is the line above the standfirst and byline, far below the "
     "first plausible line of chrome",
     "Sign up to comment and more\n\nYour account settings here\n\nStay logged in always\n\n"
     "Log in with your email\n\n"
     "Biz & IT\n\nMinecraft exploit makes it easy to crash servers\n\nA two-year-old bug exposes "
     "servers to attack.\n\nBy Dan Goodin - Apr 16, 2015\n\nA newly released exploit lets anyone "
     "crash servers of the game with a few "
     "packets, and the developer who found the bug two years ago says the company never fixed "
     "it, although he reported it privately and waited for months before he published it.\n",
     TextFlavour::Plain, "", "Minecraft exploit makes it easy to crash servers", "CBBBBTBBB"},
    {"a standfirst between headline and byline does not move the headline",
     "Minecraft exploit makes it easy to crash servers\n\nA bug exposes servers to attack\n\n"
     "By Dan Goodin\n\nBody.\n",
     TextFlavour::Plain, "", "Minecraft exploit makes it easy to crash servers", "TBBB"},
    {"html2text's starred <h1>, wrapped over two lines, is the headline",
     "Home\n\nPlausible menu line of a site\n\n****** Rewriting the rules of video\nengagement "
     "******\n\n***** Recommended reads *****\n\nBody.\n",
     TextFlavour::Plain, "", "Rewriting the rules of video engagement", "CBTBB"},
};

TEST(TextPasses, Title) {
    for (const auto& c : kTitleCases) {
        const auto layout = lay_out(c.text, c.flavour, Through::Title, c.known_title);
        EXPECT_EQ(layout.draft.title, c.title) << c.why;
        EXPECT_EQ(roles(layout), c.roles) << c.why;
    }
}

struct BylineCase {
    const char* why;
    std::string text;
    const char* author;
    const char* byline_text;
    const char* byline_date;
    const char* text_date;
    const char* updated_date;
    const char* roles;
};

// Twelve body units: what follows them is past the header region.
const std::string kTwelveUnits =
    "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nSeven.\n\nEight.\n\nNine.\n\n"
    "Ten.\n\nEleven.\n\nTwelve.\n\n";

const BylineCase kBylineCases[] = {
    {"a byline under the headline gives author, text and date",
     "Council approves 400 homes on mill site\n\nBy Jane Doe | March 4, 2019\n\nThe vote was "
     "close, with two votes in it.\n",
     "Jane Doe", "By Jane Doe | March 4, 2019", "2019-03-04", "", "", "TDB"},
    {"a date line near the headline dates the article",
     "Council approves 400 homes on mill site\n\n17 November 2017\n\nThe vote was close, with two "
     "votes in it.\n",
     "", "", "2017-11-17", "", "", "TDB"},
    {"an 'Updated' line is the weakest date",
     "Council approves 400 homes on mill site\n\nUpdated Nov. 18, "
     "2017\n\nThe vote was close, with two votes in it.\n",
     "", "", "", "", "2017-11-18", "TDB"},
    {"a page clock is chrome",
     "Council approves 400 homes on mill site\n\n16:02 GMT +3 22 September 2019\n\n"
     "The vote was close, with two votes in it.\n",
     "", "", "", "", "", "TCB"},
    {"past the header region a date line is a text date",
     "Council approves 400 homes on mill site\n\n" + kTwelveUnits +
         "Published 4 March 2019\n\nThirteen.\n\n"
         "Fourteen.\n\nFifteen.\n\nSixteen.\n",
     "", "", "", "2019-03-04", "", "TBBBBBBBBBBBBDBBBB"},
    {"past the header region a byline counts only among the last units",
     "Council approves 400 homes on mill site\n\n" + kTwelveUnits +
         "By Jane Doe\n\nThirteen.\n\nFourteen.\n\n"
         "Fifteen.\n\nBy John Roe\n\nSixteen.\n",
     "John Roe", "By John Roe", "", "", "", "TBBBBBBBBBBBBBBBBDB"},
    {"a name with its job title glued on",
     "Council approves 400 homes on mill site\n\nNatalie Greaves-Okoye "
     "Environment correspondent\n\nThe vote was close, with two votes in it.\n",
     "Natalie Greaves-Okoye", "Natalie Greaves-Okoye Environment correspondent", "", "", "", "TDB"},
    {"a bare name over a job title: both dropped",
     "Council approves 400 homes on mill site\n\nHenry Castell\n"
     "Business reporter @hcastell\n\nThe vote was close, with two votes in it.\n",
     "Henry Castell", "Henry Castell Business reporter @hcastell", "", "", "", "TDDB"},
    {"text before the headline is dropped, a byline there still read",
     "Kicker text above the headline\n\nBy Jane Doe\n\nTitle: Council approves homes\n\nThe "
     "vote was close.\n",
     "Jane Doe", "By Jane Doe", "", "", "", "DDTB"},
};

TEST(TextPasses, BylinesAndDates) {
    for (const auto& c : kBylineCases) {
        const auto layout = lay_out(c.text, TextFlavour::Plain, Through::BylinesAndDates);
        EXPECT_EQ(layout.draft.author, c.author) << c.why;
        EXPECT_EQ(layout.draft.byline_text, c.byline_text) << c.why;
        EXPECT_EQ(iso_or_empty(layout.draft.byline_date), c.byline_date) << c.why;
        EXPECT_EQ(iso_or_empty(layout.draft.text_date), c.text_date) << c.why;
        EXPECT_EQ(iso_or_empty(layout.draft.updated_date), c.updated_date) << c.why;
        EXPECT_EQ(roles(layout), c.roles) << c.why;
    }
}

struct FurnitureCase {
    const char* why;
    const char* text;
    TextFlavour flavour;
    const char* roles;
};

const FurnitureCase kFurnitureCases[] = {
    {"short unpunctuated lines after the last sentence are chrome",
     "Council approves 400 homes on mill site\n\nThe vote was close, with two votes in it.\n\nRail "
     "fares to rise\n\nTags: housing\n",
     TextFlavour::Plain, "TBCC"},
    {"the last unit ends like a sentence: nothing is furniture",
     "Council approves 400 homes on mill site\n\nThe vote was close, with two votes in it.\n\nIt "
     "passed by two votes.\n",
     TextFlavour::Plain, "TBB"},
    {"a heading stops the search: sections end with it",
     "# Council approves homes\n\nThe vote was close, with two votes in it.\n\n## What happens "
     "next\n\nShort line "
     "here\n",
     TextFlavour::Markdown, "TBBC"},
    {"a long unpunctuated paragraph is article text",
     "Council approves 400 homes on mill site\n\nThe vote was close, with two votes in it.\n\nThe "
     "council voted on the plan for four "
     "hundred homes on the mill site after a debate that lasted most of the evening and ended "
     "with a show of hands in the chamber\n",
     TextFlavour::Plain, "TBB"},
    {"the headline stops the search: a title-only text keeps its title",
     "Council approves 400 homes on mill site\n", TextFlavour::Plain, "T"},
};

TEST(TextPasses, TrailingFurniture) {
    for (const auto& c : kFurnitureCases) {
        const auto layout = lay_out(c.text, c.flavour, Through::TrailingFurniture);
        EXPECT_EQ(roles(layout), c.roles) << c.why;
    }
}

struct SignoffCase {
    const char* why;
    const char* text;
    const char* author;
};

const SignoffCase kSignoffCases[] = {
    {"a bio in the last paragraph names the author",
     "Latest effort remains flawed\n\nThe plan has problems.\n\nNikolas K. Gvosdev is a Senior "
     "Fellow at the Carnegie Council.\n",
     "Nikolas K. Gvosdev"},
    {"a bio more than three body units from the end is not a sign-off",
     "Latest effort remains flawed\n\nNikolas K. Gvosdev is a Senior Fellow at the Carnegie "
     "Council.\n\nOne.\n\nTwo.\n\nThree.\n",
     ""},
    {"a byline wins over the bio",
     "Latest effort remains flawed\n\nBy Jane Doe\n\nThe plan has "
     "problems.\n\nNikolas K. Gvosdev is a Senior Fellow at the Carnegie Council.\n",
     "Jane Doe"},
};

TEST(TextPasses, SignoffAuthor) {
    for (const auto& c : kSignoffCases) {
        const auto layout = lay_out(c.text, TextFlavour::Plain, Through::SignoffAuthor);
        EXPECT_EQ(layout.draft.author, c.author) << c.why;
    }
}

struct UnspacedCase {
    const char* text;
    std::size_t words;
    bool sentence;
    const char* why;
};

const UnspacedCase kUnspacedCases[] = {
    {"Talks resumed on Friday.", 4, true, "spaced words, a full stop"},
    {"\u4F1A\u8C08\u5468\u4E94\u6062\u590D\u3002", 6, true,
     "Chinese: each ideograph a word; the ideographic full stop ends the sentence"},
    {"\u30C8\u30EC\u30F3\u30C9\u30DE\u30A4\u30AF\u30ED\u306F\u767A\u8868\u3057\u305F\uFF01", 13,
     true, "Japanese kana and kanji; a full-width exclamation mark"},
    {"Wi-Fi\u5229\u7528\u6642", 4, false, "a Latin word glued to ideographs counts once"},
    {"\uC548\uB155\uD558\uC138\uC694 \uC138\uACC4", 2, false, "Hangul is written with spaces"},
};

// Chinese and Japanese paragraphs must read as prose, not as a one-word line of chrome.
TEST(PlainText, CountsUnspacedScriptsAndTheirSentenceEnds) {
    for (const auto& c : kUnspacedCases) {
        EXPECT_EQ(text::count_words(c.text), c.words) << c.why;
        EXPECT_EQ(ends_like_sentence(c.text), c.sentence) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
