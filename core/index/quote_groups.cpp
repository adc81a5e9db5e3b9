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

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Every quote document with what grouping needs of it and its group now.
struct StoredQuotes {
    std::vector<Xapian::docid> documents;  // ascending
    std::vector<QuoteForGrouping> quotes;
    std::vector<std::string> current;  // kSlotQuoteGroup
};

void fill_from_record(const std::string& data, QuoteForGrouping& quote) {
    // The data was written by make_quote_document; a malformed one (never expected) still gets
    // a group of its own rather than stopping the run.
    const nlohmann::json record = nlohmann::json::parse(data, nullptr, false);
    if (!record.is_object()) return;
    quote.id = string_field(record, "id");
    quote.text = string_field(record, "text");
    quote.speaker = string_field(record, "speaker");
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
