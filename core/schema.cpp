// schema.cpp — the field table itself, and the schema-version check done on every index open.
#include "core/schema.h"

#include <array>

#include "core/article.h"
#include "core/error.h"

namespace broadsheet {
namespace {

// Omega conventions: Q = unique id, S = title, A = author; application prefixes start with X
// and end with ':' so that a capitalised value ("XSPEAKER:John Kerry") is unambiguous.
constexpr std::array kFields = {
    FieldSpec{Field::Id, "", "Q", FieldKind::Identifier, 0},
    FieldSpec{Field::Type, "", "XTYPE:", FieldKind::Boolean, 0},
    FieldSpec{Field::Title, "title", "S", FieldKind::FreeText, 3},
    FieldSpec{Field::Body, "", "", FieldKind::FreeText, 1},
    FieldSpec{Field::Author, "author", "A", FieldKind::FreeText, 1},
    FieldSpec{Field::Quote, "quote", "XQ:", FieldKind::FreeText, 1},
    FieldSpec{Field::SpeakerText, "speaker", "XSPK:", FieldKind::FreeText, 1},
    FieldSpec{Field::OutletText, "outlet", "XOUT:", FieldKind::FreeText, 1},
    FieldSpec{Field::Speaker, "", "XSPEAKER:", FieldKind::Boolean, 0},
    FieldSpec{Field::Outlet, "", "XOUTLET:", FieldKind::Boolean, 0},
    FieldSpec{Field::AuthorExact, "", "XAUTHOR:", FieldKind::Boolean, 0},
    FieldSpec{Field::Year, "year", "XYEAR:", FieldKind::Boolean, 0},
    FieldSpec{Field::ArticleRef, "", "XARTICLE:", FieldKind::Boolean, 0},
    FieldSpec{Field::QuoteGroup, "", "XGROUP:", FieldKind::Boolean, 0},
    FieldSpec{Field::Missing, "missing", "XMISSING:", FieldKind::Boolean, 0},
};

constexpr bool table_matches_enum() {
    for (std::size_t i = 0; i < kFields.size(); ++i)
        if (static_cast<std::size_t>(kFields[i].field) != i) return false;
    return true;
}
static_assert(table_matches_enum(), "kFields rows must follow the order of enum Field");

}  // namespace

std::span<const FieldSpec> field_table() {
    return kFields;
}

const FieldSpec& field_spec(Field field) {
    return kFields[static_cast<std::size_t>(field)];
}

std::string_view prefix_of(Field field) {
    return field_spec(field).prefix;
}

std::string_view prefix_on(Field field, DocumentKind kind) {
    if (kind == DocumentKind::Quote && field == Field::Quote) return prefix_of(Field::Body);
    return prefix_of(field);
}

std::string term(Field field, std::string_view value) {
    std::string out(prefix_of(field));
    out.append(value);
    return out;
}

std::string fit_term(std::string term) {
    if (term.size() <= kMaxTermBytes) return term;
    std::size_t cut = kMaxTermBytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the character being cut.
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
    term.resize(cut);
    return term;
}

std::string quote_id(const Article& article, std::size_t index) {
    return article.id + "~q" + std::to_string(index + 1);
}

std::string article_ref_term(std::string_view article_id) {
    return fit_term(term(Field::ArticleRef, article_id));
}

std::string quote_group_term(std::string_view group_id) {
    return fit_term(term(Field::QuoteGroup, group_id));
}

std::optional<Field> field_of_term(std::string_view index_term) {
    std::optional<Field> found;
    std::size_t longest = 0;
    for (const FieldSpec& spec : kFields) {
        if (spec.prefix.empty() || spec.prefix.size() <= longest) continue;
        if (index_term.starts_with(spec.prefix)) {
            found = spec.field;
            longest = spec.prefix.size();
        }
    }
    if (found) return found;
    if (!index_term.empty() && index_term.front() >= 'A' && index_term.front() <= 'Z')
        return std::nullopt;
    for (const FieldSpec& spec : kFields)
        if (spec.prefix.empty()) return spec.field;
    return std::nullopt;
}

std::string values_map() {
    return "date:" + std::to_string(kSlotDate) + ";outlet:" + std::to_string(kSlotOutlet) +
           ";speakers:" + std::to_string(kSlotSpeakers) + ";year:" + std::to_string(kSlotYear) +
           ";content_hash:" + std::to_string(kSlotContentHash) +
           ";source_path:" + std::to_string(kSlotSourcePath) +
           ";confidence:" + std::to_string(kSlotConfidence) +
           ";quote_group:" + std::to_string(kSlotQuoteGroup) +
           ";author:" + std::to_string(kSlotAuthor) +
           ";source_stamp:" + std::to_string(kSlotSourceStamp) +
           ";oldest_key:" + std::to_string(kSlotOldestKey);
}

void write_schema_metadata(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(kMetaSchemaVersion), std::to_string(kSchemaVersion));
    db.set_metadata(std::string(kMetaValuesMap), values_map());
}

void check_schema(const Xapian::Database& db) {
    const std::string found = db.get_metadata(std::string(kMetaSchemaVersion));
    const std::string expected = std::to_string(kSchemaVersion);
    if (found.empty()) {
        throw Error(ErrorCode::SchemaMismatch,
                    "the index has no Broadsheet schema version (expected " + expected +
                        "); rebuild it with broadsheet-indexer build");
    }
    if (found != expected) {
        throw Error(ErrorCode::SchemaMismatch, "the index uses schema version " + found +
                                                   " but this program reads version " + expected +
                                                   "; rebuild it with broadsheet-indexer build");
    }
    if (db.get_metadata(std::string(kMetaValuesMap)) != values_map()) {
        throw Error(ErrorCode::SchemaMismatch,
                    "the index's value-slot map differs from this program's; rebuild the index");
    }
}

Xapian::Stem make_stemmer() {
    return Xapian::Stem(std::string(kStemLanguage));
}

}  // namespace broadsheet
