// headline.cpp — name-shaped speakers in a headline (colon lead or "Name Says").
#include "core/extract/speakers/headline.h"

#include "core/extract/speakers/lexicon.h"
#include "core/extract/speakers/names.h"

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kMaxLeadTokens = 6;  // "U.S. Secretary of State John Kerry:"
constexpr std::size_t kMaxNameWords = 3;

bool is_headline_speech_verb(std::string_view key) {
    return key == "says" || key == "said" || key == "warns" || key == "tells" || key == "urges" ||
           key == "claims" || key == "insists" || key == "admits" || key == "vows" ||
           key == "declares" || key == "argues" || key == "stresses" || key == "suggests";
}

}  // namespace

std::vector<HeadlineSpeaker> headline_speakers(const std::vector<Token>& headline) {
    std::vector<HeadlineSpeaker> out;
    // "Name: …" — every token before the colon is a title word or part of the name.
    for (std::size_t c = 1; c < headline.size() && c <= kMaxLeadTokens; ++c) {
        if (!is_punct(headline[c], ":")) continue;
        std::size_t first = c;
        while (first > 0 && is_name_word(headline[first - 1]) && c - first < kMaxNameWords) --first;
        bool only_titles = true;
        for (std::size_t k = 0; k < first; ++k)
            only_titles = only_titles && is_word(headline[k]) && is_title_word(headline[k].key);
        if (first < c && only_titles) {
            HeadlineSpeaker s;
            s.leads = true;
            for (std::size_t k = first; k < c; ++k) s.words.emplace_back(headline[k].stem);
            out.push_back(std::move(s));
        }
        break;
    }
    // "…, Name Says …"
    for (std::size_t v = 1; v < headline.size(); ++v) {
        if (!is_word(headline[v]) || !is_headline_speech_verb(headline[v].key)) continue;
        std::size_t first = v;
        while (first > 0 && is_name_word(headline[first - 1]) && v - first < kMaxNameWords &&
               !headline[first - 1].possessive)
            --first;
        if (first == v) continue;
        HeadlineSpeaker s;
        for (std::size_t k = first; k < v; ++k) s.words.emplace_back(headline[k].stem);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace broadsheet::speakers
