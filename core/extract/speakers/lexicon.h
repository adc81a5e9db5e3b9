// lexicon.h — the word lists speaker analysis relies on: titles, role nouns, capitalised words
// that are never names, name particles, pronouns and speech cues. All keys are lowercase.
#pragma once

#include <optional>
#include <string_view>

namespace broadsheet::speakers {

enum class Gender { Unknown, Male, Female };

// Honorifics and job titles stripped from names ("Mr", "Foreign Minister", "spokeswoman").
bool is_title_word(std::string_view key);
// Honorifics and job titles that mark the word next to them as a person's name ("Mr", "Sen",
// "spokeswoman", "minister"); narrower than is_title_word, which also strips "of", "state" ...
bool is_personal_title(std::string_view key);
// The full form of an abbreviated title ("gov" → "governor"), so "the governor" finds "Gov. X".
std::string_view expand_title(std::string_view key);
// Head nouns of role phrases that can stand for a named person ("the minister said").
bool is_role_noun(std::string_view key);
// Capitalised words that are never part of a person's name: function words, days, months,
// demonyms, and the words that make organisations and places ("State", "House", "Group").
bool is_non_name_word(std::string_view key);
// Month names and abbreviations that are also names ("May", "June", "Mar"): a month only next
// to a number or after "in", "since" ...
bool is_ambiguous_month(std::string_view key);
// Words that end the name of a document or thing but are given names elsewhere: "the Data
// Retention Bill" names a law, "Bill Shorten" a person.
bool is_thing_tail(std::string_view key);
// Lowercase nouns a capitalised name can modify, which then speak instead of a person: "the
// Biden administration said", "a CBS News Battleground Tracker poll", "the Ortega family".
bool is_thing_head(std::string_view key);
// German noun and adjective endings that no name has ("-heit", "-ische", "-ungen"): a word so
// ending is never part of a person's name.
bool has_common_noun_ending(std::string_view key);
// Romance articles that open a capitalised run ("La Turchia", "Le Hamas") but are also the
// particles of surnames ("Marine Le Pen", "Ignazio La Russa").
bool is_romance_article(std::string_view key);
// Name particles that are also articles or prepositions ("der", "di"): inside a name only
// after another particle ("von der Leyen").
bool is_article_particle(std::string_view key);
// "Jr", "Sr", "II", "III": after a name, not part of the canonical form.
bool is_generational_suffix(std::string_view key);
// Nouns for an anonymous-looking person that still refer back to the paragraph's subject:
// "the 45-year-old", "the woman", "the father of two".
bool is_generic_person_noun(std::string_view key);
// Lowercase connectors inside names ("de" Mistura, "van" Rompuy, "bin" Salman).
bool is_name_particle(std::string_view key);
// "al-Assad", "el-Sisi": a lowercase article glued to a capitalised name.
bool has_particle_prefix(std::string_view word);

// he/him → Male, she/her → Female; other words → nullopt.
std::optional<Gender> pronoun_gender(std::string_view key);
// Words that refer to people but never to one identifiable speaker ("they", "we", "i", "who").
bool is_other_pronoun(std::string_view key);
// Gender implied by a title ("Mrs", "spokeswoman" → Female; "Mr", "chairman" → Male).
Gender title_gender(std::string_view key);
// Whether a role noun ("official", "minister") can refer to a person carrying `title`.
bool role_matches_title(std::string_view role, std::string_view title);

// Adverbs and auxiliaries allowed between a subject and its verb ("Kerry also said",
// "Putin has repeatedly said").
bool is_verb_filler(std::string_view key);
// French and Italian auxiliaries and adverbs between a subject and a speech verb ("Fabius a
// ajouté", "avait annoncé", "ha detto"); nothing before an English verb.
bool is_auxiliary_for(std::string_view word, std::string_view verb);
// Words that open an introductory phrase ending in a comma ("On Tuesday, ...", "However, ...").
bool is_clause_opener(std::string_view key);
bool is_determiner(std::string_view key);  // the, a, an, this, another ...

enum class CueForm {
    Finite,      // said, told, warned ... (the subject is next to it)
    Participle,  // saying, calling, joking ... (the subject is the clause's)
    According,   // "according to X"
};

struct Cue {
    CueForm form = CueForm::Finite;
    bool reports_speech = true;  // also marks reported speech without quotation marks
    double strength = 1.0;       // how surely the verb introduces words someone said
};

// Speech verbs with other common senses ("added a goal", "claimed the title", "wrote a book"):
// they report speech without quotation marks only when a clause follows ("added that …").
bool needs_clause_to_report(std::string_view key);

// The speech cue a word is, if any ("said" → Finite, "calling" → Participle).
std::optional<Cue> cue_for(std::string_view key);

}  // namespace broadsheet::speakers
