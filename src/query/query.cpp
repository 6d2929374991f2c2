#include "jianbao/query/query.hpp"

#include "jianbao/query/date_span.hpp"
#include "jianbao/query/match.hpp"
#include "jianbao/store/fts.hpp"
#include "jianbao/store/person_records.hpp"
#include "jianbao/store/record_people.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace jianbao {

namespace {

// Export order: dated records (YYYY…) chronologically, then year-less ones (--MM-DD), then
// records without a date; ties by id.
constexpr const char* kExportOrder =
    "CASE WHEN r.date IS NULL THEN 2 WHEN r.date GLOB '[0-9]*' THEN 0 ELSE 1 END, r.date, r.id";

bool valid_date_filter(const std::string& s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    if (!digits(0, 4)) return false;
    if (s.size() >= 7) {
        if (s[4] != '-' || !digits(5, 2)) return false;
        int m = std::stoi(s.substr(5, 2));
        if (m < 1 || m > 12) return false;
    }
    if (s.size() == 10) {
        if (s[7] != '-' || !digits(8, 2)) return false;
        int d = std::stoi(s.substr(8, 2));
        if (d < 1 || d > 31) return false;
    }
    return true;
}

struct Sql {
    std::string where;
    std::vector<std::string> params;
    void add(const std::string& cond) { where += where.empty() ? " WHERE " : " AND "; where += cond; }
    std::string param(std::string v) {
        params.push_back(std::move(v));
        std::string out = "?"; // (not "?" + …: GCC 12 warns falsely about that, -Wrestrict)
        out += std::to_string(params.size());
        return out;
    }
};

// The filters other than the text, on records aliased r.
void add_filters(Sql& sql, const SearchFilter& f, bool person_by_probe = false) {
    if (f.from && !valid_date_filter(*f.from))
        throw Error("--from: '" + *f.from + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", exit_usage);
    if (f.to && !valid_date_filter(*f.to))
        throw Error("--to: '" + *f.to + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", exit_usage);
    if (f.from && f.to && f.from->substr(0, std::min(f.from->size(), f.to->size())) > *f.to)
        throw Error("--from " + *f.from + " is after --to " + *f.to, exit_usage);
    if (f.kind && *f.kind != "article" && *f.kind != "brief" && *f.kind != "caption")
        throw Error("--kind: '" + *f.kind + "' is not one of article, brief, caption", exit_usage);

    // The person's records through mentions_person(person_id, record_id), not a probe per record;
    // or, with person_by_probe, a probe per record of an ordered scan (see search()).
    if (f.person && person_by_probe)
        sql.add("EXISTS (SELECT 1 FROM mentions m WHERE m.person_id = (SELECT id FROM people WHERE name = " +
                sql.param(*f.person) + ") AND m.record_id = r.id)");
    else if (f.person)
        sql.add("r.id IN (SELECT m.record_id FROM mentions m JOIN people p ON p.id = m.person_id "
                "WHERE p.name = " + sql.param(*f.person) + ")");
    if (f.org)
        sql.add("EXISTS (SELECT 1 FROM record_organizations ro JOIN organizations o ON o.id = ro.organization_id "
                "WHERE ro.record_id = r.id AND instr(o.name, " + sql.param(*f.org) + ") > 0)");
    if (f.from || f.to) sql.add("r.date GLOB '[0-9][0-9][0-9][0-9]*'");
    // Dates compare as text: YYYY < YYYY-MM < YYYY-MM-DD; '~' sorts after every digit and '-'.
    if (f.from) sql.add("r.date >= " + sql.param(*f.from));
    if (f.to) sql.add("r.date <= " + sql.param(*f.to + "~"));
    if (f.kind) sql.add("r.kind = " + sql.param(*f.kind));
}

std::string limit_clause(const SearchFilter& f) {
    if (!f.limit) return "";
    return " LIMIT " + std::to_string(static_cast<long long>(std::min<std::size_t>(*f.limit, 1ULL << 62)));
}

void bind_all(sqlite::Stmt& st, const Sql& sql) {
    for (std::size_t i = 0; i < sql.params.size(); ++i) st.bind(static_cast<int>(i + 1), sql.params[i]);
}

// Whether the ordered scan with a probe per record (≈ limit × records / n probes) beats reading and
// sorting the person's n records: n² > limit × records. Both counts by index (max(id) estimates
// the number of records).
bool person_is_dense(const sqlite::Db& db, const std::string& name, std::size_t limit) {
    sqlite::Stmt st = db.prepare("SELECT (SELECT count(*) FROM mentions WHERE person_id = (SELECT id FROM people WHERE name = ?1)), "
                                 "(SELECT ifnull(max(id), 0) FROM records)");
    st.bind(1, name);
    if (!st.step()) return false;
    double n = static_cast<double>(st.int64(0));
    double records = static_cast<double>(st.int64(1));
    return n * n > static_cast<double>(limit) * records;
}

// ---- loading records ----

std::vector<std::string> split_body(const std::string& body, std::size_t count) {
    std::vector<std::string> out;
    if (count == 0) return out;
    std::size_t start = 0;
    for (;;) {
        std::size_t nl = body.find('\n', start);
        if (nl == std::string::npos) {
            out.push_back(body.substr(start));
            break;
        }
        out.push_back(body.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

constexpr const char* kRecordColumns =
    "r.id, r.seq, r.kind, r.section, r.title, r.date, r.time_of_day, r.date_text, r.body, r.paragraph_count, "
    "r.paragraphs_json, b.id, b.source, b.sha256, b.encoding, b.issued, b.masthead, b.colophon";

RecordKind kind_from(const std::string& s) {
    if (s == "brief") return RecordKind::brief;
    if (s == "caption") return RecordKind::caption;
    return RecordKind::article;
}

// Fills a StoredRecord from a row of kRecordColumns, then its details.
StoredRecord read_record(const sqlite::Db& db, const sqlite::Stmt& row) {
    StoredRecord out;
    out.id = row.int64(0);
    Record& r = out.record;
    r.seq = row.integer(1);
    r.kind = kind_from(row.text(2));
    r.section = row.opt_text(3);
    r.title = row.opt_text(4);
    r.date = row.opt_text(5);
    r.time_of_day = row.opt_text(6);
    r.date_text = row.opt_text(7);
    if (!row.is_null(10)) {
        r.paragraphs = nlohmann::json::parse(row.text(10)).get<std::vector<std::string>>();
    } else {
        r.paragraphs = split_body(row.text(8), static_cast<std::size_t>(row.int64(9)));
    }
    out.bulletin.id = row.int64(11);
    out.bulletin.source = row.text(12);
    out.bulletin.sha256 = row.text(13);
    out.bulletin.encoding = row.text(14);
    out.bulletin.issued = row.opt_text(15);
    // Lines joined by a newline (migration 10), NULL when there are none; split_body splits at every
    // newline whatever its (non-zero) count.
    if (!row.is_null(16)) out.bulletin.masthead = split_body(row.text(16), 1);
    if (!row.is_null(17)) out.bulletin.colophon = split_body(row.text(17), 1);

    const std::int64_t id = out.id;
    {
        sqlite::Stmt& st = db.cached("SELECT text, value, time_of_day, begin_offset, end_offset FROM record_dates "
                                     "WHERE record_id = ?1 ORDER BY ordinal");
        st.bind(1, id);
        while (st.step()) {
            DateMention d;
            d.text = st.text(0);
            d.value = st.opt_text(1);
            d.time_of_day = st.opt_text(2);
            d.begin = static_cast<std::size_t>(st.int64(3));
            d.end = static_cast<std::size_t>(st.int64(4));
            r.dates.push_back(std::move(d));
        }
    }
    {
        sqlite::Stmt& st = db.cached(
            "SELECT m.ordinal, p.name, m.mentions, t.title FROM mentions m JOIN people p ON p.id = m.person_id "
            "LEFT JOIN mention_titles t ON t.mention_id = m.id WHERE m.record_id = ?1 ORDER BY m.ordinal, t.ordinal");
        st.bind(1, id);
        std::int64_t last = -1;
        while (st.step()) {
            if (st.int64(0) != last) {
                last = st.int64(0);
                Person p;
                p.name = st.text(1);
                p.mentions = st.integer(2);
                r.people.push_back(std::move(p));
            }
            if (!st.is_null(3)) r.people.back().titles.push_back(st.text(3));
        }
    }
    {
        sqlite::Stmt& st = db.cached(
            "SELECT o.name, o.type, ro.mentions FROM record_organizations ro JOIN organizations o "
            "ON o.id = ro.organization_id WHERE ro.record_id = ?1 ORDER BY ro.ordinal");
        st.bind(1, id);
        while (st.step()) r.organizations.push_back({st.text(0), st.text(1), st.integer(2)});
    }
    {
        sqlite::Stmt& st = db.cached("SELECT p.name, rp.mentions FROM record_places rp JOIN places p ON p.id = rp.place_id "
                                     "WHERE rp.record_id = ?1 ORDER BY rp.ordinal");
        st.bind(1, id);
        while (st.step()) r.places.push_back({st.text(0), st.integer(1)});
    }
    {
        sqlite::Stmt& st = db.cached("SELECT \"trigger\", type, date, time_of_day, sentence FROM events "
                                     "WHERE record_id = ?1 ORDER BY ordinal");
        st.bind(1, id);
        while (st.step()) {
            Event e;
            e.trigger = st.text(0);
            e.type = st.text(1);
            e.date = st.opt_text(2);
            e.time_of_day = st.opt_text(3);
            e.sentence = st.text(4);
            r.events.push_back(std::move(e));
        }
    }
    if (!r.events.empty()) {
        sqlite::Stmt& st = db.cached(
            "SELECT e.ordinal, p.name FROM events e JOIN event_participants ep ON ep.event_id = e.id "
            "JOIN people p ON p.id = ep.person_id WHERE e.record_id = ?1 ORDER BY e.ordinal, ep.ordinal");
        st.bind(1, id);
        while (st.step()) {
            auto k = static_cast<std::size_t>(st.int64(0));
            if (k < r.events.size()) r.events[k].participants.push_back(st.text(1));
        }
        sqlite::Stmt& so = db.cached(
            "SELECT e.ordinal, eo.name FROM events e JOIN event_organizations eo ON eo.event_id = e.id "
            "WHERE e.record_id = ?1 ORDER BY e.ordinal, eo.ordinal");
        so.bind(1, id);
        while (so.step()) {
            auto k = static_cast<std::size_t>(so.int64(0));
            if (k < r.events.size()) r.events[k].organizations.push_back(so.text(1));
        }
    }
    return out;
}

// kExportOrder's first key: dated, year-less ('--12-09'), undated.
int export_class(const std::optional<std::string>& date) {
    if (!date) return 2;
    return !date->empty() && (*date)[0] >= '0' && (*date)[0] <= '9' ? 0 : 1;
}

} // namespace

std::vector<SearchHit> search(const Archive& archive, const SearchFilter& filter) {
    const sqlite::Db& db = archive.db();
    Sql sql;
    query::FtsQuery text_match;
    if (filter.text) text_match = query::parse_query(*filter.text); // throws Error(exit_usage) first
    bool by_relevance = filter.text && filter.sort != SearchFilter::Sort::date;

    // The matching ids are sorted and cut to LIMIT first, reading of each record only what the
    // filters need; titles and bodies are read (and snippets made) for the rows returned only.
    std::string inner;
    if (filter.text) {
        // jianbao_rank is bm25 (title 5×, body 1×), exact for the first LIMIT rows, so that a
        // common term does not cost a docsize lookup for each of its rows.
        bool filtered = filter.person || filter.org || filter.from || filter.to || filter.kind;
        std::string k = filter.limit ? std::to_string(static_cast<long long>(std::min<std::size_t>(*filter.limit, 1ULL << 62))) : "0";
        sql.add("records_fts MATCH " + sql.param(text_match.expr));
        add_filters(sql, filter);
        inner = by_relevance ? "SELECT records_fts.rowid AS id, jianbao_rank(records_fts, " + k + ", 1.0, 5.0) AS score"
                             : std::string("SELECT r.id AS id");
        inner += " FROM records_fts";
        if (filtered || !by_relevance) inner += " JOIN records r ON r.id = records_fts.rowid";
        inner += sql.where;
        inner += by_relevance ? " ORDER BY score, id" : std::string(" ORDER BY ") + kExportOrder;
    } else {
        // A person in thousands of records: the records in export order from records_export_order,
        // each probed in mentions_person, stopping at LIMIT — about LIMIT × records / matches probes
        // instead of reading and sorting every match.
        bool dense = filter.person && filter.limit && !filter.org && !filter.from && !filter.to && !filter.kind &&
                     person_is_dense(db, *filter.person, *filter.limit);
        add_filters(sql, filter, dense);
        inner = std::string("SELECT r.id AS id FROM records r") + (dense ? " INDEXED BY records_export_order" : "") +
                sql.where + " ORDER BY " + kExportOrder;
    }
    inner += limit_clause(filter);
    std::string q = "SELECT r.id, r.date, r.kind, r.title, r.body FROM (" + inner + ") t JOIN records r ON r.id = t.id";
    q += by_relevance ? " ORDER BY t.score, t.id" : std::string(" ORDER BY ") + kExportOrder;

    std::vector<SearchHit> hits;
    try {
        sqlite::Stmt st = db.prepare(q);
        bind_all(st, sql);
        while (st.step()) {
            SearchHit h;
            h.id = st.int64(0);
            h.date = st.opt_text(1);
            h.kind = st.text(2);
            std::optional<std::string> title = st.opt_text(3);
            std::string body = st.text(4);
            h.heading = person_records::heading(title, body);
            if (filter.text) {
                std::vector<std::string_view> fields;
                if (title) fields.emplace_back(*title);
                std::string_view rest(body);
                while (true) {
                    std::size_t nl = rest.find('\n');
                    fields.push_back(rest.substr(0, nl));
                    if (nl == std::string_view::npos) break;
                    rest.remove_prefix(nl + 1);
                }
                h.snippet = fts::snippet(fields, text_match.terms, "\x01", "\x02", 24);
            }
            hits.push_back(std::move(h));
        }
    } catch (const Error& e) {
        // The query text is always quoted, so FTS5 syntax errors should not happen; never show one.
        if (std::string(e.what()).find("fts5:") != std::string::npos)
            throw Error("search: cannot understand the query '" + *filter.text + "'", exit_usage);
        throw;
    }
    return hits;
}

namespace {
// The statement selecting `columns` of the filter's records in export order.
sqlite::Stmt select_records(const sqlite::Db& db, const SearchFilter& filter, const std::string& columns) {
    Sql sql;
    std::string q = "SELECT " + columns + " FROM records r JOIN bulletins b ON b.id = r.bulletin_id";
    if (filter.text) sql.add("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH " +
                             sql.param(query::to_fts5(*filter.text)) + ")");
    add_filters(sql, filter);
    q += sql.where + " ORDER BY " + kExportOrder + limit_clause(filter);
    sqlite::Stmt st = db.prepare(q);
    bind_all(st, sql);
    return st;
}
} // namespace

void for_each_record(const Archive& archive, const SearchFilter& filter,
                     const std::function<void(const StoredRecord&)>& visit) {
    const sqlite::Db& db = archive.db();
    sqlite::Stmt st = select_records(db, filter, kRecordColumns);
    while (st.step()) visit(read_record(db, st));
}

void for_each_record_id(const Archive& archive, const SearchFilter& filter,
                        const std::function<void(std::int64_t id, const std::optional<std::string>& date)>& visit) {
    sqlite::Stmt st = select_records(archive.db(), filter, "r.id, r.date");
    while (st.step()) visit(st.int64(0), st.opt_text(1));
}

std::optional<StoredRecord> load_record(const Archive& archive, std::int64_t id) {
    const sqlite::Db& db = archive.db();
    sqlite::Stmt st = db.prepare(std::string("SELECT ") + kRecordColumns +
                                 " FROM records r JOIN bulletins b ON b.id = r.bulletin_id WHERE r.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_record(db, st);
}

std::optional<PersonReport> person_report(const Archive& archive, const std::string& name,
                                          const PersonReportLimits& limits) {
    const sqlite::Db& db = archive.db();
    std::int64_t person_id = 0;
    {
        sqlite::Stmt st = db.prepare("SELECT id FROM people WHERE name = ?1");
        st.bind(1, name);
        if (!st.step()) return std::nullopt;
        person_id = st.int64(0);
    }
    // Two set-based queries over the person's records, not queries per record of the timeline.
    PersonReport rep;
    rep.name = name;
    {
        // The person's rows of person_records (one range of the table), in export order.
        sqlite::Stmt st = db.prepare("SELECT record_id, date, heading, titles, event FROM person_records WHERE person_id = ?1");
        st.bind(1, person_id);
        while (st.step()) {
            TimelineEntry e;
            e.record_id = st.int64(0);
            e.date = st.opt_text(1);
            e.heading = st.text(2);
            e.titles = person_records::unpack_titles(st.text(3));
            e.event = st.opt_text(4);
            rep.timeline.push_back(std::move(e));
        }
        std::sort(rep.timeline.begin(), rep.timeline.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
            const int ca = export_class(a.date), cb = export_class(b.date);
            if (ca != cb) return ca < cb;
            if (a.date != b.date) return a.date < b.date; // (the same class: both dated or both not)
            return a.record_id < b.record_id;
        });
    }
    if (rep.timeline.empty()) return std::nullopt;
    std::unordered_map<std::int64_t, std::size_t> entry_of_record;
    entry_of_record.reserve(rep.timeline.size());
    for (std::size_t i = 0; i < rep.timeline.size(); ++i) entry_of_record.emplace(rep.timeline[i].record_id, i);
    // The others in each record, in the order they are mentioned, each once: one record_people
    // row per record (a record may list thousands of names: a congress). Ids are counted as
    // integers, and only the names the report shows are looked up (people.name is unique, so ids
    // and names correspond).
    std::vector<std::vector<std::int64_t>> with_ids(rep.timeline.size());
    {
        sqlite::Stmt st = db.prepare("SELECT record_id, people FROM record_people "
                                     "WHERE record_id IN (SELECT record_id FROM person_records WHERE person_id = ?1)");
        st.bind(1, person_id);
        std::vector<std::int64_t> ids;
        while (st.step()) {
            const std::int64_t rid = st.int64(0);
            auto it = entry_of_record.find(rid);
            if (it == entry_of_record.end()) continue;
            ids.clear();
            record_people::unpack(st.text(1), rid, ids);
            std::vector<std::int64_t>& out = with_ids[it->second];
            out.reserve(ids.size());
            for (std::int64_t id : ids)
                if (id != person_id) out.push_back(id);
        }
    }
    sqlite::Stmt& name_of = db.cached("SELECT name FROM people WHERE id = ?1");
    std::unordered_map<std::int64_t, std::string> names;
    auto name_of_id = [&](std::int64_t id) -> const std::string& {
        auto [it, fresh] = names.try_emplace(id);
        if (fresh) {
            name_of.bind(1, id);
            if (name_of.step()) it->second = name_of.text(0);
            name_of.reset();
        }
        return it->second;
    };
    auto within = [](std::size_t limit, std::size_t n) { return limit == 0 ? n : std::min(limit, n); };
    // Title spans and companion counts in timeline order, as the report lists them (ties among
    // companions keep the order of first appearance).
    std::map<std::string, std::size_t> title_index;
    std::unordered_map<std::int64_t, std::size_t> companion_count;
    std::vector<std::int64_t> companion_order;
    for (std::size_t i = 0; i < rep.timeline.size(); ++i) {
        TimelineEntry& e = rep.timeline[i];
        const std::vector<std::int64_t>& ids = with_ids[i];
        e.with_total = ids.size();
        for (std::size_t k = 0; k < within(limits.with_per_record, ids.size()); ++k) e.with.push_back(name_of_id(ids[k]));
        for (std::int64_t other : ids)
            if (companion_count[other]++ == 0) companion_order.push_back(other);
        for (const std::string& title : e.titles) {
            auto [it, fresh] = title_index.emplace(title, rep.titles.size());
            if (fresh) rep.titles.push_back({title, std::nullopt, std::nullopt, 0});
            TitleSpan& span = rep.titles[it->second];
            ++span.records;
            widen_span(span.first_seen, span.last_seen, e.date);
        }
    }
    std::stable_sort(companion_order.begin(), companion_order.end(), [&](std::int64_t a, std::int64_t b) {
        return companion_count[a] > companion_count[b];
    });
    rep.companions_total = companion_order.size();
    for (std::size_t k = 0; k < within(limits.companions, companion_order.size()); ++k)
        rep.companions.push_back({name_of_id(companion_order[k]), companion_count[companion_order[k]]});
    return rep;
}

Stats stats(const Archive& archive) {
    const sqlite::Db& db = archive.db();
    sqlite::Stmt st = db.prepare(
        // Names that are mentioned, by one index probe per name (not a DISTINCT over every
        // mention); dates starting with a digit as an index range ('0' ≤ date < ':').
        "SELECT (SELECT count(*) FROM bulletins), (SELECT count(*) FROM records), "
        "(SELECT count(*) FROM people x WHERE EXISTS (SELECT 1 FROM mentions WHERE person_id = x.id)), "
        "(SELECT count(*) FROM organizations x WHERE EXISTS (SELECT 1 FROM record_organizations WHERE organization_id = x.id)), "
        "(SELECT count(*) FROM places x WHERE EXISTS (SELECT 1 FROM record_places WHERE place_id = x.id)), "
        "(SELECT count(*) FROM events), "
        "(SELECT min(date) FROM records WHERE date >= '0' AND date < ':'), "
        "(SELECT max(date) FROM records WHERE date >= '0' AND date < ':')");
    Stats s;
    if (st.step()) {
        s.bulletins = static_cast<std::size_t>(st.int64(0));
        s.records = static_cast<std::size_t>(st.int64(1));
        s.people = static_cast<std::size_t>(st.int64(2));
        s.organizations = static_cast<std::size_t>(st.int64(3));
        s.places = static_cast<std::size_t>(st.int64(4));
        s.events = static_cast<std::size_t>(st.int64(5));
        s.first_date = st.opt_text(6);
        s.last_date = st.opt_text(7);
    }
    return s;
}

} // namespace jianbao
