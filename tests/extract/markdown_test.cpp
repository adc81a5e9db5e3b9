// markdown_test.cpp — table tests for markdown inline stripping and line classification.
#include "core/extract/markdown.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct InlineCase {
    const char* input;
    const char* expected;
    const char* why;
};

const InlineCase kInlineCases[] = {
    {"By [Nikolas K. Gvosdev](#)", "By Nikolas K. Gvosdev", "byline link keeps its text"},
    {"the Nov. 11 Joint [Statement](#) on Syria", "the Nov. 11 Joint Statement on Syria",
     "inline link"},
    {"![Putin](https://x/img.jpg) Caption", "Caption", "images vanish"},
    {"**Related article:** [Piling \\(Op-ed\\)](#)", "Related article: Piling (Op-ed)",
     "bold label, escaped brackets"},
    {"*The views expressed are his own.*", "The views expressed are his own.", "italic line"},
    {"<https://www.example.com/a>", "https://www.example.com/a", "autolink"},
    {"snake_case_name stays", "snake_case_name stays", "underscores inside words are literal"},
    {"5 * 3 = 15", "5 * 3 = 15", "a spaced asterisk is not emphasis"},
    {"line<br>break", "linebreak", "stray HTML tags are dropped"},
};

TEST(StripMarkdownInline, Table) {
    for (const auto& c : kInlineCases)
        EXPECT_EQ(strip_markdown_inline(c.input), c.expected) << c.input << " — " << c.why;
}

struct LineCase {
    const char* input;
    int heading;
    bool link_only;
    bool image_only;
    const char* text;
    const char* why;
};

const LineCase kLineCases[] = {
    {"# Latest Effort Remains Flawed (Op-ed)", 1, false, false,
     "Latest Effort Remains Flawed (Op-ed)", "H1 headline"},
    {"## Subhead ##", 2, false, false, "Subhead", "closed ATX heading"},
    {"- [Home](/) | [World](/world)", 0, true, false, "Home | World", "navigation links"},
    {"![Alt text](img.png)", 0, false, true, "", "image-only line"},
    {"> Quoted paragraph", 0, false, false, "Quoted paragraph", "blockquote marker"},
    {"#hashtag is not a heading", 0, false, false, "#hashtag is not a heading",
     "no space after the hash"},
};

TEST(ParseMarkdownLine, Table) {
    for (const auto& c : kLineCases) {
        const auto line = parse_markdown_line(c.input);
        EXPECT_EQ(line.heading, c.heading) << c.input << " — " << c.why;
        EXPECT_EQ(line.link_only, c.link_only) << c.input << " — " << c.why;
        EXPECT_EQ(line.image_only, c.image_only) << c.input << " — " << c.why;
        EXPECT_EQ(line.text, c.text) << c.input << " — " << c.why;
    }
}

struct SniffCase {
    const char* text;
    bool markdown;
    const char* why;
};

const SniffCase kSniffCases[] = {
    {"\n\n# Title\n\nBy [Name](#)\n\nBody text.", true, "seed 003 saved as .txt"},
    {"Title\n\nBody with a [link](x) only once.", false, "one link is not enough evidence"},
    {"Plain headline\n\nPlain body.", false, "plain text"},
};

TEST(LooksLikeMarkdown, Table) {
    for (const auto& c : kSniffCases) EXPECT_EQ(looks_like_markdown(c.text), c.markdown) << c.why;
}

}  // namespace
}  // namespace broadsheet
