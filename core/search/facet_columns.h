// facet_columns.h — the values facets and the timeline count (outlet, speakers, date), loaded
// once per index revision into compact arrays indexed by document id, with a dictionary per
// field (doc values and global ordinals), shared read-only by every worker; and the match spy
// that counts from them without reading any document. With them, the article documents in date
// order, from which a browse is served without a match (core/search/browse.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/search/histogram.h"
#include "core/search/packed_column.h"
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
    // Article documents (quote documents share the database).
    std::size_t articles() const { return browse_order_.size(); }

  private:
    friend class ColumnCountSpy;
    friend class BrowseSlice;
    friend class BrowseFilter;
    // Fills browse_order_, dated_before_ and browsable_ once date_ is loaded; `malformed` lists
    // the documents whose date slot is not a valid date.
    void load_browse_order(const Xapian::Database& db, const std::vector<Xapian::docid>& malformed);
    // Ordinal 0 is "no value" in every column; names_[i - 1] is ordinal i's value.
    std::vector<std::string> outlet_names_;
    std::vector<std::string> speaker_names_;
    std::vector<Date> dates_;  // sorted, so ordinals sort by date

    // Indexed by document id; ids past the end have no values.
    PackedColumn outlet_;
    PackedColumn date_;
    // A document's speakers are speaker_ids_[speaker_begin_[id] .. speaker_begin_[id + 1]),
    // each once.
    PackedColumn speaker_begin_;
    PackedColumn speaker_ids_;

    // The article documents as a browse sorted newest first ranks them: dated ones by date
    // descending, then the undated ones; within one date (and among the undated) by document id
    // ascending, since a text-less match gives every document the same weight.
    std::vector<std::uint32_t> browse_order_;
    // dated_before_[k]: dated articles whose date ordinal is below k (k = 1 .. dates_.size() + 1).
    // The articles of ordinal k are browse_order_[dated - dated_before_[k + 1] .. dated -
    // dated_before_[k]), where dated = dated_before_.back().
    std::vector<std::uint32_t> dated_before_;
    // Whether every article's date slot is a valid date or absent: a malformed one sorts by its
    // text in the match, which browse_order_ does not follow.
    bool browsable_ = false;
    // The counts of all articles by outlet, speaker and date ordinal ([0]: without a value), so
    // that the bare browse counts nothing per request (ColumnCountSpy::count_all_articles).
    std::vector<std::size_t> article_outlets_;
    std::vector<std::size_t> article_speakers_;
    std::vector<std::size_t> article_dates_;

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
    // Counts document `id` as a match, as operator() does for its document.
    void count(Xapian::docid id);
    // Counts every article document as a match (the columns' counts made when they loaded).
    void count_all_articles();
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
