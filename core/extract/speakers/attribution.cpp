// attribution.cpp — cue detection around quotes and in reported speech, and subject finding.
//
// Strength scale (before the subject is resolved; quotes.cpp multiplies in how the subject was
// resolved): 0.95 a cue right after the quote ("…,” Kerry said); 0.9 a colon cue before it
// (Lavrov responded: “…”); 0.85 a cue earlier in the same sentence (calling the talks “…”);
// 0.7 a cue later in the sentence but not adjacent. Each is scaled by the cue word's own
// strength (said 1.0, indicated 0.7).
#include "core/extract/speakers/attribution.h"

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kAfterWindow = 14;   // tokens after a closing mark searched for a cue
constexpr std::size_t kAdjacentCue = 8;    // a cue this close to the mark is "adjacent"
constexpr std::size_t kRoleModifiers = 5;  // "the presidential advisor", "the UN special envoy"
constexpr std::size_t kAppositive = 16;    // ", who met Kerry on Friday," skipped to the name
constexpr std::size_t kSubjectLead = 8;    // title words before a subject's name
constexpr double kAdjacentAfter = 0.95;
constexpr double kColonBefore = 0.9;
constexpr double kSameSentence = 0.85;
constexpr double kLaterInSentence = 0.7;

bool is_dash(const Token& t) {
    return is_punct(t, ",") || is_punct(t, "\xE2\x80\x94") || is_punct(t, "\xE2\x80\x93") ||
           is_punct(t, "-");
}

bool is_passive_marker(std::string_view key) {
    return key == "was" || key == "were" || key == "is" || key == "are" || key == "be" ||
           key == "been" || key == "being";
}

bool is_plural_noun(std::string_view key) {
    return key.size() > 3 && key.back() == 's' && !key.ends_with("ss") && !is_role_noun(key);
}

}  // namespace

Attributor::Attributor(const std::vector<Token>& tokens, const People& people)
    : tokens_(tokens), people_(people), sentence_first_(tokens.size(), 0) {
    for (std::size_t k = 1; k < tokens.size(); ++k)
        sentence_first_[k] =
            tokens[k].sentence == tokens[k - 1].sentence ? sentence_first_[k - 1] : k;
}

bool Attributor::quote_closes_clause(std::size_t close) const {
    if (close + 1 < tokens_.size() && is_dash(tokens_[close + 1])) return true;
    return tokens_[close].punctuated;
}

std::size_t Attributor::sentence_end(std::size_t at) const {
    std::size_t k = at;
    while (k + 1 < tokens_.size() && tokens_[k + 1].sentence == tokens_[at].sentence) ++k;
    return k + 1;
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
    ref.gender = title_gender(key);
    for (std::size_t k = h; k > floor && h - k < kRoleModifiers;) {
        --k;
        const Token& t = tokens_[k];
        if (!is_word(t)) break;
        if (t.possessive || t.key == "his" || t.key == "her" || t.key == "their" || t.key == "its")
            return ref;  // "Putin’s spokesman": someone else, unnamed
        if (t.key == "the" || t.key == "this" || t.key == "that") {
            ref.human = is_role_noun(key);
            if (is_role_noun(key)) {
                ref.kind = RefKind::Role;
                ref.role = key;
            }
            return ref;
        }
        if (is_determiner(t.key)) {  // "a defense official", "another diplomat"
            ref.human = is_role_noun(key);
            return ref;
        }
    }
    ref.human = is_role_noun(key) && !is_plural_noun(key);
    return ref;
}

SubjectRef Attributor::reference_ending_at(std::size_t last, std::size_t floor, int depth) const {
    SubjectRef ref;
    ref.token = last;
    const Token& t = tokens_[last];
    if (is_word(t)) {
        if (const auto g = pronoun_gender(t.key); g && (t.key == "he" || t.key == "she")) {
            ref.kind = RefKind::Pronoun;
            ref.gender = *g;
            return ref;
        }
        // "Matthew Lee, who pointed out": the relative pronoun stands for the name before it.
        if (t.key == "who" && last >= floor + 2 && is_punct(tokens_[last - 1], ",") && depth < 2)
            return reference_ending_at(last - 2, floor, depth + 1);
        if (is_other_pronoun(t.key)) {
            ref.kind = RefKind::Unnamed;
            return ref;
        }
        if (const int m = people_.mention_ending_at(last); m >= 0) {
            ref.kind = RefKind::Named;
            ref.mention = m;
            return ref;
        }
        if (t.capitalised) {  // "Russia", "the Kremlin", "The U.S."
            ref.kind = RefKind::Unnamed;
            return ref;
        }
        return role_phrase_ending(last, floor);
    }
    if (is_punct(t, ",") && depth < 2) {
        // "X, chairman of Y, said" / "X, who …, said" / "The envoy, Staffan de Mistura, said".
        std::size_t q = last;
        while (q > floor && last - q < kAppositive && !is_punct(tokens_[q - 1], ",") &&
               is_word(tokens_[q - 1]))
            --q;
        if (q == floor || q == last || !is_punct(tokens_[q - 1], ",")) return ref;
        if (const int m = people_.mention_ending_at(last - 1);
            m >= 0 && people_.mentions[static_cast<std::size_t>(m)].first == q) {
            ref.kind = RefKind::Named;
            ref.mention = m;
            ref.token = last - 1;
            return ref;
        }
        if (q >= floor + 2 && !tokens_[q].capitalised)
            return reference_ending_at(q - 2, floor, depth + 1);
    }
    return ref;
}

SubjectRef Attributor::subject_before(std::size_t verb, std::size_t floor) const {
    if (verb <= floor) return {};
    std::size_t p = verb - 1;
    if (is_punct(tokens_[p], "[") && p > floor) --p;  // "[characterized](#)" from Markdown
    if (is_word(tokens_[p]) && is_passive_marker(tokens_[p].key)) return {};  // "is said to"
    while (p > floor && is_word(tokens_[p]) && !tokens_[p].capitalised &&
           is_verb_filler(tokens_[p].key))
        --p;
    if (is_word(tokens_[p]) && is_passive_marker(tokens_[p].key)) return {};
    if (tokens_[p].kind == TokenKind::CloseQuote || tokens_[p].kind == TokenKind::OpenQuote)
        return {};
    return reference_ending_at(p, floor, 0);
}

SubjectRef Attributor::reference_starting_at(std::size_t first, std::size_t ceiling) const {
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
    // Walk over determiners and title words to a name ("U.S. State Department spokeswoman
    // Elizabeth Trudeau") or to the end of a role phrase ("the minister").
    std::size_t last_role = ceiling;
    bool definite = false, indefinite = false;
    for (std::size_t k = first; k < ceiling && k - first < kSubjectLead; ++k) {
        const Token& w = tokens_[k];
        if (const int m = people_.mention_at[k]; m >= 0) {
            const auto& mention = people_.mentions[static_cast<std::size_t>(m)];
            if (mention.possessive) break;  // "Putin’s spokesman"
            ref.kind = RefKind::Named;
            ref.mention = m;
            ref.token = mention.name_first;
            return ref;
        }
        if (!is_word(w) || w.possessive) break;
        if (w.key == "the") {
            definite = true;
        } else if (is_determiner(w.key)) {
            indefinite = true;
        } else if (is_role_noun(w.key)) {
            last_role = k;
        } else if (!is_title_word(w.key) && !(w.capitalised && is_non_name_word(w.key))) {
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
    if (definite && !indefinite) {
        ref.kind = RefKind::Role;
        ref.role = tokens_[last_role].key;
    }
    ref.gender = title_gender(tokens_[last_role].key);
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
    return reference_starting_at(according + 2, ceiling);
}

SubjectRef Attributor::subject_for_cue(std::size_t verb, const Cue& cue, std::size_t floor,
                                       std::size_t ceiling) const {
    if (cue.form == CueForm::According) return according_to(verb, ceiling);
    if (cue.form == CueForm::Participle) {
        // "the official indicating that …" has its own subject; ", calling the talks …" takes
        // the sentence's.
        if (verb > floor && is_word(tokens_[verb - 1])) {
            auto ref = subject_before(verb, floor);
            if (ref.kind != RefKind::None) return ref;
        }
        return sentence_subject(verb);
    }
    auto ref = subject_before(verb, floor);
    if (ref.kind == RefKind::None) ref = reference_starting_at(verb + 1, ceiling);  // said Mr Putin
    return ref;
}

Attribution Attributor::attribute_quote(std::size_t open, std::size_t close) const {
    Attribution after;
    bool after_adjacent = false;
    // A cue after the quote counts only when the quote closes its clause: punctuation inside
    // the marks ("…,” Kerry said) or right after them ("…”, said Mr Putin), or the cue's
    // subject follows at once ("…” Rhodes said). "the US ‘working with Russia’ against the
    // terrorists, Toner said" is not Toner's quote.
    const bool clause_ends = quote_closes_clause(close);
    {
        std::size_t k = close + 1;
        while (k < tokens_.size() && is_dash(tokens_[k])) ++k;
        const std::size_t floor = k;
        std::size_t end = k;
        while (end < tokens_.size() && end - close <= kAfterWindow &&
               tokens_[end].paragraph == tokens_[close].paragraph &&
               (is_word(tokens_[end]) || is_punct(tokens_[end], ",")))
            ++end;
        for (std::size_t v = floor; v < end; ++v) {
            const auto cue = cue_for(tokens_[v].key);
            if (!cue || cue->form == CueForm::Participle) continue;
            after.subject = subject_for_cue(v, *cue, floor, end);
            if (after.subject.kind == RefKind::None) continue;
            const std::size_t subject_start =
                after.subject.kind == RefKind::Named
                    ? people_.mentions[static_cast<std::size_t>(after.subject.mention)].first
                    : after.subject.token;
            if (!clause_ends && subject_start != floor && v != floor) {
                after = Attribution{};
                break;
            }
            after.cue = cue->form == CueForm::According ? "according to" : tokens_[v].key;
            after.cue_token = v;
            after_adjacent = v - close <= kAdjacentCue;
            after.strength = (after_adjacent ? kAdjacentAfter : kLaterInSentence) * cue->strength;
            break;
        }
    }
    if (after_adjacent) return after;

    Attribution before;
    const std::size_t floor = sentence_first_[open];
    const bool colon = open > floor && is_punct(tokens_[open - 1], ":");
    for (std::size_t v = open; v > floor;) {
        --v;
        if (!is_word(tokens_[v])) continue;
        const auto cue = cue_for(tokens_[v].key);
        if (!cue) continue;
        before.subject = subject_for_cue(v, *cue, floor, open);
        if (before.subject.kind == RefKind::None) continue;
        before.cue = cue->form == CueForm::According ? "according to" : tokens_[v].key;
        before.cue_token = v;
        before.strength = (colon ? kColonBefore : kSameSentence) * cue->strength;
        return before;
    }
    if (colon && open >= floor + 2) {  // "Zakharova: “…”"
        before.subject = reference_ending_at(open - 2, floor, 0);
        if (before.subject.kind != RefKind::None) {
            before.cue = "colon";
            before.cue_token = open - 1;
            before.strength = kColonBefore;
            return before;
        }
    }
    return after;
}

std::vector<Attribution> Attributor::reported_speech() const {
    std::vector<Attribution> out;
    for (std::size_t v = 0; v < tokens_.size(); ++v) {
        if (!is_word(tokens_[v])) continue;
        const auto cue = cue_for(tokens_[v].key);
        if (!cue || !cue->reports_speech) continue;
        if (cue->form == CueForm::Participle && !(v > 0 && is_punct(tokens_[v - 1], ",")))
            continue;  // "calling for": only ", saying that …" reports speech
        Attribution a;
        a.subject = subject_for_cue(v, *cue, sentence_first_[v], sentence_end(v));
        if (a.subject.kind == RefKind::None) continue;
        a.cue = cue->form == CueForm::According ? "according to" : tokens_[v].key;
        a.cue_token = v;
        a.strength = kSameSentence * cue->strength;
        out.push_back(std::move(a));
    }
    return out;
}

SubjectRef Attributor::sentence_subject(std::size_t at) const {
    std::size_t k = sentence_first_[at];
    const std::size_t end = sentence_end(at);
    // A sentence opening with a quotation: its subject follows the quote ("“…,” Kerry said").
    if (k < end && tokens_[k].kind == TokenKind::OpenQuote) {
        k += 2;
        while (k < end && is_dash(tokens_[k])) ++k;
    }
    if (k < end && is_word(tokens_[k])) {
        const std::string& key = tokens_[k].key;
        const bool opener = is_clause_opener(key) || key.ends_with("ing") || key.ends_with("ly") ||
                            (key.ends_with("ed") && people_.mention_at[k] < 0);
        if (opener) {
            std::size_t c = k;
            while (c < at && !is_punct(tokens_[c], ",")) ++c;
            if (c >= at) return {};
            k = c + 1;
        }
    }
    return reference_starting_at(k, end);
}

}  // namespace broadsheet::speakers
