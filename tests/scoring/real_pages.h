// real_pages.h — what broadsheet-score-real needs besides extraction: the fixed dev/held-back
// split, reading gzipped pages, the published body metric (4-token shingles of \w+ tokens) and
// the normalisation of metadata labels.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::scoring::real {

// Which part of a real set a page belongs to. Held-back pages are never looked at while tuning,
// so their figures forecast pages nobody has seen.
enum class Split { Dev, HeldBack };
inline constexpr Split kSplits[] = {Split::Dev, Split::HeldBack};

// The one split rule, fixed before any tuning: among a set's pages sorted by name (byte order),
// every fourth one (the 4th, 8th, ...; 0-based index 3, 7, ...) is held back.
Split split_of(std::size_t index_in_sorted_names);
std::string_view split_name(Split split);  // "dev", "held-back"

// The bytes of a gzip file. Throws Error(InvalidArgument) naming the file when it is not gzip
// or is cut short.
std::string read_gzip_file(const std::string& path);
std::string gunzip(std::string_view compressed, const std::string& what);

// The text of an HTML document or fragment as a reader sees it: text nodes in order, block
// boundaries and <br> as spaces, script/style/template left out.
std::string html_text(std::string_view html);

// \w+ tokens: maximal runs of Unicode letters (general category L*), decimal digits (Nd) and
// '_', case kept (the published metric does not lowercase).
std::vector<std::string> word_tokens(std::string_view utf8);

// One page's shingle overlap, normalised so that tp + fp + fn = 1 (all 0 when both texts have
// no shingle). Shingles are counted as multisets.
struct Overlap {
    double tp = 0;
    double fp = 0;
    double fn = 0;
};
inline constexpr std::size_t kShingleSize = 4;
Overlap shingle_overlap(const std::vector<std::string>& expected,
                        const std::vector<std::string>& got);

// Averages per-page precision and recall; F1 comes from the two averages (the README's metric).
// A page where neither text has a shingle counts as precision and recall 1; one where only the
// extraction has none counts as precision 0 (an empty body is a wrong answer, not a cautious
// one) and recall 0.
class BodyTally {
  public:
    void add(const Overlap& overlap);
    std::size_t pages() const { return pages_; }
    double precision() const;
    double recall() const;
    double f1() const;

  private:
    std::size_t pages_ = 0;
    double precision_sum_ = 0;
    double recall_sum_ = 0;
};

// A metadata value for exact comparison: Unicode case folded, whitespace collapsed and trimmed,
// typographic quotes to ASCII, dashes (en, em, minus, figure, horizontal bar) to '-'.
std::string normalise_label(std::string_view value);

}  // namespace broadsheet::scoring::real
