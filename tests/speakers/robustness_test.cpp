// robustness_test.cpp — analyse_speakers on hostile input: never throws, offsets always index
// the body, and time grows about linearly with the body's size.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "core/extract/speakers/quotes.h"

namespace broadsheet {
namespace {

void expect_consistent(const std::string& body, const SpeakerAnalysis& result) {
    for (const auto& q : result.quotes) {
        ASSERT_LE(q.begin, q.end);
        ASSERT_LE(q.end, body.size());
        EXPECT_EQ(body.substr(q.begin, q.end - q.begin), q.text);
        EXPECT_GE(q.confidence, 0.0);
        EXPECT_LE(q.confidence, 1.0);
    }
}

TEST(Robustness, RandomFragmentsNeverThrow) {
    // Random mixes of words, names, cues, quote marks, apostrophes and invalid UTF-8.
    const std::vector<std::string> pieces = {"Kerry",
                                             " said",
                                             " Mr",
                                             " Putin",
                                             "“",
                                             "”",
                                             "\"",
                                             "'",
                                             "‘",
                                             "’",
                                             ",",
                                             ".",
                                             ":",
                                             "\n\n",
                                             " he",
                                             " the minister",
                                             " according to",
                                             " Sergei Lavrov",
                                             " who",
                                             " of",
                                             "\xff",
                                             "\xe2\x80",
                                             "s'",
                                             " told",
                                             " calling",
                                             " — ",
                                             " al-Assad",
                                             " Erdoğan",
                                             "[",
                                             "]",
                                             "(",
                                             ")"};
    std::mt19937 rng(12345);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    for (int round = 0; round < 300; ++round) {
        std::string body;
        const int n = 1 + round % 80;
        for (int i = 0; i < n; ++i) body += pieces[pick(rng)];
        SpeakerAnalysis result;
        EXPECT_NO_THROW(result = analyse_speakers(SpeakerInput{body, body, "Kerry", nullptr}));
        expect_consistent(body, result);
    }
}

TEST(Robustness, EdgeInputs) {
    // Empty text, only marks, a lone mark at the end, and a cue at the very start or end.
    for (const std::string body : {"", "“", "”", "\"\"\"", "said", "Kerry said", "“x”", "’s",
                                   "“a” said", "said “a”", ":“", "\n\n\n", "Mr.", "U.S."}) {
        SpeakerAnalysis result;
        EXPECT_NO_THROW(result = analyse_speakers(SpeakerInput{body, body, "", nullptr})) << body;
        expect_consistent(body, result);
    }
}

TEST(Robustness, LargeBodyTakesAboutLinearTime) {
    // 2,000 paragraphs of quotes and names: must finish well within a second or two even under
    // sanitizers, which a quadratic scan over mentions or quotes would not.
    std::string paragraph =
        "“We are open to working with them,” Deputy Advisor Ben Rhodes said on Tuesday, adding "
        "that Foreign Minister Sergei Lavrov and Mr Kerry had met. He said it went well.\n\n";
    std::string body;
    for (int i = 0; i < 2000; ++i) body += paragraph;
    const auto start = std::chrono::steady_clock::now();
    const auto result = analyse_speakers(SpeakerInput{"", body, "", nullptr});
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(result.quotes.size(), 2000u);
    EXPECT_LT(seconds, 10.0);
    std::cout << "[speakers] " << body.size() << " bytes in " << seconds << " s\n";
}

TEST(Robustness, RunOnTextWithoutSentencesStaysFast) {
    // Scraped text can lack sentence punctuation entirely: one endless "sentence" full of quotes,
    // pronouns and cues must not make the before-quote and subject scans quadratic.
    std::string body;
    for (int i = 0; i < 10000; ++i) body += "he said “yes” and Mark Toner told them so ";
    const auto start = std::chrono::steady_clock::now();
    const auto result = analyse_speakers(SpeakerInput{"", body, "", nullptr});
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(result.quotes.size(), 10000u);
    EXPECT_LT(seconds, 10.0);
    std::cout << "[speakers] run-on " << body.size() << " bytes in " << seconds << " s\n";
}

}  // namespace
}  // namespace broadsheet
