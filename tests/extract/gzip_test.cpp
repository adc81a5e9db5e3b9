// gzip_test.cpp — bounded gunzip (members, truncation, corruption, bombs) and compressed article
// files read through extract_file as their inner format.
#include "core/extract/gzip.h"

#include <gtest/gtest.h>

#include "core/extract/extract.h"
#include "tests/support/archive_files.h"

namespace broadsheet {
namespace {

using testing_support::gzip;
using testing_support::html_page;

// The same bytes with the member's CRC-32 (the 8 bytes before the end hold CRC and length) broken.
std::string with_bad_crc(std::string member) {
    member[member.size() - 8] = static_cast<char>(member[member.size() - 8] ^ 0x5a);
    return member;
}

TEST(Gunzip, ReadsWhatIsThereAndRefusesWhatIsBroken) {
    const std::string text = "The council met on Tuesday.\n";
    const std::string member = gzip(text);
    struct Case {
        std::string input;
        std::size_t limit;
        GzipStatus status;
        std::string output;  // expected bytes when Ok
        const char* why;
    } cases[] = {
        {member, 1024, GzipStatus::Ok, text, "one member: the usual .gz file"},
        {member + gzip("Second member.\n"), 1024, GzipStatus::Ok, text + "Second member.\n",
         "concatenated members are one stream (RFC 1952), as `cat a.gz b.gz` makes"},
        {member + std::string(512, '\0'), 1024, GzipStatus::Ok, text,
         "zero padding after the last member (tape and some tools) is not data"},
        {member.substr(0, member.size() - 6), 1024, GzipStatus::Truncated, "",
         "a download cut short: never used half-read"},
        {member.substr(0, 12), 1024, GzipStatus::Truncated, "", "cut inside the deflate data"},
        {with_bad_crc(member), 1024, GzipStatus::Corrupt, "",
         "a flipped bit: the checksum catches it before the text is used"},
        {"plain text, not gzip", 1024, GzipStatus::Corrupt, "", "a .gz name on plain bytes"},
        {gzip(std::string(1 << 20, 'a')), 4096, GzipStatus::TooLarge, "",
         "a bomb: 1 MiB from about a kilobyte; stops at the limit instead of filling memory"},
        {"", 1024, GzipStatus::Truncated, "", "an empty file holds no member"},
    };
    for (const auto& c : cases) {
        const GzipResult result = gunzip(c.input, c.limit);
        EXPECT_EQ(result.status, c.status) << c.why;
        if (c.status == GzipStatus::Ok) {
            EXPECT_EQ(result.bytes, c.output) << c.why;
        } else {
            EXPECT_FALSE(result.reason.empty()) << c.why;
            EXPECT_LE(result.bytes.size(), c.limit) << c.why;
        }
    }
}

TEST(GunzipMember, InflatesAnOversizedMemberToItsEndWithinTheBudget) {
    const std::string big = gzip(std::string(200000, 'x'));
    const std::string next = gzip("next");
    const std::string both = big + next;
    std::size_t discarded = 0;
    // Over the limit but within the budget: the member is read to its end, so the next is found.
    const GzipMember first = gunzip_member(both, 1000, discarded, 1 << 20);
    EXPECT_EQ(first.result.status, GzipStatus::TooLarge);
    EXPECT_EQ(first.result.bytes.size(), 1000u);
    EXPECT_EQ(first.consumed, big.size());
    EXPECT_EQ(discarded, 199000u);
    const GzipMember second =
        gunzip_member(std::string_view(both).substr(first.consumed), 1000, discarded, 1 << 20);
    EXPECT_EQ(second.result.status, GzipStatus::Ok);
    EXPECT_EQ(second.result.bytes, "next");
    // With the budget spent, inflating stops early: a bomb costs bounded time.
    std::size_t spent = 0;
    const GzipMember stopped = gunzip_member(both, 1000, spent, 10000);
    EXPECT_EQ(stopped.result.status, GzipStatus::TooLarge);
    EXPECT_LT(stopped.consumed, big.size());
}

TEST(CompressedFiles, AreArticlesNamedByTheirInnerFormat) {
    struct Case {
        const char* path;
        bool article;
        const char* sidecar;  // sidecar_path_for; "" when not checked
        const char* why;
    } cases[] = {
        {"a/b.html.gz", true, "a/b.meta.json", "saved HTML, compressed; shares b.html's sidecar"},
        {"b.htm.gz", true, "b.meta.json", "the short HTML extension"},
        {"notes.TXT.GZ", true, "notes.meta.json", "extensions are matched case-insensitively"},
        {"c.md.gz", true, "c.meta.json", "Markdown"},
        {"d.json.gz", true, "d.meta.json", "a JSON export"},
        {"feed.jsonl.gz", true, "", "JSON Lines exports are commonly gzipped"},
        {"crawl.warc", true, "", "a WARC file"},
        {"crawl.warc.gz", true, "", "a WARC file compressed record by record"},
        {"b.meta.json.gz", false, "", "a compressed sidecar is still a sidecar"},
        {"backup.tar.gz", false, "", "other archives are not read"},
        {"x.gz", false, "", "no inner extension: nothing says what it holds"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(is_article_file(c.path), c.article) << c.why;
        if (*c.sidecar) {
            EXPECT_EQ(sidecar_path_for(c.path).generic_string(), c.sidecar) << c.why;
        }
    }
    EXPECT_EQ(max_source_bytes("crawl.warc.gz"), kMaxArchiveBytes);
    EXPECT_EQ(max_source_bytes("a.html.gz"), kMaxSourceBytes);
}

TEST(CompressedFiles, ExtractAsTheFileTheyHold) {
    const std::string html = html_page("Harbour Dredging Approved",
                                       "The harbour board approved dredging of the east basin.");
    const std::string text =
        "Library Hours Extended\n\nThe town library will open on Sundays from March, the "
        "council said. Volunteers will staff the reading room.\n";
    const std::string json =
        R"({"title": "Bridge Reopens", "body": "The old bridge reopened to traffic today after )"
        R"(two years of repairs.", "date": "2021-04-05"})";
    struct Case {
        std::string path;
        std::string bytes;
        std::string title;  // "" when the file must be skipped
        const char* why;
    } cases[] = {
        {"a.html.gz", gzip(html), "Harbour Dredging Approved", "HTML read as HTML"},
        {"b.txt.gz", gzip(text), "Library Hours Extended", "text read as text"},
        {"c.json.gz", gzip(json), "Bridge Reopens", "JSON read as JSON"},
        {"d.txt.gz", gzip(text).substr(0, 30), "", "truncated: skipped, never half-indexed"},
        {"e.txt.gz", text, "", "not gzip at all: skipped with a reason"},
        {"f.txt.gz", gzip(std::string(kMaxSourceBytes + 1, 'a')), "",
         "inflates past the size limit: skipped like an oversized file"},
    };
    for (const auto& c : cases) {
        const auto result = extract_file(SourceFile{c.path, c.bytes, std::nullopt}, {});
        if (c.title.empty()) {
            EXPECT_TRUE(result.articles.empty()) << c.why;
            ASSERT_EQ(result.diagnostics.size(), 1u) << c.why;
            EXPECT_EQ(result.diagnostics[0].severity, Severity::Skipped) << c.why;
            EXPECT_EQ(result.diagnostics[0].message.rfind("gzip: ", 0), 0u) << c.why;
            continue;
        }
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        const Article& article = result.articles[0];
        EXPECT_EQ(article.title, c.title) << c.why;
        EXPECT_EQ(article.source_path, c.path) << c.why;
        EXPECT_EQ(article.id, make_article_id(c.path)) << c.why;
        // The hash is of the file as stored, so an update compares the compressed bytes.
        EXPECT_EQ(article.content_hash, content_hash(SourceFile{c.path, c.bytes, std::nullopt}))
            << c.why;
    }
}

TEST(CompressedFiles, TakeTheirSidecar) {
    const std::string text = "Ferry Timetable Changes\n\nThe winter timetable starts next week.\n";
    const auto result = extract_file(
        SourceFile{"ferry.txt.gz", gzip(text), std::string(R"({"outlet": "Island Courier"})")}, {});
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_EQ(result.articles[0].outlet, "Island Courier");
}

}  // namespace
}  // namespace broadsheet
