#include "jianbao/query/person_lookup.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/utf8.hpp"

#include <sqlite3.h>

#include <memory>

namespace jianbao {

namespace {

struct StmtCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtCloser>;

StmtPtr prepare(const Archive& a, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(a.handle(), sql, -1, &s, nullptr) != SQLITE_OK)
        throw Error(a.path().string() + ": " + sqlite3_errmsg(a.handle()), exit_archive);
    return StmtPtr(s);
}

bool exists(const Archive& a, const std::string& name) {
    auto s = prepare(a, "SELECT 1 FROM people WHERE name = ?1");
    sqlite3_bind_text(s.get(), 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    return sqlite3_step(s.get()) == SQLITE_ROW;
}

} // namespace

std::string pinyin_key(const std::string& text) {
    // Han → Latin with tone marks, then marks stripped; ü and v both become u; tone digits dropped.
    std::string latin = transform("Han-Latin; Latin-ASCII; Lower", to_simplified(text));
    std::string key;
    for (char c : latin)
        if (c >= 'a' && c <= 'z') key += c == 'v' ? 'u' : c;
    return key;
}

std::vector<std::string> lookup_person(const Archive& archive, const std::string& input) {
    if (exists(archive, input)) return {input};
    if (std::string s = to_simplified(input); s != input && exists(archive, s)) return {s};
    // Only an input made of Latin letters, spaces, tone marks or digits is read as pinyin.
    bool has_han = false;
    std::size_t i = 0;
    while (i < input.size())
        if (utf8::is_han(utf8::next(input, i))) has_han = true;
    if (has_han) return {};
    std::string want = pinyin_key(input);
    if (want.empty()) return {};
    std::vector<std::string> found;
    auto s = prepare(archive, "SELECT name FROM people ORDER BY name");
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        std::string name(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)));
        if (pinyin_key(name) == want) found.push_back(name);
    }
    return found;
}

} // namespace jianbao
