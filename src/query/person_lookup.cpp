#include "jianbao/query/person_lookup.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/utf8.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

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
    // Every stored name's pinyin, read character by character: ICU's Han-Latin has no rules across
    // characters here (checked equal to whole-name transliteration on 5,656 names). Transliteration
    // costs ≈ 80 µs a character, so only the first characters are read for every name (one call
    // over the distinct ones), the rest only for names whose first character fits (0.7 s → ms).
    std::vector<std::string> names;
    auto s = prepare(archive, "SELECT name FROM people ORDER BY name");
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)));
    std::unordered_map<char32_t, std::string> key_of;
    auto read_keys = [&](const std::vector<char32_t>& chars) {
        std::string joined;
        for (char32_t c : chars) {
            utf8::append(joined, c);
            joined += '\n';
        }
        std::string latin = transform("Han-Latin; Latin-ASCII; Lower", to_simplified(joined));
        std::size_t at = 0;
        for (char32_t c : chars) {
            std::size_t end = latin.find('\n', at);
            if (end == std::string::npos) break;
            std::string& key = key_of[c];
            for (std::size_t k = at; k < end; ++k)
                if (latin[k] >= 'a' && latin[k] <= 'z') key += latin[k] == 'v' ? 'u' : latin[k];
            at = end + 1;
        }
    };
    auto unknown = [&](const std::vector<const std::string*>& of, bool first_only) {
        std::vector<char32_t> chars;
        for (const std::string* name : of)
            for (std::size_t k = 0; k < name->size();) {
                char32_t c = utf8::next(*name, k);
                if (!key_of.count(c) && std::find(chars.begin(), chars.end(), c) == chars.end()) chars.push_back(c);
                if (first_only) break;
            }
        return chars;
    };
    std::vector<const std::string*> all;
    for (const std::string& n : names) all.push_back(&n);
    read_keys(unknown(all, true));
    std::vector<const std::string*> fitting;
    for (const std::string* n : all) {
        std::size_t k = 0;
        if (want.rfind(key_of[utf8::next(*n, k)], 0) == 0) fitting.push_back(n);
    }
    read_keys(unknown(fitting, false));
    std::vector<std::string> found;
    for (const std::string* name : fitting) {
        std::string key;
        for (std::size_t k = 0; k < name->size();) key += key_of[utf8::next(*name, k)];
        if (key == want) found.push_back(*name);
    }
    return found;
}

} // namespace jianbao
