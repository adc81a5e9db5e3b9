// text_scan.cpp — UTF-8 decoding, character classes (ICU), paragraphs and the tokeniser.
#include "core/extract/speakers/text_scan.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/extract/speakers/quote_spans.h"

namespace broadsheet::speakers {

CodePoint decode_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return {0, 0};
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t size = 0;
    char32_t value = 0;
    if ((b0 & 0xE0) == 0xC0) {
        size = 2;
        value = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        size = 3;
        value = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        size = 4;
        value = b0 & 0x07;
    } else {
        return {0xFFFD, 1};
    }
    if (pos + size > text.size()) return {0xFFFD, 1};
    for (std::size_t i = 1; i < size; ++i) {
        const auto b = static_cast<unsigned char>(text[pos + i]);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (b & 0x3F);
    }
    return {value, size};
}

CodePoint decode_before(std::string_view text, std::size_t pos) {
    if (pos == 0 || pos > text.size()) return {0, 0};
    std::size_t start = pos - 1;
    // Walk back over at most three continuation bytes to the lead byte.
    while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    const auto cp = decode_at(text, start);
    if (start + cp.size == pos) return cp;
    return {0xFFFD, 1};
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const auto u = static_cast<UChar32>(c);
    return u_isalpha(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    const auto u = static_cast<UChar32>(c);
    return u_isupper(u) || u_istitle(u);
}

bool is_digit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_isdigit(static_cast<UChar32>(c));
}

bool is_space(char32_t c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    const auto u = static_cast<UChar32>(c);
    return u_isUWhiteSpace(u) || c == 0xA0 || c == 0x202F || c == 0xFEFF;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        char& c = out[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < out.size()) {
            // U+00C0..U+00DE (À … Þ, not ×) are UTF-8 C3 80..9E; their lowercase is C3 A0..BE.
            // "Über" at a sentence start must find the closed-class word "über".
            const auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97)
                out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

std::vector<std::size_t> paragraph_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '\n') {
            ++i;
            continue;
        }
        // Measure the run of line breaks and blanks that follows; two or more '\n' make a break.
        std::size_t j = i;
        int newlines = 0;
        while (j < text.size() &&
               (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t')) {
            if (text[j] == '\n') ++newlines;
            ++j;
        }
        if (newlines >= 2 && j < text.size()) starts.push_back(j);
        i = j;
    }
    return starts;
}

std::size_t paragraph_of(const std::vector<std::size_t>& starts, std::size_t pos) {
    const auto it = std::upper_bound(starts.begin(), starts.end(), pos);
    return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin() - 1);
}

Lexicon::Lexicon(std::initializer_list<std::string_view> words) : words_(words) {
    std::sort(words_.begin(), words_.end());
}

Lexicon::Lexicon(std::string_view words) {
    std::size_t start = 0;
    while (start < words.size()) {
        std::size_t end = words.find(' ', start);
        if (end == std::string_view::npos) end = words.size();
        if (end > start) words_.push_back(words.substr(start, end - start));
        start = end + 1;
    }
    std::sort(words_.begin(), words_.end());
}

bool Lexicon::contains(std::string_view key) const {
    return std::binary_search(words_.begin(), words_.end(), key);
}

bool is_word(const Token& t) {
    return t.kind == TokenKind::Word;
}

bool is_punct(const Token& t, std::string_view p) {
    return t.kind == TokenKind::Punct && t.text == p;
}

namespace {

// Abbreviations whose trailing '.' belongs to the word and does not end a sentence.
const Lexicon& abbreviations() {
    static const Lexicon words{
        "mr",   "mrs", "ms",   "dr",   "st",  "jr",   "sr",   "gen",    "sen", "rep", "gov",
        "lt",   "col", "capt", "sgt",  "maj", "adm",  "prof", "rev",    "hon", "jan", "feb",
        "apr",  "aug", "sep",  "sept", "oct", "nov",  "dec",  "no",     "vs",  "etc", "inc",
        "corp", "co",  "ltd",  "mt",   "ft",  "pres", "gens", "messrs", "mme", "mlle"};
    return words;
}

bool is_apostrophe_char(char32_t c) {
    return c == '\'' || c == 0x2019;
}

// The last character of a quote's text, skipping inner closing marks and spaces.
char32_t last_quoted_char(std::string_view text, const QuoteSpan& span) {
    std::size_t pos = span.end;
    while (pos > span.begin) {
        const auto cp = decode_before(text, pos);
        if (cp.value == '"' || cp.value == 0x201D || cp.value == 0x2019 || cp.value == '\'' ||
            cp.value == 0xBB || is_space(cp.value)) {
            pos -= cp.size;
            continue;
        }
        return cp.value;
    }
    return 0;
}

// A quote's text ends a sentence when its last character is terminal punctuation.
bool quote_ends_sentence(std::string_view text, const QuoteSpan& span) {
    const char32_t c = last_quoted_char(text, span);
    return c == '.' || c == '?' || c == '!' || c == 0x2026;
}

class Tokenizer {
  public:
    Tokenizer(std::string_view input, const std::vector<QuoteSpan>& quote_spans)
        : text(input), spans(quote_spans), paragraphs(paragraph_starts(input)) {}

    std::string_view text;
    const std::vector<QuoteSpan>& spans;
    std::vector<std::size_t> paragraphs;
    std::vector<Token> out;

    // Scans one word starting at `pos`; returns its end.
    std::size_t scan_word(std::size_t pos, Token& token) {
        std::size_t i = pos;
        std::size_t segment_letters = 0;  // letters since the last '.', to recognise "U.S."
        while (i < text.size()) {
            const auto cp = decode_at(text, i);
            if (is_letter(cp.value) || is_digit(cp.value)) {
                ++segment_letters;
                i += cp.size;
                continue;
            }
            const auto next = decode_at(text, i + cp.size);
            const bool next_alnum = is_letter(next.value) || is_digit(next.value);
            if ((cp.value == '-' || cp.value == 0x2010 || cp.value == 0x2011) && next_alnum) {
                segment_letters = 0;
                i += cp.size;
                continue;
            }
            if (is_apostrophe_char(cp.value) && is_letter(next.value)) {
                i += cp.size;
                continue;
            }
            if (cp.value == '.' && segment_letters == 1 && is_letter(next.value)) {
                segment_letters = 0;
                i += cp.size;
                continue;
            }
            break;
        }
        std::string_view word = text.substr(pos, i - pos);
        token.stem = word;
        // Possessive endings: ’s / 's inside the word, or a bare apostrophe after s (Rhodes').
        for (std::string_view suffix :
             {std::string_view("\xE2\x80\x99s"), std::string_view("'s")}) {
            if (word.size() > suffix.size() && word.ends_with(suffix)) {
                token.stem = word.substr(0, word.size() - suffix.size());
                token.possessive = true;
            }
        }
        if (!token.possessive && i < text.size() && (word.ends_with('s') || word.ends_with('S'))) {
            const auto cp = decode_at(text, i);
            const auto next = decode_at(text, i + cp.size);
            // Outermost spans do not overlap, so their ends are sorted too.
            const auto it =
                std::lower_bound(spans.begin(), spans.end(), i,
                                 [](const QuoteSpan& s, std::size_t at) { return s.end < at; });
            const bool is_mark = it != spans.end() && it->end == i;
            if (is_apostrophe_char(cp.value) && !is_letter(next.value) && !is_mark) {
                token.possessive = true;
                i += cp.size;
            }
        }
        // A trailing '.' after an initial or a known abbreviation belongs to the word.
        if (!token.possessive && i < text.size() && text[i] == '.') {
            const bool initial = segment_letters == 1;
            if (initial || abbreviations().contains(ascii_lower(word))) {
                token.abbreviation = true;
                ++i;
            }
        }
        token.text = text.substr(pos, i - pos);
        token.key = ascii_lower(token.stem);
        if (!token.key.empty() && token.key.back() == '.') token.key.pop_back();
        token.capitalised = is_upper(decode_at(text, pos).value);
        return i;
    }

    // The opening or closing mark of quote span `quote`, bytes [begin, end).
    Token quote_mark(TokenKind kind, std::size_t begin, std::size_t end, std::size_t quote) const {
        Token mark;
        mark.kind = kind;
        mark.begin = begin;
        mark.end = end;
        mark.text = text.substr(begin, end - begin);
        mark.quote = static_cast<int>(quote);
        return mark;
    }

    void push(Token token) {
        token.paragraph = paragraph_of(paragraphs, token.begin);
        out.push_back(std::move(token));
    }

    void run() {
        std::size_t next_span = 0;
        std::size_t i = 0;
        while (i < text.size()) {
            if (next_span < spans.size() && i >= spans[next_span].open) {
                const auto& span = spans[next_span];
                push(quote_mark(TokenKind::OpenQuote, span.open, span.begin, next_span));
                Token close =
                    quote_mark(TokenKind::CloseQuote, span.end, span.close_end, next_span);
                const char32_t last = last_quoted_char(text, span);
                close.punctuated = last == ',' || last == '.' || last == '?' || last == '!' ||
                                   last == 0x2026 || last == 0x2014 || last == 0x2013;
                push(std::move(close));
                i = span.close_end;
                ++next_span;
                continue;
            }
            const auto cp = decode_at(text, i);
            if (is_space(cp.value) || cp.value == 0xFFFD || cp.value < 0x20) {
                i += cp.size;
                continue;
            }
            Token token;
            token.begin = i;
            if (is_letter(cp.value) || is_digit(cp.value)) {
                token.kind = TokenKind::Word;
                token.end = scan_word(i, token);
            } else {
                token.kind = TokenKind::Punct;
                token.end = i + cp.size;
                token.text = text.substr(i, cp.size);
            }
            i = token.end;
            push(std::move(token));
        }
        number_sentences();
    }

    void number_sentences() {
        std::size_t sentence = 0;
        for (std::size_t k = 0; k < out.size(); ++k) {
            Token& t = out[k];
            if (k > 0 && t.paragraph != out[k - 1].paragraph) ++sentence;
            t.sentence = sentence;
            const bool next_capital =
                k + 1 < out.size() &&
                (out[k + 1].capitalised || out[k + 1].kind == TokenKind::OpenQuote);
            if (t.kind == TokenKind::Punct &&
                (t.text == "." || t.text == "?" || t.text == "!" || t.text == "\xE2\x80\xA6"))
                ++sentence;
            else if (t.kind == TokenKind::CloseQuote && next_capital &&
                     quote_ends_sentence(text, spans[static_cast<std::size_t>(t.quote)]))
                ++sentence;
        }
    }
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, const std::vector<QuoteSpan>& spans) {
    Tokenizer tokenizer(text, spans);
    tokenizer.run();
    return std::move(tokenizer.out);
}

}  // namespace broadsheet::speakers
