// One row of person_records per person and record they appear in: what `person NAME` shows of
// that record (its date, heading, the titles the person holds there, the event they take part
// in), clustered by person. The timeline of someone in 5,800 records is then one range of the
// table, not 5,800 seeks into records, mention_titles and events (≈ 60 of `person`'s 95 ms).
// Import writes the rows from the record it stores; the migration that adds the table and
// `check`, which compares, compute them from those tables — both through rows_of_record.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::sqlite {
class Db;
}

namespace jianbao::person_records {

// A record's heading: its title, else the first clause of its body (at most 30 characters and …).
std::string heading(const std::optional<std::string>& title, std::string_view body);

// The titles of one mention, joined by U+001F (no title holds a control character).
std::string pack_titles(const std::vector<std::string>& titles);
std::vector<std::string> unpack_titles(std::string_view packed);

struct Row {
    std::int64_t person_id = 0;
    std::int64_t record_id = 0;
    std::optional<std::string> date;
    std::string heading;
    std::string titles; // packed
    std::optional<std::string> event;
    bool operator==(const Row&) const = default;
};

// What one record holds, in order: its mentions (person, titles) and events (trigger, people).
struct RecordFacts {
    std::int64_t record_id = 0;
    std::optional<std::string> date;
    std::string heading;
    struct Mention {
        std::int64_t person_id = 0;
        std::vector<std::string> titles;
    };
    struct Event {
        std::string trigger;
        std::vector<std::int64_t> participants;
    };
    std::vector<Mention> mentions;
    std::vector<Event> events;
};

// A row per person of the record, in order of first mention: the titles of that first mention;
// the first event the person takes part in, else the record's first event, else none.
std::vector<Row> rows_of_record(const RecordFacts& facts);

// The rows of every record, computed from records, mentions, mention_titles, events and
// event_participants, in record order.
void from_tables(const sqlite::Db& db, const std::function<void(const std::vector<Row>&)>& visit);

// Writes rows (import and migration share the statement).
void insert(const sqlite::Db& db, const std::vector<Row>& rows);

} // namespace jianbao::person_records
