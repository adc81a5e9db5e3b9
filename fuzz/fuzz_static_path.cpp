// fuzz_static_path.cpp — fuzz target: the static-file path resolver (server/static_files.h).
//
// The input is a decoded URL path. At start-up a web root is laid out in a temporary directory
// with files inside it, a secret file and a sibling directory whose name extends the root's
// ("web-evil"), and symlinks from inside the root to each of them. Whatever the path, resolve()
// must not crash and must return either nothing or an existing regular file that lies inside the
// root once canonicalised; load() must agree with resolve().
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "server/static_files.h"

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, std::string_view content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

// The temporary layout: <tmp>/web (the root), <tmp>/secret.txt, <tmp>/web-evil/index.html.
class WebRoot {
  public:
    WebRoot() {
        std::string pattern =
            (fs::temp_directory_path() / "broadsheet-fuzz-static-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        base_ = fs::canonical(pattern);
        root_ = base_ / "web";
        write(root_ / "index.html", "<!doctype html><title>ok</title>");
        write(root_ / "app.js", "export {};");
        write(root_ / "css" / "style.css", "body{}");
        write(root_ / "a b" / "%2e%2e.txt", "odd but inside");
        write(base_ / "secret.txt", "outside the root");
        write(base_ / "web-evil" / "index.html", "outside the root");
        fs::create_directories(root_ / "empty-dir");
        fs::create_symlink(base_ / "secret.txt", root_ / "secret-link.txt");
        fs::create_directory_symlink(base_ / "web-evil", root_ / "evil-dir");
        fs::create_directory_symlink(base_, root_ / "up");
        fs::create_symlink(root_ / "app.js", root_ / "inside-link.js");
        files_ = std::make_unique<broadsheet::StaticFiles>(root_);
        if (!files_->enabled()) std::abort();
    }
    ~WebRoot() {
        files_.reset();
        std::error_code ignored;
        fs::remove_all(base_, ignored);
    }
    WebRoot(const WebRoot&) = delete;
    WebRoot& operator=(const WebRoot&) = delete;

    const fs::path& root() const { return root_; }
    const broadsheet::StaticFiles& files() const { return *files_; }

  private:
    fs::path base_;
    fs::path root_;
    std::unique_ptr<broadsheet::StaticFiles> files_;
};

const WebRoot& web_root() {
    static const WebRoot root;
    return root;
}

// Whether `candidate` (canonical) is `root` itself or below it, compared as strings so that this
// check shares no code with the resolver's own.
bool inside(const fs::path& root, const fs::path& candidate) {
    const std::string prefix = root.string() + "/";
    return candidate.string().compare(0, prefix.size(), prefix) == 0;
}

[[noreturn]] void fail(const char* what, std::string_view url_path) {
    std::fprintf(stderr, "static path finding: %s for \"%.*s\"\n", what,
                 static_cast<int>(url_path.size()), url_path.data());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view url_path(reinterpret_cast<const char*>(data), size);
    const WebRoot& web = web_root();
    const auto resolved = web.files().resolve(url_path);
    if (resolved) {
        std::error_code error;
        const fs::path canonical = fs::canonical(*resolved, error);
        if (error) fail("resolved to a path that does not exist", url_path);
        if (!inside(web.root(), canonical)) fail("resolved outside the web root", url_path);
        if (!fs::is_regular_file(canonical, error))
            fail("resolved to a non-regular file", url_path);
    }
    const auto loaded = web.files().load(url_path);
    if (loaded.has_value() != resolved.has_value())
        fail("load() disagrees with resolve()", url_path);
    if (loaded && loaded->content == "outside the root") fail("served a file outside", url_path);
    return 0;
}
