// Looking after an archive: verifying it, and removing a bulletin imported by mistake.
#pragma once
#include "jianbao/store/archive.hpp"

#include <string>
#include <vector>

namespace jianbao {

// Every problem found, in plain words; empty when the archive is sound. Checks SQLite's integrity,
// the full-text index (FTS5 integrity-check, which needs a writable archive), foreign keys, and that
// the index and the counts agree with the records.
std::vector<std::string> check_archive(const Archive& archive);

struct RemovedBulletin {
    std::int64_t id = 0;
    std::string source;
    std::size_t records = 0;
};

// Removes the bulletin with this id, or every bulletin imported under this source name, with
// everything that hangs off them, and people/organisations/places no longer named anywhere —
// in one transaction. Returns what was removed (empty when nothing matched).
std::vector<RemovedBulletin> remove_bulletins(Archive& archive, const std::string& id_or_source);

} // namespace jianbao
