// article.h — the Article and Quote value types shared by extraction, indexing and search, and
// the stored quote record that a quote document carries as its data.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace broadsheet {

// One direct quotation found in an article body.
struct Quote {
    std::string text;         // the words inside the quotation marks, marks excluded
    std::string speaker;      // canonical speaker name; empty when unattributed
    std::string cue;          // the attributing word or pattern ("said", "told", "colon", ...)
    double confidence = 0.0;  // 0..1, how sure the attribution is; 0 when unattributed
    // Byte offsets into Article::body of the quoted text (marks excluded): body.substr(begin,
    // end - begin) == text. The API also reports them in Unicode code points (see docs/api.md).
    std::size_t begin = 0;
    std::size_t end = 0;
};

// One article as extracted from a file. Absent string fields are empty; an unknown date is
// nullopt. Every string is valid UTF-8 in NFC.
struct Article {
    std::string id;           // stable, URL-safe, derived from source_path (see extract/ids.h)
    std::string source_path;  // path of the file relative to the corpus root, '/'-separated
    std::string title;
    std::optional<Date> date;  // publication date; nullopt when the text does not establish it
    std::string outlet;        // canonical outlet name (through the outlet registry)
    std::string author;
    std::string url;
    std::string body;  // the article text without site chrome, paragraphs split by "\n\n"
    std::vector<std::string> speakers;  // canonical names, sorted, unique
    std::vector<Quote> quotes;          // in body order
    std::string content_hash;  // hex digest of the source bytes (+ sidecar), for incremental update
};

// Number of Unicode code points in text[0, byte_offset) (offset clamped to the text): how the
// API reports quote positions, so JavaScript can index Array.from(body) with them.
std::size_t code_points_before(std::string_view text, std::size_t byte_offset);

// JSON form used for the document data in the index and by `broadsheet-indexer extract`.
// Absent values serialise as null; the date as "YYYY-MM-DD".
void to_json(nlohmann::json& out, const Quote& quote);
void from_json(const nlohmann::json& in, Quote& quote);
void to_json(nlohmann::json& out, const Article& article);
// Reads both the JSON above and the stored form below: a quote without "text" takes its text
// back from the body, body[begin, end).
void from_json(const nlohmann::json& in, Article& article);

// The article document's data (docs/schema.md): the JSON above, but a quote whose text is
// exactly body[begin, end) leaves "text" out (the body holds it already); any other quote keeps
// it, so reading it back with from_json gives the same Article whatever the offsets say.
nlohmann::json stored_article_json(const Article& article);

// The article a quote comes from, as its quote document stores it.
struct QuoteArticle {
    std::string id;
    std::string title;
    std::optional<Date> date;
    std::string outlet;
    std::string url;
};

// The data of one quote document (docs/schema.md): the quote with its offsets into the article
// body in UTF-8 bytes (begin, end) and in Unicode code points (char_begin, char_end), and the
// article it comes from. The indexer writes it, quote search reads it back.
struct QuoteRecord {
    std::string id;  // quote_id() (core/schema.h)
    std::string text;
    std::string speaker;  // empty when unattributed
    std::string cue;
    double confidence = 0.0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t char_begin = 0;
    std::size_t char_end = 0;
    QuoteArticle article;
};

// Absent strings and dates serialise as null. Reading is lenient like Article's: a missing or
// mistyped member leaves its default (empty, 0, nullopt).
void to_json(nlohmann::json& out, const QuoteRecord& record);
void from_json(const nlohmann::json& in, QuoteRecord& record);

}  // namespace broadsheet
