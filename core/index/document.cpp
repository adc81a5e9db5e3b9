// document.cpp — builds an article's Xapian document by walking the schema table, field by field.
#include "core/index/document.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/schema.h"

namespace broadsheet {
namespace {

// Glass refuses terms longer than 245 bytes; a boolean term is cut to fit at a UTF-8 character
// boundary so an absurd author or speaker name costs its exact-match filter, not the document.
constexpr std::size_t kMaxTermBytes = 245;

// Gap between free-text fields so that a phrase query never matches across two of them.
constexpr Xapian::termpos kFieldPositionGap = 100;

std::string fit_term(std::string term) {
    if (term.size() <= kMaxTermBytes) return term;
    std::size_t cut = kMaxTermBytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the character being cut.
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
    term.resize(cut);
    return term;
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
            return {};  // quote documents only
    }
    return {};
}

// Spelling suggestions are drawn from the words people search by default: title and body.
bool feeds_spelling(Field field) {
    return field == Field::Title || field == Field::Body;
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

std::string unique_term(const Article& article) {
    return term(Field::Id, article.id);
}

Xapian::Document make_article_document(const Article& article,
                                       Xapian::WritableDatabase* spelling_db) {
    Xapian::Document doc;
    const std::string year = article.date ? article.date->year_str() : std::string();

    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_document(doc);
    if (spelling_db != nullptr) generator.set_database(*spelling_db);

    const auto& body_spec = field_spec(Field::Body);
    for (const auto& spec : field_table()) {
        const auto texts = field_texts(article, spec.field, year);
        for (std::string_view text : texts) {
            if (text.empty()) continue;
            switch (spec.kind) {
                case FieldKind::FreeText: {
                    const bool spelling = spelling_db != nullptr && feeds_spelling(spec.field);
                    generator.set_flags(spelling ? Xapian::TermGenerator::FLAG_SPELLING
                                                 : Xapian::TermGenerator::flags{});
                    generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()),
                                         spec.wdf_inc, std::string(spec.prefix));
                    // The title also joins the default (unprefixed) field at its own, higher
                    // weight, so a plain query matches headlines and ranks them above body text.
                    if (spec.field == Field::Title && !spec.prefix.empty()) {
                        generator.increase_termpos(kFieldPositionGap);
                        generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()),
                                             spec.wdf_inc, std::string(body_spec.prefix));
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

    if (article.date) {
        doc.add_value(kSlotDate, article.date->slot());
        doc.add_value(kSlotYear, year);
    }
    add_value_if_present(doc, kSlotOutlet, article.outlet);
    add_value_if_present(doc, kSlotSpeakers, join_speakers(article.speakers));
    add_value_if_present(doc, kSlotContentHash, article.content_hash);
    add_value_if_present(doc, kSlotSourcePath, article.source_path);
    add_value_if_present(doc, kSlotAuthor, article.author);

    // Replace rather than throw on a stray invalid byte: extraction promises UTF-8, but a document
    // must never be lost to a serialisation error.
    doc.set_data(
        nlohmann::json(article).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return doc;
}

}  // namespace broadsheet
