#include "jianbao/store/person_records.hpp"

#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/utf8.hpp"

#include <unordered_map>

namespace jianbao::person_records {

std::string heading(const std::optional<std::string>& title, std::string_view body) {
    if (title && !title->empty()) return *title;
    std::string_view first = body.substr(0, body.find('\n'));
    std::string out;
    std::size_t i = 0, n = 0;
    while (i < first.size()) {
        std::size_t start = i;
        char32_t c = utf8::next(first, i);
        if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'，' || c == U'：') break;
        if (++n > 30) {
            out += "…";
            break;
        }
        out.append(first.substr(start, i - start));
    }
    return out;
}

constexpr char kTitleSeparator = '\x1f';

std::string pack_titles(const std::vector<std::string>& titles) {
    std::string out;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        if (i) out += kTitleSeparator;
        out += titles[i];
    }
    return out;
}

std::vector<std::string> unpack_titles(std::string_view packed) {
    std::vector<std::string> out;
    if (packed.empty()) return out;
    while (true) {
        std::size_t sep = packed.find(kTitleSeparator);
        out.emplace_back(packed.substr(0, sep));
        if (sep == std::string_view::npos) break;
        packed.remove_prefix(sep + 1);
    }
    return out;
}

std::vector<Row> rows_of_record(const RecordFacts& facts) {
    std::vector<Row> rows;
    std::unordered_map<std::int64_t, std::size_t> row_of;
    for (const auto& m : facts.mentions) {
        if (!row_of.emplace(m.person_id, rows.size()).second) continue; // (listed twice: the first counts)
        rows.push_back({m.person_id, facts.record_id, facts.date, facts.heading, pack_titles(m.titles), std::nullopt});
    }
    std::vector<char> decided(rows.size(), 0);
    for (const auto& e : facts.events)
        for (std::int64_t p : e.participants) {
            auto it = row_of.find(p);
            if (it == row_of.end() || decided[it->second]) continue;
            decided[it->second] = 1;
            rows[it->second].event = e.trigger;
        }
    if (!facts.events.empty())
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (!decided[i]) rows[i].event = facts.events.front().trigger;
    return rows;
}

void from_tables(const sqlite::Db& db, const std::function<void(const std::vector<Row>&)>& visit) {
    // Three streams in record order, merged: the records with people (a heading needs at most
    // the first 31 characters of an untitled body), their mentions with titles, their events
    // with participants.
    sqlite::Stmt records = db.prepare(
        "SELECT id, date, title, CASE WHEN ifnull(title, '') = '' THEN substr(body, 1, 200) ELSE '' END FROM records "
        "WHERE id IN (SELECT record_id FROM mentions) ORDER BY id");
    sqlite::Stmt mentions = db.prepare(
        "SELECT m.record_id, m.id, m.person_id, t.title FROM mentions m LEFT JOIN mention_titles t ON t.mention_id = m.id "
        "ORDER BY m.record_id, m.ordinal, t.ordinal");
    sqlite::Stmt events = db.prepare(
        "SELECT e.record_id, e.id, e.\"trigger\", ep.person_id FROM events e "
        "LEFT JOIN event_participants ep ON ep.event_id = e.id ORDER BY e.record_id, e.ordinal, ep.ordinal");
    bool more_mentions = mentions.step();
    bool more_events = events.step();
    while (records.step()) {
        RecordFacts f;
        f.record_id = records.int64(0);
        f.date = records.opt_text(1);
        f.heading = heading(records.opt_text(2), records.text(3));
        while (more_events && events.int64(0) < f.record_id) more_events = events.step();
        for (std::int64_t last = -1; more_mentions && mentions.int64(0) <= f.record_id; more_mentions = mentions.step()) {
            if (mentions.int64(0) < f.record_id) continue;
            if (mentions.int64(1) != last) {
                last = mentions.int64(1);
                f.mentions.push_back({mentions.int64(2), {}});
            }
            if (!mentions.is_null(3)) f.mentions.back().titles.push_back(mentions.text(3));
        }
        for (std::int64_t last = -1; more_events && events.int64(0) == f.record_id; more_events = events.step()) {
            if (events.int64(1) != last) {
                last = events.int64(1);
                f.events.push_back({events.text(2), {}});
            }
            if (!events.is_null(3)) f.events.back().participants.push_back(events.int64(3));
        }
        visit(rows_of_record(f));
    }
}

void insert(const sqlite::Db& db, const std::vector<Row>& rows) {
    for (const Row& r : rows) {
        sqlite::Stmt& st = db.cached("INSERT INTO person_records(person_id, record_id, date, heading, titles, event) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        st.bind(1, r.person_id).bind(2, r.record_id).bind(3, r.date).bind(4, r.heading).bind(5, r.titles).bind(6, r.event);
        st.run();
    }
}

} // namespace jianbao::person_records
