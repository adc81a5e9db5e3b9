// attribution_test.cpp — table tests of cue detection and of pronoun/role resolution, through
// analyse_speakers (the quote → cue → subject → person path end to end on small texts).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/extract/registry.h"
#include "core/extract/speakers/quotes.h"

namespace broadsheet {
namespace {

struct Expected {
    std::string speaker;  // "" = unattributed
    std::string cue;      // "" = no cue recorded
};

struct AttributionCase {
    const char* why;
    std::string body;
    std::vector<Expected> quotes;  // one per quotation, in body order
};

void check(const AttributionCase& c, const std::string& title = {}) {
    Registry registry;
    registry.add_speaker_alias("Vladimir Putin", {"Putin"});
    const auto result = analyse_speakers(SpeakerInput{title, c.body, "", &registry});
    ASSERT_EQ(result.quotes.size(), c.quotes.size()) << c.why;
    for (std::size_t i = 0; i < c.quotes.size(); ++i) {
        EXPECT_EQ(result.quotes[i].speaker, c.quotes[i].speaker) << c.why << " (quote " << i << ")";
        EXPECT_EQ(result.quotes[i].cue, c.quotes[i].cue) << c.why << " (quote " << i << ")";
    }
}

TEST(Cues, Table) {
    const std::vector<AttributionCase> cases = {
        {"name then verb right after the quote",
         "“We are ready,” John Kerry said.",
         {{"John Kerry", "said"}}},
        {"verb then name after the quote, with an honorific",
         "Vladimir Putin spoke. “It is a mistake”, said Mr Putin.",
         {{"Vladimir Putin", "said"}}},
        {"colon cue before the quote",
         "Asked about it, Foreign Minister Sergei Lavrov responded: “I don’t want to spoil it.”",
         {{"Sergei Lavrov", "responded"}}},
        {"colon after a verb that is not a cue: the clause's subject speaks",
         "Asked whether they argued, coach Simon Miller laughed: “Every Sunday.”",
         {{"Simon Miller", "colon"}}},
        {"cue earlier in the sentence for a partial quote",
         "Mark Toner said the talks failed to find “common ground” again.",
         {{"Mark Toner", "said"}}},
        {"participle cue takes the sentence's subject",
         "Russian Foreign Minister Sergei Lavrov was upbeat, calling the talks “substantive.”",
         {{"Sergei Lavrov", "calling"}}},
        {"participle cue after an introductory phrase",
         "Opening the meeting, Vladimir Putin was warm with John Kerry, joking that he should "
         "“relax.”",
         {{"Vladimir Putin", "joking"}}},
        {"told reporters after the quote",
         "Donald Trump spoke. “It saves lives,” Trump told reporters.",
         {{"Donald Trump", "told"}}},
        {"according to after the quote",
         "“It is not a metaphor,” according to Dr Miriam Castellanos, the lead author.",
         {{"Miriam Castellanos", "according to"}}},
        {"relative clause between name and verb",
         "“Too soon,” Matthew Lee, who covers diplomacy, said.",
         {{"Matthew Lee", "said"}}},
        {"appositive role between name and verb",
         "“A shift,” Cliff Kupchan, chairman of the Eurasia Group, said.",
         {{"Cliff Kupchan", "said"}}},
        {"verb then a descriptive phrase then the name",
         "“Everyone was singing,” said rescue coordinator Mwansa Chileshe.",
         {{"Mwansa Chileshe", "said"}}},
        {"an organisation after 'at' does not speak for the analyst",
         "“Weaker than expected,” analysts at Peel Hunt said.",
         {{"", "said"}}},
        {"an unnamed source keeps the quote unattributed",
         "“We will not stop,” a defense official said.",
         {{"", "said"}}},
        {"no cue at all", "“So is it going to work?”", {{"", ""}}},
        {"a mid-sentence scare quote is not the next clause's speaker's",
         "Toner spoke of the US ‘working with Russia’ against terrorists, Mark Toner said.",
         {{"", ""}}},
        {"a second quote in the paragraph continues the speaker",
         "“I think there is a shift,” Cliff Kupchan said. “The administration sees it.”",
         {{"Cliff Kupchan", "said"}, {"Cliff Kupchan", "continuation"}}},
        {"an earlier quote in the sentence takes the later quote's speaker",
         "“A terrorist center” remains and “no one can deal with it,” spokeswoman Maria Zakharova "
         "said.",
         {{"Maria Zakharova", "continuation"}, {"Maria Zakharova", "said"}}},
        {"a quote opening the paragraph after reported speech continues that speaker",
         "Sir Anthony Greaves said victims were giving up.\n\n“I met a woman last year.”",
         {{"Anthony Greaves", "continuation"}}},
        {"a quote continued over paragraphs is attributed once",
         "“First part.\n\n“Second part,” Maria Zakharova said.",
         {{"Maria Zakharova", "said"}}},
        {"a coordinated verb after the quote shares the sentence's subject",
         "Foreign Minister Sergei Lavrov said the talks had been “frank,” but warned of limits.",
         {{"Sergei Lavrov", "warned"}}},
        {"passive 'is said to' is no cue",
         "The plan “works” and is said to be popular.",
         {{"", ""}}},
    };
    for (const auto& c : cases) check(c);
}

TEST(Resolution, Table) {
    const std::vector<AttributionCase> cases = {
        {"he resolves to the subject of the previous sentence",
         "John Kerry said he did not know. “I would express hope,” he said then.",
         {{"John Kerry", "said"}}},
        {"he resolves to the subject, not to someone merely mentioned",
         "Ben Rhodes met Vladimir Putin on Monday. “We are open,” he said.",
         {{"Ben Rhodes", "said"}}},
        {"an unnamed subject in between blocks the pronoun",
         "Vladimir Putin spoke. A defense official said it was over. “No,” he said.",
         {{"", "said"}}},
        {"a pronoun two paragraphs away from any subject stays unresolved",
         "“Ready,” Putin told reporters.\n\nThe opposition was rattled.\n\n“He is doing well,” he "
         "said.",
         {{"Vladimir Putin", "told"}, {"", "said"}}},
        {"she skips a man marked by his title",
         "Spokeswoman Maria Zakharova spoke. Mr John Smith nodded. “It is wrong,” she said.",
         {{"Maria Zakharova", "said"}}},
        {"the minister resolves to the person titled minister",
         "Foreign Minister Sergei Lavrov arrived.\n\nThe minister urged a “pragmatic” approach.",
         {{"Sergei Lavrov", "urged"}}},
        {"the spokesman resolves by title, not to the latest person",
         "State Department spokesman Mark Toner spoke after Ben Rhodes. The spokesman said that "
         "“talks” would resume.",
         {{"Mark Toner", "said"}}},
        {"the official resolves to the most recent official",
         "Deputy National Security Advisor Ben Rhodes spoke. Later State Department spokesman Mark "
         "Toner spoke, with the official indicating that “we will not settle.”",
         {{"Mark Toner", "indicating"}}},
        {"a possessive role is not its possessor",
         "Vladimir Putin met them. Putin’s spokesman called it “clear.”",
         {{"", "called"}}},
        {"a possessive role resolves when the article names the role's holder",
         "Kremlin spokesman Dmitry Peskov spoke. Putin’s spokesman said Moscow “unfairly” lost.",
         {{"Dmitry Peskov", "said"}}},
        {"an age reference refers to the paragraph's subject, even a titled one",
         "Her granddaughter, Ffion Pugh, ran beside her. “She was faster,” the 26-year-old said.",
         {{"Ffion Pugh", "said"}}},
        {"a quote opening a sentence without a cue: the previous sentence's subject",
         "Coach Simon Miller was blunt. “We failed.”",
         {{"Simon Miller", "previous sentence"}}},
        {"a sentence about someone else between two quotes hands over the second quote",
         "“Is this the end?” asked nurse Maria Lopez. Her colleague Tom Reyes shrugged. “Who "
         "knows.”",
         {{"Maria Lopez", "asked"}, {"Tom Reyes", "previous sentence"}}},
        {"after a quote that ends its sentence, a colon cue before it wins",
         "Sarah Chen said: “Inflation is falling.” Wang added that risks remained.",
         {{"Sarah Chen", "said"}}},
        {"curly and straight apostrophes in a surname are one person",
         "Mr O'Brien told RTÉ that he would resign. “It is time,” O’Brien said.",
         {{"O'Brien", "said"}}},
        {"a relation after a possessive introduces the name; the role then finds them",
         "Guardiola’s rival, Mikel Arteta, disagreed. “They are tired,” the Arsenal manager said.",
         {{"Mikel Arteta", "said"}}},
        {"a following sentence pointing back names the speaker",
         "“We are not going anywhere.” That was the message from union organiser Dave Kinsella "
         "as drivers voted.",
         {{"Dave Kinsella", "from"}}},
        {"the subject after several introductory segments is the pronoun's antecedent",
         "Park superintendent Cameron Whitlock spoke.\n\nIn Gardiner, Montana, a town at the "
         "edge, Linda Halvorsen watched a house float away. “It just went,” she said.",
         {{"Linda Halvorsen", "said"}}},
        {"an appositive name in an introductory phrase is not the subject",
         "Coach Aled Pritchard spoke. Asked whether the team's owner, David Ashworth, had a say, "
         "he said: “Mr Ashworth never picked a team.”",
         {{"Aled Pritchard", "said"}}},
        {"a scare quote opening a sentence is nobody's words",
         "Coach Simon Miller was blunt. “Fake news” was his verdict on the reports.",
         {{"", ""}}},
        {"no person subject in the previous sentence: unattributed",
         "The plan was announced on Monday. “It is a disaster.”",
         {{"", ""}}},
        {"an untitled role refers to the paragraph's subject",
         "Neal Marchetti said he was fouled. “I didn't dive,” the striker told Sky Sports.",
         {{"Neal Marchetti", "told"}}},
    };
    for (const auto& c : cases) check(c);
}

struct SpeakersCase {
    const char* why;
    std::string title;
    std::string body;
    std::string author;
    std::vector<std::string> speakers;
};

TEST(Speakers, ListTable) {
    const std::vector<SpeakersCase> cases = {
        {"reported speech with 'said that'",
         "",
         "The UN envoy, Staffan de Mistura, said Thursday that Russia has agreed.",
         "",
         {"Staffan de Mistura"}},
        {"reported speech with 'according to'",
         "",
         "Demands may ease, according to analysts including Cliff Kupchan, chairman of a group.",
         "",
         {"Cliff Kupchan"}},
        {"noted that",
         "",
         "Barack Obama arrived. Obama also noted that it would take time.",
         "",
         {"Barack Obama"}},
        {"unnamed sources and organisations are not speakers",
         "",
         "American officials have said it. The Kremlin reported that talks went on. Russia says "
         "no. The U.S. has said it is not sincere.",
         "",
         {}},
        {"people named only inside a quote are not speakers",
         "",
         "“Kerry and Lavrov can do this,” Vladimir Putin added.",
         "",
         {"Vladimir Putin"}},
        {"the op-ed author is never a speaker",
         "",
         "I do not share their optimism, Nikolas Gvosdev said in the piece.",
         "Nikolas K. Gvosdev",
         {}},
        {"headline 'Name:' attributes its quoted word",
         "John Kerry: Russia could be ‘opportunity’",
         "The talks went on.",
         "",
         {"John Kerry"}},
        {"headline 'Name Says'",
         "No Regime Change, John Kerry Says After Meeting",
         "Kerry met Putin.",
         "",
         {"John Kerry"}},
        {"the alias table maps spellings to one name",
         "",
         "Foreign Minister Sergey Lavrov said that talks would go on.",
         "",
         {"Sergei Lavrov"}},
        {"a known bare surname is completed by the alias table",
         "",
         "“It is a mistake”, said Mr Putin.",
         "",
         {"Vladimir Putin"}},
        {"two people with one surname are both speakers",
         "",
         "Manager Simon Miller said they would win. Chairman Graham Miller said they would not.",
         "",
         {"Graham Miller", "Simon Miller"}},
        {"a titled name after 'X of Y' is its own subject",
         "",
         "Bank of Japan Governor Hiroshi Tanabe told parliament that policy stays loose.",
         "",
         {"Hiroshi Tanabe"}},
        {"quoted as saying: the sentence's subject, past a title's of-phrase",
         "",
         "The company's head of operations, Kari Lunde, was quoted by a newspaper as saying the "
         "fault was found.",
         "",
         {"Kari Lunde"}},
        {"quoted X as saying: X speaks",
         "",
         "State media quoted President Xi Jinping as saying that China would open further.",
         "",
         {"Xi Jinping"}},
        {"a 'Name:' headline without a quotation, naming nobody in the body, is a section name",
         "Saving Space: Shrinking the App by Half",
         "The update is smaller than the last one.",
         "",
         {}},
        {"a headline's bare surname known to the alias table",
         "Putin says talks went well",
         "The talks ended.",
         "",
         {"Vladimir Putin"}},
        {"verbs with other senses report speech only with a clause",
         "",
         "Striker Ola Berg added a second goal. Coach Anna Lind claimed the title. Captain Eva "
         "Moe added that the team was tired.",
         "",
         {"Eva Moe"}},
        {"a named member of a plural subject speaks",
         "",
         "Many analysts, including Sarah Chen of Capital Economics, said rates would fall.",
         "",
         {"Sarah Chen"}},
        {"two subjects joined by and both speak",
         "",
         "Coach Anna Berg and captain Lisa Holm said that the team was ready.",
         "",
         {"Anna Berg", "Lisa Holm"}},
        {"an outlet from the registry is not a person",
         "",
         "Al Jazeera said that the port was closed.",
         "",
         {}},
        {"non-ASCII names stay intact",
         "",
         "“We will not accept it,” President Recep Tayyip Erdoğan said.",
         "",
         {"Recep Tayyip Erdoğan"}},
    };
    Registry registry;
    registry.add_speaker_alias("Vladimir Putin", {"Putin"});
    registry.add_speaker_alias("Sergei Lavrov", {"Sergey Lavrov"});
    registry.add_outlet("Al Jazeera", {"aljazeera.com"});
    for (const auto& c : cases) {
        const auto result = analyse_speakers(SpeakerInput{c.title, c.body, c.author, &registry});
        EXPECT_EQ(result.speakers, c.speakers) << c.why;
    }
}

TEST(Speakers, HeadlineQuoteOffsetsIndexTheTitle) {
    // The headline's quote is reported separately; its offsets index the title, not the body.
    const std::string title = "John Kerry: Russia could be ‘opportunity’ for U.S.";
    const auto result = analyse_speakers(SpeakerInput{title, "Body text.", "", nullptr});
    ASSERT_EQ(result.headline_quotes.size(), 1u);
    const auto& q = result.headline_quotes[0];
    EXPECT_EQ(title.substr(q.begin, q.end - q.begin), "opportunity");
    EXPECT_EQ(q.speaker, "John Kerry");
    EXPECT_GT(q.confidence, 0.0);
}

TEST(Speakers, ConfidenceOrdersExplicitAboveResolved) {
    // An adjacent named cue is surer than a pronoun, which is surer than a bare continuation.
    const std::string body =
        "“One,” Mark Toner said. “Two.”\n\nMark Toner spoke again. “Three,” he said.";
    const auto result = analyse_speakers(SpeakerInput{"", body, "", nullptr});
    ASSERT_EQ(result.quotes.size(), 3u);
    EXPECT_GT(result.quotes[0].confidence, result.quotes[2].confidence);
    EXPECT_GT(result.quotes[2].confidence, result.quotes[1].confidence);
    EXPECT_GT(result.quotes[1].confidence, 0.0);
    for (const auto& q : result.quotes) EXPECT_LE(q.confidence, 1.0);
}

}  // namespace
}  // namespace broadsheet
