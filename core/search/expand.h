// expand.h — which index terms may stand for what documents are about, for Xapian's expand set
// (relevance feedback): speaker profiles' characteristic terms and "more like this".
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/schema.h"

namespace broadsheet {

// Whether a word says something about a text: not a number, not a common English function word,
// not too short to mean anything.
bool is_telling_word(std::string_view word);

// Keeps the telling words (above) of one free-text field, recognised by the schema's field
// table (core/schema.h: field_of_term); drops every other field's terms and Xapian's stemmed
// forms, so an expand set lists words a reader recognises, each once.
class FieldWordDecider : public Xapian::ExpandDecider {
  public:
    explicit FieldWordDecider(Field field);
    bool operator()(const std::string& index_term) const override;

  private:
    Field field_;
};

// get_eset flags: on a database of several shards Xapian otherwise estimates each term's
// frequency from the shards holding the relevant documents, so weights (and the terms chosen)
// would differ from one database's; on one database it changes nothing.
inline constexpr int kExactOverShards = Xapian::Enquire::USE_EXACT_TERMFREQ;

// The word an index term of a free-text field stands for: the term without its field prefix.
std::string_view word_of_term(std::string_view index_term);

}  // namespace broadsheet
