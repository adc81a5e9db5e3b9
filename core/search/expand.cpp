// expand.cpp — the stopword list and the field-and-word test behind FieldWordDecider.
#include "core/search/expand.h"

#include <set>

namespace broadsheet {
namespace {

constexpr std::size_t kMinWordBytes = 3;

// Common English function words: they say nothing about what a text is about.
const std::set<std::string, std::less<>>& stopwords() {
    static const std::set<std::string, std::less<>> words = {
        "a",       "about",  "after",   "again",  "all",     "also",     "am",        "an",
        "and",     "any",    "are",     "as",     "at",      "be",       "been",      "before",
        "being",   "both",   "but",     "by",     "can",     "could",    "did",       "do",
        "does",    "doing",  "don",     "down",   "each",    "for",      "from",      "had",
        "has",     "have",   "having",  "he",     "her",     "here",     "hers",      "him",
        "his",     "how",    "i",       "if",     "in",      "into",     "is",        "it",
        "its",     "just",   "let",     "may",    "me",      "might",    "more",      "most",
        "much",    "must",   "my",      "no",     "nor",     "not",      "now",       "of",
        "off",     "on",     "once",    "one",    "only",    "or",       "other",     "our",
        "ours",    "out",    "over",    "own",    "said",    "same",     "say",       "she",
        "should",  "so",     "some",    "such",   "than",    "that",     "the",       "their",
        "theirs",  "them",   "then",    "there",  "these",   "they",     "this",      "those",
        "through", "to",     "too",     "under",  "until",   "up",       "us",        "very",
        "was",     "we",     "were",    "what",   "when",    "where",    "which",     "while",
        "who",     "whom",   "why",     "will",   "with",    "would",    "yes",       "you",
        "your",    "yours",  "going",   "want",   "think",   "there's",  "it's",      "we're",
        "i'm",     "don't",  "can't",   "that's", "they're", "we've",    "won't",     "wouldn't",
        "isn't",   "didn't", "doesn't", "aren't", "wasn't",  "couldn't", "shouldn't", "haven't",
        "hasn't",  "i've",   "i'd",     "you're", "he's",    "she's",    "let's",     "there're",
    };
    return words;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

bool is_telling_word(std::string_view word) {
    if (word.size() < kMinWordBytes) return false;
    // Numbers ("2017", "1,000", ".50") and words led by digits ("48-hour") name no topic.
    if (word.find_first_not_of("0123456789.,") == std::string_view::npos) return false;
    if (is_digit(word.front())) return false;
    return stopwords().find(word) == stopwords().end();
}

FieldWordDecider::FieldWordDecider(Field field) : field_(field) {}

bool FieldWordDecider::operator()(const std::string& index_term) const {
    if (field_of_term(index_term) != field_) return false;
    return is_telling_word(word_of_term(index_term));
}

std::string_view word_of_term(std::string_view index_term) {
    const std::optional<Field> field = field_of_term(index_term);
    if (!field) return index_term;
    return index_term.substr(prefix_of(*field).size());
}

}  // namespace broadsheet
