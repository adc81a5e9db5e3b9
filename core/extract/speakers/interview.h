// interview.h — the speakers of interview transcripts: paragraphs that open with the speaker's
// name and a colon and go on with what they said ("Thomas Malone: A supermind is …",
// "Mr Malone: Groups don't always …", "ALEXANDRIA DOUZIECH: I try to …").
#pragma once

#include <vector>

#include "core/extract/speakers/names.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {

// Indexes into People::persons of everyone answering in such a paragraph, in text order (may
// repeat). A label set in capitals names a person only when the article also names them in
// ordinary case, so "BREAKING NEWS: …" and "EXCLUSIVE: …" name nobody.
std::vector<int> interview_speakers(const std::vector<Token>& tokens, const People& people);

}  // namespace broadsheet::speakers
