// registry.h — operator-editable lookup tables shipped in corpus/: outlets and speaker aliases.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

// Outlet registry (corpus/outlets.tsv) and speaker alias table (corpus/speaker-aliases.tsv).
// Formats are documented at the top of each file and in docs/extraction.md; operators extend
// them without recompiling. Lookups are case-insensitive on the alias side.
class Registry {
  public:
    // Loads whichever of the two files exist in `dir`; a missing file is an empty table.
    // Throws Error(InvalidArgument) naming file and line for a malformed row.
    static Registry load(const std::filesystem::path& dir);

    void add_outlet(std::string canonical, const std::vector<std::string>& domains_and_aliases);
    void add_speaker_alias(std::string canonical, const std::vector<std::string>& aliases);

    // Canonical outlet for a domain ("www.themoscowtimes.com" → "The Moscow Times") or an alias
    // ("Sputnik News" → "Sputnik"); empty when unknown.
    std::string outlet_for_domain(std::string_view host) const;
    std::string outlet_for_alias(std::string_view name) const;
    // Every alias and canonical name known, for scanning text for outlet mentions.
    const std::map<std::string, std::string>& outlet_aliases() const { return outlet_aliases_; }

    // Canonical speaker name for an alias ("Sergey Lavrov" → "Sergei Lavrov"); the input itself
    // when no alias applies.
    std::string canonical_speaker(std::string_view name) const;

  private:
    std::map<std::string, std::string> outlet_domains_;   // lowercase domain → canonical
    std::map<std::string, std::string> outlet_aliases_;   // lowercase alias → canonical
    std::map<std::string, std::string> speaker_aliases_;  // lowercase alias → canonical
};

}  // namespace broadsheet
