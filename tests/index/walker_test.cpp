// walker_test.cpp — corpus listing (recursive, sorted, filtered), bounded reads, content hashes.
#include "core/index/walker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <optional>

#include "core/error.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::TempDir;
using testing_support::write_file;

TEST(Walker, ListsArticleFilesRecursivelyInSortedOrder) {
    TempDir dir;
    // Each file below says why it is (or is not) in the listing.
    write_file(dir / "b.txt", "plain text article");
    write_file(dir / "B.md", "capital letters sort before lower case (byte order)");
    write_file(dir / "world/syria/x.html", "<p>nested two levels deep</p>");
    write_file(dir / "world/y.htm", "<p>the .htm spelling</p>");
    write_file(dir / "a.json", "{}");
    write_file(dir / "b.meta.json", "{}");       // a sidecar, never an article of its own
    write_file(dir / "outlets.tsv", "");         // a registry, not an article
    write_file(dir / "notes.csv", "");           // not an article extension
    write_file(dir / ".hidden.txt", "");         // hidden files are editor or VCS droppings
    write_file(dir / ".git/objects/z.txt", "");  // nor are hidden directories walked
    fs::create_directory_symlink(dir.path(), dir / "world/loop");  // must not be followed

    const CorpusListing listing = list_corpus(dir.path());
    EXPECT_EQ(listing.files, (std::vector<std::string>{"B.md", "a.json", "b.txt",
                                                       "world/syria/x.html", "world/y.htm"}));
    EXPECT_TRUE(listing.diagnostics.empty());
    // "corpus/" and "corpus" name the same root; ids derive from these paths, so they must agree.
    EXPECT_EQ(list_corpus(dir.path().string() + "/").files, listing.files);
}

TEST(Walker, MissingCorpusIsAnInvalidArgument) {
    TempDir dir;
    try {
        list_corpus(dir / "nope");
        FAIL() << "a missing corpus must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
    }
}

TEST(Walker, ReadsTheSidecarAlongside) {
    TempDir dir;
    write_file(dir / "a.txt", "body");
    write_file(dir / "a.meta.json", R"({"outlet":"Bloomberg"})");
    std::vector<Diagnostic> diagnostics;
    const auto source = read_source_file(dir / "a.txt", "a.txt", diagnostics);
    ASSERT_TRUE(source.has_value());
    EXPECT_EQ(source->relative_path, "a.txt");
    EXPECT_EQ(source->bytes, "body");
    ASSERT_TRUE(source->sidecar.has_value());
    EXPECT_EQ(*source->sidecar, R"({"outlet":"Bloomberg"})");
    EXPECT_TRUE(diagnostics.empty());
}

struct UnusableCase {
    const char* why;
    std::function<void(const fs::path&)> make;  // creates "a.txt" (or not) in the given dir
    std::string reason;                         // expected in the diagnostic message
};

class UnusableFile : public testing::TestWithParam<UnusableCase> {};

TEST_P(UnusableFile, IsSkippedWithAReason) {
    TempDir dir;
    GetParam().make(dir.path());
    std::vector<Diagnostic> diagnostics;
    EXPECT_FALSE(read_source_file(dir / "a.txt", "a.txt", diagnostics).has_value());
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].file, "a.txt");
    EXPECT_EQ(diagnostics[0].severity, Severity::Skipped);
    EXPECT_NE(diagnostics[0].message.find(GetParam().reason), std::string::npos)
        << diagnostics[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, UnusableFile,
    testing::Values(UnusableCase{"a file deleted between listing and reading",
                                 [](const fs::path&) {}, "cannot read"},
                    UnusableCase{
                        "one byte over the limit is refused before reading (sparse, so cheap)",
                        [](const fs::path& d) {
                            write_file(d / "a.txt", "");
                            fs::resize_file(d / "a.txt", kMaxSourceBytes + 1);
                        },
                        "too large"}));

TEST(Walker, AFileExactlyAtTheLimitIsRead) {
    TempDir dir;
    write_file(dir / "a.txt", "");
    fs::resize_file(dir / "a.txt", kMaxSourceBytes);
    std::vector<Diagnostic> diagnostics;
    const auto source = read_source_file(dir / "a.txt", "a.txt", diagnostics);
    ASSERT_TRUE(source.has_value());
    EXPECT_EQ(source->bytes.size(), kMaxSourceBytes);
}

TEST(Walker, SizeLimitsDependOnTheKindOfFile) {
    struct Case {
        const char* name;
        std::size_t size;
        bool read;
        const char* why;
    } cases[] = {
        {"a.html.gz", kMaxSourceBytes + 1, false, "a compressed article has a plain one's limit"},
        {"crawl.warc", kMaxSourceBytes + 1, true, "a WARC file holds a crawl: 256 MiB"},
        {"crawl.warc.gz", kMaxArchiveBytes + 1, false, "one byte over the archive limit"},
    };
    for (const auto& c : cases) {
        TempDir dir;
        write_file(dir / c.name, "");
        fs::resize_file(dir / c.name, c.size);  // sparse, so cheap
        std::vector<Diagnostic> diagnostics;
        EXPECT_EQ(read_source_file(dir / c.name, c.name, diagnostics).has_value(), c.read) << c.why;
    }
}

TEST(Walker, AnOversizedSidecarIsIgnoredWithAWarning) {
    TempDir dir;
    write_file(dir / "a.txt", "body");
    write_file(dir / "a.meta.json", "");
    fs::resize_file(dir / "a.meta.json", kMaxSourceBytes + 1);
    std::vector<Diagnostic> diagnostics;
    const auto source = read_source_file(dir / "a.txt", "a.txt", diagnostics);
    ASSERT_TRUE(source.has_value());
    EXPECT_FALSE(source->sidecar.has_value());
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].severity, Severity::Warning);
}

// What the walk makes of one symbolic link, under each policy.
enum class Seen { Listed, NotListed };

struct LinkCase {
    const char* why;
    std::string link;  // created in the corpus root
    std::function<void(const fs::path& root, const fs::path& outside)> make;
    std::vector<std::string> listed_inside;    // files listed under StayInsideRoot, besides x.txt
    std::optional<Severity> diagnostic;        // the one diagnostic under StayInsideRoot, if any
    std::vector<std::string> listed_followed;  // files listed under Follow, besides x.txt
};

void PrintTo(const LinkCase& c, std::ostream* out) {
    *out << c.why;
}

class SymlinkWalk : public testing::TestWithParam<LinkCase> {};

TEST_P(SymlinkWalk, FollowsOnlyWhatThePolicyAllows) {
    const LinkCase& c = GetParam();
    TempDir dir;
    const fs::path root = dir / "corpus";
    const fs::path outside = dir / "outside";
    write_file(root / "x.txt", "inside");
    write_file(outside / "o.txt", "outside file");
    write_file(outside / "sub/p.txt", "outside folder");
    c.make(root, outside);

    const auto with_x = [](std::vector<std::string> files) {
        files.push_back("x.txt");
        std::sort(files.begin(), files.end());
        return files;
    };
    const CorpusListing inside = list_corpus(root);
    EXPECT_EQ(inside.files, with_x(c.listed_inside)) << c.why;
    if (c.diagnostic) {
        ASSERT_EQ(inside.diagnostics.size(), 1u) << c.why;
        EXPECT_EQ(inside.diagnostics[0].severity, *c.diagnostic) << c.why;
        EXPECT_TRUE(inside.diagnostics[0].file.starts_with(c.link)) << c.why;
        EXPECT_EQ(under_unreadable(inside, c.link), *c.diagnostic == Severity::Unreadable) << c.why;
    } else {
        EXPECT_TRUE(inside.diagnostics.empty()) << c.why << ": " << inside.diagnostics[0].message;
    }
    const CorpusListing followed = list_corpus(root, WalkOptions{SymlinkPolicy::Follow});
    EXPECT_EQ(followed.files, with_x(c.listed_followed)) << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SymlinkWalk,
    testing::Values(
        LinkCase{"a file link outside the root would index and serve a file from elsewhere",
                 "leak.txt",
                 [](const fs::path& r, const fs::path& o) {
                     fs::create_symlink(o / "o.txt", r / "leak.txt");
                 },
                 {},
                 Severity::Skipped,
                 {"leak.txt"}},
        LinkCase{"a folder link outside the root likewise",
                 "leakdir",
                 [](const fs::path& r, const fs::path& o) {
                     fs::create_directory_symlink(o / "sub", r / "leakdir");
                 },
                 {},
                 Severity::Skipped,
                 {"leakdir/p.txt"}},
        LinkCase{"a relative link that climbs out with ../ is outside too",
                 "up.txt",
                 [](const fs::path& r, const fs::path&) {
                     fs::create_symlink("../outside/o.txt", r / "up.txt");
                 },
                 {},
                 Severity::Skipped,
                 {"up.txt"}},
        LinkCase{"a file link inside the root is followed, as before",
                 "alias.txt",
                 [](const fs::path& r, const fs::path&) {
                     fs::create_symlink("x.txt", r / "alias.txt");
                 },
                 {"alias.txt"},
                 std::nullopt,
                 {"alias.txt"}},
        LinkCase{"a dangling link is skipped with a warning, not silently",
                 "gone.txt",
                 [](const fs::path& r, const fs::path&) {
                     fs::create_symlink("nothing-here.txt", r / "gone.txt");
                 },
                 {},
                 Severity::Skipped,
                 {}},
        LinkCase{"a link to itself cannot be read by anyone (ELOOP): unreadable, not gone",
                 "loop.txt",
                 [](const fs::path& r, const fs::path&) {
                     fs::create_symlink("loop.txt", r / "loop.txt");
                 },
                 {},
                 Severity::Unreadable,
                 {}},
        LinkCase{"an outside folder linking back to its parent must not loop when followed",
                 "cycle",
                 [](const fs::path& r, const fs::path& o) {
                     fs::create_directory_symlink(o, o / "sub/back");
                     fs::create_directory_symlink(o / "sub", r / "cycle");
                 },
                 {},
                 Severity::Skipped,
                 {"cycle/back/o.txt", "cycle/p.txt"}}));

TEST(Walker, AnUnreadableSidecarMakesTheArticleUnreadable) {
    // Indexing the article without its sidecar would silently change its fields.
    TempDir dir;
    write_file(dir / "a.txt", "body");
    fs::create_symlink("a.meta.json", dir / "a.meta.json");  // a loop: ELOOP even for root
    std::vector<Diagnostic> diagnostics;
    EXPECT_FALSE(read_source_file(dir / "a.txt", "a.txt", diagnostics).has_value());
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].severity, Severity::Unreadable);
    EXPECT_NE(diagnostics[0].message.find("a.meta.json"), std::string::npos);
}

TEST(Walker, UnderUnreadableMatchesTheEntryAndWhatIsBelowIt) {
    CorpusListing listing;
    listing.unreadable = {"desk/", "loop"};
    EXPECT_TRUE(under_unreadable(listing, "desk/a.txt"));
    EXPECT_TRUE(under_unreadable(listing, "loop"));
    EXPECT_TRUE(under_unreadable(listing, "loop/a.txt"));  // the link may have been a folder
    EXPECT_FALSE(under_unreadable(listing, "desktop/a.txt"));
    EXPECT_FALSE(under_unreadable(listing, "loops.txt"));
    listing.unreadable = {""};  // the root itself
    EXPECT_TRUE(under_unreadable(listing, "anything.txt"));
}

struct HashCase {
    const char* why;
    std::string bytes;
    std::optional<std::string> sidecar;
    std::string hash;
};

class ContentHash : public testing::TestWithParam<HashCase> {};

TEST_P(ContentHash, IsXxh3OfFileThenSidecar) {
    const auto& c = GetParam();
    EXPECT_EQ(content_hash(SourceFile{"a.txt", c.bytes, c.sidecar}), c.hash) << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ContentHash,
    testing::Values(
        HashCase{
            "XXH3-64 of nothing: lowercase, zero-padded to 16 digits", "", {}, "2d06800538d394c2"},
        HashCase{"XXH3-64 of the file bytes", "abc", {}, "78af5f94892f3950"},
        HashCase{"the sidecar's bytes follow the file's: an edited sidecar changes the hash", "abc",
                 std::string("def"), "da87bd32d3c47db6"}));

}  // namespace
}  // namespace broadsheet
