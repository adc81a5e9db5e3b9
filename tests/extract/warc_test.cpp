// warc_test.cpp — the WARC record reader (framing, record types, HTTP payloads, recovery after a
// bad record, .warc.gz members) and WARC files through extract_file.
#include "core/extract/warc.h"

#include <gtest/gtest.h>

#include "tests/support/archive_files.h"

namespace broadsheet {
namespace {

using testing_support::brotli;
using testing_support::deflate_bytes;
using testing_support::DeflateWrapper;
using testing_support::gzip;
using testing_support::HeaderList;
using testing_support::html_page;
using testing_support::http_response;
using testing_support::warc_record;
using testing_support::warc_response;

const std::string kPage = html_page("Budget Passed", "The assembly passed the budget late on.");

std::string html_response(const std::string& url, const std::string& body = kPage) {
    return warc_response(url, http_response(200, {{"Content-Type", "text/html"}}, body));
}

// A chunked encoding of `body` in pieces of at most `piece` bytes.
std::string chunked(const std::string& body, std::size_t piece) {
    std::string out;
    for (std::size_t at = 0; at < body.size(); at += piece) {
        const std::string part = body.substr(at, piece);
        char size[32];
        std::snprintf(size, sizeof size, "%zx", part.size());
        out += std::string(size) + "\r\n" + part + "\r\n";
    }
    return out + "0\r\n\r\n";
}

struct Outcome {
    std::vector<std::string> pages;  // "N url" of each page handed on
    std::size_t skipped = 0;
    std::size_t ignored = 0;
    std::vector<WarcPage> bodies;
};

Outcome read(const std::string& bytes, const WarcLimits& limits = {}) {
    Outcome out;
    std::vector<Diagnostic> diagnostics;
    read_warc_pages(
        bytes, "crawl.warc", limits,
        [&](WarcPage&& page) {
            out.pages.push_back(std::to_string(page.record) + " " + page.url);
            out.bodies.push_back(std::move(page));
        },
        diagnostics);
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::Skipped) ++out.skipped;
        if (d.severity == Severity::Ignored) ++out.ignored;
        EXPECT_NE(d.severity, Severity::Unreadable) << d.message;
    }
    return out;
}

using Pages = std::vector<std::string>;

TEST(WarcReader, KeepsHtmlResponsesAndSaysWhyOthersAreNot) {
    const std::string a = "http://news.example/a";
    const std::string b = "http://news.example/b";
    const std::string ok_a = html_response(a);
    const std::string ok_b = html_response(b);
    const std::string full = ok_a + ok_b;
    struct Case {
        std::string warc;
        Pages pages;
        std::size_t skipped;
        std::size_t ignored;
        const char* why;
    } cases[] = {
        {ok_a, {"1 " + a}, 0, 0, "one HTML response: one page"},
        {warc_record("warcinfo", {}, "software: test\r\n") +
             warc_record("request", {{"WARC-Target-URI", a}}, "GET /a HTTP/1.1\r\n\r\n") + ok_a +
             warc_record("metadata", {{"WARC-Target-URI", a}}, "outlinks: none\r\n") +
             warc_record("revisit", {{"WARC-Target-URI", a}}, "HTTP/1.1 200 OK\r\n\r\n"),
         {"3 " + a},
         0,
         4,
         "a crawl's other record types are passed over, and every record keeps its number"},
        {warc_response(a, http_response(200, {{"Content-Type", "image/png"}}, "\x89PNG")) + ok_b,
         {"2 " + b},
         0,
         1,
         "a response that is not HTML is no article"},
        {warc_response(a, http_response(301, {{"Location", b}}, "")) +
             warc_response(a, http_response(404, {{"Content-Type", "text/html"}}, kPage)),
         {},
         0,
         2,
         "redirects and error pages are not the article"},
        {warc_response(a, http_response(200, {}, kPage)),
         {"1 " + a},
         0,
         0,
         "no Content-Type: the payload is sniffed, and this one is HTML"},
        {warc_response(a, http_response(200, {}, "just some bytes")),
         {},
         0,
         1,
         "no Content-Type and not HTML by its look"},
        {warc_record("response", {{"Content-Type", "application/http; msgtype=response"}},
                     http_response(200, {{"Content-Type", "text/html"}}, kPage)) +
             ok_b,
         {"2 " + b},
         1,
         0,
         "a response without WARC-Target-URI has no URL: skipped, next kept"},
        {warc_record("response", {{"WARC-Target-URI", "<" + a + ">"}},
                     http_response(200, {{"Content-Type", "text/html"}}, kPage)),
         {"1 " + a},
         0,
         0,
         "WARC 1.0's angle brackets around the URI are not part of it"},
        {warc_record("", {{"WARC-Target-URI", a}}, "x") + ok_b,
         {"2 " + b},
         1,
         0,
         "a record without WARC-Type is malformed"},
        {warc_record("response", {{"WARC-Target-URI", a}},
                     http_response(200, {{"Content-Type", "text/html"}}, kPage), 40) +
             ok_b,
         {"2 " + b},
         1,
         0,
         "Content-Length too short: the record is skipped, not cut, and the next one is found"},
        {warc_record("response", {{"WARC-Target-URI", a}},
                     http_response(200, {{"Content-Type", "text/html"}}, kPage), 2000) +
             ok_b,
         {"2 " + b},
         1,
         0,
         "Content-Length too long swallows the next record's start: found again after it"},
        {ok_a + ok_b.substr(0, ok_b.size() - 300),
         {"1 " + a},
         1,
         0,
         "a truncated file: the complete records are kept, the cut one skipped"},
        {"garbage before the first record\r\n" + full,
         {"2 " + a, "3 " + b},
         1,
         0,
         "bytes that are no record are skipped up to the next WARC/1.x line"},
        {warc_response(
             a,
             http_response(200, {{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}},
                           "400\r\n<html><body>a chunk cut short")) +
             ok_b,
         {"2 " + b},
         1,
         0,
         "a chunked payload cut inside a chunk is skipped, not half-indexed"},
        {warc_response(
             a, http_response(200, {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
                              gzip(kPage).substr(0, 40))),
         {},
         1,
         0,
         "a truncated gzip payload is skipped"},
        {warc_response(
             a, http_response(200, {{"Content-Type", "text/html"}, {"Content-Encoding", "zstd"}},
                              "\x28\xb5\x2f\xfd")),
         {},
         1,
         0,
         "a content coding we cannot undo is skipped, not indexed as garbage"},
        {warc_response(a, "not an HTTP response"), {}, 1, 0, "a block without an HTTP head"},
    };
    for (const auto& c : cases) {
        const Outcome plain = read(c.warc);
        EXPECT_EQ(plain.pages, c.pages) << c.why;
        EXPECT_EQ(plain.skipped, c.skipped) << c.why;
        EXPECT_EQ(plain.ignored, c.ignored) << c.why;
    }
}

TEST(WarcReader, UndoesChunkingAndGzipOfThePayload) {
    const std::string url = "https://news.example/story";
    const std::string gz = gzip(kPage);
    struct Case {
        HeaderList headers;
        std::string body;
        std::string charset;
        const char* why;
    };
    const Case cases[] = {
        {{{"Content-Type", "text/html; charset=ISO-8859-1"}},
         kPage,
         "iso-8859-1",
         "plain payload; the header's charset is handed on, lowercased"},
        {{{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}},
         chunked(kPage, 100),
         "",
         "chunked transfer coding is undone"},
        {{{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
         gz,
         "",
         "a gzip content coding is inflated"},
        {{{"Content-Type", "text/html"},
          {"Transfer-Encoding", "chunked"},
          {"Content-Encoding", "gzip"}},
         chunked(gz, 64),
         "",
         "both: de-chunked first, then inflated"},
        {{{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}},
         kPage,
         "",
         "a crawler that stored the payload de-chunked but kept the header"},
        {{{"Content-Type", "application/xhtml+xml; charset=\"windows-1251\""}},
         kPage,
         "windows-1251",
         "XHTML is HTML too; a quoted charset is unquoted"},
        {{{"Content-Type", "text/html"}, {"Content-Encoding", "deflate"}},
         deflate_bytes(kPage, DeflateWrapper::Zlib),
         "",
         "HTTP deflate as RFC 9110 defines it: zlib-wrapped"},
        {{{"Content-Type", "text/html"}, {"Content-Encoding", "deflate"}},
         deflate_bytes(kPage, DeflateWrapper::Raw),
         "",
         "raw deflate, as some servers send under the same name"},
        {{{"Content-Type", "text/html"}, {"Content-Encoding", "br"}},
         brotli(kPage),
         "",
         "brotli, what browser-driven crawlers mostly record from modern sites"},
        {{{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
         kPage,
         "",
         "a gzip payload a crawler stored already inflated is used as it is"},
    };
    for (const auto& c : cases) {
        const Outcome out = read(warc_response(url, http_response(200, c.headers, c.body)));
        ASSERT_EQ(out.bodies.size(), 1u) << c.why;
        EXPECT_EQ(out.bodies[0].body, kPage) << c.why;
        EXPECT_EQ(out.bodies[0].charset, c.charset) << c.why;
        EXPECT_EQ(out.bodies[0].url, url) << c.why;
    }
}

TEST(WarcReader, ReadsEveryMemberOfAWarcGz) {
    const std::string a = "http://news.example/a";
    const std::string b = "http://news.example/b";
    const std::string c_url = "http://news.example/c";
    const std::string ga = gzip(html_response(a));
    const std::string gb = gzip(html_response(b));
    const std::string gc = gzip(html_response(c_url));
    std::string corrupt = gb;
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x33);
    struct Case {
        std::string warc;
        Pages pages;
        std::size_t skipped;
        const char* why;
    } cases[] = {
        {ga + gb + gc, {"1 " + a, "2 " + b, "3 " + c_url}, 0, "one record per member, all read"},
        {gzip(html_response(a) + html_response(b)),
         {"1 " + a, "2 " + b},
         0,
         "several records in one member (some tools compress that way)"},
        {ga + corrupt + gc,
         {"1 " + a, "3 " + c_url},
         1,
         "a corrupt member costs its record; reading resumes at the next member"},
        {ga + gb.substr(0, gb.size() / 2),
         {"1 " + a},
         1,
         "a truncated last member: its record is skipped, the others kept"},
        {ga + std::string(64, '\0'), {"1 " + a}, 0, "zero padding at the end is not data"},
    };
    for (const auto& c : cases) {
        const Outcome out = read(c.warc);
        EXPECT_EQ(out.pages, c.pages) << c.why;
        EXPECT_EQ(out.skipped, c.skipped) << c.why;
    }
}

TEST(WarcReader, BoundsWhatARecordMayCost) {
    const std::string a = "http://news.example/a";
    const std::string b = "http://news.example/b";
    const std::string big_page = html_page("Big", std::string(50000, 'w'));
    const std::string big_image = warc_response(
        a, http_response(200, {{"Content-Type", "video/mp4"}}, std::string(50000, 'v')));
    WarcLimits small;
    small.record_bytes = 10000;
    small.page_bytes = 8000;
    struct Case {
        std::string warc;
        WarcLimits limits;
        Pages pages;
        std::size_t skipped;
        std::size_t ignored;
        const char* why;
    } cases[] = {
        {gzip(html_response(a, big_page)) + gzip(html_response(b)),
         small,
         {"2 " + b},
         1,
         0,
         "a member past the record limit is skipped, and the next member still read"},
        {gzip(big_image) + gzip(html_response(b)),
         small,
         {"2 " + b},
         0,
         1,
         "an oversized video is passed over as not HTML, not reported as a problem"},
        {warc_response(
             a, http_response(200, {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
                              gzip(big_page))),
         small,
         {},
         1,
         0,
         "a small gzip payload inflating past the page limit is skipped"},
        {warc_response(
             a, http_response(200, {{"Content-Type", "text/html"}, {"Content-Encoding", "br"}},
                              brotli(big_page))),
         small,
         {},
         1,
         0,
         "a brotli bomb stops at the page limit too"},
        {warc_response(
             a, http_response(200, {{"Content-Type", "text/html"}, {"Content-Encoding", "deflate"}},
                              deflate_bytes(big_page, DeflateWrapper::Zlib))),
         small,
         {},
         1,
         0,
         "and a deflate one"},
        {gzip(html_response(a, big_page)) + gzip(html_response(b)),
         WarcLimits{10000, 8000, 20000},
         {},
         2,
         0,
         "past the file's inflate budget the rest is skipped: a bomb costs bounded time"},
    };
    for (const auto& c : cases) {
        const Outcome out = read(c.warc, c.limits);
        EXPECT_EQ(out.pages, c.pages) << c.why;
        EXPECT_EQ(out.skipped, c.skipped) << c.why;
        EXPECT_EQ(out.ignored, c.ignored) << c.why;
    }
}

TEST(WarcFiles, BecomeOneArticlePerPage) {
    const std::string a = "https://news.example/2019/03/04/budget";
    const std::string b = "https://news.example/ferry";
    const std::string with_date =
        "<html><head><title>Budget Passed</title><meta property=\"article:published_time\" "
        "content=\"2019-03-04T10:00:00Z\"></head><body><article><h1>Budget Passed</h1><p>The "
        "assembly passed the budget late on Monday after a long debate in the chamber.</p>"
        "</article></body></html>";
    const std::string bytes =
        warc_record("warcinfo", {}, "software: test\r\n") +
        warc_response(a, http_response(200, {{"Content-Type", "text/html"}}, with_date)) +
        warc_response(
            b, http_response(
                   200, {{"Content-Type", "text/html"}, {"Date", "Mon, 06 May 2024 07:08:09 GMT"}},
                   html_page("Ferry Timetable", "The ferry runs daily.")));
    const auto result = extract_file(
        SourceFile{"crawls/may.warc", bytes, std::string(R"({"outlet": "Nobody"})")}, {});
    ASSERT_EQ(result.articles.size(), 2u);
    const Article& first = result.articles[0];
    const Article& second = result.articles[1];
    // Numbered by record, so appending records to a crawl keeps the earlier ids.
    EXPECT_EQ(first.id, make_article_id("crawls/may.warc", 2));
    EXPECT_EQ(second.id, make_article_id("crawls/may.warc", 3));
    EXPECT_EQ(first.source_path, "crawls/may.warc");
    EXPECT_EQ(first.url, a);
    EXPECT_EQ(second.url, b);
    ASSERT_TRUE(first.date.has_value());
    EXPECT_EQ(first.date->iso(), "2019-03-04");
    // The page has no date: neither WARC-Date nor the HTTP Date header may stand in for one.
    EXPECT_FALSE(second.date.has_value());
    EXPECT_NE(second.body.find("The ferry runs daily."), std::string::npos);
    // The sidecar would give every page the same outlet: ignored, with a warning.
    EXPECT_NE(second.outlet, "Nobody");
    bool warned = false;
    for (const auto& d : result.diagnostics)
        warned |= d.severity == Severity::Warning && d.message.find("sidecar") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(WarcFiles, DecodeByTheCharsetThePageOrTheHeaderNames) {
    const std::string url = "http://news.example/x";
    // "Москва" in windows-1251, and "Zürich" in windows-1252: neither is valid UTF-8.
    const std::string moscow = "\xcc\xee\xf1\xea\xe2\xe0";
    const std::string text = "<title>Report</title></head><body><article><p>The delegation left " +
                             moscow +
                             " today for talks that lasted well into the night and ended "
                             "without a deal.</p></article></body></html>";
    const std::string page = "<html><head>" + text;
    const std::string meta_page =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=windows-1251\">" +
        text;
    struct Case {
        std::string header;
        std::string body;
        const char* expect;
        const char* why;
    } cases[] = {
        {"text/html; charset=windows-1251", page, "Москва",
         "the page names no charset: the HTTP header's is used"},
        {"text/html; charset=iso-8859-1", meta_page, "Москва",
         "the page's own declaration wins over a server default"},
        {"text/html; charset=windows-1251", meta_page, "Москва", "both agree"},
    };
    for (const auto& c : cases) {
        const std::string bytes =
            warc_response(url, http_response(200, {{"Content-Type", c.header}}, c.body));
        const auto result = extract_file(SourceFile{"c.warc", bytes, std::nullopt}, {});
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        EXPECT_NE(result.articles[0].body.find(c.expect), std::string::npos)
            << c.why << ": " << result.articles[0].body;
    }
}

TEST(WarcFiles, CrawledFromALoopbackServerNameNoOutlet) {
    const struct {
        const char* url;
        const char* why;
    } cases[] = {
        {"http://127.0.0.1:8080/2019/03/04/budget", "an IPv4 loopback address and a port"},
        {"http://localhost:4000/budget", "localhost"},
        {"http://[::1]:8080/budget", "an IPv6 loopback address"},
    };
    for (const auto& c : cases) {
        const auto result =
            extract_file(SourceFile{"local.warc", html_response(c.url), std::nullopt}, {});
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        // The crawl's host is where it was saved from, not who published the page.
        EXPECT_EQ(result.articles[0].outlet, "") << c.why;
        EXPECT_EQ(result.articles[0].url, c.url) << c.why;
    }
}

TEST(WarcFiles, WithNoPageAreSkipped) {
    const std::string bytes = warc_record("warcinfo", {}, "software: test\r\n");
    const auto result = extract_file(SourceFile{"empty.warc", bytes, std::nullopt}, {});
    EXPECT_TRUE(result.articles.empty());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.back().severity, Severity::Skipped);
}

}  // namespace
}  // namespace broadsheet
