// quotes.cpp — analyse_speakers(): quote spans, attribution and the article's speaker list.
#include "core/extract/speakers/quotes.h"

#include <algorithm>

#include "core/extract/speakers/quote_spans.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet {
namespace {

using speakers::Token;
using speakers::TokenKind;

bool is_said(const Token& t) {
    return t.kind == TokenKind::Word && (t.key == "said" || t.key == "says");
}

// The capitalised run ending at `last` (inclusive), joined with spaces.
std::string name_ending_at(const std::vector<Token>& tokens, std::size_t last) {
    std::size_t first = last;
    while (first > 0 && tokens[first - 1].kind == TokenKind::Word && tokens[first - 1].capitalised)
        --first;
    std::string name;
    for (std::size_t k = first; k <= last; ++k) {
        if (!name.empty()) name += ' ';
        name += tokens[k].stem;
    }
    return name;
}

}  // namespace

SpeakerAnalysis analyse_speakers(const SpeakerInput& input) {
    SpeakerAnalysis result;
    const auto spans = speakers::find_quote_spans(input.body);
    const auto tokens = speakers::tokenize(input.body, spans);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind != TokenKind::CloseQuote) continue;
        const auto& span = spans[static_cast<std::size_t>(tokens[k].quote)];
        Quote quote;
        quote.begin = span.begin;
        quote.end = span.end;
        quote.text = std::string(input.body.substr(span.begin, span.end - span.begin));
        std::size_t next = k + 1;
        if (next < tokens.size() && speakers::is_punct(tokens[next], ",")) ++next;
        if (next + 1 < tokens.size() && tokens[next].capitalised && is_said(tokens[next + 1])) {
            quote.speaker = name_ending_at(tokens, next);
        } else if (next + 1 < tokens.size() && is_said(tokens[next]) &&
                   tokens[next + 1].capitalised) {
            std::size_t last = next + 1;
            while (last + 1 < tokens.size() && tokens[last + 1].capitalised) ++last;
            quote.speaker = name_ending_at(tokens, last);
        }
        if (!quote.speaker.empty()) {
            if (input.registry) quote.speaker = input.registry->canonical_speaker(quote.speaker);
            quote.cue = "said";
            quote.confidence = 0.9;
            result.speakers.push_back(quote.speaker);
        }
        result.quotes.push_back(std::move(quote));
    }
    std::sort(result.speakers.begin(), result.speakers.end());
    result.speakers.erase(std::unique(result.speakers.begin(), result.speakers.end()),
                          result.speakers.end());
    return result;
}

}  // namespace broadsheet
