// quote_index.h — a small on-disk index of articles with quotes, whose quote documents are
// written by the indexer's own make_quote_document(), for the quote, speaker and matrix tests.
#pragma once

#include <string>
#include <vector>

#include "core/index/document.h"
#include "tests/support/test_index.h"

namespace broadsheet::testing_support {

// Appends `text` in quotation marks to the article body and records it as a quote.
inline void add_quote(Article& article, const std::string& text, const std::string& speaker,
                      double confidence) {
    article.body += " \"";
    Quote quote;
    quote.begin = article.body.size();
    article.body += text;
    quote.end = article.body.size();
    article.body += "\" said someone.";
    quote.text = text;
    quote.speaker = speaker;
    quote.cue = speaker.empty() ? "" : "said";
    quote.confidence = confidence;
    article.quotes.push_back(quote);
}

inline const std::string kLongQuote =
    "This sentence is long on purpose because a quote hit must show the whole quote rather than "
    "a window of two hundred bytes, so the words at its very end, like the final word armistice, "
    "must still be there for a reader.";

inline std::vector<Article> quoted_articles() {
    auto a1 = make_article("a1", "Kerry in Geneva", "Talks in Geneva.", "Bloomberg",
                           {"John Kerry", "Sergei Lavrov"}, "2016-02-12");
    // Kerry's regime-change line: phrase search, and the earliest member of its group.
    add_quote(a1, "We are not seeking regime change in Syria", "John Kerry", 0.9);
    // Lavrov at high confidence: a second speaker in the facets.
    add_quote(a1, "The talks were substantive and pragmatic", "Sergei Lavrov", 0.8);
    auto a2 = make_article("a2", "Moscow answers", "Moscow answered.", "Sputnik",
                           {"John Kerry", "Maria Zakharova"}, "2017-11-17");
    // The same words reported again: same group as a1's first quote.
    add_quote(a2, "We are not seeking regime change in Syria", "John Kerry", 0.9);
    // Markup inside a quote must come back escaped; low confidence for min_confidence.
    add_quote(a2, "<script>alert(1)</script> is not diplomacy!", "Maria Zakharova", 0.4);
    auto a3 = make_article("a3", "Undated note", "A note.", "The Moscow Times", {}, "");
    // Unattributed and undated: no speaker row, no month.
    add_quote(a3, "does not require comments", "", 0.0);
    // Longer than any snippet window.
    add_quote(a3, kLongQuote, "Sergei Lavrov", 0.7);
    return {a1, a2, a3};
}

inline void write_quote_index(const std::filesystem::path& path) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    write_schema_metadata(db);
    const auto articles = quoted_articles();
    for (const auto& article : articles) {
        db.replace_document(unique_term(article), make_article_document(article, &db));
        for (std::size_t i = 0; i < article.quotes.size(); ++i) {
            // a2's first quote joins the group of a1's first quote.
            const std::string group = article.id == "a2" && i == 0 ? "a1~q1" : "";
            db.replace_document(term(Field::Id, quote_id(article, i)),
                                make_quote_document({article, i, group}));
        }
    }
    db.commit();
}

}  // namespace broadsheet::testing_support
