// attribution.cpp — cue detection around quotes and in reported speech, and subject finding.
//
// Strength scale (before the subject is resolved; quotes.cpp multiplies in how the subject was
// resolved): 0.95 a cue right after the quote ("…,” Kerry said); 0.9 a colon cue before it
// (Lavrov responded: “…”); 0.85 a cue earlier in the same sentence (calling the talks “…”);
// 0.7 a cue later in the sentence but not adjacent. Each is scaled by the cue word's own
// strength (said 1.0, indicated 0.7).
#include "core/extract/speakers/attribution.h"

#include <algorithm>

namespace broadsheet::speakers {
namespace {

constexpr std::size_t kAfterWindow = 14;  // tokens after a closing mark searched for a cue
constexpr std::size_t kAdjacentCue = 8;   // a cue this close to the mark is "adjacent"
constexpr double kAdjacentAfter = 0.95;
constexpr double kColonBefore = 0.9;
constexpr double kSameSentence = 0.85;
constexpr double kLaterInSentence = 0.7;

bool is_dash(const Token& t) {
    return is_punct(t, ",") || is_punct(t, "\xE2\x80\x94") || is_punct(t, "\xE2\x80\x93") ||
           is_punct(t, "-");
}

}  // namespace

Attributor::Attributor(const std::vector<Token>& tokens, const People& people)
    : tokens_(tokens),
      people_(people),
      sentence_first_(tokens.size(), 0),
      sentence_end_(tokens.size(), tokens.size()) {
    for (std::size_t k = 1; k < tokens.size(); ++k)
        sentence_first_[k] =
            tokens[k].sentence == tokens[k - 1].sentence ? sentence_first_[k - 1] : k;
    for (std::size_t k = tokens.size(); k-- > 1;)
        if (tokens[k].sentence == tokens[k - 1].sentence)
            sentence_end_[k - 1] = sentence_end_[k];
        else
            sentence_end_[k - 1] = k;
    mark_teasers();
}

// "Chris Whitty says shielding will not be enforced" in a list of other stories: a short
// paragraph that ends without any punctuation is a headline or teaser beside the article, not
// its reporting.
void Attributor::mark_teasers() {
    constexpr std::size_t kMaxTeaserWords = 30;
    teaser_.assign(tokens_.size(), false);
    std::size_t first = 0;
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
        if (k + 1 < tokens_.size() && tokens_[k + 1].paragraph == tokens_[k].paragraph) continue;
        std::size_t words = 0;
        for (std::size_t t = first; t <= k; ++t) words += is_word(tokens_[t]) ? 1 : 0;
        if (is_word(tokens_[k]) && words <= kMaxTeaserWords)
            std::fill(teaser_.begin() + static_cast<std::ptrdiff_t>(first),
                      teaser_.begin() + static_cast<std::ptrdiff_t>(k + 1), true);
        first = k + 1;
    }
}

std::size_t Attributor::window_floor(std::size_t at) const {
    return std::max(sentence_first_[at], at > kSentenceReach ? at - kSentenceReach : 0);
}

std::size_t Attributor::window_ceiling(std::size_t at) const {
    return std::min(sentence_end_[at], at + kSentenceReach);
}

bool Attributor::quote_closes_clause(std::size_t close) const {
    if (close + 1 < tokens_.size() && is_dash(tokens_[close + 1])) return true;
    return tokens_[close].punctuated;
}

std::size_t Attributor::sentence_end(std::size_t at) const {
    return sentence_end_[at];
}

SubjectRef Attributor::subject_for_cue(std::size_t verb, const Cue& cue, std::size_t floor,
                                       std::size_t ceiling) const {
    // "… was diagnosed and told to prepare for the worst": "told" with no listener after it is
    // the passive of an order, which the subject received rather than gave.
    if (tokens_[verb].key == "told" && verb + 1 < tokens_.size() && tokens_[verb + 1].key == "to")
        return {};
    if (cue.form == CueForm::According) return according_to(verb, ceiling);
    if (cue.form == CueForm::Participle && verb >= floor + 2 && tokens_[verb - 1].key == "as") {
        // "State media quoted President Xi Jinping as saying …"
        const auto quoted = reference_ending_at(verb - 2, floor, 0);
        if (quoted.kind == RefKind::Named &&
            people_.mentions[static_cast<std::size_t>(quoted.mention)].person >= 0)
            return quoted;
    }
    if (cue.form == CueForm::Participle) {
        // "the official indicating that …" has its own subject; ", calling the talks …" takes
        // the sentence's.
        if (verb > floor && is_word(tokens_[verb - 1])) {
            auto ref = subject_before(verb, floor);
            if (ref.kind != RefKind::None) return ref;
        }
        return sentence_subject(verb);
    }
    const auto before = subject_before(verb, floor);
    // "Fares will rise, said Ruth Calloway": after a comma the words before the verb are what
    // was said, so a name after the verb outranks an unnamed noun before it.
    const bool inverted = verb > floor && is_punct(tokens_[verb - 1], ",");
    if (before.kind == RefKind::Named || before.kind == RefKind::Pronoun ||
        (before.kind != RefKind::None && !inverted))
        return before;
    const auto after = reference_starting_at(verb + 1, ceiling, PhraseMode::AfterVerb);
    if (after.kind != RefKind::Named) return before.kind != RefKind::None ? before : after;
    // "a magazine that claimed President-elect Trump relied on lies": a name followed by a verb
    // is the subject of the reported clause, not the speaker; "said Ruth Farrow of the group",
    // "said Smith in a statement" are followed by function words.
    const std::size_t next = people_.mentions[static_cast<std::size_t>(after.mention)].name_end;
    if (next < tokens_.size() && is_word(tokens_[next]) && !tokens_[next].capitalised &&
        !is_clause_opener(tokens_[next].key) && !is_non_name_word(tokens_[next].key) &&
        !cue_for(tokens_[next].key))
        return before;
    return after;
}

Attribution Attributor::attribute_quote(std::size_t open, std::size_t close) const {
    if (teaser_[close]) return {};
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
    // "Chen said: “Inflation is falling.” Wang added …": after a quote that ends its sentence,
    // the next sentence's subject speaks only if nothing before the quote attributes it.
    const bool ends_sentence =
        close + 1 < tokens_.size() && tokens_[close + 1].sentence != tokens_[close].sentence;
    if (after_adjacent && !ends_sentence) return after;

    Attribution before;
    const std::size_t floor = window_floor(open);
    if (open > floor && is_punct(tokens_[open - 1], ":")) {
        before = colon_attribution(open, floor);
        if (before.subject.kind != RefKind::None) return before;
    }
    for (std::size_t v = open; v > floor;) {
        --v;
        if (!is_word(tokens_[v])) continue;
        const auto cue = cue_for(tokens_[v].key);
        if (!cue) continue;
        before.subject = subject_for_cue(v, *cue, floor, open);
        if (before.subject.kind == RefKind::None) continue;
        before.cue = cue->form == CueForm::According ? "according to" : tokens_[v].key;
        before.cue_token = v;
        before.strength = kSameSentence * cue->strength;
        return before;
    }
    if (after_adjacent) return after;
    if (after.subject.kind == RefKind::None && ends_sentence) return named_in_next_sentence(close);
    return after;
}

// "“We are not going anywhere.” That was the message from union organiser Dave Kinsella …":
// a sentence pointing back at the quote names its speaker after from / of / by.
Attribution Attributor::named_in_next_sentence(std::size_t close) const {
    constexpr std::size_t kReach = 12;
    Attribution a;
    const std::size_t k = close + 1;
    if (k + 1 >= tokens_.size() || !is_word(tokens_[k]) || !is_word(tokens_[k + 1])) return a;
    const std::string& first = tokens_[k].key;
    const std::string& second = tokens_[k + 1].key;
    const bool points_back =
        ((first == "that" || first == "this" || first == "such") && second == "was") ||
        (first == "those" && second == "were");
    if (!points_back) return a;
    const std::size_t end = window_ceiling(k);
    for (std::size_t p = k + 2; p < end && p < k + kReach; ++p) {
        if (tokens_[p].key != "from" && tokens_[p].key != "of" && tokens_[p].key != "by") continue;
        auto ref = reference_starting_at(p + 1, end, PhraseMode::AfterVerb);
        if (ref.kind != RefKind::Named) continue;
        a.subject = ref;
        a.cue = tokens_[p].key;
        a.cue_token = p;
        a.strength = kLaterInSentence;
        return a;
    }
    return a;
}

// "Lavrov responded: “…”", "Asked whether they had argued, Simon Miller laughed: “…”",
// "Professor X, who …, put it bluntly: “…”": the colon's own clause names the speaker.
Attribution Attributor::colon_attribution(std::size_t open, std::size_t floor) const {
    Attribution a;
    const std::size_t colon = open - 1;
    std::size_t clause = colon;
    while (clause > floor && !is_punct(tokens_[clause - 1], ",")) --clause;
    a.cue_token = colon;
    a.cue = "colon";
    a.strength = kColonBefore;
    for (std::size_t v = colon; v > clause;) {
        --v;
        const auto cue = is_word(tokens_[v]) ? cue_for(tokens_[v].key) : std::nullopt;
        if (!cue) continue;
        a.subject = subject_for_cue(v, *cue, floor, colon);
        if (a.subject.kind == RefKind::None) continue;
        a.cue = cue->form == CueForm::According ? "according to" : tokens_[v].key;
        a.cue_token = v;
        a.strength = kColonBefore * cue->strength;
        return a;
    }
    a.subject = reference_starting_at(clause, colon, PhraseMode::Subject);
    if (a.subject.kind == RefKind::None) a.subject = sentence_subject(colon);
    if (a.subject.kind == RefKind::None && colon >= floor + 1)
        a.subject = reference_ending_at(colon - 1, floor, 0);  // "Zakharova: “…”"
    return a;
}

// "added that …", "noted, …", "wrote on X that …", "a annoncé qu'il …": a reported clause
// follows the verb.
bool Attributor::clause_follows(std::size_t verb) const {
    constexpr std::size_t kReach = 6;  // "wrote on X on Tuesday that"
    if (verb + 1 < tokens_.size() &&
        (is_punct(tokens_[verb + 1], ":") || is_punct(tokens_[verb + 1], ",")))
        return true;
    for (std::size_t k = verb + 1; k < tokens_.size() && k <= verb + kReach; ++k) {
        if (tokens_[k].sentence != tokens_[verb].sentence || !is_word(tokens_[k])) return false;
        // French "que", elided before a vowel: "a annoncé qu'il transmettrait …".
        const std::string& key = tokens_[k].key;
        if (key == "that" || key == "que" || key.starts_with("qu'") ||
            key.starts_with("qu\xE2\x80\x99"))
            return true;
    }
    return false;
}

std::vector<Attribution> Attributor::reported_speech() const {
    std::vector<Attribution> out;
    for (std::size_t v = 0; v < tokens_.size(); ++v) {
        if (!is_word(tokens_[v])) continue;
        const auto cue = cue_for(tokens_[v].key);
        if (!cue || !cue->reports_speech || teaser_[v]) continue;
        // "calling for": only ", saying that …" and "quoted as saying" report speech.
        if (cue->form == CueForm::Participle &&
            !(v > 0 && (is_punct(tokens_[v - 1], ",") || tokens_[v - 1].key == "as")))
            continue;
        if (needs_clause_to_report(tokens_[v].key) && !clause_follows(v)) continue;
        Attribution a;
        a.subject = subject_for_cue(v, *cue, window_floor(v), window_ceiling(v));
        if (a.subject.kind == RefKind::None) continue;
        a.cue = cue->form == CueForm::According ? "according to" : tokens_[v].key;
        a.cue_token = v;
        a.strength = kSameSentence * cue->strength;
        // "Smith and Jones said": both speak.
        if (a.subject.kind == RefKind::Named) {
            const auto& m = people_.mentions[static_cast<std::size_t>(a.subject.mention)];
            std::size_t lead = m.first;  // past lowercase titles: "and captain Lisa Holm"
            while (lead > 0 && is_word(tokens_[lead - 1]) && !tokens_[lead - 1].capitalised &&
                   is_title_word(tokens_[lead - 1].key))
                --lead;
            if (lead >= 2 && tokens_[lead - 1].key == "and") {
                if (const int other = people_.mention_ending_at(lead - 2); other >= 0) {
                    Attribution b = a;
                    b.subject.mention = other;
                    b.subject.token = people_.mentions[static_cast<std::size_t>(other)].name_first;
                    out.push_back(std::move(b));
                }
            }
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace broadsheet::speakers
