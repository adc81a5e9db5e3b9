// people.cpp — grouping name mentions into the article's people: full names, surnames,
// birth names, glued nouns and title-word surnames, and the holders of roles.
#include <algorithm>

#include "core/extract/speakers/names.h"

namespace broadsheet::speakers {
namespace {

constexpr std::ptrdiff_t kRoleLookback = 400;  // mentions searched back for a role's holder

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
