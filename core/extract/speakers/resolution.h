// resolution.h — resolve subject references (names, he/she, "the minister") to the article's
// people, in text order, by recency.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "core/extract/speakers/attribution.h"
#include "core/extract/speakers/names.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {

// A reference to resolve. `subject` marks grammatical subjects (of a sentence or a speech cue):
// a later pronoun prefers them over people merely mentioned.
struct Site {
    SubjectRef ref;
    bool subject = true;
};

class Resolver {
  public:
    Resolver(const std::vector<Token>& tokens, const People& people);

    // Resolves every site in text order. Rules:
    //  - a name resolves to its person (a capitalised non-person such as "Russia" to nobody);
    //  - "the minister" resolves to the latest person before it whose titles match the role,
    //    anywhere earlier in the article; failing that, to the paragraph's latest subject when
    //    that person carries no title at all ("Marchetti … the striker told"); a possessive
    //    role ("Putin’s spokesman") only ever resolves through titles;
    //  - he/she resolves to the latest earlier subject (of a sentence or a speech cue) in the
    //    same or the previous paragraph whose gender does not conflict; an unnamed person
    //    ("a defense official") in between blocks the pronoun; no subject → the one person the
    //    previous sentence names, if a title gives them the pronoun's gender; else unresolved.
    void resolve(std::vector<Site> sites);

    // Person index for a reference resolved by resolve(), or -1.
    int person_for(const SubjectRef& ref) const;

  private:
    struct Antecedent {
        std::size_t token = 0;
        std::size_t paragraph = 0;
        int person = -1;  // -1: an unnamed person
        bool subject = false;
        Gender gender = Gender::Unknown;
    };

    int resolve_one(const SubjectRef& ref) const;
    enum class Window { Paragraph, ParagraphAndPrevious };
    int resolve_pronoun(const SubjectRef& ref, Window window) const;
    int only_person_of_previous_sentence(const SubjectRef& ref) const;
    Gender gender_of(int person) const;

    const std::vector<Token>& tokens_;
    const People& people_;
    std::vector<Antecedent> antecedents_;  // in text order, filled while resolving
    std::map<std::size_t, int> resolved_;  // reference token → person
};

}  // namespace broadsheet::speakers
