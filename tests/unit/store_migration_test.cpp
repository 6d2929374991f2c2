// An archive written by an older jianbao is migrated in place, in one transaction.
#include "jianbao/store/archive.hpp"
#include "jianbao/store/sqlite.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace jianbao;

TEST(StoreMigration, Version1ArchiveGainsTextHash) {
    auto dir = std::filesystem::temp_directory_path() / "jianbao-migration-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto path = dir / "old.db";
    Bulletin b;
    b.source = "old.txt";
    b.sha256 = std::string(64, 'a');
    b.encoding = "UTF-8";
    Record r;
    r.seq = 1;
    r.title = "标题";
    r.paragraphs = {"12月9日，正文。"};
    b.records.push_back(r);
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
