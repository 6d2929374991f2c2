#include "jianbao/store/fts.hpp"

#include "jianbao/util/utf8.hpp"

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace jianbao::fts {

namespace {

// ---- per-code-point normalisation, cached ----

// One shared Traditional→Simplified transliterator, created on first need (≈50 ms) and used
// under a mutex (only on cache misses).
std::mutex g_translit_mutex;
std::unique_ptr<icu::Transliterator> g_translit;
bool g_translit_failed = false;

void to_simplified(icu::UnicodeString& s) {
    std::lock_guard<std::mutex> lock(g_translit_mutex);
    if (!g_translit && !g_translit_failed) {
        UErrorCode st = U_ZERO_ERROR;
        g_translit.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, st));
        if (U_FAILURE(st)) {
            g_translit.reset();
            g_translit_failed = true; // ICU data without the transform: no T→S folding
        }
    }
    if (g_translit) g_translit->transliterate(s);
}

bool droppable(UChar32 c) {
    if (u_isUWhiteSpace(c)) return true;
    int8_t t = u_charType(c);
    return t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_SURROGATE || t == U_UNASSIGNED;
}

std::string compute(char32_t c) {
    if (c < 0x80) {
        if (droppable(static_cast<UChar32>(c))) return {};
        char ch = static_cast<char>(c);
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        return std::string(1, ch);
    }
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
    icu::UnicodeString s(static_cast<UChar32>(c));
    if (U_SUCCESS(st)) {
        icu::UnicodeString n = nfkc->normalize(s, st);
        if (U_SUCCESS(st)) s = n;
    }
    s.foldCase();
    bool han = false;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        UErrorCode e = U_ZERO_ERROR;
        if (uscript_getScript(s.char32At(i), &e) == USCRIPT_HAN) han = true;
    }
    if (han) to_simplified(s);
    std::string out;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        UChar32 ch = s.char32At(i);
        if (!droppable(ch)) utf8::append(out, static_cast<char32_t>(ch));
    }
    return out;
}

// Per-thread cache: code point → normalised UTF-8 (possibly empty).
class CharMap {
public:
    std::string_view get(char32_t c) {
        if (c < 0x10000) {
            Entry& e = bmp_[c];
            if (!e.known) e = store(compute(c));
            return {pool_.data() + e.off, e.len};
        }
        auto it = astral_.find(c);
        if (it == astral_.end()) it = astral_.emplace(c, store(compute(c))).first;
        return {pool_.data() + it->second.off, it->second.len};
    }

private:
    struct Entry {
        std::uint32_t off = 0;
        std::uint16_t len = 0;
        bool known = false;
    };
    Entry store(const std::string& s) {
        Entry e;
        e.off = static_cast<std::uint32_t>(pool_.size());
        e.len = static_cast<std::uint16_t>(s.size());
        e.known = true;
        pool_ += s;
        return e;
    }
    std::vector<Entry> bmp_ = std::vector<Entry>(0x10000);
    std::unordered_map<char32_t, Entry> astral_;
    std::string pool_;
};

CharMap& char_map() {
    thread_local CharMap m;
    return m;
}

// Calls emit(token, begin, end) for every token of text; stops early when emit returns non-zero.
template <class Emit>
int tokenize(std::string_view text, bool separators, Emit&& emit) {
    CharMap& map = char_map();
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t begin = i;
        unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) { // ASCII fast path
            ++i;
            char ch = static_cast<char>(b);
            if (ch == '\n') {
                if (separators) {
                    if (int rc = emit(std::string_view("\n", 1), begin, i)) return rc;
                }
                continue;
            }
            if (b <= 0x20 || b == 0x7F) continue;
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (int rc = emit(std::string_view(&ch, 1), begin, i)) return rc;
            continue;
        }
        char32_t c = utf8::next(text, i);
        std::string_view norm = map.get(c);
        // Usually one code point; NFKC may give several (① → 1, ㈱ → (株)): each is a token
        // spanning the same source bytes.
        std::size_t k = 0;
        while (k < norm.size()) {
            std::size_t s = k;
            utf8::next(norm, k);
            if (int rc = emit(norm.substr(s, k - s), begin, i)) return rc;
        }
    }
    return 0;
}

// ---- FTS5 glue ----

int x_create(void*, const char**, int, Fts5Tokenizer** out) {
    static int dummy = 0;
    *out = reinterpret_cast<Fts5Tokenizer*>(&dummy);
    return SQLITE_OK;
}

void x_delete(Fts5Tokenizer*) {}

int x_tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
               int (*token)(void*, int, const char*, int, int, int)) {
    if (n <= 0 || !text) return SQLITE_OK;
    bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    try {
        return tokenize(std::string_view(text, static_cast<std::size_t>(n)), !query,
                        [&](std::string_view t, std::size_t b, std::size_t e) {
                            return token(ctx, 0, t.data(), static_cast<int>(t.size()), static_cast<int>(b),
                                         static_cast<int>(e));
                        });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

fts5_api* fts5_api_from_db(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

std::string normalize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    tokenize(text, false, [&](std::string_view t, std::size_t, std::size_t) {
        out += t;
        return 0;
    });
    return out;
}

std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    tokenize(text, true, [&](std::string_view t, std::size_t, std::size_t) {
        out.emplace_back(t);
        return 0;
    });
    return out;
}

bool register_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_api_from_db(db);
    if (!api || api->iVersion < 2) return false;
    fts5_tokenizer tok{x_create, x_delete, x_tokenize};
    return api->xCreateTokenizer(api, "jianbao", nullptr, &tok, nullptr) == SQLITE_OK;
}

} // namespace jianbao::fts
