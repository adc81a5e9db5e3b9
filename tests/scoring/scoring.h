// scoring.h — labelled-set scoring of extraction: label parsing, normalisation, per-file
// comparison and the running tally that broadsheet-score prints.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace broadsheet::scoring {

struct LabelQuote {
    std::optional<std::string> speaker;  // nullopt: the label says the quote is unattributed
    std::string text;                    // the quote's opening words (labels may truncate)
};

// One entry of a labels file (the shape of tests/seeds-labels.json).
struct Label {
    std::string file;        // relative to the set's directory
    std::size_t record = 0;  // 1-based line of a JSON Lines file; 0 for other formats
    bool expect_skipped = false;
    std::optional<std::string> title;
    std::optional<std::string> date;  // "YYYY-MM-DD"
    std::optional<std::string> outlet;
    std::optional<std::string> author;
    std::vector<std::string> title_alt;
    std::vector<std::string> outlet_alt;
    std::vector<std::string> speakers;                      // canonical names that must be found
    std::vector<std::string> speakers_optional;             // neither rewarded nor penalised
    std::map<std::string, std::string> alias_to_canonical;  // normalised alias → canonical
    std::vector<LabelQuote> quotes;
};

// Parses a labels document (a JSON array). Throws Error(InvalidArgument) naming the entry when
// a required key is missing or has the wrong type.
std::vector<Label> parse_labels(const nlohmann::json& document);

// Collapses runs of whitespace to one space, trims, and maps typographic quote marks and
// apostrophes to their ASCII forms, so "“Listen”  now" and "\"Listen\" now" compare equal.
std::string normalise_text(std::string_view text);

enum class Field { Title, Date, Outlet, Author };
std::string_view field_name(Field field);

struct Mismatch {
    std::string what;      // "title", "speaker missing", "quote speaker", ...
    std::string expected;  // rendered; "null" for an absent value
    std::string got;
};

// Speaker counts for micro-averaged precision/recall.
struct SpeakerCounts {
    std::size_t true_positive = 0;
    std::size_t false_positive = 0;
    std::size_t false_negative = 0;
};

struct FileScore {
    std::map<Field, bool> field_correct;
    SpeakerCounts speakers;
    std::size_t quotes_labelled = 0;    // labelled quotes
    std::size_t quotes_found = 0;       // ... that some extracted quote contains
    std::size_t quotes_attributed = 0;  // ... found and given the labelled speaker (or none)
    std::size_t offsets_checked = 0;    // extracted quotes
    std::size_t offsets_valid = 0;      // ... whose [begin, end) in the body is their text
    std::vector<Mismatch> mismatches;
};

// Compares one extracted article (nullptr: extraction produced none for this label) with its
// label. Skipped labels are not compared here (see Tally::add_skip).
FileScore score_article(const Label& label, const Article* article);

// Speaker counts alone: `extracted` are names as the extractor printed them.
SpeakerCounts count_speakers(const Label& label, const std::vector<std::string>& extracted,
                             std::vector<Mismatch>* mismatches);

struct Ratio {
    std::size_t hits = 0;
    std::size_t total = 0;
    double value() const { return total == 0 ? 1.0 : static_cast<double>(hits) / total; }
};

struct Prf {
    double precision = 1.0;
    double recall = 1.0;
    double f1 = 1.0;
};
Prf micro_prf(const SpeakerCounts& counts);

// Sums FileScores over a run.
class Tally {
  public:
    void add(const FileScore& score);
    void add_skip(bool skipped_as_expected);

    Ratio field(Field field) const;
    const SpeakerCounts& speakers() const { return speakers_; }
    Ratio skips() const { return skips_; }
    Ratio quotes_found() const { return quotes_found_; }
    Ratio quotes_attributed() const { return quotes_attributed_; }
    Ratio quote_offsets() const { return quote_offsets_; }

  private:
    std::map<Field, Ratio> fields_;
    SpeakerCounts speakers_;
    Ratio skips_;
    Ratio quotes_found_;
    Ratio quotes_attributed_;
    Ratio quote_offsets_;
};

}  // namespace broadsheet::scoring
