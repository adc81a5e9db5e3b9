// renderings.h — the real pages rendered to text the way scrapers do (Debian's w3m, lynx and
// html2text), cached in the build tree by page hash, for scoring the text extraction on them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::scoring::real {

struct Renderer {
    std::string name;               // "w3m", "lynx", "html2text": also the figures' prefix
    std::vector<std::string> argv;  // the command; the page's file name is appended
};

// The renderers named in `names` ("w3m", "lynx", "html2text"), with the flags scrapers use:
// `w3m -dump`, `lynx -dump -nolist`, `html2text`, all writing UTF-8. Throws
// Error(InvalidArgument) for an unknown name.
std::vector<Renderer> renderers_named(const std::vector<std::string>& names);

// The text `renderer` makes of `html`, from `cache_dir` when this page was rendered before (the
// file name is the renderer and a hash of the page). Throws Error(Internal) naming the command
// when the renderer is missing or fails (scripts/install-deps.sh --test installs them).
std::string render_cached(const Renderer& renderer, std::string_view html,
                          const std::filesystem::path& cache_dir);

}  // namespace broadsheet::scoring::real
