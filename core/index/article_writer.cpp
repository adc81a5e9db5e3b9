// article_writer.cpp — extract a file's usable articles; put and delete article documents.
#include "core/index/article_writer.h"

#include "core/index/document.h"
#include "core/index/index_writer.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

void put_quotes(Xapian::WritableDatabase& db, const Article& article,
                std::vector<Diagnostic>& diagnostics) {
    db.delete_document(article_ref_term(article.id));
    for (std::size_t i = 0; i < article.quotes.size(); ++i) {
        try {
            db.replace_document(term(Field::Id, quote_id(article, i)),
                                make_quote_document({article, i, {}}));
        } catch (const Xapian::InvalidArgumentError& e) {
            diagnostics.push_back(
                {article.source_path, Severity::Warning,
                 "quote " + std::to_string(i + 1) + " rejected by the index: " + e.get_msg()});
        }
    }
}

}  // namespace

std::vector<Article> extract_articles(const SourceFile& source, const ExtractContext& context,
                                      std::vector<Diagnostic>& diagnostics) {
    ExtractResult result = extract_source(source, context);
    for (auto& diagnostic : result.diagnostics) diagnostics.push_back(std::move(diagnostic));
    std::vector<Article> usable;
    for (auto& article : result.articles) {
        if (article.id.empty()) {
            diagnostics.push_back(
                {source.relative_path, Severity::Skipped, "extraction produced no article id"});
            continue;
        }
        usable.push_back(std::move(article));
    }
    return usable;
}

PutOutcome put_article(Xapian::WritableDatabase& db, const StampedArticle& input,
                       std::vector<Diagnostic>& diagnostics, std::optional<Xapian::docid>* replaced,
                       SpellingCounts* spelling_tally) {
    const Article& article = input.article;
    const std::string id_term = unique_term(article);
    std::optional<Xapian::docid> existing;
    if (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term)) existing = *it;
    try {
        Xapian::Document document =
            make_article_document(article, spelling_tally != nullptr ? nullptr : &db);
        if (!input.source_stamp.empty())
            document.add_value(kSlotSourceStamp, std::string(input.source_stamp));
        db.replace_document(id_term, document);
        if (spelling_tally != nullptr) count_spelling_words(document, *spelling_tally);
    } catch (const Xapian::InvalidArgumentError& e) {
        // Xapian refuses some input outright (e.g. an id term longer than 245 bytes).
        diagnostics.push_back(
            {article.source_path, Severity::Skipped, "rejected by the index: " + e.get_msg()});
        return PutOutcome::Rejected;
    }
    put_quotes(db, article, diagnostics);
    if (replaced != nullptr) *replaced = existing;
    return existing ? PutOutcome::Replaced : PutOutcome::Added;
}

void delete_article(Xapian::WritableDatabase& db, Xapian::docid document,
                    const std::string& article_id) {
    db.delete_document(document);
    if (!article_id.empty()) db.delete_document(article_ref_term(article_id));
}

bool delete_article(Xapian::WritableDatabase& db, const std::string& article_id) {
    const std::string id_term = term(Field::Id, article_id);
    auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return false;
    delete_article(db, *it, article_id);
    return true;
}

}  // namespace broadsheet
