// static_files.h — serving the web frontend: only regular files under the web root, with a
// content type from a fixed table; nothing outside the root however the path is spelled.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

struct StaticFile {
    std::string content;
    std::string content_type;
};

class StaticFiles {
  public:
    // `root` is canonicalised once, here; an empty or missing root serves nothing.
    explicit StaticFiles(const std::filesystem::path& root);

    // False when no usable web root was given: every path is then a 404.
    bool enabled() const { return !root_.empty(); }

    // `url_path` is the decoded request path ("/" means /index.html). nullopt when the file
    // does not exist, is not a regular file, or would resolve outside the root (".."
    // segments, encoded or not, and symlinks leading out).
    std::optional<StaticFile> load(std::string_view url_path) const;

    // The file a URL path maps to, or nullopt for a path that must not be served.
    std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

  private:
    std::filesystem::path root_;  // canonical; empty when no web root is configured
};

// Content type by extension: html, js, css, svg, png, json, ico, txt; octet-stream otherwise.
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace broadsheet
