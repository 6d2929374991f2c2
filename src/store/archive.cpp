#include "jianbao/store/archive.hpp"

#include "jianbao/store/fts.hpp"
#include "jianbao/store/person_records.hpp"
#include "jianbao/store/record_people.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>
#include <system_error>
#include <unordered_map>
#include <unistd.h>

namespace jianbao {

namespace {

constexpr std::int64_t kApplicationId = 0x4A42414F; // "JBAO"

// Schema migrations, applied in order inside one transaction. Never edit a released entry:
// append a new one (and bump nothing else — the version is the entry's number).
struct Migration {
    int version;
    const char* sql;
    void (*fill)(const sqlite::Db&) = nullptr; // run after sql, for what SQL alone cannot write
};

// v8's rows for the records already stored, from their mentions in order.
void fill_record_people(const sqlite::Db& db) {
    sqlite::Stmt write = db.prepare("INSERT INTO record_people(record_id, people) VALUES (?1, ?2)");
    record_people::from_mentions(db, [&](std::int64_t record, const std::string& packed) {
        write.bind(1, record).bind(2, packed);
        write.run();
    });
}

// v10's columns, unless the archive has them.
void add_bulletin_layout(const sqlite::Db& db) {
    for (const char* column : {"masthead", "colophon"}) {
        sqlite::Stmt st = db.prepare("SELECT count(*) FROM pragma_table_info('bulletins') WHERE name = ?1");
        st.bind(1, std::string(column));
        if (st.step() && st.int64(0) == 0) db.exec(std::string("ALTER TABLE bulletins ADD COLUMN ") + column + " TEXT");
    }
}

// v9's rows for the records already stored, from the tables they summarise.
void fill_person_records(const sqlite::Db& db) {
    person_records::from_tables(db, [&](const std::vector<person_records::Row>& rows) { person_records::insert(db, rows); });
}

const Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE bulletins(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  encoding TEXT NOT NULL,
  issued TEXT,
  issued_inferred INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL
);
CREATE TABLE records(
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'brief', 'caption')),
  section TEXT,
  title TEXT,
  date TEXT,
  time_of_day TEXT,
  date_text TEXT,
  body TEXT NOT NULL,               -- the paragraphs joined by '\n' (what records_fts indexes)
  paragraph_count INTEGER NOT NULL,
  paragraphs_json TEXT              -- JSON array, only when a paragraph itself holds a '\n'
);
CREATE INDEX records_bulletin ON records(bulletin_id, seq);
CREATE INDEX records_date ON records(date);
CREATE INDEX records_kind ON records(kind, date);

CREATE TABLE record_dates(
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT,
  time_of_day TEXT,
  begin_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  PRIMARY KEY (record_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX record_dates_value ON record_dates(value);

CREATE TABLE people(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  mentions INTEGER NOT NULL,
  UNIQUE (record_id, ordinal)
);
CREATE INDEX mentions_person ON mentions(person_id, record_id);
CREATE TABLE mention_titles(
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (mention_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX mention_titles_title ON mention_titles(title);

CREATE TABLE organizations(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  UNIQUE (name, type)
);
CREATE TABLE record_organizations(
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  mentions INTEGER NOT NULL,
  PRIMARY KEY (record_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX record_organizations_org ON record_organizations(organization_id);

CREATE TABLE places(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE record_places(
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  place_id INTEGER NOT NULL REFERENCES places(id),
  mentions INTEGER NOT NULL,
  PRIMARY KEY (record_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX record_places_place ON record_places(place_id);

CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  "trigger" TEXT NOT NULL,
  type TEXT NOT NULL,
  date TEXT,
  time_of_day TEXT,
  sentence TEXT NOT NULL,
  UNIQUE (record_id, ordinal)
);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_participants(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX event_participants_person ON event_participants(person_id);
CREATE TABLE event_organizations(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;

-- Full-text index over title and body, external content kept in step by triggers.
CREATE VIRTUAL TABLE records_fts USING fts5(
  title, body, content='records', content_rowid='id', tokenize='jianbao');
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
  INSERT INTO records_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
  INSERT INTO records_fts(records_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF title, body ON records BEGIN
  INSERT INTO records_fts(records_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO records_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
)sql"},
    // v2: the same bulletin in another encoding is the same bulletin: a hash of its decoded text.
    {2, R"sql(
ALTER TABLE bulletins ADD COLUMN text_sha256 TEXT;
CREATE INDEX bulletins_text_sha256 ON bulletins(text_sha256);
)sql"},
    // v3: the tokenizer emits bigrams (one per position) instead of single characters, so the
    // index is rebuilt from the records. The body is now column 0 (FTS5 marks every position
    // list outside column 0 with two more bytes), and `rank` is bm25 with the title weighted 5×
    // (for ORDER BY rank in the sqlite3 shell; search uses jianbao_rank, the same order).
    {3, R"sql(
DROP TABLE records_fts;
CREATE VIRTUAL TABLE records_fts USING fts5(
  body, title, content='records', content_rowid='id', tokenize='jianbao');
INSERT INTO records_fts(records_fts, rank) VALUES('rank', 'bm25(1.0, 5.0)');
INSERT INTO records_fts(records_fts) VALUES('rebuild');
)sql"},
    // v4: the export order (dated, year-less, undated; then date, id) as an index, so that
    // `search --person` of someone in thousands of records reads them in order and stops at LIMIT.
    // IF NOT EXISTS: the migration tests rewind user_version on an archive that has it.
    {4, R"sql(
CREATE INDEX IF NOT EXISTS records_export_order ON records(
  CASE WHEN date IS NULL THEN 2 WHEN date GLOB '[0-9]*' THEN 0 ELSE 1 END, date);
)sql"},
    // v5: FTS5 merges segments of the index less eagerly. Each imported file is one transaction,
    // so one new level-0 segment; with the default automerge (4) FTS5 rewrote them so often that
    // merging cost as much as indexing: inserting 30 MB file by file went from 3.2 to 4.6 MB/s of
    // CPU with 8, for 1% more index and at most 7 (not 3) segments per level for a query to read.
    // Stored in records_fts_config, so it holds for every connection, the sqlite3 shell's too.
    // (hashsize would not help: FTS5 flushes its pending terms at every commit, ≈ 20 KB here.)
    {5, R"sql(
INSERT INTO records_fts(records_fts, rank) VALUES('automerge', 8);
)sql"},
    // v6: Archive::import writes a bulletin's full-text rows itself, in one statement after all
    // its other rows, instead of this trigger. SQLite's FTS5 (3.40) writes its pending terms out
    // as a new index segment at every statement savepoint, and every INSERT of a record (it has a
    // trigger) and of a name (an upsert) opens one: the trigger made one segment per record, not
    // per bulletin, and merging them cost a quarter of an import's instructions (callgrind).
    // The delete and update triggers stay: `remove` and any UPDATE keep the index in step.
    {6, R"sql(
DROP TRIGGER IF EXISTS records_fts_insert;
)sql"},
    // v7: each record's people in mention order, read from the index alone. `person` reads every
    // other person of the person's records (a congress's member list: 2,000 names per record, so
    // 128,000 rows for someone on it 59 times); through the (record_id, ordinal) key each row
    // cost a seek into the table for person_id. The index adds ≈ 1.5% to an archive.
    {7, R"sql(
CREATE INDEX IF NOT EXISTS mentions_record_people ON mentions(record_id, ordinal, person_id);
)sql"},
    // v8: each record's people in one row (jianbao/store/record_people.hpp): `person` read the
    // others of the person's records mention by mention, 129,000 rows (45 ms) for someone on a
    // congress's member list 59 times; now 59 rows. v7's index served only that reading.
    {8, R"sql(
CREATE TABLE IF NOT EXISTS record_people(
  record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  people TEXT NOT NULL
);
DELETE FROM record_people;
DROP INDEX IF EXISTS mentions_record_people;
)sql", fill_record_people},
    // v9: each person's records with what `person` shows of them (jianbao/store/person_records.hpp):
    // the timeline of the most mentioned person of a 100,000-record archive (5,821 records) was
    // 5,821 seeks each into records, mention_titles and events, ≈ 60 ms; now one range of rows.
    // person_records_record serves the cascade when records are removed.
    {9, R"sql(
CREATE TABLE IF NOT EXISTS person_records(
  person_id INTEGER NOT NULL REFERENCES people(id),
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  date TEXT,
  heading TEXT NOT NULL,
  titles TEXT NOT NULL,             -- the person's titles there, joined by U+001F
  event TEXT,                       -- trigger of the event they take part in, else the first
  PRIMARY KEY (person_id, record_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS person_records_record ON person_records(record_id);
DELETE FROM person_records;
)sql", fill_person_records},
    // v10: a bulletin's masthead (name, issue number, issuer and date) and colophon (供稿, 报,
    // 送 …), which are no records, kept as written: lines joined by a newline, NULL when there is
    // none (and for bulletins imported before: their text was not read for them).
    // (Added by add_bulletin_layout: the migration tests rewind user_version on an archive that
    // has the columns, and SQLite has no ADD COLUMN IF NOT EXISTS.)
    {10, "", add_bulletin_layout},
};

// compact_index merges the index after an import of at least 1/kCompactShare of the records.
// At 100,000 records the merge took 9 s (an import of them ≈ 4 min) and cut a search of 改革开放
// from 20.8 to 13.2 ms, of 1998 from 28.7 to 20.9 ms (scripts/bench's archive, 2-core EPYC).
constexpr std::size_t kCompactShare = 4;

constexpr int latest_version() { return static_cast<int>(std::size(kMigrations)); }

std::int64_t pragma_int(const sqlite::Db& db, const char* sql) {
    sqlite::Stmt st = db.prepare(sql);
    return st.step() ? st.int64(0) : 0;
}

// Why this process cannot write the archive (file or directory permissions), or "" when it can.
std::string unwritable_reason(const std::filesystem::path& path) {
    std::filesystem::path dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    bool file_ok = access(path.c_str(), W_OK) == 0;
    bool dir_ok = access(dir.c_str(), W_OK) == 0;
    if (!file_ok && !dir_ok) return "neither the file nor its directory is writable";
    if (!file_ok) return "the file is not writable";
    if (!dir_ok) return "its directory is not writable, and SQLite keeps the -wal and -shm files beside it";
    return {};
}

// file: URI opening `path` as immutable (no locks, no -shm): bytes outside [A-Za-z0-9/._~-] escaped.
std::string immutable_uri(const std::filesystem::path& path) {
    std::string out = path.is_absolute() ? "file://" : "file:"; // file:///abs: an empty authority
    for (unsigned char c : path.string()) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (plain || c == '/' || c == '.' || c == '_' || c == '~' || c == '-') {
            out += static_cast<char>(c);
        } else {
            static const char hex[] = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out + "?immutable=1";
}

// Query commands read pages with pread() through SQLite's page cache, not a memory map. A map
// was faster on an earlier kernel; on this one (6.18, 2-core EPYC, session 7) faulting the map in
// and tearing it down cost more than the copies: stats 43 → 17 ms, searches 5–10% faster, person
// the same, at 100,000 records (two alternating runs of 15).
constexpr const char* kReadOnlyPragmas = "PRAGMA mmap_size=0";

[[noreturn]] void not_an_archive(const std::string& path, const std::string& why) {
    throw Error(path + ": not a jianbao archive (" + why + ")", exit_archive);
}

} // namespace

namespace {

// Ids of people, places and organisations ("name\x1ftype") already committed, kept from one
// import to the next so a name the archive knows costs a hash lookup, not a statement. Valid
// only while nothing but these imports wrote (`remove` deletes names no record uses any more):
// check() empties it when another connection committed (PRAGMA data_version changed) or this
// one changed rows since the last import (total_changes moved). Bounded, so memory stays flat.
struct NameCache {
    using Map = std::unordered_map<std::string, std::int64_t>;
    Map people, places, orgs;
    std::int64_t data_version = -1;
    std::int64_t own_changes = -1; // sqlite3_total_changes64 after the last import committed
    static constexpr std::size_t kMaxEntries = 200000;

    // Inside the import's transaction, before it writes.
    void check(const sqlite::Db& db) {
        sqlite::Stmt& st = db.cached("PRAGMA data_version");
        std::int64_t v = st.step() ? st.int64(0) : -1;
        st.reset();
        if (v != data_version || sqlite3_total_changes64(db.get()) != own_changes) clear();
        data_version = v;
    }

    std::size_t size() const { return people.size() + places.size() + orgs.size(); }
    void clear() {
        people.clear();
        places.clear();
        orgs.clear();
    }
};

} // namespace

struct Archive::Impl {
    sqlite::Db db;
    Mode mode;
    NameCache names{};
};

int Archive::schema_version() { return latest_version(); }

Archive::Archive(const std::filesystem::path& path, Mode mode) : path_(path) {
    const std::string label = path.string();
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (exists && std::filesystem::is_directory(path, ec)) throw Error(label + ": is a directory, not an archive", exit_archive);
    if (mode == Mode::read_only && !exists) throw Error(label + ": no such archive", exit_archive);

    // NOMUTEX: an Archive is used by one thread (the import's writer is the caller's thread, not
    // the parsing workers); in serialized mode every sqlite3_column_* locks a mutex, a tenth of
    // `person`'s time when it reads 130,000 rows (perf).
    int flags = (mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) |
                SQLITE_OPEN_NOMUTEX;
    impl_ = std::make_unique<Impl>(Impl{sqlite::Db(label, flags, label), mode});
    const sqlite::Db& db = impl_->db;
    sqlite3_busy_timeout(db.get(), 10000);

    // The first read of the file tells a database from anything else.
    std::int64_t version = 0;
    std::int64_t app_id = 0;
    std::int64_t objects = 0;
    auto first_read = [&] {
        try {
            version = pragma_int(db, "PRAGMA user_version");
            app_id = pragma_int(db, "PRAGMA application_id");
            objects = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
            return SQLITE_OK;
        } catch (const Error&) {
            int rc = sqlite3_errcode(db.get()) & 0xFF;
            if (rc == SQLITE_NOTADB) not_an_archive(label, "file is not a database");
            if (rc == SQLITE_CORRUPT) throw Error(label + ": archive is corrupt (" + db.errmsg() + ")", exit_archive);
            if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN) return rc;
            throw Error(label + ": cannot read archive: " + db.errmsg(), exit_archive);
        }
    };
    if (int rc = first_read(); rc != SQLITE_OK) {
        // A WAL archive whose directory we cannot write (no -shm file can be made there) cannot
        // be read normally. Read-only commands then read it as immutable (it is not written by
        // us, and nobody should write it meanwhile); a command that writes says why it cannot.
        const std::string why = unwritable_reason(path);
        if (mode == Mode::read_write) {
            if (why.empty()) throw Error(label + ": cannot read archive: " + db.errmsg(), exit_archive);
            throw Error(label + ": cannot write to the archive: it is read-only (" + why + ")", exit_archive);
        }
        // Immutable reading would ignore committed changes still in a -wal journal: refuse then.
        std::filesystem::path wal = path;
        wal += "-wal";
        if (std::filesystem::file_size(wal, ec) > 0 && !ec)
            throw Error(label + ": cannot read archive: its -wal journal holds changes that only a user who can "
                                "write the archive's directory can apply (run jianbao check as that user)",
                        exit_archive);
        impl_->db = sqlite::Db(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, label);
        if (first_read() != SQLITE_OK) throw Error(label + ": cannot read archive: " + db.errmsg(), exit_archive);
    }

    if (!fts::register_tokenizer(db.get()))
        throw Error(label + ": cannot open archive: this SQLite has no FTS5 full-text support", exit_archive);

    if (version == 0) {
        if (objects > 0) not_an_archive(label, "an SQLite database without the jianbao schema");
        if (mode == Mode::read_only) not_an_archive(label, "empty database");
    } else {
        if (app_id != kApplicationId) not_an_archive(label, "an SQLite database of another application");
        if (version > latest_version())
            throw Error(label + ": archive schema version " + std::to_string(version) +
                            " is newer than this jianbao supports (" + std::to_string(latest_version()) +
                            "); use a newer jianbao",
                        exit_archive);
        std::int64_t ours = pragma_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                           "('bulletins', 'records', 'records_fts')");
        if (ours != 3) not_an_archive(label, "jianbao tables missing");
        if (version < latest_version() && mode == Mode::read_only && access(label.c_str(), W_OK) == 0) {
            // A query command on an archive of an older jianbao: upgrade it once (one transaction,
            // in a read-write connection), then open it read-only as asked.
            // The reopening goes through this constructor again, so it is set up like any other.
            impl_.reset();
            { Archive upgraded(path, Mode::read_write); }
            impl_ = std::move(Archive(path, mode).impl_);
            return;
        }
        if (version < latest_version() && mode == Mode::read_only)
            throw Error(label + ": archive schema version " + std::to_string(version) +
                            " needs upgrading to " + std::to_string(latest_version()) +
                            "; open it once without read-only mode",
                        exit_archive);
    }

    if (mode == Mode::read_write) {
        // On a read-only file this fails; imports then report the read-only file.
        sqlite3_exec(db.get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        db.exec("PRAGMA synchronous=NORMAL");
        // Test hook: a size limit in pages makes "disk full" deterministic (e2e test_robustness.DiskFull).
        if (const char* pages = std::getenv("JIANBAO_TEST_MAX_PAGE_COUNT"); pages && *pages)
            db.exec("PRAGMA max_page_count=" + std::to_string(std::strtoll(pages, nullptr, 10)));
    }
    db.exec("PRAGMA foreign_keys=ON");
    if (mode == Mode::read_only) db.exec(kReadOnlyPragmas);

    if (version < latest_version()) {
        try {
            sqlite::Transaction tx(db);
            // Another process may have migrated meanwhile.
            std::int64_t current = pragma_int(db, "PRAGMA user_version");
            for (const Migration& m : kMigrations) {
                if (m.version <= current) continue;
                db.exec(m.sql);
                if (m.fill) m.fill(db);
            }
            db.exec("PRAGMA user_version=" + std::to_string(latest_version()));
            db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
            tx.commit();
        } catch (const Error& e) {
            if (sqlite3_db_readonly(db.get(), "main") == 1)
                throw Error(label + ": cannot create the archive: the file is read-only", exit_archive);
            throw Error(label + ": cannot set up the archive schema: " + e.what(), exit_archive);
        }
    }
}

Archive::~Archive() = default;

sqlite3* Archive::handle() const { return impl_->db.get(); }
const sqlite::Db& Archive::db() const { return impl_->db; }
bool Archive::read_only() const {
    return impl_->mode == Mode::read_only || sqlite3_db_readonly(impl_->db.get(), "main") == 1;
}

bool Archive::compact_index(std::size_t imported_records) {
    const sqlite::Db& db = impl_->db;
    if (imported_records == 0 || impl_->mode == Mode::read_only) return false;
    const auto total = static_cast<std::size_t>(pragma_int(db, "SELECT count(*) FROM records"));
    if (imported_records * kCompactShare < total) return false;
    if (pragma_int(db, "SELECT count(DISTINCT segid) FROM records_fts_idx") <= 1) return false;
    db.exec("INSERT INTO records_fts(records_fts) VALUES('optimize')");
    return true;
}

std::optional<std::int64_t> Archive::find_bulletin(const std::string& sha256) const {
    sqlite::Stmt& st = impl_->db.cached("SELECT id FROM bulletins WHERE sha256 = ?1");
    st.bind(1, sha256);
    std::optional<std::int64_t> id;
    if (st.step()) id = st.int64(0);
    st.reset();
    return id;
}

namespace {

// Ids of people, organisations and places, created on first use: looked up in the names
// committed before (NameCache), then in those of this transaction, then in the archive, and
// inserted only when new. (An upsert for every name would rewrite the row of every known one.)
// commit() hands this transaction's new names to the cache once the transaction has committed.
class Names {
public:
    Names(const sqlite::Db& db, NameCache& committed) : db_(db), committed_(committed) {}

    std::int64_t person(const std::string& name) {
        return get(committed_.people, people_, name, "SELECT id FROM people WHERE name = ?1",
                   "INSERT INTO people(name) VALUES (?1) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id", nullptr);
    }
    std::int64_t place(const std::string& name) {
        return get(committed_.places, places_, name, "SELECT id FROM places WHERE name = ?1",
                   "INSERT INTO places(name) VALUES (?1) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id", nullptr);
    }
    std::int64_t organization(const std::string& name, const std::string& type) {
        return get(committed_.orgs, orgs_, name + '\x1f' + type, "SELECT id FROM organizations WHERE name = ?1 AND type = ?2",
                   "INSERT INTO organizations(name, type) VALUES (?1, ?2) ON CONFLICT(name, type) DO UPDATE SET name = excluded.name RETURNING id",
                   &type, &name);
    }

    // After the transaction committed: its names are the archive's now.
    void commit() {
        if (committed_.size() + people_.size() + places_.size() + orgs_.size() > NameCache::kMaxEntries) committed_.clear();
        committed_.people.merge(people_);
        committed_.places.merge(places_);
        committed_.orgs.merge(orgs_);
    }

private:
    std::int64_t get(const NameCache::Map& committed, NameCache::Map& cache, const std::string& key, const char* select,
                     const char* insert, const std::string* second, const std::string* first = nullptr) {
        if (auto it = committed.find(key); it != committed.end()) return it->second;
        if (auto it = cache.find(key); it != cache.end()) return it->second;
        auto bind = [&](sqlite::Stmt& st) {
            st.bind(1, first ? *first : key);
            if (second) st.bind(2, *second);
        };
        sqlite::Stmt& found = db_.cached(select);
        bind(found);
        std::optional<std::int64_t> id;
        if (found.step()) id = found.int64(0);
        found.reset();
        if (!id) {
            sqlite::Stmt& st = db_.cached(insert);
            bind(st);
            if (!st.step()) throw Error(db_.label() + ": cannot store name " + key, exit_archive);
            id = st.int64(0);
            st.reset();
        }
        cache.emplace(key, *id);
        return *id;
    }
    const sqlite::Db& db_;
    NameCache& committed_;
    NameCache::Map people_, places_, orgs_;
};

std::string join_paragraphs(const std::vector<std::string>& ps, bool& reversible) {
    std::string body;
    reversible = true;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i) body += '\n';
        body += ps[i];
        if (ps[i].find('\n') != std::string::npos) reversible = false;
    }
    return body;
}

std::int64_t insert_record(const sqlite::Db& db, Names& names, std::int64_t bulletin_id, const Record& r) {
    bool reversible = true;
    std::string body = join_paragraphs(r.paragraphs, reversible);
    std::optional<std::string> json;
    if (!reversible) json = nlohmann::json(r.paragraphs).dump();

    sqlite::Stmt& st = db.cached(
        "INSERT INTO records(bulletin_id, seq, kind, section, title, date, time_of_day, date_text, body, "
        "paragraph_count, paragraphs_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    st.bind(1, bulletin_id).bind(2, r.seq).bind(3, to_string(r.kind)).bind(4, r.section).bind(5, r.title);
    st.bind(6, r.date).bind(7, r.time_of_day).bind(8, r.date_text).bind(9, body);
    st.bind(10, r.paragraphs.size()).bind(11, json);
    st.run();
    std::int64_t id = db.last_insert_rowid();

    for (std::size_t i = 0; i < r.dates.size(); ++i) {
        const DateMention& d = r.dates[i];
        sqlite::Stmt& s = db.cached("INSERT INTO record_dates(record_id, ordinal, text, value, time_of_day, "
                                    "begin_offset, end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        s.bind(1, id).bind(2, i).bind(3, d.text).bind(4, d.value).bind(5, d.time_of_day).bind(6, d.begin).bind(7, d.end);
        s.run();
    }
    person_records::RecordFacts facts;
    facts.record_id = id;
    facts.date = r.date;
    facts.heading = person_records::heading(r.title, body);
    std::vector<std::int64_t> person_ids;
    person_ids.reserve(r.people.size());
    for (std::size_t i = 0; i < r.people.size(); ++i) {
        const Person& p = r.people[i];
        std::int64_t pid = names.person(p.name);
        person_ids.push_back(pid);
        facts.mentions.push_back({pid, p.titles});
        sqlite::Stmt& s = db.cached("INSERT INTO mentions(record_id, ordinal, person_id, mentions) VALUES (?1, ?2, ?3, ?4)");
        s.bind(1, id).bind(2, i).bind(3, pid).bind(4, p.mentions);
        s.run();
        std::int64_t mid = db.last_insert_rowid();
        for (std::size_t k = 0; k < p.titles.size(); ++k) {
            sqlite::Stmt& t = db.cached("INSERT INTO mention_titles(mention_id, ordinal, title) VALUES (?1, ?2, ?3)");
            t.bind(1, mid).bind(2, k).bind(3, p.titles[k]);
            t.run();
        }
    }
    if (!person_ids.empty()) {
        sqlite::Stmt& s = db.cached("INSERT INTO record_people(record_id, people) VALUES (?1, ?2)");
        s.bind(1, id).bind(2, record_people::pack(person_ids));
        s.run();
    }
    for (std::size_t i = 0; i < r.organizations.size(); ++i) {
        const Organization& o = r.organizations[i];
        std::int64_t oid = names.organization(o.name, o.type);
        sqlite::Stmt& s = db.cached("INSERT INTO record_organizations(record_id, ordinal, organization_id, mentions) "
                                    "VALUES (?1, ?2, ?3, ?4)");
        s.bind(1, id).bind(2, i).bind(3, oid).bind(4, o.mentions);
        s.run();
    }
    for (std::size_t i = 0; i < r.places.size(); ++i) {
        const Place& p = r.places[i];
        std::int64_t pid = names.place(p.name);
        sqlite::Stmt& s = db.cached("INSERT INTO record_places(record_id, ordinal, place_id, mentions) VALUES (?1, ?2, ?3, ?4)");
        s.bind(1, id).bind(2, i).bind(3, pid).bind(4, p.mentions);
        s.run();
    }
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        const Event& e = r.events[i];
        sqlite::Stmt& s = db.cached("INSERT INTO events(record_id, ordinal, \"trigger\", type, date, time_of_day, sentence) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        s.bind(1, id).bind(2, i).bind(3, e.trigger).bind(4, e.type).bind(5, e.date).bind(6, e.time_of_day).bind(7, e.sentence);
        s.run();
        std::int64_t eid = db.last_insert_rowid();
        facts.events.push_back({e.trigger, {}});
        for (std::size_t k = 0; k < e.participants.size(); ++k) {
            std::int64_t pid = names.person(e.participants[k]);
            facts.events.back().participants.push_back(pid);
            sqlite::Stmt& t = db.cached("INSERT INTO event_participants(event_id, ordinal, person_id) VALUES (?1, ?2, ?3)");
            t.bind(1, eid).bind(2, k).bind(3, pid);
            t.run();
        }
        for (std::size_t k = 0; k < e.organizations.size(); ++k) {
            sqlite::Stmt& t = db.cached("INSERT INTO event_organizations(event_id, ordinal, name) VALUES (?1, ?2, ?3)");
            t.bind(1, eid).bind(2, k).bind(3, e.organizations[k]);
            t.run();
        }
    }
    person_records::insert(db, person_records::rows_of_record(facts));
    return id;
}

ImportResult counts(const Bulletin& b) {
    ImportResult r;
    std::set<std::string> people, orgs;
    r.records = b.records.size();
    for (const Record& rec : b.records) {
        for (const Person& p : rec.people) people.insert(p.name);
        for (const Organization& o : rec.organizations) orgs.insert(o.name);
        r.events += rec.events.size();
    }
    r.people = people.size();
    r.organizations = orgs.size();
    return r;
}

} // namespace

ImportResult Archive::import(const Bulletin& bulletin) {
    const sqlite::Db& db = impl_->db;
    const std::string label = path_.string();
    const std::string what = "cannot import " + bulletin.source;
    ImportResult result = counts(bulletin);
    if (impl_->mode == Mode::read_only) throw Error(label + ": " + what + ": the archive is open read-only", exit_archive);
    if (sqlite3_db_readonly(db.get(), "main") == 1)
        throw Error(label + ": " + what + ": the archive file is read-only", exit_archive);

    auto already = [&]() -> std::optional<std::int64_t> {
        if (auto id = find_bulletin(bulletin.sha256)) return id;
        if (bulletin.text_sha256.empty()) return std::nullopt;
        auto st = db.prepare("SELECT id FROM bulletins WHERE text_sha256 = ?1");
        st.bind(1, bulletin.text_sha256);
        if (st.step()) return st.int64(0);
        return std::nullopt;
    };
    if (auto id = already()) {
        result.already_imported = true;
        result.bulletin_id = *id;
        return result;
    }
    try {
        sqlite::Transaction tx(db);
        if (auto id = already()) { // imported by another process meanwhile
            result.already_imported = true;
            result.bulletin_id = *id;
            return result; // tx rolls back: nothing was written
        }
        impl_->names.check(db); // before this transaction writes anything
        sqlite::Stmt& st = db.cached(
            "INSERT INTO bulletins(sha256, source, encoding, issued, issued_inferred, imported_at, text_sha256, masthead, colophon) "
            "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?6, ?7, ?8)");
        st.bind(1, bulletin.sha256).bind(2, bulletin.source).bind(3, bulletin.encoding).bind(4, bulletin.issued);
        st.bind(5, bulletin.issued_inferred ? 1 : 0);
        if (bulletin.text_sha256.empty()) st.bind_null(6);
        else st.bind(6, bulletin.text_sha256);
        auto bind_lines = [&](int k, const std::vector<std::string>& lines) {
            if (lines.empty()) {
                st.bind_null(k);
                return;
            }
            std::string joined;
            for (const auto& l : lines) joined += (joined.empty() ? "" : "\n") + l;
            st.bind(k, joined);
        };
        bind_lines(7, bulletin.masthead);
        bind_lines(8, bulletin.colophon);
        st.run();
        result.bulletin_id = db.last_insert_rowid();
        Names names(db, impl_->names);
        for (const Record& r : bulletin.records) insert_record(db, names, result.bulletin_id, r);
        // The full-text rows last, all in one statement, so FTS5 writes one index segment for
        // the bulletin (at commit) rather than one per record (see migration 6).
        sqlite::Stmt& fts = db.cached("INSERT INTO records_fts(rowid, body, title) "
                                      "SELECT id, body, title FROM records WHERE bulletin_id = ?1 ORDER BY id");
        fts.bind(1, result.bulletin_id);
        fts.run();
        tx.commit();
        names.commit();
        impl_->names.own_changes = sqlite3_total_changes64(db.get());
    } catch (const Error& e) {
        std::string msg = e.what();
        // Messages from the SQLite layer start with the path already.
        if (msg.rfind(label + ": ", 0) == 0) msg = msg.substr(label.size() + 2);
        throw Error(label + ": " + what + ": " + msg + " (rolled back, nothing of it stored)", exit_archive);
    }
    return result;
}

} // namespace jianbao
