// score_real.cpp — broadsheet-score-real: runs the real extraction over the public real-page sets
// in ../shared/eval/real (readability/ and htmldate/) and prints, for the dev and the held-back
// split, body F1 with precision and recall, metadata and date accuracy, thin bodies, speaker
// precision and recall on hand-labelled pages, and speed; exits non-zero when a figure is past its
// floor or ceiling.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/extract/extract.h"
#include "core/extract/registry.h"
#include "tests/scoring/real_figures.h"
#include "tests/scoring/real_pages.h"
#include "tests/scoring/renderings.h"

namespace fs = std::filesystem;
using namespace broadsheet;
using namespace broadsheet::scoring;
using namespace broadsheet::scoring::real;
using nlohmann::json;

namespace {

struct Options {
    std::string data_dir;
    std::string registry_dir;
    std::string json_path;
    std::string speakers_path;  // hand-made speaker labels; none: speakers are not scored
    std::vector<std::string> floors;
    std::vector<std::string> ceilings;
    bool show_held_back = false;
    std::vector<std::string> renderers;  // text renderings to score besides the HTML
    std::string render_cache;
    std::string bodies_dir;  // where dev pages' extracted bodies are written, for diffing
};

// The text renderings each readability/ page is also scored on, and where they are cached.
struct Renderings {
    std::vector<Renderer> renderers;
    fs::path cache_dir;
};

std::string read_plain(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::NotFound, "cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// CPU time of this thread: extraction speed on one core, whatever else the machine runs.
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Runs extract_file on one page, adding its size and CPU time to the set's speed.
ExtractResult timed_extract(const SourceFile& source, const Registry& registry, Speed& speed) {
    const double start = thread_cpu_seconds();
    ExtractResult result = extract_file(source, ExtractContext{&registry});
    speed.seconds += thread_cpu_seconds() - start;
    ++speed.pages;
    speed.bytes += source.bytes.size();
    return result;
}

// A null, missing or blank label: the page does not establish the value, so it is not scored.
std::optional<std::string> label_string(const json& metadata, const char* key) {
    const auto it = metadata.find(key);
    if (it == metadata.end() || !it->is_string()) return std::nullopt;
    std::string value = it->get<std::string>();
    if (value.find_first_not_of(" \t\n\r") == std::string::npos) return std::nullopt;
    return value;
}

// readability/NAME/{source.html.gz, expected.html.gz, expected-metadata.json}.
// The page as each renderer's text, through the text extraction (not timed: the speed
// figures are the HTML step's).
void score_renderings(const std::string& name, const std::string& html, const ReadabilityPage& page,
                      Split split, const Registry& registry, const Renderings& renderings,
                      Run& run) {
    for (const auto& renderer : renderings.renderers) {
        const SourceFile text{"readability/" + name + "/" + renderer.name + ".txt",
                              render_cached(renderer, html, renderings.cache_dir), std::nullopt};
        const auto result = extract_file(text, ExtractContext{&registry});
        run.add_rendering(renderer.name, split, page, text.bytes,
                          result.articles.empty() ? nullptr : &result.articles.front());
    }
}

// A site-name label through the registry's aliases: the registry is how an archive says which
// spellings are one outlet, and extraction answers with its canonical name, so a label that is
// an alias ("Washington Post") is scored as that name ("The Washington Post"). Unregistered
// labels stay as written; the same rule holds for every page.
std::optional<std::string> registered_label(const std::optional<std::string>& label,
                                            const Registry& registry) {
    if (!label) return label;
    auto canonical = registry.outlet_for_alias(*label);
    return canonical.empty() ? label : std::optional<std::string>(std::move(canonical));
}

// What scoring readability/ takes besides the folder: the registry, the renderers of the text
// renderings, and the speaker labels (pages named there also have their speakers counted).
struct ReadabilityInputs {
    const Registry& registry;
    const Renderings& renderings;
    const std::map<std::string, SpeakerLabel>& speakers;
    const std::string& bodies_dir;
};

// The body as extracted, for reading beside expected.html when tuning; dev pages only.
void write_dev_body(const std::string& dir, const std::string& name, Split split,
                    const Article* article) {
    if (dir.empty() || split != Split::Dev) return;
    fs::create_directories(dir);
    std::ofstream out(fs::path(dir) / (name + ".txt"));
    out << (article ? article->body : std::string{});
    if (!out) throw Error(ErrorCode::Internal, "cannot write the body of " + name);
}

void score_readability(const fs::path& dir, const ReadabilityInputs& in, Run& run) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const fs::path page = dir / names[i];
        const std::string html = read_gzip_file((page / "source.html.gz").string());
        const auto result = timed_extract(
            SourceFile{"readability/" + names[i] + "/source.html", html, std::nullopt}, in.registry,
            run.readability_speed);
        const Article* article = result.articles.empty() ? nullptr : &result.articles.front();
        ReadabilityPage scored;
        scored.name = names[i];
        scored.expected_text = html_text(read_gzip_file((page / "expected.html.gz").string()));
        const json metadata = json::parse(read_plain(page / "expected-metadata.json"));
        scored.title = label_string(metadata, "title");
        scored.site_name = label_string(metadata, "siteName");
        scored.site_name_registered = registered_label(scored.site_name, in.registry);
        scored.byline = label_string(metadata, "byline");
        scored.date = label_string(metadata, "publishedTime");
        run.add_readability(split_of(i), scored, article);
        write_dev_body(in.bodies_dir, names[i], split_of(i), article);
        score_renderings(names[i], html, scored, split_of(i), in.registry, in.renderings, run);
        if (const auto it = in.speakers.find(names[i]); it != in.speakers.end())
            run.add_speakers(split_of(i), "readability/" + names[i], it->second, article);
    }
}

// htmldate/labels.json ({url: {file, date}}) over htmldate/pages/FILE.gz; labels naming a file
// that is not shipped are skipped. The URL reaches extraction as a sidecar, as an archive
// operator would give it. Pages the speaker labels name as "htmldate/FILE" have their speakers
// counted too.
void score_htmldate(const fs::path& dir, const Registry& registry,
                    const std::map<std::string, SpeakerLabel>& speakers, Run& run) {
    const json labels = json::parse(read_plain(dir / "labels.json"));
    struct Entry {
        std::string file, url, date;
    };
    std::vector<Entry> entries;
    for (const auto& [url, label] : labels.items()) {
        const std::string file = label.at("file").get<std::string>();
        if (!fs::exists(dir / "pages" / (file + ".gz"))) {
            ++run.htmldate_missing;
            continue;
        }
        entries.push_back({file, url, label.at("date").get<std::string>()});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.file < b.file; });
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        SourceFile source{"htmldate/" + e.file,
                          read_gzip_file((dir / "pages" / (e.file + ".gz")).string()),
                          json{{"url", e.url}}.dump()};
        const auto result = timed_extract(source, registry, run.htmldate_speed);
        const Article* article = result.articles.empty() ? nullptr : &result.articles.front();
        run.add_htmldate(split_of(i), e.file, e.date, article);
        if (const auto it = speakers.find("htmldate/" + e.file); it != speakers.end())
            run.add_speakers(split_of(i), it->first, it->second, article);
    }
}

int run_all(const Options& options) {
    const fs::path data(options.data_dir);
    if (!fs::is_directory(data / "readability") || !fs::is_directory(data / "htmldate")) {
        std::fprintf(stderr,
                     "broadsheet-score-real: no real-page sets at %s (expected readability/ and "
                     "htmldate/ there; CI checks out ../shared beside the repository; configure "
                     "with -DBROADSHEET_REAL_EVAL_DIR=... to point elsewhere)\n",
                     options.data_dir.c_str());
        return 2;
    }
    const Registry registry = Registry::load(options.registry_dir);
    Run run(options.show_held_back ? Reveal::BothSplits : Reveal::DevOnly);
    const Renderings renderings{renderers_named(options.renderers),
                                options.render_cache.empty()
                                    ? fs::temp_directory_path() / "broadsheet-renderings"
                                    : fs::path(options.render_cache)};
    std::map<std::string, SpeakerLabel> speakers;
    if (!options.speakers_path.empty())
        speakers = parse_speaker_labels(json::parse(read_plain(options.speakers_path)));
    score_readability(data / "readability", {registry, renderings, speakers, options.bodies_dir},
                      run);
    score_htmldate(data / "htmldate", registry, speakers, run);
    run.print();
    if (!options.json_path.empty()) {
        std::ofstream out(options.json_path);
        out << run.to_json().dump(2) << '\n';
        if (!out) throw Error(ErrorCode::Internal, "cannot write " + options.json_path);
    }
    return run.check(parse_limits(options.floors), parse_limits(options.ceilings));
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Score broadsheet extraction on real saved web pages (dev and held-back splits)"};
    app.add_option("--data", options.data_dir,
                   "folder holding readability/ and htmldate/ (../shared/eval/real)")
        ->required();
    app.add_option("--registry", options.registry_dir,
                   "directory holding outlets.tsv and speaker-aliases.tsv")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_option("--json", options.json_path, "also write the figures as JSON to this file");
    app.add_option("--speakers", options.speakers_path,
                   "hand-made speaker labels of readability/ and htmldate/ pages "
                   "(tests/scoring/real_speakers.json)")
        ->check(CLI::ExistingFile);
    app.add_option("--floor", options.floors,
                   "SPLIT.FIGURE=MIN, e.g. dev.body_f1=0.85 (repeatable; fails below it)");
    app.add_option("--ceiling", options.ceilings,
                   "SPLIT.FIGURE=MAX, e.g. held-back.thin_bodies=3 (repeatable; fails above it)");
    app.add_option("--renderer", options.renderers,
                   "also score readability/ rendered to text by w3m, lynx or html2text "
                   "(repeatable); prints title and site name per renderer and split");
    app.add_option("--render-cache", options.render_cache,
                   "folder caching the renderings by page hash (default: a temporary folder)");
    app.add_option("--dev-bodies", options.bodies_dir,
                   "write each dev page's extracted body to DIR/NAME.txt (held-back pages never)");
    app.add_flag("--show-held-back", options.show_held_back,
                 "name held-back pages in mismatch and thin-body lists (never while tuning)");
    CLI11_PARSE(app, argc, argv);
    try {
        return run_all(options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "broadsheet-score-real: %s\n", e.what());
        return 2;
    }
}
