// stored_format_test.cpp — schema 6 stores an article's quotes without their text (the body
// holds it): tests/corpus built by the real indexer, and a copy whose article data is rewritten
// as schema 5 stored it (every quote's text, taken from the extractor, not from the body), served
// by two real servers on loopback, answer the same to the byte but for the time they took: every
// article page, every page of quote hits, quote searches, the shared query table and the exports.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/extract/registry.h"
#include "core/index/article_writer.h"
#include "core/index/generations.h"
#include "core/index/walker.h"
#include "core/schema.h"
#include "tests/support/shard_equivalence.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::build_corpus_index;
using testing_support::get_comparable;
using testing_support::kShardCorpus;
using testing_support::RunningServer;
using testing_support::TempDir;
using testing_support::write_file;

// Every article of tests/corpus by id, as the extractor gives it (the indexer's own path).
std::map<std::string, Article> extracted_articles() {
    const Registry registry = Registry::load(kShardCorpus);
    const ExtractContext context{&registry};
    std::map<std::string, Article> articles;
    for (const std::string& file : list_corpus(kShardCorpus).files) {
        std::vector<Diagnostic> diagnostics;
        const auto source = read_source_file(kShardCorpus / file, file, diagnostics);
        if (!source) continue;
        for (Article& article : extract_articles(*source, context, diagnostics))
            articles.emplace(article.id, std::move(article));
    }
    return articles;
}

struct Rewritten {
    std::size_t articles = 0;
    std::size_t quotes_without_text = 0;  // quotes schema 6 stored without their text
};

// Puts each stored quote's text back, from the extractor, into the article data of the
// database at `path`: the data as schema 5 wrote it (nlohmann::json keeps keys sorted, so the
// member lands where it was).
Rewritten rewrite_as_schema_5(const fs::path& path) {
    const std::map<std::string, Article> extracted = extracted_articles();
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    const std::string type = term(Field::Type, kTypeArticle);
    std::vector<Xapian::docid> documents;
    for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it)
        documents.push_back(*it);
    Rewritten rewritten;
    for (const Xapian::docid id : documents) {
        Xapian::Document doc = db.get_document(id);
        nlohmann::json data = nlohmann::json::parse(doc.get_data());
        const auto found = extracted.find(data["id"].get<std::string>());
        EXPECT_NE(found, extracted.end()) << data["id"];
        if (found == extracted.end()) continue;
        const std::vector<Quote>& quotes = found->second.quotes;
        EXPECT_EQ(data["quotes"].size(), quotes.size()) << data["id"];
        if (data["quotes"].size() != quotes.size()) continue;
        for (std::size_t i = 0; i < quotes.size(); ++i) {
            if (!data["quotes"][i].contains("text")) ++rewritten.quotes_without_text;
            data["quotes"][i]["text"] = quotes[i].text;
        }
        doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        db.replace_document(id, doc);
        ++rewritten.articles;
    }
    db.commit();
    return rewritten;
}

class StoredFormat : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        write_file(dir_->path() / "web" / "index.html", "<!doctype html><title>Broadsheet</title>");
        build_corpus_index(dir_->path() / "v6", {"--jobs", "1"});
        fs::copy(dir_->path() / "v6", dir_->path() / "v5", fs::copy_options::recursive);
        const auto generation = current_generation(dir_->path() / "v5");
        ASSERT_TRUE(generation.has_value());
        rewritten_ = rewrite_as_schema_5(dir_->path() / "v5" / generation_name(*generation));
        v6_ = new RunningServer(dir_->path() / "v6", dir_->path() / "web");
        v5_ = new RunningServer(dir_->path() / "v5", dir_->path() / "web");
    }
    static void TearDownTestSuite() {
        delete v6_;
        delete v5_;
        delete dir_;
    }
    static TempDir* dir_;
    static Rewritten rewritten_;
    static RunningServer* v6_;
    static RunningServer* v5_;
};
TempDir* StoredFormat::dir_ = nullptr;
Rewritten StoredFormat::rewritten_;
RunningServer* StoredFormat::v6_ = nullptr;
RunningServer* StoredFormat::v5_ = nullptr;

TEST_F(StoredFormat, TheNewFormatLeavesQuoteTextsToTheBody) {
    EXPECT_GT(rewritten_.articles, 40u);
    EXPECT_GT(rewritten_.quotes_without_text, 40u);
}

// The ids of every article, a search page (the largest size) at a time.
std::vector<std::string> all_article_ids(const RunningServer& server) {
    std::vector<std::string> ids;
    for (int page = 1;; ++page) {
        const nlohmann::json hits = get_comparable(
            server, "/api/search", {{"size", "100"}, {"page", std::to_string(page)}});
        for (const auto& hit : hits["hits"]) ids.push_back(hit["id"]);
        if (hits["hits"].empty() || ids.size() >= hits["total"].get<std::size_t>()) break;
    }
    return ids;
}

TEST_F(StoredFormat, EveryArticlePageIsTheSame) {
    const std::vector<std::string> ids = all_article_ids(*v6_);
    EXPECT_EQ(ids.size(), rewritten_.articles);
    std::size_t quotes = 0;
    for (const std::string& id : ids) {
        const std::string path = "/api/articles/" + httplib::detail::encode_query_param(id);
        SCOPED_TRACE(path);
        const nlohmann::json page = get_comparable(*v6_, path, {});
        quotes += page["quotes"].size();
        EXPECT_EQ(page, get_comparable(*v5_, path, {}));
    }
    EXPECT_GT(quotes, 40u);
}

TEST_F(StoredFormat, EveryPageOfQuoteHitsIsTheSame) {
    std::size_t seen = 0;
    for (int page = 1;; ++page) {
        const httplib::Params params = {
            {"size", "100"}, {"page", std::to_string(page)}, {"facet_size", "1000"}};
        const nlohmann::json hits = get_comparable(*v6_, "/api/quotes", params);
        EXPECT_EQ(hits, get_comparable(*v5_, "/api/quotes", params)) << "page " << page;
        seen += hits["hits"].size();
        if (hits["hits"].empty() || seen >= hits["total"].get<std::size_t>()) break;
    }
    EXPECT_GT(seen, 40u);
}

// Each row a kind of quote search whose marked text or ranking reads what is stored.
const httplib::Params kQuoteSearches[] = {
    {{"q", "russia"}},                     // a plain word, marked in each hit's text
    {{"q", "quote:government"}},           // the quote field
    {{"q", "\"we will\""}},                // a phrase
    {{"q", "said"}, {"snippets", "0"}},    // unmarked text
    {{"q", "speaker:kerry"}},              // the speaker's words
    {{"q", "minist*"}, {"size", "100"}},   // a wildcard over many hits
    {{"q", "police"}, {"sort", "newest"}}  // a date order
};

TEST_F(StoredFormat, QuoteSearchesAreTheSame) {
    for (const auto& params : kQuoteSearches) {
        SCOPED_TRACE(params.begin()->second);
        EXPECT_EQ(get_comparable(*v6_, "/api/quotes", params),
                  get_comparable(*v5_, "/api/quotes", params));
    }
}

TEST_F(StoredFormat, TheQueryTableAndExportsAreTheSame) {
    for (const testing_support::EquivalenceRow& row : testing_support::kEquivalenceRows) {
        SCOPED_TRACE(httplib::append_query_params(row.path, row.params));
        EXPECT_EQ(get_comparable(*v6_, row.path, row.params),
                  get_comparable(*v5_, row.path, row.params));
    }
    for (const char* path : {"/api/search.jsonl", "/api/search.csv"}) {
        SCOPED_TRACE(path);
        const auto a = v6_->get(path, {{"sort", "oldest"}});
        const auto b = v5_->get(path, {{"sort", "oldest"}});
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->body, b->body);
    }
    testing_support::expect_same_pages(*v6_, *v5_);
}

}  // namespace
}  // namespace broadsheet
