// static_files.cpp — path checks (segment scan, then a canonical-prefix check that also
// catches symlinks) and content types for the web frontend.
#include "server/static_files.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace broadsheet {
namespace {

// Web files are small; a bigger one is a mistake we should not stream into memory.
constexpr std::uintmax_t kMaxStaticBytes = 8 * 1024 * 1024;

bool is_within(const std::filesystem::path& root, const std::filesystem::path& candidate) {
    auto [root_end, ignored] =
        std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
    return root_end == root.end();
}

}  // namespace

std::string_view content_type_for(const std::filesystem::path& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTypes = {{
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".json", "application/json"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    }};
    const std::string extension = file.extension().string();
    for (const auto& [ext, type] : kTypes)
        if (extension == ext) return type;
    return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
    std::error_code error;
    if (root.empty()) return;
    auto canonical = std::filesystem::canonical(root, error);
    if (!error && std::filesystem::is_directory(canonical, error)) root_ = std::move(canonical);
}

std::optional<std::filesystem::path> StaticFiles::resolve(std::string_view url_path) const {
    if (root_.empty() || url_path.empty() || url_path.front() != '/') return std::nullopt;
    std::string relative(url_path.substr(1));
    if (relative.empty()) relative = "index.html";
    // Refuse anything that is not a plain relative path before touching the filesystem.
    if (relative.find('\0') != std::string::npos || relative.find('\\') != std::string::npos)
        return std::nullopt;
    std::size_t start = 0;
    while (start <= relative.size()) {
        std::size_t end = relative.find('/', start);
        if (end == std::string::npos) end = relative.size();
        const std::string_view segment(relative.data() + start, end - start);
        if (segment == ".." || segment == "." || (segment.empty() && end != relative.size()))
            return std::nullopt;
        start = end + 1;
    }
    std::error_code error;
    const auto candidate = std::filesystem::canonical(root_ / relative, error);
    if (error || !is_within(root_, candidate)) return std::nullopt;
    if (!std::filesystem::is_regular_file(candidate, error) || error) return std::nullopt;
    return candidate;
}

std::optional<StaticFile> StaticFiles::load(std::string_view url_path) const {
    const auto file = resolve(url_path);
    if (!file) return std::nullopt;
    std::error_code error;
    const auto size = std::filesystem::file_size(*file, error);
    if (error || size > kMaxStaticBytes) return std::nullopt;
    std::ifstream in(*file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    return StaticFile{content.str(), std::string(content_type_for(*file))};
}

}  // namespace broadsheet
