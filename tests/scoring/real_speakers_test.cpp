// real_speakers_test.cpp — table-driven tests of how broadsheet-score-real reads its speaker
// labels and counts a page's speakers, so the speaker figures mean what docs/extraction.md says.
#include "tests/scoring/real_speakers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace broadsheet::scoring::real {
namespace {

struct NameCase {
    const char* name;
    const char* normal;
    const char* why;
};

const NameCase kNameCases[] = {
    {"William G. Gale", "william gale", "a middle initial is not part of the comparison"},
    {"C. Eugene Steuerle", "eugene steuerle", "nor is a leading one"},
    {"  Mark   Warner ", "mark warner", "whitespace collapses, case folds"},
    {"Nehemiah Dejesus.", "nehemiah dejesus", "a trailing full stop from a sentence goes"},
    {"Lupita Nyong\u2019o", "lupita nyong'o", "a typographic apostrophe is the ASCII one"},
};

TEST(RealSpeakers, NormalisesNames) {
    for (const auto& c : kNameCases) EXPECT_EQ(normalise_speaker(c.name), c.normal) << c.why;
}

struct CountCase {
    std::vector<std::string> extracted;
    std::size_t tp, fp, fn;
    const char* why;
};

// Label: Ellen Fetter (also Ellen Gille), Mar Hicks; optional: Fiona.
const CountCase kCountCases[] = {
    {{"Ellen Fetter", "Mar Hicks"}, 2, 0, 0, "both people found"},
    {{"Ellen Gille", "Mar Hicks"}, 2, 0, 0, "any listed form of a person matches"},
    {{"Ellen Fetter", "Ellen Gille", "Mar Hicks"}, 2, 1, 0, "two forms printed: one duplicate"},
    {{"Hicks", "Mar Hicks"}, 1, 1, 1, "a short form printed beside the full one is extra"},
    {{"Fiona", "Mar Hicks"}, 1, 0, 1, "an optional name counts nothing"},
    {{"Weather Service"}, 0, 1, 2, "an organisation is a false positive"},
    {{}, 0, 0, 2, "nothing extracted: every person missed"},
};

TEST(RealSpeakers, CountsOnePage) {
    const auto labels = parse_speaker_labels(nlohmann::json::parse(R"({
        "_about": "comment keys are skipped",
        "page": {"speakers": [["Ellen Fetter", "Ellen Gille"], "Mar Hicks"],
                 "optional": ["Fiona"]}})"));
    ASSERT_EQ(labels.size(), 1u);
    const SpeakerLabel& label = labels.at("page");
    for (const auto& c : kCountCases) {
        std::vector<std::string> mismatches;
        const SpeakerCounts counts = count_page_speakers(label, c.extracted, &mismatches);
        EXPECT_EQ(counts.true_positive, c.tp) << c.why;
        EXPECT_EQ(counts.false_positive, c.fp) << c.why;
        EXPECT_EQ(counts.false_negative, c.fn) << c.why;
        EXPECT_EQ(mismatches.size(), c.fp + c.fn) << c.why;
    }
}

TEST(RealSpeakers, ListShorthandAndMalformedEntries) {
    const auto labels = parse_speaker_labels(nlohmann::json::parse(R"({"a": ["X Y"], "b": []})"));
    EXPECT_EQ(labels.at("a").people.size(), 1u);
    EXPECT_TRUE(labels.at("b").people.empty());
    // Each row is a shape a typo could produce; none may parse silently.
    for (const char* bad : {R"({"a": "X Y"})", R"({"a": [3]})", R"({"a": {"optional": []}})",
                            R"({"a": [[]]})", R"(["a"])"})
        EXPECT_THROW(parse_speaker_labels(nlohmann::json::parse(bad)), Error) << bad;
}

}  // namespace
}  // namespace broadsheet::scoring::real
