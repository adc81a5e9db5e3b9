// index_parts.cpp — what an index is made of: its tables' bytes, and per document type and
// field the (term, document) pairs, positions, stored data and values that fill them.
//
// Usage: index_parts DB_DIR [CORPUS_DIR]. DB_DIR is one Xapian database directory (a published
// generation's compacted database); CORPUS_DIR, when given, is summed for the text bytes the
// index is compared with. Walks every document's term list, so it reads the whole index once.
// Never run as a test: it prints figures about whatever index it is given.
#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"

namespace {

namespace fs = std::filesystem;
using broadsheet::Field;

// What one (document type, field, form) row adds up.
struct Counts {
    std::uint64_t pairs = 0;      // (term, document) pairs: one termlist and one posting entry
    std::uint64_t positions = 0;  // positions of those pairs
    std::uint64_t wdf = 0;
};

std::string field_name(Field field) {
    switch (field) {
        case Field::Id:
            return "id Q";
        case Field::Type:
            return "type XTYPE:";
        case Field::Title:
            return "title S";
        case Field::Body:
            return "body (unprefixed)";
        case Field::Author:
            return "author A";
        case Field::Quote:
            return "quote XQ:";
        case Field::SpeakerText:
            return "speaker words XSPK:";
        case Field::OutletText:
            return "outlet words XOUT:";
        case Field::Speaker:
            return "speaker XSPEAKER:";
        case Field::Outlet:
            return "outlet XOUTLET:";
        case Field::AuthorExact:
            return "author XAUTHOR:";
        case Field::Year:
            return "year XYEAR:";
        case Field::ArticleRef:
            return "article ref XARTICLE:";
        case Field::QuoteGroup:
            return "group XGROUP:";
        case Field::Missing:
            return "missing XMISSING:";
    }
    return "?";
}

// "body (unprefixed)" for a word, "body (unprefixed) stems Z" for its stemmed form, and so on.
std::string row_name(const std::string& term) {
    if (std::optional<Field> field = broadsheet::field_of_term(term)) return field_name(*field);
    if (term.size() > 1 && term[0] == 'Z') {
        // Z + the field's prefix + stem; a lower-case letter after Z is an unprefixed stem.
        const std::string rest = term.substr(1);
        std::optional<Field> field = broadsheet::field_of_term(rest);
        if (field) return field_name(*field) + " stems Z";
    }
    return "other";
}

std::uint64_t tree_bytes(const fs::path& dir, const std::string& table) {
    std::uint64_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename() == table + ".glass")
            bytes += entry.file_size();
    return bytes;
}

std::uint64_t corpus_bytes(const fs::path& dir) {
    std::uint64_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) bytes += entry.file_size();
    return bytes;
}

void print_tables(const fs::path& dir, std::uint64_t text) {
    std::uint64_t total = 0;
    std::printf("table\tbytes\tshare\n");
    const std::vector<std::string> tables = {"postlist", "position", "termlist",
                                             "docdata",  "spelling", "synonym"};
    std::vector<std::uint64_t> sizes;
    for (const auto& table : tables) total += sizes.emplace_back(tree_bytes(dir, table));
    for (std::size_t i = 0; i < tables.size(); ++i)
        std::printf("%s\t%llu\t%.1f%%\n", tables[i].c_str(),
                    static_cast<unsigned long long>(sizes[i]),
                    total ? 100.0 * static_cast<double>(sizes[i]) / static_cast<double>(total) : 0);
    std::printf("total\t%llu\n", static_cast<unsigned long long>(total));
    if (text > 0)
        std::printf("corpus\t%llu\tindex/text %.2fx\n", static_cast<unsigned long long>(text),
                    static_cast<double>(total) / static_cast<double>(text));
}

// Per document type: documents, stored data bytes (before the docdata table's compression),
// value bytes, and each row's counts.
struct TypeTotals {
    std::uint64_t documents = 0;
    std::uint64_t data_bytes = 0;
    std::uint64_t value_count = 0;
    std::uint64_t value_bytes = 0;
    std::map<std::string, Counts> rows;
};

void walk(const Xapian::Database& db, std::map<std::string, TypeTotals>& types) {
    const std::string quote_type = broadsheet::term(Field::Type, broadsheet::kTypeQuote);
    std::vector<bool> is_quote(db.get_lastdocid() + 1, false);
    for (auto it = db.postlist_begin(quote_type); it != db.postlist_end(quote_type); ++it)
        is_quote[*it] = true;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        TypeTotals& totals = types[is_quote[*doc] ? "quote" : "article"];
        const Xapian::Document document = db.get_document(*doc);
        ++totals.documents;
        totals.data_bytes += document.get_data().size();
        for (auto v = document.values_begin(); v != document.values_end(); ++v) {
            ++totals.value_count;
            totals.value_bytes += (*v).size();
        }
        for (auto t = db.termlist_begin(*doc); t != db.termlist_end(*doc); ++t) {
            Counts& row = totals.rows[row_name(*t)];
            ++row.pairs;
            row.wdf += t.get_wdf();
            row.positions += t.positionlist_count();
        }
    }
}

void print_types(const std::map<std::string, TypeTotals>& types) {
    std::uint64_t all_pairs = 0;
    std::uint64_t all_positions = 0;
    for (const auto& [name, totals] : types)
        for (const auto& [row, counts] : totals.rows) {
            all_pairs += counts.pairs;
            all_positions += counts.positions;
        }
    for (const auto& [name, totals] : types) {
        std::printf("\n%s documents\t%llu\tdata bytes %llu\tvalues %llu (%llu bytes)\n",
                    name.c_str(), static_cast<unsigned long long>(totals.documents),
                    static_cast<unsigned long long>(totals.data_bytes),
                    static_cast<unsigned long long>(totals.value_count),
                    static_cast<unsigned long long>(totals.value_bytes));
        std::printf("row\tpairs\tpairs%%\tpositions\tpositions%%\n");
        for (const auto& [row, counts] : totals.rows)
            std::printf("%s\t%llu\t%.2f%%\t%llu\t%.2f%%\n", row.c_str(),
                        static_cast<unsigned long long>(counts.pairs),
                        100.0 * static_cast<double>(counts.pairs) / static_cast<double>(all_pairs),
                        static_cast<unsigned long long>(counts.positions),
                        all_positions ? 100.0 * static_cast<double>(counts.positions) /
                                            static_cast<double>(all_positions)
                                      : 0.0);
    }
    std::printf("\nall\t%llu pairs\t%llu positions\n", static_cast<unsigned long long>(all_pairs),
                static_cast<unsigned long long>(all_positions));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: %s DB_DIR [CORPUS_DIR]\n", argv[0]);
        return 2;
    }
    try {
        const fs::path dir = argv[1];
        print_tables(dir, argc == 3 ? corpus_bytes(argv[2]) : 0);
        const Xapian::Database db(dir.string());
        std::map<std::string, TypeTotals> types;
        walk(db, types);
        print_types(types);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "%s\n", e.get_description().c_str());
        return 1;
    } catch (const fs::filesystem_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
