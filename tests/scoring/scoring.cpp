// scoring.cpp — label parsing, text normalisation and the per-file comparison behind
// broadsheet-score. The rules are documented in docs/extraction.md ("How the scorer counts").
#include "tests/scoring/scoring.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.h"

namespace broadsheet::scoring {
namespace {

using nlohmann::json;

// Multi-byte UTF-8 sequences the normaliser rewrites; everything else passes through.
struct Replacement {
    std::string_view from;
    char to;  // ' ' for whitespace-like characters
};
constexpr Replacement kReplacements[] = {
    {"\u2018", '\''}, {"\u2019", '\''}, {"\u201A", '\''}, {"\u201B", '\''},
    {"\u2032", '\''}, {"\u201C", '"'},  {"\u201D", '"'},  {"\u201E", '"'},
    {"\u201F", '"'},  {"\u2033", '"'},  {"\u00AB", '"'},  {"\u00BB", '"'},
    {"\u00A0", ' '},  {"\u2009", ' '},  {"\u200A", ' '},  {"\u202F", ' '},
};

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string render(const std::optional<std::string>& value) {
    return value ? "\"" + *value + "\"" : "null";
}

std::string render_value(const std::string& value) {
    return value.empty() ? "null" : "\"" + std::string(value) + "\"";
}

// A labels value that may be null: absent or null → nullopt; a string → its text.
std::optional<std::string> optional_string(const json& entry, const char* key,
                                           const std::string& where) {
    auto it = entry.find(key);
    if (it == entry.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw Error(ErrorCode::InvalidArgument,
                    where + ": \"" + key + "\" must be a string or null");
    return it->get<std::string>();
}

std::vector<std::string> string_list(const json& entry, const char* key, const std::string& where) {
    std::vector<std::string> out;
    auto it = entry.find(key);
    if (it == entry.end() || it->is_null()) return out;
    if (!it->is_array())
        throw Error(ErrorCode::InvalidArgument, where + ": \"" + key + "\" must be an array");
    for (const auto& item : *it) {
        if (!item.is_string())
            throw Error(ErrorCode::InvalidArgument,
                        where + ": \"" + key + "\" must hold only strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

Label parse_label(const json& entry, std::size_t index) {
    std::string where = "labels entry " + std::to_string(index + 1);
    if (!entry.is_object()) throw Error(ErrorCode::InvalidArgument, where + " is not an object");
    Label label;
    auto file = optional_string(entry, "file", where);
    if (!file || file->empty())
        throw Error(ErrorCode::InvalidArgument, where + ": \"file\" is required");
    label.file = *file;
    where += " (" + label.file + ")";
    if (auto it = entry.find("record"); it != entry.end()) {
        if (!it->is_number_unsigned() || it->get<std::size_t>() == 0)
            throw Error(ErrorCode::InvalidArgument,
                        where + ": \"record\" must be a line number ≥ 1");
        label.record = it->get<std::size_t>();
    }
    if (auto expect = optional_string(entry, "expect", where)) {
        if (*expect != "skipped")
            throw Error(ErrorCode::InvalidArgument, where + ": \"expect\" can only be \"skipped\"");
        label.expect_skipped = true;
        return label;
    }
    label.title = optional_string(entry, "title", where);
    label.date = optional_string(entry, "date", where);
    label.outlet = optional_string(entry, "outlet", where);
    label.author = optional_string(entry, "author", where);
    label.title_alt = string_list(entry, "title_alt", where);
    label.outlet_alt = string_list(entry, "outlet_alt", where);
    label.speakers = string_list(entry, "speakers", where);
    label.speakers_optional = string_list(entry, "speakers_optional", where);
    if (auto it = entry.find("speaker_aliases"); it != entry.end() && !it->is_null()) {
        if (!it->is_object())
            throw Error(ErrorCode::InvalidArgument,
                        where + ": \"speaker_aliases\" must be an object");
        for (const auto& [canonical, aliases] : it->items()) {
            json holder{{"aliases", aliases}};
            for (const auto& alias : string_list(holder, "aliases", where))
                label.alias_to_canonical[ascii_lower(normalise_text(alias))] = canonical;
        }
    }
    if (auto it = entry.find("quotes"); it != entry.end() && !it->is_null()) {
        if (!it->is_array())
            throw Error(ErrorCode::InvalidArgument, where + ": \"quotes\" must be an array");
        for (const auto& q : *it) {
            if (!q.is_object())
                throw Error(ErrorCode::InvalidArgument, where + ": a quote is not an object");
            auto text = optional_string(q, "text", where);
            if (!text) throw Error(ErrorCode::InvalidArgument, where + ": a quote has no text");
            label.quotes.push_back({optional_string(q, "speaker", where), *text});
        }
    }
    return label;
}

// The canonical form of an extracted speaker name under this label's alias table.
std::string canonical_name(const Label& label, std::string_view name) {
    std::string normal = normalise_text(name);
    auto it = label.alias_to_canonical.find(ascii_lower(normal));
    return it == label.alias_to_canonical.end() ? normal : it->second;
}

bool equals_any(const std::string& got, const std::string& expected,
                const std::vector<std::string>& alternatives) {
    std::string normal = normalise_text(got);
    if (normal == normalise_text(expected)) return true;
    return std::any_of(alternatives.begin(), alternatives.end(),
                       [&](const std::string& alt) { return normal == normalise_text(alt); });
}

// A label value that is null expects an empty extracted value; otherwise a match with the value
// or one of its alternatives.
bool field_matches(const std::optional<std::string>& expected,
                   const std::vector<std::string>& alternatives, const std::string& got) {
    if (!expected) return normalise_text(got).empty();
    return equals_any(got, *expected, alternatives);
}

// Quote offsets are how the API lets a reader check an attribution against the text, so each
// extracted quote's [begin, end) must select exactly its text in the body.
void check_offsets(const Article& article, FileScore& score) {
    for (const auto& q : article.quotes) {
        ++score.offsets_checked;
        bool ok = q.begin <= q.end && q.end <= article.body.size() &&
                  article.body.compare(q.begin, q.end - q.begin, q.text) == 0;
        if (ok) {
            ++score.offsets_valid;
        } else {
            score.mismatches.push_back({"quote offsets [" + q.text.substr(0, 40) + "]",
                                        "body[begin, end) == text",
                                        std::to_string(q.begin) + ".." + std::to_string(q.end)});
        }
    }
}

void score_quotes(const Label& label, const Article& article, FileScore& score) {
    std::vector<std::string> extracted;
    extracted.reserve(article.quotes.size());
    for (const auto& q : article.quotes) extracted.push_back(normalise_text(q.text));
    std::vector<bool> used(extracted.size(), false);
    for (const auto& want : label.quotes) {
        ++score.quotes_labelled;
        std::string text = normalise_text(want.text);
        std::size_t found = extracted.size();
        for (std::size_t i = 0; i < extracted.size() && found == extracted.size(); ++i)
            if (!used[i] && extracted[i].find(text) != std::string::npos) found = i;
        if (found == extracted.size()) {
            score.mismatches.push_back({"quote not found", "\"" + want.text + "\"", "-"});
            continue;
        }
        used[found] = true;
        ++score.quotes_found;
        const std::string& got_speaker = article.quotes[found].speaker;
        bool right = want.speaker ? (!got_speaker.empty() &&
                                     canonical_name(label, got_speaker) == *want.speaker)
                                  : got_speaker.empty();
        if (right) {
            ++score.quotes_attributed;
        } else {
            score.mismatches.push_back({"quote speaker [" + want.text.substr(0, 40) + "]",
                                        render(want.speaker), render_value(got_speaker)});
        }
    }
}

}  // namespace

std::string normalise_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    auto emit = [&](char c) {
        if (c == ' ') {
            pending_space = !out.empty();
            return;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    };
    for (std::size_t i = 0; i < text.size();) {
        if (is_ascii_space(text[i])) {
            emit(' ');
            ++i;
            continue;
        }
        bool replaced = false;
        for (const auto& r : kReplacements) {
            if (text.substr(i, r.from.size()) == r.from) {
                emit(r.to);
                i += r.from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) emit(text[i++]);
    }
    return out;
}

std::string_view field_name(Field field) {
    switch (field) {
        case Field::Title:
            return "title";
        case Field::Date:
            return "date";
        case Field::Outlet:
            return "outlet";
        case Field::Author:
            return "author";
    }
    return "?";
}

std::vector<Label> parse_labels(const json& document) {
    if (!document.is_array())
        throw Error(ErrorCode::InvalidArgument, "a labels file must hold a JSON array");
    std::vector<Label> labels;
    labels.reserve(document.size());
    for (std::size_t i = 0; i < document.size(); ++i) labels.push_back(parse_label(document[i], i));
    return labels;
}

SpeakerCounts count_speakers(const Label& label, const std::vector<std::string>& extracted,
                             std::vector<Mismatch>* mismatches) {
    std::set<std::string> wanted;
    for (const auto& s : label.speakers) wanted.insert(normalise_text(s));
    std::set<std::string> optional;
    for (const auto& s : label.speakers_optional) optional.insert(normalise_text(s));
    SpeakerCounts counts;
    std::set<std::string> seen;
    for (const auto& raw : extracted) {
        std::string name = canonical_name(label, raw);
        // Two spellings of one person printed separately are a split speaker: the second
        // counts against precision.
        bool duplicate = !seen.insert(name).second;
        if (!duplicate && wanted.count(name)) {
            ++counts.true_positive;
        } else if (!duplicate && optional.count(name)) {
            continue;
        } else {
            ++counts.false_positive;
            if (mismatches)
                mismatches->push_back(
                    {duplicate ? "speaker duplicated" : "speaker extra", "-", "\"" + raw + "\""});
        }
    }
    for (const auto& name : wanted) {
        if (seen.count(name)) continue;
        ++counts.false_negative;
        if (mismatches) mismatches->push_back({"speaker missing", "\"" + name + "\"", "-"});
    }
    return counts;
}

FileScore score_article(const Label& label, const Article* article) {
    FileScore score;
    static const Article kNone{};
    const Article& got = article ? *article : kNone;
    if (!article) score.mismatches.push_back({"article", "an article", "none extracted"});
    auto check = [&](Field field, const std::optional<std::string>& expected,
                     const std::vector<std::string>& alternatives, const std::string& value) {
        bool ok = article && field_matches(expected, alternatives, value);
        score.field_correct[field] = ok;
        if (!ok && article)
            score.mismatches.push_back(
                {std::string(field_name(field)), render(expected), render_value(value)});
    };
    check(Field::Title, label.title, label.title_alt, got.title);
    check(Field::Date, label.date, {}, got.date ? got.date->iso() : std::string());
    check(Field::Outlet, label.outlet, label.outlet_alt, got.outlet);
    check(Field::Author, label.author, {}, got.author);
    score.speakers = count_speakers(label, got.speakers, &score.mismatches);
    score_quotes(label, got, score);
    check_offsets(got, score);
    return score;
}

Prf micro_prf(const SpeakerCounts& counts) {
    Prf prf;
    std::size_t predicted = counts.true_positive + counts.false_positive;
    std::size_t actual = counts.true_positive + counts.false_negative;
    if (predicted > 0) prf.precision = static_cast<double>(counts.true_positive) / predicted;
    if (actual > 0) prf.recall = static_cast<double>(counts.true_positive) / actual;
    double sum = prf.precision + prf.recall;
    prf.f1 = sum > 0 ? 2 * prf.precision * prf.recall / sum : 0.0;
    return prf;
}

void Tally::add(const FileScore& score) {
    for (const auto& [field, ok] : score.field_correct) {
        ++fields_[field].total;
        if (ok) ++fields_[field].hits;
    }
    speakers_.true_positive += score.speakers.true_positive;
    speakers_.false_positive += score.speakers.false_positive;
    speakers_.false_negative += score.speakers.false_negative;
    quotes_found_.hits += score.quotes_found;
    quotes_found_.total += score.quotes_labelled;
    quotes_attributed_.hits += score.quotes_attributed;
    quotes_attributed_.total += score.quotes_found;
    quote_offsets_.hits += score.offsets_valid;
    quote_offsets_.total += score.offsets_checked;
}

void Tally::add_skip(bool skipped_as_expected) {
    ++skips_.total;
    if (skipped_as_expected) ++skips_.hits;
}

Ratio Tally::field(Field field) const {
    auto it = fields_.find(field);
    return it == fields_.end() ? Ratio{} : it->second;
}

}  // namespace broadsheet::scoring
