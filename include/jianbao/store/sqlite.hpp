// Thin RAII layer over the SQLite C API: a connection (Db), a prepared statement (Stmt) and a
// Transaction that rolls back unless committed. Every failure is a jianbao::Error with exit code
// exit_archive whose message names the archive path and carries sqlite3_errmsg.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace jianbao::sqlite {

class Db;

// A prepared statement. Move-only; the destructor finalizes and never throws.
class Stmt {
public:
    Stmt() = default;
    Stmt(const Db& db, std::string_view sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept;
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
    Stmt& bind(int i, std::int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Stmt& bind(int i, std::size_t v) { return bind(i, static_cast<std::int64_t>(v)); }
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const std::optional<std::string>& v);
    Stmt& bind_null(int i);

    // One step: true when a row is available, false when done. Throws on error.
    bool step();
    // Steps to completion (for statements returning no rows of interest).
    void run();
    // Resets and clears the bindings, ready for reuse.
    void reset() noexcept;

    bool is_null(int col) const;
    std::int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    std::string text(int col) const; // "" for NULL
    std::optional<std::string> opt_text(int col) const;

    sqlite3_stmt* get() const { return s_; }

private:
    sqlite3_stmt* s_ = nullptr;
    const Db* db_ = nullptr;
};

// One connection. Move-only; the destructor closes (sqlite3_close_v2) and never throws.
class Db {
public:
    // `label` names the database in error messages (the archive path).
    Db(const std::string& filename, int flags, std::string label);
    ~Db();
    Db(Db&& o) noexcept;
    Db& operator=(Db&& o) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    sqlite3* get() const { return h_; }
    const std::string& label() const { return label_; }

    // Runs one or more statements without results.
    void exec(const std::string& sql) const;
    Stmt prepare(std::string_view sql) const { return Stmt(*this, sql); }
    // A statement prepared once per connection, reset and ready to bind. Not reentrant: do not
    // use the same SQL text again before you are done with the returned statement.
    Stmt& cached(const std::string& sql) const;
    std::int64_t last_insert_rowid() const;
    // "<label>: <context>: <sqlite3_errmsg>" as an Error(exit_archive).
    [[noreturn]] void fail(const std::string& context, int rc) const;
    std::string errmsg() const;

private:
    sqlite3* h_ = nullptr;
    std::string label_;
    mutable std::map<std::string, std::unique_ptr<Stmt>, std::less<>> cache_;
};

// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(const Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    const Db* db_;
    bool open_ = false;
};

} // namespace jianbao::sqlite
