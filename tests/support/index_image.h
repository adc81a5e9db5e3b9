// index_image.h — what a search can see of an index's documents, for tests that compare two
// indexes built different ways (one job or several, merged or kept shards).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace broadsheet::testing_support {

// One document: its terms with their position counts, its values and its data.
struct DocumentImage {
    std::vector<std::string> terms;
    std::map<Xapian::valueno, std::string> values;
    std::string data;
    bool operator==(const DocumentImage&) const = default;
};

// `doc` as a DocumentImage, without the value in `ignored_slot` (one that legitimately differs
// between the two indexes compared, e.g. file stamps); Xapian::BAD_VALUENO ignores none.
inline DocumentImage document_image(const Xapian::Document& doc,
                                    Xapian::valueno ignored_slot = Xapian::BAD_VALUENO) {
    DocumentImage image;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        image.terms.push_back(*t + "#" + std::to_string(t.positionlist_count()));
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (v.get_valueno() != ignored_slot) image.values[v.get_valueno()] = *v;
    image.data = doc.get_data();
    return image;
}

// Every spelling entry of `db` as "word#frequency", in word order (several shards' entries
// combined as Xapian combines them).
inline std::vector<std::string> spelling_image(const Xapian::Database& db) {
    std::vector<std::string> entries;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s)
        entries.push_back(*s + "#" + std::to_string(s.get_termfreq()));
    return entries;
}

// Every document of the index at `index_dir` (a Broadsheet index directory or one database) by
// its first term at or after "Q" (its unique id term), without the value in `ignored_slot`: two
// indexes of the same articles compared whatever their docids.
inline std::map<std::string, DocumentImage> documents_by_id(
    const std::filesystem::path& index_dir, Xapian::valueno ignored_slot = Xapian::BAD_VALUENO) {
    const Xapian::Database db(index_dir.string());
    std::map<std::string, DocumentImage> documents;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        auto id = doc.termlist_begin();
        id.skip_to("Q");
        documents[id != doc.termlist_end() ? *id : std::string()] =
            document_image(doc, ignored_slot);
    }
    return documents;
}

}  // namespace broadsheet::testing_support
