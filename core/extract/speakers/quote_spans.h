// quote_spans.h — find the outermost quotations in a text: straight and curly, double and single
// marks, nested quotes, and quotes that run on over paragraphs.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace broadsheet::speakers {

enum class MarkStyle {
    Double,  // " “ ” „ « »
    Single,  // ' ‘ ’
};

// One outermost quotation. A quotation continued over paragraphs (each continuation paragraph
// reopens it with a mark) is one span from its first opening mark to its final closing mark.
struct QuoteSpan {
    std::size_t open = 0;       // byte offset of the opening mark
    std::size_t begin = 0;      // first byte of the quoted text
    std::size_t end = 0;        // one past the last byte of the quoted text
    std::size_t close_end = 0;  // one past the closing mark
    MarkStyle style = MarkStyle::Double;
};

// Outermost spans in text order. Apostrophes (don’t, Kerry’s, Rhodes') are never marks; an
// unclosed opening mark (not continued in the next paragraph) yields no span, so a stray mark
// never swallows the rest of the text. Empty quotations are dropped.
std::vector<QuoteSpan> find_quote_spans(std::string_view text);

}  // namespace broadsheet::speakers
