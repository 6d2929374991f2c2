#include "jianbao/store/sqlite.hpp"

#include "jianbao/util/error.hpp"

#include <sqlite3.h>

#include <utility>

namespace jianbao::sqlite {

// ---- Stmt ----

Stmt::Stmt(const Db& db, std::string_view sql) : db_(&db) {
    int rc = sqlite3_prepare_v2(db.get(), sql.data(), static_cast<int>(sql.size()), &s_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(s_);
        s_ = nullptr;
        db.fail("cannot prepare statement", rc);
    }
}

Stmt::~Stmt() { sqlite3_finalize(s_); }

Stmt::Stmt(Stmt&& o) noexcept : s_(std::exchange(o.s_, nullptr)), db_(o.db_) {}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(s_);
        s_ = std::exchange(o.s_, nullptr);
        db_ = o.db_;
    }
    return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
    int rc = sqlite3_bind_int64(s_, i, v);
    if (rc != SQLITE_OK) db_->fail("cannot bind parameter", rc);
    return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
    int rc = sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail("cannot bind parameter", rc);
    return *this;
}

Stmt& Stmt::bind(int i, const std::optional<std::string>& v) {
    return v ? bind(i, std::string_view(*v)) : bind_null(i);
}

Stmt& Stmt::bind_null(int i) {
    int rc = sqlite3_bind_null(s_, i);
    if (rc != SQLITE_OK) db_->fail("cannot bind parameter", rc);
    return *this;
}

namespace {
// Failures the user can act on, said plainly (SQLite's "database or disk is full" names neither
// the disk nor a remedy); every other message is SQLite's own.
std::string explain(int rc, std::string msg) {
    if ((rc & 0xFF) == SQLITE_FULL) return "the disk is full (or the archive reached its size limit)";
    return msg;
}
} // namespace

bool Stmt::step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Keep the message before reset clears it.
    std::string msg = explain(rc, db_->errmsg());
    sqlite3_reset(s_);
    throw Error(db_->label() + ": " + msg, exit_archive);
}

void Stmt::run() {
    while (step()) {
    }
    sqlite3_reset(s_);
}

void Stmt::reset() noexcept {
    if (!s_) return;
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
}

bool Stmt::is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

std::int64_t Stmt::int64(int col) const { return sqlite3_column_int64(s_, col); }

std::string Stmt::text(int col) const {
    const unsigned char* p = sqlite3_column_text(s_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)));
}

std::optional<std::string> Stmt::opt_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
}

// ---- Db ----

Db::Db(const std::string& filename, int flags, std::string label) : label_(std::move(label)) {
    int rc = sqlite3_open_v2(filename.c_str(), &h_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = h_ ? sqlite3_errmsg(h_) : sqlite3_errstr(rc);
        sqlite3_close_v2(h_);
        h_ = nullptr;
        throw Error(label_ + ": cannot open archive: " + msg, exit_archive);
    }
    sqlite3_extended_result_codes(h_, 1);
}

Db::~Db() {
    cache_.clear(); // finalize statements before closing
    sqlite3_close_v2(h_);
}

Db::Db(Db&& o) noexcept : h_(std::exchange(o.h_, nullptr)), label_(std::move(o.label_)), cache_(std::move(o.cache_)) {}

Db& Db::operator=(Db&& o) noexcept {
    if (this != &o) {
        cache_.clear();
        sqlite3_close_v2(h_);
        h_ = std::exchange(o.h_, nullptr);
        label_ = std::move(o.label_);
        cache_ = std::move(o.cache_);
    }
    return *this;
}

void Db::exec(const std::string& sql) const {
    char* err = nullptr;
    int rc = sqlite3_exec(h_, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = explain(rc, err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw Error(label_ + ": " + msg, exit_archive);
    }
}

Stmt& Db::cached(const std::string& sql) const {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Stmt>(*this, sql)).first;
    it->second->reset();
    return *it->second;
}

std::int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(h_); }

std::string Db::errmsg() const { return h_ ? sqlite3_errmsg(h_) : "no connection"; }

void Db::fail(const std::string& context, int rc) const {
    std::string msg = explain(rc, h_ ? sqlite3_errmsg(h_) : sqlite3_errstr(rc));
    throw Error(label_ + ": " + context + ": " + msg, exit_archive);
}

// ---- Transaction ----

Transaction::Transaction(const Db& db) : db_(&db) {
    db.exec("BEGIN IMMEDIATE");
    open_ = true;
}

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr); // errors ignored
}

void Transaction::commit() {
    db_->exec("COMMIT");
    open_ = false;
}

} // namespace jianbao::sqlite
