// facet_columns.cpp — loading the facet columns from the value streams, and counting from them.
#include "core/search/facet_columns.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "core/schema.h"
#include "core/search/facets.h"

namespace broadsheet {
namespace {

// Dense ordinals (from 1) for the values of one field, in first-seen order.
class Dictionary {
  public:
    std::uint32_t ordinal(std::string_view value) {
        auto [it, added] = ordinals_.try_emplace(std::string(value),
                                                 static_cast<std::uint32_t>(names_.size() + 1));
        if (added) names_.emplace_back(value);
        return it->second;
    }
    std::vector<std::string> take_names() { return std::move(names_); }

  private:
    std::unordered_map<std::string, std::uint32_t> ordinals_;
    std::vector<std::string> names_;
};

// The column of a single-valued slot: ordinal per document id.
std::vector<std::uint32_t> single_column(const Xapian::Database& db, Xapian::valueno slot,
                                         Dictionary& names, std::size_t size) {
    std::vector<std::uint32_t> column(size, 0);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const std::string value = *it;
        if (!value.empty()) column[it.get_docid()] = names.ordinal(value);
    }
    return column;
}

std::vector<FacetValue> listed(const std::vector<std::size_t>& counts,
                               const std::vector<std::string>& names, bool with_unknown) {
    std::vector<FacetValue> values;
    for (std::size_t i = 1; i < counts.size(); ++i)
        if (counts[i] > 0) values.push_back({names[i - 1], counts[i]});
    values = sort_by_count(std::move(values));
    if (with_unknown && !counts.empty() && counts[0] > 0)
        values.push_back({std::string(kUnknownValue), counts[0]});
    return values;
}

}  // namespace

std::shared_ptr<const FacetColumns> FacetColumns::load(const Xapian::Database& db) {
    if (db.size() != 1) return nullptr;
    auto columns = std::make_shared<FacetColumns>();
    columns->uuid_ = db.get_uuid();
    columns->revision_ = db.get_revision();
    const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;

    Dictionary outlets;
    columns->outlet_ = PackedColumn(single_column(db, kSlotOutlet, outlets, size));
    columns->outlet_names_ = outlets.take_names();

    // Dates: ordinals in date order, so the dictionary is sorted once after reading.
    std::map<std::string, std::uint32_t> slots;
    std::vector<std::pair<Xapian::docid, std::string>> dated;
    std::vector<Xapian::docid> malformed;
    for (auto it = db.valuestream_begin(kSlotDate); it != db.valuestream_end(kSlotDate); ++it) {
        const std::string value = *it;
        if (!Date::from_slot(value)) {
            malformed.push_back(it.get_docid());  // counted as undated, as the spy did
            continue;
        }
        slots.emplace(value, 0);
        dated.emplace_back(it.get_docid(), value);
    }
    for (auto& [slot, ordinal] : slots) {
        columns->dates_.push_back(*Date::from_slot(slot));
        ordinal = static_cast<std::uint32_t>(columns->dates_.size());
    }
    std::vector<std::uint32_t> date(size, 0);
    for (const auto& [docid, slot] : dated) date[docid] = slots[slot];
    columns->date_ = PackedColumn(date);

    Dictionary speakers;
    std::vector<std::uint32_t> speaker_begin(size + 1, 0);
    std::vector<std::uint32_t> speaker_ids;
    Xapian::docid next = 0;  // the first document id whose begin is not yet set
    for (auto it = db.valuestream_begin(kSlotSpeakers); it != db.valuestream_end(kSlotSpeakers);
         ++it) {
        const Xapian::docid docid = it.get_docid();
        const auto begin = static_cast<std::uint32_t>(speaker_ids.size());
        for (; next <= docid; ++next) speaker_begin[next] = begin;
        const std::string joined = *it;
        std::size_t start = 0;
        while (start <= joined.size()) {
            std::size_t end = joined.find(kMultiValueSeparator, start);
            if (end == std::string::npos) end = joined.size();
            const std::string_view value(joined.data() + start, end - start);
            if (!value.empty()) {
                const std::uint32_t id = speakers.ordinal(value);
                auto first = speaker_ids.begin() + begin;
                if (std::find(first, speaker_ids.end(), id) == speaker_ids.end())
                    speaker_ids.push_back(id);
            }
            start = end + 1;
        }
    }
    const auto end = static_cast<std::uint32_t>(speaker_ids.size());
    for (; next <= size; ++next) speaker_begin[next] = end;
    columns->speaker_begin_ = PackedColumn(speaker_begin);
    columns->speaker_ids_ = PackedColumn(speaker_ids);
    columns->speaker_names_ = speakers.take_names();
    columns->documents_ = db.get_doccount();
    columns->load_browse_order(db, malformed);
    return columns;
}

void FacetColumns::load_browse_order(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& malformed) {
    const std::string article = term(Field::Type, kTypeArticle);
    std::vector<Xapian::docid> articles;  // ascending, as the posting list gives them
    articles.reserve(db.get_termfreq(article));
    for (auto it = db.postlist_begin(article); it != db.postlist_end(article); ++it)
        articles.push_back(*it);
    browsable_ = std::none_of(malformed.begin(), malformed.end(), [&](Xapian::docid id) {
        return std::binary_search(articles.begin(), articles.end(), id);
    });
    // A counting sort by date ordinal: first the articles per ordinal, then where each goes.
    dated_before_.assign(dates_.size() + 2, 0);
    for (const Xapian::docid id : articles) {
        const std::uint32_t ordinal = id < date_.size() ? date_[id] : 0;
        if (ordinal != 0) ++dated_before_[ordinal + 1];
    }
    for (std::size_t k = 1; k < dated_before_.size(); ++k) dated_before_[k] += dated_before_[k - 1];
    const std::uint32_t dated = dated_before_.back();
    std::vector<std::uint32_t> next(dated_before_.size(), 0);  // next free place per ordinal
    for (std::size_t k = 1; k + 1 < dated_before_.size(); ++k)
        next[k] = dated - dated_before_[k + 1];
    std::uint32_t next_undated = dated;
    browse_order_.assign(articles.size(), 0);
    for (const Xapian::docid id : articles) {
        const std::uint32_t ordinal = id < date_.size() ? date_[id] : 0;
        browse_order_[ordinal == 0 ? next_undated++ : next[ordinal]++] = id;
    }
    article_outlets_.assign(outlet_names_.size() + 1, 0);
    article_speakers_.assign(speaker_names_.size() + 1, 0);
    article_dates_.assign(dates_.size() + 1, 0);
    for (const Xapian::docid id : articles) {
        const bool known = id < outlet_.size();
        ++article_outlets_[known ? outlet_[id] : 0];
        ++article_dates_[known ? date_[id] : 0];
        const std::uint32_t begin = known ? speaker_begin_[id] : 0;
        const std::uint32_t end = known ? speaker_begin_[id + 1] : 0;
        if (begin == end) ++article_speakers_[0];
        for (std::uint32_t i = begin; i < end; ++i) ++article_speakers_[speaker_ids_[i]];
    }
}

bool FacetColumns::describes(const Xapian::Database& db) const {
    return db.size() == 1 && db.get_revision() == revision_ && db.get_uuid() == uuid_;
}

std::size_t FacetColumns::bytes() const {
    std::size_t total =
        outlet_.bytes() + date_.bytes() + speaker_begin_.bytes() + speaker_ids_.bytes() +
        (browse_order_.capacity() + dated_before_.capacity()) * sizeof(std::uint32_t) +
        (article_outlets_.capacity() + article_speakers_.capacity() + article_dates_.capacity()) *
            sizeof(std::size_t) +
        dates_.capacity() * sizeof(Date);
    for (const auto* names : {&outlet_names_, &speaker_names_})
        for (const std::string& name : *names) total += sizeof(std::string) + name.capacity();
    return total;
}

ColumnCountSpy::ColumnCountSpy(std::shared_ptr<const FacetColumns> columns, ColumnFields fields)
    : columns_(std::move(columns)), fields_(fields) {
    if (fields_.outlet) outlet_counts_.assign(columns_->outlet_names_.size() + 1, 0);
    if (fields_.speaker) speaker_counts_.assign(columns_->speaker_names_.size() + 1, 0);
    if (fields_.dates) date_counts_.assign(columns_->dates_.size() + 1, 0);
}

void ColumnCountSpy::operator()(const Xapian::Document& doc, double /*wt*/) {
    count(doc.get_docid());
}

void ColumnCountSpy::count(Xapian::docid id) {
    ++total_;
    const FacetColumns& c = *columns_;
    const bool known = id < c.outlet_.size();
    if (fields_.outlet) ++outlet_counts_[known ? c.outlet_[id] : 0];
    if (fields_.dates) ++date_counts_[known ? c.date_[id] : 0];
    if (fields_.speaker) {
        const std::uint32_t begin = known ? c.speaker_begin_[id] : 0;
        const std::uint32_t end = known ? c.speaker_begin_[id + 1] : 0;
        if (begin == end) ++speaker_counts_[0];
        for (std::uint32_t i = begin; i < end; ++i) ++speaker_counts_[c.speaker_ids_[i]];
    }
}

void ColumnCountSpy::count_all_articles() {
    const FacetColumns& c = *columns_;
    total_ += c.browse_order_.size();
    const auto add = [](std::vector<std::size_t>& counts, const std::vector<std::size_t>& all) {
        for (std::size_t i = 0; i < counts.size() && i < all.size(); ++i) counts[i] += all[i];
    };
    if (fields_.outlet) add(outlet_counts_, c.article_outlets_);
    if (fields_.speaker) add(speaker_counts_, c.article_speakers_);
    if (fields_.dates) add(date_counts_, c.article_dates_);
}

std::vector<FacetValue> ColumnCountSpy::outlets() const {
    return listed(outlet_counts_, columns_->outlet_names_, true);
}

std::vector<FacetValue> ColumnCountSpy::speakers() const {
    return listed(speaker_counts_, columns_->speaker_names_, true);
}

std::vector<FacetValue> ColumnCountSpy::years() const {
    std::map<int, std::size_t> per_year;
    for (std::size_t i = 1; i < date_counts_.size(); ++i)
        if (date_counts_[i] > 0) per_year[columns_->dates_[i - 1].year()] += date_counts_[i];
    std::vector<FacetValue> values;
    for (const auto& [year, count] : per_year) {
        const Date first = *Date::make(year, 1, 1);
        values.push_back({first.year_str(), count});
    }
    return sort_by_count(std::move(values));
}

HistogramInput ColumnCountSpy::histogram_input(HistogramInterval interval) const {
    HistogramInput input;
    input.interval = interval;
    input.undated = date_counts_.empty() ? 0 : date_counts_[0];
    for (std::size_t i = 1; i < date_counts_.size(); ++i)
        if (date_counts_[i] > 0) input.days.push_back({columns_->dates_[i - 1], date_counts_[i]});
    return input;
}

}  // namespace broadsheet
