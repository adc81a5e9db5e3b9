// stem_memo.h — the kStemLanguage stemmer with a memory of the words it has stemmed: snippets
// stem every word of each hit's body, the same words come back hit after hit and request after
// request, and stemming was a quarter of a rare word's search (docs/design.md).
#pragma once

#include <xapian.h>

namespace broadsheet {

// A stemmer giving exactly make_stemmer()'s stems, each word stemmed once and then looked up
// (up to a bounded number of words). Not thread-safe, like every Xapian object: one per worker.
Xapian::Stem make_memo_stemmer();

}  // namespace broadsheet
