// real_speakers.cpp — parsing the real-page speaker labels and counting one page's speakers
// against them.
#include "tests/scoring/real_speakers.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/error.h"
#include "tests/scoring/real_pages.h"

namespace broadsheet::scoring::real {
namespace {

std::vector<std::string> person_forms(const nlohmann::json& entry, const std::string& page) {
    if (entry.is_string()) return {entry.get<std::string>()};
    if (entry.is_array() && !entry.empty() &&
        std::all_of(entry.begin(), entry.end(), [](const auto& e) { return e.is_string(); }))
        return entry.get<std::vector<std::string>>();
    throw Error(ErrorCode::InvalidArgument,
                "speaker labels: \"" + page + "\": a person is a name or a list of names");
}

std::vector<std::vector<std::string>> people_of(const nlohmann::json& list,
                                                const std::string& page) {
    if (!list.is_array())
        throw Error(ErrorCode::InvalidArgument,
                    "speaker labels: \"" + page + "\": speakers must be a list");
    std::vector<std::vector<std::string>> people;
    for (const auto& entry : list) people.push_back(person_forms(entry, page));
    return people;
}

SpeakerLabel parse_entry(const nlohmann::json& value, const std::string& page) {
    SpeakerLabel label;
    if (value.is_array()) {
        label.people = people_of(value, page);
        return label;
    }
    if (!value.is_object() || !value.contains("speakers"))
        throw Error(ErrorCode::InvalidArgument,
                    "speaker labels: \"" + page + "\": expected a list or {\"speakers\": [...]}");
    label.people = people_of(value.at("speakers"), page);
    if (const auto it = value.find("optional"); it != value.end()) {
        const auto optional = people_of(*it, page);
        for (const auto& forms : optional)
            label.optional.insert(label.optional.end(), forms.begin(), forms.end());
    }
    return label;
}

// "g", "g." and "c.j." are initials: one letter, optionally dotted.
bool is_initial(std::string_view word) {
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return word.size() == 1;
}

}  // namespace

std::map<std::string, SpeakerLabel> parse_speaker_labels(const nlohmann::json& document) {
    if (!document.is_object())
        throw Error(ErrorCode::InvalidArgument, "speaker labels: expected a JSON object");
    std::map<std::string, SpeakerLabel> labels;
    for (const auto& [page, value] : document.items()) {
        if (page.starts_with('_')) continue;
        labels.emplace(page, parse_entry(value, page));
    }
    return labels;
}

std::string normalise_speaker(std::string_view name) {
    std::istringstream words(normalise_label(name));
    std::string word, out;
    while (words >> word) {
        if (is_initial(word)) continue;
        if (!out.empty()) out += ' ';
        out += word;
    }
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

SpeakerCounts count_page_speakers(const SpeakerLabel& label,
                                  const std::vector<std::string>& extracted,
                                  std::vector<std::string>* mismatches) {
    std::map<std::string, std::size_t> person_of;  // normalised form → index in label.people
    for (std::size_t i = 0; i < label.people.size(); ++i)
        for (const auto& form : label.people[i]) person_of[normalise_speaker(form)] = i;
    std::set<std::string> optional;
    for (const auto& name : label.optional) optional.insert(normalise_speaker(name));

    SpeakerCounts counts;
    std::vector<bool> found(label.people.size(), false);
    const auto note = [&](const std::string& what) {
        if (mismatches) mismatches->push_back(what);
    };
    for (const auto& raw : extracted) {
        const std::string name = normalise_speaker(raw);
        if (const auto it = person_of.find(name); it != person_of.end()) {
            if (!found[it->second]) {
                found[it->second] = true;
                ++counts.true_positive;
                continue;
            }
            ++counts.false_positive;
            note("speaker duplicated \"" + raw + "\"");
        } else if (!optional.count(name)) {
            ++counts.false_positive;
            note("speaker extra \"" + raw + "\"");
        }
    }
    for (std::size_t i = 0; i < label.people.size(); ++i) {
        if (found[i]) continue;
        ++counts.false_negative;
        note("speaker missing \"" + label.people[i].front() + "\"");
    }
    return counts;
}

}  // namespace broadsheet::scoring::real
