// static_files_test.cpp — the web root check: what maps to a file, what never does, and the
// content types the frontend needs.
#include "server/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/files.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::TempDir;
using testing_support::write_file;

TEST(StaticFiles, ServesOnlyRegularFilesUnderTheRoot) {
    TempDir dir;
    const auto web = dir.path() / "web";
    write_file(web / "index.html", "<html>home</html>");
    write_file(web / "js" / "app.js", "console.log(1)");
    write_file(dir.path() / "secret.txt", "outside");
    std::filesystem::create_directories(web / "empty-dir");
    std::filesystem::create_symlink(dir.path() / "secret.txt", web / "link.txt");
    const StaticFiles files(web);

    struct Case {
        const char* why;
        const char* path;
        const char* expected;  // file name under web/, or nullptr: must not be served
    };
    const Case cases[] = {
        {"root serves index.html", "/", "index.html"},
        {"a plain file", "/index.html", "index.html"},
        {"a file in a subdirectory", "/js/app.js", "js/app.js"},
        {"parent segment (what %2e%2e decodes to)", "/../secret.txt", nullptr},
        {"parent segment after a real directory", "/js/../../secret.txt", nullptr},
        {"parent segment that would stay inside is refused too", "/js/../index.html", nullptr},
        {"dot segment", "/./index.html", nullptr},
        {"double slash", "//index.html", nullptr},
        {"backslash traversal", "/..\\secret.txt", nullptr},
        {"symlink leading outside", "/link.txt", nullptr},
        {"a directory", "/empty-dir", nullptr},
        {"missing file", "/missing.css", nullptr},
        {"no leading slash", "index.html", nullptr},
    };
    for (const auto& c : cases) {
        const auto resolved = files.resolve(c.path);
        if (c.expected == nullptr) {
            EXPECT_FALSE(resolved.has_value()) << c.why << ": " << resolved.value_or("");
        } else {
            ASSERT_TRUE(resolved.has_value()) << c.why;
            EXPECT_EQ(*resolved, std::filesystem::canonical(web / c.expected)) << c.why;
        }
    }
    const auto home = files.load("/");
    ASSERT_TRUE(home.has_value());
    EXPECT_EQ(home->content, "<html>home</html>");
    EXPECT_EQ(home->content_type, "text/html; charset=utf-8");
}

TEST(StaticFiles, NoRootServesNothing) {
    const StaticFiles files{std::filesystem::path()};
    EXPECT_FALSE(files.load("/").has_value());
    TempDir dir;
    const StaticFiles missing(dir.path() / "nope");
    EXPECT_FALSE(missing.load("/index.html").has_value());
}

TEST(StaticFiles, ContentTypesByExtension) {
    const std::pair<const char*, const char*> cases[] = {
        {"a.html", "text/html; charset=utf-8"},
        {"a.js", "text/javascript; charset=utf-8"},
        {"a.css", "text/css; charset=utf-8"},
        {"a.svg", "image/svg+xml"},
        {"a.png", "image/png"},
        {"a.json", "application/json"},
        {"favicon.ico", "image/x-icon"},
        // Unknown types are never guessed as something a browser would render.
        {"a.exe", "application/octet-stream"},
    };
    for (const auto& [file, type] : cases) EXPECT_EQ(content_type_for(file), type) << file;
}

}  // namespace
}  // namespace broadsheet
