// subjects.cpp — finding the noun phrase a speech cue points at: the phrase ending right before
// the verb ("Kerry said"), starting right after it ("said Mr Putin"), or opening the sentence
// ("Opening the meeting, Putin was warm …, joking that …").
#include <algorithm>

#include "core/extract/speakers/attribution.h"

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kRoleModifiers = 5;   // "the presidential advisor", "the UN special envoy"
constexpr std::size_t kAppositive = 24;     // ", who met Kerry on Friday," skipped to the name
constexpr std::size_t kSubjectLead = 12;    // words before a subject's name or role noun
constexpr std::size_t kInvertedWords = 4;   // "said rescue coordinator Mwansa Chileshe"
constexpr std::size_t kTitleModifiers = 2;  // "chief operating officer", "Acting Deputy chief"
constexpr int kMaxDepth = 4;                // nested appositives and prepositional phrases

bool is_passive_marker(std::string_view key) {
    return key == "was" || key == "were" || key == "is" || key == "are" || key == "be" ||
           key == "been" || key == "being";
}

bool is_plural_noun(std::string_view key) {
    return key.size() > 3 && key.back() == 's' && !key.ends_with("ss") && !is_role_noun(key);
}

// Words that join clauses or start phrases: never the end of a subject noun phrase.
bool is_connective(std::string_view key) {
    static const Lexicon words(
        "but and or nor that which as if when while because although though so yet then than "
        "after before since until where whereas once to of in on at for with by from into about "
        "over under not also");
    return words.contains(key);
}

// "Analysts at Peel Hunt", "Professor Wang Hong of Tongji University": the phrase after these
// belongs to the noun before them.
bool is_linking_preposition(std::string_view key) {
    return key == "of" || key == "at" || key == "for" || key == "from" || key == "with" ||
           key == "in";
}

bool is_possessive_determiner(std::string_view key) {
    return key == "his" || key == "her" || key == "their" || key == "its";
}

}  // namespace

// Whether a title word or role noun comes within the next few words, through words that name
// nobody ("Democratic", "White House", "operating"), before any person's name, punctuation,
// determiner or clause word: the words before it describe the title, not the sentence.
bool Attributor::title_ahead(std::size_t from, std::size_t ceiling) const {
    for (std::size_t k = from; k < ceiling && k < from + kTitleModifiers + 2; ++k) {
        const Token& t = tokens_[k];
        if (!is_word(t) || is_determiner(t.key) || is_connective(t.key) || cue_for(t.key))
            return false;
        if (is_title_word(t.key) || is_role_noun(t.key)) return true;
        if (const int m = people_.mention_at[k]; m >= 0) {
            if (people_.mentions[static_cast<std::size_t>(m)].person >= 0) return false;
            continue;  // "White House": a thing's name describing the title
        }
    }
    return false;
}

// Whether a person's name follows within a word or two of plain modifiers and is itself followed
// by a speech verb or a verb filler: "an emotional [Jabeur announced]". A name that modifies a
// noun ("a former Trump aide") is followed by neither.
bool Attributor::speaking_name_ahead(std::size_t from, std::size_t ceiling) const {
    for (std::size_t k = from; k < ceiling && k < from + kTitleModifiers; ++k) {
        const Token& t = tokens_[k];
        if (!is_word(t)) return false;
        if (const int m = people_.mention_at[k]; m >= 0) {
            const auto& mention = people_.mentions[static_cast<std::size_t>(m)];
            if (mention.person < 0 || mention.possessive || mention.first != k) return false;
            const std::size_t after = mention.name_end;
            return after < ceiling && is_word(tokens_[after]) && !tokens_[after].capitalised &&
                   (cue_for(tokens_[after].key) || is_verb_filler(tokens_[after].key));
        }
        if (t.capitalised || is_connective(t.key) || is_determiner(t.key) || cue_for(t.key))
            return false;
    }
    return false;
}

SubjectRef Attributor::role_phrase_ending(std::size_t head, std::size_t floor) const {
    SubjectRef ref;
    ref.kind = RefKind::Unnamed;
    ref.token = head;
    std::size_t h = head;
    // "the secretary of state said": the head is the role before "of".
    if (!is_role_noun(tokens_[h].key) && h >= floor + 2 && tokens_[h - 1].key == "of" &&
        is_role_noun(tokens_[h - 2].key))
        h -= 2;
    const std::string& key = tokens_[h].key;
    const bool role = is_role_noun(key) || is_generic_person_noun(key);
    ref.gender = title_gender(key);
    ref.human = role;
    for (std::size_t k = h; k > floor && h - k < kRoleModifiers;) {
        --k;
        const Token& t = tokens_[k];
        if (!is_word(t)) break;
        const bool possessive = t.possessive || is_possessive_determiner(t.key);
        if (possessive || t.key == "the" || t.key == "this" || t.key == "that") {
            // "the minister", "Putin’s spokesman": someone the article may have named.
            if (role) {
                ref.kind = RefKind::Role;
                ref.role = key;
                ref.possessive = possessive;
            }
            return ref;
        }
        if (is_determiner(t.key)) return ref;  // "a defense official": unnamed
    }
    ref.human = role && !is_plural_noun(key);
    return ref;
}

SubjectRef Attributor::reference_ending_at(std::size_t last, std::size_t floor, int depth) const {
    SubjectRef ref;
    ref.token = last;
    const Token& t = tokens_[last];
    if (is_punct(t, ",") && depth < kMaxDepth) {
        // "X, chairman of Y, said" / "X, who …, said" / "The envoy, Staffan de Mistura, said".
        std::size_t q = last;
        while (q > floor && last - q < kAppositive && !is_punct(tokens_[q - 1], ",") &&
               (is_word(tokens_[q - 1]) || is_punct(tokens_[q - 1], ".")))
            --q;
        if (q == last) return ref;
        if (const int m = people_.mention_ending_at(last - 1);
            m >= 0 && people_.mentions[static_cast<std::size_t>(m)].first == q) {
            // "Turkey, Poland and Saba were removed, said X": a name that is nobody is a thing.
            const auto& mention = people_.mentions[static_cast<std::size_t>(m)];
            ref.kind = mention.person >= 0 ? RefKind::Named : RefKind::Unnamed;
            ref.mention = mention.person >= 0 ? m : -1;
            ref.token = mention.name_first;
            return ref;
        }
        // "Many analysts, including Sarah Chen of Capital Economics, said": the named member.
        if (tokens_[q].key == "including" || tokens_[q].key == "notably")
            for (std::size_t k = q + 1; k < last; ++k)
                if (const int n = people_.mention_at[k];
                    n >= 0 && people_.mentions[static_cast<std::size_t>(n)].person >= 0) {
                    ref.kind = RefKind::Named;
                    ref.mention = n;
                    ref.token = people_.mentions[static_cast<std::size_t>(n)].name_first;
                    return ref;
                }
        if (q > floor && is_punct(tokens_[q - 1], ","))
            return reference_ending_at(q - 1, floor, depth + 1);  // skip the appositive
        if (q == floor) return reference_ending_at(last - 1, floor, depth + 1);
        return ref;
    }
    if (!is_word(t)) return ref;
    if (t.key == "he" || t.key == "she") {
        ref.kind = RefKind::Pronoun;
        ref.gender = *pronoun_gender(t.key);
        return ref;
    }
    // "Matthew Lee, who pointed out": the relative pronoun stands for the name before it.
    if (t.key == "who" && last >= floor + 2 && is_punct(tokens_[last - 1], ",") &&
        depth < kMaxDepth)
        return reference_ending_at(last - 2, floor, depth + 1);
    // "Ryan Graves, a former Navy pilot who asserted that …": the person the appositive
    // describes.
    if (t.key == "who" && depth < kMaxDepth) {
        std::size_t q = last;
        while (q > floor && last - q < kAppositive && is_word(tokens_[q - 1])) --q;
        if (q < last && q >= floor + 2 && is_punct(tokens_[q - 1], ",") &&
            is_determiner(tokens_[q].key)) {
            const int m = people_.mention_ending_at(q - 2);
            if (m >= 0 && people_.mentions[static_cast<std::size_t>(m)].person >= 0 &&
                !people_.mentions[static_cast<std::size_t>(m)].possessive) {
                ref.kind = RefKind::Named;
                ref.mention = m;
                ref.token = people_.mentions[static_cast<std::size_t>(m)].name_first;
                return ref;
            }
        }
    }
    if (is_other_pronoun(t.key)) {
        ref.kind = RefKind::Unnamed;
        return ref;
    }
    const int m = people_.mention_ending_at(last);
    if (m >= 0 || t.capitalised) {
        // The capitalised phrase may hang off a noun before it: "Analysts at Peel Hunt said".
        std::size_t start = last;
        if (m >= 0) {
            start = people_.mentions[static_cast<std::size_t>(m)].first;
        } else {
            while (start > floor && last - start < kRoleModifiers && is_word(tokens_[start - 1]) &&
                   tokens_[start - 1].capitalised)
                --start;
        }
        std::size_t b = start;
        if (b > floor && tokens_[b - 1].key == "the") --b;
        // ... but "Minister for Housing Eoin Brady" is a title, not a head noun, and "Bank of
        // Japan Governor Hiroshi Tanabe" a titled name that is its own head.
        // "Trent Hamm at The Simple Dollar explains": a thing's leading article is no title.
        const bool titled_run = m >= 0 &&
                                people_.mentions[static_cast<std::size_t>(m)].name_first > start &&
                                !people_.mentions[static_cast<std::size_t>(m)].thing;
        if (!titled_run && b >= floor + 2 && is_linking_preposition(tokens_[b - 1].key) &&
            depth < kMaxDepth && is_word(tokens_[b - 2]) && !is_title_word(tokens_[b - 2].key)) {
            auto head = reference_ending_at(b - 2, floor, depth + 1);
            if (head.kind != RefKind::None) return head;
        }
        if (m >= 0 && !people_.mentions[static_cast<std::size_t>(m)].possessive) {
            ref.kind = RefKind::Named;
            ref.mention = m;
            ref.token = people_.mentions[static_cast<std::size_t>(m)].name_first;
            return ref;
        }
        ref.kind = RefKind::Unnamed;  // "Russia", "the Kremlin", "The U.S."
        return ref;
    }
    if (is_connective(t.key)) return ref;
    return role_phrase_ending(last, floor);
}

SubjectRef Attributor::subject_before(std::size_t verb, std::size_t floor) const {
    if (verb <= floor) return {};
    std::size_t p = verb - 1;
    if (is_punct(tokens_[p], "[") && p > floor) --p;  // "[characterized](#)" from Markdown
    if (is_word(tokens_[p]) && is_passive_marker(tokens_[p].key)) return {};  // "is said to"
    const auto filler = [&](std::size_t k) {
        return is_word(tokens_[k]) && !tokens_[k].capitalised &&
               (is_verb_filler(tokens_[k].key) ||
                is_auxiliary_for(tokens_[k].key, tokens_[verb].key));
    };
    while (p > floor && filler(p)) --p;
    // "«…», a ajouté Laurent Fabius": only an auxiliary between the quote and the verb, so the
    // subject follows the verb.
    if (p == floor && filler(p)) return {};
    if (!is_word(tokens_[p]) && !is_punct(tokens_[p], ",")) return {};
    if (is_passive_marker(tokens_[p].key)) return {};
    // "Lavrov said the talks were useful but warned that …": the coordinated verb shares the
    // sentence's subject.
    if (tokens_[p].key == "and" || tokens_[p].key == "but") return sentence_subject(verb);
    return reference_ending_at(p, floor, 0);
}

SubjectRef Attributor::reference_starting_at(std::size_t first, std::size_t ceiling,
                                             PhraseMode mode) const {
    SubjectRef ref;
    if (first >= ceiling || first >= tokens_.size()) return ref;
    ref.token = first;
    const Token& t = tokens_[first];
    if (is_word(t) && (t.key == "he" || t.key == "she")) {
        ref.kind = RefKind::Pronoun;
        ref.gender = *pronoun_gender(t.key);
        return ref;
    }
    if (is_word(t) && is_other_pronoun(t.key)) {
        ref.kind = RefKind::Unnamed;
        return ref;
    }
    // Walk over determiners, title words and lowercase descriptors to a name ("U.S. State
    // Department spokeswoman Elizabeth Trudeau", "Brighton's head coach, Graham Pollard") or
    // to the end of a role phrase ("the minister").
    std::size_t last_role = ceiling;
    bool definite = false, indefinite = false, possessive = false, comma = false;
    std::size_t plain_words = 0;
    for (std::size_t k = first; k < ceiling && k - first < kSubjectLead; ++k) {
        const Token& w = tokens_[k];
        if (const int m = people_.mention_at[k]; m >= 0) {
            const auto& mention = people_.mentions[static_cast<std::size_t>(m)];
            if (mention.person >= 0 && !mention.possessive) {
                ref.kind = RefKind::Named;
                ref.mention = m;
                ref.token = mention.name_first;
                return ref;
            }
            // A non-person or possessive name is a modifier: "Norfolk County Council leader".
            possessive = possessive || mention.possessive;
            k = mention.name_end - 1;
            continue;
        }
        if (is_punct(w, ",") && !comma && (last_role != ceiling || possessive)) {
            comma = true;  // "Brighton's head coach, Graham Pollard, …"
            continue;
        }
        if (!is_word(w)) break;
        if (comma && !(is_determiner(w.key) || is_title_word(w.key) || w.capitalised)) break;
        if (w.possessive) {
            possessive = true;
        } else if (w.key == "the") {
            definite = true;
        } else if (is_possessive_determiner(w.key)) {
            possessive = true;
        } else if (is_determiner(w.key)) {
            indefinite = true;
        } else if (is_role_noun(w.key) || is_generic_person_noun(w.key)) {
            last_role = k;
        } else if ((w.key == "of" || w.key == "for") && k > first &&
                   (is_title_word(tokens_[k - 1].key) || is_role_noun(tokens_[k - 1].key)) &&
                   k + 1 < ceiling && is_word(tokens_[k + 1])) {
            // "the Dean of Liverpool, the Very Rev Sue Jenkinson", "Minister for Housing X",
            // "the company's head of operations, Kari Lunde": the title's own phrase.
            for (std::size_t n = 0;
                 n < kRoleModifiers && k + 1 < ceiling && is_word(tokens_[k + 1]) &&
                 people_.mention_at[k + 1] < 0 && !is_connective(tokens_[k + 1].key) &&
                 !cue_for(tokens_[k + 1].key);
                 ++n)
                ++k;
            continue;
        } else if (is_title_word(w.key) || (w.capitalised && is_non_name_word(w.key))) {
            continue;
        } else if (possessive && !w.capitalised && !is_connective(w.key) && !cue_for(w.key) &&
                   ++plain_words <= 2) {
            last_role = k;  // "Guardiola’s rival, Mikel Arteta, …": a relation, like a role
        } else if (mode == PhraseMode::AfterVerb && !is_connective(w.key) && !cue_for(w.key) &&
                   ++plain_words <= kInvertedWords) {
            continue;  // "said rescue coordinator …", "said Norfolk County Council leader …"
        } else if (mode == PhraseMode::Subject && !is_connective(w.key) && !cue_for(w.key) &&
                   title_ahead(k + 1, ceiling) && ++plain_words <= kTitleModifiers) {
            continue;  // "chief operating officer X", "Presumptive Democratic nominee X"
        } else if (mode == PhraseMode::Subject && (definite || indefinite) &&
                   !is_connective(w.key) && !cue_for(w.key) &&
                   speaking_name_ahead(k + 1, ceiling) && ++plain_words <= kTitleModifiers) {
            continue;  // "an emotional Jabeur announced", "a visibly angry Nikki Haley said"
        } else {
            break;
        }
    }
    if (last_role == ceiling) {
        if (t.capitalised) ref.kind = RefKind::Unnamed;  // "The Kremlin", "Russia"
        return ref;
    }
    ref.token = last_role;
    ref.kind = RefKind::Unnamed;
    ref.human = true;
    ref.gender = title_gender(tokens_[last_role].key);
    if ((definite || possessive) && !indefinite) {
        ref.kind = RefKind::Role;
        ref.role = tokens_[last_role].key;
        ref.possessive = possessive;
    }
    return ref;
}

SubjectRef Attributor::according_to(std::size_t according, std::size_t ceiling) const {
    if (according + 1 >= tokens_.size() || tokens_[according + 1].key != "to") return {};
    // "according to analysts including Cliff Kupchan": the first person named in the phrase.
    for (std::size_t k = according + 2; k < ceiling; ++k) {
        const Token& t = tokens_[k];
        if (!is_word(t)) break;
        if (const int m = people_.mention_at[k]; m >= 0) {
            const auto& mention = people_.mentions[static_cast<std::size_t>(m)];
            if (mention.possessive || mention.person < 0) {
                k = mention.name_end - 1;
                continue;
            }
            SubjectRef ref;
            ref.kind = RefKind::Named;
            ref.mention = m;
            ref.token = mention.name_first;
            return ref;
        }
    }
    return reference_starting_at(according + 2, ceiling, PhraseMode::Subject);
}

SubjectRef Attributor::sentence_subject(std::size_t at) const {
    std::size_t k = sentence_first_[at];
    const std::size_t end = std::min(sentence_end(at), k + kSentenceReach);
    if (at >= end) return {};  // far into a run-on "sentence": no subject worth guessing
    // A sentence opening with a quotation: its subject follows the quote ("“…,” Kerry said").
    if (k < end && tokens_[k].kind == TokenKind::OpenQuote) {
        k += 2;
        while (k < end && (is_punct(tokens_[k], ",") || is_punct(tokens_[k], "\xE2\x80\x94"))) ++k;
        if (k < end && cue_for(tokens_[k].key)) ++k;  // "…,” said Mr Putin."
    }
    if (k < end && is_word(tokens_[k])) {
        const std::string& key = tokens_[k].key;
        // "Afterwards, an emotional Jabeur announced …": a word set off by a comma that names
        // nobody opens the sentence, too.
        const bool set_off =
            k + 1 < end && is_punct(tokens_[k + 1], ",") &&
            (people_.mention_at[k] < 0 ||
             people_.mentions[static_cast<std::size_t>(people_.mention_at[k])].person < 0);
        const bool opener = is_clause_opener(key) || key.ends_with("ing") || key.ends_with("ly") ||
                            (key.ends_with("ed") && people_.mention_at[k] < 0) || set_off;
        if (opener) {
            // "In Gardiner, Montana, a town at the park's entrance, Linda Halvorsen watched":
            // the subject is the person opening the last comma segment that goes on with a
            // verb; appositives ("the team's owner, David Ashworth,") end in a comma instead.
            constexpr int kMaxSegments = 6;
            // Asked from the sentence's first token, the whole sentence may hold the subject.
            const std::size_t limit = at > k ? at : end;
            SubjectRef chosen;
            std::size_t c = k;
            for (int segment = 0; segment < kMaxSegments; ++segment) {
                while (c < limit && !is_punct(tokens_[c], ",")) ++c;
                if (c >= limit) break;
                auto ref = reference_starting_at(c + 1, end, PhraseMode::Subject);
                std::size_t after = ref.token + 1;
                if (ref.kind == RefKind::Named) {
                    const auto& m = people_.mentions[static_cast<std::size_t>(ref.mention)];
                    after = m.person >= 0 ? m.name_end : end;
                }
                const bool person = ref.kind == RefKind::Pronoun || ref.kind == RefKind::Role ||
                                    ref.kind == RefKind::Named;
                if (person && after < end && is_word(tokens_[after]) && !tokens_[after].capitalised)
                    chosen = ref;
                ++c;
            }
            return chosen;
        }
    }
    return reference_starting_at(k, end, PhraseMode::Subject);
}

}  // namespace broadsheet::speakers
