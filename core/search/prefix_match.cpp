// prefix_match.cpp — case folding and word-start matching over UTF-8 with Xapian's Unicode
// tables (no locale, no regex).
#include "core/search/prefix_match.h"

#include <xapian.h>

namespace broadsheet {

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

bool word_starts_with(std::string_view text, std::string_view folded_prefix) {
    if (folded_prefix.empty()) return true;
    const std::string folded = fold_case(text);
    const std::string_view haystack(folded);
    if (haystack.starts_with(folded_prefix)) return true;
    bool previous_is_word = true;  // the start itself was checked above
    for (Xapian::Utf8Iterator it(folded); it != Xapian::Utf8Iterator(); ++it) {
        const bool is_word = Xapian::Unicode::is_wordchar(*it);
        if (is_word && !previous_is_word) {
            const auto at = static_cast<std::size_t>(it.raw() - folded.data());
            if (haystack.substr(at).starts_with(folded_prefix)) return true;
        }
        previous_is_word = is_word;
    }
    return false;
}

}  // namespace broadsheet
