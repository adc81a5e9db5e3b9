// ids_test.cpp — table tests for article ids: stable, URL-safe, readable, collision-free.
#include "core/extract/ids.h"

#include <gtest/gtest.h>

#include <set>

#include "core/extract/extract.h"

namespace broadsheet {
namespace {

bool url_safe(const std::string& id) {
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' || c == '-';
        if (!ok) return false;
    }
    return !id.empty();
}

struct IdCase {
    const char* path;
    std::size_t record;
    const char* expected;  // exact id, or "" when only the properties are checked
    const char* why;
};

const IdCase kCases[] = {
    {"000_56d393a90294d0fa.txt", 0, "000_56d393a90294d0fa.txt", "safe names are kept as is"},
    {"world/2016/kerry.txt", 0, "world~2016~kerry.txt", "folders become '~'"},
    {"feed.jsonl", 3, "feed.jsonl~~r3", "JSON Lines records get their line number"},
    {"Señor Ávila.txt", 0, "", "non-ASCII and spaces: slug plus hash"},
    {"a b/c?d.txt", 0, "", "reserved URL characters"},
    {"../escape.txt", 0, "", "dot segments are never kept verbatim"},
};

TEST(MakeArticleId, Table) {
    for (const auto& c : kCases) {
        const auto id = make_article_id(c.path, c.record);
        EXPECT_TRUE(url_safe(id)) << c.path << " → " << id << " — " << c.why;
        if (*c.expected) {
            EXPECT_EQ(id, c.expected) << c.why;
        }
        EXPECT_EQ(id, make_article_id(c.path, c.record)) << "stable: " << c.why;
    }
}

TEST(MakeArticleId, DistinctPathsGiveDistinctIds) {
    // Paths that a naive slug would merge must stay apart.
    const char* paths[] = {"a b.txt", "a-b.txt", "a_b.txt", "a/b.txt",
                           "a~b.txt", "a?b.txt", "a%b.txt", "A b.txt"};
    std::set<std::string> ids;
    for (auto p : paths) ids.insert(make_article_id(p));
    EXPECT_EQ(ids.size(), std::size(paths));
    EXPECT_NE(make_article_id("feed.jsonl", 1), make_article_id("feed.jsonl", 2));
}

}  // namespace
}  // namespace broadsheet
