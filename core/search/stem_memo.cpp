// stem_memo.cpp — a StemImplementation that asks the real stemmer once per word, remembering
// the stems in an open-addressing table whose words and stems sit in one text buffer.
#include "core/search/stem_memo.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"

namespace broadsheet {
namespace {

// Words remembered before the memory starts over: a few MB, more than an archive's vocabulary
// of ordinary words, so only a flood of rare tokens ever clears it.
constexpr std::size_t kMaxRememberedWords = 200'000;
// Slots of a new table; it doubles whenever it is half full.
constexpr std::size_t kFirstSlots = 4096;
// Words and stems longer than this are stemmed every time rather than remembered.
constexpr std::size_t kMaxRememberedBytes = 0xffff;

// At 100k articles a node-based std::unordered_map spent most of its lookups waiting for
// memory (bucket, node, then key: 11 % of an uncached search's CPU); here a lookup reads one
// 16-byte slot and then the word's bytes in `text_`.
class MemoStem : public Xapian::StemImplementation {
  public:
    MemoStem() : slots_(kFirstSlots) {}

    std::string operator()(const std::string& word) override {
        if (word.size() > kMaxRememberedBytes) return stemmer_(word);
        const std::uint64_t hash = std::hash<std::string_view>{}(word);
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = hash & mask;
        for (;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (!slot.used()) break;
            if (slot.hash == hash && slot.word_bytes == word.size() &&
                std::string_view(text_.data() + slot.offset, slot.word_bytes) == word)
                return text_.substr(slot.offset + slot.word_bytes, slot.stem_bytes);
        }
        std::string stem = stemmer_(word);
        if (stem.size() <= kMaxRememberedBytes) remember(word, stem, hash, at);
        return stem;
    }
    std::string get_description() const override {
        return "broadsheet::MemoStem(" + stemmer_.get_description() + ")";
    }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;      // of the word in text_, the stem right after it
        std::uint16_t word_bytes = 0;  // 0: a free slot (empty words are not remembered)
        std::uint16_t stem_bytes = 0;
        bool used() const { return word_bytes != 0; }
    };

    // Stores word and stem in the free slot `at` (found by the lookup), or starts over, or
    // grows the table first when the new entry would fill it past half.
    void remember(const std::string& word, const std::string& stem, std::uint64_t hash,
                  std::size_t at) {
        if (word.empty()) return;  // an empty word would look like a free slot
        if (count_ >= kMaxRememberedWords ||
            text_.size() + word.size() + stem.size() > std::numeric_limits<std::uint32_t>::max()) {
            slots_.assign(kFirstSlots, Slot{});
            text_.clear();
            count_ = 0;
            at = find_free(hash);
        } else if (2 * (count_ + 1) > slots_.size()) {
            grow();
            at = find_free(hash);
        }
        slots_[at] =
            Slot{hash, static_cast<std::uint32_t>(text_.size()),
                 static_cast<std::uint16_t>(word.size()), static_cast<std::uint16_t>(stem.size())};
        text_ += word;
        text_ += stem;
        ++count_;
    }

    std::size_t find_free(std::uint64_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = hash & mask;
        while (slots_[at].used()) at = (at + 1) & mask;
        return at;
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& slot : old)
            if (slot.used()) slots_[find_free(slot.hash)] = slot;
    }

    Xapian::Stem stemmer_ = make_stemmer();
    std::vector<Slot> slots_;  // a power of two of them
    std::string text_;
    std::size_t count_ = 0;
};

}  // namespace

Xapian::Stem make_memo_stemmer() {
    return Xapian::Stem(new MemoStem());
}

}  // namespace broadsheet
