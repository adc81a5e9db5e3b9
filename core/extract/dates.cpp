// dates.cpp — a small token scanner for date expressions in English, German, French, Spanish,
// Italian, Portuguese and Dutch (no std::regex).
#include "core/extract/dates.h"

#include <array>
#include <string>

#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

struct Token {
    enum class Kind { Word, Number, Punct } kind;
    std::string_view text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool space_before = false;
};

// Lowercase for ASCII and the Latin-1 capitals ("MÄRZ" → "märz", "Février" → "février").
std::string fold_case(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        char32_t cp = text::next_code_point(word, i);
        if (cp < 0x80 && text::is_ascii_upper(static_cast<char>(cp))) cp += 0x20;
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;
        text::append_utf8(out, cp);
    }
    return out;
}

// Letters of the Latin-1 supplement and Latin Extended-A (ä, é, ç, ő ...), not × and ÷.
bool is_latin_letter(char32_t cp) {
    return cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7;
}

// The end of the word that continues at byte `i`: ASCII and Latin letters.
std::size_t word_end(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        if (text::is_ascii_alpha(s[i])) {
            ++i;
            continue;
        }
        std::size_t k = i;
        if (static_cast<unsigned char>(s[i]) < 0x80 ||
            !is_latin_letter(text::next_code_point(s, k)))
            break;
        i = k;
    }
    return i;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    bool space = false;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        Token::Kind kind = Token::Kind::Punct;
        if (text::is_ascii_digit(c)) {
            kind = Token::Kind::Number;
            while (j < s.size() && text::is_ascii_digit(s[j])) ++j;
        } else if (text::is_ascii_alpha(c)) {
            kind = Token::Kind::Word;
            j = word_end(s, j);
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            // A whole UTF-8 sequence is one token: a letter starts a word ("März", "été"),
            // anything else (dashes, NBSP) is punctuation.
            std::size_t k = i;
            if (is_latin_letter(text::next_code_point(s, k))) {
                kind = Token::Kind::Word;
                j = word_end(s, k);
            } else {
                j = k;
            }
        }
        tokens.push_back({kind, s.substr(i, j - i), i, j, space});
        space = false;
        i = j;
    }
    return tokens;
}

int number_value(std::string_view digits) {
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
        if (value > 100000) return -1;
    }
    return value;
}

bool is_punct(const std::vector<Token>& t, std::size_t i, char c) {
    return i < t.size() && t[i].kind == Token::Kind::Punct && t[i].text.size() == 1 &&
           t[i].text[0] == c;
}

bool is_number(const std::vector<Token>& t, std::size_t i, std::size_t min_len,
               std::size_t max_len) {
    return i < t.size() && t[i].kind == Token::Kind::Number && t[i].text.size() >= min_len &&
           t[i].text.size() <= max_len;
}

// Whether a month word must be capitalised to count: before the day ("May 5") a lowercase
// "may" is a verb; after a day, the languages that write months in lowercase ("4 de marzo",
// "le 4 février") are read as well.
enum class MonthCase { Capitalised, Any };

// Month word at t[i] (optionally followed by '.'); advances i past it.
unsigned read_month(const std::vector<Token>& t, std::size_t& i, MonthCase letter_case) {
    if (i >= t.size() || t[i].kind != Token::Kind::Word) return 0;
    if (letter_case == MonthCase::Capitalised && text::is_ascii_lower(t[i].text.front())) return 0;
    const unsigned month = month_from_name(t[i].text);
    if (month == 0) return 0;
    ++i;
    if (is_punct(t, i, '.') && !t[i].space_before) ++i;
    return month;
}

// Day number at t[i] (1..31, optional ordinal suffix: "3rd", "1er", "3."); advances i past it.
unsigned read_day(const std::vector<Token>& t, std::size_t& i) {
    if (!is_number(t, i, 1, 2)) return 0;
    const int day = number_value(t[i].text);
    if (day < 1 || day > 31) return 0;
    // "322 September" must not read as the 22nd: the digits before must not be glued on.
    ++i;
    if (i < t.size() && t[i].kind == Token::Kind::Word && !t[i].space_before) {
        const auto suffix = text::to_lower(t[i].text);
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "er")
            ++i;
        else
            return 0;  // "9am", "5G": not a day
    } else if (is_punct(t, i, '.') && !t[i].space_before) {
        ++i;  // German and Scandinavian ordinals: "3. März"
    }
    return static_cast<unsigned>(day);
}

// "de" in Spanish and Portuguese dates ("4 de marzo de 2021"), "of" in English ones.
bool is_date_joiner(const std::vector<Token>& t, std::size_t i) {
    if (i >= t.size() || t[i].kind != Token::Kind::Word) return false;
    const auto w = text::to_lower(t[i].text);
    return w == "of" || w == "de" || w == "del";
}

// Four-digit year at t[i] in a plausible range; advances i past it.
int read_year(const std::vector<Token>& t, std::size_t& i) {
    if (!is_number(t, i, 4, 4)) return 0;
    const int year = number_value(t[i].text);
    if (year < 1800 || year > 2199) return 0;
    // "2016" glued to letters or further digits ("2016abc") is not a year.
    if (i + 1 < t.size() && !t[i + 1].space_before && t[i + 1].kind != Token::Kind::Punct) return 0;
    ++i;
    return year;
}

std::optional<DateMatch> numeric_at(const std::vector<Token>& t, std::size_t i,
                                    NumericOrder order) {
    if (i + 4 >= t.size()) return std::nullopt;
    const Token& a = t[i];
    const Token& s1 = t[i + 1];
    const Token& b = t[i + 2];
    const Token& s2 = t[i + 3];
    const Token& c = t[i + 4];
    if (a.kind != Token::Kind::Number || b.kind != Token::Kind::Number ||
        c.kind != Token::Kind::Number)
        return std::nullopt;
    if (s1.kind != Token::Kind::Punct || s1.text != s2.text || s1.text.size() != 1)
        return std::nullopt;
    const char sep = s1.text[0];
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    if (s1.space_before || b.space_before || s2.space_before || c.space_before) return std::nullopt;
    // Part of a longer run ("1.2.3.4", "10-20-30-40") is a version or a phone number.
    if (i > 0 && t[i - 1].text.size() == 1 && t[i - 1].text[0] == sep && !a.space_before)
        return std::nullopt;
    if (i + 5 < t.size() && is_punct(t, i + 5, sep) && !t[i + 5].space_before && i + 6 < t.size() &&
        t[i + 6].kind == Token::Kind::Number && !t[i + 6].space_before)
        return std::nullopt;
    DateMatch m;
    m.begin = a.begin;
    m.end = c.end;
    const int x = number_value(a.text), y = number_value(b.text), z = number_value(c.text);
    if (a.text.size() == 4 && b.text.size() <= 2 && c.text.size() <= 2) {
        m.year = x;
        m.month = static_cast<unsigned>(y);
        m.day = static_cast<unsigned>(z);
    } else if (a.text.size() <= 2 && b.text.size() <= 2 && c.text.size() == 4) {
        m.year = z;
        const bool day_first =
            sep == '.' || (x > 12 && y <= 12) || (order == NumericOrder::DayFirst && y <= 12);
        m.month = static_cast<unsigned>(day_first ? y : x);
        m.day = static_cast<unsigned>(day_first ? x : y);
    } else {
        return std::nullopt;
    }
    if (m.year < 1800 || m.year > 2199 || !m.date()) return std::nullopt;
    return m;
}

// What may stand between a day-and-month and its year.
enum class YearSeparator {
    Comma,        // "March 4, 2019"
    CommaOrDash,  // "17-Nov-2017" as well
};

// The month and day read from tokens [first, end), extended by a year when one follows.
DateMatch with_year(const std::vector<Token>& t, std::size_t first, std::size_t end, unsigned month,
                    unsigned day, YearSeparator separator) {
    DateMatch m;
    m.begin = t[first].begin;
    m.end = t[end - 1].end;
    m.month = month;
    m.day = day;
    std::size_t y = end;
    if (is_punct(t, y, ',') || (separator == YearSeparator::CommaOrDash && is_punct(t, y, '-')) ||
        is_date_joiner(t, y))
        ++y;
    if (const int year = read_year(t, y); year != 0) {
        m.year = year;
        m.end = t[y - 1].end;
    }
    return m;
}

std::optional<DateMatch> month_first_at(const std::vector<Token>& t, std::size_t i) {
    std::size_t k = i;
    const unsigned month = read_month(t, k, MonthCase::Capitalised);
    if (month == 0) return std::nullopt;
    const unsigned day = read_day(t, k);
    if (day == 0) return std::nullopt;
    return with_year(t, i, k, month, day, YearSeparator::Comma);
}

std::optional<DateMatch> day_first_at(const std::vector<Token>& t, std::size_t i) {
    std::size_t k = i;
    // A day glued to what precedes it ("+322 September", "on22") is not a day.
    if (i > 0 && !t[i].space_before &&
        (t[i - 1].kind != Token::Kind::Punct || t[i - 1].text == "+" || t[i - 1].text == "-"))
        return std::nullopt;
    const unsigned day = read_day(t, k);
    if (day == 0) return std::nullopt;
    if (is_date_joiner(t, k)) ++k;
    // "17-Nov-2017": dashes glued between the parts.
    const bool dashed = is_punct(t, k, '-') && !t[k].space_before;
    if (dashed) ++k;
    const bool lowercase = k < t.size() && text::is_ascii_lower(t[k].text.front());
    const unsigned month = read_month(t, k, MonthCase::Any);
    if (month == 0) return std::nullopt;
    auto m =
        with_year(t, i, k, month, day, dashed ? YearSeparator::CommaOrDash : YearSeparator::Comma);
    // A lowercase month word without a year is too often a plain word ("3 mar", "5 set").
    if (lowercase && m.year == 0) return std::nullopt;
    return m;
}

const std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};

// Weekdays in the other languages of month_from_name, written out in full.
bool is_foreign_weekday(std::string_view folded) {
    static constexpr std::string_view kNames[] = {
        "montag",    "dienstag",  "mittwoch", "donnerstag", "freitag",   "samstag",  "sonntag",
        "sonnabend", "lundi",     "mardi",    "mercredi",   "jeudi",     "vendredi", "samedi",
        "dimanche",  "lunes",     "martes",   "miércoles",  "miercoles", "jueves",   "viernes",
        "sábado",    "sabado",    "domingo",  "lunedì",     "lunedi",    "martedì",  "martedi",
        "mercoledì", "mercoledi", "giovedì",  "giovedi",    "venerdì",   "venerdi",  "sabato",
        "segunda",   "terça",     "terca",    "quarta",     "quinta",    "sexta",    "feira",
        "maandag",   "dinsdag",   "woensdag", "donderdag",  "vrijdag",   "zaterdag", "zondag"};
    for (auto k : kNames)
        if (folded == k) return true;
    return false;
}

bool is_weekday(std::string_view word) {
    const auto w = fold_case(word);
    for (auto day : kWeekdays)
        if (w == day || (w.size() >= 3 && day.starts_with(w) && w.size() <= 5)) return true;
    return is_foreign_weekday(w);
}

// Labels that say a date is the publication date, in the languages of month_from_name.
bool is_published_label(std::string_view folded) {
    static constexpr std::string_view kWords[] = {
        "published", "posted",     "issued",       "dated",    "veröffentlicht", "publiziert",
        "erstellt",  "gepostet",   "erschienen",   "publié",   "publie",         "publicado",
        "publicada", "pubblicato", "gepubliceerd", "geplaatst"};
    for (auto k : kWords)
        if (folded == k) return true;
    return false;
}

// Labels that say a date is a modification date ("Aktualisiert", "mis à jour", "bijgewerkt").
bool is_updated_label(std::string_view folded) {
    static constexpr std::string_view kWords[] = {
        "updated",     "modified",   "edited",     "aktualisiert", "geändert",
        "änderung",    "modifié",    "modifie",    "mis",          "actualizado",
        "actualizada", "aggiornato", "atualizado", "bijgewerkt",   "gewijzigd"};
    for (auto k : kWords)
        if (folded == k) return true;
    return false;
}

// Words that may decorate a date line without making it say anything more.
bool is_date_decoration(std::string_view word) {
    static constexpr std::string_view kWords[] = {
        "on", "at", "last", "first", "date", "am", "pm", "a", "m", "p", "originally", "time",
        "created", "as", "of", "z", "t",
        // Relative stamps and reading times: "Updated 3 years ago", "4 min read".
        "ago", "hour", "hours", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "read",
        // German, French, Spanish, Italian, Portuguese and Dutch: "Stand: 21.03.2019 08:15 Uhr",
        // "Publié le 4 février 2021 à 09h30", "Publicado el", "Gepubliceerd op ... om".
        "stand", "datum", "um", "uhr", "zuletzt", "letzte", "le", "à", "h", "jour", "en", "ligne",
        "mise", "el", "il", "alle", "ore", "em", "às", "op", "om", "uur"};
    const auto w = fold_case(word);
    for (auto k : kWords)
        if (w == k) return true;
    if (is_published_label(w) || is_updated_label(w)) return true;
    if (is_weekday(word)) return true;
    // Time zones: "ET", "EDT", "GMT", "BJT", "MSK", "UTC", "CEST".
    if (word.size() >= 2 && word.size() <= 4) {
        for (char c : word)
            if (!text::is_ascii_upper(c)) return false;
        return true;
    }
    return false;
}

}  // namespace

unsigned month_from_name(std::string_view word) {
    // Full names and the usual abbreviations in English, German, French, Spanish, Italian,
    // Portuguese and Dutch, with and without accents (ASCII-only sites write "Maerz", "fevrier").
    struct Name {
        std::string_view name;
        unsigned month;
    };
    static constexpr Name kNames[] = {
        {"january", 1},   {"januar", 1},    {"jänner", 1},     {"janvier", 1},    {"janv", 1},
        {"enero", 1},     {"ene", 1},       {"gennaio", 1},    {"gen", 1},        {"janeiro", 1},
        {"januari", 1},   {"february", 2},  {"februar", 2},    {"feber", 2},      {"février", 2},
        {"fevrier", 2},   {"févr", 2},      {"fevr", 2},       {"fév", 2},        {"febrero", 2},
        {"febbraio", 2},  {"fevereiro", 2}, {"fev", 2},        {"februari", 2},   {"march", 3},
        {"märz", 3},      {"maerz", 3},     {"marz", 3},       {"mär", 3},        {"mrz", 3},
        {"mars", 3},      {"marzo", 3},     {"março", 3},      {"marco", 3},      {"maart", 3},
        {"mrt", 3},       {"april", 4},     {"avril", 4},      {"avr", 4},        {"abril", 4},
        {"abr", 4},       {"aprile", 4},    {"may", 5},        {"mai", 5},        {"mayo", 5},
        {"maggio", 5},    {"mag", 5},       {"maio", 5},       {"mei", 5},        {"june", 6},
        {"juni", 6},      {"juin", 6},      {"junio", 6},      {"giugno", 6},     {"giu", 6},
        {"junho", 6},     {"july", 7},      {"juli", 7},       {"juillet", 7},    {"juil", 7},
        {"julio", 7},     {"luglio", 7},    {"lug", 7},        {"julho", 7},      {"august", 8},
        {"août", 8},      {"aout", 8},      {"agosto", 8},     {"ago", 8},        {"augustus", 8},
        {"september", 9}, {"sept", 9},      {"septembre", 9},  {"septiembre", 9}, {"setiembre", 9},
        {"settembre", 9}, {"set", 9},       {"setembro", 9},   {"october", 10},   {"oktober", 10},
        {"okt", 10},      {"octobre", 10},  {"octubre", 10},   {"ottobre", 10},   {"ott", 10},
        {"outubro", 10},  {"out", 10},      {"november", 11},  {"novembre", 11},  {"noviembre", 11},
        {"novembro", 11}, {"december", 12}, {"dezember", 12},  {"dez", 12},       {"décembre", 12},
        {"decembre", 12}, {"déc", 12},      {"diciembre", 12}, {"dic", 12},       {"dicembre", 12},
        {"dezembro", 12},
    };
    static const std::array<std::string_view, 12> kEnglish = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const auto w = fold_case(word);
    if (w.size() < 3) return 0;
    for (const auto& n : kNames)
        if (w == n.name) return n.month;
    // English three-letter abbreviations: "Jan", "Oct".
    for (std::size_t m = 0; m < kEnglish.size(); ++m)
        if (w.size() == 3 && kEnglish[m].starts_with(w)) return static_cast<unsigned>(m + 1);
    return 0;
}

std::optional<Date> DateMatch::date() const {
    if (year == 0) return std::nullopt;
    return Date::make(year, month, day);
}

std::vector<DateMatch> find_dates(std::string_view text, NumericOrder order) {
    const auto tokens = tokenize(text);
    std::vector<DateMatch> found;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::optional<DateMatch> m = numeric_at(tokens, i, order);
        if (!m) m = month_first_at(tokens, i);
        if (!m) m = day_first_at(tokens, i);
        if (!m) continue;
        found.push_back(*m);
        while (i + 1 < tokens.size() && tokens[i + 1].begin < m->end) ++i;
    }
    return found;
}

std::optional<Date> parse_date(std::string_view text) {
    for (const auto& m : find_dates(text))
        if (auto d = m.date()) return d;
    return std::nullopt;
}

std::optional<Date> date_from_url(std::string_view url) {
    // Only the path counts: a date in the query string is usually a cache-buster.
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        const auto path = url.find('/', scheme + 3);
        url = path == std::string_view::npos ? std::string_view{} : url.substr(path);
    }
    url = url.substr(0, url.find_first_of("?#"));
    const auto segments = text::split_trimmed(url, '/');
    const auto all_digits = [](std::string_view s, std::size_t n) {
        if (s.size() != n) return false;
        for (char c : s)
            if (!text::is_ascii_digit(c)) return false;
        return true;
    };
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        if (all_digits(s, 4) && i + 2 < segments.size() &&
            (all_digits(segments[i + 1], 2) || all_digits(segments[i + 1], 1)) &&
            (all_digits(segments[i + 2], 2) || all_digits(segments[i + 2], 1))) {
            if (auto d = Date::make(number_value(s),
                                    static_cast<unsigned>(number_value(segments[i + 1])),
                                    static_cast<unsigned>(number_value(segments[i + 2]))))
                return d;
        }
        if (all_digits(s, 8)) {
            if (auto d = Date::make(number_value(s.substr(0, 4)),
                                    static_cast<unsigned>(number_value(s.substr(4, 2))),
                                    static_cast<unsigned>(number_value(s.substr(6, 2)))))
                if (d->year() >= 1990) return d;
        }
        // "2017-11-17-some-slug" or "slug-2017-11-17".
        for (std::size_t p = 0; p + 10 <= s.size(); ++p) {
            if (auto d = Date::from_iso(std::string_view(s).substr(p, 10))) {
                const bool left = p == 0 || s[p - 1] == '-' || s[p - 1] == '_';
                const bool right =
                    p + 10 == s.size() || s[p + 10] == '-' || s[p + 10] == '_' || s[p + 10] == '.';
                if (left && right) return d;
            }
        }
    }
    return std::nullopt;
}

namespace {

// "Lübeck, 31. März 2003", "Bad Tölz, 2. November 2021": the place a release or speech was
// given, then its date. The place is one to three capitalised words without digits.
std::optional<std::string_view> after_place(std::string_view line) {
    const auto comma = line.find(", ");
    if (comma == std::string_view::npos || comma == 0 || comma > 40) return std::nullopt;
    const auto place = line.substr(0, comma);
    std::size_t words = 0;
    bool word_start = true;
    for (char c : place) {
        if (text::is_ascii_digit(c) || c == ':' || c == '|') return std::nullopt;
        if (c == ' ') {
            word_start = true;
            continue;
        }
        if (word_start) {
            if (text::is_ascii_lower(c)) return std::nullopt;
            ++words;
            word_start = false;
        }
    }
    if (words == 0 || words > 3) return std::nullopt;
    return line.substr(comma + 2);
}

}  // namespace

DateLine classify_date_line(std::string_view line, NumericOrder order) {
    if (const auto rest = after_place(line)) {
        const auto dated = classify_date_line(*rest, order);
        if (dated.kind == DateLineKind::Published && dated.date) return dated;
    }
    const auto dates = find_dates(line, order);
    const auto tokens = tokenize(line);
    bool starts_with_time = false;
    bool published_word = false, updated_word = false;
    std::size_t published_pos = std::string_view::npos;
    std::size_t updated_pos = std::string_view::npos;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& tok = tokens[i];
        bool inside_date = false;
        for (const auto& d : dates)
            if (tok.begin >= d.begin && tok.end <= d.end) inside_date = true;
        if (inside_date) continue;
        if (tok.kind == Token::Kind::Word) {
            const auto w = fold_case(tok.text);
            if (is_published_label(w)) {
                published_word = true;
                if (published_pos == std::string_view::npos) published_pos = tok.begin;
            }
            if (is_updated_label(w) && !updated_word) {
                updated_word = true;
                updated_pos = tok.begin;
            }
            // Month names left over belong to a mangled date ("+322 September 2019").
            if (!is_date_decoration(tok.text) && month_from_name(tok.text) == 0) return {};
        } else if (tok.kind == Token::Kind::Number) {
            // Times and zone offsets: "10:29", "+3", "3:14".
            // "20.31 BST" (the Guardian's clock) and French "09h30" glue two-digit parts.
            const auto separator = [&](std::size_t k) {
                return k < tokens.size() &&
                       (tokens[k].text == ":" ||
                        ((tokens[k].text == "." || tokens[k].text == "h") &&
                         k + 1 < tokens.size() && tokens[k + 1].kind == Token::Kind::Number &&
                         tokens[k + 1].text.size() == 2 && !tokens[k + 1].space_before &&
                         !tokens[k].space_before));
            };
            const bool time_part =
                separator(i + 1) || (i > 0 && separator(i - 1)) ||
                (i > 0 && (tokens[i - 1].text == "+" || tokens[i - 1].text == "-"));
            const bool year = tok.text.size() == 4 && number_value(tok.text) >= 1800 &&
                              number_value(tok.text) <= 2199;
            // A count before a unit: "3 years ago", "4 min read".
            const bool count = i + 1 < tokens.size() && tokens[i + 1].kind == Token::Kind::Word &&
                               is_date_decoration(tokens[i + 1].text) &&
                               month_from_name(tokens[i + 1].text) == 0;
            if (!time_part && !year && !count) return {};
            if (separator(i + 1) && (dates.empty() || tok.begin < dates.front().begin) &&
                !published_word && !updated_word)
                starts_with_time = true;
        }
    }
    if (dates.empty()) {
        // A bare clock ("16:02 GMT") is chrome too, even with a mangled date after it.
        return starts_with_time ? DateLine{DateLineKind::Clock, std::nullopt} : DateLine{};
    }
    DateLine result;
    if (published_word) {
        result.kind = DateLineKind::Published;
        for (const auto& d : dates)
            if (d.begin > published_pos) {
                result.date = d.date();
                break;
            }
        if (!result.date) result.date = dates.front().date();
        return result;
    }
    // "September 9, 2016 / Updated 3 years ago": a date before the label is the original one.
    if (updated_word && dates.front().begin > updated_pos) {
        result.kind = DateLineKind::Updated;
    } else if (starts_with_time) {
        result.kind = DateLineKind::Clock;
        return result;
    } else {
        result.kind = DateLineKind::Published;
    }
    result.date = dates.front().date();
    return result;
}

}  // namespace broadsheet
