// indexer_cli_test.cpp — the real broadsheet-indexer binary on temp dirs: build, rebuild,
// update, bad files, a build killed midway, and `extract`.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "core/extract/extract.h"
#include "core/index/compaction.h"
#include "core/index/document.h"
#include "core/index/generations.h"
#include "core/schema.h"
#include "tests/support/files.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::ProcessResult;
using testing_support::TempDir;
using testing_support::write_file;

const fs::path kSourceDir = BROADSHEET_SOURCE_DIR;
const std::string kIndexer = BROADSHEET_INDEXER;

// The number after `label ` in the summary line, e.g. count_of(out, "added").
std::size_t count_of(const std::string& summary, const std::string& label) {
    const std::string key = label + " ";
    for (auto at = summary.find(key); at != std::string::npos; at = summary.find(key, at + 1)) {
        const std::size_t digits = at + key.size();
        if (digits < summary.size() && std::isdigit(static_cast<unsigned char>(summary[digits])))
            return std::stoul(summary.substr(digits));
    }
    ADD_FAILURE() << "no \"" << label << " N\" in summary: " << summary;
    return 0;
}

// Article documents only: every article's quotes are documents of their own too.
std::size_t article_count(const Xapian::Database& db) {
    return db.get_termfreq(term(Field::Type, kTypeArticle));
}

// The seed file the ground truth labels as the Bloomberg article.
std::string bloomberg_seed() {
    std::ifstream in(kSourceDir / "tests/seeds-labels.json");
    for (const auto& label : nlohmann::json::parse(in))
        if (label["outlet"] == "Bloomberg") return label["file"];
    ADD_FAILURE() << "no Bloomberg article in the labels";
    return {};
}

// Source paths of the articles matching a free-text query, parsed the way users type it.
std::set<std::string> search_paths(const Xapian::Database& db, const std::string& query_text) {
    Xapian::QueryParser parser;
    parser.set_stemmer(make_stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(query_text));
    std::set<std::string> paths;
    for (const auto& match : enquire.get_mset(0, 1000))
        paths.insert(db.get_document(match).get_value(kSlotSourcePath));
    return paths;
}

class IndexerCli : public testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(corpus_);
        for (const auto& entry : fs::directory_iterator(kSourceDir / "corpus"))
            fs::copy(entry.path(), corpus_ / entry.path().filename(), fs::copy_options::recursive);
    }

    ProcessResult run(std::vector<std::string> args, const fs::path& cwd = {}) {
        args.insert(args.begin(), kIndexer);
        return testing_support::run_process(args, dir_.path(), cwd);
    }
    ProcessResult build() { return run({"build", corpus_.string(), "--index", index_.string()}); }
    ProcessResult update() { return run({"update", corpus_.string(), "--index", index_.string()}); }

    std::size_t seed_count() const {
        std::size_t n = 0;
        for (const auto& entry : fs::directory_iterator(kSourceDir / "corpus"))
            n += entry.path().extension() == ".txt";
        return n;
    }

    TempDir dir_;
    fs::path corpus_ = dir_ / "my corpus";  // a space, because operators have them too
    fs::path index_ = dir_ / "index";
};

TEST_F(IndexerCli, BuildsTheSeedsIntoASelfDescribingIndex) {
    const auto result = build();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_of(result.out, "added"), seed_count()) << result.out;
    EXPECT_EQ(count_of(result.out, "skipped"), 0u) << result.out;

    Xapian::Database db(index_.string());
    EXPECT_NO_THROW(check_schema(db));
    EXPECT_EQ(article_count(db), seed_count());
    EXPECT_EQ(db.get_metadata(std::string(kMetaArticleCount)), std::to_string(seed_count()));
    const std::string built_at = db.get_metadata(std::string(kMetaBuiltAt));
    ASSERT_EQ(built_at.size(), 20u) << built_at;  // 2026-11-23T17:22:07Z
    EXPECT_EQ(built_at[4], '-');
    EXPECT_EQ(built_at[10], 'T');
    EXPECT_EQ(built_at.back(), 'Z');

    const std::string bloomberg = bloomberg_seed();
    EXPECT_TRUE(search_paths(db, "ceasefire").count(bloomberg)) << bloomberg;
    // Every outlet value has its exact facet term (which outlets are found is extraction's test).
    for (auto it = db.valuestream_begin(kSlotOutlet); it != db.valuestream_end(kSlotOutlet); ++it)
        EXPECT_TRUE(db.term_exists(term(Field::Outlet, *it))) << *it;
}

TEST_F(IndexerCli, RebuildPublishesANewGenerationAndKeepsOnlyThePrevious) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(build().exit_code, 0);
    EXPECT_EQ(current_generation(index_), 3u);
    EXPECT_EQ(list_generations(index_), (std::vector<unsigned>{2, 3}));
    EXPECT_EQ(article_count(Xapian::Database((index_ / generation_name(2)).string())),
              seed_count());  // the previous one stays readable for servers still on it
}

TEST_F(IndexerCli, CompactPublishesASmallerCopyAfterUpdatesAndRefusesAnEmptyDirectory) {
    ASSERT_EQ(build().exit_code, 0);
    // Updates rewrite every document of the edited files: free space builds up in place.
    for (int i = 0; i < 3; ++i) {
        for (const auto& entry : fs::directory_iterator(corpus_))
            if (entry.path().extension() == ".txt")
                std::ofstream(entry.path(), std::ios::app) << "\nEdit " << i << ".\n";
        ASSERT_EQ(update().exit_code, 0);
    }
    const auto result = run({"compact", "--index", index_.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("compacted index"), std::string::npos) << result.out;
    EXPECT_EQ(current_generation(index_), 2u);
    EXPECT_EQ(list_generations(index_), (std::vector<unsigned>{1, 2}));
    const Xapian::Database db(index_.string());
    EXPECT_EQ(article_count(db), seed_count());
    EXPECT_LT(directory_bytes(index_ / generation_name(2)),
              directory_bytes(index_ / generation_name(1)));
    EXPECT_TRUE(search_paths(db, "ceasefire").count(bloomberg_seed()));

    const auto empty = run({"compact", "--index", (dir_ / "nothing").string()});
    EXPECT_EQ(empty.exit_code, 2) << empty.err;
    EXPECT_NE(empty.err.find("not an index directory"), std::string::npos) << empty.err;
}

TEST_F(IndexerCli, UpdateAddsReplacesAndDeletesByContentHash) {
    ASSERT_EQ(build().exit_code, 0);
    std::vector<fs::path> seeds;
    for (const auto& entry : fs::directory_iterator(corpus_))
        if (entry.path().extension() == ".txt") seeds.push_back(entry.path());
    std::sort(seeds.begin(), seeds.end());
    ASSERT_GE(seeds.size(), 3u);

    write_file(corpus_ / "extra/new.txt",
               "Zanzibarian Diplomats Meet\n\nThe zanzibarian delegation met in Geneva.\n");
    std::ofstream(seeds[1], std::ios::app) << "\n\nA closing paragraph about quuxification.\n";
    const std::string removed = seeds[2].filename().string();
    fs::remove(seeds[2]);

    const auto result = update();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_of(result.out, "added"), 1u) << result.out;
    EXPECT_EQ(count_of(result.out, "updated"), 1u) << result.out;
    EXPECT_EQ(count_of(result.out, "deleted"), 1u) << result.out;
    EXPECT_EQ(count_of(result.out, "unchanged"), seeds.size() - 2) << result.out;

    Xapian::Database db(index_.string());
    EXPECT_EQ(current_generation(index_), 1u);  // in place, no new generation
    EXPECT_EQ(article_count(db), seeds.size());
    EXPECT_EQ(db.get_metadata(std::string(kMetaArticleCount)), std::to_string(seeds.size()));
    EXPECT_EQ(search_paths(db, "zanzibarian"), std::set<std::string>{"extra/new.txt"});
    EXPECT_EQ(search_paths(db, "quuxification"),
              std::set<std::string>{seeds[1].filename().string()});
    EXPECT_EQ(db.get_termfreq(term(Field::Id, "")), 0u);
    for (auto it = db.valuestream_begin(kSlotSourcePath); it != db.valuestream_end(kSlotSourcePath);
         ++it)
        EXPECT_NE(*it, removed);

    const auto again = update();  // nothing changed since: everything is unchanged
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(count_of(again.out, "unchanged"), seeds.size()) << again.out;
    EXPECT_EQ(count_of(again.out, "added") + count_of(again.out, "updated") +
                  count_of(again.out, "deleted"),
              0u)
        << again.out;
}

TEST_F(IndexerCli, UpdateRemovesEveryRecordOfADeletedJsonLinesFile) {
    write_file(corpus_ / "feed.jsonl",
               R"({"title":"First record","body":"Alpha body text about talks."})"
               "\n"
               R"({"title":"Second record","body":"Beta body text about talks."})"
               "\n");
    ASSERT_EQ(build().exit_code, 0);
    ASSERT_EQ(article_count(Xapian::Database(index_.string())), seed_count() + 2);
    fs::remove(corpus_ / "feed.jsonl");
    const auto result = update();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_of(result.out, "deleted"), 2u) << result.out;
    EXPECT_EQ(article_count(Xapian::Database(index_.string())), seed_count());
}

TEST_F(IndexerCli, UpdateWithoutAnIndexBuildsOne) {
    const auto result = update();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_of(result.out, "added"), seed_count());
    EXPECT_EQ(current_generation(index_), 1u);
}

enum class Outcome { Skipped, Repaired };

struct BadFileCase {
    const char* why;
    std::string name;
    std::function<void(const fs::path&)> make;
    Outcome outcome;
};

const std::vector<BadFileCase>& bad_files() {
    static const std::vector<BadFileCase> cases = {
        {"an empty file has no article", "empty.txt", [](const fs::path& p) { write_file(p, ""); },
         Outcome::Skipped},
        {"binary data (a PNG header and NULs) is not text", "image.txt",
         [](const fs::path& p) { write_file(p, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)); },
         Outcome::Skipped},
        {"Latin-1 text is repaired to UTF-8 and indexed", "latin1.txt",
         [](const fs::path& p) {
             write_file(p,
                        "Caf\xe9 Talks Resume\n\nThe caf\xe9 owners met the d\xe9l\xe9gation.\n");
         },
         Outcome::Repaired},
        {"a file over the size limit is refused unread", "huge.txt",
         [](const fs::path& p) {
             write_file(p, "");
             fs::resize_file(p, 8 * 1024 * 1024 + 1);
         },
         Outcome::Skipped},
        {"a truncated JSON article does not parse", "broken.json",
         [](const fs::path& p) { write_file(p, R"({"title": "Half an obj)"); }, Outcome::Skipped},
    };
    return cases;
}

TEST_F(IndexerCli, BadFilesAreSkippedOrRepairedWithAWarningAndNeverAbortTheRun) {
    std::size_t expected_skipped = 0;
    for (const auto& c : bad_files()) {
        c.make(corpus_ / "bad" / c.name);
        expected_skipped += c.outcome == Outcome::Skipped;
    }
    const auto result = build();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count_of(result.out, "skipped"), expected_skipped) << result.out << result.err;

    Xapian::Database db(index_.string());
    std::set<std::string> indexed;
    for (auto it = db.valuestream_begin(kSlotSourcePath); it != db.valuestream_end(kSlotSourcePath);
         ++it)
        indexed.insert(*it);
    for (const auto& c : bad_files()) {
        const std::string path = "bad/" + c.name;
        EXPECT_NE(result.err.find(path), std::string::npos) << c.why << ": no warning naming it";
        EXPECT_EQ(indexed.count(path), c.outcome == Outcome::Repaired ? 1u : 0u) << c.why;
    }
    EXPECT_EQ(article_count(db), seed_count() + 1);
    EXPECT_EQ(search_paths(db, "café"), std::set<std::string>{"bad/latin1.txt"});
}

// Whether an entry made unreadable with chmod stops the indexer: not for root, whose
// CAP_DAC_OVERRIDE reads anything. Link loops stop everyone.
enum class DeniedTo { Everyone, NonRootOnly };

struct UnreadableCase {
    const char* why;
    std::string entry;   // relative to the corpus: what is made unreadable
    std::string reason;  // expected in the error message (strerror text)
    DeniedTo denied_to;
    std::function<void(const fs::path&)> make_unreadable;  // given corpus/entry
};

void PrintTo(const UnreadableCase& c, std::ostream* out) {
    *out << c.why;
}

const std::vector<UnreadableCase>& unreadable_entries() {
    static const std::vector<UnreadableCase> cases = {
        {"a file whose permissions deny reading", "desk/a.txt", "Permission denied",
         DeniedTo::NonRootOnly, [](const fs::path& p) { fs::permissions(p, fs::perms::none); }},
        {"a folder whose permissions deny listing it", "desk", "Permission denied",
         DeniedTo::NonRootOnly, [](const fs::path& p) { fs::permissions(p, fs::perms::none); }},
        {"a file replaced by a symbolic link to itself (ELOOP, even for root)", "desk/a.txt",
         "Too many levels of symbolic links", DeniedTo::Everyone,
         [](const fs::path& p) {
             fs::remove(p);
             fs::create_symlink(p.filename(), p);
         }},
        {"a folder replaced by a symbolic link to itself (ELOOP, even for root)", "desk",
         "Too many levels of symbolic links", DeniedTo::Everyone,
         [](const fs::path& p) {
             fs::remove_all(p);
             fs::create_symlink(p.filename(), p);
         }},
        {"a sidecar whose permissions deny reading: the article is not indexed without it",
         "desk/a.meta.json", "Permission denied", DeniedTo::NonRootOnly,
         [](const fs::path& p) { fs::permissions(p, fs::perms::none); }},
    };
    return cases;
}

// Runs the indexer as a user that permissions apply to: the test's own user, or, when the tests
// run as root (as CI does), "nobody" through util-linux's setpriv.
class UnreadableEntry : public IndexerCli, public testing::WithParamInterface<UnreadableCase> {
  protected:
    void SetUp() override {
        IndexerCli::SetUp();
        write_file(corpus_ / "desk/a.txt",
                   "Zanzibarian Envoys Meet\n\nThe zanzibarian envoys met in Geneva on Monday.\n");
        write_file(corpus_ / "desk/a.meta.json", R"({"outlet":"Desk Weekly"})");
        write_file(corpus_ / "desk/b.txt",
                   "Quuxian Talks End\n\nThe quuxian talks ended in Vienna on Tuesday.\n");
        if (::geteuid() != 0) return;
        if (!fs::exists("/usr/bin/setpriv")) return;
        prefix_ = {"/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"};
        // nobody writes the index and reads the corpus.
        fs::permissions(dir_.path(), fs::perms::all);
        for (const auto& entry : fs::recursive_directory_iterator(corpus_))
            if (entry.is_directory()) fs::permissions(entry.path(), fs::perms::all);
        fs::permissions(corpus_, fs::perms::all);
    }
    void TearDown() override {
        // Let the scratch directory be removed again.
        std::error_code ignored;
        for (const char* entry : {"desk", "desk/a.txt", "desk/a.meta.json"})
            if (!fs::is_symlink(corpus_ / entry, ignored))
                fs::permissions(corpus_ / entry, fs::perms::owner_all, ignored);
    }

    ProcessResult run_as_user(std::vector<std::string> args) {
        args.insert(args.begin(), kIndexer);
        args.insert(args.begin(), prefix_.begin(), prefix_.end());
        return testing_support::run_process(args, dir_.path());
    }
    ProcessResult index(const char* command) {
        return run_as_user({command, corpus_.string(), "--index", index_.string()});
    }

    // Makes the row's entry unreadable; false when it stays readable to the indexer's user.
    bool make_unreadable() {
        const fs::path target = corpus_ / GetParam().entry;
        GetParam().make_unreadable(target);
        if (GetParam().denied_to == DeniedTo::Everyone) return true;
        std::vector<std::string> probe = prefix_;
        probe.push_back("/usr/bin/test");
        probe.push_back(fs::is_directory(target) ? "-x" : "-r");
        probe.push_back(target.string());
        return testing_support::run_process(probe, dir_.path()).exit_code != 0;
    }

    std::vector<std::string> prefix_;  // empty: run the indexer directly
};

TEST_P(UnreadableEntry, UpdateKeepsItsArticlesAndFailsNamingIt) {
    const auto built = index("build");
    ASSERT_EQ(built.exit_code, 0) << built.err;
    if (!make_unreadable())
        GTEST_SKIP() << "running as root without /usr/bin/setpriv: permissions cannot be denied";

    const auto result = index("update");
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    EXPECT_NE(result.err.find(GetParam().entry), std::string::npos) << GetParam().why << result.err;
    EXPECT_NE(result.err.find(GetParam().reason), std::string::npos)
        << GetParam().why << result.err;
    EXPECT_EQ(count_of(result.out, "deleted"), 0u) << GetParam().why << result.out;
    EXPECT_GE(count_of(result.out, "unreadable"), 1u) << GetParam().why << result.out;

    Xapian::Database db(index_.string());
    EXPECT_EQ(search_paths(db, "zanzibarian"), std::set<std::string>{"desk/a.txt"})
        << GetParam().why;
    EXPECT_EQ(article_count(db), seed_count() + 2) << GetParam().why;
}

TEST_P(UnreadableEntry, BuildFailsAndLeavesThePreviousIndexPublished) {
    const auto built = index("build");
    ASSERT_EQ(built.exit_code, 0) << built.err;
    if (!make_unreadable())
        GTEST_SKIP() << "running as root without /usr/bin/setpriv: permissions cannot be denied";

    const auto result = index("build");
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    EXPECT_NE(result.err.find(GetParam().entry), std::string::npos) << GetParam().why << result.err;
    EXPECT_NE(result.err.find("not published"), std::string::npos) << result.err;
    EXPECT_EQ(current_generation(index_), 1u) << GetParam().why;
    EXPECT_EQ(list_generations(index_), (std::vector<unsigned>{1})) << GetParam().why;
    Xapian::Database db(index_.string());
    EXPECT_EQ(search_paths(db, "zanzibarian"), std::set<std::string>{"desk/a.txt"});
}

INSTANTIATE_TEST_SUITE_P(Rows, UnreadableEntry, testing::ValuesIn(unreadable_entries()),
                         [](const testing::TestParamInfo<UnreadableCase>& row) {
                             return "Row" + std::to_string(row.index);
                         });

TEST_F(IndexerCli, SymlinksLeadingOutsideTheCorpusAreSkippedUnlessFollowed) {
    const fs::path outside = dir_ / "outside";
    write_file(outside / "secret.txt",
               "Secret Memo\n\nThe xyzzyplugh memo was never meant for the archive.\n");
    write_file(outside / "folder/also.txt",
               "Another Memo\n\nThe frobnitzian memo was never meant for it either.\n");
    write_file(corpus_ / "inside/real.txt",
               "Real Article\n\nThe quuxian talks ended in Vienna on Tuesday.\n");
    fs::create_symlink(outside / "secret.txt", corpus_ / "leak.txt");       // a file outside
    fs::create_directory_symlink(outside / "folder", corpus_ / "leakdir");  // a folder outside
    fs::create_symlink("inside/real.txt", corpus_ / "alias.txt");  // a file inside: followed
    fs::create_symlink("missing.txt", corpus_ / "dangling.txt");   // a link to nothing

    const auto result = build();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* name : {"leak.txt", "leakdir", "dangling.txt"})
        EXPECT_NE(result.err.find(name), std::string::npos) << name << " not warned about";
    EXPECT_EQ(count_of(result.out, "skipped"), 3u) << result.out;
    {
        Xapian::Database db(index_.string());
        EXPECT_TRUE(search_paths(db, "xyzzyplugh").empty());
        EXPECT_TRUE(search_paths(db, "frobnitzian").empty());
        EXPECT_EQ(search_paths(db, "quuxian"),
                  (std::set<std::string>{"alias.txt", "inside/real.txt"}));
    }

    const auto followed =
        run({"build", corpus_.string(), "--index", index_.string(), "--follow-symlinks"});
    ASSERT_EQ(followed.exit_code, 0) << followed.err;
    EXPECT_EQ(count_of(followed.out, "skipped"), 1u) << followed.out;  // the dangling link
    Xapian::Database db(index_.string());
    EXPECT_EQ(search_paths(db, "xyzzyplugh"), std::set<std::string>{"leak.txt"});
    EXPECT_EQ(search_paths(db, "frobnitzian"), std::set<std::string>{"leakdir/also.txt"});
}

TEST_F(IndexerCli, AnArticleWithTooManyQuotesKeepsTheFirstOnes) {
    std::string body;
    for (int i = 0; i < 2000; ++i)
        body += "\u201CWe vote on item " + std::to_string(i) + ",\u201D the minister said.\n\n";
    write_file(corpus_ / "quotes.txt", "Minister Lists The Votes\n\n" + body);
    const auto result = build();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("quotes.txt"), std::string::npos) << result.err;
    Xapian::Database db(index_.string());
    const std::string quotes_of = article_ref_term(make_article_id("quotes.txt"));
    EXPECT_EQ(db.get_termfreq(quotes_of), kMaxQuotesPerArticle);
}

TEST_F(IndexerCli, ABuildKilledMidwayLeavesThePreviousIndexServing) {
    ASSERT_EQ(build().exit_code, 0);
    // Enough files that indexing them (~1 ms each at best) takes far longer than the few
    // milliseconds between the generation directory appearing and the kill.
    constexpr int kBulk = 800;
    for (int i = 0; i < kBulk; ++i) {
        write_file(corpus_ / "bulk" / ("a" + std::to_string(i) + ".txt"),
                   "Bulk Article " + std::to_string(i) +
                       "\n\nDiplomats met again to discuss the ceasefire and aid convoys.\n");
    }
    const pid_t pid = testing_support::spawn_process(
        {kIndexer, "build", corpus_.string(), "--index", index_.string()}, dir_ / "kill.out",
        dir_ / "kill.err");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool started = false;
    while (std::chrono::steady_clock::now() < deadline) {
        if (fs::exists(index_ / generation_name(2))) {
            started = true;
            break;
        }
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) break;  // finished or died before we saw it
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ::kill(pid, SIGKILL);
    testing_support::wait_for(pid);
    ASSERT_TRUE(started) << "the build never created its generation directory";
    ASSERT_EQ(current_generation(index_), 1u) << "the killed build must not have published";

    Xapian::Database db(index_.string());
    EXPECT_NO_THROW(check_schema(db));
    EXPECT_EQ(article_count(db), seed_count());

    // The next build cleans the half-built leftover and publishes a complete generation.
    const auto result = build();
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(list_generations(index_), (std::vector<unsigned>{1, 3}));
    EXPECT_EQ(current_generation(index_), 3u);
    EXPECT_EQ(article_count(Xapian::Database(index_.string())), seed_count() + kBulk);
}

TEST_F(IndexerCli, AnIndexThatCannotBeWrittenFailsTheRun) {
    write_file(dir_ / "plain-file", "not a directory");
    const auto result =
        run({"build", corpus_.string(), "--index", (dir_ / "plain-file/index").string()});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("plain-file"), std::string::npos) << result.err;
}

TEST_F(IndexerCli, ExtractPrintsOneJsonLinePerArticleWithTheBuildsIds) {
    ASSERT_EQ(build().exit_code, 0);
    Xapian::Database db(index_.string());

    std::vector<std::string> args{"extract"};
    for (const auto& entry : fs::directory_iterator(kSourceDir / "corpus"))
        if (entry.path().extension() == ".txt")
            args.push_back("corpus/" + entry.path().filename().string());
    // From the repository root, so the default registry (./corpus) and ids match a build.
    const auto result = run(args, kSourceDir);
    ASSERT_EQ(result.exit_code, 0) << result.err;

    std::istringstream lines(result.out);
    std::string line;
    std::size_t count = 0;
    while (std::getline(lines, line)) {
        ++count;
        const auto article = nlohmann::json::parse(line);
        for (const char* key : {"file", "id", "title", "date", "outlet", "author", "url",
                                "speakers", "quotes", "words"})
            EXPECT_TRUE(article.contains(key)) << key << " missing in " << line;
        EXPECT_TRUE(article["date"].is_null() || article["date"].get<std::string>().size() == 10);
        EXPECT_TRUE(article["speakers"].is_array());
        EXPECT_GT(article["words"].get<int>(), 50);
        for (const auto& quote : article["quotes"]) {
            EXPECT_TRUE(quote.contains("speaker"));
            EXPECT_TRUE(quote["text"].is_string());
        }
        // The same article in the index: same id, and extract and build agree on its fields.
        const std::string id_term = term(Field::Id, article["id"].get<std::string>());
        ASSERT_TRUE(db.term_exists(id_term)) << "no indexed article with the id of " << line;
        const auto stored =
            nlohmann::json::parse(db.get_document(*db.postlist_begin(id_term)).get_data());
        for (const char* key : {"title", "date", "outlet", "author", "url", "speakers"})
            EXPECT_EQ(article[key], stored[key]) << key << " of " << article["file"];
    }
    EXPECT_EQ(count, seed_count());
    EXPECT_FALSE(fs::exists(kSourceDir / "corpus" / "XAPIANDB"));  // extract touches no index
}

}  // namespace
}  // namespace broadsheet
