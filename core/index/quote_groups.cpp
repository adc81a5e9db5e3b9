// quote_groups.cpp — read every quote document, group them, rewrite the ones whose group moved.
#include "core/index/quote_groups.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/index/document.h"
#include "core/index/value_streams.h"
#include "core/quotes/grouping.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::size_t regroup_quotes(Xapian::WritableDatabase& db) {
    std::vector<Xapian::docid> documents;
    const std::string type_term = term(Field::Type, kTypeQuote);
    for (auto it = db.postlist_begin(type_term); it != db.postlist_end(type_term); ++it)
        documents.push_back(*it);
    // Dates and current groups come from value streams; only the text needs each document's data.
    const std::vector<std::string> dates = stream_values(db, kSlotDate, documents);
    const std::vector<std::string> current = stream_values(db, kSlotQuoteGroup, documents);
    std::vector<QuoteForGrouping> quotes(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        // The data was written by make_quote_document; a malformed one (never expected) still
        // gets a group of its own rather than stopping the run.
        const nlohmann::json data =
            nlohmann::json::parse(db.get_document(documents[i]).get_data(), nullptr, false);
        QuoteForGrouping& quote = quotes[i];
        if (data.is_object()) {
            quote.id = string_field(data, "id");
            quote.text = string_field(data, "text");
            quote.speaker = string_field(data, "speaker");
        }
        quote.date = Date::from_slot(dates[i]);
    }

    const std::vector<std::string> groups = group_quotes(quotes);
    std::size_t rewritten = 0;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (groups[i].empty() || groups[i] == current[i]) continue;
        Xapian::Document doc = db.get_document(documents[i]);
        if (!current[i].empty()) {
            try {
                doc.remove_term(quote_group_term(current[i]));
            } catch (const Xapian::InvalidArgumentError&) {
                // The old term was never there (a document from before groups were set).
            }
        }
        doc.add_boolean_term(quote_group_term(groups[i]));
        doc.add_value(kSlotQuoteGroup, groups[i]);
        db.replace_document(documents[i], doc);
        ++rewritten;
    }
    return rewritten;
}

}  // namespace broadsheet
