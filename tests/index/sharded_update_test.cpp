// sharded_update_test.cpp — `update` of a generation of kept shards changes each article in the
// shard that holds it and leaves the index a single database would hold after the same update;
// on one database and on shards alike, it leaves the spelling data a fresh build would write.
#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.h"
#include "core/index/generations.h"
#include "core/index/index_writer.h"
#include "core/index/spelling_table.h"
#include "core/schema.h"
#include "tests/support/files.h"
#include "tests/support/index_image.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::document_image;
using testing_support::DocumentImage;
using testing_support::slurp;
using testing_support::spelling_image;
using testing_support::TempDir;
using testing_support::write_file;

const fs::path kTestCorpus = fs::path(BROADSHEET_SOURCE_DIR) / "tests" / "corpus";

// Every document keyed by its unique id term (the docids of shards interleave).
struct IndexImage {
    std::map<std::string, DocumentImage> documents;
    Xapian::termcount total_length = 0;
    bool operator==(const IndexImage&) const = default;
};

IndexImage read_image(const fs::path& index_dir) {
    const Xapian::Database db(index_dir.string());
    IndexImage image;
    image.total_length = db.get_total_length();
    const std::string id_prefix(prefix_of(Field::Id));
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        auto id = doc.termlist_begin();
        id.skip_to(id_prefix);
        image.documents[*id] = document_image(doc, kSlotSourceStamp);
    }
    return image;
}

// Every shard of the generation holds some of the articles: new ones are spread, not piled on one.
std::vector<Xapian::doccount> shard_sizes(const fs::path& index_dir) {
    const auto generation = index_dir / generation_name(*current_generation(index_dir));
    std::vector<Xapian::doccount> sizes;
    for (int k = 0; fs::exists(generation / ("shard-" + std::to_string(k))); ++k)
        sizes.push_back(Xapian::Database((generation / ("shard-" + std::to_string(k))).string())
                            .get_doccount());
    return sizes;
}

struct UpdateCase {
    const char* name;
    std::function<void(const fs::path& corpus)> change;
    std::size_t added, updated, deleted;  // articles, as the one-database update reports them
};

const std::vector<UpdateCase>& update_cases() {
    static const std::vector<UpdateCase> cases = {
        // An edited article is replaced where it lies, its quotes and groups with it.
        {"edited",
         [](const fs::path& corpus) {
             const auto path = corpus / "html_bbc_jsonld_graph.html";
             auto text = slurp(path);
             text.replace(text.find("<p>"), 3, "<p>Zanzibarian offshoots were mentioned. ");
             write_file(path, text);
         },
         0, 1, 0},
        // A removed file takes its article and quote documents out of whichever shard held them.
        {"removed", [](const fs::path& corpus) { fs::remove(corpus / "crlf_waiting_lists.txt"); },
         0, 0, 1},
        // New files become new documents, spread over the shards by Xapian's docid routing.
        {"added",
         [](const fs::path& corpus) {
             for (int i = 0; i < 5; ++i)
                 write_file(corpus / ("new-" + std::to_string(i) + ".md"),
                            "# Harbour dredging plan number " + std::to_string(i) +
                                "\n\nThe council approved the plan on Monday. \"We will start "
                                "in spring,\" said Maria Lopez, the harbour master.\n");
         },
         5, 0, 0},
        // Nothing changed: nothing is rewritten, and the image stays the build's.
        {"unchanged", [](const fs::path&) {}, 0, 0, 0},
    };
    return cases;
}

class ShardedUpdate : public testing::TestWithParam<UpdateCase> {
  protected:
    static IndexReport build_and_update(const fs::path& root, std::size_t jobs, ShardLayout layout,
                                        const UpdateCase& row) {
        const fs::path corpus = root / "corpus";
        fs::copy(kTestCorpus, corpus, fs::copy_options::recursive);
        IndexOptions options;
        options.corpus_dir = corpus;
        options.index_dir = root / "index";
        options.registry = &registry_;
        options.jobs = jobs;
        options.layout = layout;
        build_index(options);
        row.change(corpus);
        return update_index(options);
    }

    static inline Registry registry_;
};

TEST_P(ShardedUpdate, KeptShardsEndAsOneDatabaseWould) {
    const UpdateCase& row = GetParam();
    TempDir one, three;
    const IndexReport single = build_and_update(one.path(), 1, ShardLayout::Merged, row);
    const IndexReport sharded = build_and_update(three.path(), 3, ShardLayout::Kept, row);
    EXPECT_EQ(single.added, row.added);
    EXPECT_EQ(single.updated, row.updated);
    EXPECT_EQ(single.deleted, row.deleted);
    EXPECT_EQ(sharded.added, single.added);
    EXPECT_EQ(sharded.updated, single.updated);
    EXPECT_EQ(sharded.deleted, single.deleted);
    EXPECT_EQ(sharded.unchanged, single.unchanged);
    EXPECT_TRUE(is_sharded_generation(sharded.generation)) << "update keeps the shards";
    const IndexImage expected = read_image(one / "index");
    const IndexImage got = read_image(three / "index");
    EXPECT_EQ(got.total_length, expected.total_length);
    ASSERT_EQ(got.documents.size(), expected.documents.size());
    for (const auto& [id, document] : expected.documents) {
        const auto found = got.documents.find(id);
        ASSERT_NE(found, got.documents.end()) << id;
        EXPECT_EQ(found->second, document) << id;
    }
    for (Xapian::doccount size : shard_sizes(three / "index")) EXPECT_GT(size, 0u);
    // The generation's spelling database follows the update: the single database's table.
    const auto spelling = open_spelling(sharded.generation);
    ASSERT_TRUE(spelling);
    EXPECT_EQ(spelling_image(*spelling),
              spelling_image(Xapian::Database((one / "index").string())));
}

// Shards served by xapian-tcpsrv elsewhere are updated where they are served: the indexer says
// so and changes nothing here, rather than failing inside Xapian's remote backend.
TEST(ShardedUpdateRefusal, AManifestNamingARemoteShardIsRefusedWithAClearError) {
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    fs::copy(kTestCorpus, corpus, fs::copy_options::recursive);
    Registry registry;
    IndexOptions options;
    options.corpus_dir = corpus;
    options.index_dir = dir / "index";
    options.registry = &registry;
    options.jobs = 2;
    options.layout = ShardLayout::Kept;
    const IndexReport built = build_index(options);
    write_file(built.generation / std::string(kStubFileName), "auto shard-0\nremote 127.0.0.1:1\n");
    try {
        update_index(options);
        FAIL() << "an update must not try to change a remote shard";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_NE(std::string(e.what()).find("served by other machines"), std::string::npos)
            << e.what();
    }
}

std::string case_name(const testing::TestParamInfo<UpdateCase>& param) {
    return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Changes, ShardedUpdate, testing::ValuesIn(update_cases()), case_name);

// A file of the test corpus whose words are the spelling cases' own: no other file has them.
const char* const kSpellingFile = "spelling-words.md";

std::string spelling_article(const std::string& body) {
    return "# Quarry licence hearing\n\n" + body + "\n";
}

struct SpellingCase {
    const char* name;
    std::string before;  // kSpellingFile before the build; empty: none
    std::string after;   // kSpellingFile before the update; empty: removed or never written
    const char* gone;    // a word the update must take out of the spelling table; "" for none
};

const std::vector<SpellingCase>& spelling_cases() {
    static const std::vector<SpellingCase> cases = {
        // A word the edited file no longer has leaves the table, not just the document.
        {"word_removed",
         spelling_article("The zorbified quarrymen spoke about the zorbified gravel."),
         spelling_article("The quarrymen spoke about the gravel, at length."), "zorbified"},
        // A word used fewer times keeps its entry with a lower frequency, never a higher one.
        {"word_count_decreased",
         spelling_article("Vellumist vellumist vellumist traders met the vellumist guild."),
         spelling_article("Vellumist traders met the guild of printers."), ""},
        // A removed file takes every word only it had out of the table.
        {"file_removed", spelling_article("Glimmerstone sellers closed the market."), "",
         "glimmerstone"},
        // A new file's words are added once, as a build adds them.
        {"file_added", "", spelling_article("Brambleton ferrymen struck on Tuesday."), ""},
    };
    return cases;
}

struct LayoutCase {
    const char* name;
    std::size_t jobs;
    ShardLayout layout;
};

const std::vector<LayoutCase>& layout_cases() {
    static const std::vector<LayoutCase> cases = {
        // One database: Xapian's own add_spelling and remove_spelling apply.
        {"single", 1, ShardLayout::Merged},
        // Kept shards: kSpellingFile sorts late, so its words lie on the last shard, not on the
        // first one, where Xapian's combined WritableDatabase would change spelling data.
        {"sharded", 3, ShardLayout::Kept},
    };
    return cases;
}

class SpellingAfterUpdate : public testing::TestWithParam<std::tuple<SpellingCase, LayoutCase>> {
  protected:
    IndexOptions options_for(const fs::path& corpus, const fs::path& index) const {
        IndexOptions options;
        options.corpus_dir = corpus;
        options.index_dir = index;
        options.registry = &registry_;
        options.jobs = std::get<1>(GetParam()).jobs;
        options.layout = std::get<1>(GetParam()).layout;
        return options;
    }

    static void write_or_remove(const fs::path& corpus, const std::string& text) {
        if (text.empty())
            fs::remove(corpus / kSpellingFile);
        else
            write_file(corpus / kSpellingFile, text);
    }

    Registry registry_;
};

TEST_P(SpellingAfterUpdate, EqualsAFreshBuildOfTheSameFiles) {
    const auto& [row, layout] = GetParam();
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    fs::copy(kTestCorpus, corpus, fs::copy_options::recursive);
    write_or_remove(corpus, row.before);
    build_index(options_for(corpus, dir / "updated"));
    write_or_remove(corpus, row.after);
    const IndexReport updated = update_index(options_for(corpus, dir / "updated"));
    const IndexReport fresh = build_index(options_for(corpus, dir / "fresh"));

    const auto expected = spelling_image(Xapian::Database((dir / "fresh").string()));
    const auto got = spelling_image(Xapian::Database((dir / "updated").string()));
    EXPECT_EQ(got, expected);
    if (*row.gone != '\0') {
        const std::string entry_start = std::string(row.gone) + "#";
        for (const std::string& entry : got) EXPECT_NE(entry.rfind(entry_start, 0), 0u) << entry;
    }
    if (layout.layout == ShardLayout::Kept) {
        // What suggestions on shards come from follows the shards' tables.
        const auto spelling = open_spelling(updated.generation);
        ASSERT_TRUE(spelling);
        EXPECT_EQ(spelling_image(*spelling), spelling_image(*open_spelling(fresh.generation)));
        EXPECT_EQ(spelling_image(*spelling), expected);
    }
}

std::string spelling_case_name(
    const testing::TestParamInfo<std::tuple<SpellingCase, LayoutCase>>& param) {
    return std::string(std::get<0>(param.param).name) + "_" + std::get<1>(param.param).name;
}

INSTANTIATE_TEST_SUITE_P(Changes, SpellingAfterUpdate,
                         testing::Combine(testing::ValuesIn(spelling_cases()),
                                          testing::ValuesIn(layout_cases())),
                         spelling_case_name);

}  // namespace
}  // namespace broadsheet
