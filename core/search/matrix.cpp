// matrix.cpp — speaker × outlet and speaker × month counts of the quote documents matching a
// query and filters: in one pass of the matcher, or where a shard is remote in one pass of
// Xapian's own value counters and one more per listed speaker.
#include "core/search/matrix.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/schema.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {
namespace {

// "YYYY-MM" of a kSlotDate value; empty for a value too short to hold a month.
std::string month_of(const std::string& day) {
    if (day.size() < 6) return {};
    return day.substr(0, 4) + "-" + day.substr(4, 2);
}

// Counts every matching quote by (speaker, column), by speaker, by column and in total. A quote
// without a speaker counts only in its column; one without an outlet or date only in its row.
class MatrixSpy : public Xapian::MatchSpy {
  public:
    explicit MatrixSpy(MatrixColumns cols) : cols_(cols) {}

    void operator()(const Xapian::Document& doc, double /*wt*/) override {
        ++total_;
        const std::string speaker = doc.get_value(kSlotSpeakers);
        const std::string column = column_of(doc);
        if (!speaker.empty()) ++rows_[speaker];
        if (!column.empty()) ++cols_totals_[column];
        if (!speaker.empty() && !column.empty()) ++cells_[{speaker, column}];
    }
    Xapian::MatchSpy* clone() const override { return new MatrixSpy(cols_); }
    std::string name() const override { return "broadsheet::MatrixSpy"; }

    std::size_t total_ = 0;
    std::map<std::string, std::size_t> rows_;
    std::map<std::string, std::size_t> cols_totals_;
    std::map<std::pair<std::string, std::string>, std::size_t> cells_;

  private:
    std::string column_of(const Xapian::Document& doc) const {
        if (cols_ == MatrixColumns::Outlet) return doc.get_value(kSlotOutlet);
        return month_of(doc.get_value(kSlotDate));
    }

    MatrixColumns cols_;
};

// The `limit` rows with the most quotes, most first (ties by name).
std::vector<std::pair<std::string, std::size_t>> largest_rows(
    const std::map<std::string, std::size_t>& counts, std::size_t limit) {
    std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return a.first < b.first;
    });
    if (rows.size() > limit) rows.resize(limit);
    return rows;
}

// The column counts of a value-count spy on the column's slot (outlets, or days summed by month).
std::map<std::string, std::size_t> column_counts(const Xapian::ValueCountMatchSpy& spy,
                                                 MatrixColumns cols) {
    std::map<std::string, std::size_t> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string column = cols == MatrixColumns::Outlet ? *it : month_of(*it);
        if (!column.empty()) counts[column] += it.get_termfreq();
    }
    return counts;
}

Xapian::valueno column_slot(MatrixColumns cols) {
    return cols == MatrixColumns::Outlet ? kSlotOutlet : kSlotDate;
}

// What MatrixSpy counts, from Xapian's ValueCountMatchSpy, which remote shards can run: rows,
// columns and the total in one pass, then the cells of each of the `limit` largest rows in a
// pass of its own (a quote has one speaker, so the row is an exact value of kSlotSpeakers).
void count_remotely(SearchContext& context, const Xapian::Query& query, const MatrixParams& params,
                    MatrixSpy& counts) {
    Xapian::Database& db = context.db();
    const Xapian::doccount all = search_internal::count_all(db);
    Xapian::ValueCountMatchSpy speakers(kSlotSpeakers);
    Xapian::ValueCountMatchSpy columns(column_slot(params.cols));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.add_matchspy(&speakers);
    enquire.add_matchspy(&columns);
    counts.total_ = enquire.get_mset(0, 0, all).get_matches_estimated();
    for (auto it = speakers.values_begin(); it != speakers.values_end(); ++it)
        counts.rows_[*it] = it.get_termfreq();
    counts.cols_totals_ = column_counts(columns, params.cols);
    for (const auto& [row, n] : largest_rows(counts.rows_, params.limit)) {
        Xapian::ValueCountMatchSpy cells(column_slot(params.cols));
        Xapian::Enquire of_row(db);
        of_row.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotSpeakers, row, row)));
        of_row.add_matchspy(&cells);
        of_row.get_mset(0, 0, all);
        for (const auto& [column, count] : column_counts(cells, params.cols))
            counts.cells_[{row, column}] = count;
    }
}

}  // namespace

Matrix quote_matrix(SearchContext& context, const MatrixParams& params) {
    validate(params);
    SearchParams filters = params.filters;
    filters.type = DocumentType::Quote;
    return context.guarded([&] {
        const BuiltQuery built = context.builder().build(filters);
        MatrixSpy spy(params.cols);
        Matrix matrix;
        if (context.reach() == ShardReach::Remote)
            count_remotely(context, combine(built), params, spy);  // complete or an error
        else
            matrix.end = search_internal::count_matches(context, combine(built), spy);
        matrix.total = spy.total_;
        const std::vector<std::pair<std::string, std::size_t>> rows =
            largest_rows(spy.rows_, params.limit);

        // Columns: those in which a kept row has a quote.
        std::map<std::string, std::size_t> kept_cols;
        for (const auto& [row, n] : rows) {
            for (auto it = spy.cells_.lower_bound({row, std::string()});
                 it != spy.cells_.end() && it->first.first == row; ++it)
                kept_cols.emplace(it->first.second, spy.cols_totals_[it->first.second]);
        }
        std::vector<std::pair<std::string, std::size_t>> cols(kept_cols.begin(), kept_cols.end());
        if (params.cols == MatrixColumns::Outlet) {
            std::stable_sort(cols.begin(), cols.end(), [](const auto& a, const auto& b) {
                return a.second > b.second;  // ties stay in name order
            });
        }
        for (const auto& [col, n] : cols) {
            matrix.cols.push_back(col);
            matrix.col_totals.push_back(n);
        }
        for (const auto& [row, n] : rows) {
            matrix.rows.push_back(row);
            matrix.row_totals.push_back(n);
            std::vector<std::size_t> cells;
            cells.reserve(cols.size());
            for (const auto& col : matrix.cols) {
                const auto it = spy.cells_.find({row, col});
                cells.push_back(it == spy.cells_.end() ? 0 : it->second);
            }
            matrix.cells.push_back(std::move(cells));
        }
        return matrix;
    });
}

}  // namespace broadsheet
