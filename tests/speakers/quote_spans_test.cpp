// quote_spans_test.cpp — table tests of finding quotation spans (marks, nesting, paragraphs).
#include "core/extract/speakers/quote_spans.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace broadsheet::speakers {
namespace {

struct SpanCase {
    const char* why;
    std::string text;
    std::vector<std::string> quotes;  // expected quoted texts of the outermost spans, in order
};

std::vector<std::string> quoted(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& span : find_quote_spans(text))
        out.push_back(text.substr(span.begin, span.end - span.begin));
    return out;
}

TEST(QuoteSpans, Table) {
    const std::vector<SpanCase> cases = {
        {"curly double quotes, the commonest form",
         "“We are open,” Rhodes said.",
         {"We are open,"}},
        {"straight double quotes, direction from the neighbours",
         "\"Some details need work,\" Putin added.",
         {"Some details need work,"}},
        {"two quotes in one sentence stay apart",
         "“A terrorist center” remains and “no one can deal with it,” she said.",
         {"A terrorist center", "no one can deal with it,"}},
        {"partial quote ending in a period inside the marks",
         "Lavrov was upbeat, calling the talks “substantive.”",
         {"substantive."}},
        {"apostrophes inside and after words are not marks",
         "Kerry’s plan and Rhodes' view don’t change “much” here.",
         {"much"}},
        {"single curly quotes around a word", "could be ‘opportunity’ for U.S.", {"opportunity"}},
        {"straight single quotes around words; the possessive Rhodes' is not a closer",
         "Rhodes' aides said the US 'working with Russia' plan stands.",
         {"working with Russia"}},
        {"a single-quoted phrase nested in a double quote belongs to the outer quote",
         "“I think postponing ‘Assad must go’ helps,” Kupchan said.",
         {"I think postponing ‘Assad must go’ helps,"}},
        {"double marks nested in double marks (sloppy text) keep the outer quote whole",
         "“He’s getting an “A” and we are not,” he said.",
         {"He’s getting an “A” and we are not,"}},
        {"a quote continued over paragraphs is one span",
         "“First part.\n\n“Second part,” she said.",
         {"First part.\n\n“Second part,"}},
        {"an unclosed quote not reopened in the next paragraph yields nothing",
         "“Never closed.\n\nPlain text “closed” here.",
         {"closed"}},
        {"a stray closing mark is ignored", "Odd” text “fine” end.", {"fine"}},
        {"a plural possessive inside single quotes does not close them",
         "'The players' union is ready,' said Smith.",
         {"The players' union is ready,"}},
        {"single quotes as primary marks, apostrophes inside",
         "'We're ready,' said Smith. 'Aren't we?'",
         {"We're ready,", "Aren't we?"}},
        {"empty quotes are dropped", "He said “” and “ok”.", {"ok"}},
        {"German-style low opening mark and guillemets", "„Ja“ und «oui» sagte er.", {"Ja", "oui"}},
        {"decade abbreviation is not an opening mark", "In the ’90s he said “no.”", {"no."}},
        {"straight quote after an opening bracket", "(\"quoted\") text", {"quoted"}},
        {"non-ASCII text inside quotes stays intact",
         "“Erdoğan agreed,” he said.",
         {"Erdoğan agreed,"}},
    };
    for (const auto& c : cases) EXPECT_EQ(quoted(c.text), c.quotes) << c.why;
}

TEST(QuoteSpans, OffsetsExcludeMarks) {
    // Offsets index the input so that text.substr(begin, end - begin) is the quoted text.
    const std::string text = "He said “yes” twice.";
    const auto spans = find_quote_spans(text);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(text.substr(spans[0].open, spans[0].begin - spans[0].open), "“");
    EXPECT_EQ(text.substr(spans[0].end, spans[0].close_end - spans[0].end), "”");
}

TEST(QuoteSpans, InvalidUtf8NeverBreaksTheScan) {
    // Bad bytes decode as U+FFFD one byte at a time, so the scan still finds later quotes.
    const std::string text = std::string("\xff\xfe \"ok\" \xc3") + "“x”";
    EXPECT_EQ(quoted(text), (std::vector<std::string>{"ok", "x"}));
}

}  // namespace
}  // namespace broadsheet::speakers
