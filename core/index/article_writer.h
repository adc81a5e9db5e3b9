// article_writer.h — the per-article steps every index writer shares: extract a file's usable
// articles, put one article (and its quote documents) into a database, delete one again.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/extract/extract.h"
#include "core/index/document.h"
#include "core/index/quote_groups.h"

namespace broadsheet {

// The articles of one file that can be indexed; every diagnostic (the extractor's and "no
// article id") is appended to `diagnostics`.
std::vector<Article> extract_articles(const SourceFile& source, const ExtractContext& context,
                                      std::vector<Diagnostic>& diagnostics);

enum class PutOutcome { Added, Replaced, Rejected };

// An article and the source_stamp() of its file, taken before the file was read.
struct StampedArticle {
    const Article& article;
    std::string_view source_stamp;
};

// Where put_article and delete_article count what they did besides writing; each optional.
struct WriteTallies {
    SpellingCounts* spelling = nullptr;  // spelling changes, for apply_spelling()
    QuoteChanges* quotes = nullptr;      // quote documents changed, for regroup_changed_quotes
};

// replace_document by the unique id term, so re-indexing an article never duplicates it. Its
// quote documents are matched with the stored ones by quote id: one whose document would come
// out the same is left alone (so is its group when its words, speaker and date are the same);
// stored ones the article no longer has are deleted, so an edited article keeps no stale ones.
// The spelling table keeps the words of the article documents present: the article's spelling
// words are added and those of the document it replaces taken away, in `db` or, when
// `tallies.spelling` is given, counted there for the caller to apply_spelling() before it
// commits. A document Xapian
// refuses is a Skipped diagnostic (Rejected); a refused quote is a Warning. `replaced`, when
// given, receives the docid the article had before.
PutOutcome put_article(Xapian::WritableDatabase& db, const StampedArticle& input,
                       std::vector<Diagnostic>& diagnostics,
                       std::optional<Xapian::docid>* replaced = nullptr, WriteTallies tallies = {});

// Deletes an article document and the quote documents that came from it, and takes the
// article's spelling words away (from `db`, or counted in `tallies.spelling` when given; the
// removed quotes are noted in `tallies.quotes` when given).
void delete_article(Xapian::WritableDatabase& db, Xapian::docid document,
                    const std::string& article_id, WriteTallies tallies = {});

// The same, found by article id, spelling taken from `db`; false when it holds no such article.
bool delete_article(Xapian::WritableDatabase& db, const std::string& article_id);

}  // namespace broadsheet
