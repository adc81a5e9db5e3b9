// byline.cpp — byline recognition and author-name cleaning.
#include "core/extract/byline.h"

#include <array>
#include <vector>

#include "core/extract/dates.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

constexpr std::string_view kParticles[] = {"de",  "van", "von", "der", "den", "al",
                                           "bin", "da",  "di",  "la",  "du"};

// Words that make a comma-separated byline piece a job title, not a person.
constexpr std::string_view kRoleWords[] = {
    "writer",       "correspondent", "editor",   "reporter", "staff",      "contributor",
    "columnist",    "bureau",        "chief",    "senior",   "fellow",     "analyst",
    "professor",    "director",      "producer", "intern",   "journalist", "special",
    "contributing", "associate",     "news",     "press",    "agency",     "service"};

constexpr std::string_view kNotNames[] = {"The", "A",   "An",       "This", "That",
                                          "Our", "Its", "Contrast", "Then"};

std::string title_case_if_shouting(std::string_view s) {
    bool has_lower = false, has_upper = false;
    for (char c : s) {
        has_lower |= text::is_ascii_lower(c);
        has_upper |= text::is_ascii_upper(c);
    }
    if (has_lower || !has_upper) return std::string(s);
    std::string out(s);
    std::size_t letters_in_word = 0;
    bool word_start = true;
    for (char& c : out) {
        if (text::is_ascii_alpha(c)) {
            if (!word_start && text::is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
            word_start = false;
            ++letters_in_word;
        } else {
            // "O'MALLEY" → "O'Malley", "D'ARCY" → "D'Arcy": a one-letter prefix keeps the capital.
            word_start = c == ' ' || c == '-' || (c == '\'' && letters_in_word == 1);
            if (c == ' ' || c == '-') letters_in_word = 0;
        }
    }
    return out;
}

// "KEVIN O'MALLEY Associated Press": the upper-case words are the name, the rest an affiliation.
std::string shouted_prefix(std::string_view s) {
    const auto words = text::split_trimmed(s, ' ');
    std::size_t caps = 0;
    for (const auto& w : words) {
        bool upper = false, lower = false;
        for (char c : w) {
            upper |= text::is_ascii_upper(c);
            lower |= text::is_ascii_lower(c);
        }
        if (!upper || lower) break;
        ++caps;
    }
    if (caps < 2 || caps == words.size()) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < caps; ++i) out += (i ? " " : "") + words[i];
    return out;
}

std::string_view strip_byline_prefix(std::string_view s) {
    s = text::trim(s);
    for (auto prefix : {"written by", "words by", "story by", "reporting by", "writing by",
                        "posted by", "published by", "authors:", "author:", "by:", "by "}) {
        if (text::starts_with_ci(s, prefix))
            return text::trim(s.substr(std::string_view(prefix).size()));
    }
    return s;
}

bool is_role(std::string_view piece) {
    for (const auto& word : text::split_trimmed(piece, ' ')) {
        const auto w = text::to_lower(word);
        for (auto role : kRoleWords)
            if (w == role) return true;
    }
    // "in Moscow", "for The Times": a preposition-led phrase describes, it does not name.
    const auto first = text::to_lower(piece.substr(0, piece.find(' ')));
    return first == "in" || first == "for" || first == "at" || first == "from";
}

}  // namespace

bool looks_like_name(std::string_view s) {
    const auto words = text::split_trimmed(s, ' ');
    if (words.size() < 2 || words.size() > 6) return false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        for (char c : w)
            if (text::is_ascii_digit(c) || c == '@' || c == ':' || c == '|') return false;
        bool particle = false;
        for (auto p : kParticles)
            if (text::to_lower(w) == p) particle = true;
        if (particle && i > 0 && i + 1 < words.size()) continue;
        const unsigned char first = static_cast<unsigned char>(w.front());
        if (!(text::is_ascii_upper(w.front()) || first >= 0x80)) return false;
        for (auto bad : kNotNames)
            if (w == bad) return false;
    }
    return true;
}

bool looks_like_role_line(std::string_view line) {
    line = text::trim(line);
    if (line.empty() || text::count_words(line) > 8) return false;
    for (const auto& word : text::split_trimmed(line, ' '))
        if (word.size() > 1 && word.front() == '@') return true;
    return is_role(line);
}

std::string name_before_role(std::string_view line) {
    const auto words = text::split_trimmed(text::trim(line), ' ');
    if (words.size() < 3 || words.size() > 8) return {};
    const auto last = text::to_lower(words.back());
    bool role_word = false;
    for (auto role : kRoleWords) role_word |= last == role;
    if (!role_word) return {};
    // Job titles are one word ("correspondent") or a field plus one ("Environment
    // correspondent"); two-word titles are the common case, so they are tried first.
    for (std::size_t r : {2u, 1u, 3u}) {
        if (r + 2 > words.size()) continue;
        std::string name;
        for (std::size_t i = 0; i + r < words.size(); ++i) name += (i ? " " : "") + words[i];
        if (text::count_words(name) <= 4 && looks_like_name(name) && !is_role(name)) return name;
    }
    return {};
}

std::string author_from_bio(std::string_view line) {
    line = text::trim(line);
    if (text::count_words(line) > 45) return {};
    for (std::string_view verb : {" is a ", " is an ", " is the ", " writes ", " is senior "}) {
        const auto pos = line.find(verb);
        if (pos == std::string_view::npos || pos > 60) continue;
        const auto name = std::string(line.substr(0, pos));
        if (!looks_like_name(name)) return {};
        if (verb == " writes ") return name;  // "Jane Doe writes about ..." is a bio by itself
        static constexpr std::string_view kBioWords[] = {
            "writer",     "author",        "columnist",   "fellow",     "professor", "editor",
            "journalist", "correspondent", "contributor", "researcher", "analyst",   "reporter"};
        const auto rest = text::to_lower(line.substr(pos));
        for (auto w : kBioWords)
            if (rest.find(w) != std::string::npos) return name;
        return {};
    }
    return {};
}

std::string clean_author(std::string_view raw) {
    std::string_view trimmed = text::trim(raw);
    // "(Reporting by Jane Doe; Editing by John Roe)": the credit without its brackets.
    if (trimmed.starts_with("(") && trimmed.ends_with(")"))
        trimmed = trimmed.substr(1, trimmed.size() - 2);
    std::string s(strip_byline_prefix(text::clean_inline(trimmed)));
    // Cut at separators that end the name part: "Jane Doe | Reuters", "Jane Doe - Nov 3",
    // "Jane Doe; Editing by ...".
    for (auto sep : {"|", " — ", " – ", " - ", "•", " / ", "(", "\t", ";"}) {
        const auto pos = s.find(sep);
        if (pos != std::string::npos) s.resize(pos);
    }
    // "Zhang Wei in Shenzhen", "Owen Barker at Anfield": the place is not part of the name.
    for (auto sep : {" in ", " at ", " from ", " for ", " on ", " is ", " was "}) {
        const auto pos = s.find(sep);
        if (pos != std::string::npos && text::count_words(s.substr(0, pos)) >= 2) s.resize(pos);
    }
    s = shouted_prefix(s);
    if (const auto dates = find_dates(s); !dates.empty()) s.resize(dates.front().begin);
    std::vector<std::string> people;
    for (const auto& piece : text::split_trimmed(s, ',')) {
        // "Jane Doe and John Roe", "Jane Doe & John Roe".
        std::string rest = piece;
        std::vector<std::string> names;
        while (true) {
            std::size_t cut = text::find_ci(rest, " and ");
            std::size_t len = 5;
            if (const auto amp = rest.find(" & "); amp != std::string::npos && amp < cut) {
                cut = amp;
                len = 3;
            }
            if (cut == std::string::npos) break;
            names.emplace_back(text::trim(std::string_view(rest).substr(0, cut)));
            rest = std::string(text::trim(std::string_view(rest).substr(cut + len)));
        }
        names.push_back(rest);
        for (auto& name : names) {
            if (name.starts_with("and ")) name.erase(0, 4);
            name = title_case_if_shouting(text::trim(name));
            // A trailing full stop ends the sentence unless it closes "Jr." or an initial.
            while (!name.empty() && (name.back() == ';' || name.back() == '.')) {
                const auto last_space = name.rfind(' ');
                const auto last_word =
                    last_space == std::string::npos ? name : name.substr(last_space + 1);
                if (name.back() == '.' && last_word.size() <= 3) break;
                name.pop_back();
            }
            if (is_role(name) || !looks_like_name(name)) continue;
            people.push_back(name);
        }
    }
    std::string out;
    for (const auto& p : people) {
        if (!out.empty()) out += ", ";
        out += p;
    }
    return out;
}

std::optional<Byline> parse_byline(std::string_view line) {
    auto trimmed = text::trim(line);
    if (trimmed.starts_with("(") && trimmed.ends_with(")"))
        trimmed = text::trim(trimmed.substr(1, trimmed.size() - 2));
    const auto rest = strip_byline_prefix(trimmed);
    if (rest.size() == trimmed.size() || rest.empty()) return std::nullopt;
    if (text::count_words(rest) > 20) return std::nullopt;
    Byline byline;
    byline.author = clean_author(rest);
    for (const auto& d : find_dates(rest))
        if (auto date = d.date()) {
            byline.date = date;
            break;
        }
    // "By contrast, the ministry ..." is a sentence: neither a name nor a date follows "By".
    if (byline.author.empty() && !byline.date) return std::nullopt;
    return byline;
}

}  // namespace broadsheet
