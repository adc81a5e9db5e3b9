// extract_test.cpp — extract_file end to end: formats, JSON Lines diagnostics, sidecars, skips.
#include "core/extract/extract.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

Registry test_registry() {
    Registry r;
    r.add_outlet("Reuters", {"reuters.com", "Thomson Reuters"});
    r.add_outlet("The Punch", {"punchng.com", "Punch"});
    return r;
}

ExtractResult run(const std::string& path, const std::string& bytes,
                  std::optional<std::string> sidecar = std::nullopt) {
    static const Registry registry = test_registry();
    return extract_file(SourceFile{path, bytes, std::move(sidecar)}, {&registry});
}

struct FileCase {
    const char* path;
    const char* bytes;
    const char* title;
    const char* date;
    const char* outlet;
    const char* author;
    const char* why;
};

const FileCase kFiles[] = {
    {"a.json",
     R"({"title":"  Teachers end strike ","date":"Sept. 21, 2020","outlet":null,"author":"",
"url":"https://punchng.com/teachers","body":"Teachers returned on Monday.","tags":["x"]})",
     "Teachers end strike", "2020-09-21", "The Punch", "",
     "loose JSON: padded title, non-ISO date, outlet from the URL, empty author"},
    {"b.json", R"({"headline":"Epoch dated","published":1473379200,"text":"Body text here."})",
     "Epoch dated", "2016-09-09", "", "", "alternative keys and a Unix timestamp"},
    {"h.json",
     R"({"title":"HTML body","body":"<div><p>First paragraph of the story, with detail.</p><p>Second paragraph, also with detail.</p></div>"})",
     "HTML body", "", "", "", "an HTML body is read as HTML"},
    {"s.txt",
     "Hospital admissions rise for third week in a row\n\nAdmissions rose again, figures "
     "showed.\n\nSource: Ministry of Health\n",
     "Hospital admissions rise for third week in a row", "", "Ministry of Health", "",
     "an unregistered 'Source:' credit is only a last resort (nothing else here)"},
    {"c.html",
     "<html><head><title>Page | Reuters</title></head><body><h1>Markets rally on rate "
     "hopes</h1><p>Stocks rose on Friday, with banks, miners and retailers all higher on the "
     "day.</p></body></html>",
     "Markets rally on rate hopes", "", "Reuters", "", "HTML: h1 headline, <title> branding"},
    {"d.txt",
     "LONDON, March 4 (Reuters) - Builders slowed work on Monday.\n\nMore text here.\n\n"
     "(Reporting by Kate Holder; Editing by Mark Potter)\n\n© 2019 Reuters. All rights "
     "reserved.\n",
     "", "2019-03-04", "Reuters", "Kate Holder",
     "wire copy: dateline month/day, year from the copyright line, credit as author"},
    {"e.txt",
     "Talks resume in Geneva after long pause\n\nGENEVA, Sept. 9 (Reuters) - Diplomats met.\n",
     "Talks resume in Geneva after long pause", "", "Reuters", "",
     "dateline without any year evidence: the date stays unknown"},
    {"f.txt",
     "Minister defends budget cuts in parliament debate\n\n\"I said on 9 September 2016 that "
     "we would cut,\" the minister said.\n",
     "Minister defends budget cuts in parliament debate", "", "", "",
     "a date inside a quotation is not the publication date"},
};

TEST(ExtractFile, Formats) {
    for (const auto& c : kFiles) {
        const auto result = run(c.path, c.bytes);
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        const Article& a = result.articles[0];
        EXPECT_EQ(a.title, c.title) << c.why;
        EXPECT_EQ(a.date ? a.date->iso() : "", c.date) << c.why;
        EXPECT_EQ(a.outlet, c.outlet) << c.why;
        EXPECT_EQ(a.author, c.author) << c.why;
        EXPECT_FALSE(a.content_hash.empty()) << c.why;
        EXPECT_EQ(a.body.find('<'), std::string::npos) << c.why;
    }
}

struct HashCase {
    const char* why;
    const char* bytes;
    std::optional<std::string> sidecar;
    const char* hash;
};

// The values are the ones existing indexes hold: a change here needs a schema version bump.
const HashCase kHashCases[] = {
    {"XXH3-64 of the file bytes, lowercase and zero-padded", "abc", std::nullopt,
     "78af5f94892f3950"},
    {"the sidecar's bytes follow the file's, with nothing between them", "abc", "def",
     "da87bd32d3c47db6"},
};

TEST(ContentHash, Table) {
    for (const auto& c : kHashCases)
        EXPECT_EQ(content_hash(SourceFile{"a.txt", c.bytes, c.sidecar}), c.hash) << c.why;
}

TEST(ExtractFile, ArticlesCarryTheFilesContentHash) {
    const std::string text = "Council approves 400 homes on mill site\n\nThe vote was close.\n";
    for (const std::optional<std::string>& sidecar :
         {std::optional<std::string>{}, std::optional<std::string>{"{\"author\":\"Jane Doe\"}"}}) {
        const SourceFile source{"a.txt", text, sidecar};
        const auto result = run(source.relative_path, source.bytes, source.sidecar);
        ASSERT_EQ(result.articles.size(), 1u);
        EXPECT_EQ(result.articles[0].content_hash, content_hash(source));
    }
}

TEST(ExtractFile, JsonLinesRecordsShareTheFilesHash) {
    const SourceFile source{"feed.jsonl",
                            "{\"title\":\"One\",\"body\":\"First body.\"}\n"
                            "{\"title\":\"Two\",\"body\":\"Second body.\"}\n",
                            std::nullopt};
    const auto result = run(source.relative_path, source.bytes);
    ASSERT_EQ(result.articles.size(), 2u);
    for (const auto& a : result.articles) EXPECT_EQ(a.content_hash, content_hash(source));
}

TEST(ExtractFile, JsonLinesKeepsGoodRecordsAndReportsBadOnes) {
    const auto result = run("feed.jsonl",
                            "{\"title\":\"One\",\"body\":\"First body.\"}\n"
                            "{\"title\":\"Two\",\"body\":\"Second\n"  // truncated line
                            "\n"
                            "[1,2]\n"
                            "{\"title\":\"Five\",\"body\":\"Fifth body.\"}\n");
    ASSERT_EQ(result.articles.size(), 2u);
    EXPECT_EQ(result.articles[0].id, "feed.jsonl~~r1");
    EXPECT_EQ(result.articles[1].id, "feed.jsonl~~r5");
    EXPECT_EQ(result.articles[1].title, "Five");
    ASSERT_EQ(result.diagnostics.size(), 2u);  // line 2 truncated, line 4 not an object
    for (const auto& d : result.diagnostics) EXPECT_EQ(d.severity, Severity::Skipped);
    EXPECT_EQ(result.diagnostics[0].file, "feed.jsonl:2");
    EXPECT_EQ(result.diagnostics[1].file, "feed.jsonl:4");
}

TEST(ExtractFile, SidecarOverridesNamedFieldsOnly) {
    const auto result =
        run("s.txt",
            "Original headline for the story\n\nBy Jane Doe\n\nNovember 17, "
            "2017\n\nBody text.\n",
            R"({"title":"Better headline","date":"2018-01-02","outlet":"Thomson Reuters"})");
    ASSERT_EQ(result.articles.size(), 1u);
    const Article& a = result.articles[0];
    EXPECT_EQ(a.title, "Better headline");
    EXPECT_EQ(a.date->iso(), "2018-01-02");
    EXPECT_EQ(a.outlet, "Reuters");   // normalised through the registry
    EXPECT_EQ(a.author, "Jane Doe");  // not named in the sidecar: extracted value stays
}

// A page that prints no date of its own is dated by the path of the URL its operator supplies,
// and that URL outranks a date line far down the page, as a URL found in the page would.
TEST(ExtractFile, SidecarUrlDatesThePage) {
    struct Case {
        const char* html;
        const char* sidecar;
        const char* date;
        const char* why;
    };
    const Case cases[] = {
        {"<html><body><article><h1>Talks resume in the capital</h1><p>Negotiators met again "
         "today after a long pause in the talks.</p></article></body></html>",
         R"({"url":"https://example.com/2019/03/21/talks-resume"})", "2019-03-21",
         "no date in the page: the URL path dates it"},
        {"<html><body><article><h1>Talks resume in the capital</h1><p>Negotiators met again "
         "today after a long pause in the talks.</p></article></body></html>",
         R"({"url":"ftp://example.com/2019/03/21/talks-resume"})", "",
         "a URL that is not a web URL is no evidence"},
    };
    for (const auto& c : cases) {
        const auto result = run("p.html", c.html, std::string(c.sidecar));
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        const auto& date = result.articles[0].date;
        EXPECT_EQ(date ? date->iso() : "", c.date) << c.why;
    }
}

TEST(ExtractFile, SidecarNullClearsAndBadSidecarWarns) {
    const auto cleared =
        run("n.txt", "A headline for this one\n\nNovember 17, 2017\n\nBody.\n", R"({"date":null})");
    ASSERT_EQ(cleared.articles.size(), 1u);
    EXPECT_FALSE(cleared.articles[0].date);
    const auto bad = run("m.txt", "A headline for this one\n\nBody.\n", "{not json");
    ASSERT_EQ(bad.articles.size(), 1u);
    ASSERT_EQ(bad.diagnostics.size(), 1u);
    EXPECT_EQ(bad.diagnostics[0].severity, Severity::Warning);
}

struct SkipCase {
    const char* path;
    std::string bytes;
    const char* why;
};

TEST(ExtractFile, BadFilesAreSkippedWithAReason) {
    const SkipCase cases[] = {
        {"empty.txt", "", "empty file"},
        {"bin.txt", std::string("\x89PNG\r\n\x1A\n\0\0", 10), "binary"},
        {"big.txt", std::string(kMaxSourceBytes + 1, 'a'), "over the size limit"},
        {"bad.json", "{\"title\": ", "invalid JSON"},
        {"empty.json", "{\"tags\": []}", "JSON object without title or body"},
    };
    for (const auto& c : cases) {
        const auto result = run(c.path, c.bytes);
        EXPECT_TRUE(result.articles.empty()) << c.why;
        ASSERT_EQ(result.diagnostics.size(), 1u) << c.why;
        EXPECT_EQ(result.diagnostics[0].severity, Severity::Skipped) << c.why;
        EXPECT_EQ(result.diagnostics[0].file, c.path) << c.why;
        EXPECT_FALSE(result.diagnostics[0].message.empty()) << c.why;
    }
}

TEST(ExtractFile, Latin1IsRepairedWithAWarning) {
    const auto result = run("l.txt",
                            "Caf\xE9 owners win appeal over terrace fees\n\nThe court "
                            "ruled on Friday.\n");
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_EQ(result.articles[0].title, "Caf\xC3\xA9 owners win appeal over terrace fees");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning);
}

TEST(ArticleFiles, ExtensionsAndSidecars) {
    EXPECT_TRUE(is_article_file("a/b.txt"));
    EXPECT_TRUE(is_article_file("a/b.HTML"));
    EXPECT_TRUE(is_article_file("feed.jsonl"));
    EXPECT_FALSE(is_article_file("a/b.meta.json"));  // a sidecar is never an article
    EXPECT_FALSE(is_article_file("outlets.tsv"));
    EXPECT_EQ(sidecar_path_for("a/b.txt"), std::filesystem::path("a/b.meta.json"));
}

}  // namespace
}  // namespace broadsheet

namespace broadsheet {
namespace {

// Deterministic pseudo-random inputs built from article-like fragments and raw bytes: every
// format step must survive them without throwing or crashing (the suite also runs under
// ASan+UBSan).
TEST(ExtractFile, SurvivesGarbage) {
    const char* fragments[] = {"<p>",
                               "</div>",
                               "# ",
                               "**",
                               "[x](",
                               "\"",
                               "\u201C",
                               "By ",
                               "GENEVA, Sept. 9 (Reuters) - ",
                               "\xC3",
                               "\xE2\x80",
                               "\n\n",
                               "{\"title\":",
                               "}",
                               "16:02 GMT +3",
                               "©",
                               "|",
                               " - ",
                               "\t",
                               "<script type=\"application/ld+json\">{",
                               "Original url:"};
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (const char* ext : {".txt", ".md", ".html", ".json", ".jsonl"}) {
        for (int round = 0; round < 60; ++round) {
            std::string bytes;
            const auto pieces = next() % 40;
            for (std::uint32_t i = 0; i < pieces; ++i) {
                if (next() % 4 == 0)
                    bytes += static_cast<char>(next() % 256);
                else
                    bytes += fragments[next() % std::size(fragments)];
            }
            const std::string path = std::string("g") + std::to_string(round) + ext;
            EXPECT_NO_THROW({
                const auto result = run(path, bytes);
                for (const auto& a : result.articles) EXPECT_EQ(a.source_path, path);
            }) << path;
        }
    }
}

}  // namespace
}  // namespace broadsheet

namespace broadsheet {
namespace {

TEST(ExtractFile, JsonEntitiesAreDecoded) {
    // Scraper exports keep HTML character references in plain-text fields.
    const auto result = run(
        "ent.json",
        R"({"title":"Trump&#8217;s deal &amp; the Senate","body":"He said it was &ldquo;done&rdquo;."})");
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_EQ(result.articles[0].title, "Trump\u2019s deal & the Senate");
    EXPECT_EQ(result.articles[0].body, "He said it was \u201Cdone\u201D.");
}

}  // namespace
}  // namespace broadsheet

namespace broadsheet {
namespace {

// A sidecar field that cannot mean what it says is ignored, with a warning naming it; the value
// extraction found stays.
struct SidecarFieldCase {
    const char* sidecar;
    const char* field;  // the field named in the warning
    const char* why;
};

TEST(ExtractFile, SidecarFieldsOfTheWrongKindAreIgnoredWithAWarning) {
    const SidecarFieldCase cases[] = {
        {R"({"date":["2018-01-02"]})", "date",
         "a list where a date string belongs must not erase the extracted date"},
        {R"({"date":20180102})", "date", "a number is not a date string either"},
        {R"({"date":"sometime last spring"})", "date",
         "a string that is no date must not erase the extracted date"},
        {R"({"title":{"text":"Better"}})", "title", "an object is not a title"},
        {R"({"outlet":true})", "outlet", "a boolean is not an outlet"},
        {R"({"body":["one","two"]})", "body", "a list is not a body"},
        {R"j({"url":"javascript:alert(1)"})j", "url", "only http(s) URLs are stored"},
    };
    const std::string text =
        "Original headline for the story\n\nBy Jane Doe\n\nNovember 17, 2017\n\nOriginal url: "
        "https://www.reuters.com/article/x\n\nBody text of the story.\n";
    for (const auto& c : cases) {
        const auto result = run("s.txt", text, std::string(c.sidecar));
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        const Article& a = result.articles[0];
        ASSERT_TRUE(a.date) << c.why;
        EXPECT_EQ(a.date->iso(), "2017-11-17") << c.why;
        EXPECT_EQ(a.title, "Original headline for the story") << c.why;
        EXPECT_EQ(a.outlet, "Reuters") << c.why;
        EXPECT_EQ(a.url, "https://www.reuters.com/article/x") << c.why;
        EXPECT_NE(a.body.find("Body text of the story."), std::string::npos) << c.why;
        ASSERT_EQ(result.diagnostics.size(), 1u) << c.why;
        EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning) << c.why;
        EXPECT_NE(result.diagnostics[0].message.find(std::string("\"") + c.field + "\""),
                  std::string::npos)
            << c.why << ": " << result.diagnostics[0].message;
    }
}

// A URL that is not http(s) names no outlet, dates nothing and is not stored; a warning says so.
struct UrlCase {
    const char* path;
    const char* bytes;
    const char* url;     // stored URL
    const char* outlet;  // resolved outlet
    const char* why;
};

TEST(ExtractFile, OnlyHttpUrlsAreStoredOrGiveOutlets) {
    const UrlCase cases[] = {
        {"j.json",
         R"j({"title":"Talks resume","url":"javascript:alert('reuters.com')","body":"Talks resumed."})j",
         "", "", "a javascript: URL: no outlet from its text, not stored"},
        {"d.json",
         R"({"title":"Talks resume","url":"data:text/html,<b>evil.example</b>","body":"Talks resumed."})",
         "", "", "a data: URL: no outlet 'data' or 'text', not stored"},
        {"p.json", R"({"title":"Talks resume","url":"//reuters.com/x","body":"Talks resumed."})",
         "", "", "a protocol-relative URL is not absolute: dropped"},
        {"h.json",
         R"({"title":"Talks resume","url":"HTTPS://www.Reuters.com/x","body":"Talks resumed."})",
         "HTTPS://www.Reuters.com/x", "Reuters", "the scheme is case-insensitive"},
        {"m.md",
         "---\ntitle: Talks resume\nurl: javascript:void(0)\n---\n\nTalks resumed on Monday.\n", "",
         "", "front matter URLs are checked like any other"},
    };
    for (const auto& c : cases) {
        const auto result = run(c.path, c.bytes);
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        EXPECT_EQ(result.articles[0].url, c.url) << c.why;
        EXPECT_EQ(result.articles[0].outlet, c.outlet) << c.why;
        const bool dropped = std::string(c.url).empty();
        ASSERT_EQ(result.diagnostics.size(), dropped ? 1u : 0u) << c.why;
        if (dropped) {
            EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning) << c.why;
            EXPECT_NE(result.diagnostics[0].message.find("not http(s)"), std::string::npos)
                << c.why;
        }
    }
}

TEST(ExtractFile, QuotesPerArticleAreCappedWithAWarning) {
    // A file of quotations: far more quotes than any article has.
    std::string body;
    for (std::size_t i = 0; i < kMaxQuotesPerArticle + 200; ++i)
        body +=
            "\u201CWe will vote on item " + std::to_string(i) + ",\u201D the minister said.\n\n";
    const auto result = run("q.txt", "Minister lists the votes\n\n" + body);
    ASSERT_EQ(result.articles.size(), 1u);
    const Article& a = result.articles[0];
    ASSERT_EQ(a.quotes.size(), kMaxQuotesPerArticle);
    EXPECT_NE(a.quotes.front().text.find("item 0,"), std::string::npos);  // the first ones kept
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning);
    EXPECT_NE(result.diagnostics[0].message.find(std::to_string(kMaxQuotesPerArticle)),
              std::string::npos)
        << result.diagnostics[0].message;
}

// An article is never indexed without its text: whatever shape a JSON body has, its words are in
// the article body.
struct JsonBodyCase {
    const char* json;
    const char* words;  // must appear in the body
    const char* why;
};

TEST(ExtractFile, JsonBodiesAreNeverDropped) {
    const JsonBodyCase cases[] = {
        {R"({"title":"Talks resume","body":"Diplomats met in Geneva on Monday to resume talks"})",
         "Diplomats met in Geneva on Monday to resume talks",
         "one line without final punctuation is the body, not a headline"},
        {R"({"title":"Talks resume","body":"Diplomats met in Geneva"})", "Diplomats met in Geneva",
         "a short line without punctuation is still the body"},
        {R"({"title":"Talks resume","body":"Talks resume"})", "Talks resume",
         "a body repeating the title is still the body"},
        {R"({"title":"Talks resume","body":"Read more"})", "Read more",
         "a one-line body that looks like site chrome is still the body"},
        {R"({"body":"Diplomats met in Geneva on Monday to resume talks"})",
         "Diplomats met in Geneva on Monday to resume talks",
         "without a title, the one line is still the body"},
    };
    for (const auto& c : cases) {
        const auto result = run("b.json", c.json);
        ASSERT_EQ(result.articles.size(), 1u) << c.why;
        EXPECT_NE(result.articles[0].body.find(c.words), std::string::npos)
            << c.why << ": body \"" << result.articles[0].body << "\"";
    }
}

}  // namespace
}  // namespace broadsheet
