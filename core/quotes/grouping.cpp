// grouping.cpp — normalise quotes to words, find near-duplicates by bigram containment, union-find.
//
// Why containment of word bigrams: a trimmed quote ("... we will not stand by" cut to its middle)
// keeps all its bigrams inside the full one (containment 1.0, while Jaccard would fall with the
// length difference); one reworded word in a 12-word quote loses 2 of 11 bigrams (0.82), still
// above 0.7, where 3-word shingles would lose 3 of 10 (0.70) and fail on the next edit. Two
// unrelated quotes on the same story share single words but rarely runs of two, so word-set
// similarity would join them and bigrams do not. Below kMinGroupWords words there is too little
// evidence, so short quotes stay alone.
#include "core/quotes/grouping.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace broadsheet {
namespace {

using Bigram = std::uint64_t;

// A bigram that occurs in more distinct quotes than this is not probed for candidates: it says
// nothing about identity (think "the government") and probing it would make the work quadratic.
constexpr std::size_t kMaxProbedPosting = 2000;

bool is_word_char(UChar32 c) {
    // Combining marks count as part of the word, so decomposed input splits like composed input.
    const auto category = static_cast<UCharCategory>(u_charType(c));
    return u_isalnum(c) || category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK;
}

bool is_apostrophe(UChar32 c) {
    return c == 0x27 || c == 0x2019 || c == 0x02BC;
}

// Overlap needed for the shorter side of `size` bigrams to reach kMinContainment.
std::size_t required_overlap(std::size_t size) {
    return static_cast<std::size_t>(std::ceil(kMinContainment * static_cast<double>(size) - 1e-9));
}

class UnionFind {
  public:
    explicit UnionFind(std::size_t size) : parent_(size) {
        std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];  // path halving keeps trees flat
            x = parent_[x];
        }
        return x;
    }
    void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

  private:
    std::vector<std::size_t> parent_;
};

// Distinct bigrams of a word sequence, sorted; word ids come from a shared dictionary.
std::vector<Bigram> bigrams_of(const std::vector<std::string>& words,
                               std::unordered_map<std::string, std::uint32_t>& dictionary) {
    std::vector<Bigram> out;
    if (words.size() < kMinGroupWords) return out;
    std::vector<std::uint32_t> ids;
    ids.reserve(words.size());
    for (const auto& word : words) {
        auto [it, inserted] =
            dictionary.try_emplace(word, static_cast<std::uint32_t>(dictionary.size()));
        ids.push_back(it->second);
    }
    for (std::size_t i = 0; i + 1 < ids.size(); ++i)
        out.push_back((static_cast<Bigram>(ids[i]) << 32) | ids[i + 1]);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::size_t overlap(const std::vector<Bigram>& a, const std::vector<Bigram>& b) {
    std::size_t count = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++count;
            ++i;
            ++j;
        }
    }
    return count;
}

// Speakers as small integers (0 = unattributed), so the candidate loop compares numbers.
std::vector<std::uint32_t> speaker_ids(std::span<const QuoteForGrouping> quotes) {
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::vector<std::uint32_t> out;
    out.reserve(quotes.size());
    for (const auto& quote : quotes) {
        if (quote.speaker.empty()) {
            out.push_back(0);
            continue;
        }
        out.push_back(ids.try_emplace(quote.speaker, static_cast<std::uint32_t>(ids.size() + 1))
                          .first->second);
    }
    return out;
}

// overlap(a, b) >= need, giving up as soon as a's unmatched bigrams make it impossible: most
// candidates fail within a few steps.
bool overlaps_at_least(const std::vector<Bigram>& a, const std::vector<Bigram>& b,
                       std::size_t need) {
    std::size_t found = 0, missed = 0;
    const std::size_t allowed_misses = a.size() - std::min(need, a.size());
    auto j = b.begin();
    for (Bigram x : a) {
        j = std::lower_bound(j, b.end(), x);
        if (j != b.end() && *j == x) {
            if (++found >= need) return true;
        } else if (++missed > allowed_misses) {
            return false;
        }
    }
    return found >= need;
}

bool speakers_compatible(std::uint32_t a, std::uint32_t b) {
    return a == 0 || b == 0 || a == b;
}

// Earlier by date, undated last, ties by id: the member whose id names the group.
bool earlier(const QuoteForGrouping& a, const QuoteForGrouping& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && *a.date != *b.date) return *a.date < *b.date;
    return a.id < b.id;
}

// The same rules as quote_words for pure ASCII, without the round trip through UTF-16: most
// quotes in English-language archives take this path.
std::vector<std::string> ascii_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (std::isalnum(c)) {
            current.push_back(static_cast<char>(std::tolower(c)));
        } else if (c != '\'' || current.empty()) {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

}  // namespace

std::vector<std::string> quote_words(std::string_view text) {
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return ascii_words(text);
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    folded.foldCase();
    std::vector<std::string> words;
    icu::UnicodeString current;
    auto flush = [&] {
        if (current.isEmpty()) return;
        std::string word;
        current.toUTF8String(word);
        words.push_back(std::move(word));
        current.remove();
    };
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
        const UChar32 c = folded.char32At(i);
        if (is_word_char(c)) {
            current.append(c);
        } else if (!is_apostrophe(c) || current.isEmpty()) {
            flush();  // an apostrophe inside a word is dropped; anything else ends the word
        }
    }
    flush();
    return words;
}

double bigram_containment(std::string_view shorter, std::string_view longer) {
    std::unordered_map<std::string, std::uint32_t> dictionary;
    const auto a = bigrams_of(quote_words(shorter), dictionary);
    const auto b = bigrams_of(quote_words(longer), dictionary);
    if (a.empty() || b.empty()) return 0.0;
    return static_cast<double>(overlap(a, b)) / static_cast<double>(std::min(a.size(), b.size()));
}

namespace {

// The quotes as both groupings compare them: exact duplicates (same words, same speaker) joined
// and represented once, so a quote repeated by a hundred outlets costs one entry in the
// candidate search; each representative's bigrams, and the inverted index bigram →
// representatives (every bigram for group_quotes; for regroup_around only the bigrams its walk
// meets, each list still complete).
struct Prepared {
    explicit Prepared(std::size_t n) : groups(n), representative_of(n, n), bigrams(n) {}
    UnionFind groups;
    std::unordered_map<std::string, std::uint32_t> dictionary;
    std::vector<std::size_t> representatives;
    std::vector<std::size_t> representative_of;  // n for quotes below kMinGroupWords
    std::vector<std::vector<Bigram>> bigrams;    // empty except for representatives
    std::unordered_map<Bigram, std::vector<std::size_t>> postings;
    std::vector<std::uint32_t> speakers;
};

Prepared prepare(std::span<const QuoteForGrouping> quotes) {
    const std::size_t n = quotes.size();
    Prepared p(n);
    std::unordered_map<std::string, std::size_t> first_with_text;
    for (std::size_t i = 0; i < n; ++i) {
        const auto words = quote_words(quotes[i].text);
        if (words.size() < kMinGroupWords) continue;
        std::string key = quotes[i].speaker;
        for (const auto& word : words) key.append(1, ' ').append(word);
        auto [it, inserted] = first_with_text.try_emplace(std::move(key), i);
        p.representative_of[i] = it->second;
        if (!inserted) {
            p.groups.unite(i, it->second);
            continue;
        }
        p.bigrams[i] = bigrams_of(words, p.dictionary);
        p.representatives.push_back(i);
    }
    p.speakers = speaker_ids(quotes);
    return p;
}

void index_every_bigram(Prepared& p) {
    p.postings.reserve(p.representatives.size() * 8);
    for (std::size_t i : p.representatives)
        for (Bigram bigram : p.bigrams[i]) p.postings[bigram].push_back(i);
}

// The posting lists of `wanted` (bigrams not indexed yet), in one pass over the representatives:
// a walk that reaches a few hundred quotes needs a few thousand lists, not millions.
void index_bigrams(Prepared& p, const std::unordered_set<Bigram>& wanted) {
    if (wanted.empty()) return;
    for (Bigram bigram : wanted) p.postings.try_emplace(bigram);
    for (std::size_t i : p.representatives)
        for (Bigram bigram : p.bigrams[i])
            if (wanted.count(bigram) != 0) p.postings[bigram].push_back(i);
}

// Every group id from the union-find: the id of each group's earliest member.
std::vector<std::string> name_groups(std::span<const QuoteForGrouping> quotes, UnionFind& groups) {
    const std::size_t n = quotes.size();
    std::vector<std::size_t> earliest(n, n);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t& best = earliest[groups.find(i)];
        if (best == n || earlier(quotes[i], quotes[best])) best = i;
    }
    std::vector<std::string> ids(n);
    for (std::size_t i = 0; i < n; ++i) ids[i] = quotes[earliest[groups.find(i)]].id;
    return ids;
}

}  // namespace

std::vector<std::string> group_quotes(std::span<const QuoteForGrouping> quotes) {
    const std::size_t n = quotes.size();
    Prepared p = prepare(quotes);
    index_every_bigram(p);
    // If the shorter side A shares at least t of its |A| bigrams with B, then B contains one of
    // A's |A| - t + 1 rarest bigrams (pigeonhole), so probing those finds every match.
    std::vector<std::size_t> seen_by(n, n);
    for (std::size_t a : p.representatives) {
        // (frequency, bigram, its posting list): one hash lookup per bigram, then a cheap sort.
        std::vector<std::tuple<std::size_t, Bigram, const std::vector<std::size_t>*>> order;
        order.reserve(p.bigrams[a].size());
        for (Bigram bigram : p.bigrams[a]) {
            const auto& list = p.postings.find(bigram)->second;
            order.emplace_back(list.size(), bigram, &list);
        }
        const std::size_t need = required_overlap(order.size());
        const std::size_t prefix = order.size() - need + 1;
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(prefix),
                          order.end());
        for (std::size_t q = 0; q < prefix; ++q) {
            const auto& list = *std::get<2>(order[q]);
            if (list.size() > kMaxProbedPosting) continue;
            for (std::size_t b : list) {
                if (b == a || seen_by[b] == a) continue;
                seen_by[b] = a;
                // Only pairs where `a` is the shorter side (ties: both probe, either may unite).
                if (p.bigrams[b].size() < p.bigrams[a].size()) continue;
                if (!speakers_compatible(p.speakers[a], p.speakers[b])) continue;
                if (p.groups.find(a) == p.groups.find(b)) continue;
                if (overlaps_at_least(p.bigrams[a], p.bigrams[b], need)) p.groups.unite(a, b);
            }
        }
    }
    return name_groups(quotes, p.groups);
}

namespace {

// Whether group_quotes joins representatives a and b that share a bigram it probes (one in at
// most kMaxProbedPosting representatives). It probes from the shorter side's rarest bigrams: when
// that side has at least as many probed bigrams as it takes, pigeonhole means every pair reaching
// the overlap shares one of them; when it has fewer, all of them are probed. So a pair sharing a
// probed bigram is joined exactly when its overlap reaches the shorter side's requirement,
// whichever side one starts from.
bool joined(const Prepared& p, std::size_t a, std::size_t b) {
    if (!speakers_compatible(p.speakers[a], p.speakers[b])) return false;
    const bool a_shorter = p.bigrams[a].size() <= p.bigrams[b].size();
    const auto& shorter = a_shorter ? p.bigrams[a] : p.bigrams[b];
    const auto& longer = a_shorter ? p.bigrams[b] : p.bigrams[a];
    return overlaps_at_least(shorter, longer, required_overlap(shorter.size()));
}

// True when the change might have moved a bigram across kMaxProbedPosting: then pairs far from
// the change may be probed where they were not (or the reverse). A bigram's count before the
// change lies between its count now minus the changed quotes holding it and plus the removed
// ones holding it.
bool probing_may_move(Prepared& p, const GroupingChange& change) {
    const std::size_t none = p.representative_of.size();
    std::unordered_map<Bigram, std::size_t> added, removed;
    for (std::size_t i : change.changed)
        if (p.representative_of[i] != none)
            for (Bigram bigram : p.bigrams[p.representative_of[i]]) ++added[bigram];
    for (const auto& quote : change.removed)
        for (Bigram bigram : bigrams_of(quote_words(quote.text), p.dictionary)) ++removed[bigram];
    std::unordered_set<Bigram> unindexed;
    for (const auto* counts : {&added, &removed})
        for (const auto& entry : *counts)
            if (!p.postings.contains(entry.first)) unindexed.insert(entry.first);
    index_bigrams(p, unindexed);
    const auto count_now = [&](Bigram bigram) {
        const auto it = p.postings.find(bigram);
        return it == p.postings.end() ? std::size_t{0} : it->second.size();
    };
    const auto crosses = [&](Bigram bigram) {
        const std::size_t now = count_now(bigram);
        const auto a = added.find(bigram);
        const auto r = removed.find(bigram);
        const std::size_t low = now - std::min(now, a == added.end() ? 0 : a->second);
        const std::size_t high = now + (r == removed.end() ? 0 : r->second);
        return now > kMaxProbedPosting ? low <= kMaxProbedPosting : high > kMaxProbedPosting;
    };
    for (const auto& entry : added)
        if (crosses(entry.first)) return true;
    for (const auto& entry : removed)
        if (crosses(entry.first)) return true;
    return false;
}

}  // namespace

std::optional<std::vector<RegroupedQuote>> regroup_around(std::span<const QuoteForGrouping> quotes,
                                                          const GroupingChange& change) {
    const std::size_t n = quotes.size();
    Prepared p = prepare(quotes);
    if (probing_may_move(p, change)) return std::nullopt;

    // Breadth-first over the pairs group_quotes joins, from the representatives of the seeds:
    // every component reached is explored whole.
    std::vector<char> reached(n, 0);
    std::vector<std::size_t> queue;
    std::vector<std::size_t> alone;  // seeds below kMinGroupWords: a group of one
    for (const auto* seeds : {&change.changed, &change.vacated}) {
        for (std::size_t i : *seeds) {
            const std::size_t rep = p.representative_of[i];
            if (rep == n) {
                alone.push_back(i);
            } else if (!reached[rep]) {
                reached[rep] = 1;
                queue.push_back(rep);
            }
        }
    }
    std::vector<std::size_t> checked_by(n, n);
    for (std::size_t head = 0; head < queue.size();) {
        // One step of the walk at a time: the lists of the bigrams it meets first, in one pass.
        std::unordered_set<Bigram> unindexed;
        for (std::size_t k = head; k < queue.size(); ++k)
            for (Bigram bigram : p.bigrams[queue[k]])
                if (!p.postings.contains(bigram)) unindexed.insert(bigram);
        index_bigrams(p, unindexed);
        for (const std::size_t step_end = queue.size(); head < step_end; ++head) {
            const std::size_t a = queue[head];
            for (Bigram bigram : p.bigrams[a]) {
                const auto& list = p.postings.find(bigram)->second;
                if (list.size() > kMaxProbedPosting) continue;
                for (std::size_t b : list) {
                    if (b == a || checked_by[b] == a) continue;
                    checked_by[b] = a;
                    if (p.groups.find(a) == p.groups.find(b) || !joined(p, a, b)) continue;
                    p.groups.unite(a, b);
                    if (!reached[b]) {
                        reached[b] = 1;
                        queue.push_back(b);
                    }
                }
            }
        }
    }

    std::unordered_map<std::size_t, std::size_t> earliest;  // component root → earliest member
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t rep = p.representative_of[i];
        if (rep == n || !reached[rep]) continue;
        members.push_back(i);
        auto [it, inserted] = earliest.try_emplace(p.groups.find(i), i);
        if (!inserted && earlier(quotes[i], quotes[it->second])) it->second = i;
    }
    std::vector<RegroupedQuote> out;
    out.reserve(members.size() + alone.size());
    for (std::size_t i : members) out.push_back({i, quotes[earliest[p.groups.find(i)]].id});
    for (std::size_t i : alone) out.push_back({i, quotes[i].id});
    return out;
}

}  // namespace broadsheet
