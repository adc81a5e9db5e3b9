// seeds_test.cpp — speaker micro-F1 over the five seed articles against tests/seeds-labels.json,
// through the real extraction pipeline (extract_file → analyse_speakers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "core/extract/extract.h"
#include "core/extract/registry.h"

namespace broadsheet {
namespace {

const std::filesystem::path kRoot = BROADSHEET_SOURCE_DIR;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Counts {
    std::size_t tp = 0, fp = 0, fn = 0;
};

// Compares one file's extracted speakers with its label: aliases map to the canonical name and
// speakers_optional count neither way.
void count(const nlohmann::json& label, const std::vector<std::string>& extracted, Counts& c,
           std::vector<std::string>& misses) {
    std::map<std::string, std::string> canonical;
    if (label.contains("speaker_aliases"))
        for (const auto& [name, aliases] : label["speaker_aliases"].items())
            for (const auto& alias : aliases) canonical[alias.get<std::string>()] = name;
    std::set<std::string> expected, optional, got;
    for (const auto& s : label["speakers"]) expected.insert(s.get<std::string>());
    if (label.contains("speakers_optional"))
        for (const auto& s : label["speakers_optional"]) optional.insert(s.get<std::string>());
    for (const auto& s : extracted) got.insert(canonical.contains(s) ? canonical[s] : s);
    for (const auto& s : got) {
        if (expected.contains(s))
            ++c.tp;
        else if (!optional.contains(s))
            ++c.fp, misses.push_back("extra " + s);
    }
    for (const auto& s : expected)
        if (!got.contains(s)) ++c.fn, misses.push_back("missing " + s);
}

TEST(SeedSpeakers, MicroF1AtLeastPointNine) {
    const auto labels = nlohmann::json::parse(read_file(kRoot / "tests/seeds-labels.json"));
    const auto registry = Registry::load(kRoot / "corpus");
    Counts counts;
    for (const auto& label : labels) {
        const std::string file = label["file"].get<std::string>();
        SourceFile source{file, read_file(kRoot / "corpus" / file), std::nullopt};
        const auto result = extract_file(source, ExtractContext{&registry});
        ASSERT_EQ(result.articles.size(), 1u) << file;
        std::vector<std::string> misses;
        count(label, result.articles[0].speakers, counts, misses);
        for (const auto& m : misses) std::cout << "[seeds] " << file << ": " << m << "\n";
    }
    const double p = counts.tp + counts.fp ? double(counts.tp) / (counts.tp + counts.fp) : 1.0;
    const double r = counts.tp + counts.fn ? double(counts.tp) / (counts.tp + counts.fn) : 1.0;
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    std::cout << "[seeds] speakers P " << p << " R " << r << " F1 " << f1 << " (tp " << counts.tp
              << ", fp " << counts.fp << ", fn " << counts.fn << ")\n";
    EXPECT_GE(f1, 0.9);
}

}  // namespace
}  // namespace broadsheet
