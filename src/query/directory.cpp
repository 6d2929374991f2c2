#include "jianbao/query/directory.hpp"

#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/script.hpp"

namespace jianbao {

namespace {

// Shared shape of both listings: `link` joins the entity table (alias e) to records (alias r).
std::vector<DirectoryEntry> list(const Archive& archive, const DirectoryFilter& f, const std::string& select_type,
                                 const std::string& from_join) {
    std::string sql = "SELECT e.id, e.name, " + select_type +
                      ", count(DISTINCT r.id),"
                      " min(CASE WHEN r.date GLOB '[0-9][0-9][0-9][0-9]*' THEN r.date END),"
                      " max(CASE WHEN r.date GLOB '[0-9][0-9][0-9][0-9]*' THEN r.date END) " +
                      from_join + " WHERE (?1 IS NULL OR instr(e.name, ?1) > 0)";
    if (f.from || f.to) sql += " AND r.date GLOB '[0-9][0-9][0-9][0-9]*'";
    if (f.from) sql += " AND r.date >= ?2";
    if (f.to) sql += " AND substr(r.date, 1, length(?3)) <= ?3";
    sql += " GROUP BY e.id ORDER BY count(DISTINCT r.id) DESC, e.name";
    if (f.limit) sql += " LIMIT " + std::to_string(*f.limit);
    auto st = archive.db().prepare(sql);
    if (f.like) st.bind(1, to_simplified(*f.like));
    else st.bind_null(1);
    if (f.from) st.bind(2, *f.from);
    if (f.to) st.bind(3, *f.to);
    std::vector<DirectoryEntry> out;
    std::vector<std::int64_t> ids;
    while (st.step()) {
        DirectoryEntry e;
        ids.push_back(st.int64(0));
        e.name = st.text(1);
        e.type = st.text(2);
        e.records = static_cast<std::size_t>(st.int64(3));
        e.first_date = st.opt_text(4);
        e.last_date = st.opt_text(5);
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace

std::vector<DirectoryEntry> list_people(const Archive& archive, const DirectoryFilter& f) {
    auto out = list(archive, f, "''", "FROM people e JOIN mentions m ON m.person_id = e.id JOIN records r ON r.id = m.record_id");
    auto titles = archive.db().prepare(
        "SELECT mt.title FROM mention_titles mt JOIN mentions m ON m.id = mt.mention_id "
        "JOIN people p ON p.id = m.person_id WHERE p.name = ?1 GROUP BY mt.title ORDER BY count(*) DESC, min(m.id)");
    for (auto& e : out) {
        titles.reset();
        titles.bind(1, e.name);
        while (titles.step()) e.titles.push_back(titles.text(0));
    }
    return out;
}

std::vector<DirectoryEntry> list_organizations(const Archive& archive, const DirectoryFilter& f) {
    return list(archive, f, "e.type",
                "FROM organizations e JOIN record_organizations ro ON ro.organization_id = e.id "
                "JOIN records r ON r.id = ro.record_id");
}

} // namespace jianbao
