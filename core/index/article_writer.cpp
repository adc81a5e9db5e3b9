// article_writer.cpp — extract a file's usable articles; put and delete article documents.
#include "core/index/article_writer.h"

#include <map>

#include "core/index/document.h"
#include "core/index/index_writer.h"
#include "core/schema.h"

namespace broadsheet {
namespace {

// The stored quote documents of an article, by their unique id term.
std::map<std::string, Xapian::docid> stored_quote_documents(const Xapian::Database& db,
                                                            const std::string& article_id) {
    std::map<std::string, Xapian::docid> stored;
    const std::string ref = article_ref_term(article_id);
    const std::string id_prefix(prefix_of(Field::Id));
    for (auto it = db.postlist_begin(ref); it != db.postlist_end(ref); ++it) {
        auto terms = db.termlist_begin(*it);
        terms.skip_to(id_prefix);
        if (terms != db.termlist_end(*it) && (*terms).starts_with(id_prefix))
            stored.emplace(*terms, *it);
    }
    return stored;
}

bool same_values(const Xapian::Document& a, const Xapian::Document& b) {
    auto i = a.values_begin();
    auto j = b.values_begin();
    for (; i != a.values_end() && j != b.values_end(); ++i, ++j)
        if (i.get_valueno() != j.get_valueno() || *i != *j) return false;
    return i == a.values_end() && j == b.values_end();
}

// Terms and their wdf; positions follow from the texts, which the data holds.
bool same_terms(const Xapian::Document& a, const Xapian::Document& b) {
    auto i = a.termlist_begin();
    auto j = b.termlist_begin();
    for (; i != a.termlist_end() && j != b.termlist_end(); ++i, ++j)
        if (*i != *j || i.get_wdf() != j.get_wdf()) return false;
    return i == a.termlist_end() && j == b.termlist_end();
}

void note_removed(QuoteChanges* changes, const Xapian::Document& document) {
    if (changes == nullptr) return;
    changes->vacated_groups.insert(document.get_value(kSlotQuoteGroup));
    changes->removed.push_back(stored_quote(document));
}

// Writes quote `index` of the article over the stored document `docid`, unless it would come
// out the same; it keeps its group unless what grouping compares changed.
void put_over(Xapian::WritableDatabase& db, const QuoteDocumentInput& input, Xapian::docid docid,
              QuoteChanges* changes) {
    Xapian::Document before = db.get_document(docid);
    const QuoteForGrouping was = stored_quote(before);
    const Quote& quote = input.article.quotes[input.index];
    const bool regroup =
        was.text != quote.text || was.speaker != quote.speaker || was.date != input.article.date;
    const Xapian::Document after = make_quote_document(
        {input.article, input.index, regroup ? std::string() : before.get_value(kSlotQuoteGroup)});
    if (!regroup && same_values(before, after) && same_terms(before, after)) {
        if (before.get_data() == after.get_data()) return;
        // Only the record differs (an edit earlier in the article moved the quote's offsets).
        // Handing back the document just read lets Xapian write its data alone, leaving its
        // postings and positions untouched.
        before.set_data(after.get_data());
        db.replace_document(docid, before);
        return;
    }
    if (regroup) note_removed(changes, before);
    db.replace_document(docid, after);
    if (regroup && changes != nullptr)
        changes->changed.insert(quote_id(input.article, input.index));
}

void put_quotes(Xapian::WritableDatabase& db, const Article& article,
                std::vector<Diagnostic>& diagnostics, QuoteChanges* changes) {
    std::map<std::string, Xapian::docid> stored = stored_quote_documents(db, article.id);
    for (std::size_t i = 0; i < article.quotes.size(); ++i) {
        const std::string id_term = term(Field::Id, quote_id(article, i));
        try {
            const auto found = stored.find(id_term);
            if (found != stored.end()) {
                const Xapian::docid docid = found->second;
                stored.erase(found);
                put_over(db, {article, i, {}}, docid, changes);
                continue;
            }
            db.replace_document(id_term, make_quote_document({article, i, {}}));
            if (changes != nullptr) changes->changed.insert(quote_id(article, i));
        } catch (const Xapian::InvalidArgumentError& e) {
            diagnostics.push_back(
                {article.source_path, Severity::Warning,
                 "quote " + std::to_string(i + 1) + " rejected by the index: " + e.get_msg()});
        }
    }
    for (const auto& [id_term, docid] : stored) {
        note_removed(changes, db.get_document(docid));
        db.delete_document(docid);
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
                       WriteTallies tallies) {
    const Article& article = input.article;
    const std::string id_term = unique_term(article);
    std::optional<Xapian::docid> existing;
    if (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term)) existing = *it;
    try {
        Xapian::Document document = make_article_document(article);
        if (!input.source_stamp.empty())
            document.add_value(kSlotSourceStamp, std::string(input.source_stamp));
        // The replaced document's words are read before it is overwritten, and taken away only
        // once the new one is in.
        SpellingCounts replaced_words;
        if (existing) count_spelling_words(db.get_document(*existing), replaced_words, -1);
        db.replace_document(id_term, document);
        SpellingCounts& spelling = tallies.spelling != nullptr ? *tallies.spelling : replaced_words;
        if (tallies.spelling != nullptr)
            for (const auto& [word, change] : replaced_words) spelling[word] += change;
        count_spelling_words(document, spelling);
        if (tallies.spelling == nullptr) apply_spelling(db, replaced_words);
    } catch (const Xapian::InvalidArgumentError& e) {
        // Xapian refuses some input outright (e.g. an id term longer than 245 bytes).
        diagnostics.push_back(
            {article.source_path, Severity::Skipped, "rejected by the index: " + e.get_msg()});
        return PutOutcome::Rejected;
    }
    put_quotes(db, article, diagnostics, tallies.quotes);
    if (replaced != nullptr) *replaced = existing;
    return existing ? PutOutcome::Replaced : PutOutcome::Added;
}

void delete_article(Xapian::WritableDatabase& db, Xapian::docid document,
                    const std::string& article_id, WriteTallies tallies) {
    SpellingCounts own;
    SpellingCounts& spelling = tallies.spelling != nullptr ? *tallies.spelling : own;
    count_spelling_words(db.get_document(document), spelling, -1);
    if (tallies.spelling == nullptr) apply_spelling(db, own);
    db.delete_document(document);
    if (article_id.empty()) return;
    const std::string ref = article_ref_term(article_id);
    QuoteChanges* quotes = tallies.quotes;
    if (quotes != nullptr)
        for (auto it = db.postlist_begin(ref); it != db.postlist_end(ref); ++it)
            note_removed(quotes, db.get_document(*it));
    db.delete_document(ref);
}

bool delete_article(Xapian::WritableDatabase& db, const std::string& article_id) {
    const std::string id_term = term(Field::Id, article_id);
    auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return false;
    delete_article(db, *it, article_id);
    return true;
}

}  // namespace broadsheet
