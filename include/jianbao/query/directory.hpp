// Directories of the archive: the people and the organisations it names, with counts and dates.
#pragma once
#include "jianbao/store/archive.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jianbao {

struct DirectoryFilter {
    std::optional<std::string> like; // substring of the name (traditional characters fold to simplified)
    std::optional<std::string> from; // only records dated on or after (YYYY, YYYY-MM, YYYY-MM-DD)
    std::optional<std::string> to;   // inclusive
    std::optional<std::size_t> limit;
};

struct DirectoryEntry {
    std::string name;
    std::string type;                // organisations only
    std::size_t records = 0;
    std::optional<std::string> first_date, last_date;
    std::vector<std::string> titles; // people only: every title seen, most used first
};

// Most-mentioned first, then by name.
std::vector<DirectoryEntry> list_people(const Archive& archive, const DirectoryFilter& filter);
std::vector<DirectoryEntry> list_organizations(const Archive& archive, const DirectoryFilter& filter);

} // namespace jianbao
