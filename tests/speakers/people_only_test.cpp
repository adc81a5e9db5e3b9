// people_only_test.cpp — table tests of the classes of non-people that real pages turned into
// speakers (places, laws, organisations, products and shows, titles glued to names, short
// forms), each with made-up sentences: only people may come out, by their fullest name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/extract/speakers/quotes.h"

namespace broadsheet {
namespace {

struct PeopleOnlyCase {
    const char* why;
    std::string body;
    std::vector<std::string> speakers;  // sorted, as SpeakerAnalysis::speakers
};

const PeopleOnlyCase kCases[] = {
    {"an organisation's last capitalised words are not a person",
     "Rain returns on Friday, the National Weather Service said.",
     {}},
    {"an article before a capitalised run makes it a thing, also at a sentence start",
     "The Coastal Access Bill says owners must open their paths.",
     {}},
    {"a law's name ends in Bill even without an article",
     "Critics of new Coastal Access Bill said little. Bill Marsh said more.",
     {"Bill Marsh"}},
    {"places after a place preposition, also through 'and'",
     "Prosecutors in Santa Clara and San Mateo say the firm misled its drivers.",
     {}},
    {"product and show names are not people",
     "\u201cPlug it in first,\u201d the Quick Setup Guide says. \u201cWe were wrong,\u201d "
     "Tennis Weekly said.",
     {}},
    {"a job title glued to the name is not part of it",
     "\u201cWe will appeal,\u201d said Spokesperson Ana Ruiz.",
     {"Ana Ruiz"}},
    {"a title after an article still introduces a person",
     "\u201cNo comment,\u201d said the Rev. Amos Hale.",
     {"Amos Hale"}},
    {"a middle initial follows one given name: the verb before is not part of the name",
     "Enter Stuart R. Kaplan, who bought the rights. \u201cI was lucky,\u201d Kaplan said.",
     {"Stuart R. Kaplan"}},
    {"a month abbreviation is a given name unless a number or 'in' makes it a month",
     "Sales fell in Mar 2019. \u201cIt was seen as rote,\u201d said Mar Hicks, a historian.",
     {"Mar Hicks"}},
    {"a first name alone is nobody the archive can name",
     "\u201cI was scared,\u201d said Fiona.",
     {}},
    {"a short form joins the full name given earlier",
     "Tim Ortega runs the mill. \u201cWe hire in spring,\u201d Ortega said.",
     {"Tim Ortega"}},
    {"'instructed' introduces a quote like 'said'",
     "\u201cDon\u2019t get nervous,\u201d instructed Milton Velez, the supervisor.",
     {"Milton Velez"}},
    {"'states' before a quote is a speech verb",
     "In another post, Dana Whitfield states, \u201cWe never agreed to that.\u201d",
     {"Dana Whitfield"}},
    {"a name after the verb that a verb follows opens the reported clause",
     "Ana Ruiz shared a column that claimed Governor Tom Hale relied on lies.",
     {}},
    {"a name after the verb that 'of' follows is the speaker",
     "Fares will rise, said Ruth Calloway of the riders' union.",
     {"Ruth Calloway"}},
    {"an article before capitalised words makes a name ending in a title a title",
     "The International Trade Secretary insists the deal is safe.",
     {}},
    {"a hyphenated title is a title",
     "\u201cWe are ready,\u201d said Vice-President Ana Ruiz.",
     {"Ana Ruiz"}},
    {"a sentence-initial article of another language is not a given name",
     "\u201cEs ist zu sp\u00e4t\u201d, sagte er. Das Problem sagte nichts. Die Gemeinde said no.",
     {}},
    {"a capitalised particle inside a started name is part of it",
     "\u201cThe data are clear,\u201d said Ines Van Den Hoek.",
     {"Ines Van Den Hoek"}},
    {"a German job title is a compound ending in the title: not part of the name",
     "\u201cWe wait,\u201d said VW-Chef Lena Korte. \u201cNo,\u201d said Bundesministerin Ina "
     "Lotz.",
     {"Ina Lotz", "Lena Korte"}},
    {"'As X explains,' reports speech",
     "As Kim Adler at The Thrift Post explains, small savings add up.",
     {"Kim Adler"}},
    {"a capitalised job title before the name is stripped",
     "\u201cThe roads are closed,\u201d said Supervisor Alma Perez.",
     {"Alma Perez"}},
    {"capitalised words after an organisation's head and 'of' are the organisation",
     "Talks ended, the Alliance of Motion Picture and Television Producers said.",
     {}},
    {"a place after 'of' and a capitalised head precedes the name",
     "Acting Attorney for the District of Vermont Joshua Lenz said the case is open.",
     {"Joshua Lenz"}},
    {"Jnr and Snr end a name",
     "\u201cHe was happy,\u201d said Allan Bryant Snr.",
     {"Allan Bryant"}},
    {"a publication's own capitalised article is no title before the person's phrase",
     "As Dana Pryce at The Frugal Ledger explains, small savings add up.",
     {"Dana Pryce"}},
    {"an article before capitalised non-name words makes the name after them a thing",
     "Fans of The Royal Blue Harvest say it sold out in a day.",
     {}},
    {"a possessive between the article and the name keeps the person",
     "\u201cIt is over,\u201d the Ledger\u2019s Ada Quist said.",
     {"Ada Quist"}},
    {"a French speech verb after the quote, its auxiliary before it: the name after speaks",
     "\u00abNous restons prudents\u00bb, a ajout\u00e9 Paul Mercier.",
     {"Paul Mercier"}},
    {"French reported speech: an auxiliary, the verb and 'que'",
     "Claire Dumas, d\u00e9put\u00e9e du Nord, a annonc\u00e9 qu'elle quitterait le parti.",
     {"Claire Dumas"}},
    {"a French speech verb with another sense and no 'que' reports nothing",
     "Le maire Jean Roux a annonc\u00e9 une r\u00e9forme des transports.",
     {}},
    {"French 'M.' before a surname is a title: one person with the full name",
     "\u00c9ric Alan Caldwell dirige le projet. \u00ab Non \u00bb, a dit M. Caldwell.",
     {"\u00c9ric Alan Caldwell"}},
    {"a French portfolio after 'des' precedes the name",
     "La ministre des Sports Laura Flessel a annonc\u00e9 qu'elle partait.",
     {"Laura Flessel"}},
    {"a surname with its particle joins the full name: one person",
     "\u201cWe lack beds,\u201d said Dr. Karim Abu Salem. \u201cWe wait,\u201d Abu Salem said.",
     {"Karim Abu Salem"}},
    {"a short form of the given name with the same surname is the same person",
     "Timothy Vance runs the mill. \u201cWe hire in spring,\u201d Tim Vance said.",
     {"Timothy Vance"}},
    {"a name before a lowercase noun it modifies is not the speaker",
     "According to a new Harbor Point Tracker poll, support fell. The Alder administration said "
     "that talks continue.",
     {}},
    {"a bar is a business, not a person", "Seaview Bar says it will reopen on Friday.", {}},
    {"German and Italian articles inside capitalised nouns do not make a name",
     "Der Umgang der Politik sagte viel. Striscia di Gaza said no.",
     {}},
    {"German, Spanish, Italian and Czech speech verbs after a quotation name the speaker",
     "\u201eWir warten\u201c, sagte Olaf Brandt. \"Ya\", dijo Juan P\u00e9rez. \"Basta\", ha "
     "detto Mario Rossi. \"Jsou skv\u011bl\u00ed,\" p\u00ed\u0161e na Twitter Gary Lineker.",
     {"Gary Lineker", "Juan P\u00e9rez", "Mario Rossi", "Olaf Brandt"}},
    {"without a quotation those verbs report nothing",
     "Olaf Brandt sagte nichts zu den Zahlen.",
     {}},
    {"German job compounds before a name are titles",
     "\u201eNein\u201c, sagte Klimaaktivistin Lena Vogt. \u201eJa\u201c, sagte Weltmeister Jan "
     "Kroll.",
     {"Jan Kroll", "Lena Vogt"}},
    {"a woman under her married and birth names is one person when 'née' links them",
     "\u201cWe ran it,\u201d said Ellen Varga. Now Ellen Holt, n\u00e9e Varga, said that she "
     "left. \u201cYes,\u201d Varga said.",
     {"Ellen Holt"}},
    {"an English article is no French auxiliary: 'had a say' is no speech",
     "Coach Ben Alder spoke. Asked if the owner, Dan Webb, had a say, he said: \u201cNever.\u201d",
     {"Ben Alder"}},
};

TEST(PeopleOnly, Table) {
    for (const auto& c : kCases) {
        const auto result = analyse_speakers(SpeakerInput{"", c.body, "", nullptr});
        EXPECT_EQ(result.speakers, c.speakers) << c.why << "\n  body: " << c.body;
    }
}

}  // namespace
}  // namespace broadsheet
