// quotes.h — find direct quotations in a body and attribute each to a canonical speaker.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/extract/registry.h"

namespace broadsheet {

struct SpeakerInput {
    std::string_view title;   // headline: "John Kerry: ..." attributes the headline's quote
    std::string_view body;    // chrome-free body, paragraphs separated by "\n\n"
    std::string_view author;  // the byline author, who is never a speaker for their own op-ed
    const Registry* registry = nullptr;  // speaker aliases; nullptr → none
};

// Quote::confidence scale (0..1):
//   0.95  a named speaker right after the quote ("…,” Kerry said / said Mr Putin)
//   0.9   a named speaker with a colon cue before it (Lavrov responded: “…”)
//   0.85  a named speaker cued earlier in the same sentence (Kerry said the talks … “…”,
//         calling the talks “…”)
//   0.7   a named speaker cued later in the sentence, not next to the quote
//   ×0.8  when the subject was a role phrase resolved to a name ("the minister urged")
//   ×0.75 when it was a pronoun resolved to the latest subject ("…,” he said)
//   0.6   a quote without its own cue continuing the previous speaker's quote in the paragraph
//         (or, opening a paragraph, the last speaker of the paragraph before)
//   0.5   a quote opening a sentence without a cue, after a sentence whose subject is a person
//   0.8   a headline quote attributed by "Name: …"
//   0     unattributed (no cue, or the cue's subject is an unnamed source)
// Each is scaled by the cue word's strength (said 1.0, noted 0.9, indicated 0.7).
struct SpeakerAnalysis {
    std::vector<Quote> quotes;  // in body order; offsets index SpeakerInput::body
    std::vector<Quote>
        headline_quotes;                // quotes in the headline; offsets index SpeakerInput::title
    std::vector<std::string> speakers;  // canonical names, sorted and unique: the people quoted
                                        // directly or through clearly reported speech
};

// Pure function of its input; never throws on any UTF-8 text.
SpeakerAnalysis analyse_speakers(const SpeakerInput& input);

}  // namespace broadsheet
