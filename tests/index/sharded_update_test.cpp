// sharded_update_test.cpp — `update` of a generation of kept shards changes each article in the
// shard that holds it and leaves the index a single database would hold after the same update.
#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <map>
#include <string>
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

}  // namespace
}  // namespace broadsheet
