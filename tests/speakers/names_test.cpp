// names_test.cpp — table tests of name mentions and their grouping into canonical people.
#include "core/extract/speakers/names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/extract/speakers/headline.h"
#include "core/extract/speakers/quote_spans.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {
namespace {

// Names of all people found, in order of creation.
std::vector<std::string> people_in(const std::string& body, const std::string& headline = {}) {
    const auto spans = find_quote_spans(body);
    const auto tokens = tokenize(body, spans);
    const auto head_spans = find_quote_spans(headline);
    std::vector<std::vector<std::string>> headline_names;
    for (const auto& s : headline_speakers(tokenize(headline, head_spans)))
        headline_names.push_back(s.words);
    const auto people = find_people(tokens, headline_names, NameHints{});
    std::vector<std::string> out;
    for (const auto& p : people.persons) out.push_back(p.name());
    return out;
}

struct PeopleCase {
    const char* why;
    std::string body;
    std::string headline;
    std::vector<std::string> people;
};

TEST(Names, PeopleTable) {
    const std::vector<PeopleCase> cases = {
        {"job titles before a name are stripped",
         "U.S. Secretary of State John Kerry met him.",
         "",
         {"John Kerry"}},
        {"a bare surname joins the full name given earlier",
         "Foreign Minister Sergei Lavrov spoke. Later Lavrov left.",
         "",
         {"Sergei Lavrov"}},
        {"a bare surname also joins a full name given later",
         "Obama noted it. President Barack Obama chairs the summit.",
         "",
         {"Barack Obama"}},
        {"the fullest form wins over a shorter full form",
         "Sergei Lavrov spoke. Sergei Viktorovich Lavrov left.",
         "",
         {"Sergei Viktorovich Lavrov"}},
        {"honorifics: Mr Putin joins Vladimir Putin",
         "Vladimir Putin came. Mr Putin left.",
         "",
         {"Vladimir Putin"}},
        {"two people sharing a surname stay apart",
         "Manager Simon Miller and chairman Graham Miller disagree. Simon Miller wants more.",
         "",
         {"Simon Miller", "Graham Miller"}},
        {"organisations and places are not people",
         "The Islamic State and the White House met in New York on Monday with the State "
         "Department.",
         "",
         {}},
        {"a single capitalised word without a title is no person",
         "Russia says it is ready.",
         "",
         {}},
        {"a titled single word is a person", "Mr Smith said so.", "", {"Smith"}},
        {"a bare surname takes its given names from the headline",
         "Kerry said it was good.",
         "Peace Is Near, John Kerry Says After Talks",
         {"John Kerry"}},
        {"non-ASCII names stay intact",
         "President Recep Tayyip Erdoğan spoke.",
         "",
         {"Recep Tayyip Erdoğan"}},
        {"Arabic article prefixes belong to the surname",
         "Syrian President Bashar al-Assad spoke. Assad left.",
         "",
         {"Bashar al-Assad"}},
        {"name particles join a name",
         "The UN envoy, Staffan de Mistura, said so.",
         "",
         {"Staffan de Mistura"}},
        {"the place after a title's 'of' is not a name",
         "said the Dean of Liverpool, the Very Rev Sue Jenkinson.",
         "",
         {"Sue Jenkinson"}},
        {"a portfolio between title and name is dropped",
         "Minister for Housing Eoin Brady said so.",
         "",
         {"Eoin Brady"}},
        {"initials keep their dot", "Coach R. Srinivasan said so.", "", {"R. Srinivasan"}},
        {"a sentence-opening participle is not a given name",
         "Speaking Kerry would not be right. Standing Putin said no.",
         "",
         {}},
        {"acronyms are not names", "The UN and ISIS and NATO met.", "", {}},
        {"company-name endings are not people", "Carrington Homes said profits fell.", "", {}},
        {"a month next to a number is not a name, May the person is",
         "In May 2016 Prime Minister Theresa May spoke.",
         "",
         {"Theresa May"}},
        {"names inside quotations are not scanned", "He said “Vladimir Putin is here.”", "", {}},
    };
    for (const auto& c : cases) EXPECT_EQ(people_in(c.body, c.headline), c.people) << c.why;
}

struct TitleCase {
    const char* why;
    std::string body;
    std::string expected_title;  // one title the first person must carry
};

TEST(Names, TitlesTable) {
    const std::vector<TitleCase> cases = {
        {"title words in the capitalised run", "Russian Foreign Minister Sergei Lavrov spoke.",
         "minister"},
        {"a lowercase job title before the name", "State Department spokesman Mark Toner spoke.",
         "spokesman"},
        {"an appositive after the name", "Cliff Kupchan, chairman of the Eurasia Group, spoke.",
         "chairman"},
        {"an appositive before the name",
         "The UN special envoy for Syria, Staffan de Mistura, said.", "envoy"},
        {"abbreviated titles are expanded", "Gov. John Paul Arceneaux urged calm.", "governor"},
    };
    for (const auto& c : cases) {
        const auto spans = find_quote_spans(c.body);
        const auto tokens = tokenize(c.body, spans);
        const auto people = find_people(tokens, {}, NameHints{});
        ASSERT_FALSE(people.persons.empty()) << c.why;
        const auto& titles = people.persons.front().titles;
        EXPECT_NE(std::find(titles.begin(), titles.end(), c.expected_title), titles.end()) << c.why;
    }
}

TEST(Names, AppositiveClauseIsNoTitle) {
    // "Laos, the official warned": a new clause, so Laos gets no title and is no person.
    const std::string body = "Speaking in Laos, the official warned that it would fail.";
    EXPECT_EQ(people_in(body), std::vector<std::string>{});
}

TEST(Names, SurnameKeyIgnoresArticlePrefix) {
    // "al-Assad" and "Assad" must agree so that the bare form joins the full name.
    EXPECT_EQ(surname_key("al-Assad"), surname_key("Assad"));
    EXPECT_NE(surname_key("Miller"), surname_key("Millers"));
}

}  // namespace
}  // namespace broadsheet::speakers
