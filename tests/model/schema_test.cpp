// schema_test.cpp — the field table's invariants and the schema-version check on open.
#include "core/schema.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/error.h"

namespace broadsheet {
namespace {

TEST(Schema, PrefixesAreUniqueAndXPrefixesEndWithColon) {
    std::set<std::string_view> seen;
    for (const auto& spec : field_table()) {
        EXPECT_TRUE(seen.insert(spec.prefix).second) << "duplicate prefix " << spec.prefix;
        if (!spec.prefix.empty() && spec.prefix.front() == 'X') {
            EXPECT_EQ(spec.prefix.back(), ':') << spec.prefix;
        }
    }
}

TEST(Schema, TitleOutweighsBody) {
    EXPECT_GT(field_spec(Field::Title).wdf_inc, field_spec(Field::Body).wdf_inc);
}

TEST(Schema, TermJoinsPrefixAndValue) {
    EXPECT_EQ(term(Field::Speaker, "John Kerry"), "XSPEAKER:John Kerry");
    EXPECT_EQ(term(Field::Id, "a.txt"), "Qa.txt");
    EXPECT_EQ(term(Field::QuoteGroup, "a~q1"), "XGROUP:a~q1");
}

TEST(Schema, FieldOfTermByLongestPrefix) {
    struct Case {
        const char* why;
        std::string index_term;
        std::optional<Field> field;
    };
    const Case cases[] = {
        // Lower-case words carry no prefix: the unprefixed free-text field.
        {"plain word", "ceasefire", Field::Body},
        {"number", "2017", Field::Body},
        // Each field's own prefix, built with term() so no prefix is spelled here.
        {"title word", term(Field::Title, "syria"), Field::Title},
        {"speaker words", term(Field::SpeakerText, "kerry"), Field::SpeakerText},
        {"exact speaker", term(Field::Speaker, "John Kerry"), Field::Speaker},
        {"id", term(Field::Id, "001.txt"), Field::Id},
        // A stemmed form ("Z" + prefix + stem) belongs to no field of the table.
        {"stemmed body word", "Zceasefir", std::nullopt},
        {"stemmed title word", "Z" + term(Field::Title, "syria"), std::nullopt},
    };
    for (const auto& c : cases) EXPECT_EQ(field_of_term(c.index_term), c.field) << c.why;
}

TEST(Schema, CheckAcceptsOwnVersionAndRejectsOthers) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_THROW(check_schema(db), Error);  // no metadata at all: not a Broadsheet index
    write_schema_metadata(db);
    EXPECT_NO_THROW(check_schema(db));
    db.set_metadata(std::string(kMetaSchemaVersion), std::to_string(kSchemaVersion + 1));
    try {
        check_schema(db);
        FAIL() << "a newer schema version must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::SchemaMismatch);
        EXPECT_NE(std::string(e.what()).find(std::to_string(kSchemaVersion + 1)),
                  std::string::npos);
    }
}

TEST(Schema, QuoteIdAndReferenceTerms) {
    Article article;
    article.id = "world/kerry";
    EXPECT_EQ(quote_id(article, 0), "world/kerry~q1");  // n is 1-based
    EXPECT_EQ(quote_id(article, 11), "world/kerry~q12");
    EXPECT_EQ(article_ref_term("world/kerry"), "XARTICLE:world/kerry");
    EXPECT_EQ(quote_group_term("world/kerry~q1"), "XGROUP:world/kerry~q1");
}

struct FitTermCase {
    const char* why;
    std::string term;
    std::size_t size;  // of the fitted term
};

TEST(Schema, FitTermCutsAtACharacterBoundary) {
    const std::string e_acute = "\xC3\xA9";
    const std::vector<FitTermCase> cases = {
        {"a term at the limit is kept whole", std::string(kMaxTermBytes, 'x'), kMaxTermBytes},
        {"one byte over is cut to the limit", std::string(kMaxTermBytes + 1, 'x'), kMaxTermBytes},
        {"a two-byte character across the limit goes whole",
         std::string(kMaxTermBytes - 1, 'x') + e_acute, kMaxTermBytes - 1},
        {"a two-byte character ending at the limit stays",
         std::string(kMaxTermBytes - 2, 'x') + e_acute + "y", kMaxTermBytes},
    };
    for (const auto& c : cases) EXPECT_EQ(fit_term(c.term).size(), c.size) << c.why;
}

}  // namespace
}  // namespace broadsheet
