// outlet_words.cpp — open-world outlet evidence: hosts that can name a publisher, a domain read
// as the words a page prints, and self-references ("X is The Fixture's rugby correspondent").
#include <array>

#include "core/extract/outlet.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

// A word of running text without the punctuation around it: "(Gazette)," → "Gazette";
// "Fixture's" → "Fixture" (the possessive is reported through `possessive`).
std::string_view bare_word(std::string_view w, bool* possessive = nullptr) {
    auto strip_front = [&] {
        while (!w.empty() && std::string_view("([{\"'*_").find(w.front()) != std::string_view::npos)
            w.remove_prefix(1);
    };
    strip_front();
    bool owner = false;
    while (!w.empty()) {
        if (w.ends_with("'s") || w.ends_with("\u2019s")) {
            w.remove_suffix(w.ends_with("'s") ? 2 : 4);
            owner = true;
        } else if (std::string_view(")]}\"'*_,.;:!?").find(w.back()) != std::string_view::npos) {
            w.remove_suffix(1);
        } else {
            break;
        }
    }
    if (possessive != nullptr) *possessive = owner;
    return w;
}

char lower(char c) {
    return text::is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

bool capitalised(std::string_view word) {
    return !word.empty() && (text::is_ascii_upper(word.front()) ||
                             text::is_ascii_digit(word.front()) || word == "&");
}

// The letters and digits of a word, lower-cased: "Mid-Valley" → "midvalley".
std::string letters_of(std::string_view word) {
    std::string out;
    for (char c : word)
        if (text::is_ascii_alpha(c) || text::is_ascii_digit(c)) out += lower(c);
    return out;
}

// "EASTVALE GAZETTE" → "Eastvale Gazette"; a short acronym ("BBC") stays as printed.
std::string as_printed_name(const std::vector<std::string_view>& words) {
    std::string out;
    bool shouting = true;
    for (auto w : words)
        for (char c : w) shouting &= !text::is_ascii_lower(c);
    for (auto w : words) {
        if (!out.empty()) out += ' ';
        std::string word(w);
        if (shouting && (words.size() > 1 || word.size() > 4))
            for (std::size_t i = 1; i < word.size(); ++i) word[i] = lower(word[i]);
        out += word;
    }
    return out;
}

// The label of a host that spells the publisher's name: the one before the public suffix.
// "www.eastvalegazette.co.uk" → "eastvalegazette"; "news.eastvale.example" → "eastvale" (a
// subdomain such as "news" or "blog" names a section, not the publisher).
std::string name_label(std::string_view host) {
    auto labels = text::split_trimmed(host, '.');
    if (labels.size() < 2) return {};
    labels.pop_back();  // the top-level domain
    static constexpr std::string_view kSecondLevel[] = {"co", "com", "org", "net",
                                                        "ac", "gov", "edu"};
    for (auto generic : kSecondLevel)
        if (labels.size() >= 2 && labels.back() == generic) {
            labels.pop_back();
            break;
        }
    auto label = letters_of(labels.back());
    return label.size() >= 3 ? label : std::string{};
}

// The run of capitalised words in `line` whose letters spell `label`, with a "The" before it.
std::string spelled_run(std::string_view line, std::string_view label) {
    const auto raw = text::split_trimmed(line, ' ');
    std::vector<std::string_view> words;
    for (const auto& w : raw) words.push_back(bare_word(w));
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!capitalised(words[i])) continue;
        std::string spelled;
        for (std::size_t j = i; j < words.size() && capitalised(words[j]); ++j) {
            spelled += letters_of(words[j]);
            if (!label.starts_with(spelled)) break;
            if (spelled.size() < label.size()) continue;
            const std::size_t from = i > 0 && words[i - 1] == "The" ? i - 1 : i;
            return as_printed_name({words.begin() + from, words.begin() + j + 1});
        }
    }
    return {};
}

constexpr std::array<std::string_view, 12> kStaffRoles = {
    "correspondent", "reporter", "editor",       "writer",  "columnist",  "critic",
    "contributor",   "producer", "photographer", "analyst", "journalist", "commentator"};

bool is_staff_role(std::string_view word) {
    const auto w = text::to_lower(bare_word(word));
    for (auto role : kStaffRoles)
        if (w == role || w == std::string(role) + "s") return true;
    return false;
}

}  // namespace

bool is_public_host(std::string_view host) {
    if (host.empty() || host.find('.') == std::string_view::npos) return false;  // "localhost"
    if (host.ends_with(".localhost") || host.ends_with(".local")) return false;
    bool numeric = true;
    for (char c : host) numeric &= text::is_ascii_digit(c) || c == '.';
    return !numeric;  // "127.0.0.1"
}

std::string domain_words_outlet(std::string_view host, const std::vector<std::string>& lines) {
    const auto label = name_label(host);
    if (label.empty()) return {};
    for (const auto& line : lines)
        if (auto name = spelled_run(line, label); !name.empty()) return name;
    return {};
}

std::string self_reference_outlet(std::string_view raw) {
    const auto line = text::trim(raw);
    if (text::count_words(line) > 30) return {};
    const auto is = line.find(" is ");
    if (is == std::string_view::npos) return {};
    // The subject is a person's name: one to four capitalised words opening the line.
    const auto subject = text::split_trimmed(line.substr(0, is), ' ');
    if (subject.empty() || subject.size() > 4) return {};
    for (const auto& w : subject)
        if (!capitalised(bare_word(w))) return {};
    const auto rest = text::split_trimmed(line.substr(is + 4), ' ');
    // "The Fixture's rugby correspondent", "the Eastvale Gazette's chief reporter".
    std::vector<std::string_view> owner;
    std::size_t i = 0;
    for (; i < rest.size() && owner.size() < 6; ++i) {
        bool possessive = false;
        const auto w = bare_word(rest[i], &possessive);
        if (!capitalised(w) && !(i == 0 && w == "the")) return {};
        owner.push_back(w);
        if (possessive) break;
    }
    if (i >= rest.size() || owner.empty() || (owner.size() == 1 && owner[0] == "the")) return {};
    for (std::size_t k = i + 1; k < rest.size() && k <= i + 4; ++k)
        if (is_staff_role(rest[k])) {
            std::string name = as_printed_name(owner);
            if (name.starts_with("the ")) name[0] = 'T';
            return name;
        }
    return {};
}

}  // namespace broadsheet
