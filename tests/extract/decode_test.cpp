// decode_test.cpp — table tests for the decode step: encodings, line ends, NFC, skips.
#include "core/extract/decode.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

constexpr std::size_t kLimit = 1024;

struct DecodeCase {
    std::string bytes;
    const char* text;  // expected text, or nullptr when skipped
    bool warns;
    const char* why;
};

std::vector<DecodeCase> cases() {
    return {
        {"Plain ASCII\n", "Plain ASCII\n", false, "valid UTF-8 passes through"},
        {"\xEF\xBB\xBFHeadline", "Headline", false, "UTF-8 BOM stripped"},
        {"a\r\nb\rc\n", "a\nb\nc\n", false, "CRLF and lone CR become LF"},
        {"Caf\x65\xCC\x81", "Caf\xC3\xA9", false, "decomposed e + acute becomes NFC é"},
        {"Lyon \xE9lu \x93maire\x94 caf\xE9 cr\xE8me br\xFBl\xE9\x65 \xE0 la fran\xE7\x61ise",
         "Lyon \xC3\xA9lu \xE2\x80\x9Cmaire\xE2\x80\x9D caf\xC3\xA9 cr\xC3\xA8me "
         "br\xC3\xBBl\xC3\xA9"
         "e \xC3\xA0 la fran\xC3\xA7"
         "aise",
         true, "Windows-1252 text is converted, curly quotes included, with a warning"},
        {std::string("\xFF\xFEH\0i\0", 6), "Hi", false, "UTF-16LE with BOM"},
        {"", nullptr, false, "empty file"},
        {"   \n\n  ", nullptr, false, "whitespace only counts as empty"},
        {std::string("text\0with NUL", 13), nullptr, false, "NUL bytes mean binary"},
        {"\x89PNG\r\n\x1A\n....", nullptr, false, "PNG signature"},
        {std::string(kLimit + 1, 'a'), nullptr, false, "over the size limit"},
        {"Ordinary prose\twith one stray\x01 control byte in a longer line",
         "Ordinary prose\twith one stray control byte in a longer line", false,
         "a stray control character is removed, tabs kept"},
        {"\x01\x02\x03\x04 short", nullptr, false, "mostly control bytes: binary"},
    };
}

TEST(DecodeSource, Table) {
    for (const auto& c : cases()) {
        const auto result = decode_source(c.bytes, kLimit);
        if (c.text == nullptr) {
            EXPECT_FALSE(result.text) << c.why;
            EXPECT_FALSE(result.skip_reason.empty()) << c.why;
            continue;
        }
        ASSERT_TRUE(result.text) << c.why << ": " << result.skip_reason;
        EXPECT_EQ(*result.text, c.text) << c.why;
        EXPECT_EQ(!result.warning.empty(), c.warns) << c.why << ": " << result.warning;
    }
}

// Text that is mostly UTF-8 stays UTF-8: its invalid bytes become U+FFFD (with a warning), and
// its valid characters, curly quotes above all, are never turned into mojibake.
struct MostlyUtf8Case {
    std::string bytes;
    std::string text;
    const char* why;
};

TEST(DecodeSource, MostlyUtf8KeepsItsUtf8AndReadsTheBadBytesAsWindows1252) {
    const MostlyUtf8Case cases[] = {
        {"caf\xC3\xA9, na\xC3\xAFve, r\xC3\xA9sum\xC3\xA9 and \x93quoted\x94 words",
         "caf\xC3\xA9, na\xC3\xAFve, r\xC3\xA9sum\xC3\xA9 and \xE2\x80\x9Cquoted\xE2\x80\x9D words",
         "two stray Windows-1252 quotes among accented words: only the stray bytes change"},
        {"\xE2\x80\x9CWe will not move,\xE2\x80\x9D said M\xFCller. \xE2\x80\x9CNever,\xE2\x80\x9D "
         "added J\xF6rg Sch\xE4"
         "fer.",
         "\xE2\x80\x9CWe will not move,\xE2\x80\x9D said M\xC3\xBCller. "
         "\xE2\x80\x9CNever,\xE2\x80\x9D "
         "added J\xC3\xB6rg Sch\xC3\xA4"
         "fer.",
         "Latin-1 names pasted into UTF-8 text: the UTF-8 quotes survive (the whole file is not "
         "re-read as a single-byte charset) and the names stay searchable"},
        {"\xE2\x80\x9CYes,\xE2\x80\x9D she said \x81 twice.",
         "\xE2\x80\x9CYes,\xE2\x80\x9D she said \xEF\xBF\xBD twice.",
         "a byte Windows-1252 leaves undefined becomes U+FFFD"},
    };
    for (const auto& c : cases) {
        const auto result = decode_source(c.bytes, kLimit);
        ASSERT_TRUE(result.text) << c.why;
        EXPECT_EQ(*result.text, c.text) << c.why;
        EXPECT_NE(result.warning.find("mostly UTF-8"), std::string::npos)
            << c.why << ": " << result.warning;
    }
}

}  // namespace
}  // namespace broadsheet
