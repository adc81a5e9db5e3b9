// renderings.cpp — rendering real pages to text with w3m, lynx and html2text, with a cache.
#include "tests/scoring/renderings.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;

namespace broadsheet::scoring::real {
namespace {

// FNV-1a over the page: stable across runs and compilers, unlike std::hash.
std::string page_key(std::string_view html) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (char c : html) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write_all(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(ErrorCode::Internal, "cannot write " + path.string());
}

// The program's path on $PATH (the process helper runs a path, not a name), or the name itself
// when it is not found, so that the failure names it.
std::string on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (dir.empty()) continue;
        const fs::path candidate = fs::path(dir) / program;
        if (fs::is_regular_file(candidate)) return candidate.string();
    }
    return program;
}

}  // namespace

std::vector<Renderer> renderers_named(const std::vector<std::string>& names) {
    std::vector<Renderer> out;
    for (const auto& name : names) {
        if (name == "w3m")
            out.push_back({name, {"w3m", "-dump", "-T", "text/html", "-O", "UTF-8"}});
        else if (name == "lynx")
            out.push_back(
                {name, {"lynx", "-dump", "-nolist", "-force_html", "-display_charset=UTF-8"}});
        else if (name == "html2text")
            out.push_back({name, {"html2text", "-utf8", "-nobs"}});
        else
            throw Error(ErrorCode::InvalidArgument,
                        "unknown renderer \"" + name + "\" (w3m, lynx, html2text)");
    }
    return out;
}

std::string render_cached(const Renderer& renderer, std::string_view html,
                          const fs::path& cache_dir) {
    const fs::path dir = cache_dir / renderer.name;
    const fs::path cached = dir / (page_key(html) + ".txt");
    if (fs::exists(cached)) return read_all(cached);
    fs::create_directories(dir);
    const fs::path page = dir / (page_key(html) + ".html");
    write_all(page, html);
    std::vector<std::string> argv = renderer.argv;
    argv.front() = on_path(argv.front());
    argv.push_back(page.string());
    fs::create_directories(cache_dir / "scratch");
    const auto result = testing_support::run_process(argv, cache_dir / "scratch");
    fs::remove(page);
    if (result.exit_code != 0)
        throw Error(ErrorCode::Internal,
                    renderer.name + " failed (exit " + std::to_string(result.exit_code) +
                        "); is it installed? scripts/install-deps.sh --test installs it");
    // Written under a temporary name first: an interrupted run leaves no half rendering.
    const fs::path partial = dir / (page_key(html) + ".part");
    write_all(partial, result.out);
    fs::rename(partial, cached);
    return result.out;
}

}  // namespace broadsheet::scoring::real
