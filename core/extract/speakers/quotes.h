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

struct SpeakerAnalysis {
    std::vector<Quote> quotes;          // in body order; offsets index SpeakerInput::body
    std::vector<std::string> speakers;  // canonical names, sorted and unique: the people quoted
                                        // directly or through clearly reported speech
};

// Pure function of its input; never throws on any UTF-8 text.
SpeakerAnalysis analyse_speakers(const SpeakerInput& input);

}  // namespace broadsheet
