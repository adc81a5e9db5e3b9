// bench_index.cpp — indexing throughput: writes N synthetic articles, builds, updates, prints
// rates.
//
// Usage: bench_index [N=2000] [--keep]. The corpus and index go to a fresh directory under the
// system temp dir, removed afterwards unless --keep is given. Never run as a test: the numbers
// depend on the machine.
#include <stdlib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/extract/registry.h"
#include "core/index/index_writer.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kWords = {
    "talks",    "ceasefire", "minister", "officials", "agreement", "sanctions", "border",
    "convoy",   "aid",       "meeting",  "capital",   "forces",    "election",  "parliament",
    "economy",  "markets",   "pipeline", "summit",    "statement", "security",  "region",
    "refugees", "treaty",    "strikes",  "envoy",     "council",   "budget",    "reforms"};
const std::vector<std::string> kSpeakers = {"John Kerry",      "Sergei Lavrov",
                                            "Maria Zakharova", "Vladimir Putin",
                                            "Ben Rhodes",      "Staffan de Mistura"};
const std::vector<std::string> kMonths = {"January", "March",     "May",
                                          "July",    "September", "November"};

std::string sentence(std::mt19937& rng, int words) {
    std::uniform_int_distribution<std::size_t> pick(0, kWords.size() - 1);
    std::string out;
    for (int i = 0; i < words; ++i) {
        if (i > 0) out += ' ';
        out += kWords[pick(rng)];
    }
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

// A plain-text article shaped like the seeds: headline, byline, date line, paragraphs, quotes.
std::string article(std::mt19937& rng, int number) {
    std::uniform_int_distribution<std::size_t> speaker(0, kSpeakers.size() - 1);
    std::uniform_int_distribution<std::size_t> month(0, kMonths.size() - 1);
    std::uniform_int_distribution<int> day(1, 28), year(2012, 2020);
    std::string text = sentence(rng, 8) + " " + std::to_string(number) + "\n\n";
    text += "By Reporter " + std::to_string(number % 50) + "\n\n";
    text += kMonths[month(rng)] + " " + std::to_string(day(rng)) + ", " +
            std::to_string(year(rng)) + "\n\n";
    for (int p = 0; p < 8; ++p) {
        text += sentence(rng, 25) + ". " + sentence(rng, 18) + ".\n\n";
        if (p % 2 == 0) {
            text +=
                "\u201c" + sentence(rng, 12) + ",\u201d " + kSpeakers[speaker(rng)] + " said.\n\n";
        }
    }
    return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) try {
    int count = 2000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep") {
            keep = true;
        } else {
            count = std::stoi(arg);
        }
    }

    std::string pattern = (fs::temp_directory_path() / "bench-index-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    const fs::path root = pattern;
    const fs::path corpus = root / "corpus";

    std::mt19937 rng(20161109);
    std::size_t bytes = 0;
    for (int i = 0; i < count; ++i) {
        const std::string text = article(rng, i);
        bytes += text.size();
        const fs::path file = corpus / std::to_string(i % 100) / ("a" + std::to_string(i) + ".txt");
        fs::create_directories(file.parent_path());
        std::ofstream(file) << text;
    }

    const broadsheet::Registry registry;
    broadsheet::IndexOptions options;
    options.corpus_dir = corpus;
    options.index_dir = root / "index";
    options.registry = &registry;

    auto start = std::chrono::steady_clock::now();
    const auto built = broadsheet::build_index(options);
    const double build_s = seconds_since(start);

    start = std::chrono::steady_clock::now();
    const auto same = broadsheet::update_index(options);
    const double update_s = seconds_since(start);

    std::printf("articles: %d (%.1f MiB of text), indexed %zu, skipped %zu\n", count,
                static_cast<double>(bytes) / (1024.0 * 1024.0), built.articles, built.skipped);
    std::printf("build:  %.2f s, %.0f articles/s\n", build_s, count / build_s);
    std::printf("update (nothing changed): %.2f s, %.0f files/s, unchanged %zu\n", update_s,
                count / update_s, same.unchanged);
    if (keep) {
        std::printf("kept %s\n", root.c_str());
    } else {
        fs::remove_all(root);
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_index: %s\n", e.what());
    return 1;
}
