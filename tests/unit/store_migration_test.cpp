// An archive written by an older jianbao is migrated in place, in one transaction.
#include "jianbao/query/query.hpp"
#include "jianbao/store/archive.hpp"
#include "jianbao/store/maintenance.hpp"
#include "jianbao/store/sqlite.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace jianbao;

namespace {
// A fresh directory for one test's archive, and a bulletin with the given records to import in it.
std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

Bulletin bulletin(const std::string& source, std::vector<Record> records) {
    Bulletin b;
    b.source = source;
    b.sha256 = std::string(64, 'a');
    b.encoding = "UTF-8";
    b.records = std::move(records);
    return b;
}

std::int64_t scalar(const Archive& a, const std::string& sql) {
    auto st = a.db().prepare(sql);
    return st.step() ? st.int64(0) : -1;
}
} // namespace

TEST(StoreMigration, Version1ArchiveGainsTextHash) {
    auto dir = fresh_dir("jianbao-migration-test");
    auto path = dir / "old.db";
    Record r;
    r.seq = 1;
    r.title = "标题";
    r.paragraphs = {"12月9日，正文。"};
    Bulletin b = bulletin("old.txt", {r});
    {
        Archive a(path, Archive::Mode::read_write);
        a.import(b);
        // Turn it back into a version-1 archive.
        a.db().exec("DROP INDEX bulletins_text_sha256; ALTER TABLE bulletins DROP COLUMN text_sha256; PRAGMA user_version = 1");
    }
    {
        Archive a(path, Archive::Mode::read_write);
        auto st = a.db().prepare("PRAGMA user_version");
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.int64(0), Archive::schema_version());
        EXPECT_GE(Archive::schema_version(), 2);
        // The old bulletin is still there and a new import records the text hash.
        EXPECT_TRUE(a.find_bulletin(b.sha256));
        Bulletin c = b;
        c.sha256 = std::string(64, 'b');
        c.text_sha256 = std::string(64, 'c');
        EXPECT_FALSE(a.import(c).already_imported);
        Bulletin d = c;
        d.sha256 = std::string(64, 'd'); // other bytes, same text: the same bulletin
        EXPECT_TRUE(a.import(d).already_imported);
    }
    std::filesystem::remove_all(dir);
}

TEST(StoreMigration, Version2ArchiveGetsTheBigramIndexRebuilt) {
    // v3 changed the tokenizer (bigrams) and the column order: the index of a v2 archive is
    // stale and must be rebuilt from the records, in the migration's one transaction.
    auto dir = fresh_dir("jianbao-migration-v2-test");
    auto path = dir / "v2.db";
    std::vector<Record> records;
    for (int i = 1; i <= 3; ++i) {
        Record r;
        r.seq = i;
        r.title = "第" + std::to_string(i) + "条";
        r.paragraphs = {i == 2 ? "开发区推进改革开放。" : "农业生产。", "第二段。"};
        records.push_back(r);
    }
    Bulletin b = bulletin("v2.txt", std::move(records));
    {
        Archive a(path, Archive::Mode::read_write);
        a.import(b);
        // Back to the v2 shape: (title, body), no rank setting, and an index that does not match
        // what this tokenizer would make (here: empty).
        a.db().exec("DROP TABLE records_fts; "
                    "CREATE VIRTUAL TABLE records_fts USING fts5(title, body, content='records', content_rowid='id', tokenize='jianbao'); "
                    "PRAGMA user_version = 2");
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"改革开放\"'"), 0);
    }
    {
        // A query command opens read-only: a writable older archive is upgraded first.
        Archive a(path, Archive::Mode::read_only);
        EXPECT_EQ(scalar(a, "PRAGMA user_version"), Archive::schema_version());
        EXPECT_GE(Archive::schema_version(), 3);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"改革开放\"'"), 1);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"段\"*'"), 3);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM records_fts_docsize"), 3);
        auto cols = a.db().prepare("SELECT name FROM pragma_table_info('records_fts') ORDER BY cid");
        std::vector<std::string> names;
        while (cols.step()) names.push_back(cols.text(0));
        EXPECT_EQ(names, (std::vector<std::string>{"body", "title"}));
        SearchFilter f;
        f.text = "改革";
        auto hits = search(a, f);
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_NE(hits[0].snippet.find("\x01改革\x02"), std::string::npos) << hits[0].snippet;
    }
    {
        Archive a(path, Archive::Mode::read_write);
        a.db().exec("INSERT INTO records_fts(records_fts, rank) VALUES('integrity-check', 1)"); // throws if inconsistent
    }
    std::filesystem::remove_all(dir);
}

// v6 drops the full-text insert trigger (Archive::import writes those rows itself): an archive
// of v5, which still has it, loses it on upgrade and indexes each imported record exactly once.
TEST(StoreMigration, Version5ArchiveLosesInsertTrigger) {
    auto dir = fresh_dir("jianbao-migration-v5-test");
    auto path = dir / "old.db";
    Record r;
    r.seq = 1;
    r.title = "标题";
    r.paragraphs = {"改革开放以来，正文。"};
    {
        Archive a(path, Archive::Mode::read_write);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM sqlite_schema WHERE name = 'records_fts_insert'"), 0);
        a.import(bulletin("first.txt", {r}));
        a.db().exec("CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN "
                    "INSERT INTO records_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END; "
                    "PRAGMA user_version = 5");
    }
    {
        Archive a(path, Archive::Mode::read_write);
        EXPECT_EQ(scalar(a, "PRAGMA user_version"), Archive::schema_version());
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM sqlite_schema WHERE name = 'records_fts_insert'"), 0);
        Bulletin b = bulletin("second.txt", {r, r});
        b.sha256 = std::string(64, 'b');
        b.records[1].seq = 2;
        a.import(b);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"改革开放\"'"), 3);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM records_fts_docsize"), 3);
        a.db().exec("INSERT INTO records_fts(records_fts, rank) VALUES('integrity-check', 1)"); // throws if inconsistent
    }
    std::filesystem::remove_all(dir);
}

TEST(StoreMigration, Version7ArchiveGainsEachRecordsPeopleInOneRow) {
    // v8 keeps each record's people in one row of record_people, which `person` reads for the
    // companions; a v7 archive gets the rows of the records it holds, in mention order, on first open.
    auto dir = fresh_dir("jianbao-migration-v7-test");
    auto path = dir / "v7.db";
    Record r;
    r.seq = 1;
    r.title = "会议";
    r.paragraphs = {"王进健、张利、刘伟出席。"};
    r.people = {{"王进健", {}, 1}, {"张利", {}, 1}, {"刘伟", {}, 1}};
    Record r2 = r;
    r2.seq = 2;
    r2.people = {{"刘伟", {}, 1}, {"张利", {}, 1}};
    {
        Archive a(path, Archive::Mode::read_write);
        a.import(bulletin("v7.txt", {r, r2}));
        a.db().exec("DROP TABLE record_people; CREATE INDEX mentions_record_people ON mentions(record_id, ordinal, person_id); "
                    "PRAGMA user_version = 7");
    }
    {
        Archive a(path, Archive::Mode::read_only);
        EXPECT_EQ(scalar(a, "PRAGMA user_version"), Archive::schema_version());
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM record_people"), 2);
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_record_people'"), 0);
        auto rep = person_report(a, "张利");
        ASSERT_TRUE(rep);
        ASSERT_EQ(rep->timeline.size(), 2u);
        EXPECT_EQ(rep->timeline[0].with, (std::vector<std::string>{"王进健", "刘伟"}));
        EXPECT_EQ(rep->timeline[1].with, (std::vector<std::string>{"刘伟"}));
        ASSERT_FALSE(rep->companions.empty());
        EXPECT_EQ(rep->companions[0].name, "刘伟");
        EXPECT_EQ(rep->companions[0].records, 2u);
    }
    std::filesystem::remove_all(dir);
}

TEST(StoreMigration, Version8ArchiveGainsEachPersonsRecords) {
    // v9 keeps a row per person and record for `person`'s timeline; a v8 archive gets the rows
    // of what it holds on first open, and the report reads the same as from the tables.
    auto dir = fresh_dir("jianbao-migration-v8-test");
    auto path = dir / "v8.db";
    Record r;
    r.seq = 1;
    r.date = "2021-12-09";
    r.paragraphs = {"王进健、张利出席会议。"};
    r.people = {{"王进健", {"代市长"}, 1}, {"张利", {"市委书记", "主任"}, 1}};
    Event e;
    e.trigger = "出席";
    e.type = "meeting";
    e.sentence = "王进健、张利出席会议。";
    e.participants = {"张利"};
    r.events = {e};
    Record r2;
    r2.seq = 2;
    r2.title = "无日期";
    r2.paragraphs = {"张利讲话。"};
    r2.people = {{"张利", {}, 1}};
    {
        Archive a(path, Archive::Mode::read_write);
        a.import(bulletin("v8.txt", {r, r2}));
        a.db().exec("DROP TABLE person_records; PRAGMA user_version = 8");
    }
    {
        Archive a(path, Archive::Mode::read_only);
        EXPECT_EQ(scalar(a, "PRAGMA user_version"), Archive::schema_version());
        EXPECT_EQ(scalar(a, "SELECT count(*) FROM person_records"), 3);
        auto rep = person_report(a, "张利");
        ASSERT_TRUE(rep);
        ASSERT_EQ(rep->timeline.size(), 2u);
        EXPECT_EQ(rep->timeline[0].heading, "王进健、张利出席会议");
        EXPECT_EQ(rep->timeline[0].titles, (std::vector<std::string>{"市委书记", "主任"}));
        EXPECT_EQ(rep->timeline[0].event, std::optional<std::string>("出席"));
        EXPECT_EQ(rep->timeline[0].with, (std::vector<std::string>{"王进健"}));
        EXPECT_EQ(rep->timeline[1].heading, "无日期");
        EXPECT_EQ(rep->timeline[1].date, std::nullopt);
        for (const auto& problem : check_archive(a)) // (read-only: the index is not verified)
            EXPECT_EQ(problem.find("person_records"), std::string::npos) << problem;
    }
    std::filesystem::remove_all(dir);
}

// v10: bulletins gain their masthead and colophon; one stored before has neither, and a new import
// keeps both.
TEST(StoreMigration, Version9ArchiveGainsMastheadAndColophon) {
    auto dir = fresh_dir("jianbao-migration-v10-test");
    auto path = dir / "v9.db";
    Record r;
    r.seq = 1;
    r.title = "标题";
    r.paragraphs = {"正文。"};
    {
        Archive a(path, Archive::Mode::read_write);
        a.import(bulletin("v9.txt", {r}));
        a.db().exec("ALTER TABLE bulletins DROP COLUMN masthead; ALTER TABLE bulletins DROP COLUMN colophon; "
                    "PRAGMA user_version = 9");
    }
    {
        Archive a(path, Archive::Mode::read_write);
        EXPECT_EQ(scalar(a, "PRAGMA user_version"), Archive::schema_version());
        auto old = load_record(a, 1);
        ASSERT_TRUE(old);
        EXPECT_TRUE(old->bulletin.masthead.empty());
        Bulletin b = bulletin("v10.txt", {r});
        b.sha256 = std::string(64, 'b');
        b.masthead = {"某某工作简报", "第3期"};
        b.colophon = {"报：县委办公室"};
        EXPECT_FALSE(a.import(b).already_imported);
        auto rec = load_record(a, 2);
        ASSERT_TRUE(rec);
        EXPECT_EQ(rec->bulletin.masthead, b.masthead);
        EXPECT_EQ(rec->bulletin.colophon, b.colophon);
    }
    std::filesystem::remove_all(dir);
}
