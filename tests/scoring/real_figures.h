// real_figures.h — the figures broadsheet-score-real collects per split (body metric, metadata
// and date accuracy, thin bodies) and per set (speed), how it prints them, and the floors and
// ceilings a run is checked against.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "tests/scoring/real_pages.h"
#include "tests/scoring/real_speakers.h"
#include "tests/scoring/scoring.h"

namespace broadsheet::scoring::real {

// A body under this many words where the expected text has more than kThinExpectedWords is a
// thin body: the article text was not found (a cookie notice or a form message instead).
inline constexpr std::size_t kThinBodyWords = 50;
inline constexpr std::size_t kThinExpectedWords = 200;

struct Speed {
    std::size_t pages = 0;
    std::size_t bytes = 0;  // uncompressed HTML
    double seconds = 0;     // CPU time of the thread inside extract_file only
};

// One readability/ page: what its expected files say. Null labels are nullopt and not scored.
struct ReadabilityPage {
    std::string name;
    std::string expected_text;  // reader text of expected.html
    std::optional<std::string> title, site_name, byline, date;
    // The site-name label as the registry names it ("Washington Post" → "The Washington Post"):
    // extraction gives a registered outlet's canonical name, so answers are compared with this.
    std::optional<std::string> site_name_registered;
};

struct PageBody {
    std::string name;
    Overlap overlap;
    std::size_t expected_words = 0;
    std::size_t got_words = 0;
};

struct SplitFigures {
    BodyTally body;
    Ratio title, site_name, byline, date;  // readability/, labelled pages only
    Ratio htmldate_date;                   // htmldate/
    std::vector<std::string> thin_bodies;
    std::vector<PageBody> pages;  // per-page body figures (JSON output)
    std::vector<nlohmann::json> htmldate_misses;
    SpeakerCounts speakers;  // labelled pages of both sets (real_speakers.json), micro-averaged
    std::size_t speaker_pages = 0;
};

// Title and site name of the text extraction on one renderer's text of the readability/ pages,
// and the ceiling: how many labels the rendering prints at all (a label the text never shows
// cannot be read from it).
struct RenderingFigures {
    Ratio title, site_name;
    Ratio title_as_line;  // the title label is a line (or a wrapped run of lines) of the text
    Ratio title_in_text;  // ... or at least stands inside a line
    Ratio site_in_text;   // the site-name label stands inside a line
};

// Where a label stands in a rendering, after the labels' normalisation.
enum class Reach { Absent, InText, AsLine };

// Whether `label` is a line of `rendered` (up to three consecutive lines joined, a renderer's
// heading marks such as html2text's asterisks ignored), stands inside one, or is absent.
Reach label_reach(std::string_view label, std::string_view rendered);

// Whether names of held-back pages may be printed or written: never while tuning.
enum class Reveal { DevOnly, BothSplits };

// "SPLIT.FIGURE=VALUE" arguments; throws Error(InvalidArgument) on a malformed one.
std::map<std::string, double> parse_limits(const std::vector<std::string>& arguments);

class Run {
  public:
    explicit Run(Reveal reveal) : reveal_(reveal) {}

    void add_readability(Split split, const ReadabilityPage& page, const Article* article);
    void add_htmldate(Split split, const std::string& file, const std::string& expected_date,
                      const Article* article);
    // The page as `renderer` renders it to text, through the text extraction.
    void add_rendering(const std::string& renderer, Split split, const ReadabilityPage& page,
                       std::string_view rendered, const Article* article);
    // Counts the article's speakers against the page's hand-made label.
    void add_speakers(Split split, const std::string& page, const SpeakerLabel& label,
                      const Article* article);

    Speed readability_speed, htmldate_speed;
    std::size_t htmldate_missing = 0;  // labels naming a file that is not shipped

    void print() const;
    nlohmann::json to_json() const;
    // Prints the SUMMARY and RESULT lines; 0 when every named limit holds, 1 otherwise. A limit
    // naming no figure is an error (a typo must not pass silently).
    int check(const std::map<std::string, double>& floors,
              const std::map<std::string, double>& ceilings) const;

  private:
    bool revealed(Split split) const;
    const SplitFigures& figures(Split split) const;
    SplitFigures& figures(Split split);
    std::vector<std::pair<std::string, double>> named_figures() const;

    void print_renderings() const;

    Reveal reveal_;
    std::array<SplitFigures, 2> splits_;
    // Per renderer, in the order first seen: dev and held-back figures.
    std::vector<std::pair<std::string, std::array<RenderingFigures, 2>>> renderings_;
};

}  // namespace broadsheet::scoring::real
