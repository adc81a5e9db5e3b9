// seeds_test.cpp — extract_file over the five seed articles must match tests/seeds-labels.json
// exactly on title, date and outlet (null where the label is null).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/extract/extract.h"

namespace broadsheet {
namespace {

const std::filesystem::path kSource = BROADSHEET_SOURCE_DIR;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string string_or_null(const nlohmann::json& value) {
    return value.is_null() ? std::string("null") : value.get<std::string>();
}

class SeedTest : public testing::TestWithParam<nlohmann::json> {};

TEST_P(SeedTest, TitleDateOutletMatchLabels) {
    const auto& label = GetParam();
    const auto file = label.at("file").get<std::string>();
    const Registry registry = Registry::load(kSource / "corpus");
    const auto bytes = read_file(kSource / "corpus" / file);
    ASSERT_FALSE(bytes.empty()) << file;
    const auto result = extract_file(SourceFile{file, bytes, std::nullopt}, {&registry});
    ASSERT_EQ(result.articles.size(), 1u) << file;
    const Article& article = result.articles.front();
    EXPECT_EQ(article.title, label.at("title").get<std::string>()) << file;
    EXPECT_EQ(article.date ? article.date->iso() : "null", string_or_null(label.at("date")))
        << file;
    EXPECT_EQ(article.outlet.empty() ? "null" : article.outlet, string_or_null(label.at("outlet")))
        << file;
    EXPECT_FALSE(article.body.empty()) << file;
    EXPECT_EQ(article.id, make_article_id(file));
}

std::vector<nlohmann::json> seed_labels() {
    const auto labels = nlohmann::json::parse(read_file(kSource / "tests" / "seeds-labels.json"));
    return {labels.begin(), labels.end()};
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, testing::ValuesIn(seed_labels()),
                         [](const testing::TestParamInfo<nlohmann::json>& seed) {
                             return "seed_" + seed.param.at("file").get<std::string>().substr(0, 3);
                         });

}  // namespace
}  // namespace broadsheet
