// archive_integration_test.cpp — compressed files and WARC archives through the real
// broadsheet-indexer and broadsheet-server: each article is found by a word of its body, WARC
// pages carry their WARC-Target-URI and no crawl date, `update` follows a WARC file's changes and
// removal; and real pages nobody here wrote, recorded by wget into a WARC from a loopback server,
// all come out as articles.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/extract/extract.h"
#include "core/extract/gzip.h"
#include "tests/support/archive_files.h"
#include "tests/support/running_server.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_support::gzip;
using testing_support::html_page;
using testing_support::http_response;
using testing_support::index_corpus;
using testing_support::run_command;
using testing_support::RunningServer;
using testing_support::TempDir;
using testing_support::warc_record;
using testing_support::warc_response;
using testing_support::write_file;

const fs::path kRealPages = fs::path(BROADSHEET_SHARED_DIR) / "eval" / "real" / "readability";

std::string html_record(const std::string& url, const std::string& title, const std::string& text) {
    return warc_response(url, http_response(200, {{"Content-Type", "text/html; charset=utf-8"}},
                                            html_page(title, text)));
}

// The ids of the articles whose text matches `word`.
std::vector<std::string> find(const RunningServer& server, const std::string& word) {
    std::vector<std::string> ids;
    // A named copy: iterating a member of the temporary would outlive it.
    const json found = server.get_json("/api/search", {{"q", word}});
    for (const auto& hit : found["hits"]) ids.push_back(hit["id"]);
    return ids;
}

class ArchiveCorpus : public ::testing::Test {
  protected:
    fs::path corpus() const { return dir_ / "corpus"; }
    fs::path index() const { return dir_ / "index"; }
    fs::path web() const { return dir_ / "web"; }
    void write_crawl(const std::string& records) {
        std::string bytes;
        // Record by record, as crawlers write .warc.gz (each record its own gzip member).
        for (std::size_t at = 0; at < records.size();) {
            const std::size_t next = records.find("WARC/1.0\r\n", at + 1);
            const std::size_t end = next == std::string::npos ? records.size() : next;
            bytes += gzip(records.substr(at, end - at));
            at = end;
        }
        write_file(corpus() / "crawls" / "june.warc.gz", bytes);
    }
    void SetUp() override { write_file(web() / "index.html", "<!doctype html><title>t</title>"); }
    TempDir dir_;
};

TEST_F(ArchiveCorpus, FindsEveryArticleOfCompressedFilesAndWarcRecords) {
    write_file(corpus() / "saved" / "harbour.html.gz",
               gzip(html_page("Harbour Dredging Approved",
                              "The harbour board approved dredging near the quokka colony.")));
    write_file(corpus() / "notes" / "library.txt.gz",
               gzip("Library Hours Extended\n\nThe library will lend marimba recordings from "
                    "March, the council said, and open on Sundays.\n"));
    write_crawl(warc_record("warcinfo", {}, "software: test\r\n") +
                warc_record("request", {{"WARC-Target-URI", "https://news.example/tamarind"}},
                            "GET /tamarind HTTP/1.1\r\n\r\n") +
                html_record("https://news.example/tamarind", "Tamarind Harvest",
                            "Growers reported a record tamarind harvest this season.") +
                html_record("https://news.example/2019/03/04/lanterns", "Lantern Festival",
                            "The lantern festival drew crowds to the old town square."));
    index_corpus("build", corpus(), index());
    RunningServer server(index(), web());

    struct Case {
        const char* word;
        std::string id;
        std::string url;   // "" when the article has none
        const char* date;  // "" when the article must have none
        const char* why;
    } cases[] = {
        {"quokka", "saved~harbour.html.gz", "", "", "a .html.gz read as HTML"},
        {"marimba", "notes~library.txt.gz", "", "", "a .txt.gz read as text"},
        {"tamarind", "crawls~june.warc.gz~~r3", "https://news.example/tamarind", "",
         "a WARC page: its URL is WARC-Target-URI, and no date from the crawl (WARC-Date)"},
        {"lantern", "crawls~june.warc.gz~~r4", "https://news.example/2019/03/04/lanterns",
         "2019-03-04", "a date the page's own URL carries is the page's, and is kept"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(find(server, c.word), std::vector<std::string>{c.id}) << c.why;
        const json article = server.get_json("/api/articles/" + c.id);
        EXPECT_EQ(article["url"].is_string() ? article["url"].get<std::string>() : "", c.url)
            << c.why;
        EXPECT_EQ(article["date"].is_string() ? article["date"].get<std::string>() : "", c.date)
            << c.why;
        EXPECT_FALSE(article["body"].get<std::string>().empty()) << c.why;
    }
}

TEST_F(ArchiveCorpus, UpdateFollowsAWarcFileThatChangesOrGoes) {
    write_crawl(html_record("https://news.example/a", "Tamarind Harvest",
                            "Growers reported a record tamarind harvest this season.") +
                html_record("https://news.example/b", "Lantern Festival",
                            "The lantern festival drew crowds to the old town square."));
    index_corpus("build", corpus(), index());
    // Page a is gone from the crawl, page b changed and a new page c came in.
    write_crawl(html_record("https://news.example/b", "Lantern Festival",
                            "The lantern festival drew crowds, and a juggler too.") +
                html_record("https://news.example/c", "Ferry Timetable",
                            "The winter ferry timetable starts next week."));
    index_corpus("update", corpus(), index());
    {
        RunningServer server(index(), web());
        EXPECT_TRUE(find(server, "tamarind").empty()) << "a page the crawl lost is deleted";
        EXPECT_EQ(find(server, "juggler").size(), 1u) << "a changed page is replaced";
        EXPECT_EQ(find(server, "ferry").size(), 1u) << "a new page is added";
        EXPECT_EQ(server.get_json("/api/search")["total"], 2) << "no stale copy is left";
    }
    fs::remove(corpus() / "crawls" / "june.warc.gz");
    index_corpus("update", corpus(), index());
    RunningServer server(index(), web());
    EXPECT_EQ(server.get_json("/api/search")["total"], 0) << "a removed WARC file takes its pages";
}

// A loopback web server for a folder, in this process: what wget records from.
class StaticSite {
  public:
    explicit StaticSite(const fs::path& root) {
        server_.set_mount_point("/", root.string());
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~StaticSite() {
        server_.stop();
        thread_.join();
    }
    int port() const { return port_; }

  private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

// Records `urls` with wget into DIR/corpus/crawl.warc.gz; fails the test when wget does.
void record_with_wget(const TempDir& dir, const std::vector<std::string>& urls) {
    const auto where = run_command({"/bin/sh", "-c", "command -v wget"});
    ASSERT_EQ(where.exit_code, 0) << "wget is missing (scripts/install-deps.sh --test installs it)";
    std::vector<std::string> wget = {where.output.substr(0, where.output.find('\n')),
                                     "--quiet",
                                     "--tries=1",
                                     "--timeout=10",
                                     "--directory-prefix=" + (dir / "download").string(),
                                     "--warc-file=" + (dir / "corpus" / "crawl").string()};
    wget.insert(wget.end(), urls.begin(), urls.end());
    fs::create_directories(dir / "corpus");
    const auto recorded = run_command(wget);
    ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
    ASSERT_TRUE(fs::exists(dir / "corpus" / "crawl.warc.gz"));
}

TEST(RealPagesInAWarc, BecomeTheArticlesTheyAreAsFiles) {
    ASSERT_TRUE(fs::is_directory(kRealPages)) << "the real pages are missing: " << kRealPages;
    TempDir dir;
    // A few pages nobody here wrote, decompressed into a temporary web root (never the repo).
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kRealPages))
        names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    names.resize(std::min<std::size_t>(names.size(), 10));
    fs::create_directories(dir / "site");
    StaticSite site(dir / "site");
    const std::string base = "http://127.0.0.1:" + std::to_string(site.port()) + "/";
    // What each page gives as a saved .html file: the WARC record must give the same body.
    std::map<std::string, std::string> expected;  // URL → body
    std::vector<std::string> urls;
    for (const auto& name : names) {
        const GzipResult page =
            gunzip(testing_support::slurp(kRealPages / name / "source.html.gz"), kMaxSourceBytes);
        ASSERT_EQ(page.status, GzipStatus::Ok) << name << ": " << page.reason;
        write_file(dir / "site" / (name + ".html"), page.bytes);
        urls.push_back(base + name + ".html");
        const auto as_file = extract_file(SourceFile{name + ".html", page.bytes, std::nullopt}, {});
        if (!as_file.articles.empty()) expected[urls.back()] = as_file.articles[0].body;
    }
    ASSERT_GE(expected.size(), 5u) << "too few of the pages are articles to test anything";
    ASSERT_NO_FATAL_FAILURE(record_with_wget(dir, urls));

    index_corpus("build", dir / "corpus", dir / "index");
    write_file(dir / "web" / "index.html", "<!doctype html><title>t</title>");
    RunningServer server(dir / "index", dir / "web");
    std::map<std::string, std::string> found;  // URL → body
    const json all = server.get_json("/api/search", {{"size", "100"}});
    for (const auto& hit : all["hits"]) {
        const json article = server.get_json("/api/articles/" + hit["id"].get<std::string>());
        if (article["url"].is_string()) found[article["url"]] = article["body"];
    }
    EXPECT_EQ(all["total"], expected.size()) << "one article per page that is an article";
    for (const auto& [url, body] : expected) {
        ASSERT_TRUE(found.count(url)) << url << " did not become an article";
        EXPECT_FALSE(body.empty()) << url;
        EXPECT_EQ(found[url], body) << url << ": the record's text differs from the file's";
    }
}

}  // namespace
}  // namespace broadsheet
