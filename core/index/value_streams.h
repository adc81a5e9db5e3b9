// value_streams.h — reading one value slot of many documents at once, as Xapian stores it.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace broadsheet {

// The values of `slot` for `documents` (ascending docids), "" where a document has none. Read as
// one value stream: asking each document in turn would decompress every document's term list.
std::vector<std::string> stream_values(const Xapian::Database& db, Xapian::valueno slot,
                                       const std::vector<Xapian::docid>& documents);

}  // namespace broadsheet
