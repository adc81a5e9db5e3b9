// facet_columns.h — the values facets and the timeline count (outlet, speakers, date), loaded
// once per index revision into compact arrays indexed by document id, with a dictionary per
// field (doc values and global ordinals), shared read-only by every worker; and the match spy
// that counts from them without reading any document.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/search/histogram.h"
#include "core/search/search_types.h"

namespace broadsheet {

class FacetColumns {
  public:
    // Reads the outlet, speaker and date slots of every document of `db` through its value
    // streams. nullptr for a database of several shards (their document ids interleave). May
    // throw Xapian errors.
    static std::shared_ptr<const FacetColumns> load(const Xapian::Database& db);

    // Whether these columns hold `db` as it is now: the same database at the same revision.
    bool describes(const Xapian::Database& db) const;

    // Memory the arrays and dictionaries take, in bytes.
    std::size_t bytes() const;
    // Documents with any value in the columns.
    std::size_t documents() const { return documents_; }

  private:
    friend class ColumnCountSpy;
    // Ordinal 0 is "no value" in every column; names_[i - 1] is ordinal i's value.
    std::vector<std::string> outlet_names_;
    std::vector<std::string> speaker_names_;
    std::vector<Date> dates_;  // sorted, so ordinals sort by date

    // Indexed by document id; ids past the end have no values.
    std::vector<std::uint32_t> outlet_;
    std::vector<std::uint32_t> date_;
    // A document's speakers are speaker_ids_[speaker_begin_[id] .. speaker_begin_[id + 1]),
    // each once.
    std::vector<std::uint32_t> speaker_begin_;
    std::vector<std::uint32_t> speaker_ids_;

    std::string uuid_;
    Xapian::rev revision_ = 0;
    std::size_t documents_ = 0;
};

// Which fields a ColumnCountSpy counts.
struct ColumnFields {
    bool outlet = false;
    bool speaker = false;
    bool dates = false;  // the year facet and the histogram's days
};

// Counts the matches the matcher shows it from `columns` alone (the document is not read).
// Not thread-safe; one per match pass. The columns must describe the database being matched.
class ColumnCountSpy : public Xapian::MatchSpy {
  public:
    ColumnCountSpy(std::shared_ptr<const FacetColumns> columns, ColumnFields fields);

    void operator()(const Xapian::Document& doc, double wt) override;
    std::string name() const override { return "broadsheet::ColumnCountSpy"; }

    // Matches seen.
    std::size_t total() const { return total_; }
    // Count descending, then value; outlet and speaker end with kUnknownValue when it counts any.
    std::vector<FacetValue> outlets() const;
    std::vector<FacetValue> speakers() const;
    std::vector<FacetValue> years() const;
    // Per-day counts and undated matches for make_histogram().
    HistogramInput histogram_input(HistogramInterval interval) const;

  private:
    std::shared_ptr<const FacetColumns> columns_;
    ColumnFields fields_;
    std::size_t total_ = 0;
    // Indexed by ordinal; [0] counts matches without a value.
    std::vector<std::size_t> outlet_counts_;
    std::vector<std::size_t> speaker_counts_;
    std::vector<std::size_t> date_counts_;
};

}  // namespace broadsheet
