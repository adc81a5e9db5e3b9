// quote_spans.cpp — classify quote-mark candidates by their neighbours, then pair them per
// paragraph with a stack (nesting) and carry an open double quote into a paragraph that reopens it.
#include "core/extract/speakers/quote_spans.h"

#include <algorithm>

#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {
namespace {

enum class Role {
    None,    // an apostrophe or a mark we cannot use
    Open,    // can only open
    Close,   // can only close
    Either,  // straight or misused mark: closes a pending quote, else opens one
};

struct Mark {
    std::size_t pos = 0;
    std::size_t size = 0;
    MarkStyle style = MarkStyle::Double;
    Role role = Role::None;
    std::size_t paragraph = 0;
    bool at_paragraph_start = false;  // only white space between paragraph start and the mark
};

bool is_quote_char(char32_t c) {
    return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 ||
           c == 0x2019 || c == 0xAB || c == 0xBB;
}

// Characters after which a mark starts a quotation ("(“", "— “").
bool opens_after(char32_t c) {
    return c == 0 || is_space(c) || c == '(' || c == '[' || c == '{' || c == '<' || c == 0x2014 ||
           c == 0x2013 || c == '-' || c == '/' || c == ':' || is_quote_char(c);
}

// Characters before which a mark ends a quotation ("”,", "’ ").
bool closes_before(char32_t c) {
    return c == 0 || is_space(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == ')' || c == ']' || c == '}' || c == '>' || c == 0x2014 || c == 0x2013 ||
           c == '-' || c == 0x2026 || c == '/' || is_quote_char(c);
}

// `beyond` is the character after `next`.
Role classify(char32_t c, char32_t prev, char32_t next, char32_t beyond) {
    const bool left = opens_after(prev);
    const bool right = closes_before(next);
    switch (c) {
        case 0x201C:  // “ — also the German closer after „
            return (right && !left) ? Role::Either : Role::Open;
        case 0x201E:  // „
        case 0xAB:    // «
            return Role::Open;
        case 0x201D:  // ” — some texts misuse it as an opener
        case 0xBB:    // »
            return (left && !right) ? Role::Either : Role::Close;
        case '"':
            if (left && !right) return Role::Open;
            if (right && !left) return Role::Close;
            return Role::Either;
        case 0x2018:  // ‘ — except ‘90s and a misplaced apostrophe inside a word
            if (is_digit(next) || (is_letter(prev) && is_letter(next))) return Role::None;
            return Role::Open;
        case 0x2019:  // ’ is also the typographic apostrophe
        case '\'':
            if ((is_letter(prev) || is_digit(prev)) && is_letter(next)) return Role::None;
            // "the players' union": after s and before a lowercase word, a plural possessive.
            if ((prev == 's' || prev == 'S') && next == ' ' && is_letter(beyond) &&
                !is_upper(beyond))
                return Role::None;
            if (right && !left) return Role::Close;
            if (left && is_letter(next)) return Role::Open;
            return Role::None;
        default:
            return Role::None;
    }
}

std::vector<Mark> collect_marks(std::string_view text) {
    const auto paragraphs = paragraph_starts(text);
    std::vector<Mark> marks;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto cp = decode_at(text, i);
        if (is_quote_char(cp.value)) {
            const auto prev = decode_before(text, i).value;
            const auto next = decode_at(text, i + cp.size).value;
            Mark mark;
            mark.pos = i;
            mark.size = cp.size;
            mark.style = (cp.value == '\'' || cp.value == 0x2018 || cp.value == 0x2019)
                             ? MarkStyle::Single
                             : MarkStyle::Double;
            const auto beyond = decode_at(text, i + cp.size + decode_at(text, i + cp.size).size);
            mark.role = classify(cp.value, prev, next, beyond.value);
            mark.paragraph = paragraph_of(paragraphs, i);
            std::size_t start = paragraphs[mark.paragraph];
            mark.at_paragraph_start = true;
            for (std::size_t k = start; k < i && mark.at_paragraph_start; ++k)
                if (text[k] != ' ' && text[k] != '\t') mark.at_paragraph_start = false;
            if (mark.role != Role::None) marks.push_back(mark);
        }
        i += cp.size;
    }
    return marks;
}

struct Open {
    const Mark* mark;
    std::size_t paragraph;  // paragraph where the quotation is currently open
};

struct Pairing {
    std::vector<QuoteSpan> spans;  // every closed quotation, nested ones included
    std::vector<Open> stack;

    void close(const Open& open, const Mark& mark) {
        QuoteSpan span;
        span.open = open.mark->pos;
        span.begin = open.mark->pos + open.mark->size;
        span.end = mark.pos;
        span.close_end = mark.pos + mark.size;
        span.style = open.mark->style;
        if (span.end > span.begin) spans.push_back(span);
    }

    // Index of the innermost open quotation of `style`, or -1.
    int innermost(MarkStyle style) const {
        for (int k = static_cast<int>(stack.size()) - 1; k >= 0; --k)
            if (stack[static_cast<std::size_t>(k)].mark->style == style) return k;
        return -1;
    }

    // At a new paragraph: a double quotation left open continues only when this paragraph
    // starts by reopening it; everything else still open is dropped. Returns true when `mark`
    // was consumed as that continuation.
    bool enter_paragraph(const Mark& mark) {
        if (stack.empty() || stack.back().paragraph == mark.paragraph) return false;
        const bool reopens = mark.style == MarkStyle::Double && mark.at_paragraph_start &&
                             mark.role != Role::Close &&
                             stack.front().mark->style == MarkStyle::Double &&
                             stack.back().paragraph + 1 == mark.paragraph;
        if (!reopens) {
            stack.clear();
            return false;
        }
        stack.resize(1);
        stack.front().paragraph = mark.paragraph;
        return true;
    }

    void feed(const Mark& mark) {
        if (enter_paragraph(mark)) return;
        const int open = innermost(mark.style);
        const bool top_matches = open >= 0 && (mark.style == MarkStyle::Double ||
                                               static_cast<std::size_t>(open) + 1 == stack.size());
        const bool closes = mark.role == Role::Close || (mark.role == Role::Either && open >= 0);
        if (closes) {
            if (!top_matches) return;  // a stray closer, or an apostrophe after s
            close(stack[static_cast<std::size_t>(open)], mark);
            stack.resize(static_cast<std::size_t>(open));
            return;
        }
        stack.push_back(Open{&mark, mark.paragraph});
    }
};

bool only_space(std::string_view text, const QuoteSpan& span) {
    for (std::size_t k = span.begin; k < span.end; ++k)
        if (text[k] != ' ' && text[k] != '\n' && text[k] != '\t' && text[k] != '\r') return false;
    return true;
}

}  // namespace

std::vector<QuoteSpan> find_quote_spans(std::string_view text) {
    const auto marks = collect_marks(text);
    Pairing pairing;
    for (const auto& mark : marks) pairing.feed(mark);
    auto spans = std::move(pairing.spans);
    std::sort(spans.begin(), spans.end(),
              [](const QuoteSpan& a, const QuoteSpan& b) { return a.open < b.open; });
    std::vector<QuoteSpan> outermost;
    for (const auto& span : spans) {
        if (!outermost.empty() && span.open < outermost.back().close_end) continue;
        if (only_space(text, span)) continue;
        outermost.push_back(span);
    }
    return outermost;
}

}  // namespace broadsheet::speakers
