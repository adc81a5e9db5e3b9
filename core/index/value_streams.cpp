// value_streams.cpp — one value slot of many documents read as a stream.
#include "core/index/value_streams.h"

namespace broadsheet {

std::vector<std::string> stream_values(const Xapian::Database& db, Xapian::valueno slot,
                                       const std::vector<Xapian::docid>& documents) {
    std::vector<std::string> values(documents.size());
    auto it = db.valuestream_begin(slot);
    for (std::size_t i = 0; i < documents.size() && it != db.valuestream_end(slot); ++i) {
        it.skip_to(documents[i]);
        if (it == db.valuestream_end(slot)) break;
        if (it.get_docid() == documents[i]) values[i] = *it;
    }
    return values;
}

}  // namespace broadsheet
