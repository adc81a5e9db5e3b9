// real_pages_test.cpp — table-driven tests of broadsheet-score-real's own rules (split, tokens,
// shingles, averaging, label normalisation, gzip, reader text and the renderings' ceiling), so
// its figures mean what docs/extraction.md says.
#include "tests/scoring/real_pages.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>

#include "core/error.h"
#include "tests/scoring/real_figures.h"

namespace broadsheet::scoring::real {
namespace {

TEST(RealPages, HoldsBackEveryFourthPageByName) {
    // 0-based indices 3 and 7 are the 4th and 8th pages; nothing else is held back.
    const Split expected[] = {Split::Dev, Split::Dev, Split::Dev, Split::HeldBack,
                              Split::Dev, Split::Dev, Split::Dev, Split::HeldBack};
    for (std::size_t i = 0; i < std::size(expected); ++i) EXPECT_EQ(split_of(i), expected[i]) << i;
}

struct TokenCase {
    const char* text;
    std::vector<std::string> tokens;
    const char* why;
};

const TokenCase kTokenCases[] = {
    {"Hello, world!", {"Hello", "world"}, "punctuation separates; case is kept"},
    {"don't", {"don", "t"}, "an apostrophe is not a word character"},
    {"snake_case 42", {"snake_case", "42"}, "underscore and digits are word characters"},
    {"Erdo\u011Fan\u2019s", {"Erdo\u011Fan", "s"}, "non-ASCII letters belong to the word"},
    {"caf\u00E9\u2013bar", {"caf\u00E9", "bar"}, "an en dash separates"},
    {"\u0645\u0631\u062D\u0628\u0627 \u4E16\u754C",
     {"\u0645\u0631\u062D\u0628\u0627", "\u4E16\u754C"},
     "letters of other scripts"},
    {"", {}, "empty text has no token"},
};

TEST(RealPages, SplitsWordTokens) {
    for (const auto& c : kTokenCases) EXPECT_EQ(word_tokens(c.text), c.tokens) << c.why;
}

struct OverlapCase {
    const char* expected;
    const char* got;
    double tp, fp, fn;
    const char* why;
};

const OverlapCase kOverlapCases[] = {
    {"a b c d e", "a b c d e", 1, 0, 0, "identical texts: two shingles, both shared"},
    {"a b c d e", "a b c d", 0.5, 0, 0.5, "one expected shingle missing"},
    {"a b c d", "a b c d x", 0.5, 0.5, 0, "one extra shingle"},
    {"a b c d", "", 0, 0, 1, "empty extraction: all missed"},
    {"a b c d a b c d", "a b c d", 0.2, 0, 0.8, "shingles are a multiset: repeats count"},
    {"a b c", "a b c", 0, 0, 0, "under four tokens there is no shingle"},
};

TEST(RealPages, CountsShingleOverlapNormalised) {
    for (const auto& c : kOverlapCases) {
        const Overlap o = shingle_overlap(word_tokens(c.expected), word_tokens(c.got));
        EXPECT_DOUBLE_EQ(o.tp, c.tp) << c.why;
        EXPECT_DOUBLE_EQ(o.fp, c.fp) << c.why;
        EXPECT_DOUBLE_EQ(o.fn, c.fn) << c.why;
    }
}

TEST(RealPages, AveragesPrecisionAndRecallOverPages) {
    BodyTally tally;
    tally.add({1, 0, 0});      // perfect page: P 1, R 1
    tally.add({0.5, 0.5, 0});  // half extra: P 0.5, R 1
    tally.add({0, 0, 1});      // empty extraction: P 0, R 0
    tally.add({0, 0, 0});      // nothing expected, nothing found: P 1, R 1
    EXPECT_DOUBLE_EQ(tally.precision(), 2.5 / 4);
    EXPECT_DOUBLE_EQ(tally.recall(), 3.0 / 4);
    EXPECT_DOUBLE_EQ(tally.f1(), 2 * 0.625 * 0.75 / (0.625 + 0.75));
}

struct LabelCase {
    const char* a;
    const char* b;
    const char* why;
};

const LabelCase kEqualLabels[] = {
    {"Obama admits US gun laws", "obama admits  US GUN laws ", "case and whitespace"},
    {"Obama\u2019s \u201Cfrustration\u201D", "Obama's \"frustration\"", "typographic quotes"},
    {"Gun laws \u2014 a frustration", "Gun laws - a frustration", "em dash"},
    {"Gun laws \u2013 a frustration", "Gun laws - a frustration", "en dash"},
    {"\u00C9LYS\u00C9E", "\u00E9lys\u00E9e", "non-ASCII case folding"},
};

TEST(RealPages, NormalisesLabelsForExactMatch) {
    for (const auto& c : kEqualLabels)
        EXPECT_EQ(normalise_label(c.a), normalise_label(c.b)) << c.why;
    EXPECT_NE(normalise_label("Gun laws"), normalise_label("Gun law"));  // words still count
}

std::string gzip(std::string_view plain) {
    z_stream stream;
    std::memset(&stream, 0, sizeof stream);
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, plain.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    stream.avail_in = static_cast<uInt>(plain.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

TEST(RealPages, GunzipsAndRefusesBrokenFiles) {
    const std::string page(200000, 'x');  // more than one output buffer
    EXPECT_EQ(gunzip(gzip(page), "page"), page);
    const std::string packed = gzip("<p>short</p>");
    EXPECT_THROW(gunzip(packed.substr(0, packed.size() / 2), "cut"), Error);  // cut short
    EXPECT_THROW(gunzip("<p>plain</p>", "plain"), Error);                     // not gzip
}

struct TextCase {
    const char* html;
    std::vector<std::string> tokens;
    const char* why;
};

const TextCase kTextCases[] = {
    {"<p>one</p><p>two</p>", {"one", "two"}, "block edges separate words"},
    {"<p>wo<b>rd</b></p>", {"word"}, "inline elements do not"},
    {"<p>a<br>b</p>", {"a", "b"}, "a line break separates"},
    {"<div>text<script>var x;</script><style>p{}</style></div>", {"text"}, "no code"},
    {"<p>caf&eacute; &amp; bar</p>", {"caf\u00E9", "bar"}, "entities decoded"},
};

TEST(RealPages, ReadsHtmlAsReaderText) {
    for (const auto& c : kTextCases) EXPECT_EQ(word_tokens(html_text(c.html)), c.tokens) << c.why;
}

struct ReachCase {
    const char* label;
    const char* rendered;
    Reach reach;
    const char* why;
};

const ReachCase kReachCases[] = {
    {"Harbour Bridge To Close", "Menu\n\nHarbour bridge to close\n\nBody.\n", Reach::AsLine,
     "a line equal to the label after case folding"},
    {"Harbour bridge to close for repairs after decades",
     "Harbour bridge to close for repairs\nafter decades\n", Reach::AsLine,
     "a headline the renderer wrapped over two lines"},
    {"Harbour bridge to close", "****** Harbour bridge to close ******\n", Reach::AsLine,
     "html2text's heading stars are not part of the line"},
    {"Harbour bridge to close", "  \u2022 Harbour bridge to close\n", Reach::AsLine,
     "a list bullet is not part of the line"},
    {"Valley Wire", "\u00A9 2020 Valley Wire. All rights reserved.\n", Reach::InText,
     "a site name inside a copyright line"},
    {"Harbour bridge to close | Valley Wire", "Harbour bridge to close\n", Reach::Absent,
     "a <title> with its site suffix is never printed"},
};

TEST(RealPages, LabelReachInARendering) {
    for (const auto& c : kReachCases) EXPECT_EQ(label_reach(c.label, c.rendered), c.reach) << c.why;
}

}  // namespace
}  // namespace broadsheet::scoring::real
