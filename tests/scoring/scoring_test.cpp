// scoring_test.cpp — table-driven tests of the scorer's own rules, so a figure printed by
// broadsheet-score means what docs/extraction.md says it means.
#include "tests/scoring/scoring.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace broadsheet::scoring {
namespace {

struct NormaliseCase {
    const char* input;
    const char* expected;
};

const NormaliseCase kNormaliseCases[] = {
    {"  Listen   Live \n", "Listen Live"},                       // runs of whitespace and trimming
    {"\u201CSubstantive\u201D talks", "\"Substantive\" talks"},  // curly double quotes
    {"Russia\u2019s \u2018opportunity\u2019", "Russia's 'opportunity'"},  // curly single quotes
    {"a\u00A0b", "a b"},               // no-break space is whitespace
    {"Erdo\u011Fan", "Erdo\u011Fan"},  // other non-ASCII is untouched
    {"", ""},                          // empty stays empty
};

TEST(Scoring, NormalisesWhitespaceAndQuoteMarks) {
    for (const auto& c : kNormaliseCases) EXPECT_EQ(normalise_text(c.input), c.expected) << c.input;
}

Label kerry_label() {
    Label label;
    label.file = "a.txt";
    label.speakers = {"John Kerry", "Sergei Lavrov"};
    label.speakers_optional = {"Barack Obama"};
    label.alias_to_canonical["sergey lavrov"] = "Sergei Lavrov";
    return label;
}

struct SpeakerCase {
    std::vector<std::string> extracted;
    std::size_t tp, fp, fn;
    const char* why;
};

const SpeakerCase kSpeakerCases[] = {
    {{"John Kerry", "Sergei Lavrov"}, 2, 0, 0, "exact match"},
    {{"John Kerry", "Sergey Lavrov"}, 2, 0, 0, "an alias maps to the canonical name"},
    {{"John Kerry", "Sergei Lavrov", "Barack Obama"}, 2, 0, 0, "optional speakers are free"},
    {{"John Kerry"}, 1, 0, 1, "a missed speaker is a false negative"},
    {{"John Kerry", "Sergei Lavrov", "Bashar al-Assad"}, 2, 1, 0, "an extra is a false positive"},
    {{"John Kerry", "Sergei Lavrov", "Sergey Lavrov"}, 2, 1, 0, "a split speaker costs precision"},
    {{"Kerry", "Sergei Lavrov"}, 1, 1, 1, "a short form is neither the label nor an alias"},
    {{}, 0, 0, 2, "nothing extracted"},
};

TEST(Scoring, CountsSpeakers) {
    Label label = kerry_label();
    for (const auto& c : kSpeakerCases) {
        SpeakerCounts counts = count_speakers(label, c.extracted, nullptr);
        EXPECT_EQ(counts.true_positive, c.tp) << c.why;
        EXPECT_EQ(counts.false_positive, c.fp) << c.why;
        EXPECT_EQ(counts.false_negative, c.fn) << c.why;
    }
}

TEST(Scoring, MicroPrfFromCounts) {
    Prf prf = micro_prf({8, 2, 2});
    EXPECT_DOUBLE_EQ(prf.precision, 0.8);
    EXPECT_DOUBLE_EQ(prf.recall, 0.8);
    EXPECT_DOUBLE_EQ(prf.f1, 0.8);
    EXPECT_DOUBLE_EQ(micro_prf({0, 0, 3}).f1, 0.0);  // found nothing of something
    EXPECT_DOUBLE_EQ(micro_prf({0, 0, 0}).f1, 1.0);  // nothing to find, nothing claimed
}

struct FieldCase {
    std::string title, date, outlet;
    bool title_ok, date_ok, outlet_ok;
    const char* why;
};

const FieldCase kFieldCases[] = {
    {"Talks \u201Csubstantive\u201D", "2016-09-09", "Reuters", true, true, true,
     "quote marks normalise; values equal"},
    {"Talks \"substantive\" (Op-ed)", "2016-09-09", "Thomson Reuters", true, true, true,
     "title_alt and outlet_alt are accepted"},
    {"Listen Live", "2019-09-22", "", false, false, false, "chrome title, clock date, no outlet"},
};

TEST(Scoring, ComparesFields) {
    Label label;
    label.file = "a.txt";
    label.title = "Talks \"substantive\"";
    label.title_alt = {"Talks \"substantive\" (Op-ed)"};
    label.date = "2016-09-09";
    label.outlet = "Reuters";
    label.outlet_alt = {"Thomson Reuters"};
    for (const auto& c : kFieldCases) {
        Article article;
        article.title = c.title;
        article.date = Date::from_iso(c.date);
        article.outlet = c.outlet;
        FileScore score = score_article(label, &article);
        EXPECT_EQ(score.field_correct[Field::Title], c.title_ok) << c.why;
        EXPECT_EQ(score.field_correct[Field::Date], c.date_ok) << c.why;
        EXPECT_EQ(score.field_correct[Field::Outlet], c.outlet_ok) << c.why;
        EXPECT_TRUE(score.field_correct[Field::Author]) << c.why;  // null label, empty author
    }
}

TEST(Scoring, NullLabelRequiresEmptyValue) {
    Label label;
    label.file = "a.txt";
    Article article;
    article.date = Date::make(2019, 9, 22);
    FileScore score = score_article(label, &article);
    EXPECT_FALSE(score.field_correct[Field::Date]);  // a guessed date against a null label
    EXPECT_TRUE(score.field_correct[Field::Title]);
}

TEST(Scoring, MissingArticleFailsEveryField) {
    Label label = kerry_label();
    FileScore score = score_article(label, nullptr);
    for (auto field : {Field::Title, Field::Date, Field::Outlet, Field::Author})
        EXPECT_FALSE(score.field_correct[field]) << field_name(field);
    EXPECT_EQ(score.speakers.false_negative, 2u);
}

TEST(Scoring, QuotesMatchByContainedTextAndSpeaker) {
    Label label = kerry_label();
    label.quotes = {{"John Kerry", "common ground"},
                    {std::nullopt, "So is he going"},
                    {"Sergei Lavrov", "substantive."}};
    Article article;
    article.quotes = {{"to find common ground", "John Kerry", "said", 0.9, 0, 0},
                      {"So is he going to target", "", "", 0.0, 0, 0}};
    FileScore score = score_article(label, &article);
    EXPECT_EQ(score.quotes_labelled, 3u);
    EXPECT_EQ(score.quotes_found, 2u);
    EXPECT_EQ(score.quotes_attributed, 2u);
}

struct OffsetCase {
    std::size_t begin, end;
    bool valid;
    const char* why;
};

const OffsetCase kOffsetCases[] = {
    {9, 12, true, "selects exactly the quote text"},
    {8, 11, false, "off by one: includes the opening mark"},
    {9, 400, false, "past the end of the body: rejected, not read"},
    {12, 9, false, "begin after end"},
};

TEST(Scoring, QuoteOffsetsMustSelectTheirText) {
    Label label;
    label.file = "a.txt";
    for (const auto& c : kOffsetCases) {
        Article article;
        article.body = "He said \"yes\" twice";
        article.quotes = {{"yes", "", "", 0.0, c.begin, c.end}};
        FileScore score = score_article(label, &article);
        EXPECT_EQ(score.offsets_checked, 1u) << c.why;
        EXPECT_EQ(score.offsets_valid, c.valid ? 1u : 0u) << c.why;
    }
}

struct BadLabelCase {
    const char* json;
    const char* why;
};

const BadLabelCase kBadLabels[] = {
    {R"({"file": "a.txt"})", "not an array"},
    {R"([{"title": "x"}])", "no file"},
    {R"([{"file": "a.jsonl", "record": 0}])", "records are 1-based"},
    {R"([{"file": "a.txt", "expect": "indexed"}])", "only 'skipped' is an expectation"},
    {R"([{"file": "a.txt", "speakers": "John Kerry"}])", "speakers must be a list"},
    {R"([{"file": "a.txt", "quotes": [{"speaker": "X"}]}])", "a quote needs text"},
};

TEST(Scoring, RejectsMalformedLabels) {
    for (const auto& c : kBadLabels)
        EXPECT_THROW(parse_labels(nlohmann::json::parse(c.json)), Error) << c.why;
}

TEST(Scoring, ParsesSkippedAndRecordLabels) {
    auto labels = parse_labels(nlohmann::json::parse(
        R"([{"file": "empty.txt", "expect": "skipped"},
            {"file": "feed.jsonl", "record": 2, "title": "T", "date": null,
             "speaker_aliases": {"Sergei Lavrov": ["Sergey Lavrov"]}}])"));
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_TRUE(labels[0].expect_skipped);
    EXPECT_EQ(labels[1].record, 2u);
    EXPECT_EQ(labels[1].title, "T");
    EXPECT_FALSE(labels[1].date.has_value());
    EXPECT_EQ(labels[1].alias_to_canonical.at("sergey lavrov"), "Sergei Lavrov");
}

}  // namespace
}  // namespace broadsheet::scoring
