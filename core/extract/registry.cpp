// registry.cpp — loads and answers the operator-editable outlet and speaker-alias tables.
//
// corpus/outlets.tsv, one outlet per line, tab-separated:
//   canonical name <TAB> domains, '|'-separated <TAB> aliases, '|'-separated (optional column)
//   e.g.  Sputnik<TAB>sputniknews.com|sputniknews.cn<TAB>Sputnik News|Sputnik International
// corpus/speaker-aliases.tsv, one person per line:
//   canonical name <TAB> aliases, '|'-separated
//   e.g.  Sergei Lavrov<TAB>Sergey Lavrov|Sergueï Lavrov
// In both files '#' starts a comment line and blank lines are ignored. Lookups of aliases are
// case-insensitive (ASCII); a domain matches itself and its subdomains ("m.bbc.co.uk" → BBC).
#include "core/extract/registry.h"

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

bool looks_like_domain(std::string_view s) {
    if (s.find('.') == std::string_view::npos || s.front() == '.' || s.back() == '.') return false;
    for (char c : s)
        if (!(text::is_ascii_lower(c) || text::is_ascii_digit(c) || c == '.' || c == '-'))
            return false;
    return true;
}

// "https://www.Example.com:8080/a/b" → "www.example.com"; a bare host passes through lowered.
std::string host_of(std::string_view url_or_host) {
    std::string_view s = text::trim(url_or_host);
    if (const auto scheme = s.find("://"); scheme != std::string_view::npos)
        s.remove_prefix(scheme + 3);
    else if (s.starts_with("//"))
        s.remove_prefix(2);
    const auto end = s.find_first_of("/?#:");
    if (end != std::string_view::npos) s = s.substr(0, end);
    if (const auto at = s.rfind('@'); at != std::string_view::npos) s.remove_prefix(at + 1);
    return text::to_lower(s);
}

// Reads the non-comment rows of a TSV file as (line number, columns).
std::vector<std::pair<std::size_t, std::vector<std::string>>> read_rows(
    const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorCode::InvalidArgument, "cannot read " + file.string());
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto trimmed = text::trim(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        std::vector<std::string> columns;
        std::size_t start = 0;
        while (true) {
            const auto tab = line.find('\t', start);
            columns.emplace_back(text::trim(std::string_view(line).substr(
                start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        rows.emplace_back(number, std::move(columns));
    }
    return rows;
}

[[noreturn]] void bad_row(const std::filesystem::path& file, std::size_t line,
                          const std::string& why) {
    throw Error(ErrorCode::InvalidArgument,
                file.string() + ":" + std::to_string(line) + ": " + why);
}

}  // namespace

Registry Registry::load(const std::filesystem::path& dir) {
    Registry registry;
    const auto outlets = dir / "outlets.tsv";
    if (std::filesystem::exists(outlets)) {
        for (const auto& [line, columns] : read_rows(outlets)) {
            if (columns.size() < 2 || columns.size() > 3)
                bad_row(outlets, line, "expected 2 or 3 tab-separated columns");
            if (columns[0].empty()) bad_row(outlets, line, "empty canonical outlet name");
            std::vector<std::string> entries;
            for (auto& domain : text::split_trimmed(columns[1], '|')) {
                domain = text::to_lower(domain);
                if (!looks_like_domain(domain))
                    bad_row(outlets, line, "'" + domain + "' is not a domain name");
                entries.push_back(domain);
            }
            std::vector<std::string> aliases;
            if (columns.size() == 3) aliases = text::split_trimmed(columns[2], '|');
            for (const auto& alias : aliases) {
                if (looks_like_domain(alias))
                    bad_row(outlets, line, "alias '" + alias + "' belongs in the domains column");
            }
            registry.add_outlet(columns[0], entries);
            registry.add_outlet(columns[0], aliases);
        }
    }
    const auto speakers = dir / "speaker-aliases.tsv";
    if (std::filesystem::exists(speakers)) {
        for (const auto& [line, columns] : read_rows(speakers)) {
            if (columns.size() != 2) bad_row(speakers, line, "expected 2 tab-separated columns");
            if (columns[0].empty()) bad_row(speakers, line, "empty canonical speaker name");
            registry.add_speaker_alias(columns[0], text::split_trimmed(columns[1], '|'));
        }
    }
    return registry;
}

void Registry::add_outlet(std::string canonical,
                          const std::vector<std::string>& domains_and_aliases) {
    outlet_aliases_[text::to_lower(canonical)] = canonical;
    for (const auto& entry : domains_and_aliases) {
        const auto lowered = text::to_lower(entry);
        // Lowercase dotted tokens without spaces are domains; anything else is a name.
        if (looks_like_domain(entry))
            outlet_domains_[host_of(lowered)] = canonical;
        else if (!lowered.empty())
            outlet_aliases_[lowered] = canonical;
    }
}

void Registry::add_speaker_alias(std::string canonical, const std::vector<std::string>& aliases) {
    for (const auto& alias : aliases) speaker_aliases_[text::to_lower(alias)] = canonical;
}

std::string Registry::outlet_for_domain(std::string_view host) const {
    std::string_view h;
    const std::string lowered = host_of(host);
    h = lowered;
    // Try the host, then each parent domain: "edition.cnn.com" → "cnn.com".
    while (h.find('.') != std::string_view::npos) {
        if (auto it = outlet_domains_.find(std::string(h)); it != outlet_domains_.end())
            return it->second;
        h.remove_prefix(h.find('.') + 1);
    }
    return {};
}

std::string Registry::outlet_for_alias(std::string_view name) const {
    const auto key = text::to_lower(text::trim(name));
    if (auto it = outlet_aliases_.find(key); it != outlet_aliases_.end()) return it->second;
    return {};
}

std::string Registry::canonical_speaker(std::string_view name) const {
    const auto key = text::to_lower(text::trim(name));
    if (auto it = speaker_aliases_.find(key); it != speaker_aliases_.end()) return it->second;
    return std::string(name);
}

}  // namespace broadsheet
