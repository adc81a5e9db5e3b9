// text_scan.h — UTF-8 code points, paragraphs and the word/punctuation tokens that speaker
// analysis scans (quote interiors are not tokenised: nothing inside a quote attributes it).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::speakers {

struct QuoteSpan;

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 0;  // bytes; invalid UTF-8 reads as U+FFFD of size 1, so scans advance
};

CodePoint decode_at(std::string_view text, std::size_t pos);
// The code point that ends just before `pos`; {0, 0} at the start of the text.
CodePoint decode_before(std::string_view text, std::size_t pos);

bool is_letter(char32_t c);  // any Unicode letter or combining mark
bool is_upper(char32_t c);
bool is_digit(char32_t c);
bool is_space(char32_t c);  // Unicode white space, including NBSP

// Lowercases the ASCII and Latin-1 capitals of `s` ("Über" → "über"); other UTF-8 passes through.
std::string ascii_lower(std::string_view s);

// Byte offsets where paragraphs start: 0, then after every run of line breaks that contains a
// blank line ("\n\n", "\n  \n", "\r\n\r\n").
std::vector<std::size_t> paragraph_starts(std::string_view text);
// Index of the paragraph containing byte `pos`.
std::size_t paragraph_of(const std::vector<std::size_t>& starts, std::size_t pos);

enum class TokenKind {
    Word,        // letters/digits with inner hyphens, apostrophes and abbreviation dots
    Punct,       // one punctuation code point
    OpenQuote,   // the opening mark of an outermost quotation
    CloseQuote,  // its closing mark
};

struct Token {
    TokenKind kind = TokenKind::Punct;
    std::size_t begin = 0;  // byte range in the scanned text
    std::size_t end = 0;
    std::string_view text;  // the token's bytes
    std::string_view stem;  // Word: without a possessive ending ("Kerry’s" → "Kerry")
    std::string key;  // lowercased stem (ascii_lower) without a trailing '.', for lexicon lookups
    bool capitalised = false;   // Word whose first letter is uppercase
    bool possessive = false;    // Word that ended in ’s / 's / s'
    bool abbreviation = false;  // Word ending in a '.' that does not end the sentence
    std::size_t paragraph = 0;
    std::size_t sentence = 0;
    int quote = -1;           // OpenQuote/CloseQuote: index of their QuoteSpan
    bool punctuated = false;  // CloseQuote: the quoted text ends in , . ? ! … or a dash
};

// Tokenises `text` outside the given outermost quote spans; each span contributes exactly one
// OpenQuote and one CloseQuote token. Sentence numbers rise at '.', '?', '!' (not after an
// abbreviation), after a quote whose text ends a sentence, and at every paragraph break.
std::vector<Token> tokenize(std::string_view text, const std::vector<QuoteSpan>& spans);

// A fixed set of lowercase words, sorted once, looked up by binary search.
class Lexicon {
  public:
    Lexicon(std::initializer_list<std::string_view> words);
    // Words separated by single spaces; `words` must outlive the lexicon (a string literal).
    explicit Lexicon(std::string_view words);
    bool contains(std::string_view key) const;

  private:
    std::vector<std::string_view> words_;
};

bool is_word(const Token& t);
bool is_punct(const Token& t, std::string_view p);

}  // namespace broadsheet::speakers
