// matrix.cpp — speaker × outlet and speaker × month counts of the quote documents matching a
// query and filters, in one pass of the matcher.
#include "core/search/matrix.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/schema.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {
namespace {

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
        const std::string day = doc.get_value(kSlotDate);
        if (day.size() < 6) return {};
        return day.substr(0, 4) + "-" + day.substr(4, 2);
    }

    MatrixColumns cols_;
};

}  // namespace

Matrix quote_matrix(SearchContext& context, const MatrixParams& params) {
    validate(params);
    SearchParams filters = params.filters;
    filters.type = DocumentType::Quote;
    return context.guarded([&] {
        const BuiltQuery built = context.builder().build(filters);
        MatrixSpy spy(params.cols);
        Matrix matrix;
        matrix.end = search_internal::count_matches(context, combine(built), spy);
        matrix.total = spy.total_;
        std::vector<std::pair<std::string, std::size_t>> rows(spy.rows_.begin(), spy.rows_.end());
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            if (a.second != b.second) return a.second > b.second;
            return a.first < b.first;
        });
        if (rows.size() > params.limit) rows.resize(params.limit);

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
