// names.h — person-name mentions in tokenised text and their grouping into the article's people,
// each known by the fullest name the article gives.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/speakers/lexicon.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {

// One place where the text names someone: "U.S. Secretary of State John Kerry", "Mr Putin",
// "Kerry". Title words belong to the mention but not to the name.
struct Mention {
    std::size_t first = 0;            // first token, title words included
    std::size_t name_first = 0;       // first token of the name proper
    std::size_t name_end = 0;         // one past its last token
    std::vector<std::string> words;   // the name's words ("John", "Kerry")
    std::vector<std::string> titles;  // lowercase title words attached to it ("secretary")
    Gender gender = Gender::Unknown;
    bool titled = false;      // an honorific or job title is attached ("Mr Putin")
    bool possessive = false;  // "Putin’s spokesman": the name is a modifier, not the subject
    bool thing = false;       // a place, law or organisation by its context ("in Los Angeles",
                              // "the Data Retention Bill"): never a person
    int person = -1;          // index into People::persons; -1 when it names no person
};

struct Person {
    std::vector<std::string> words;   // the fullest form of the name in the article
    std::vector<std::string> titles;  // every title the article attaches to the person
    Gender gender = Gender::Unknown;
    std::string name() const;  // words joined by spaces
};

struct People {
    std::vector<Mention> mentions;  // in text order
    std::vector<Person> persons;
    std::vector<int> mention_at;  // per token: the mention covering it, or -1

    // The mention whose name ends exactly at token `last`, or -1.
    int mention_ending_at(std::size_t last) const;
    // Person whose latest mention precedes token `before` and carries a title matching `role`
    // ("minister" → "Foreign Minister Sergei Lavrov"); -1 when the article links none.
    int person_with_role(std::string_view role, std::size_t before) const;
};

// Capitalised-run scanner: a run of name-shaped words after any title words, with honorifics,
// job titles, demonyms and organisation words stripped. Single words are kept as candidates;
// find_people() decides whether they name anyone.
std::vector<Mention> scan_mentions(const std::vector<Token>& tokens);

// Groups mentions into people: full names merge when surname and given names agree (the
// fullest form wins); a bare surname joins the most recent person with that surname (so two
// people sharing a surname stay apart). A bare surname nobody in the body carries takes its
// given names from a headline speaker (`headline_names`, from headline_speakers(): "John Kerry
// Says …"); otherwise it names a person only with
// an attached title ("Mr Smith") or when the hints know it.
// Outside knowledge from the operator's tables. Either may be empty.
struct NameHints {
    // A bare word that names a known person ("Obama" in the alias table): "Obama also noted …"
    // then names a person even when the article gives no full name.
    std::function<bool(std::string_view)> known_person;
    // A name that is an organisation ("Al Jazeera" in the outlet registry), never a person.
    std::function<bool(std::string_view)> organisation;
};
People find_people(const std::vector<Token>& tokens,
                   const std::vector<std::vector<std::string>>& headline_names,
                   const NameHints& hints);

// Lowercased surname for matching: "al-Assad" and "Assad" agree.
std::string surname_key(std::string_view word);

// True for a word that can be part of a person's name ("Kerry", "al-Assad", "K.").
bool is_name_word(const Token& token);

}  // namespace broadsheet::speakers
