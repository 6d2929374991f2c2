// The archive: one SQLite file holding bulletins, records, people, organisations, places,
// events and an FTS5 index kept in step with the records.
#pragma once
#include "jianbao/model/record.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

struct sqlite3;

namespace jianbao {

namespace sqlite {
class Db;
}

struct BulletinInfo {
    std::int64_t id = 0;
    std::string source;
    std::string sha256;
    std::string encoding;
    std::optional<std::string> issued;
    std::vector<std::string> masthead; // Bulletin::masthead, Bulletin::colophon
    std::vector<std::string> colophon;
};

// A record as stored: its archive id and its bulletin.
struct StoredRecord {
    std::int64_t id = 0;
    BulletinInfo bulletin;
    Record record;
};

struct ImportResult {
    bool already_imported = false;
    std::int64_t bulletin_id = 0;
    std::size_t records = 0;
    std::size_t people = 0;        // distinct people across the bulletin's records
    std::size_t organizations = 0; // distinct organisations
    std::size_t events = 0;
};

class Archive {
public:
    enum class Mode { read_write, read_only };
    // Opens (creating in read_write mode) and migrates the archive. Throws Error naming the path
    // for a file that is not a jianbao archive, is corrupt, or is from a newer jianbao.
    Archive(const std::filesystem::path& path, Mode mode);
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    // The id of the bulletin with these original bytes' SHA-256, if present.
    std::optional<std::int64_t> find_bulletin(const std::string& sha256) const;
    // Stores the whole bulletin in one transaction, or nothing (rolls back and throws on failure).
    // A bulletin whose sha256 is already stored is not stored again (already_imported = true).
    ImportResult import(const Bulletin& bulletin);

    // After a command's imports: when the records it imported are at least a quarter of the
    // archive's (a bulk import), merges the full-text index into one segment, so that a query reads
    // each term from one b-tree instead of one per segment left (every file commits one); smaller
    // imports leave it to FTS5's incremental merging. Returns whether it merged. Each merge at least
    // a third more records than the last one, so all of them cost a few times one full merge.
    bool compact_index(std::size_t imported_records);

    sqlite3* handle() const; // for the query module
    const sqlite::Db& db() const; // the connection with its statement cache (jianbao/store/sqlite.hpp)
    bool read_only() const;

    // The schema version this jianbao writes (PRAGMA user_version).
    static int schema_version();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
