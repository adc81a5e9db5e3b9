// score_extraction.cpp — broadsheet-score: runs the real extraction over labelled article sets
// and prints per-field accuracy, speaker precision/recall/F1 and every mismatch; exits non-zero
// when a figure is below its threshold.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/extract/extract.h"
#include "core/extract/registry.h"
#include "tests/scoring/scoring.h"

namespace fs = std::filesystem;
using namespace broadsheet;
using namespace broadsheet::scoring;

namespace {

struct Options {
    std::vector<std::string> labels;  // labels files, paired by position with dirs
    std::vector<std::string> dirs;
    std::string registry_dir;
    double min_title = 0;
    double min_date = 0;
    double min_outlet = 0;
    double min_author = 0;
    double min_speaker_f1 = 0;
    double min_skipped = 0;
    double min_offsets = 0;
};

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::NotFound, "cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const Article* find_article(const Label& label, const ExtractResult& result) {
    if (label.record == 0) return result.articles.empty() ? nullptr : &result.articles.front();
    std::string id = make_article_id(label.file, label.record);
    for (const auto& article : result.articles)
        if (article.id == id) return &article;
    return nullptr;
}

std::string display_name(const std::string& set_dir, const Label& label) {
    std::string name = (fs::path(set_dir) / label.file).lexically_normal().string();
    if (label.record > 0) name += ":" + std::to_string(label.record);
    return name;
}

void score_set(const std::string& labels_path, const std::string& dir, const Registry& registry,
               Tally& tally) {
    auto labels = parse_labels(nlohmann::json::parse(read_bytes(labels_path)));
    // One extraction per file, shared by every label pointing into it (JSON Lines records).
    std::map<std::string, ExtractResult> cache;
    ExtractContext context{&registry};
    for (const auto& label : labels) {
        auto [it, inserted] = cache.try_emplace(label.file);
        if (inserted) {
            fs::path path = fs::path(dir) / label.file;
            SourceFile source{label.file, read_bytes(path), std::nullopt};
            fs::path sidecar = sidecar_path_for(path);
            if (fs::exists(sidecar)) source.sidecar = read_bytes(sidecar);
            it->second = extract_file(source, context);
        }
        const Article* article = find_article(label, it->second);
        std::string name = display_name(dir, label);
        if (label.expect_skipped) {
            tally.add_skip(article == nullptr);
            if (article)
                std::printf("MISMATCH %s: skip: expected skipped, got an article titled \"%s\"\n",
                            name.c_str(), article->title.c_str());
            continue;
        }
        FileScore score = score_article(label, article);
        tally.add(score);
        for (const auto& m : score.mismatches)
            std::printf("MISMATCH %s: %s: expected %s, got %s\n", name.c_str(), m.what.c_str(),
                        m.expected.c_str(), m.got.c_str());
    }
}

struct Check {
    const char* name;
    double value;
    double minimum;
};

int report(const Tally& tally, const Options& options) {
    auto line = [](const char* name, const Ratio& r) {
        std::printf("%-20s %.3f  (%zu/%zu)\n", name, r.value(), r.hits, r.total);
    };
    std::printf("\n");
    line("title", tally.field(Field::Title));
    line("date", tally.field(Field::Date));
    line("outlet", tally.field(Field::Outlet));
    line("author", tally.field(Field::Author));
    line("skipped as labelled", tally.skips());
    line("quotes found", tally.quotes_found());
    line("quotes attributed", tally.quotes_attributed());
    line("quote offsets valid", tally.quote_offsets());
    const SpeakerCounts& s = tally.speakers();
    Prf prf = micro_prf(s);
    std::printf("%-20s P %.3f  R %.3f  F1 %.3f  (tp %zu, fp %zu, fn %zu)\n", "speakers",
                prf.precision, prf.recall, prf.f1, s.true_positive, s.false_positive,
                s.false_negative);

    const Check checks[] = {
        {"title", tally.field(Field::Title).value(), options.min_title},
        {"date", tally.field(Field::Date).value(), options.min_date},
        {"outlet", tally.field(Field::Outlet).value(), options.min_outlet},
        {"author", tally.field(Field::Author).value(), options.min_author},
        {"speaker-f1", prf.f1, options.min_speaker_f1},
        {"skipped", tally.skips().value(), options.min_skipped},
        {"quote-offsets", tally.quote_offsets().value(), options.min_offsets},
    };
    std::string failures;
    // A tiny epsilon so that a threshold of 1.0 is met by 1.0 computed in floating point.
    constexpr double kEpsilon = 1e-9;
    for (const auto& c : checks) {
        if (c.value + kEpsilon < c.minimum) {
            char buffer[96];
            std::snprintf(buffer, sizeof buffer, " %s %.3f < %.3f;", c.name, c.value, c.minimum);
            failures += buffer;
        }
    }
    std::printf(
        "SUMMARY title=%.3f date=%.3f outlet=%.3f author=%.3f speaker_p=%.3f "
        "speaker_r=%.3f speaker_f1=%.3f\n",
        tally.field(Field::Title).value(), tally.field(Field::Date).value(),
        tally.field(Field::Outlet).value(), tally.field(Field::Author).value(), prf.precision,
        prf.recall, prf.f1);
    if (failures.empty()) {
        std::printf("RESULT: PASS\n");
        return 0;
    }
    std::printf("RESULT: FAIL:%s\n", failures.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Score broadsheet extraction against labelled article sets"};
    app.add_option("--labels", options.labels, "labels JSON file (repeatable, paired with --dir)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("--dir", options.dirs, "directory the labels' file names are relative to")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_option("--registry", options.registry_dir,
                   "directory holding outlets.tsv and speaker-aliases.tsv")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_option("--min-title", options.min_title, "minimum title accuracy (0..1)");
    app.add_option("--min-date", options.min_date, "minimum date accuracy (0..1)");
    app.add_option("--min-outlet", options.min_outlet, "minimum outlet accuracy (0..1)");
    app.add_option("--min-author", options.min_author, "minimum author accuracy (0..1)");
    app.add_option("--min-speaker-f1", options.min_speaker_f1, "minimum speaker micro-F1 (0..1)");
    app.add_option("--min-skipped", options.min_skipped,
                   "minimum share of files labelled 'skipped' that extraction skips (0..1)");
    app.add_option("--min-offsets", options.min_offsets,
                   "minimum share of extracted quotes whose body offsets select their text (0..1)");
    CLI11_PARSE(app, argc, argv);
    if (options.labels.size() != options.dirs.size()) {
        std::fprintf(stderr, "broadsheet-score: give one --dir per --labels\n");
        return 2;
    }
    try {
        Registry registry = Registry::load(options.registry_dir);
        Tally tally;
        for (std::size_t i = 0; i < options.labels.size(); ++i) {
            std::printf("== %s over %s\n", options.labels[i].c_str(), options.dirs[i].c_str());
            score_set(options.labels[i], options.dirs[i], registry, tally);
        }
        return report(tally, options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "broadsheet-score: %s\n", e.what());
        return 2;
    }
}
