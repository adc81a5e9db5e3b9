// renderings_test.cpp — the scrapers' renderings the real-page scorer uses: each renderer turns
// a page into text that keeps its headline, and a second request comes from the cache.
#include "tests/scoring/renderings.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.h"
#include "tests/support/temp_dir.h"

namespace broadsheet::scoring::real {
namespace {

constexpr const char* kPage =
    "<html><head><title>Ignored</title></head><body><h1>Talks resume in Geneva</h1>"
    "<p>Diplomats met on Friday.</p></body></html>";

TEST(Renderings, EachRendererKeepsTheHeadlineAndCachesItsText) {
    testing_support::TempDir cache;
    for (const auto& renderer : renderers_named({"w3m", "lynx", "html2text"})) {
        const std::string text = render_cached(renderer, kPage, cache.path());
        EXPECT_NE(text.find("Talks resume in Geneva"), std::string::npos) << renderer.name;
        EXPECT_EQ(text.find("<h1>"), std::string::npos) << renderer.name << ": markup left";
        // The cache answers the second time: the renderer's folder holds the one rendering.
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(cache.path() / renderer.name))
            files += entry.path().extension() == ".txt";
        EXPECT_EQ(files, 1u) << renderer.name;
        EXPECT_EQ(render_cached(renderer, kPage, cache.path()), text) << renderer.name;
    }
}

TEST(Renderings, UnknownRendererIsAnError) {
    EXPECT_THROW(renderers_named({"links2"}), Error);
}

}  // namespace
}  // namespace broadsheet::scoring::real
