// stem_memo.cpp — a StemImplementation that asks the real stemmer once per word.
#include "core/search/stem_memo.h"

#include <string>
#include <unordered_map>

#include "core/schema.h"

namespace broadsheet {
namespace {

// Words remembered before the memory starts over: a few MB, more than an archive's vocabulary
// of ordinary words, so only a flood of rare tokens ever clears it.
constexpr std::size_t kMaxRememberedWords = 200'000;

class MemoStem : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override {
        if (auto it = stems_.find(word); it != stems_.end()) return it->second;
        if (stems_.size() >= kMaxRememberedWords) stems_.clear();
        std::string stem = stemmer_(word);
        stems_.emplace(word, stem);
        return stem;
    }
    std::string get_description() const override {
        return "broadsheet::MemoStem(" + stemmer_.get_description() + ")";
    }

  private:
    Xapian::Stem stemmer_ = make_stemmer();
    std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem make_memo_stemmer() {
    return Xapian::Stem(new MemoStem());
}

}  // namespace broadsheet
