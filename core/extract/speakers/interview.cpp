// interview.cpp — speakers named by "Name: answer" paragraphs of interview transcripts.
#include "core/extract/speakers/interview.h"

#include <string>

#include "core/extract/speakers/lexicon.h"

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kMaxLabelWords = 4;   // "Mr Thomas W. Malone:"
constexpr std::size_t kMinAnswerWords = 8;  // a subheading "John Kerry: A Life" is shorter

bool opens_paragraph(const std::vector<Token>& tokens, std::size_t k) {
    return k == 0 || tokens[k - 1].paragraph != tokens[k].paragraph;
}

bool has_lowercase_letter(std::string_view stem) {
    for (std::size_t i = 0; i < stem.size();) {
        const auto cp = decode_at(stem, i);
        if (is_letter(cp.value) && !is_upper(cp.value)) return true;
        i += cp.size;
    }
    return false;
}

std::size_t words_after(const std::vector<Token>& tokens, std::size_t colon) {
    std::size_t n = 0;
    for (std::size_t k = colon + 1;
         k < tokens.size() && tokens[k].paragraph == tokens[colon].paragraph; ++k)
        n += is_word(tokens[k]) ? 1 : 0;
    return n;
}

// Whether the label mention's person has a mention in another paragraph.
bool named_elsewhere(const People& people, int label) {
    const auto& m = people.mentions[static_cast<std::size_t>(label)];
    for (const auto& other : people.mentions)
        if (other.person == m.person && &other != &m && other.first != m.first) return true;
    return false;
}

// The person a label in capitals names: every word of their name ("ALEXANDRIA DOUZIECH"), or
// their surname alone ("MALONE", after any honorific) when one person in the article has it.
int person_for_capitals(const std::vector<Token>& tokens, std::size_t first, std::size_t colon,
                        const People& people) {
    std::vector<std::string> keys;
    for (std::size_t k = first; k < colon; ++k) {
        if (has_lowercase_letter(tokens[k].stem)) return -1;
        if (keys.empty() && is_title_word(tokens[k].key)) continue;
        keys.push_back(tokens[k].key);
    }
    if (keys.empty()) return -1;
    int found = -1;
    for (std::size_t p = 0; p < people.persons.size(); ++p) {
        const auto& words = people.persons[p].words;
        bool same = words.size() == keys.size();
        for (std::size_t w = 0; same && w < words.size(); ++w)
            same = ascii_lower(words[w]) == keys[w];
        const bool surname = keys.size() == 1 && words.size() >= 2 &&
                             surname_key(words.back()) == surname_key(keys.front());
        if (!same && !surname) continue;
        if (found >= 0) return -1;  // two people answer to the label: neither is sure
        found = static_cast<int>(p);
    }
    return found;
}

}  // namespace

std::vector<int> interview_speakers(const std::vector<Token>& tokens, const People& people) {
    std::vector<int> out;
    for (std::size_t p = 0; p < tokens.size(); ++p) {
        if (!is_word(tokens[p]) || !tokens[p].capitalised || !opens_paragraph(tokens, p)) continue;
        std::size_t colon = p;
        while (colon < tokens.size() && colon - p <= kMaxLabelWords && is_word(tokens[colon]) &&
               tokens[colon].paragraph == tokens[p].paragraph)
            ++colon;
        if (colon == p || colon >= tokens.size() || colon - p > kMaxLabelWords ||
            !is_punct(tokens[colon], ":") || words_after(tokens, colon) < kMinAnswerWords)
            continue;
        // "Thomas Malone: …", "Mr Malone: …": a person's whole mention is the label, and the
        // article names them elsewhere with a title or honorific; a subheading ("Star Wars: …",
        // "Z-Score Threshold: …") is a capitalised run that nobody titles.
        if (const int m = people.mention_ending_at(colon - 1); m >= 0) {
            const auto& mention = people.mentions[static_cast<std::size_t>(m)];
            if (mention.first == p && mention.person >= 0 && !mention.possessive &&
                named_elsewhere(people, m) &&
                !people.persons[static_cast<std::size_t>(mention.person)].titles.empty()) {
                out.push_back(mention.person);
                continue;
            }
        }
        if (const int person = person_for_capitals(tokens, p, colon, people); person >= 0)
            out.push_back(person);
    }
    return out;
}

}  // namespace broadsheet::speakers
