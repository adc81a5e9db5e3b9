// main.cpp — broadsheet-indexer: parses options, calls core to build/update/extract, prints.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "broadsheet/version.h"
#include "core/error.h"
#include "core/extract/extract.h"
#include "core/extract/registry.h"
#include "core/index/compaction.h"
#include "core/index/extract_output.h"
#include "core/index/index_writer.h"
#include "core/index/walker.h"

namespace {

namespace fs = std::filesystem;
using broadsheet::Diagnostic;
using broadsheet::Severity;

// Exit codes: 0 success (even with skipped files), 1 the index could not be written,
// 2 bad arguments or configuration (CLI11 uses its own non-zero codes for parse errors),
// 3 a file or folder could not be read (update: its articles were kept; build: not published).
constexpr int kExitIndexFailed = 1;
constexpr int kExitBadArguments = 2;
constexpr int kExitUnreadable = 3;

std::size_t default_jobs() {
    return std::max(std::thread::hardware_concurrency(), 1u);
}

struct IndexCommand {
    std::string corpus_dir;
    std::string index_dir;
    std::string registry_dir;  // empty → registry_dir_for(corpus_dir)
    bool follow_symlinks = false;
    std::size_t jobs = default_jobs();  // build only: threads and shards
    bool keep_shards = false;           // build only: publish the shards unmerged
};

struct ExtractCommand {
    std::vector<std::string> files;
    std::string registry_dir;  // empty → ./corpus when it exists, else the installed registry
};

bool holds_registry(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "outlets.tsv", ec) ||
           fs::is_regular_file(dir / "speaker-aliases.tsv", ec);
}

// The registry folder when --registry is not given: `own` (the corpus folder) when it holds a
// registry file, so an operator's own tables win; else share/broadsheet beside the installed
// program (found from /proc/self/exe, so any install prefix works) when it holds one; else
// `own` as it is, which in a build tree means today's behaviour (an empty registry).
fs::path registry_dir_for(const fs::path& own) {
    if (!own.empty() && holds_registry(own)) return own;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return own;
    const fs::path installed =
        (exe.parent_path() / std::string(broadsheet::kShareDirFromBin)).lexically_normal();
    return holds_registry(installed) ? installed : own;
}

void log_diagnostic(const Diagnostic& diagnostic) {
    switch (diagnostic.severity) {
        case Severity::Warning:
            spdlog::warn("{}: {}", diagnostic.file, diagnostic.message);
            break;
        case Severity::Skipped:
            spdlog::warn("{}: skipped: {}", diagnostic.file, diagnostic.message);
            break;
        case Severity::Unreadable:
            spdlog::error("{}: unreadable: {}", diagnostic.file, diagnostic.message);
            break;
        case Severity::Ignored:
            spdlog::debug("{}: passed over: {}", diagnostic.file, diagnostic.message);
            break;
    }
}

// A single self-overwriting status line, only when a person is watching stderr; throttled so
// that drawing it never costs more than the indexing it reports on.
class ProgressLine {
  public:
    ProgressLine() : enabled_(::isatty(STDERR_FILENO) != 0) {}
    ~ProgressLine() { clear(); }

    void update(const broadsheet::IndexProgress& progress) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (progress.files_done != progress.files_total && now - last_ < kInterval) return;
        last_ = now;
        std::fprintf(stderr, "\r\x1b[K[%zu/%zu] %.*s", progress.files_done, progress.files_total,
                     static_cast<int>(progress.current_file.size()), progress.current_file.data());
        std::fflush(stderr);
        drawn_ = true;
    }

    void clear() {
        if (!drawn_) return;
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        drawn_ = false;
    }

  private:
    static constexpr std::chrono::milliseconds kInterval{100};
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

enum class IndexAction { Build, Update };

int run_index(const IndexCommand& command, IndexAction action) {
    const fs::path registry_dir = command.registry_dir.empty()
                                      ? registry_dir_for(command.corpus_dir)
                                      : fs::path(command.registry_dir);
    const broadsheet::Registry registry = broadsheet::Registry::load(registry_dir);

    ProgressLine progress;
    broadsheet::IndexOptions options;
    options.corpus_dir = command.corpus_dir;
    options.index_dir = command.index_dir;
    options.registry = &registry;
    options.jobs = command.jobs;
    options.layout =
        command.keep_shards ? broadsheet::ShardLayout::Kept : broadsheet::ShardLayout::Merged;
    options.walk.symlinks = command.follow_symlinks ? broadsheet::SymlinkPolicy::Follow
                                                    : broadsheet::SymlinkPolicy::StayInsideRoot;
    options.on_progress = [&progress](const broadsheet::IndexProgress& p) { progress.update(p); };

    const broadsheet::IndexReport report = action == IndexAction::Build
                                               ? broadsheet::build_index(options)
                                               : broadsheet::update_index(options);
    progress.clear();
    for (const auto& diagnostic : report.diagnostics) log_diagnostic(diagnostic);

    const bool withheld = report.publication == broadsheet::Publication::Withheld;
    const char* verb = withheld                                      ? "built (not published)"
                       : report.mode == broadsheet::IndexMode::Build ? "built"
                                                                     : "updated";
    std::printf(
        "%s index: %zu articles (added %zu, updated %zu, deleted %zu, unchanged %zu, kept %zu, "
        "skipped %zu, unreadable %zu, warnings %zu) from %zu files in %.2f s \u2192 %s\n",
        verb, report.articles, report.added, report.updated, report.deleted, report.unchanged,
        report.kept, report.skipped, report.unreadable, report.warnings, report.files,
        report.seconds, report.generation.empty() ? "(none)" : report.generation.string().c_str());
    if (report.mode == broadsheet::IndexMode::Build && command.keep_shards) {
        std::printf(
            "%zu job(s) indexed at once; their shards were kept (compacting them took "
            "%.2f s)\n",
            report.shards, report.merge_seconds);
    } else if (report.mode == broadsheet::IndexMode::Build) {
        std::printf("%zu job(s) indexed at once; merging their shards took %.2f s\n", report.shards,
                    report.merge_seconds);
    }
    if (report.ignored > 0) {
        std::printf(
            "%zu WARC record(s) passed over: not HTML pages (requests, redirects, "
            "images ...)\n",
            report.ignored);
    }
    if (report.unreadable == 0) return 0;
    if (withheld) {
        spdlog::error(
            "{} file(s) or folder(s) could not be read (listed above); the new index was not "
            "published, so readers keep the previous one. Fix the permissions, or hide the entry "
            "(a name starting with '.') to leave it out on purpose.",
            report.unreadable);
    } else {
        spdlog::error(
            "{} file(s) or folder(s) could not be read (listed above); their {} article(s) were "
            "kept in the index unchanged.",
            report.unreadable, report.kept);
    }
    return kExitUnreadable;
}

int run_compact(const std::string& index_dir) {
    const broadsheet::CompactReport report = broadsheet::compact_index(index_dir);
    std::printf("compacted index: %.1f MB \u2192 %.1f MB in %.2f s \u2192 %s\n",
                static_cast<double>(report.bytes_before) / 1e6,
                static_cast<double>(report.bytes_after) / 1e6, report.seconds,
                report.to.string().c_str());
    return 0;
}

// The id of an extracted article comes from its path relative to the corpus root, as in a build;
// a file outside the corpus is named by its path as given.
std::string relative_name(const fs::path& file, const std::optional<fs::path>& corpus_root) {
    if (corpus_root) {
        std::error_code ec;
        const fs::path absolute_file = fs::weakly_canonical(file, ec);
        const fs::path absolute_root = fs::weakly_canonical(*corpus_root, ec);
        if (!ec) {
            const fs::path relative = absolute_file.lexically_relative(absolute_root);
            if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
        }
    }
    return file.lexically_normal().generic_string();
}

int run_extract(const ExtractCommand& command) {
    // Ids are relative to the registry folder given (or ./corpus); the installed registry names
    // no corpus, so it only supplies the tables.
    std::optional<fs::path> registry_dir;
    if (!command.registry_dir.empty()) {
        registry_dir = command.registry_dir;
    } else if (std::error_code ec; fs::is_directory("corpus", ec)) {
        registry_dir = "corpus";
    }
    const fs::path tables = registry_dir ? *registry_dir : registry_dir_for({});
    const broadsheet::Registry registry =
        tables.empty() ? broadsheet::Registry{} : broadsheet::Registry::load(tables);
    const broadsheet::ExtractContext context{&registry};

    int exit_code = 0;
    for (const auto& file : command.files) {
        std::vector<Diagnostic> diagnostics;
        auto source =
            broadsheet::read_source_file(file, relative_name(file, registry_dir), diagnostics);
        if (source) {
            auto result = broadsheet::extract_source(*source, context);
            for (const auto& article : result.articles) {
                std::cout << broadsheet::extract_output(file, article)
                                 .dump(-1, ' ', false,
                                       nlohmann::ordered_json::error_handler_t::replace)
                          << '\n';
            }
            for (auto& diagnostic : result.diagnostics) diagnostics.push_back(diagnostic);
        }
        std::cout.flush();
        for (const auto& diagnostic : diagnostics) {
            log_diagnostic(diagnostic);
            if (diagnostic.severity == Severity::Unreadable) exit_code = kExitUnreadable;
        }
    }
    return exit_code;
}

void add_index_options(CLI::App& command, IndexCommand& args) {
    command.add_option("CORPUS_DIR", args.corpus_dir, "Folder of article files (read recursively)")
        ->required()
        ->check(CLI::ExistingDirectory);
    command.add_option("--index", args.index_dir, "Index directory (generations + XAPIANDB stub)")
        ->required();
    command.add_option("--registry", args.registry_dir,
                       "Folder holding outlets.tsv and speaker-aliases.tsv (default: CORPUS_DIR "
                       "when it holds either, else share/broadsheet beside an installed program)");
    command.add_flag("--follow-symlinks", args.follow_symlinks,
                     "Follow symbolic links that lead outside CORPUS_DIR (by default they are "
                     "skipped with a warning)");
}

void set_up_logging() {
    auto logger = spdlog::stderr_color_mt("broadsheet-indexer");
    logger->set_pattern("broadsheet-indexer: %^%l%$: %v");
    spdlog::set_default_logger(logger);
}

}  // namespace

// Function-try-block: any error escaping a command becomes a message and an exit code.
int main(int argc, char** argv) try {
    set_up_logging();
    CLI::App app{"Broadsheet indexer: turns a folder of article files into a Xapian index."};
    app.set_version_flag("--version", "broadsheet-indexer " + std::string(broadsheet::kVersion));
    // The man page is made from --help-all (cmake/Install.cmake), so it lists every subcommand's
    // options.
    app.set_help_all_flag("--help-all", "Print this help message with every subcommand's options");
    app.require_subcommand(1);
    app.footer(
        "Articles: .txt .md .html .htm .json .jsonl, each also gzip-compressed (.html.gz ...), "
        "under CORPUS_DIR (hidden entries skipped), each with an optional NAME.meta.json sidecar "
        "whose fields override the extracted ones; and WARC web archives (.warc, .warc.gz), one "
        "article per HTML response record. Files over 8 MiB (WARC files: 256 MiB), empty, "
        "binary or unparsable files, and symbolic links leading outside CORPUS_DIR, are skipped "
        "with a warning on stderr.\n"
        "Index layout: INDEX_DIR/gen-NNNNNN/ databases and the XAPIANDB stub naming the current "
        "one.\nExit status: 0 when the index was written (even if files were skipped), 1 when it "
        "could not be, 2 for a bad corpus or registry, 3 when a file or folder could not be read "
        "(update keeps its articles; build does not publish), other non-zero values for usage "
        "errors.");

    IndexCommand build_args;
    auto* build = app.add_subcommand(
        "build", "Index CORPUS_DIR into a new generation and publish it atomically");
    add_index_options(*build, build_args);
    build
        ->add_option("--jobs", build_args.jobs,
                     "Threads indexing at once, each into its own shard; the shards are compacted "
                     "into the published generation (default: number of cores)")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{64}));
    build->add_flag("--keep-shards", build_args.keep_shards,
                    "Publish the --jobs shards unmerged: the generation holds shard-K databases, "
                    "a XAPIANDB manifest naming them and a spelling database merging theirs, "
                    "searched as one database and updated in place shard by shard");

    IndexCommand update_args;
    auto* update = app.add_subcommand(
        "update", "Apply added, changed and removed files to the published index (one commit)");
    add_index_options(*update, update_args);

    std::string compact_index_dir;
    auto* compact = app.add_subcommand(
        "compact",
        "Publish a compacted copy of the current generation (space freed by updates is returned)");
    compact
        ->add_option("--index", compact_index_dir, "Index directory (generations + XAPIANDB stub)")
        ->required();

    ExtractCommand extract_args;
    auto* extract = app.add_subcommand(
        "extract", "Print one JSON line per article in FILE..., touching no index");
    extract->add_option("FILE", extract_args.files, "Article files")
        ->required()
        ->check(CLI::ExistingFile);
    extract->add_option("--registry", extract_args.registry_dir,
                        "Folder holding outlets.tsv and speaker-aliases.tsv (default: ./corpus "
                        "when it exists, else share/broadsheet beside an installed program, else "
                        "none). Ids are relative to this folder for files inside it, as in a "
                        "build of it.");

    CLI11_PARSE(app, argc, argv);

    if (build->parsed()) return run_index(build_args, IndexAction::Build);
    if (update->parsed()) return run_index(update_args, IndexAction::Update);
    if (compact->parsed()) return run_compact(compact_index_dir);
    return run_extract(extract_args);
} catch (const broadsheet::Error& e) {
    spdlog::error("{}", e.what());
    return e.code() == broadsheet::ErrorCode::InvalidArgument ? kExitBadArguments
                                                              : kExitIndexFailed;
} catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kExitIndexFailed;
}
