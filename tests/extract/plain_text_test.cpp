// plain_text_test.cpp — table tests for the text/markdown format step: headline, byline, date
// line, URL line, chrome and body.
#include "core/extract/plain_text.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace broadsheet
