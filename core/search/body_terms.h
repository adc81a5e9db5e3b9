// body_terms.h — whether an article's body holds any word a snippet could mark, read from the
// document's term frequencies: a hit that matched on its title alone then skips Xapian's snippet
// generator, which would read the whole body to mark nothing (a rare word's search spent most of
// its time there, docs/design.md).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace broadsheet {

// The words of a query that MSet::snippet can mark in a body, as index terms.
class BodyTerms {
  public:
    // The terms of `text` (the parsed q, before filters) a body word can equal: unprefixed words
    // as typed and stems ("Z" + stem). nullopt when the body cannot be judged from term
    // frequencies: a wildcard (its expansions are no terms of the query), a stem that does not
    // start with a letter a–z (the indexer leaves some words unstemmed, the snippet stems every
    // word), or XAPIAN_CJK_NGRAM set (CJK text then splits differently).
    static std::optional<BodyTerms> make(const Xapian::Query& text);

    // Whether the body of article document `doc` holds one of the terms. The indexer writes a
    // title's words both with the title prefix and unprefixed (TermGenerator, at the title's
    // wdf increment each time) and the body's unprefixed, so a term's within-document frequency
    // minus its title form's is its body's; the snippet generator splits and stems the body as
    // the indexer did. False means the snippet would mark nothing.
    bool in_body(const Xapian::Document& doc) const;

  private:
    // Each term the body can hold with the title's form of it, both kept in `sorted_`.
    struct Pair {
        std::size_t term;   // index into sorted_
        std::size_t title;  // index into sorted_
    };
    std::vector<std::string> sorted_;
    std::vector<Pair> pairs_;
};

}  // namespace broadsheet
