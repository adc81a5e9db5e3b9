// news_pages_test.cpp — table tests of the attribution classes the labelled htmldate/ news pages
// showed (surnames that are also titles, long titles and appositives before a name, a speaker
// named in a clause that is not the sentence's subject, interview transcripts, ledes set in
// capitals), each with made-up sentences.
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
    {"'told to' with no listener is an order received, not speech given",
     "Adam Leigh, 58, was diagnosed with cirrhosis and told to prepare for the worst.",
     {}},
    {"... while 'told' with a listener still reports speech",
     "Adam Leigh told reporters that he would appeal.",
     {"Adam Leigh"}},
    {"an adjective between the article and the name does not hide the speaker",
     "Ona Jabari beat Mara Vond in two sets. Afterwards, an emotional Jabari announced she was "
     "giving away her prize money, saying: \u201cIt is heartbreaking.\u201d",
     {"Ona Jabari"}},
    {"... but a name that modifies a noun is no speaker",
     "Ona Jabari won. A former Jabari coach said: \u201cShe works hard.\u201d",
     {}},
    {"'who' after an appositive with an article stands for the name before it",
     "Present was Ryan Grove, a former Navy pilot who asserted in July that sightings were "
     "underreported.",
     {"Ryan Grove"}},
    {"'shares' after a quotation attributes it",
     "Dina Austen lost her hair.\n\n\u201cIt was ironic,\u201d Austen shares with the "
     "magazine.",
     {"Dina Austen"}},
    {"... but 'shared' reports no speech without a quotation",
     "Ana Ruiz shared a column that said Tom Hale lied.",
     {}},
    {"... but shares that fall report nothing",
     "Tom Hale runs the firm. Shares fell 5% after the results.",
     {}},
    {"interview transcripts: 'Name:' opening a paragraph of answer speaks",
     "The magazine asked Thomas Malo five questions.\n\nThe Magazine: What do you mean by "
     "that new term of yours?\n\nThomas Malo: A supermind is a group of minds that work "
     "together.\n\nMr Malo: Groups do not always make better decisions than people alone.",
     {"Thomas Malo"}},
    {"... a label in capitals names the person the article names in ordinary case",
     "The artist Alexa Douz opens a show this week.\n\nALEXA DOUZ: I try to position plants as "
     "storytellers of the past and the present.",
     {"Alexa Douz"}},
    {"... but a subheading found elsewhere in the text is no speaker when nobody titles it",
     "We used the Z-Score Threshold for this.\n\nZ-Score Threshold: the number of standard "
     "deviations a value must lie from the mean before it counts.",
     {}},
    {"... and names nobody else ('BREAKING NEWS:', a short subheading)",
     "BREAKING NEWS: The river burst its banks overnight and roads are closed.\n\nJohn Kerr: "
     "A Life",
     {}},
    {"a lede set in capitals keeps its given name",
     "KELLY Osborn has blasted the prince for portraying himself as a victim.\n\nOsborn later "
     "said: \u201cI get wanting to leave.\u201d",
     {"Kelly Osborn"}},
    {"... and a short given name in -ly opening a sentence is no adverb",
     "Emily Stone told the court that she had paid.",
     {"Emily Stone"}},
    {"... an acronym before a title or a lowercase word is no given name",
     "NASA Administrator Bill Nelson said: \u201cWe will fly.\u201d\n\nFIFA officials said "
     "\u201cno\u201d.",
     {"Bill Nelson"}},
    {"a teaser line beside the article (no final punctuation) reports nobody's speech",
     "Dina Austen told the inquiry that the halls were full.\n\nMore stories\n\nChris "
     "Whitt says shielding will not be enforced\n\nPiers Morg tells viewers to watch "
     "\"Snoozeville\" on the other side",
     {"Dina Austen"}},
};

TEST(NewsPages, Table) {
    for (const auto& c : kCases) {
        const auto result = analyse_speakers(SpeakerInput{"", c.body, "", nullptr});
        EXPECT_EQ(result.speakers, c.speakers) << c.why << "\n  body: " << c.body;
    }
}

}  // namespace
}  // namespace broadsheet
