#include "jianbao/store/maintenance.hpp"

#include "jianbao/store/person_records.hpp"
#include "jianbao/store/record_people.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <unordered_map>

namespace jianbao {

namespace {

std::int64_t count(const sqlite::Db& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

} // namespace

std::vector<std::string> check_archive(const Archive& archive) {
    const sqlite::Db& db = archive.db();
    std::vector<std::string> problems;
    {
        auto st = db.prepare("PRAGMA integrity_check");
        while (st.step())
            if (st.text(0) != "ok") problems.push_back("SQLite integrity: " + st.text(0));
    }
    {
        auto st = db.prepare("PRAGMA foreign_key_check");
        while (st.step())
            problems.push_back("foreign key: row " + st.text(1) + " of table " + st.text(0) +
                               " points to a missing row of " + st.text(2));
    }
    if (!archive.read_only()) {
        try {
            db.exec("INSERT INTO records_fts(records_fts, rank) VALUES('integrity-check', 1)");
        } catch (const Error& e) {
            problems.push_back(std::string("full-text index: ") + e.what());
        }
    } else {
        problems.push_back("full-text index: not verified (the archive is read-only)");
    }
    std::int64_t records = count(db, "SELECT count(*) FROM records");
    std::int64_t indexed = count(db, "SELECT count(*) FROM records_fts_docsize");
    if (records != indexed)
        problems.push_back("full-text index holds " + std::to_string(indexed) + " records, the archive " +
                           std::to_string(records));
    {
        // record_people (what `person` reads for companions) must say what the mentions say.
        std::unordered_map<std::int64_t, std::string> stored;
        auto st = db.prepare("SELECT record_id, people FROM record_people");
        while (st.step()) stored.emplace(st.int64(0), st.text(1));
        std::size_t wrong = 0;
        record_people::from_mentions(db, [&](std::int64_t record, const std::string& packed) {
            auto it = stored.find(record);
            if (it == stored.end() || it->second != packed) ++wrong;
            if (it != stored.end()) stored.erase(it);
        });
        wrong += stored.size(); // rows for records without mentions
        if (wrong) problems.push_back(std::to_string(wrong) + " records' people lists (record_people) disagree with their mentions");
    }
    {
        // person_records (what `person` reads for a timeline) must say what the tables say: both
        // streams in (record, person) order, compared record by record.
        auto st = db.prepare("SELECT person_id, record_id, date, heading, titles, event FROM person_records "
                             "ORDER BY record_id, person_id");
        bool more = st.step();
        std::size_t wrong = 0;
        std::vector<person_records::Row> stored;
        auto read_through = [&](std::int64_t record) { // the stored rows of records up to `record`
            stored.clear();
            for (; more && st.int64(1) <= record; more = st.step()) {
                if (st.int64(1) < record) {
                    ++wrong; // rows of a record without people
                    continue;
                }
                stored.push_back({st.int64(0), st.int64(1), st.opt_text(2), st.text(3), st.text(4), st.opt_text(5)});
            }
        };
        person_records::from_tables(db, [&](const std::vector<person_records::Row>& rows) {
            read_through(rows.front().record_id);
            std::vector<person_records::Row> expected = rows;
            std::sort(expected.begin(), expected.end(),
                      [](const person_records::Row& a, const person_records::Row& b) { return a.person_id < b.person_id; });
            if (expected != stored) ++wrong;
        });
        read_through(std::numeric_limits<std::int64_t>::max());
        if (wrong) problems.push_back(std::to_string(wrong) + " records' timeline rows (person_records) disagree with their mentions and events");
    }
    std::int64_t empty = count(db, "SELECT count(*) FROM bulletins b WHERE NOT EXISTS "
                                   "(SELECT 1 FROM records r WHERE r.bulletin_id = b.id)");
    if (empty) problems.push_back(std::to_string(empty) + " bulletins have no records (a partial import?)");
    std::int64_t gaps = count(db, "SELECT count(*) FROM (SELECT bulletin_id FROM records GROUP BY bulletin_id "
                                  "HAVING max(seq) != count(*) OR min(seq) != 1)");
    if (gaps) problems.push_back(std::to_string(gaps) + " bulletins have missing or repeated record numbers");
    return problems;
}

std::vector<RemovedBulletin> remove_bulletins(Archive& archive, const std::string& key) {
    const sqlite::Db& db = archive.db();
    if (archive.read_only()) throw Error(archive.path().string() + ": cannot remove: the archive is read-only", exit_archive);
    sqlite::Transaction tx(db);
    std::vector<RemovedBulletin> out;
    bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
    auto st = db.prepare(numeric ? "SELECT b.id, b.source, (SELECT count(*) FROM records r WHERE r.bulletin_id = b.id) "
                                   "FROM bulletins b WHERE b.id = ?1 OR b.source = ?2"
                                 : "SELECT b.id, b.source, (SELECT count(*) FROM records r WHERE r.bulletin_id = b.id) "
                                   "FROM bulletins b WHERE b.source = ?2");
    if (numeric) st.bind(1, static_cast<std::int64_t>(std::stoll(key)));
    st.bind(2, key);
    while (st.step())
        out.push_back({st.int64(0), st.text(1), static_cast<std::size_t>(st.int64(2))});
    for (const auto& b : out) {
        auto del = db.prepare("DELETE FROM bulletins WHERE id = ?1");
        del.bind(1, b.id);
        del.run();
    }
    if (!out.empty()) {
        // Names no record mentions any more go too, so counts and `people` stay truthful.
        db.exec("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions) "
                "AND id NOT IN (SELECT person_id FROM event_participants);"
                "DELETE FROM organizations WHERE id NOT IN (SELECT organization_id FROM record_organizations);"
                "DELETE FROM places WHERE id NOT IN (SELECT place_id FROM record_places);");
    }
    tx.commit();
    return out;
}

} // namespace jianbao
