// headline.h — speakers named by a headline: "John Kerry: Russia could be ‘opportunity’" and
// "…, John Kerry Says After Meeting …".
#pragma once

#include <string>
#include <vector>

#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {

struct HeadlineSpeaker {
    std::vector<std::string> words;  // the name as the headline writes it
    bool leads = false;  // "Name: …" — the headline's own quotes are this person's words
};

// Names attributed speech by the headline, found by shape: a name before a colon that opens
// the headline, or a name right before a speech verb ("Says", "Warns", "Tells").
std::vector<HeadlineSpeaker> headline_speakers(const std::vector<Token>& headline);

}  // namespace broadsheet::speakers
