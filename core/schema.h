// schema.h — Xapian term prefixes, value slots and schema version: the single source of truth.
//
// Every term prefix and value slot used anywhere in Broadsheet is declared here. The indexer's
// document builder and the searcher's QueryParser set-up both loop over field_table(); no other
// file spells a prefix literal. docs/schema.md describes the same schema in prose: change both
// together, and bump kSchemaVersion whenever an existing index would be read wrongly.
//
// Document types (boolean term XTYPE:):
//   article — one per article file (or JSON Lines record). Document data: the Article as JSON
//             (core/article.h), so the server needs nothing but the index.
//   quote   — one per extracted quote. Document data: the quote as JSON with its article's id,
//             title, date, outlet and url.
// Unique id term: Q + id (articles: the article id; quotes: "<article id>~q<n>"), written with
// replace_document(term), so re-indexing the same file is idempotent.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace broadsheet {

// Bump when prefixes, slots, their encodings or the document data format change.
inline constexpr int kSchemaVersion = 6;

// The language of every stemmed FreeText field. The indexer's TermGenerator, the query parser
// and the snippet highlighter must agree on it, so all of them take a stemmer from make_stemmer().
inline constexpr std::string_view kStemLanguage = "english";

// A new stemmer for kStemLanguage. Xapian objects are not thread-safe (a Stem shared by two
// workers corrupted the heap under concurrent quote searches), so every caller owns its own.
Xapian::Stem make_stemmer();

enum class Field {
    Id,           // unique id term
    Type,         // document type: article | quote
    Title,        // headline, free text
    Body,         // article body, free text (no prefix)
    Author,       // byline, free text
    Quote,        // the words of direct quotes, free text
    SpeakerText,  // speaker names, free text: lets `speaker:kerry` match "John Kerry"
    OutletText,   // outlet name, free text: lets `outlet:moscow` match "The Moscow Times"
    Speaker,      // canonical speaker name, exact: facet filter
    Outlet,       // canonical outlet name, exact: facet filter
    AuthorExact,  // author name, exact: filter
    Year,         // "YYYY" of the publication date, exact
    ArticleRef,   // on quote documents: the id of the article they come from
    QuoteGroup,   // on quote documents: the id of their near-duplicate group (core/quotes)
    Missing,      // the name of a field the document lacks (kMissing* below): facet "(unknown)"
};

enum class FieldKind {
    Identifier,  // one boolean term per document, never searched by users directly
    FreeText,    // indexed with TermGenerator (stemmed, positional)
    Boolean,     // exact term, used as a filter; case and spaces preserved
};

struct FieldSpec {
    Field field;
    std::string_view query_name;  // prefix users type in q ("title" for title:...); "" if none
    std::string_view prefix;      // Xapian term prefix; X-prefixes end with ':'
    FieldKind kind;
    unsigned wdf_inc;  // TermGenerator weight for FreeText fields (title above body); 0 otherwise
};

// All fields, one row each, in the order of the Field enum.
std::span<const FieldSpec> field_table();
const FieldSpec& field_spec(Field field);
std::string_view prefix_of(Field field);
// Boolean term for an exact value: prefix + value, e.g. term(Field::Outlet, "Bloomberg").
std::string term(Field field, std::string_view value);
// The field an index term belongs to: the one whose prefix is the longest the term starts with.
// A term with none of the prefixes belongs to the unprefixed field when it starts with anything
// but an ASCII capital (Xapian writes prefixes in capitals and words in lower case); otherwise
// (a stemmed form "Z" + prefix + stem, or a prefix this schema does not know) it is nullopt.
std::optional<Field> field_of_term(std::string_view index_term);

// The two kinds of document (the XTYPE: term).
enum class DocumentKind { Article, Quote };

// The term prefix under which `field`'s words are indexed on documents of `kind`: the field's
// own prefix, except that a quote document indexes its quote's words once, unprefixed, so on
// quote documents `quote:` and plain words are one field (one copy instead of two: about 4% of
// the postings). The indexer writes and the query parser reads through this.
std::string_view prefix_on(Field field, DocumentKind kind);

// Glass refuses terms longer than 245 bytes.
inline constexpr std::size_t kMaxTermBytes = 245;
// `term` cut to kMaxTermBytes at a UTF-8 character boundary: every Boolean term is written
// through it, so an absurd author or speaker name costs its exact-match filter, not the document.
std::string fit_term(std::string term);

struct Article;
// "<article id>~q<n>", n = index + 1: the id of an article's quote document number `index`
// (0-based position in article.quotes); its unique term is term(Field::Id, quote_id(...)).
std::string quote_id(const Article& article, std::size_t index);
// The ArticleRef term of the quote documents of `article_id` (fit_term'd as they are written):
// the term that finds, and deletes, an article's quotes.
std::string article_ref_term(std::string_view article_id);
// The QuoteGroup term of the quote documents in group `group_id` (fit_term'd likewise).
std::string quote_group_term(std::string_view group_id);

inline constexpr std::string_view kTypeArticle = "article";
inline constexpr std::string_view kTypeQuote = "quote";

// Values of the Missing field (`missing:outlet` in q): a document lacking a field carries the
// term, so "documents without an outlet" is one posting list rather than a scan of the slot.
// Quote documents lack a speaker when unattributed; outlet, date and author are their article's.
inline constexpr std::string_view kMissingOutlet = "outlet";
inline constexpr std::string_view kMissingSpeaker = "speaker";
inline constexpr std::string_view kMissingDate = "date";
inline constexpr std::string_view kMissingAuthor = "author";

// Value slots. Each slot's encoding is fixed by the schema version.
enum ValueSlot : Xapian::valueno {
    kSlotDate = 0,         // "YYYYMMDD" ASCII (Date::slot()); absent when unknown. Sorts by date;
                           // DateRangeProcessor-compatible.
    kSlotOutlet = 1,       // canonical outlet name, UTF-8; absent when unknown. Facet counts.
    kSlotSpeakers = 2,     // canonical speaker names joined by kMultiValueSeparator; absent when
                           // none. Split by the multi-value facet spy in core/search.
    kSlotYear = 3,         // "YYYY" ASCII; absent when the date is unknown. Facet counts.
    kSlotContentHash = 4,  // lowercase hex XXH3-64 of source bytes + sidecar bytes (articles only)
    kSlotSourcePath = 5,   // source file path relative to the corpus root, '/'-separated
    kSlotConfidence = 6,   // quote documents: Xapian::sortable_serialise(confidence 0..1)
    kSlotQuoteGroup = 7,   // quote documents: id of the near-duplicate group
    kSlotAuthor = 8,       // author name, UTF-8; absent when unknown
    kSlotSourceStamp = 9,  // articles: source_stamp() of the file and sidecar when indexed
    kSlotOldestKey = 10,   // "YYYYMMDD" ASCII, or kUndatedKey when the date is unknown: the
                           // oldest-first order as a plain value, for remote shards (Xapian 1.4's
                           // remote backend sorts by a value only, never by a KeyMaker).
};

// kSlotOldestKey of an undated document: after every real date, so it sorts last ascending.
inline constexpr std::string_view kUndatedKey = "99999999";

// Separates the values of a multi-valued slot (ASCII unit separator; never in names).
inline constexpr char kMultiValueSeparator = '\x1f';

// Metadata keys the indexer writes and the server checks.
inline constexpr std::string_view kMetaSchemaVersion = "broadsheet.schema_version";
inline constexpr std::string_view kMetaBuiltAt = "broadsheet.built_at";  // ISO 8601 UTC
inline constexpr std::string_view kMetaArticleCount = "broadsheet.article_count";
inline constexpr std::string_view kMetaQuoteCount = "broadsheet.quote_count";
inline constexpr std::string_view kMetaValuesMap = "broadsheet.valuesmap";  // "date:0;outlet:1;..."

// The value-slot map as written to kMetaValuesMap, derived from the enum above.
std::string values_map();

// Writes schema version and values map (build time and count are the indexer's business).
void write_schema_metadata(Xapian::WritableDatabase& db);

// Throws Error(SchemaMismatch) naming both versions when the index was written with another
// schema (or by something that is not Broadsheet), so a server never misreads an index.
void check_schema(const Xapian::Database& db);

}  // namespace broadsheet
