// Each record's people as one row of record_people: their ids in order of first mention, each
// once, as decimal text joined by ',' (readable in the sqlite3 shell). `person` reads the others
// of a person's records from these rows — one row per record — instead of every mention row of
// them: a congress's member list is 2,000 mentions in one record.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::sqlite {
class Db;
}

namespace jianbao::record_people {

// "12,7,301": the ids as given, repeated ones after their first dropped.
std::string pack(const std::vector<std::int64_t>& ids);
// Appends the ids of a packed list to `out`; a malformed list is an Error naming the record.
void unpack(std::string_view packed, std::int64_t record_id, std::vector<std::int64_t>& out);

// The packed list of every record that has mentions, computed from the mentions table, in record
// order: for the migration that fills record_people and for `check`, which compares it.
void from_mentions(const sqlite::Db& db, const std::function<void(std::int64_t record_id, const std::string& packed)>& visit);

} // namespace jianbao::record_people
