// An SQLite loadable extension registering the archive's "jianbao" FTS5 tokenizer, so the sqlite3
// shell can query an archive's full-text index:  .load build/libjianbao_fts
// (SQLite derives the entry point sqlite3_jianbaofts_init from the file name.)
#include "jianbao/store/fts.hpp"

#include <sqlite3.h>

extern "C" int sqlite3_jianbaofts_init(sqlite3* db, char** error, const void* /*api*/) {
    // Linked against the same libsqlite3 as the shell, so the API is called directly.
    if (!jianbao::fts::register_tokenizer(db)) {
        if (error) *error = sqlite3_mprintf("jianbao: this SQLite has no FTS5");
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}
