// resolution.cpp — recency-based resolution of names, pronouns and role phrases to people.
#include "core/extract/speakers/resolution.h"

#include <algorithm>
#include <set>

namespace broadsheet::speakers {
namespace {

bool compatible(Gender a, Gender b) {
    return a == Gender::Unknown || b == Gender::Unknown || a == b;
}

}  // namespace

Resolver::Resolver(const std::vector<Token>& tokens, const People& people)
    : tokens_(tokens), people_(people) {}

Gender Resolver::gender_of(int person) const {
    if (person < 0) return Gender::Unknown;
    return people_.persons[static_cast<std::size_t>(person)].gender;
}

int Resolver::resolve_pronoun(const SubjectRef& ref, Window window) const {
    const std::size_t paragraph = tokens_[ref.token].paragraph;
    const std::size_t reach = window == Window::ParagraphAndPrevious ? 1 : 0;
    const auto in_window = [&](const Antecedent& a) {
        return a.token < ref.token && a.paragraph + reach >= paragraph && a.paragraph <= paragraph;
    };
    constexpr std::size_t kMaxLookback = 200;  // bounded even in one huge paragraph
    std::size_t seen = 0;
    for (auto it = antecedents_.rbegin(); it != antecedents_.rend() && seen++ < kMaxLookback;
         ++it) {
        if (it->paragraph + reach < paragraph) break;  // text order: nothing older qualifies
        if (!in_window(*it) || !it->subject) continue;
        if (!compatible(it->gender, ref.gender)) continue;
        return it->person;
    }
    // People merely mentioned ("an advantage to Putin") are not antecedents: a pronoun
    // without a subject before it stays unresolved rather than guessed, unless the sentence
    // before names one person only, whose title gives the pronoun's gender ("… after Ms Bell
    // raised a point of order. She said …").
    return only_person_of_previous_sentence(ref);
}

int Resolver::only_person_of_previous_sentence(const SubjectRef& ref) const {
    const Token& at = tokens_[ref.token];
    if (ref.gender == Gender::Unknown || at.sentence == 0) return -1;
    const std::size_t previous = at.sentence - 1;
    int only = -1;
    for (auto it = antecedents_.rbegin(); it != antecedents_.rend(); ++it) {
        const Token& t = tokens_[it->token];
        if (t.sentence > at.sentence) continue;
        if (t.sentence < previous || t.paragraph + 1 < at.paragraph) break;
        if (t.sentence == at.sentence) return -1;  // someone in this very sentence: ambiguous
        if (it->person < 0 || (only >= 0 && only != it->person)) return -1;
        only = it->person;
    }
    return only >= 0 && gender_of(only) == ref.gender ? only : -1;
}

int Resolver::resolve_one(const SubjectRef& ref) const {
    switch (ref.kind) {
        case RefKind::Named:
            return people_.mentions[static_cast<std::size_t>(ref.mention)].person;
        case RefKind::Role: {
            if (const int p = people_.person_with_role(ref.role, ref.token); p >= 0) return p;
            // "Marchetti said … “…,” the striker told Sky Sports": a role the article never
            // attached to a name can still mean this paragraph's subject, if that person has
            // no other title. A possessive role ("Putin’s spokesman") never means its possessor.
            if (ref.possessive) return -1;
            const int p = resolve_pronoun(ref, Window::Paragraph);
            // "the 45-year-old" fits anyone; "the striker" only someone without another title.
            if (p >= 0 && !is_generic_person_noun(ref.role) &&
                !people_.persons[static_cast<std::size_t>(p)].titles.empty())
                return -1;
            return p;
        }
        case RefKind::Pronoun:
            return resolve_pronoun(ref, Window::ParagraphAndPrevious);
        case RefKind::Unnamed:
        case RefKind::None:
            return -1;
    }
    return -1;
}

void Resolver::resolve(std::vector<Site> sites) {
    // Every named mention is a potential antecedent; sites add subjects and resolve in order.
    std::set<std::size_t> site_tokens;
    for (const auto& s : sites) site_tokens.insert(s.ref.token);
    for (const auto& m : people_.mentions) {
        if (m.person < 0 || site_tokens.contains(m.name_first)) continue;
        SubjectRef ref;
        ref.kind = RefKind::Named;
        ref.token = m.name_first;
        ref.mention = static_cast<int>(&m - people_.mentions.data());
        sites.push_back(Site{ref, false});
    }
    std::stable_sort(sites.begin(), sites.end(),
                     [](const Site& a, const Site& b) { return a.ref.token < b.ref.token; });
    for (const auto& site : sites) {
        if (site.ref.kind == RefKind::None) continue;
        if (resolved_.contains(site.ref.token)) {
            // Already resolved as another kind of site: only upgrade it to a subject.
            // Sites are sorted, so its antecedent (if any) is the latest one.
            if (site.subject && !antecedents_.empty() &&
                antecedents_.back().token == site.ref.token)
                antecedents_.back().subject = true;
            continue;
        }
        const int person = resolve_one(site.ref);
        resolved_[site.ref.token] = person;
        const bool person_like = person >= 0 || site.ref.human ||
                                 site.ref.kind == RefKind::Pronoun ||
                                 site.ref.kind == RefKind::Role;
        if (!person_like) continue;
        Antecedent a;
        a.token = site.ref.token;
        a.paragraph = tokens_[site.ref.token].paragraph;
        a.person = person;
        a.subject = site.subject;
        a.gender = person >= 0 ? gender_of(person) : site.ref.gender;
        antecedents_.push_back(a);
    }
}

int Resolver::person_for(const SubjectRef& ref) const {
    if (ref.kind == RefKind::None) return -1;
    if (const auto it = resolved_.find(ref.token); it != resolved_.end()) return it->second;
    return resolve_one(ref);
}

}  // namespace broadsheet::speakers
