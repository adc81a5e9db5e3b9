// document.cpp — builds an article's Xapian document by walking the schema table, field by field.
#include "core/index/document.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/schema.h"

namespace broadsheet {
namespace {

// Gap between free-text fields so that a phrase query never matches across two of them.
constexpr Xapian::termpos kFieldPositionGap = 100;

// The kMissing* names of the fields a document lacks. Outlet, date and author are always the
// article's; `speaker_count` is the document's own (an article's speakers, a quote's one speaker).
std::vector<std::string_view> missing_fields(const Article& article, std::size_t speaker_count) {
    std::vector<std::string_view> missing;
    if (article.outlet.empty()) missing.push_back(kMissingOutlet);
    if (speaker_count == 0) missing.push_back(kMissingSpeaker);
    if (!article.date) missing.push_back(kMissingDate);
    if (article.author.empty()) missing.push_back(kMissingAuthor);
    return missing;
}

// The article's text for one field; empty strings are dropped by the callers.
std::vector<std::string_view> field_texts(const Article& article, Field field,
                                          const std::string& year) {
    switch (field) {
        case Field::Id:
            return {article.id};
        case Field::Type:
            return {kTypeArticle};
        case Field::Title:
            return {article.title};
        case Field::Body:
            return {article.body};
        case Field::Author:
        case Field::AuthorExact:
            return {article.author};
        case Field::Quote: {
            std::vector<std::string_view> texts;
            for (const auto& quote : article.quotes) texts.push_back(quote.text);
            return texts;
        }
        case Field::SpeakerText:
        case Field::Speaker:
            return {article.speakers.begin(), article.speakers.end()};
        case Field::OutletText:
        case Field::Outlet:
            return {article.outlet};
        case Field::Year:
            return {year};
        case Field::ArticleRef:
        case Field::QuoteGroup:
            return {};  // quote documents only
        case Field::Missing:
            return missing_fields(article, article.speakers.size());
    }
    return {};
}

// What a quote document holds for one field: the quote's words, speaker and group, and its
// article's outlet, year and id. Title, body and author stay on the article document.
std::vector<std::string_view> quote_field_texts(const QuoteDocumentInput& input, Field field,
                                                const std::string& id, const std::string& year) {
    const Quote& quote = input.article.quotes[input.index];
    switch (field) {
        case Field::Id:
            return {id};
        case Field::Type:
            return {kTypeQuote};
        case Field::Quote:
            return {quote.text};  // under prefix_on(Quote, Quote): unprefixed, as plain words
        case Field::SpeakerText:
        case Field::Speaker:
            return {quote.speaker};
        case Field::OutletText:
        case Field::Outlet:
            return {input.article.outlet};
        case Field::Year:
            return {year};
        case Field::ArticleRef:
            return {input.article.id};
        case Field::QuoteGroup:
            return {input.group.empty() ? std::string_view(id) : std::string_view(input.group)};
        case Field::Missing:
            return missing_fields(input.article, quote.speaker.empty() ? 0 : 1);
        case Field::Body:  // the quote's words are indexed once, as the Quote field
        case Field::Title:
        case Field::Author:
        case Field::AuthorExact:
            return {};
    }
    return {};
}

// Whether spelling data is collected while indexing a document.
enum class Spelling { Off, On };

// Spelling suggestions are drawn from the words people search by default: title and body.
bool feeds_spelling(Field field) {
    return field == Field::Title || field == Field::Body;
}

// Adds one schema field's texts to a document: free text through the generator, exact values
// as boolean terms. Shared by article and quote documents so both follow the table alike.
// What one add_field call writes: a field's texts, on a document of `kind`, with or without
// spelling data.
struct FieldTexts {
    const FieldSpec& spec;
    const std::vector<std::string_view>& texts;
    DocumentKind kind;
    Spelling spelling;
};

void add_field(Xapian::Document& doc, Xapian::TermGenerator& generator, const FieldTexts& input) {
    const FieldSpec& spec = input.spec;
    const Spelling spelling = input.spelling;
    const std::string prefix(prefix_on(spec.field, input.kind));
    const std::vector<std::string_view>& texts = input.texts;
    for (std::string_view text : texts) {
        if (text.empty()) continue;
        switch (spec.kind) {
            case FieldKind::FreeText: {
                generator.set_flags(spelling == Spelling::On && feeds_spelling(spec.field)
                                        ? Xapian::TermGenerator::FLAG_SPELLING
                                        : Xapian::TermGenerator::flags{});
                generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()), spec.wdf_inc,
                                     prefix);
                // The title also joins the default (unprefixed) field at its own, higher
                // weight, so a plain query matches headlines and ranks them above body text.
                if (spec.field == Field::Title && !spec.prefix.empty()) {
                    generator.increase_termpos(kFieldPositionGap);
                    generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()),
                                         spec.wdf_inc, std::string(prefix_of(Field::Body)));
                }
                generator.increase_termpos(kFieldPositionGap);
                break;
            }
            case FieldKind::Identifier:
                doc.add_boolean_term(term(spec.field, text));
                break;
            case FieldKind::Boolean:
                doc.add_boolean_term(fit_term(term(spec.field, text)));
                break;
        }
    }
}

// What the quote document stores as its data.
QuoteRecord quote_record(const Article& article, std::size_t index, const std::string& id) {
    const Quote& quote = article.quotes[index];
    QuoteRecord record;
    record.id = id;
    record.text = quote.text;
    record.speaker = quote.speaker;
    record.cue = quote.cue;
    record.confidence = quote.confidence;
    record.begin = quote.begin;
    record.end = quote.end;
    record.char_begin = code_points_before(article.body, quote.begin);
    record.char_end = code_points_before(article.body, quote.end);
    record.article = {article.id, article.title, article.date, article.outlet, article.url};
    return record;
}

// The article document's data: stored_article_json (quote texts left to the body). A stray
// invalid byte (extraction promises UTF-8) is replaced rather than thrown on, so a document is
// never lost to a serialisation error; replacing changes byte lengths, which would move the
// quotes' offsets off their text, so such an article keeps every quote's text.
std::string article_data(const Article& article) {
    try {
        return stored_article_json(article).dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::strict);
    } catch (const nlohmann::json::type_error&) {
        return nlohmann::json(article).dump(-1, ' ', false,
                                            nlohmann::json::error_handler_t::replace);
    }
}

std::string join_speakers(const std::vector<std::string>& speakers) {
    std::string joined;
    for (const auto& name : speakers) {
        if (!joined.empty()) joined.push_back(kMultiValueSeparator);
        joined.append(name);
    }
    return joined;
}

void add_value_if_present(Xapian::Document& doc, ValueSlot slot, const std::string& value) {
    if (!value.empty()) doc.add_value(slot, value);
}

}  // namespace

void count_spelling_words(const Xapian::Document& article_document, SpellingCounts& counts,
                          long long times) {
    // Spelling words are the title's and body's unprefixed terms (TermGenerator adds spelling
    // for unprefixed words only). The title reaches the unprefixed field at its own wdf_inc,
    // so a word's wdf there is title_wdf + body occurrences, where title_wdf is the wdf of its
    // title-prefixed term: title_wdf / wdf_inc title occurrences.
    const std::string title_prefix(prefix_of(Field::Title));
    const Xapian::termcount title_inc = field_spec(Field::Title).wdf_inc;
    const Xapian::TermIterator end = article_document.termlist_end();
    Xapian::TermIterator title = article_document.termlist_begin();
    for (Xapian::TermIterator it = article_document.termlist_begin(); it != end; ++it) {
        const std::string word = *it;
        if (field_of_term(word) != Field::Body) continue;
        Xapian::termcount title_wdf = 0;
        const std::string title_term = title_prefix + word;
        title.skip_to(title_term);
        if (title != end && *title == title_term) title_wdf = title.get_wdf();
        counts[word] += times * (it.get_wdf() - title_wdf + title_wdf / title_inc);
    }
}

void apply_spelling(Xapian::WritableDatabase& db, SpellingCounts& counts) {
    for (const auto& [word, count] : counts) {
        if (count > 0)
            db.add_spelling(word, static_cast<Xapian::termcount>(count));
        else if (count < 0)
            db.remove_spelling(word, static_cast<Xapian::termcount>(-count));
    }
    counts.clear();
}

std::string unique_term(const Article& article) {
    return term(Field::Id, article.id);
}

Xapian::Document make_quote_document(const QuoteDocumentInput& input) {
    const Article& article = input.article;
    const Quote& quote = article.quotes.at(input.index);
    const std::string id = quote_id(article, input.index);
    const std::string group = input.group.empty() ? id : input.group;
    const std::string year = article.date ? article.date->year_str() : std::string();

    Xapian::Document doc;
    Xapian::TermGenerator generator;
    generator.set_stemmer(make_stemmer());
    generator.set_document(doc);
    for (const auto& spec : field_table())
        add_field(doc, generator,
                  {spec, quote_field_texts(input, spec.field, id, year), DocumentKind::Quote,
                   Spelling::Off});

    if (article.date) {
        doc.add_value(kSlotDate, article.date->slot());
        doc.add_value(kSlotYear, year);
    }
    doc.add_value(kSlotOldestKey, article.date ? article.date->slot() : std::string(kUndatedKey));
    add_value_if_present(doc, kSlotOutlet, article.outlet);
    add_value_if_present(doc, kSlotSpeakers, quote.speaker);
    doc.add_value(kSlotConfidence, Xapian::sortable_serialise(quote.confidence));
    doc.add_value(kSlotQuoteGroup, group);
    add_value_if_present(doc, kSlotSourcePath, article.source_path);

    const nlohmann::json data = quote_record(article, input.index, id);
    doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return doc;
}

Xapian::Document make_article_document(const Article& article,
                                       Xapian::WritableDatabase* spelling_db) {
    Xapian::Document doc;
    const std::string year = article.date ? article.date->year_str() : std::string();

    Xapian::TermGenerator generator;
    generator.set_stemmer(make_stemmer());
    generator.set_document(doc);
    if (spelling_db != nullptr) generator.set_database(*spelling_db);

    const Spelling spelling = spelling_db != nullptr ? Spelling::On : Spelling::Off;
    for (const auto& spec : field_table())
        add_field(doc, generator,
                  {spec, field_texts(article, spec.field, year), DocumentKind::Article, spelling});

    if (article.date) {
        doc.add_value(kSlotDate, article.date->slot());
        doc.add_value(kSlotYear, year);
    }
    doc.add_value(kSlotOldestKey, article.date ? article.date->slot() : std::string(kUndatedKey));
    add_value_if_present(doc, kSlotOutlet, article.outlet);
    add_value_if_present(doc, kSlotSpeakers, join_speakers(article.speakers));
    add_value_if_present(doc, kSlotContentHash, article.content_hash);
    add_value_if_present(doc, kSlotSourcePath, article.source_path);
    add_value_if_present(doc, kSlotAuthor, article.author);

    doc.set_data(article_data(article));
    return doc;
}

}  // namespace broadsheet
