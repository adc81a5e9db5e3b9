// attribution.h — speech cues around quotations and in reported speech, and the subject each
// cue points at (a name, a pronoun, a role phrase, or an unnamed source).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/extract/speakers/lexicon.h"
#include "core/extract/speakers/names.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {

enum class RefKind {
    None,     // no subject found
    Named,    // a name mention ("Kerry", "Russian Foreign Minister Sergei Lavrov")
    Pronoun,  // he / she
    Role,     // a definite role phrase ("the minister", "the presidential advisor")
    Unnamed,  // someone or something that is not an identifiable person ("a defense official",
              // "American officials", "the Kremlin", "Putin’s spokesman")
};

struct SubjectRef {
    RefKind kind = RefKind::None;
    std::size_t token = 0;  // where the reference stands (recency is measured from here)
    int mention = -1;       // Named: index into People::mentions
    Gender gender = Gender::Unknown;
    std::string role;         // Role: the head noun ("minister")
    bool possessive = false;  // Role: "Putin’s spokesman" — never the possessor himself
    bool human = false;       // Unnamed: a single person ("a defense official"), so a later he/she
                              // may refer to them and must not skip back past them
};

struct Attribution {
    SubjectRef subject;
    std::string cue;            // the cue word ("said", "told", "according to", "colon")
    std::size_t cue_token = 0;  // token of the cue
    double strength = 0.0;      // how explicit the link is, before resolving the subject (0..1)
};

// Finds cues in one tokenised body; all positions are token indexes.
class Attributor {
  public:
    Attributor(const std::vector<Token>& tokens, const People& people);

    // The attribution of the quotation whose marks are the tokens `open` and `close`: a cue
    // right after it (“…,” Kerry said / said Mr Putin), a colon or cue before it in the same
    // sentence (Lavrov responded: “…” / calling the talks “…”), or a cue later in the sentence.
    Attribution attribute_quote(std::size_t open, std::size_t close) const;

    // Every speech cue outside quotations with its subject: "X said that …", "X told
    // reporters …", "according to analysts including X".
    std::vector<Attribution> reported_speech() const;

    // The grammatical subject at the start of the sentence containing `at`, after any
    // introductory phrase ("Opening today’s meeting, Putin was ..."); used for participle cues
    // and as the preferred antecedent of pronouns.
    SubjectRef sentence_subject(std::size_t at) const;

    std::size_t sentence_start(std::size_t at) const { return sentence_first_[at]; }

  private:
    enum class PhraseMode {
        Subject,    // only determiners and titles may precede the name ("the UN envoy X")
        AfterVerb,  // "said rescue coordinator Mwansa Chileshe": plain words may, too
    };

    SubjectRef subject_before(std::size_t verb, std::size_t floor) const;
    SubjectRef reference_ending_at(std::size_t last, std::size_t floor, int depth) const;
    SubjectRef reference_starting_at(std::size_t first, std::size_t ceiling, PhraseMode mode) const;
    SubjectRef role_phrase_ending(std::size_t head, std::size_t floor) const;
    bool title_ahead(std::size_t from, std::size_t ceiling) const;
    bool speaking_name_ahead(std::size_t from, std::size_t ceiling) const;
    SubjectRef according_to(std::size_t according, std::size_t ceiling) const;
    Attribution colon_attribution(std::size_t open, std::size_t floor) const;
    Attribution named_in_next_sentence(std::size_t close) const;
    SubjectRef subject_for_cue(std::size_t verb, const Cue& cue, std::size_t floor,
                               std::size_t ceiling) const;
    std::size_t sentence_end(std::size_t at) const;
    // The sentence around `at`, clipped to kSentenceReach tokens either side so that text
    // without sentence punctuation cannot make the scans quadratic.
    std::size_t window_floor(std::size_t at) const;
    std::size_t window_ceiling(std::size_t at) const;
    static constexpr std::size_t kSentenceReach = 80;
    bool quote_closes_clause(std::size_t close) const;
    bool clause_follows(std::size_t verb) const;
    void mark_teasers();

    const std::vector<Token>& tokens_;
    const People& people_;
    std::vector<std::size_t> sentence_first_;  // per token: first token of its sentence
    std::vector<std::size_t> sentence_end_;    // per token: one past its sentence's last token
    std::vector<bool> teaser_;  // per token: in a short paragraph ending without punctuation
};

}  // namespace broadsheet::speakers
