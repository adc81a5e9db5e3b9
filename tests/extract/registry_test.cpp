// registry_test.cpp — the outlet and speaker-alias tables: file format, lookups, errors.
#include "core/extract/registry.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"

namespace broadsheet {
namespace {

class RegistryFiles : public testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("broadsheet-registry-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    void write(const char* name, const std::string& content) {
        std::ofstream(dir_ / name, std::ios::binary) << content;
    }
    std::filesystem::path dir_;
};

TEST_F(RegistryFiles, LoadsBothTables) {
    write("outlets.tsv",
          "# comment\n\nSputnik\tsputniknews.com|sputnik.com\tSputnik News|Sputnik International\n"
          "The Moscow Times\tthemoscowtimes.com\n");
    write("speaker-aliases.tsv", "Sergei Lavrov\tSergey Lavrov|Sergueï Lavrov\n");
    const Registry r = Registry::load(dir_);
    struct Row {
        const char* query;
        const char* expected;
        const char* why;
    } rows[] = {
        {"www.sputniknews.com", "Sputnik", "www prefix"},
        {"https://m.sputniknews.com/world/2016/x", "Sputnik", "full URL with a subdomain"},
        {"themoscowtimes.com", "The Moscow Times", "two-column row"},
        {"example.com", "", "unknown domain"},
    };
    for (const auto& row : rows) EXPECT_EQ(r.outlet_for_domain(row.query), row.expected) << row.why;
    EXPECT_EQ(r.outlet_for_alias("sputnik international"), "Sputnik");  // case-insensitive
    EXPECT_EQ(r.outlet_for_alias("Sputnik"), "Sputnik");                // the canonical itself
    EXPECT_EQ(r.canonical_speaker("Sergey Lavrov"), "Sergei Lavrov");
    EXPECT_EQ(r.canonical_speaker("Nobody Known"), "Nobody Known");
}

TEST_F(RegistryFiles, MalformedRowNamesFileAndLine) {
    write("outlets.tsv", "# header\nGood\tgood.com\nBad row without tabs\n");
    try {
        Registry::load(dir_);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_NE(std::string(e.what()).find("outlets.tsv:3"), std::string::npos) << e.what();
    }
}

TEST_F(RegistryFiles, MissingFilesAreEmptyTables) {
    const Registry r = Registry::load(dir_);
    EXPECT_EQ(r.outlet_for_domain("bbc.co.uk"), "");
    EXPECT_TRUE(r.outlet_aliases().empty());
}

TEST(ShippedRegistry, LoadsAndKnowsTheSeedOutlets) {
    const Registry r = Registry::load(std::filesystem::path(BROADSHEET_SOURCE_DIR) / "corpus");
    EXPECT_EQ(r.outlet_for_alias("Bloomberg News"), "Bloomberg");
    EXPECT_EQ(r.outlet_for_domain("sputniknews.com"), "Sputnik");
    EXPECT_EQ(r.outlet_for_domain("www.themoscowtimes.com"), "The Moscow Times");
    EXPECT_GE(r.outlet_aliases().size(), 60u);
}

}  // namespace
}  // namespace broadsheet
