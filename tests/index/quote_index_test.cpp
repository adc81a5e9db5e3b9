// quote_index_test.cpp — quote documents in built and updated indexes: terms, values and data
// over the seeds, stale quotes after edits and removals, and near-duplicate groups.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/extract/registry.h"
#include "core/index/document.h"
#include "core/index/index_writer.h"
#include "core/index/walker.h"
#include "core/schema.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::TempDir;
using testing_support::write_file;

const fs::path kSourceDir = BROADSHEET_SOURCE_DIR;

// All quote documents of an index as their JSON data, by quote id.
std::map<std::string, nlohmann::json> quote_data(const Xapian::Database& db) {
    std::map<std::string, nlohmann::json> out;
    const std::string type = term(Field::Type, kTypeQuote);
    for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it) {
        auto data = nlohmann::json::parse(db.get_document(*it).get_data());
        out[data["id"].get<std::string>()] = data;
    }
    return out;
}

std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

Xapian::Document document_by_id(const Xapian::Database& db, const std::string& id) {
    const std::string id_term = term(Field::Id, id);
    auto it = db.postlist_begin(id_term);
    EXPECT_NE(it, db.postlist_end(id_term)) << "no document " << id;
    return db.get_document(*it);
}

class QuoteIndex : public testing::Test {
  protected:
    void SetUp() override {
        options_.corpus_dir = dir_ / "corpus";
        options_.index_dir = dir_ / "index";
        options_.registry = &registry_;
    }
    Xapian::Database open() const { return Xapian::Database(options_.index_dir.string()); }

    TempDir dir_;
    Registry registry_;
    IndexOptions options_;
};

TEST_F(QuoteIndex, SeedQuotesAreDocumentsWithTermsValuesAndData) {
    fs::copy(kSourceDir / "corpus", options_.corpus_dir);
    registry_ = Registry::load(options_.corpus_dir);
    build_index(options_);
    const Xapian::Database db = open();

    std::size_t expected_quotes = 0, kerry_files = 0;
    const ExtractContext context{&registry_};
    std::vector<Diagnostic> ignored;
    for (const auto& relative : list_corpus(options_.corpus_dir).files) {
        auto source = read_source_file(options_.corpus_dir / relative, relative, ignored);
        ASSERT_TRUE(source);
        bool kerry = false;
        for (const Article& article : extract_source(*source, context).articles) {
            expected_quotes += article.quotes.size();
            for (std::size_t i = 0; i < article.quotes.size(); ++i) {
                const Quote& quote = article.quotes[i];
                const std::string id = quote_id(article, i);
                const Xapian::Document doc = document_by_id(db, id);
                const auto data = nlohmann::json::parse(doc.get_data());
                EXPECT_EQ(data["text"], quote.text) << id;
                EXPECT_EQ(data["article"]["id"], article.id) << id;
                EXPECT_EQ(data["article"]["title"], article.title) << id;
                EXPECT_EQ(data["begin"], quote.begin) << id;
                EXPECT_LE(data["char_begin"].get<std::size_t>(), quote.begin) << id;
                EXPECT_EQ(
                    data["char_end"].get<std::size_t>() - data["char_begin"].get<std::size_t>(),
                    code_points(quote.text))
                    << id;
                std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
                EXPECT_TRUE(terms.count(term(Field::Type, kTypeQuote))) << id;
                EXPECT_TRUE(terms.count(article_ref_term(article.id))) << id;
                EXPECT_TRUE(terms.count(quote_group_term(doc.get_value(kSlotQuoteGroup)))) << id;
                EXPECT_FALSE(terms.count(term(Field::Type, kTypeArticle))) << id;
                EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotConfidence)),
                          quote.confidence)
                    << id;
                EXPECT_EQ(doc.get_value(kSlotSpeakers), quote.speaker) << id;
                if (article.date) {
                    EXPECT_EQ(doc.get_value(kSlotDate), article.date->slot()) << id;
                }
                if (!quote.speaker.empty()) {
                    EXPECT_TRUE(terms.count(term(Field::Speaker, quote.speaker))) << id;
                    EXPECT_EQ(data["speaker"], quote.speaker) << id;
                }
                if (quote.speaker == "John Kerry") kerry = true;
            }
        }
        if (kerry && (relative.rfind("000_", 0) == 0 || relative.rfind("001_", 0) == 0))
            ++kerry_files;
    }
    EXPECT_EQ(kerry_files, 2u) << "seeds 000 and 001 quote John Kerry";
    EXPECT_GT(expected_quotes, 0u);
    EXPECT_EQ(db.get_termfreq(term(Field::Type, kTypeQuote)), expected_quotes);
    EXPECT_EQ(db.get_metadata(std::string(kMetaQuoteCount)), std::to_string(expected_quotes));
}

const std::string kEditedBefore =
    "Mayor backs new tram line\n\nBy A. Writer\n\nMay 4, 2019\n\n"
    "\"The tram line will carry forty thousand passengers every single day,\" Mayor Ruth Bell "
    "said on Monday.\n";
const std::string kEditedAfter =
    "Mayor backs new tram line\n\nBy A. Writer\n\nMay 4, 2019\n\n"
    "\"Construction of the depot begins in the spring of next year,\" Mayor Ruth Bell said on "
    "Monday.\n";

std::size_t quotes_containing(const Xapian::Database& db, const std::string& words) {
    std::size_t count = 0;
    for (const auto& [id, data] : quote_data(db))
        count += data["text"].get<std::string>().find(words) != std::string::npos;
    return count;
}

TEST_F(QuoteIndex, AnEditedArticleLosesItsOldQuotesOnUpdate) {
    write_file(options_.corpus_dir / "tram.txt", kEditedBefore);
    write_file(options_.corpus_dir / "other.txt", kEditedBefore);
    build_index(options_);
    ASSERT_EQ(quotes_containing(open(), "forty thousand passengers"), 2u);
    const auto before = open().get_termfreq(term(Field::Type, kTypeQuote));

    write_file(options_.corpus_dir / "tram.txt", kEditedAfter);
    const IndexReport report = update_index(options_);
    EXPECT_EQ(report.updated, 1u);  // counts stay per article, not per quote
    EXPECT_EQ(report.unchanged, 1u);
    const Xapian::Database db = open();
    EXPECT_EQ(quotes_containing(db, "depot begins"), 1u);
    EXPECT_EQ(db.get_termfreq(term(Field::Type, kTypeQuote)), before);
    EXPECT_EQ(quotes_containing(db, "forty thousand passengers"), 1u);  // other.txt's only
}

TEST_F(QuoteIndex, ARemovedArticleTakesItsQuotesWithIt) {
    write_file(options_.corpus_dir / "tram.txt", kEditedBefore);
    write_file(options_.corpus_dir / "depot.txt", kEditedAfter);
    build_index(options_);
    ASSERT_EQ(quotes_containing(open(), "forty thousand passengers"), 1u);

    fs::remove(options_.corpus_dir / "tram.txt");
    const IndexReport report = update_index(options_);
    EXPECT_EQ(report.deleted, 1u);
    const Xapian::Database db = open();
    EXPECT_EQ(quotes_containing(db, "forty thousand passengers"), 0u);
    EXPECT_EQ(quotes_containing(db, "depot begins"), 1u);
    EXPECT_EQ(db.get_metadata(std::string(kMetaQuoteCount)),
              std::to_string(db.get_termfreq(term(Field::Type, kTypeQuote))));
}

// The id of the quote document whose text contains `words`; fails the test when there is none.
std::string quote_with(const Xapian::Database& db, const std::string& words) {
    for (const auto& [id, data] : quote_data(db))
        if (data["text"].get<std::string>().find(words) != std::string::npos) return id;
    ADD_FAILURE() << "no quote contains " << words;
    return {};
}

TEST_F(QuoteIndex, TheFixturePairFormsOneGroupAndUnrelatedQuotesStayApart) {
    fs::copy(kSourceDir / "tests/fixtures/quote-pair", options_.corpus_dir);
    build_index(options_);
    Xapian::Database db = open();

    const auto quotes = quote_data(db);
    std::vector<std::string> marsh;
    for (const auto& [id, data] : quotes)
        if (data["text"].get<std::string>().find("rebuild the northern quay") != std::string::npos)
            marsh.push_back(id);
    ASSERT_EQ(marsh.size(), 2u);
    const std::string group = document_by_id(db, marsh[0]).get_value(kSlotQuoteGroup);
    EXPECT_EQ(document_by_id(db, marsh[1]).get_value(kSlotQuoteGroup), group);
    EXPECT_EQ(db.get_termfreq(quote_group_term(group)), 2u);
    // The group is named after the earlier report (2 March, not 5 March).
    EXPECT_EQ(quotes.at(group)["article"]["date"], "2016-03-02");

    for (const std::string words : {"sea wall", "ferry timetable"}) {
        const std::string id = quote_with(db, words);
        const std::string own = document_by_id(db, id).get_value(kSlotQuoteGroup);
        EXPECT_EQ(own, id) << words << " is a group of its own";
        EXPECT_EQ(db.get_termfreq(quote_group_term(own)), 1u) << words;
    }

    // Update regroups: without the earlier report, the later quote names its own group again.
    fs::remove(options_.corpus_dir / "harbour-report-2016-03-02.txt");
    update_index(options_);
    db = open();
    const std::string later = quote_with(db, "rebuild the northern quay");
    EXPECT_EQ(document_by_id(db, later).get_value(kSlotQuoteGroup), later);
    EXPECT_EQ(db.get_termfreq(quote_group_term(later)), 1u);
    EXPECT_EQ(db.get_termfreq(quote_group_term(group)), 0u);
}

}  // namespace
}  // namespace broadsheet
