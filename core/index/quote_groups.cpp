// quote_groups.cpp — read the quote documents, group them (all, or around what an update
// changed), rewrite the ones whose group moved.
#include "core/index/quote_groups.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/index/document.h"
#include "core/index/value_streams.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

// Every quote document with what grouping needs of it and its group now.
struct StoredQuotes {
    std::vector<Xapian::docid> documents;  // ascending
    std::vector<QuoteForGrouping> quotes;
    std::vector<std::string> current;  // kSlotQuoteGroup
};

// Takes the top-level "id", "text" and "speaker" strings of a quote record while the parser
// streams past the rest (the article it came from, offsets, cue), building no JSON tree: an
// update that regroups reads every quote document's record, so this is on its path.
class GroupingFields : public nlohmann::json::json_sax_t {
  public:
    explicit GroupingFields(QuoteForGrouping& quote) : quote_(quote) {}
    bool null() override { return done_value(); }
    bool boolean(bool) override { return done_value(); }
    bool number_integer(number_integer_t) override { return done_value(); }
    bool number_unsigned(number_unsigned_t) override { return done_value(); }
    bool number_float(number_float_t, const string_t&) override { return done_value(); }
    bool binary(binary_t&) override { return done_value(); }
    bool string(string_t& value) override {
        if (depth_ == 1 && target_ != nullptr) *target_ = std::move(value);
        return done_value();
    }
    bool start_object(std::size_t) override { return open(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override {
        target_ = nullptr;
        if (depth_ != 1) return true;
        if (name == "id") target_ = &quote_.id;
        if (name == "text") target_ = &quote_.text;
        if (name == "speaker") target_ = &quote_.speaker;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

  private:
    bool done_value() {
        target_ = nullptr;
        return true;
    }
    bool open() {
        target_ = nullptr;
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }
    QuoteForGrouping& quote_;
    std::string* target_ = nullptr;
    int depth_ = 0;
};

void fill_from_record(const std::string& data, QuoteForGrouping& quote) {
    // The data was written by make_quote_document; a malformed one (never expected) still gets
    // a group of its own rather than stopping the run.
    QuoteForGrouping read;
    GroupingFields fields(read);
    if (!nlohmann::json::sax_parse(data, &fields)) return;
    quote.id = std::move(read.id);
    quote.text = std::move(read.text);
    quote.speaker = std::move(read.speaker);
}

StoredQuotes read_quotes(const Xapian::Database& db) {
    StoredQuotes stored;
    const std::string type_term = term(Field::Type, kTypeQuote);
    for (auto it = db.postlist_begin(type_term); it != db.postlist_end(type_term); ++it)
        stored.documents.push_back(*it);
    // Dates and current groups come from value streams; only the text needs each document's data.
    const std::vector<std::string> dates = stream_values(db, kSlotDate, stored.documents);
    stored.current = stream_values(db, kSlotQuoteGroup, stored.documents);
    stored.quotes.resize(stored.documents.size());
    for (std::size_t i = 0; i < stored.documents.size(); ++i) {
        fill_from_record(db.get_document(stored.documents[i]).get_data(), stored.quotes[i]);
        stored.quotes[i].date = Date::from_slot(dates[i]);
    }
    return stored;
}

// Gives document `docid` the group `group` in place of `current`.
void set_group(Xapian::WritableDatabase& db, Xapian::docid docid, const std::string& current,
               const std::string& group) {
    Xapian::Document doc = db.get_document(docid);
    if (!current.empty()) {
        try {
            doc.remove_term(quote_group_term(current));
        } catch (const Xapian::InvalidArgumentError&) {
            // The old term was never there (a document from before groups were set).
        }
    }
    doc.add_boolean_term(quote_group_term(group));
    doc.add_value(kSlotQuoteGroup, group);
    db.replace_document(docid, doc);
}

std::size_t rewrite_all(Xapian::WritableDatabase& db, const StoredQuotes& stored,
                        const std::vector<std::string>& groups) {
    std::size_t rewritten = 0;
    for (std::size_t i = 0; i < stored.documents.size(); ++i) {
        if (groups[i].empty() || groups[i] == stored.current[i]) continue;
        set_group(db, stored.documents[i], stored.current[i], groups[i]);
        ++rewritten;
    }
    return rewritten;
}

// The changes as indexes into `stored`; a changed quote deleted later in the run is gone.
GroupingChange grouping_change(const StoredQuotes& stored, const QuoteChanges& changes) {
    GroupingChange change;
    for (std::size_t i = 0; i < stored.documents.size(); ++i) {
        if (changes.changed.count(stored.quotes[i].id)) change.changed.push_back(i);
        if (changes.vacated_groups.count(stored.current[i])) change.vacated.push_back(i);
    }
    change.removed = changes.removed;
    return change;
}

}  // namespace

std::size_t regroup_quotes(Xapian::WritableDatabase& db) {
    const StoredQuotes stored = read_quotes(db);
    return rewrite_all(db, stored, group_quotes(stored.quotes));
}

std::size_t regroup_changed_quotes(Xapian::WritableDatabase& db, const QuoteChanges& changes) {
    if (changes.empty()) return 0;
    const StoredQuotes stored = read_quotes(db);
    const std::optional<std::vector<RegroupedQuote>> around =
        regroup_around(stored.quotes, grouping_change(stored, changes));
    if (!around) return rewrite_all(db, stored, group_quotes(stored.quotes));
    std::size_t rewritten = 0;
    for (const RegroupedQuote& quote : *around) {
        if (quote.group.empty() || quote.group == stored.current[quote.index]) continue;
        set_group(db, stored.documents[quote.index], stored.current[quote.index], quote.group);
        ++rewritten;
    }
    return rewritten;
}

QuoteForGrouping stored_quote(const Xapian::Document& document) {
    QuoteForGrouping quote;
    fill_from_record(document.get_data(), quote);
    quote.date = Date::from_slot(document.get_value(kSlotDate));
    return quote;
}

}  // namespace broadsheet
