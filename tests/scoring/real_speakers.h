// real_speakers.h — the hand-made speaker labels of real readability/ and htmldate/ pages
// (tests/scoring/real_speakers.json) and how broadsheet-score-real counts an article's speakers
// against them.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tests/scoring/scoring.h"

namespace broadsheet::scoring::real {

// One page's label: each person is the list of forms the article gives for them (the fullest
// first; any one matches), and optional names are neither rewarded nor penalised.
struct SpeakerLabel {
    std::vector<std::vector<std::string>> people;
    std::vector<std::string> optional;
};

// {"page": [person, ...]} or {"page": {"speakers": [...], "optional": [...]}}, where a person is
// a name or a list of names; keys starting with '_' are comments. Throws
// Error(InvalidArgument) naming the page when an entry has the wrong shape.
std::map<std::string, SpeakerLabel> parse_speaker_labels(const nlohmann::json& document);

// A name for comparison: normalise_label, then initials ("C.", "G") and a trailing full stop
// dropped, so "William G. Gale" and "William Gale" compare equal.
std::string normalise_speaker(std::string_view name);

// Micro counts of one page: an extracted name matching a person's form is a true positive the
// first time and a duplicate (false positive) after; an optional name counts nothing; any other
// name is a false positive; a person no name matched is a false negative. Mismatches, when
// asked for, say which.
SpeakerCounts count_page_speakers(const SpeakerLabel& label,
                                  const std::vector<std::string>& extracted,
                                  std::vector<std::string>* mismatches);

}  // namespace broadsheet::scoring::real
