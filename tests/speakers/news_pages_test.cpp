// news_pages_test.cpp — table tests of the attribution classes the labelled htmldate/ news pages
// showed (surnames that are also titles, long titles and appositives before a name, a speaker
// named in a clause that is not the sentence's subject), each with made-up sentences.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/extract/speakers/quotes.h"

namespace broadsheet {
namespace {

struct NewsPageCase {
    const char* why;
    std::string body;
    std::vector<std::string> speakers;  // sorted, as SpeakerAnalysis::speakers
};

const NewsPageCase kCases[] = {
    {"a surname that is also a title word is the person the article named in full",
     "Co-host Gayle King met the voters. \u201cYes,\u201d said Ada Moss.\n\n"
     "\u201cReally?\u201d King asked.",
     {"Ada Moss", "Gayle King"}},
    {"... also after the verb and before a relative clause",
     "Aides were told late. Among them was Wayne Marshal, the deputy.\n\n\u201cI heard it on "
     "Tuesday,\u201d said Marshal, who resigned.",
     {"Wayne Marshal"}},
    {"a title word alone names nobody when the article has no such surname",
     "\u201cWe are ready,\u201d Prince said. \u201cNo,\u201d the King said.",
     {}},
    {"a lowercase word inside a title ('chief operating officer') does not end the subject",
     "Acme chief operating officer Mark Stone thanked the teams \u201cwho worked hard.\u201d "
     "\u201cWe welcome them back,\u201d he said in a statement.",
     {"Mark Stone"}},
    {"capitalised adjectives before a title at a sentence start belong to the title",
     "Presumptive Democratic White House nominee Joe Barden joined calls for the data.\n\nHe said "
     "it showed "
     "\u201cstructural racism\u201d.",
     {"Joe Barden"}},
    {"a long appositive with a relative clause between the name and the verb",
     "Duncan Marsh-Ireland, the executive director and chief negotiator who led the team that "
     "struck the deal for the guild, told the AP in August that he was \u201chonored to be part "
     "of it.\u201d",
     {"Duncan Marsh-Ireland"}},
    {"a list of places before 'said X' is what was said, not who said it",
     "Turkey, Poland and Saba have been removed from the list, said Justice Secretary Rona "
     "Bell.",
     {"Rona Bell"}},
    {"a noun glued before a name the article also gives alone is not part of it",
     "\u201eWir warten\u201c, sagte Fussballfan Benjamin Ahrens. Benjamin Ahrens kam sp\u00e4t.",
     {"Benjamin Ahrens"}},
    {"German abstract nouns and inflected adjectives are never names",
     "\u201eNein\u201c, sagte Z\u00f6gerliches Kopfnicken. \u201eJa\u201c, sagte die "
     "Gewerkschaft Nord.",
     {}},
    {"a capitalised closed-class word with an umlaut is found like the others",
     "\u00dcber Gebote sagte er: \u201eNein.\u201c",
     {}},
    {"a Romance article opening a capitalised run makes a thing, not a given name",
     "\u201cBasta\u201d, ha detto La Turchia. \u201cNo\u201d, ha detto Lo Yad Vashem.",
     {}},
    {"... but a surname with its article still joins the full name",
     "Marine Le Pen arrived late. \u201cNever,\u201d Le Pen said.",
     {"Marine Le Pen"}},
    {"a pronoun after a sentence whose subject is a thing: the one person it names, by gender",
     "The timeline was published after Ms Rona Bell raised a point of order. She said the "
     "inquiry had asked for more.",
     {"Rona Bell"}},
    {"... not when the gender does not fit or two people are named",
     "The list came after Mr Tom Hale met Ms Ada Moss. She said it was late. The memo "
     "reached Mr Ben Cole. She said it was wrong.",
     {}},
    {"Italian titles are not part of a name",
     "\u201cBasta\u201d, ha detto il ministro Antonio Ferri. \u201cNo\u201d, ha detto "
     "Ambasciatore Dror Levi.",
     {"Antonio Ferri", "Dror Levi"}},
    {"after a German article the first capitalised word is a noun, not a given name",
     "Der Norweger Lars Vik gewann. \u201eDas war schwer\u201c, sagte Vik.",
     {"Lars Vik"}},
    {"a compound longer than a given name glued before a name is a noun",
     "Eawag-Umweltchemiker Tom Hof erg\u00e4nzt: \u201eEs stellte sich heraus.\u201c",
     {"Tom Hof"}},
    {"German 'schildert', 'so' after a quotation attribute it",
     "\u201eWir haben es berechnet\u201c, schildert Mia Apel. \u00abEine Pause\u00bb, so "
     "Ben Nagel.",
     {"Ben Nagel", "Mia Apel"}},
    {"'so' in English is no speech verb",
     "\u201cWe lost,\u201d so the team went home with Tom Hale.",
     {}},
    {"plain words before a name that no title follows still end the subject phrase",
     "Residents fear the plan. Critics of the mayor Tom Hale said \u201cno\u201d.",
     {"Tom Hale"}},
};

TEST(NewsPages, Table) {
    for (const auto& c : kCases) {
        const auto result = analyse_speakers(SpeakerInput{"", c.body, "", nullptr});
        EXPECT_EQ(result.speakers, c.speakers) << c.why << "\n  body: " << c.body;
    }
}

}  // namespace
}  // namespace broadsheet
