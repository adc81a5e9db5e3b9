// text_util.h — small UTF-8 and ASCII string helpers shared by the extraction steps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::text {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);  // ASCII letters only; UTF-8 bytes pass through
bool starts_with_ci(std::string_view s, std::string_view prefix);
bool ends_with_ci(std::string_view s, std::string_view suffix);
bool contains_ci(std::string_view haystack, std::string_view needle);
// Position of `needle` in `haystack` ignoring ASCII case, or npos.
std::size_t find_ci(std::string_view haystack, std::string_view needle, std::size_t from = 0);

bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);
bool is_ascii_upper(char c);
bool is_ascii_lower(char c);

// Decodes the code point starting at s[i] and advances i; invalid bytes yield U+FFFD and
// advance by one, so the caller never loops forever on bad input.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);

// Unicode spaces (NBSP, thin space, ideographic space ...) become ' ', zero-width characters
// and soft hyphens vanish, runs of spaces and tabs collapse to one, ends are trimmed.
std::string clean_inline(std::string_view s);

// Splits on '\n' (the decoder has already turned CRLF into LF). Keeps empty lines.
std::vector<std::string_view> split_lines(std::string_view s);
// Splits `s` on `sep`, trims each piece, drops empty pieces.
std::vector<std::string> split_trimmed(std::string_view s, char sep);

// Space-separated words; each Han ideograph or kana counts as a word of its own.
std::size_t count_words(std::string_view s);
// Typographic quote marks and apostrophes mapped to ASCII, for comparisons only.
std::string fold_quotes(std::string_view s);

// True when the text (after trimming) is wrapped in one kind of quotation marks.
bool starts_with_quote_mark(std::string_view s);

// Decodes HTML character references left in exported text: "&amp;" → "&", "&#8217;" → "’",
// "&rsquo;" → "’", "&nbsp;" → U+00A0. Unknown names are kept as written.
std::string decode_entities(std::string_view s);

// Whole-word, case-sensitive search: `word` must not be flanked by letters or digits.
bool contains_word(std::string_view haystack, std::string_view word);

}  // namespace broadsheet::text
