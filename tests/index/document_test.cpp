// document_test.cpp — the article document: terms, value slots, data and spelling, per schema row.
#include "core/index/document.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/schema.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

std::string pre(Field field, std::string_view rest) {
    return term(field, rest);
}

// The stemmed form TermGenerator adds (Z + prefix + stem) for an unstemmed word.
std::string stemmed(Field field, std::string_view stem) {
    return "Z" + std::string(prefix_of(field)) + std::string(stem);
}

Article base_article() {
    Article a;
    a.id = "world/kerry-moscow";
    a.source_path = "world/kerry-moscow.txt";
    a.title = "Kerry meets Putin";
    a.body = "The talks in Moscow lasted hours.";
    a.content_hash = "0123456789abcdef";
    return a;
}

struct DocumentCase {
    const char* why;
    std::function<void(Article&)> edit;
    std::vector<std::string> present;
    std::vector<std::string> absent;
    std::map<Xapian::valueno, std::string> values;  // "" means the slot must be absent
};

const std::vector<DocumentCase>& document_cases() {
    static const std::vector<DocumentCase> cases = {
        {"id and type terms identify the document for replace_document and type filters",
         [](Article&) {},
         {pre(Field::Id, "world/kerry-moscow"), pre(Field::Type, kTypeArticle)},
         {},
         {{kSlotSourcePath, "world/kerry-moscow.txt"}, {kSlotContentHash, "0123456789abcdef"}}},
        {"title words are searchable both with title: and as plain words, stemmed too",
         [](Article&) {},
         {pre(Field::Title, "kerry"), "kerry", "putin", stemmed(Field::Title, "meet"),
          stemmed(Field::Body, "meet")},
         {},
         {}},
        {"body words go to the unprefixed field only",
         [](Article&) {},
         {"moscow", "lasted", stemmed(Field::Body, "last")},
         {pre(Field::Title, "moscow")},
         {}},
        {"an unknown date leaves date and year slots and the year term out",
         [](Article& a) { a.date.reset(); },
         {},
         {pre(Field::Year, "2016")},
         {{kSlotDate, ""}, {kSlotYear, ""}}},
        {"a known date fills the date slot (YYYYMMDD), the year slot and the year term",
         [](Article& a) { a.date = Date::make(2016, 9, 9); },
         {pre(Field::Year, "2016")},
         {},
         {{kSlotDate, "20160909"}, {kSlotYear, "2016"}}},
        {"the outlet is an exact facet term, free text and a value slot",
         [](Article& a) { a.outlet = "The Moscow Times"; },
         {pre(Field::Outlet, "The Moscow Times"), pre(Field::OutletText, "moscow"),
          pre(Field::OutletText, "times")},
         {},
         {{kSlotOutlet, "The Moscow Times"}}},
        {"speakers get exact terms (case and spaces kept), name words and a joined value slot",
         [](Article& a) {
             a.speakers = {"John Kerry", "Maria Zakharova"};
         },
         {pre(Field::Speaker, "John Kerry"), pre(Field::Speaker, "Maria Zakharova"),
          pre(Field::SpeakerText, "kerry"), pre(Field::SpeakerText, "zakharova")},
         {pre(Field::Speaker, "john kerry")},
         {{kSlotSpeakers, std::string("John Kerry") + kMultiValueSeparator + "Maria Zakharova"}}},
        {"no speakers means no speaker slot rather than an empty string",
         [](Article& a) { a.speakers.clear(); },
         {},
         {},
         {{kSlotSpeakers, ""}}},
        {"the author is free text, an exact term and a value slot",
         [](Article& a) { a.author = "Jane Doe"; },
         {pre(Field::Author, "jane"), pre(Field::AuthorExact, "Jane Doe")},
         {},
         {{kSlotAuthor, "Jane Doe"}}},
        {"an absent author adds no exact term and no slot",
         [](Article& a) { a.author.clear(); },
         {},
         {pre(Field::AuthorExact, "")},
         {{kSlotAuthor, ""}, {kSlotOutlet, ""}}},
        {"quote words are searchable with quote:",
         [](Article& a) {
             a.quotes.push_back(Quote{"relax and sleep", "Vladimir Putin", "said", 0.9, 0, 15});
         },
         {pre(Field::Quote, "relax"), stemmed(Field::Quote, "sleep")},
         {},
         {}},
        {"a bare article (no outlet, speakers, date or author) names each gap with XMISSING:",
         [](Article&) {},
         {pre(Field::Missing, kMissingOutlet), pre(Field::Missing, kMissingSpeaker),
          pre(Field::Missing, kMissingDate), pre(Field::Missing, kMissingAuthor)},
         {},
         {}},
        {"a complete article carries no XMISSING: term",
         [](Article& a) {
             a.outlet = "Bloomberg";
             a.speakers = {"John Kerry"};
             a.date = Date::make(2016, 9, 9);
             a.author = "Jane Doe";
         },
         {},
         {pre(Field::Missing, kMissingOutlet), pre(Field::Missing, kMissingSpeaker),
          pre(Field::Missing, kMissingDate), pre(Field::Missing, kMissingAuthor)},
         {}},
        {"only the absent fields are named: here the date",
         [](Article& a) {
             a.outlet = "Bloomberg";
             a.speakers = {"John Kerry"};
             a.author = "Jane Doe";
         },
         {pre(Field::Missing, kMissingDate)},
         {pre(Field::Missing, kMissingOutlet), pre(Field::Missing, kMissingSpeaker),
          pre(Field::Missing, kMissingAuthor)},
         {}},
        {"a speaker name beyond the term length limit is cut, not fatal; the slot keeps it whole",
         [](Article& a) { a.speakers = {std::string(300, 'x')}; },
         {pre(Field::Speaker, std::string(245 - prefix_of(Field::Speaker).size(), 'x'))},
         {},
         {{kSlotSpeakers, std::string(300, 'x')}}},
    };
    return cases;
}

class ArticleDocument : public testing::TestWithParam<DocumentCase> {};

TEST_P(ArticleDocument, HasExpectedTermsAndValues) {
    const auto& c = GetParam();
    Article article = base_article();
    c.edit(article);
    // Adding to a real database checks what glass would accept (e.g. term length).
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const Xapian::docid id = db.add_document(make_article_document(article));
    const Xapian::Document doc = db.get_document(id);
    for (const auto& t : c.present) EXPECT_TRUE(db.term_exists(t)) << c.why << ": missing " << t;
    for (const auto& t : c.absent) EXPECT_FALSE(db.term_exists(t)) << c.why << ": unexpected " << t;
    for (const auto& [slot, value] : c.values)
        EXPECT_EQ(doc.get_value(slot), value) << c.why << ": slot " << slot;
}

INSTANTIATE_TEST_SUITE_P(Rows, ArticleDocument, testing::ValuesIn(document_cases()));

TEST(ArticleDocument, TitleOutweighsBody) {
    Article article = base_article();
    article.title = "Aleppo";
    article.body = "Geneva";
    const Xapian::Document doc = make_article_document(article);
    Xapian::termcount title_wdf = 0, body_wdf = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "aleppo") title_wdf = it.get_wdf();
        if (*it == "geneva") body_wdf = it.get_wdf();
    }
    EXPECT_EQ(title_wdf, field_spec(Field::Title).wdf_inc);
    EXPECT_EQ(body_wdf, field_spec(Field::Body).wdf_inc);
    EXPECT_GT(title_wdf, body_wdf);
}

TEST(ArticleDocument, PhrasesDoNotSpanFields) {
    Article article = base_article();
    article.title = "Kerry meets Putin";
    article.body = "Moscow talks";
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(make_article_document(article));
    Xapian::Enquire enquire(db);
    auto count = [&](std::vector<std::string> words) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
        return enquire.get_mset(0, 10).get_matches_estimated();
    };
    EXPECT_EQ(count({"meets", "putin"}), 1u);   // control: a phrase inside the title matches
    EXPECT_EQ(count({"putin", "moscow"}), 0u);  // title end + body start are not adjacent
}

TEST(ArticleDocument, DataIsTheArticleJson) {
    Article article = base_article();
    article.date = Date::make(2015, 12, 15);
    article.speakers = {"John Kerry"};
    article.quotes.push_back(Quote{"common ground", "John Kerry", "said", 0.8, 4, 17});
    const Xapian::Document doc = make_article_document(article);
    const Article back = nlohmann::json::parse(doc.get_data()).get<Article>();
    EXPECT_EQ(back.id, article.id);
    EXPECT_EQ(back.title, article.title);
    EXPECT_EQ(back.body, article.body);
    ASSERT_TRUE(back.date.has_value());
    EXPECT_EQ(back.date->iso(), "2015-12-15");
    EXPECT_EQ(back.speakers, article.speakers);
    ASSERT_EQ(back.quotes.size(), 1u);
    EXPECT_EQ(back.quotes[0].text, "common ground");
    EXPECT_EQ(back.content_hash, article.content_hash);
}

TEST(ArticleDocument, SpellingComesFromTitleAndBodyOnlyWhenADatabaseIsGiven) {
    Article article = base_article();
    article.title = "Ceasefire in Aleppo";
    article.body = "Humanitarian convoys wait.";
    article.speakers = {"Staffan Mistura"};
    // The in-memory backend keeps no spelling table, so this needs a real (glass) database.
    testing_support::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    db.add_document(make_article_document(article, &db));
    EXPECT_EQ(db.get_spelling_suggestion("ceasfire"), "ceasefire");
    EXPECT_EQ(db.get_spelling_suggestion("humanitarain"), "humanitarian");
    EXPECT_EQ(db.get_spelling_suggestion("mistuar"), "");  // speaker names are not spelling data

    Xapian::WritableDatabase plain((dir / "plain").string(), Xapian::DB_CREATE);
    plain.add_document(make_article_document(article));
    EXPECT_EQ(plain.get_spelling_suggestion("ceasfire"), "");
}

// Every word of db's spelling table with its frequency.
std::map<std::string, Xapian::doccount> spelling_table(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> table;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
        table[*it] = it.get_termfreq();
    return table;
}

struct SpellingCase {
    const char* why;
    const char* title;
    const char* body;
};

TEST(ArticleDocument, CountedSpellingWordsEqualTheOnesAddedPerOccurrence) {
    const std::vector<SpellingCase> cases = {
        {"plain words once each", "Ceasefire holds", "Convoys wait at the border."},
        // The title reaches the unprefixed field at wdf 3: its words must still count once.
        {"a word in the title and the body counts both uses", "Talks resume",
         "The talks resume today; talks again tomorrow."},
        {"a word repeated within the title", "Talks about talks", "Nothing else."},
        // Capitalised words are indexed unstemmed only (STEM_SOME) and spelled in lower case.
        {"capitalised words and names", "Kerry in Moscow", "Moscow said Kerry met MOSCOW."},
        // Xapian skips words longer than 64 bytes for terms and spelling alike.
        {"an over-long word is not spelling data", "Short",
         "a aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b"},
        {"non-ASCII words, digits and apostrophes", "Über 2015 naïve",
         "über naïve 2015 don't l'état café"},
        {"an empty title", "", "Only the body speaks."},
    };
    testing_support::TempDir dir;
    Xapian::WritableDatabase per_occurrence((dir / "per").string(), Xapian::DB_CREATE);
    Xapian::WritableDatabase counted((dir / "counted").string(), Xapian::DB_CREATE);
    const auto article_of = [](const SpellingCase& c) {
        Article article = base_article();
        article.title = c.title;
        article.body = c.body;
        article.author = "Anna Author";
        article.speakers = {"Staffan Mistura"};
        return article;
    };
    SpellingCounts counts;
    for (const SpellingCase& c : cases) {
        const Article article = article_of(c);
        per_occurrence.add_document(make_article_document(article, &per_occurrence));
        count_spelling_words(make_article_document(article), counts);
        SpellingCounts one;
        count_spelling_words(make_article_document(article), one);
        Xapian::WritableDatabase alone((dir / "alone").string(), Xapian::DB_CREATE_OR_OVERWRITE);
        apply_spelling(alone, one);
        Xapian::WritableDatabase direct((dir / "direct").string(), Xapian::DB_CREATE_OR_OVERWRITE);
        direct.add_document(make_article_document(article, &direct));
        EXPECT_EQ(spelling_table(alone), spelling_table(direct)) << c.why;
        EXPECT_TRUE(one.empty()) << c.why;
    }
    apply_spelling(counted, counts);
    EXPECT_EQ(spelling_table(counted), spelling_table(per_occurrence));
    EXPECT_FALSE(spelling_table(counted).empty());
    // Taking every article's count away again (what replacing or deleting it does) empties
    // the table: no word is left behind, none goes below zero.
    for (const SpellingCase& c : cases)
        count_spelling_words(make_article_document(article_of(c)), counts, -1);
    apply_spelling(counted, counts);
    EXPECT_TRUE(spelling_table(counted).empty());
}

// Whether the quote document of article.quotes[index] has the XMISSING: term for `field`.
bool quote_lacks(const Article& article, std::size_t index, std::string_view field) {
    const Xapian::Document doc = make_quote_document({article, index, ""});
    const std::string wanted = pre(Field::Missing, field);
    auto it = doc.termlist_begin();
    it.skip_to(wanted);
    return it != doc.termlist_end() && *it == wanted;
}

TEST(QuoteDocument, MissingTermsFollowTheQuoteSpeakerAndTheArticleFields) {
    Article article = base_article();
    article.speakers = {"John Kerry"};
    article.body = "\"We agree,\" Kerry said. \"No,\" someone said.";
    article.quotes.push_back(Quote{"We agree,", "John Kerry", "said", 0.9, 1, 10});
    article.quotes.push_back(Quote{"No,", "", "", 0.0, 25, 28});
    // An unattributed quote lacks a speaker even though its article has speakers.
    EXPECT_FALSE(quote_lacks(article, 0, kMissingSpeaker));
    EXPECT_TRUE(quote_lacks(article, 1, kMissingSpeaker));
    // Outlet, date and author are the article's: missing on the bare base article...
    for (std::string_view field : {kMissingOutlet, kMissingDate, kMissingAuthor})
        EXPECT_TRUE(quote_lacks(article, 0, field)) << field;
    // ...and not once the article has them.
    article.outlet = "Bloomberg";
    article.date = Date::make(2016, 9, 9);
    article.author = "Jane Doe";
    for (std::string_view field : {kMissingOutlet, kMissingDate, kMissingAuthor})
        EXPECT_FALSE(quote_lacks(article, 0, field)) << field;
}

TEST(ArticleDocument, UniqueTermIsTheIdTerm) {
    EXPECT_EQ(unique_term(base_article()), term(Field::Id, "world/kerry-moscow"));
}

// The quote document's data, byte for byte as schema version 3 indexes hold it: existing indexes
// are read by the same QuoteRecord parser.
TEST(QuoteDocument, DataIsTheStoredQuoteRecord) {
    Article article;
    article.id = "x.txt";
    article.title = "Title";
    article.outlet = "Bloomberg";
    article.url = "https://x.test/";
    article.body = "\xC3\x89l dijo \xE2\x80\x9Chi\xE2\x80\x9D y m\xC3\xA1s.";
    article.quotes.push_back(Quote{"hi", "John Kerry", "", 0.9, 11, 13});
    article.quotes.push_back(Quote{"y m\xFF", "", "said", 0.0, 17, 22});
    article.date = Date::make(2016, 9, 9);
    EXPECT_EQ(
        make_quote_document({article, 0, ""}).get_data(),
        R"({"article":{"date":"2016-09-09","id":"x.txt","outlet":"Bloomberg","title":"Title",)"
        R"("url":"https://x.test/"},"begin":11,"char_begin":9,"char_end":10,)"
        R"("confidence":0.9,"cue":null,"end":13,"id":"x.txt~q1","speaker":"John Kerry",)"
        R"("text":"hi"})")
        << "offsets in code points: \xC3\x89 and the opening quote mark are one each";
    article.date.reset();
    EXPECT_EQ(make_quote_document({article, 1, "g"}).get_data(),
              R"({"article":{"date":null,"id":"x.txt","outlet":"Bloomberg","title":"Title",)"
              R"("url":"https://x.test/"},"begin":17,"char_begin":12,"char_end":17,)"
              R"("confidence":0.0,"cue":"said","end":22,"id":"x.txt~q2","speaker":null,)"
              "\"text\":\"y m\xEF\xBF\xBD\"}")
        << "an undated, unattributed quote; invalid UTF-8 is replaced, not fatal";
}

}  // namespace
}  // namespace broadsheet
