// names.cpp — scanning person-name mentions and grouping them into the article's people.
#include "core/extract/speakers/names.h"

#include <algorithm>

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kMaxNameWords = 4;       // longer capitalised runs are not one person's name
constexpr std::size_t kMaxLeadContext = 6;     // title words looked for before a name
constexpr std::size_t kMaxAppositive = 10;     // ", chairman of the Eurasia Group,"
constexpr std::ptrdiff_t kRoleLookback = 400;  // mentions searched back for a role's holder

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
// ("Speaking", "Finally", "Hydrologist Rajinder Kaur Gill said").
bool looks_like_verb_or_adverb(std::string_view key) {
    return key.ends_with("ing") || key.ends_with("ly") || key.ends_with("ed") ||
           key.ends_with("ist");
}

void add_title(Mention& m, std::string_view key) {
    if (!is_title_word(key) || key == "of" || key == "the") return;
    m.titles.emplace_back(expand_title(key));
    if (is_personal_title(key)) m.titled = true;
    if (const auto g = title_gender(key); g != Gender::Unknown) m.gender = g;
}

// The words of a name as written; an initial keeps its dot ("R. Srinivasan").
std::string name_word(const Token& t) {
    return std::string(is_initial(t) ? t.text : t.stem);
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
            return is_name_word(tokens[k]) && !is_month_here(tokens, k) && !honorific_initial(k) &&
                   !(k == i && article_opens);
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

namespace {

// Whether the shorter name is a surname with its particle that ends the longer one: "Abu
// Hatab" in "Walid Abu Hatab". Other tails are not joined: in "Chefs Jamie Oliver" the extra
// word is a noun glued to the name, and the longer form must not become the person's name.
bool is_tail_of(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (shorter.size() >= longer.size() || !is_name_particle(ascii_lower(shorter.front())))
        return false;
    const std::size_t offset = longer.size() - shorter.size();
    for (std::size_t k = 0; k < shorter.size(); ++k)
        if (ascii_lower(shorter[k]) != ascii_lower(longer[offset + k])) return false;
    return true;
}

bool given_names_agree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() < 2 || b.size() < 2) return true;
    if (is_tail_of(a, b) || is_tail_of(b, a)) return true;
    const std::string fa = ascii_lower(a.front());
    const std::string fb = ascii_lower(b.front());
    if (fa == fb) return true;
    // "Tim Ortega" and "Timothy Ortega": a short form of the given name, with the same surname.
    constexpr std::size_t kShortGivenName = 3;
    if (fa.size() >= kShortGivenName && fb.size() >= kShortGivenName &&
        (fa.starts_with(fb) || fb.starts_with(fa)))
        return true;
    // "E. Trudeau" and "Elizabeth Trudeau"
    const bool initial_a = fa.size() == 2 && fa[1] == '.';
    const bool initial_b = fb.size() == 2 && fb[1] == '.';
    return (initial_a || initial_b) && fa[0] == fb[0];
}

// "Ellen Gille, née Fetter": the birth name's person ("Ellen Fetter", "Fetter said") is the
// same woman, so her mentions join the current name's person.
void join_birth_names(const std::vector<Token>& tokens, People& people) {
    std::vector<int> same_as(people.persons.size(), -1);
    for (const auto& m : people.mentions) {
        if (m.person < 0 || m.words.size() < 2) continue;
        std::size_t k = m.name_end;
        if (k < tokens.size() && (is_punct(tokens[k], ",") || is_punct(tokens[k], "("))) ++k;
        if (k + 1 >= tokens.size() || !is_word(tokens[k]) ||
            (tokens[k].key != "née" && tokens[k].key != "nee") || !is_word(tokens[k + 1]) ||
            !tokens[k + 1].capitalised)
            continue;
        const std::string birth = surname_key(tokens[k + 1].stem);
        const std::string given = ascii_lower(m.words.front());
        for (std::size_t p = 0; p < people.persons.size(); ++p) {
            const auto& words = people.persons[p].words;
            if (static_cast<int>(p) != m.person && surname_key(words.back()) == birth &&
                ascii_lower(words.front()) == given)
                same_as[p] = m.person;
        }
    }
    for (auto& m : people.mentions)
        if (m.person >= 0 && same_as[static_cast<std::size_t>(m.person)] >= 0)
            m.person = same_as[static_cast<std::size_t>(m.person)];
}

bool fuller(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    std::size_t la = 0, lb = 0;
    for (const auto& w : a) la += w.size();
    for (const auto& w : b) lb += w.size();
    return la > lb;
}

// Given names for a bare surname from a name the headline attributes speech to
// ("…, John Kerry Says After …" gives "Kerry said" its given name).
std::vector<std::string> headline_full_name(const std::vector<std::vector<std::string>>& names,
                                            std::string_view key) {
    for (const auto& words : names)
        if (words.size() >= 2 && surname_key(words.back()) == key) return words;
    return {};
}

// "Fussballfan Benjamin Ahrens" beside "Benjamin Ahrens", "Chefs Jamie Oliver" beside "Jamie
// Oliver": a name whose last two or more words are another person's whole name has a noun glued
// before it, so it is that person (by the shorter name). A surname particle ("Abu Hatab" in
// "Walid Abu Hatab") is the other way round and stays with is_tail_of.
void join_glued_words(std::vector<Mention>& mentions, std::vector<Person>& persons) {
    std::vector<int> same_as(persons.size(), -1);
    for (std::size_t p = 0; p < persons.size(); ++p) {
        const auto& longer = persons[p].words;
        if (longer.size() < 3) continue;
        for (std::size_t q = 0; q < persons.size() && same_as[p] < 0; ++q) {
            const auto& shorter = persons[q].words;
            if (q == p || shorter.size() < 2 || shorter.size() >= longer.size()) continue;
            // "P. Johnson" is a part of "Marsha P. Johnson", not a whole name of its own.
            if (is_name_particle(ascii_lower(shorter.front())) || shorter.front().ends_with('.'))
                continue;
            const std::size_t offset = longer.size() - shorter.size();
            bool tail = true;
            for (std::size_t k = 0; k < shorter.size() && tail; ++k)
                tail = ascii_lower(shorter[k]) == ascii_lower(longer[offset + k]);
            if (tail) same_as[p] = static_cast<int>(q);
        }
    }
    for (std::size_t p = 0; p < persons.size(); ++p)
        if (same_as[p] >= 0) persons[p].words = persons[static_cast<std::size_t>(same_as[p])].words;
    for (auto& m : mentions)
        if (m.person >= 0 && same_as[static_cast<std::size_t>(m.person)] >= 0)
            m.person = same_as[static_cast<std::size_t>(m.person)];
}

// "co-host Gayle King … “Really?” King asked": a surname that is also a title word makes no
// mention of its own, so once the article names someone with it in full, the word standing
// alone (not after an article, not before a name: "the King", "King Charles") is that person.
void add_title_surnames(const std::vector<Token>& tokens, People& people) {
    std::vector<std::pair<std::string, int>> surnames;  // title-word surname key → person
    for (std::size_t p = 0; p < people.persons.size(); ++p) {
        const auto& words = people.persons[p].words;
        if (words.size() >= 2 && is_title_word(ascii_lower(words.back())))
            surnames.emplace_back(ascii_lower(words.back()), static_cast<int>(p));
    }
    if (surnames.empty()) return;
    std::vector<bool> covered(tokens.size(), false);
    for (const auto& m : people.mentions)
        for (std::size_t t = m.first; t < m.name_end && t < tokens.size(); ++t) covered[t] = true;
    std::vector<Mention> added;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (covered[k] || !is_word(t) || !t.capitalised || t.abbreviation) continue;
        const auto it = std::find_if(surnames.begin(), surnames.end(),
                                     [&](const auto& s) { return s.first == t.key; });
        if (it == surnames.end()) continue;
        if (k > 0 && is_word(tokens[k - 1]) && tokens[k - 1].sentence == t.sentence &&
            (is_determiner(tokens[k - 1].key) || tokens[k - 1].capitalised))
            continue;
        if (k + 1 < tokens.size() && is_name_word(tokens[k + 1])) continue;
        Mention m;
        m.first = m.name_first = k;
        m.name_end = k + 1;
        m.words = {std::string(t.stem)};
        m.possessive = t.possessive;
        m.person = it->second;
        added.push_back(std::move(m));
    }
    if (added.empty()) return;
    people.mentions.insert(people.mentions.end(), added.begin(), added.end());
    std::stable_sort(people.mentions.begin(), people.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.first < b.first; });
}

}  // namespace

int People::mention_ending_at(std::size_t last) const {
    if (last >= mention_at.size() || mention_at[last] < 0) return -1;
    const int m = mention_at[last];
    return mentions[static_cast<std::size_t>(m)].name_end == last + 1 ? m : -1;
}

int People::person_with_role(std::string_view role, std::size_t before) const {
    // Mentions are in text order: start at the last one before `before`, and look back a
    // bounded distance so that a long text full of unmatched roles stays linear.
    const auto end = std::partition_point(mentions.begin(), mentions.end(),
                                          [&](const Mention& m) { return m.name_first < before; });
    const auto stop = end - std::min<std::ptrdiff_t>(end - mentions.begin(), kRoleLookback);
    for (auto it = std::make_reverse_iterator(end); it != std::make_reverse_iterator(stop); ++it) {
        if (it->person < 0) continue;
        const auto& titles = persons[static_cast<std::size_t>(it->person)].titles;
        for (const auto& title : titles)
            if (role_matches_title(role, title)) return it->person;
    }
    return -1;
}

People find_people(const std::vector<Token>& tokens,
                   const std::vector<std::vector<std::string>>& headline_names,
                   const NameHints& hints) {
    People people;
    people.mentions = scan_mentions(tokens);
    auto& persons = people.persons;
    auto& mentions = people.mentions;
    const auto adopt = [&](Mention& m, int p) {
        m.person = p;
        auto& person = persons[static_cast<std::size_t>(p)];
        for (const auto& t : m.titles)
            if (std::find(person.titles.begin(), person.titles.end(), t) == person.titles.end())
                person.titles.push_back(t);
        if (person.gender == Gender::Unknown) person.gender = m.gender;
    };
    // Each person's surname key, computed once: persons only grow at the back, and a fuller
    // form replaces a person's words only when its surname has the same key.
    std::vector<std::string> person_keys;
    const auto person_key = [&](std::size_t p) -> const std::string& {
        while (person_keys.size() < persons.size())
            person_keys.push_back(surname_key(persons[person_keys.size()].words.back()));
        return person_keys[p];
    };
    // Full names first, so bare surnames can find them wherever they appear.
    const auto joined = [](const std::vector<std::string>& words) {
        std::string out;
        for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
        return out;
    };
    for (auto& m : mentions) {
        if (m.words.size() < 2 || m.thing) continue;
        if (hints.organisation && hints.organisation(joined(m.words))) {
            m.words.clear();  // "Al Jazeera": an outlet, not a person
            continue;
        }
        const auto key = surname_key(m.words.back());
        int match = -1;
        for (std::size_t p = 0; p < persons.size(); ++p) {
            const auto& w = persons[p].words;
            if (w.size() >= 2 && person_key(p) == key && given_names_agree(w, m.words))
                match = static_cast<int>(p);
        }
        if (match < 0) {
            persons.push_back(Person{m.words, {}, Gender::Unknown});
            match = static_cast<int>(persons.size() - 1);
        } else if (fuller(m.words, persons[static_cast<std::size_t>(match)].words)) {
            persons[static_cast<std::size_t>(match)].words = m.words;
        }
        adopt(m, match);
    }
    join_glued_words(mentions, persons);
    // Bare surnames: the most recent person with that surname, else the first one later on.
    std::vector<std::size_t> last_seen(persons.size() + mentions.size(), 0);
    std::vector<bool> seen(last_seen.size(), false);
    for (auto& m : mentions) {
        if (m.words.empty() || m.thing) continue;
        if (m.words.size() >= 2) {
            last_seen[static_cast<std::size_t>(m.person)] = m.name_first;
            seen[static_cast<std::size_t>(m.person)] = true;
            continue;
        }
        const auto key = surname_key(m.words.front());
        int best = -1;
        for (std::size_t p = 0; p < persons.size(); ++p) {
            if (person_key(p) != key) continue;
            if (best < 0 || (seen[p] && (!seen[static_cast<std::size_t>(best)] ||
                                         last_seen[p] > last_seen[static_cast<std::size_t>(best)])))
                best = static_cast<int>(p);
        }
        if (best < 0) {
            // Family name first ("Liu Jianguo" … "Liu said"): match the first word instead.
            for (std::size_t p = 0; p < persons.size() && best < 0; ++p)
                if (persons[p].words.size() >= 2 && ascii_lower(persons[p].words.front()) == key)
                    best = static_cast<int>(p);
        }
        if (best < 0) {
            auto words = headline_full_name(headline_names, key);
            if (words.empty() &&
                (m.titled || (hints.known_person && hints.known_person(m.words.front()))))
                words = m.words;
            if (!words.empty()) {
                persons.push_back(Person{std::move(words), {}, Gender::Unknown});
                best = static_cast<int>(persons.size() - 1);
            }
        }
        if (best < 0) continue;
        adopt(m, best);
        last_seen[static_cast<std::size_t>(best)] = m.name_first;
        seen[static_cast<std::size_t>(best)] = true;
    }
    join_birth_names(tokens, people);
    add_title_surnames(tokens, people);
    people.mention_at.assign(tokens.size(), -1);
    for (std::size_t k = 0; k < mentions.size(); ++k)
        for (std::size_t t = mentions[k].first; t < mentions[k].name_end; ++t)
            people.mention_at[t] = static_cast<int>(k);
    return people;
}

}  // namespace broadsheet::speakers
