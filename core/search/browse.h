// browse.h — the article documents a browse (no text; outlet and speaker selections and
// exclusions, a date range) matches, in the order the match ranks them, taken from the facet
// columns alone.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/schema.h"
#include "core/search/facet_columns.h"
#include "core/search/search_types.h"

namespace broadsheet {

// A contiguous run of FacetColumns' browse order: all articles, or the dated ones from `from`
// to `to`, as OP_VALUE_RANGE over kSlotDate selects them.
class BrowseSlice {
  public:
    // nullopt when the columns cannot answer exactly: a malformed date among the articles.
    static std::optional<BrowseSlice> make(std::shared_ptr<const FacetColumns> columns,
                                           std::optional<Date> from, std::optional<Date> to);

    // The articles matched: the result's exact total.
    std::size_t size() const { return end_ - begin_; }
    // The document at `position` (< size()) of the slice sorted by `order` (Newest or Oldest:
    // dated articles by date, undated ones last, document id ascending within one date).
    Xapian::docid at(std::size_t position, SortOrder order) const;
    // Shows every article of the slice to `spy`, which must count from the same columns.
    void count(ColumnCountSpy& spy) const;
    // Whether article document `id` has a date the slice holds (or, when it holds the undated,
    // none): what OP_VALUE_RANGE over kSlotDate with the slice's ends answers for it.
    bool holds(Xapian::docid id) const;
    // Calls visit(id) for every article of the slice in `order`.
    template <class Visit>
    void visit(SortOrder order, Visit&& visit) const;

  private:
    BrowseSlice(std::shared_ptr<const FacetColumns> columns, std::uint32_t low, std::uint32_t high,
                bool with_undated);

    std::shared_ptr<const FacetColumns> columns_;
    // Dated articles with a date ordinal in [low_, high_), then, with_undated, the undated ones.
    std::uint32_t low_ = 1;
    std::uint32_t high_ = 1;
    bool with_undated_ = false;
    // The slice's run of browse_order_: [begin_, end_).
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
};

// An outlet and speaker filter as combine() (query_builder.h) applies it — any selected value
// and no excluded one, kUnknownValue for "no value", empty values ignored — tested on the
// columns' ordinals instead of the documents' terms.
class BrowseFilter {
  public:
    // nullopt when the columns cannot answer exactly: a value so long that its term would be
    // cut (fit_term), where a cut document term could equal it.
    static std::optional<BrowseFilter> make(std::shared_ptr<const FacetColumns> columns,
                                            const SearchParams& params);

    // Whether the request selects or excludes an outlet (a speaker): that facet then counts the
    // matches of the other filters alone, as filters_facet() makes the match do.
    bool filters_outlet() const { return outlet_.active; }
    bool filters_speaker() const { return speaker_.active; }
    // Whether document `id` passes the outlet (the speaker) part.
    bool passes_outlet(Xapian::docid id) const;
    bool passes_speaker(Xapian::docid id) const;

  private:
    // One field's part: ordinals selected and excluded (0: kUnknownValue), each flag by ordinal.
    struct Part {
        bool active = false;
        bool any_selected = false;  // a selection exists: a document needs one of its values
        std::vector<bool> selected;
        std::vector<bool> excluded;
    };
    static std::optional<Part> part(Field field, const std::vector<std::string>& names,
                                    const std::vector<std::string>& selected,
                                    const std::vector<std::string>& excluded);

    std::shared_ptr<const FacetColumns> columns_;
    Part outlet_;
    Part speaker_;
};

template <class Visit>
void BrowseSlice::visit(SortOrder order, Visit&& visit) const {
    const std::vector<std::uint32_t>& browse = columns_->browse_order_;
    if (order != SortOrder::Oldest) {
        for (std::size_t i = begin_; i < end_; ++i) visit(browse[i]);
        return;
    }
    // Oldest first: the date groups the other way round, each in the same order, undated last.
    const std::vector<std::uint32_t>& before = columns_->dated_before_;
    const std::uint32_t dated = before.back();
    for (std::uint32_t k = low_; k < high_; ++k)
        for (std::size_t i = dated - before[k + 1]; i < dated - before[k]; ++i) visit(browse[i]);
    for (std::size_t i = std::max<std::size_t>(begin_, dated); i < end_; ++i) visit(browse[i]);
}

}  // namespace broadsheet
