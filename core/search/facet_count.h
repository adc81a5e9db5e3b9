// facet_count.h — the facets and date histogram of a match, counted from the facet columns on a
// single database, or by Xapian's ValueCountMatchSpy on a database of several shards.
//
// The columns are arrays indexed by document id, and a match spy on a database of several shards
// sees each shard's own ids, so there the columns do not exist (FacetColumns::load gives nullptr)
// and stock value-count spies count instead: they read each match's value (slower than the
// columns) but their counts add up across shards, local or remote. Both paths give the same
// lists: the speakers slot holds the names joined by kMultiValueSeparator, and each counted
// joined value adds its count to each distinct name in it; "(unknown)" is the matches minus the
// documents that had a value.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <vector>

#include "core/search/facet_columns.h"
#include "core/search/histogram.h"
#include "core/search/search_types.h"

namespace broadsheet {

// Not thread-safe; one per match pass, attached to one Enquire.
class FacetCounter {
  public:
    // `columns` nullptr: count with value-count spies.
    FacetCounter(std::shared_ptr<const FacetColumns> columns, ColumnFields fields);
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;
    ~FacetCounter();

    // Adds this counter's spies to `enquire`; they must outlive its get_mset calls.
    void attach(Xapian::Enquire& enquire);

    // Matches seen.
    std::size_t total() const;
    // Count descending, then value; outlet and speaker end with kUnknownValue when it counts any.
    std::vector<FacetValue> outlets() const;
    std::vector<FacetValue> speakers() const;
    std::vector<FacetValue> years() const;
    // Per-day counts and undated matches for make_histogram().
    HistogramInput histogram_input(HistogramInterval interval) const;

  private:
    ColumnFields fields_;
    std::unique_ptr<ColumnCountSpy> columns_;
    // The value-count path; the date spy is always there, since it also counts the matches.
    std::unique_ptr<Xapian::ValueCountMatchSpy> outlet_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> speaker_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> date_;
};

}  // namespace broadsheet
