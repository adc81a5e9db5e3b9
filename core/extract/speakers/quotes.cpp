// quotes.cpp — analyse_speakers(): quote spans → tokens → people → cues → resolution →
// canonical names. Each step lives in its own file; this one wires them and applies the
// article-level rules (continuation of a speaker's quotes, headline speakers, the author).
#include "core/extract/speakers/quotes.h"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>

#include "core/extract/speakers/attribution.h"
#include "core/extract/speakers/headline.h"
#include "core/extract/speakers/interview.h"
#include "core/extract/speakers/names.h"
#include "core/extract/speakers/quote_spans.h"
#include "core/extract/speakers/resolution.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet {
namespace {

using namespace speakers;

constexpr double kRoleFactor = 0.8;
constexpr double kPronounFactor = 0.75;
constexpr double kContinuation = 0.6;
constexpr double kPreviousSentence = 0.5;
constexpr double kHeadline = 0.8;

struct QuoteSite {
    std::size_t open = 0;   // OpenQuote token
    std::size_t close = 0;  // CloseQuote token
    Attribution attribution;
    int person = -1;
    bool unnamed_source = false;  // the cue names a source we cannot identify: stays unattributed
};

class Analysis {
  public:
    explicit Analysis(const SpeakerInput& input)
        : input_(input),
          spans_(find_quote_spans(input.body)),
          tokens_(tokenize(input.body, spans_)),
          headline_spans_(find_quote_spans(input.title)),
          headline_tokens_(tokenize(input.title, headline_spans_)),
          headline_speakers_(headline_speakers(headline_tokens_)),
          people_(find_people(tokens_, headline_names(), name_hints())),
          attributor_(tokens_, people_),
          resolver_(tokens_, people_) {}

    SpeakerAnalysis run() {
        attribute_quotes();
        reported_ = attributor_.reported_speech();
        const auto& reported = reported_;
        resolve(reported);
        SpeakerAnalysis out;
        std::vector<std::string> names;
        for (auto& site : sites_) {
            if (site.attribution.subject.kind != RefKind::None)
                site.person = resolver_.person_for(site.attribution.subject);
            site.unnamed_source = site.attribution.subject.kind != RefKind::None && site.person < 0;
        }
        continue_speakers();
        for (const auto& site : sites_) {
            out.quotes.push_back(make_quote(site));
            if (site.person >= 0) add_speaker(site.person);
        }
        for (const auto& a : reported)
            if (const int p = resolver_.person_for(a.subject); p >= 0) add_speaker(p);
        for (const int p : interview_speakers(tokens_, people_)) add_speaker(p);
        headline(out);
        out.speakers = std::move(speakers_);
        std::sort(out.speakers.begin(), out.speakers.end());
        out.speakers.erase(std::unique(out.speakers.begin(), out.speakers.end()),
                           out.speakers.end());
        return out;
    }

  private:
    void attribute_quotes() {
        for (std::size_t k = 0; k < tokens_.size(); ++k) {
            if (tokens_[k].kind != TokenKind::OpenQuote) continue;
            QuoteSite site;
            site.open = k;
            site.close = k + 1;  // the tokenizer emits each quote's two marks together
            site.attribution = attributor_.attribute_quote(site.open, site.close);
            sites_.push_back(std::move(site));
        }
    }

    void resolve(const std::vector<Attribution>& reported) {
        std::vector<Site> sites;
        for (const auto& s : sites_) sites.push_back(Site{s.attribution.subject, true});
        for (const auto& a : reported) sites.push_back(Site{a.subject, true});
        // The subject of each sentence is the preferred antecedent of a later he/she.
        std::size_t last_sentence = static_cast<std::size_t>(-1);
        for (std::size_t k = 0; k < tokens_.size(); ++k) {
            if (tokens_[k].sentence == last_sentence) continue;
            last_sentence = tokens_[k].sentence;
            const auto subject = attributor_.sentence_subject(k);
            if (subject.kind != RefKind::None) sites.push_back(Site{subject, true});
        }
        resolver_.resolve(std::move(sites));
    }

    // A quote without a cue of its own continues the speaker of a quote in the same sentence,
    // or of the previous quote in the same paragraph ("…,” Kupchan said. “…”).
    void continue_speakers() {
        for (std::size_t q = 0; q < sites_.size(); ++q) {
            auto& site = sites_[q];
            if (site.person >= 0 || site.unnamed_source) continue;
            const Token& open = tokens_[site.open];
            // Only a quote that is a sentence of its own carries on someone's words across
            // sentences; a scare quote inside a sentence ("“fake news” was his answer") does not.
            const bool whole_sentence = site.open > 0 &&
                                        attributor_.sentence_start(site.open) == site.open &&
                                        ends_sentence(site.close);
            std::optional<std::size_t> from;
            if (q + 1 < sites_.size() && tokens_[sites_[q + 1].open].sentence == open.sentence &&
                sites_[q + 1].person >= 0)
                from = q + 1;
            else if (q > 0 && whole_sentence &&
                     tokens_[sites_[q - 1].close].paragraph == open.paragraph &&
                     sites_[q - 1].person >= 0 && !someone_else_between(q))
                from = q - 1;
            if (from) {
                site.person = sites_[*from].person;
                site.attribution.subject = sites_[*from].attribution.subject;
            } else if (opens_paragraph(site.open) && ends_sentence(site.close)) {
                site.person = last_speaker_in_paragraph(open.paragraph - 1);
            } else if (whole_sentence) {
                // "Smith was blunt. “We failed.”": the previous sentence's subject speaks.
                const auto subject = attributor_.sentence_subject(site.open - 1);
                site.person = resolver_.person_for(subject);
                if (site.person >= 0) {
                    site.attribution.cue = "previous sentence";
                    site.attribution.strength = kPreviousSentence;
                }
                continue;
            }
            if (site.person < 0) continue;
            site.attribution.cue = "continuation";
            site.attribution.strength = kContinuation;
        }
    }

    // "“Is it the end?” asked Maria Lopez. Her colleague Tom Reyes shrugged. “Who knows.”":
    // a sentence about another person between two quotes hands the second quote to them.
    bool someone_else_between(std::size_t q) const {
        const std::size_t open = sites_[q].open;
        if (attributor_.sentence_start(open) != open || open == 0) return false;
        if (tokens_[sites_[q - 1].close].sentence == tokens_[open - 1].sentence) return false;
        const int person = resolver_.person_for(attributor_.sentence_subject(open - 1));
        return person >= 0 && person != sites_[q - 1].person;
    }

    // The quote's closing mark ends its sentence: terminal punctuation inside the marks and
    // nothing of the sentence after them (or the paragraph ends).
    bool ends_sentence(std::size_t close) const {
        return tokens_[close].punctuated &&
               (close + 1 == tokens_.size() ||
                tokens_[close + 1].sentence != tokens_[close].sentence);
    }

    bool opens_paragraph(std::size_t token) const {
        return token > 0 && tokens_[token - 1].paragraph != tokens_[token].paragraph;
    }

    // The person of the last speech event (quote or reported speech) in a paragraph: a quote
    // opening the next paragraph without a cue continues them ("X said that … ¶ “…”").
    int last_speaker_in_paragraph(std::size_t paragraph) {
        if (!last_event_ready_) {
            // paragraph → (cue token, person) of its last speech event, built once.
            const auto consider = [&](std::size_t token, int person) {
                auto& slot = last_event_[tokens_[token].paragraph];
                if (token >= slot.first) slot = {token, person};
            };
            for (const auto& site : sites_)
                if (site.person >= 0 || site.unnamed_source)
                    consider(site.attribution.cue_token, site.person);
            for (const auto& a : reported_) consider(a.cue_token, resolver_.person_for(a.subject));
            last_event_ready_ = true;
        }
        const auto it = last_event_.find(paragraph);
        return it == last_event_.end() ? -1 : it->second.second;
    }

    Quote make_quote(const QuoteSite& site) const {
        const auto& span = spans_[static_cast<std::size_t>(tokens_[site.open].quote)];
        Quote quote;
        quote.begin = span.begin;
        quote.end = span.end;
        quote.text = std::string(input_.body.substr(span.begin, span.end - span.begin));
        if (site.attribution.subject.kind != RefKind::None || site.person >= 0)
            quote.cue = site.attribution.cue;
        if (site.person < 0) return quote;
        quote.speaker = canonical(site.person);
        double confidence = site.attribution.strength;
        if (site.attribution.cue != "continuation" && site.attribution.cue != "previous sentence") {
            if (site.attribution.subject.kind == RefKind::Role) confidence *= kRoleFactor;
            if (site.attribution.subject.kind == RefKind::Pronoun) confidence *= kPronounFactor;
        }
        quote.confidence = std::clamp(confidence, 0.0, 1.0);
        return quote;
    }

    std::vector<std::vector<std::string>> headline_names() const {
        std::vector<std::vector<std::string>> names;
        for (const auto& s : headline_speakers_) names.push_back(s.words);
        return names;
    }

    NameHints name_hints() const {
        NameHints hints;
        if (!input_.registry) return hints;
        hints.known_person = [this](std::string_view word) { return known_alias(word); };
        hints.organisation = [this](std::string_view name) {
            return !input_.registry->outlet_for_alias(name).empty();
        };
        return hints;
    }

    bool known_alias(std::string_view word) const {
        if (!input_.registry) return false;
        return ascii_lower(input_.registry->canonical_speaker(word)) != ascii_lower(word);
    }

    std::string canonical_name(const std::string& name) const {
        return input_.registry ? input_.registry->canonical_speaker(name) : name;
    }

    std::string canonical(int person) const {
        return canonical_name(people_.persons[static_cast<std::size_t>(person)].name());
    }

    // The byline author writes the piece; they are never one of its speakers.
    bool is_author(const std::vector<std::string>& words) const {
        if (input_.author.empty() || words.empty()) return false;
        const std::string author = ascii_lower(input_.author);
        const std::string surname = ascii_lower(words.back());
        const std::string given = ascii_lower(words.front());
        return author.find(surname) != std::string::npos &&
               (words.size() == 1 || author.find(given) != std::string::npos);
    }

    void add_speaker(int person) {
        const auto& p = people_.persons[static_cast<std::size_t>(person)];
        if (is_author(p.words)) return;
        speakers_.push_back(canonical(person));
    }

    // A headline speaker is the body's person of that surname when there is one.
    // `lead_without_quote`: "Saving Data: Reducing the size …" has the shape of "John Kerry: …"
    // but no quotation after the colon and nobody of that name in the body: a section name.
    std::string headline_name(const std::vector<std::string>& words,
                              bool lead_without_quote) const {
        const auto key = surname_key(words.back());
        for (const auto& p : people_.persons)
            if (surname_key(p.words.back()) == key) return canonical_name(p.name());
        if (words.size() < 2)
            return known_alias(words.front()) ? canonical_name(words.front()) : "";
        std::string name;
        for (const auto& w : words) name += (name.empty() ? "" : " ") + w;
        if (lead_without_quote && !known_alias(name)) return "";
        return canonical_name(name);
    }

    void headline(SpeakerAnalysis& out) {
        std::string lead;
        for (const auto& s : headline_speakers_) {
            if (is_author(s.words)) continue;
            const auto name = headline_name(s.words, s.leads && headline_spans_.empty());
            if (name.empty()) continue;
            speakers_.push_back(name);
            if (s.leads) lead = name;
        }
        for (const auto& span : headline_spans_) {
            Quote quote;
            quote.begin = span.begin;
            quote.end = span.end;
            quote.text = std::string(input_.title.substr(span.begin, span.end - span.begin));
            if (!lead.empty()) {
                quote.speaker = lead;
                quote.cue = "headline";
                quote.confidence = kHeadline;
            }
            out.headline_quotes.push_back(std::move(quote));
        }
    }

    const SpeakerInput& input_;
    std::vector<QuoteSpan> spans_;
    std::vector<Token> tokens_;
    std::vector<QuoteSpan> headline_spans_;
    std::vector<Token> headline_tokens_;
    std::vector<HeadlineSpeaker> headline_speakers_;
    People people_;
    Attributor attributor_;
    Resolver resolver_;
    std::vector<QuoteSite> sites_;
    std::vector<Attribution> reported_;
    std::map<std::size_t, std::pair<std::size_t, int>> last_event_;
    bool last_event_ready_ = false;
    std::vector<std::string> speakers_;
};

}  // namespace

SpeakerAnalysis analyse_speakers(const SpeakerInput& input) {
    try {
        Analysis analysis(input);
        return analysis.run();
    } catch (const std::exception&) {
        // Only resource exhaustion can get here; an article without speakers loses nothing else.
        return {};
    }
}

}  // namespace broadsheet
