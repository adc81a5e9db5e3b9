// grouping.h — near-duplicate quote groups: the same words reported by several outlets.
//
// Two quotes belong together when the shorter one's word bigrams are mostly (kMinContainment)
// found in the longer one, both have at least kMinGroupWords words, and they are not attributed
// to two different speakers. Groups are the connected components of that relation (union-find);
// a group's id is the id of its earliest member (by date, undated last, ties by id).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace broadsheet {

// Quotes shorter than this never group: "No", "absolutely not" or "a tragedy" recur across
// unrelated stories, and a few words are not evidence of the same statement.
inline constexpr std::size_t kMinGroupWords = 5;
// Share of the shorter quote's word bigrams that must occur in the longer one.
inline constexpr double kMinContainment = 0.7;

struct QuoteForGrouping {
    std::string id;       // the quote document id ("<article id>~q<n>")
    std::string text;     // the quote's words as extracted
    std::string speaker;  // canonical speaker; empty when unattributed (matches anyone)
    std::optional<Date> date;
};

// Lowercased (Unicode case folding), punctuation and quotation marks dropped, apostrophes
// removed inside words ("don’t" and "don't" both give "dont"): the words compared.
std::vector<std::string> quote_words(std::string_view text);

// Share of `shorter`'s distinct word bigrams found in `longer`'s (1.0 when all are); 0 when either
// is below kMinGroupWords words. Exposed for tests; group_quotes applies the same rule.
double bigram_containment(std::string_view shorter, std::string_view longer);

// The group id of every quote, in input order. Near-linear: candidates come from an inverted
// index probed only with each quote's rarest bigrams (prefix filtering), never all pairs.
std::vector<std::string> group_quotes(std::span<const QuoteForGrouping> quotes);

// What changed in a set of quotes since their groups were last computed, by index into the
// quotes now present: `changed` are new, or have other words, speaker or date than before;
// `vacated` are the members of every group that lost a quote (removed, or changed away); and
// `removed` holds the quotes gone (and the changed ones as they were).
struct GroupingChange {
    std::vector<std::size_t> changed;
    std::vector<std::size_t> vacated;
    std::vector<QuoteForGrouping> removed;
};

struct RegroupedQuote {
    std::size_t index = 0;  // into the quotes given to regroup_around
    std::string group;
};

// The groups group_quotes(quotes) gives every quote connected to a changed or vacated one; every
// other quote keeps the group it had, provided the groups before the change were group_quotes' of
// the quotes then. nullopt when the change might have made a bigram too common to probe, or
// common no more: then groups far from the change can move, and only group_quotes answers.
std::optional<std::vector<RegroupedQuote>> regroup_around(std::span<const QuoteForGrouping> quotes,
                                                          const GroupingChange& change);

}  // namespace broadsheet
