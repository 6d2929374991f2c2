// Archive storage: round trip, re-import, atomic failure, schema versions, refusals, read-only.
#include "jianbao/query/query.hpp"
#include "jianbao/store/archive.hpp"
#include "jianbao/store/maintenance.hpp"
#include "jianbao/store/person_records.hpp"
#include "jianbao/store/record_people.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace jianbao;

namespace {

struct TempDir {
    fs::path dir;
    TempDir() {
        static std::atomic<int> n{0};
        dir = fs::temp_directory_path() / ("jianbao-store-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    fs::path operator/(const std::string& name) const { return dir / name; }
};

Bulletin sample_bulletin(const std::string& sha = std::string(64, 'a')) {
    Bulletin b;
    b.source = "kaifaqu-2021-12.txt";
    b.sha256 = sha;
    b.encoding = "GB18030";
    b.issued = "2021-12";
    b.issued_inferred = true;

    Record a;
    a.seq = 1;
    a.kind = RecordKind::article;
    a.section = "要闻";
    a.title = "王进健来开发区调研“二次创业”";
    a.paragraphs = {"12月9日上午，扬州市委副书记、代市长王进健来邮调研开发园区“二次创业”工作。",
                    "我市市委书记张利，市委常委、常务副市长王学峰等陪同调研。", ""};
    a.date = "2021-12-09";
    a.time_of_day = "上午";
    a.date_text = "12月9日上午";
    a.dates = {{"12月9日上午", "2021-12-09", "上午", 0, 17}, {"近日", std::nullopt, std::nullopt, 40, 46}};
    a.people = {{"王进健", {"扬州市委副书记", "代市长"}, 2}, {"张利", {"市委书记"}, 1}, {"王学峰", {}, 1}};
    a.organizations = {{"扬州市委", "party", 1}, {"开发区", "government", 3}};
    a.places = {{"扬州", 2}, {"高邮", 1}};
    Event e1;
    e1.trigger = "调研";
    e1.type = "inspection";
    e1.date = "2021-12-09";
    e1.time_of_day = "上午";
    e1.sentence = "王进健来邮调研开发园区“二次创业”工作。";
    e1.participants = {"王进健", "张利", "王学峰"};
    e1.organizations = {"开发区"};
    Event e2;
    e2.trigger = "陪同";
    e2.type = "other";
    e2.sentence = "王学峰等陪同调研。";
    e2.participants = {"王学峰"};
    a.events = {e1, e2};

    Record brief;
    brief.seq = 2;
    brief.kind = RecordKind::brief;
    brief.paragraphs = {"近日，晶樱光电公司签约1.6GWh储能项目，\n行内换行保留。"}; // a '\n' inside a paragraph
    brief.people = {{"张利", {"市委书记"}, 1}};
    brief.organizations = {{"晶樱光电公司", "company", 1}};

    Record caption;
    caption.seq = 3;
    caption.kind = RecordKind::caption;
    caption.date = "--12-10";
    caption.paragraphs = {};

    b.records = {a, brief, caption};
    return b;
}

void expect_same(const Record& want, const Record& got) {
    EXPECT_EQ(want.seq, got.seq);
    EXPECT_EQ(want.kind, got.kind);
    EXPECT_EQ(want.section, got.section);
    EXPECT_EQ(want.title, got.title);
    EXPECT_EQ(want.paragraphs, got.paragraphs);
    EXPECT_EQ(want.date, got.date);
    EXPECT_EQ(want.time_of_day, got.time_of_day);
    EXPECT_EQ(want.date_text, got.date_text);
    ASSERT_EQ(want.dates.size(), got.dates.size());
    for (std::size_t i = 0; i < want.dates.size(); ++i) {
        EXPECT_EQ(want.dates[i].text, got.dates[i].text);
        EXPECT_EQ(want.dates[i].value, got.dates[i].value);
        EXPECT_EQ(want.dates[i].time_of_day, got.dates[i].time_of_day);
        EXPECT_EQ(want.dates[i].begin, got.dates[i].begin);
        EXPECT_EQ(want.dates[i].end, got.dates[i].end);
    }
    ASSERT_EQ(want.people.size(), got.people.size());
    for (std::size_t i = 0; i < want.people.size(); ++i) {
        EXPECT_EQ(want.people[i].name, got.people[i].name);
        EXPECT_EQ(want.people[i].titles, got.people[i].titles);
        EXPECT_EQ(want.people[i].mentions, got.people[i].mentions);
    }
    ASSERT_EQ(want.organizations.size(), got.organizations.size());
    for (std::size_t i = 0; i < want.organizations.size(); ++i) {
        EXPECT_EQ(want.organizations[i].name, got.organizations[i].name);
        EXPECT_EQ(want.organizations[i].type, got.organizations[i].type);
        EXPECT_EQ(want.organizations[i].mentions, got.organizations[i].mentions);
    }
    ASSERT_EQ(want.places.size(), got.places.size());
    for (std::size_t i = 0; i < want.places.size(); ++i) {
        EXPECT_EQ(want.places[i].name, got.places[i].name);
        EXPECT_EQ(want.places[i].mentions, got.places[i].mentions);
    }
    ASSERT_EQ(want.events.size(), got.events.size());
    for (std::size_t i = 0; i < want.events.size(); ++i) {
        const Event& w = want.events[i];
        const Event& g = got.events[i];
        EXPECT_EQ(w.trigger, g.trigger);
        EXPECT_EQ(w.type, g.type);
        EXPECT_EQ(w.date, g.date);
        EXPECT_EQ(w.time_of_day, g.time_of_day);
        EXPECT_EQ(w.sentence, g.sentence);
        EXPECT_EQ(w.participants, g.participants);
        EXPECT_EQ(w.organizations, g.organizations);
    }
}

std::vector<std::int64_t> bulletin_record_ids(const Archive& ar, std::int64_t bulletin_id) {
    std::vector<std::int64_t> ids;
    sqlite::Stmt st = ar.db().prepare("SELECT id FROM records WHERE bulletin_id = ?1 ORDER BY seq");
    st.bind(1, bulletin_id);
    while (st.step()) ids.push_back(st.int64(0));
    return ids;
}

std::int64_t scalar(const Archive& ar, const std::string& sql) {
    sqlite::Stmt st = ar.db().prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

template <class F>
Error expect_error(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "no jianbao::Error thrown";
    return Error("none", 0);
}

void write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

} // namespace

TEST(Store, RoundTripFieldByField) {
    TempDir t;
    Bulletin b = sample_bulletin();
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    ImportResult r = ar.import(b);
    EXPECT_FALSE(r.already_imported);
    EXPECT_EQ(r.records, 3u);
    EXPECT_EQ(r.people, 3u); // 张利 twice
    EXPECT_EQ(r.organizations, 3u);
    EXPECT_EQ(r.events, 2u);
    auto ids = bulletin_record_ids(ar, r.bulletin_id);
    ASSERT_EQ(ids.size(), 3u);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto got = load_record(ar, ids[i]);
        ASSERT_TRUE(got);
        EXPECT_EQ(got->id, ids[i]);
        EXPECT_EQ(got->bulletin.id, r.bulletin_id);
        EXPECT_EQ(got->bulletin.source, b.source);
        EXPECT_EQ(got->bulletin.sha256, b.sha256);
        EXPECT_EQ(got->bulletin.encoding, b.encoding);
        EXPECT_EQ(got->bulletin.issued, b.issued);
        expect_same(b.records[i], got->record);
    }
    EXPECT_FALSE(load_record(ar, 999999));
}

TEST(Store, RoundTripSurvivesReopen) {
    TempDir t;
    Bulletin b = sample_bulletin();
    std::int64_t bid = 0;
    {
        Archive ar(t / "a.jianbao", Archive::Mode::read_write);
        bid = ar.import(b).bulletin_id;
    }
    Archive ar(t / "a.jianbao", Archive::Mode::read_only);
    auto ids = bulletin_record_ids(ar, bid);
    ASSERT_EQ(ids.size(), 3u);
    for (std::size_t i = 0; i < ids.size(); ++i) expect_same(b.records[i], load_record(ar, ids[i])->record);
}

TEST(Store, PragmasAndSchemaVersion) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    sqlite::Stmt st = ar.db().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "wal");
    EXPECT_EQ(scalar(ar, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(scalar(ar, "PRAGMA user_version"), Archive::schema_version());
}

TEST(Store, ReimportIsAlreadyImportedAndChangesNothing) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    Bulletin b = sample_bulletin();
    ImportResult first = ar.import(b);
    Stats before = stats(ar);
    ImportResult again = ar.import(b);
    EXPECT_TRUE(again.already_imported);
    EXPECT_EQ(again.bulletin_id, first.bulletin_id);
    Stats after = stats(ar);
    EXPECT_EQ(before.bulletins, after.bulletins);
    EXPECT_EQ(before.records, after.records);
    EXPECT_EQ(before.people, after.people);
    EXPECT_EQ(before.events, after.events);
    EXPECT_EQ(after.bulletins, 1u);
    EXPECT_EQ(after.records, 3u);
    EXPECT_EQ(ar.find_bulletin(b.sha256), first.bulletin_id);
    EXPECT_FALSE(ar.find_bulletin(std::string(64, 'f')));
}

TEST(Store, FailureMidImportLeavesNothing) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    ar.import(sample_bulletin(std::string(64, '1')));
    Stats before = stats(ar);
    std::int64_t fts_rows = scalar(ar, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"储能\"'");

    // Inject a failure at the last event of the last record of the bulletin.
    ar.db().exec("CREATE TRIGGER boom BEFORE INSERT ON events WHEN new.\"trigger\" = 'BOOM' "
                 "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    Bulletin b = sample_bulletin(std::string(64, '2'));
    b.records.back().paragraphs = {"独一无二的储能文字"};
    Event e;
    e.trigger = "BOOM";
    e.type = "other";
    e.sentence = "x";
    b.records.back().events.push_back(e);
    Error err = expect_error([&] { ar.import(b); });
    EXPECT_EQ(err.exit_code(), exit_archive);
    std::string msg = err.what();
    EXPECT_NE(msg.find((t / "a.jianbao").string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("injected failure"), std::string::npos) << msg;
    EXPECT_NE(msg.find(b.source), std::string::npos) << msg;

    Stats after = stats(ar);
    EXPECT_EQ(before.bulletins, after.bulletins);
    EXPECT_EQ(before.records, after.records);
    EXPECT_EQ(before.people, after.people);
    EXPECT_EQ(before.events, after.events);
    EXPECT_FALSE(ar.find_bulletin(b.sha256));
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"储能\"'"), fts_rows);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"独一无二\"'"), 0);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM people"), 3);

    // The connection is usable afterwards and the same bulletin imports once the cause is gone.
    ar.db().exec("DROP TRIGGER boom");
    ImportResult r = ar.import(b);
    EXPECT_FALSE(r.already_imported);
    EXPECT_EQ(stats(ar).bulletins, 2u);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"独一无二\"'"), 1);
}

TEST(Store, DeletingABulletinCascadesAndKeepsFtsInStep) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    ImportResult r = ar.import(sample_bulletin());
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"二次创业\"'"), 1);
    ar.db().exec("DELETE FROM bulletins WHERE id = " + std::to_string(r.bulletin_id));
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM records"), 0);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM mentions"), 0);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM events"), 0);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"二次创业\"'"), 0);
    ar.db().exec("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')");
}

TEST(Store, NewerSchemaIsRefused) {
    TempDir t;
    fs::path p = t / "a.jianbao";
    { Archive ar(p, Archive::Mode::read_write); ar.db().exec("PRAGMA user_version = 99"); }
    for (auto mode : {Archive::Mode::read_write, Archive::Mode::read_only}) {
        Error e = expect_error([&] { Archive ar(p, mode); });
        EXPECT_EQ(e.exit_code(), exit_archive);
        std::string msg = e.what();
        EXPECT_NE(msg.find(p.string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("newer"), std::string::npos) << msg;
        EXPECT_NE(msg.find("99"), std::string::npos) << msg;
    }
}

TEST(Store, NonDatabaseFileIsRefused) {
    TempDir t;
    fs::path p = t / "notes.txt";
    std::string bytes = "这不是数据库。This is not an SQLite database, just some text long enough to matter.\n";
    for (int i = 0; i < 6; ++i) bytes += bytes;
    write_file(p, bytes);
    for (auto mode : {Archive::Mode::read_write, Archive::Mode::read_only}) {
        Error e = expect_error([&] { Archive ar(p, mode); });
        EXPECT_EQ(e.exit_code(), exit_archive);
        EXPECT_EQ(std::string(e.what()), p.string() + ": not a jianbao archive (file is not a database)");
    }
    std::ifstream in(p, std::ios::binary);
    std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(after, bytes); // untouched
}

TEST(Store, OtherSqliteDatabaseIsRefused) {
    TempDir t;
    fs::path p = t / "other.db";
    {
        sqlite::Db db(p.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, p.string());
        db.exec("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES ('x')");
    }
    Error e = expect_error([&] { Archive ar(p, Archive::Mode::read_write); });
    EXPECT_EQ(e.exit_code(), exit_archive);
    std::string msg = e.what();
    EXPECT_EQ(msg.rfind(p.string() + ": not a jianbao archive", 0), 0u) << msg;
    sqlite::Db db(p.string(), SQLITE_OPEN_READONLY, p.string());
    sqlite::Stmt st = db.prepare("SELECT count(*) FROM sqlite_schema");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 1); // no jianbao tables added
    sqlite::Stmt jm = db.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(jm.step());
    EXPECT_EQ(jm.text(0), "delete"); // journal mode untouched

    // Another application's database with a user_version of its own.
    fs::path q = t / "app.db";
    {
        sqlite::Db other(q.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, q.string());
        other.exec("CREATE TABLE t(x); PRAGMA user_version = 1");
    }
    Error e2 = expect_error([&] { Archive ar(q, Archive::Mode::read_only); });
    EXPECT_NE(std::string(e2.what()).find("not a jianbao archive"), std::string::npos) << e2.what();
}

TEST(Store, MissingAndEmptyForReadOnly) {
    TempDir t;
    Error e = expect_error([&] { Archive ar(t / "missing.jianbao", Archive::Mode::read_only); });
    EXPECT_EQ(e.exit_code(), exit_archive);
    EXPECT_EQ(std::string(e.what()), (t / "missing.jianbao").string() + ": no such archive");
    EXPECT_FALSE(fs::exists(t / "missing.jianbao"));
    Error d = expect_error([&] { Archive ar(t / "nodir" / "a.jianbao", Archive::Mode::read_write); });
    EXPECT_NE(std::string(d.what()).find((t / "nodir" / "a.jianbao").string()), std::string::npos);
}

TEST(Store, ReadOnlyModeReadsButRefusesImport) {
    TempDir t;
    fs::path p = t / "a.jianbao";
    { Archive ar(p, Archive::Mode::read_write); ar.import(sample_bulletin()); }
    Archive ro(p, Archive::Mode::read_only);
    EXPECT_TRUE(ro.read_only());
    EXPECT_EQ(stats(ro).records, 3u);
    SearchFilter f;
    f.text = "二次创业";
    EXPECT_EQ(search(ro, f).size(), 1u);
    Error e = expect_error([&] { ro.import(sample_bulletin(std::string(64, 'b'))); });
    EXPECT_EQ(e.exit_code(), exit_archive);
    std::string msg = e.what();
    EXPECT_NE(msg.find(p.string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("read-only"), std::string::npos) << msg;
    EXPECT_EQ(stats(ro).bulletins, 1u);
}

TEST(Store, ReadOnlyFile) {
    TempDir t;
    fs::path p = t / "a.jianbao";
    { Archive ar(p, Archive::Mode::read_write); ar.import(sample_bulletin()); }
    fs::permissions(p, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    {
        Archive ro(p, Archive::Mode::read_only);
        EXPECT_EQ(stats(ro).records, 3u);
    }
    if (::geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
    Archive rw(p, Archive::Mode::read_write);
    Error e = expect_error([&] { rw.import(sample_bulletin(std::string(64, 'c'))); });
    EXPECT_EQ(e.exit_code(), exit_archive);
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
}

TEST(Store, StatementsAreMoveOnlyAndReportErrors) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    static_assert(!std::is_copy_constructible_v<sqlite::Stmt>);
    static_assert(std::is_nothrow_move_constructible_v<sqlite::Stmt>);
    static_assert(!std::is_copy_constructible_v<sqlite::Db>);
    sqlite::Stmt a = ar.db().prepare("SELECT 1");
    sqlite::Stmt b = std::move(a);
    EXPECT_EQ(a.get(), nullptr);
    ASSERT_TRUE(b.step());
    EXPECT_EQ(b.int64(0), 1);
    Error e = expect_error([&] { ar.db().prepare("SELEC nonsense"); });
    EXPECT_EQ(e.exit_code(), exit_archive);
    EXPECT_NE(std::string(e.what()).find((t / "a.jianbao").string()), std::string::npos);
}

TEST(Store, DamagedArchiveGivesArchiveErrorsNotCrashes) {
    TempDir t;
    fs::path good = t / "good.jianbao";
    {
        Archive ar(good, Archive::Mode::read_write);
        Bulletin b = sample_bulletin();
        for (int i = 0; i < 40; ++i) b.records.push_back(b.records[0]);
        ar.import(b);
    }
    std::ifstream in(good, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(bytes.size(), 8192u);
    std::vector<std::pair<std::string, std::string>> variants = {
        {"truncated", bytes.substr(0, bytes.size() / 3)},
        {"header-only", bytes.substr(0, 100)},
        {"scribbled", [&] {
             std::string s = bytes;
             for (std::size_t i = 4096; i < s.size(); i += 7) s[i] = static_cast<char>(s[i] ^ 0x5A);
             return s;
         }()},
        {"bad-header", "SQLite format 3" + std::string(1, '\0') + std::string(200, '\x7f')},
    };
    for (const auto& [name, data] : variants) {
        fs::path p = t / (name + ".jianbao");
        write_file(p, data);
        try {
            Archive ar(p, Archive::Mode::read_only);
            stats(ar);
            SearchFilter f;
            f.text = "二次创业";
            search(ar, f);
            for_each_record(ar, {}, [](const StoredRecord&) {});
        } catch (const Error& e) {
            EXPECT_EQ(e.exit_code(), exit_archive) << name << ": " << e.what();
            EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << name << ": " << e.what();
        }
    }
}

// Archive::import keeps the ids of names it committed for the next import; a name deleted
// meanwhile (remove deletes names no record uses), on this connection or another, must not be
// reused from that cache (the mention would point at no person, and the import would fail).
TEST(Store, NamesRemovedBetweenImportsAreStoredAgain) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    ImportResult first = ar.import(sample_bulletin(std::string(64, '1')));
    EXPECT_EQ(remove_bulletins(ar, std::to_string(first.bulletin_id)).size(), 1u); // this connection
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM people"), 0);
    ImportResult second = ar.import(sample_bulletin(std::string(64, '2')));
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM people"), 3);
    {
        Archive other(t / "a.jianbao", Archive::Mode::read_write); // another connection
        EXPECT_EQ(remove_bulletins(other, std::to_string(second.bulletin_id)).size(), 1u);
    }
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM people"), 0);
    ar.import(sample_bulletin(std::string(64, '3')));
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM people"), 3);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM mentions m JOIN people p ON p.id = m.person_id"),
              scalar(ar, "SELECT count(*) FROM mentions"));
    EXPECT_TRUE(check_archive(ar).empty());
}

// Each record's people list (record_people, what `person` reads for companions) is written with
// its mentions, goes with its record, and `check` finds one that disagrees with the mentions.
TEST(Store, RecordPeopleFollowTheMentions) {
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    ImportResult first = ar.import(sample_bulletin(std::string(64, '1')));
    const std::int64_t with_people = scalar(ar, "SELECT count(DISTINCT record_id) FROM mentions");
    ASSERT_GT(with_people, 0);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM record_people"), with_people);
    EXPECT_TRUE(check_archive(ar).empty());
    ar.db().exec("UPDATE record_people SET people = people || ',' || people");
    auto problems = check_archive(ar);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("record_people"), std::string::npos) << problems[0];
    EXPECT_EQ(remove_bulletins(ar, std::to_string(first.bulletin_id)).size(), 1u);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM record_people"), 0);
}

TEST(Store, PersonRecordsFollowTheTables) {
    // person_records is what `person` reads; import writes it, `check` recomputes it from the
    // mentions, titles and events and must agree, and removing a bulletin takes its rows.
    TempDir t;
    Archive ar(t / "a.jianbao", Archive::Mode::read_write);
    ImportResult first = ar.import(sample_bulletin(std::string(64, '1')));
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM person_records"), 4); // 3 people in the article, 张利 in the brief
    EXPECT_TRUE(check_archive(ar).empty());
    sqlite::Stmt st = ar.db().prepare(
        "SELECT pr.heading, pr.titles, pr.event FROM person_records pr JOIN people p ON p.id = pr.person_id "
        "WHERE p.name = ?1 ORDER BY pr.record_id");
    auto rows_of = [&](const std::string& name) {
        std::vector<std::string> out;
        st.bind(1, name);
        while (st.step()) out.push_back(st.text(0) + "|" + st.text(1) + "|" + st.opt_text(2).value_or("-"));
        st.reset();
        return out;
    };
    // titles joined by U+001F; the first event the person takes part in (王学峰: 调研, not 陪同);
    // an untitled record's heading is its first clause; no event in the brief
    EXPECT_EQ(rows_of("王进健"), (std::vector<std::string>{"王进健来开发区调研“二次创业”|扬州市委副书记\x1f代市长|调研"}));
    EXPECT_EQ(rows_of("王学峰"), (std::vector<std::string>{"王进健来开发区调研“二次创业”||调研"}));
    EXPECT_EQ(rows_of("张利"), (std::vector<std::string>{"王进健来开发区调研“二次创业”|市委书记|调研", "近日|市委书记|-"}));

    ar.db().exec("UPDATE person_records SET titles = '' WHERE titles = '市委书记' AND heading = '近日'");
    auto problems = check_archive(ar);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("person_records"), std::string::npos) << problems[0];
    EXPECT_EQ(remove_bulletins(ar, std::to_string(first.bulletin_id)).size(), 1u);
    EXPECT_EQ(scalar(ar, "SELECT count(*) FROM person_records"), 0);
}

TEST(Store, PersonRecordsEventFallsBackToTheRecordsFirst) {
    // Someone in no event of the record gets its first event; a person listed twice keeps the
    // titles of the first listing.
    using person_records::RecordFacts;
    RecordFacts f;
    f.record_id = 7;
    f.heading = "h";
    f.mentions = {{1, {"县长"}}, {2, {}}, {1, {"书记"}}};
    f.events = {{"会见", {1}}, {"出席", {}}};
    auto rows = person_records::rows_of_record(f);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].person_id, 1);
    EXPECT_EQ(rows[0].titles, "县长");
    EXPECT_EQ(rows[0].event, std::optional<std::string>("会见"));
    EXPECT_EQ(rows[1].event, std::optional<std::string>("会见"));
    f.events.clear();
    EXPECT_EQ(person_records::rows_of_record(f)[1].event, std::nullopt);
    EXPECT_EQ(person_records::unpack_titles(person_records::pack_titles({"a", "", "b"})),
              (std::vector<std::string>{"a", "", "b"}));
    EXPECT_TRUE(person_records::unpack_titles("").empty());
}

TEST(Store, RecordPeopleListsAreReadStrictly) {
    std::vector<std::int64_t> ids;
    record_people::unpack("12,7,301", 1, ids);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{12, 7, 301}));
    for (const char* bad : {"1,2,", ",1", "1,,2", "1;2", "x"}) {
        ids.clear();
        EXPECT_THROW(record_people::unpack(bad, 1, ids), Error) << bad;
    }
}
