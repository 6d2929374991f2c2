// libFuzzer target: the search query parser. Any text either becomes an FTS5 MATCH expression
// that SQLite accepts, or an Error with exit code 2 (usage) — never a crash, never another
// exception, and never an expression FTS5 rejects (that would reach the user as a raw SQLite
// message). The expression runs against a small in-memory index built with jianbao's tokenizer.
#include "jianbao/query/match.hpp"
#include "jianbao/store/fts.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

const jianbao::sqlite::Db& index_db() {
    static const jianbao::sqlite::Db db = [] {
        jianbao::sqlite::Db d(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "fuzz index");
        if (!jianbao::fts::register_tokenizer(d.get())) __builtin_trap();
        d.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='jianbao');"
               "INSERT INTO t VALUES ('沈立平到开发区调研新能源产业发展', '5月8日上午，临江市委副书记、市长沈立平来开发区调研。');"
               "INSERT INTO t VALUES ('開發區 1.6GWh', 'OR AND NOT \"NEAR\" * ^ : ( ) -招商');");
        return d;
    }();
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view query(reinterpret_cast<const char*>(data), size);
    std::string expr;
    try {
        expr = jianbao::query::to_fts5(query);
    } catch (const jianbao::Error& e) {
        if (e.exit_code() != jianbao::exit_usage) __builtin_trap(); // a query error is a usage error
        return 0;
    }
    try {
        jianbao::sqlite::Stmt& st = index_db().cached("SELECT rowid FROM t WHERE t MATCH ?1");
        st.bind(1, expr);
        while (st.step()) {}
        st.reset();
    } catch (const jianbao::Error& e) {
        std::fprintf(stderr, "FTS5 rejected %s: %s\n", expr.c_str(), e.what());
        __builtin_trap();
    }
    return 0;
}
