// facets.h — facet counting: a match spy for the multi-valued speaker slot, the split of its
// joined values, and the sorted value/count lists the API returns.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_types.h"

namespace broadsheet {

// Counts, over the documents the matcher shows it, each value of a slot that holds several
// values joined by kMultiValueSeparator (schema.h: kSlotSpeakers), and the documents whose slot
// is empty. Each value counts once per document even if it is repeated. A single-valued slot
// (kSlotOutlet) is counted the same way, for its count of missing values.
class MultiValueCountSpy : public Xapian::MatchSpy {
  public:
    explicit MultiValueCountSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double wt) override;
    Xapian::MatchSpy* clone() const override;
    std::string name() const override;

    const std::map<std::string, std::size_t>& counts() const { return counts_; }
    // Documents seen whose slot holds no value.
    std::size_t missing() const { return missing_; }

  private:
    Xapian::valueno slot_;
    std::map<std::string, std::size_t> counts_;
    std::size_t missing_ = 0;
};

// The distinct non-empty names of a value joined by kMultiValueSeparator (views into `joined`).
std::set<std::string_view> split_names(std::string_view joined);

// How many matches `spy` saw with each name of its multi-valued slot: each joined value's count
// goes to every distinct name in it, so a document counts once per name, as with
// MultiValueCountSpy. Unlike that spy, this one runs on remote shards too.
std::map<std::string, std::size_t> name_counts(const Xapian::ValueCountMatchSpy& spy);

// `values` sorted by count descending, then value ascending (a stable order for ties).
std::vector<FacetValue> sort_by_count(std::vector<FacetValue> values);

// Value/count pairs sorted by count descending, then value ascending (a stable order for ties).
std::vector<FacetValue> sorted_facet(const Xapian::ValueCountMatchSpy& spy);
// The same, followed by {kUnknownValue, spy.missing()} when that count is not zero.
std::vector<FacetValue> sorted_facet(const MultiValueCountSpy& spy);

}  // namespace broadsheet
