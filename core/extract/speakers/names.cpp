// names.cpp — scanning person-name mentions: capitalised runs, their titles and appositives.
#include "core/extract/speakers/names.h"

#include <algorithm>

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kMaxNameWords = 4;    // longer capitalised runs are not one person's name
constexpr std::size_t kMaxLeadContext = 6;  // title words looked for before a name
constexpr std::size_t kMaxAppositive = 10;  // ", chairman of the Eurasia Group,"

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_initial(const Token& t) {
    return t.abbreviation && t.capitalised && t.key.size() == 1;
}

// All-caps words of two or more letters are acronyms (UN, ISIS, CEO), not names.
bool is_acronym(std::string_view stem) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < stem.size();) {
        const auto cp = decode_at(stem, i);
        if (is_letter(cp.value)) {
            if (!is_upper(cp.value)) return false;
            ++letters;
        }
        i += cp.size;
    }
    return letters >= 2;
}

// "KELLY Osbourne has blasted …": a lede set in capitals opens its paragraph with an all-caps
// given name before a name in ordinary case. Acronyms there stand before titles, places or
// lowercase words instead ("NASA Administrator", "FIFA World Cup", "BBC reported").
bool is_capitalised_lede_name(const std::vector<Token>& tokens, std::size_t k) {
    constexpr std::size_t kShortestLedeName = 3;
    const Token& t = tokens[k];
    if (!is_word(t) || !t.capitalised || !is_acronym(t.stem) || t.stem.size() < kShortestLedeName)
        return false;
    if (k > 0 && tokens[k - 1].paragraph == t.paragraph) return false;
    if (is_non_name_word(t.key) || is_title_word(t.key) || has_digit(t.stem)) return false;
    if (k + 1 >= tokens.size() || tokens[k + 1].sentence != t.sentence) return false;
    const Token& next = tokens[k + 1];
    return is_word(next) && next.capitalised && !is_acronym(next.stem) && !next.abbreviation &&
           !is_non_name_word(next.key) && !is_title_word(next.key);
}

bool is_month_here(const std::vector<Token>& tokens, std::size_t i) {
    if (!is_ambiguous_month(tokens[i].key)) return false;
    const auto numeric = [&](std::size_t k) {
        return k < tokens.size() && is_word(tokens[k]) && has_digit(tokens[k].key);
    };
    if (numeric(i + 1) || (i > 0 && numeric(i - 1))) return true;
    if (i == 0) return false;
    static const Lexicon before{"in",   "on",   "since", "until", "by",   "early",   "late", "mid",
                                "last", "next", "this",  "of",    "from", "through", "till"};
    return before.contains(tokens[i - 1].key);
}

// May the run of capitalised words continue with token i?
bool continues_run(const std::vector<Token>& tokens, std::size_t i, std::size_t run_first) {
    const Token& t = tokens[i];
    if (!is_word(t) || t.paragraph != tokens[run_first].paragraph) return false;
    if (t.capitalised || has_particle_prefix(t.stem)) return true;
    const bool next_capital =
        i + 1 < tokens.size() && is_word(tokens[i + 1]) && tokens[i + 1].capitalised;
    if (i > run_first && is_name_particle(t.key) && next_capital) return true;
    // "Secretary of State": "of" joins two title words.
    return i > run_first && t.key == "of" && next_capital && is_title_word(tokens[i - 1].key);
}

bool is_german_article(std::string_view key) {
    static const Lexicon words("der die das des dem den ein eine einem einen einer eines");
    return words.contains(key);
}

// "Eawag-Umweltchemiker", "Instrumentalistinnen": a word (or its part after the last hyphen)
// of more letters than given names have is a German compound noun.
bool is_long_compound(std::string_view stem) {
    constexpr std::size_t kLongestGivenName = 11;
    const auto hyphen = stem.rfind('-');
    const std::string_view part = hyphen == std::string_view::npos ? stem : stem.substr(hyphen + 1);
    std::size_t letters = 0;
    for (std::size_t i = 0; i < part.size();) {
        const auto cp = decode_at(part, i);
        letters += is_letter(cp.value) ? 1 : 0;
        i += cp.size;
    }
    return letters > kLongestGivenName;
}

bool sentence_initial(const std::vector<Token>& tokens, std::size_t i) {
    return i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
}

// Sentence-opening words that are not given names: participles, adverbs, and job nouns in -ist
// ("Speaking", "Finally", "Hydrologist Rajinder Kaur Gill said"). Given names in -ly are short
// ("Kelly", "Emily", "Molly"); the adverbs that open a sentence without a comma are longer.
bool looks_like_verb_or_adverb(std::string_view key) {
    constexpr std::size_t kShortestLyAdverb = 6;
    return key.ends_with("ing") || (key.ends_with("ly") && key.size() >= kShortestLyAdverb) ||
           key.ends_with("ed") || key.ends_with("ist");
}

void add_title(Mention& m, std::string_view key) {
    if (!is_title_word(key) || key == "of" || key == "the") return;
    m.titles.emplace_back(expand_title(key));
    if (is_personal_title(key)) m.titled = true;
    if (const auto g = title_gender(key); g != Gender::Unknown) m.gender = g;
}

// The words of a name as written; an initial keeps its dot ("R. Srinivasan"), and a name set
// in capitals takes ordinary case ("KELLY" is "Kelly").
std::string name_word(const Token& t) {
    if (is_initial(t)) return std::string(t.text);
    if (!is_acronym(t.stem)) return std::string(t.stem);
    const std::size_t first = decode_at(t.stem, 0).size;
    return std::string(t.stem.substr(0, first)) + ascii_lower(t.stem.substr(first));
}

// Title words before the run: "State Department spokesman Mark Toner".
void collect_lead(const std::vector<Token>& tokens, Mention& m) {
    std::size_t k = m.first;
    for (std::size_t steps = 0; k > 0 && steps < kMaxLeadContext; ++steps) {
        const Token& t = tokens[k - 1];
        if (!is_word(t) || t.sentence != tokens[m.first].sentence) break;
        const bool modifier = is_title_word(t.key) || (t.capitalised && is_non_name_word(t.key));
        if (!modifier || is_determiner(t.key)) break;
        add_title(m, t.key);
        --k;
    }
}

// Appositives: "Cliff Kupchan, chairman of the Eurasia Group" and "The UN special envoy for
// Syria, Staffan de Mistura,".
void collect_appositives(const std::vector<Token>& tokens, Mention& m) {
    std::size_t k = m.name_end;
    if (k + 1 < tokens.size() && is_punct(tokens[k], ",")) {
        std::size_t a = k + 1;
        if (a < tokens.size() && is_determiner(tokens[a].key)) ++a;
        if (a < tokens.size() && is_word(tokens[a]) && !tokens[a].capitalised &&
            is_title_word(tokens[a].key)) {
            // An appositive is a noun phrase closed by punctuation; "Laos, the official warned"
            // is a new clause whose subject has nothing to do with the name before it.
            std::size_t e = a;
            bool clause = false;
            while (e < tokens.size() && is_word(tokens[e]) && e - a < kMaxAppositive) {
                clause = clause || cue_for(tokens[e].key).has_value();
                ++e;
            }
            const bool closed =
                e < tokens.size() && !is_word(tokens[e]) && tokens[e].kind == TokenKind::Punct;
            if (closed && !clause)
                for (std::size_t t = a; t < e; ++t) add_title(m, tokens[t].key);
        }
    }
    if (m.first >= 2 && is_punct(tokens[m.first - 1], ",")) {
        std::size_t b = m.first - 1;
        std::vector<std::string_view> keys;
        while (b > 0 && m.first - b < kMaxAppositive && is_word(tokens[b - 1]) &&
               tokens[b - 1].sentence == tokens[m.first].sentence) {
            --b;
            keys.push_back(tokens[b].key);
        }
        const bool definite = !keys.empty() && keys.back() == "the";
        const bool bounded = b == 0 || tokens[b - 1].sentence != tokens[m.first].sentence ||
                             is_punct(tokens[b - 1], ",");
        if (definite && bounded)
            for (auto key : keys) add_title(m, key);
    }
}

// Prepositions after which a capitalised run is a place or an organisation: people are not
// "in" or "near" anyone.
bool is_locative(std::string_view key) {
    return key == "in" || key == "at" || key == "near" || key == "across" || key == "throughout" ||
           key == "inside" || key == "outside";
}

// Whether the context makes the run [name_first, words_end) a thing rather than a person: a
// law's tail ("the Data Retention Bill"), an article right before the name ("the National
// Weather Service", "The Quick Setup Guide") or before capitalised words that are never part of
// a name ("The Great Big Lie"), or a place preposition, also through "and"/"or"
// ("prosecutors in San Francisco and Los Angeles"). A possessive name keeps its person.
bool names_a_thing(const std::vector<Token>& tokens, std::size_t run_first, std::size_t name_first,
                   std::size_t words_end, const std::vector<Mention>& earlier) {
    if (words_end - name_first >= 2 && is_thing_tail(tokens[words_end - 1].key)) return true;
    if (tokens[words_end - 1].possessive) return false;
    // "a CBS News Battleground Tracker poll", "the Biden administration said": the name
    // modifies the lowercase noun after it, which is what speaks.
    if (words_end < tokens.size() && is_word(tokens[words_end]) && !tokens[words_end].capitalised &&
        tokens[words_end].sentence == tokens[words_end - 1].sentence &&
        is_thing_head(tokens[words_end].key))
        return true;
    if (name_first == 0) return false;
    const Token& before = tokens[name_first - 1];
    if (!is_word(before) || before.sentence != tokens[name_first].sentence) return false;
    if (before.key == "the" || before.key == "a" || before.key == "an") return true;
    // "The International Trade Secretary insists", "the pushers of The Great Big Lie say": an
    // article before capitalised words that cannot be part of a name makes the name after them
    // a thing's name. A title ("the US Secretary of State John Kerry") or a possessive ("the
    // Post's Bob Woodward") between them keeps the person.
    {
        std::size_t k = name_first;
        while (k > 0 && is_word(tokens[k - 1]) && tokens[k - 1].capitalised &&
               !tokens[k - 1].possessive && tokens[k - 1].key != "the" &&
               is_non_name_word(tokens[k - 1].key) && !is_title_word(tokens[k - 1].key))
            --k;
        if (k > 0 && k < name_first && (tokens[k - 1].key == "the" || tokens[k - 1].key == "a"))
            return true;
    }
    if (name_first != run_first) return false;
    if (is_locative(before.key)) return true;
    // "the Alliance of Motion Picture and Television Producers": the capitalised words after a
    // capitalised head and "of" belong to the organisation.
    if (before.key == "of" && name_first >= 2 && is_word(tokens[name_first - 2]) &&
        tokens[name_first - 2].capitalised && !is_title_word(tokens[name_first - 2].key))
        return true;
    return (before.key == "and" || before.key == "or") && !earlier.empty() &&
           earlier.back().thing && earlier.back().name_end + 1 == name_first;
}

}  // namespace

std::string Person::name() const {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

std::string surname_key(std::string_view word) {
    // "O’Brien" and "O'Brien" are one surname. Built by appending rather than with
    // std::string::replace, which trips GCC 12's -Wrestrict false positive at -O2.
    const std::string lowered = ascii_lower(word);
    const std::string_view apostrophe = "\xE2\x80\x99";
    std::string key;
    key.reserve(lowered.size());
    for (std::size_t i = 0; i < lowered.size();) {
        if (std::string_view(lowered).substr(i, apostrophe.size()) == apostrophe) {
            key += '\'';
            i += apostrophe.size();
        } else {
            key += lowered[i++];
        }
    }
    if (has_particle_prefix(word)) key.erase(0, key.find('-') + 1);
    if (!key.empty() && key.back() == '.') key.pop_back();
    return key;
}

bool is_name_word(const Token& t) {
    if (!is_word(t) || has_digit(t.stem)) return false;
    if (is_initial(t)) return true;
    if (t.abbreviation || t.stem.find('.') != std::string_view::npos) return false;
    if (!t.capitalised && !has_particle_prefix(t.stem)) return false;
    if (is_acronym(t.stem)) return false;
    return !is_non_name_word(t.key) && !is_title_word(t.key) && !has_common_noun_ending(t.key);
}

std::vector<Mention> scan_mentions(const std::vector<Token>& tokens) {
    std::vector<Mention> mentions;
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (!is_word(tokens[i]) ||
            !(tokens[i].capitalised || has_particle_prefix(tokens[i].stem))) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < tokens.size() && !tokens[j - 1].possessive && continues_run(tokens, j, i)) ++j;
        // A generational suffix ends the name but stays in the mention: "Martin Luther King Jr."
        std::size_t words_end = j;
        while (words_end > i + 1 && is_generational_suffix(tokens[words_end - 1].key)) --words_end;
        // The name is what follows the last word that cannot be part of one; a title word
        // inside a started name is a surname ("John Major", "Martin Luther King").
        std::size_t name_first = i;
        bool started = false;
        // "M. Caldwell": French "Monsieur" opening a run of one more word is a title, not the
        // initial of a given name ("John M. Smith" keeps its initial inside the run).
        const auto honorific_initial = [&](std::size_t k) {
            return k == i && words_end == i + 2 && is_initial(tokens[k]) && tokens[k].key == "m";
        };
        // "La Turchia ha detto", "Lo Yad Vashem": an article opening the run is no given name
        // ("Le Pen said" keeps the surname, which joins "Marine Le Pen").
        const bool article_opens = words_end > i + 1 && is_romance_article(tokens[i].key);
        const auto name_like_at = [&](std::size_t k) {
            return (is_name_word(tokens[k]) || is_capitalised_lede_name(tokens, k)) &&
                   !is_month_here(tokens, k) && !honorific_initial(k) && !(k == i && article_opens);
        };
        for (std::size_t k = i; k < words_end; ++k) {
            // "van der Bellen"; capitalised only inside a started name ("Van Den Hoek"), since
            // a capitalised "Der", "Den" at a sentence start is a German article.
            // German and Italian articles and prepositions join a name only after another
            // particle ("von der Leyen", "van den Berg"): "Umgang der Politik", "Striscia di
            // Gaza" are nouns.
            const bool article_particle = is_article_particle(tokens[k].key) &&
                                          !(k > i && is_name_particle(tokens[k - 1].key));
            const bool particle = k > i && is_name_particle(tokens[k].key) &&
                                  (!tokens[k].capitalised || started) && !article_particle;
            const bool name_like = name_like_at(k);
            // ... but a title followed by more name words titles them: "Industry Minister X Y".
            const bool inner_title = started && k + 1 == words_end && tokens[k].capitalised &&
                                     !tokens[k].abbreviation && is_title_word(tokens[k].key) &&
                                     !is_non_name_word(tokens[k].key);
            if (!particle && !name_like && !inner_title) {
                name_first = k + 1;
                started = false;
            } else if (name_like) {
                started = true;
            }
        }
        while (name_first < words_end && !tokens[name_first].capitalised) ++name_first;
        if (name_first < words_end && sentence_initial(tokens, name_first) &&
            name_first + 1 < words_end && looks_like_verb_or_adverb(tokens[name_first].key))
            ++name_first;  // "Speaking Kerry" is not a name; "Standing" opens the sentence
        // "Dean of Liverpool", "Secretary of Health Ann Smith": the word after "of" names a
        // place or portfolio, not the person.
        if (name_first < words_end && name_first > i && tokens[name_first - 1].key == "of")
            ++name_first;
        // "Minister for Housing Eoin Brady", "Attorney for the District of Massachusetts Joshua
        // Levy", "la ministre des Sports Laura Flessel": the portfolio or place precedes the name.
        if (name_first == i && words_end - name_first > 2 && i >= 2 &&
            (tokens[i - 1].key == "for" || tokens[i - 1].key == "of" ||
             tokens[i - 1].key == "des" || tokens[i - 1].key == "du") &&
            (is_title_word(tokens[i - 2].key) || tokens[i - 2].capitalised))
            name_first = words_end - 2;
        // "Der Norweger Marius Lindvik", "des Humoristen Loriot": after a German article the
        // first capitalised word is a noun; "Eawag-Umweltchemiker Thomas Hofstetter": a
        // compound longer than any given name is one too.
        if (words_end - name_first >= 2 && name_first > 0 && is_word(tokens[name_first - 1]) &&
            is_german_article(tokens[name_first - 1].key))
            ++name_first;
        for (std::size_t k = name_first; k + 2 <= words_end; ++k)
            if (is_long_compound(tokens[k].stem)) name_first = k + 1;
        while (name_first < words_end && !tokens[name_first].capitalised) ++name_first;
        // "Enter Stuart R. Kaplan": a middle initial follows exactly one given name.
        for (std::size_t k = name_first + 2; k + 1 < words_end; ++k) {
            if (!is_initial(tokens[k])) continue;
            name_first = k - 1;
            break;
        }
        if (name_first < words_end && words_end - name_first <= kMaxNameWords &&
            !is_initial(tokens[words_end - 1])) {
            Mention m;
            m.first = i;
            m.name_first = name_first;
            m.name_end = j;
            for (std::size_t k = name_first; k < words_end; ++k)
                m.words.push_back(name_word(tokens[k]));
            for (std::size_t k = i; k < name_first; ++k) add_title(m, tokens[k].key);
            m.possessive = tokens[j - 1].possessive;
            m.thing = names_a_thing(tokens, i, name_first, words_end, mentions) ||
                      (article_opens && name_first == i + 1 && words_end - name_first >= 2);
            collect_lead(tokens, m);
            collect_appositives(tokens, m);
            mentions.push_back(std::move(m));
        }
        i = j;
    }
    return mentions;
}

}  // namespace broadsheet::speakers
