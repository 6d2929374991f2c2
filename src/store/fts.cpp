#include "jianbao/store/fts.hpp"

#include "jianbao/util/utf8.hpp"

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace jianbao::fts {

namespace {

// ---- per-code-point normalisation, cached ----

// Traditional→Simplified, one code point at a time, from a table generated at build time from
// ICU's "Traditional-Simplified" (src/store/t2s/gen_t2s_table.cpp): creating the transliterator
// here would cost every query command ≈ 50 ms.
struct T2S {
    char32_t from;
    const char* to;
};
constexpr T2S kT2S[] = {
#include "t2s_table.inc"
};

void to_simplified(icu::UnicodeString& s) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        auto c = static_cast<char32_t>(s.char32At(i));
        const T2S* it = std::lower_bound(std::begin(kT2S), std::end(kT2S), c,
                                         [](const T2S& e, char32_t v) { return e.from < v; });
        if (it != std::end(kT2S) && it->from == c && c != 0) out += icu::UnicodeString::fromUTF8(it->to);
        else out.append(static_cast<UChar32>(c));
    }
    s = out;
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

std::size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Calls cp(normalised code point as UTF-8, begin, end) for every normalised code point of
// text, and brk() at every '\n' when `separators` (a paragraph break no match may span).
// Stops early when a callback returns non-zero.
template <class Cp, class Brk>
int walk(std::string_view text, bool separators, Cp&& cp, Brk&& brk) {
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
                    if (int rc = brk()) return rc;
                }
                continue;
            }
            if (b <= 0x20 || b == 0x7F) continue;
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (int rc = cp(std::string_view(&ch, 1), begin, i)) return rc;
            continue;
        }
        char32_t c = utf8::next(text, i);
        std::string_view norm = map.get(c);
        if (norm.empty()) continue;
        if (utf8_length(static_cast<unsigned char>(norm[0])) == norm.size()) { // one code point, as usual
            if (int rc = cp(norm, begin, i)) return rc;
            continue;
        }
        // NFKC may give several (① → 1, ㈱ → (株)): each spans the same source bytes.
        std::size_t k = 0;
        while (k < norm.size()) {
            std::size_t s = k;
            utf8::next(norm, k);
            if (int rc = cp(norm.substr(s, k - s), begin, i)) return rc;
        }
    }
    return 0;
}

// The tokens of text (see fts.hpp): at each normalised code point, the bigram it starts, or,
// at the end of a paragraph, the code point alone. Each token's offsets are its first code
// point's source bytes, so tokens never overlap (FTS5's highlight() and snippet() assume that).
// Calls emit(token, begin, end); stops early when it returns non-zero.
// A query (`query`: no paragraphs) is the phrase of its bigrams only, or its one code point.
template <class Emit>
int tokenize(std::string_view text, bool query, Emit&& emit) {
    char buf[8];
    std::size_t held = 0; // bytes of the previous code point in buf, 0 when none
    std::size_t held_begin = 0, held_end = 0;
    bool any = false;     // a bigram was emitted
    auto flush = [&]() -> int {
        if (!held) return 0;
        int rc = query && any ? 0 : emit(std::string_view(buf, held), held_begin, held_end);
        held = 0;
        return rc;
    };
    int rc = walk(
        text, !query,
        [&](std::string_view c, std::size_t b, std::size_t e) -> int {
            if (held) {
                std::memcpy(buf + held, c.data(), c.size());
                any = true;
                if (int r = emit(std::string_view(buf, held + c.size()), held_begin, held_end)) return r;
            }
            std::memcpy(buf, c.data(), c.size());
            held = c.size();
            held_begin = b;
            held_end = e;
            return 0;
        },
        flush);
    if (rc) return rc;
    return flush();
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
        return tokenize(std::string_view(text, static_cast<std::size_t>(n)), query,
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

// ---- ranking: FTS5's bm25, computed exactly only for rows that can be among the top k ----

// bm25 as FTS5 computes it (fts5_aux.c: k1 = 1.2, b = 0.75, D = the row's tokens in all
// columns, weighted instance counts per phrase); what costs is D, one docsize lookup per row.
// With k > 0 a min-heap holds the k best exact scores seen so far; a row whose score cannot
// reach the k-th (its score with D = the least length its matches imply is an upper bound) gets
// that bound instead of its score,
// which already sorts it below k exact rows — so the first k rows of ORDER BY are exactly
// bm25's, while most rows of a common term skip the lookup. With one phrase its idf is a
// constant factor and is left out (it would cost another pass over the phrase's rows).
constexpr double kK1 = 1.2, kB = 0.75;

struct RankData {
    std::vector<double> idf;
    double avgdl = 1;
    std::size_t k = 0;
    std::vector<double> best; // min-heap (std::greater) of the k best scores
    std::vector<double> freq;
    std::vector<int> last; // per column: the last match's position + 1
};

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* user) {
    ++*static_cast<sqlite3_int64*>(user);
    return SQLITE_OK;
}

RankData* rank_data(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* k) {
    if (auto* d = static_cast<RankData*>(api->xGetAuxdata(fts, 0))) return d;
    auto d = std::make_unique<RankData>();
    sqlite3_int64 want = k ? sqlite3_value_int64(k) : 0;
    d->k = want > 0 ? static_cast<std::size_t>(want) : 0;
    int n = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0, tokens = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK) return nullptr;
    d->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    if (d->avgdl <= 0) d->avgdl = 1.0;
    d->idf.assign(static_cast<std::size_t>(n), 1.0);
    for (int i = 0; n > 1 && i < n; ++i) {
        sqlite3_int64 hits = 0;
        if (api->xQueryPhrase(fts, i, &hits, count_rows) != SQLITE_OK) return nullptr;
        double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
        d->idf[static_cast<std::size_t>(i)] = idf <= 0.0 ? 1e-6 : idf;
    }
    d->freq.resize(static_cast<std::size_t>(n));
    d->last.resize(static_cast<std::size_t>(std::max(api->xColumnCount(fts), 0)));
    RankData* raw = d.get();
    if (api->xSetAuxdata(fts, raw, [](void* p) { delete static_cast<RankData*>(p); }) != SQLITE_OK) return nullptr;
    d.release();
    return raw;
}

// jianbao_rank(records_fts, k, weight of column 0, weight of column 1 …): -bm25 (lower is better).
void rank_function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nval, sqlite3_value** val) {
    try {
        RankData* d = rank_data(api, fts, nval > 0 ? val[0] : nullptr);
        if (!d) {
            sqlite3_result_error(ctx, "jianbao_rank: cannot read the index statistics", -1);
            return;
        }
        std::fill(d->freq.begin(), d->freq.end(), 0.0);
        // A row has at least as many tokens as its last match's position + 1 in each column:
        // a lower bound on D, so a tighter upper bound on the score. (Each phrase's instances
        // are walked directly: xInst would first build and sort one array of all of them.)
        std::vector<int>& last = d->last;
        std::fill(last.begin(), last.end(), 0);
        for (std::size_t p = 0; p < d->freq.size(); ++p) {
            Fts5PhraseIter it;
            int col = 0, off = 0;
            if (api->xPhraseFirst(fts, static_cast<int>(p), &it, &col, &off) != SQLITE_OK) {
                sqlite3_result_error(ctx, "jianbao_rank: cannot read the matches", -1);
                return;
            }
            for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
                d->freq[p] += nval > 1 + col ? sqlite3_value_double(val[1 + col]) : 1.0;
                if (static_cast<std::size_t>(col) < last.size())
                    last[static_cast<std::size_t>(col)] = std::max(last[static_cast<std::size_t>(col)], off + 1);
            }
        }
        double min_tokens = 0;
        for (int l : last) min_tokens += l;
        auto score_with = [&](double length_factor) {
            double score = 0;
            for (std::size_t i = 0; i < d->freq.size(); ++i)
                score += d->idf[i] * (d->freq[i] * (kK1 + 1.0)) / (d->freq[i] + kK1 * length_factor);
            return score;
        };
        bool full = d->k && d->best.size() >= d->k;
        if (full) {
            double bound = score_with(1.0 - kB + kB * min_tokens / d->avgdl);
            if (bound < d->best.front()) {
                sqlite3_result_double(ctx, -bound);
                return;
            }
        }
        int row_tokens = 0;
        if (api->xColumnSize(fts, -1, &row_tokens) != SQLITE_OK) {
            sqlite3_result_error(ctx, "jianbao_rank: cannot read the row size", -1);
            return;
        }
        double score = score_with(1.0 - kB + kB * static_cast<double>(row_tokens) / d->avgdl);
        if (d->k) {
            if (!full) {
                d->best.push_back(score);
                std::push_heap(d->best.begin(), d->best.end(), std::greater<>());
            } else if (score > d->best.front()) {
                std::pop_heap(d->best.begin(), d->best.end(), std::greater<>());
                d->best.back() = score;
                std::push_heap(d->best.begin(), d->best.end(), std::greater<>());
            }
        }
        sqlite3_result_double(ctx, -score);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
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
    walk(
        text, false,
        [&](std::string_view c, std::size_t, std::size_t) {
            out += c;
            return 0;
        },
        [] { return 0; });
    return out;
}

std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    tokenize(text, false, [&](std::string_view t, std::size_t, std::size_t) {
        out.emplace_back(t);
        return 0;
    });
    return out;
}

std::size_t normalized_length(std::string_view text) {
    std::size_t n = 0;
    walk(
        text, false,
        [&](std::string_view, std::size_t, std::size_t) {
            ++n;
            return 0;
        },
        [] { return 0; });
    return n;
}

std::vector<std::pair<std::size_t, std::size_t>> find_matches(std::string_view text,
                                                              const std::vector<std::string>& terms) {
    // The normalised text, and for each of its bytes the source bytes of its code point.
    std::string norm;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> src;
    walk(
        text, true,
        [&](std::string_view c, std::size_t b, std::size_t e) {
            norm += c;
            src.insert(src.end(), c.size(), {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
            return 0;
        },
        [&] {
            norm += '\n'; // no normalised term contains it, so no match spans paragraphs
            src.emplace_back(0, 0);
            return 0;
        });
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (const std::string& term : terms) {
        if (term.empty()) continue;
        for (std::size_t at = norm.find(term); at != std::string::npos; at = norm.find(term, at + 1))
            ranges.emplace_back(src[at].first, src[at + term.size() - 1].second);
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& r : ranges) {
        if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
        else merged.push_back(r);
    }
    return merged;
}

std::string snippet(const std::vector<std::string_view>& fields, const std::vector<std::string>& terms,
                    std::string_view open, std::string_view close, std::size_t width) {
    std::vector<std::string> norm_terms;
    for (const std::string& t : terms) norm_terms.push_back(normalize(t));
    // The field with the most distinct terms in it (the title first on ties).
    std::size_t best = fields.size(), best_count = 0;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        std::string nf = normalize(fields[f]);
        std::size_t count = 0;
        for (const std::string& t : norm_terms)
            if (!t.empty() && nf.find(t) != std::string::npos) ++count;
        if (count > best_count) {
            best = f;
            best_count = count;
        }
    }
    if (best == fields.size()) return {};
    std::string_view field = fields[best];
    auto ranges = find_matches(field, norm_terms);
    if (ranges.empty()) return {};
    // Character boundaries of the field, to cut a window of `width` characters around the
    // first match (a little context before it, as FTS5's snippet() does).
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < field.size();) {
        starts.push_back(i);
        utf8::next(field, i);
    }
    starts.push_back(field.size());
    std::size_t nchars = starts.size() - 1;
    auto char_at = [&](std::size_t byte) {
        return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) - starts.begin());
    };
    std::size_t from = 0, to = nchars;
    if (nchars > width) {
        std::size_t first = char_at(ranges[0].first);
        std::size_t match_chars = char_at(ranges[0].second) - first;
        std::size_t lead = match_chars < width ? (width - match_chars) / 3 : 0;
        from = first > lead ? first - lead : 0;
        if (from + width > nchars) from = nchars - width;
        to = from + width;
    }
    std::size_t b0 = starts[from], b1 = starts[to];
    std::string out;
    if (from > 0) out += "…";
    std::size_t at = b0;
    for (const auto& r : ranges) {
        std::size_t rb = std::max(r.first, b0), re = std::min(r.second, b1);
        if (rb >= re) continue;
        out.append(field.substr(at, rb - at));
        out += open;
        out.append(field.substr(rb, re - rb));
        out += close;
        at = re;
    }
    out.append(field.substr(at, b1 - at));
    if (to < nchars) out += "…";
    return out;
}

bool register_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_api_from_db(db);
    if (!api || api->iVersion < 2) return false;
    fts5_tokenizer tok{x_create, x_delete, x_tokenize};
    return api->xCreateTokenizer(api, "jianbao", nullptr, &tok, nullptr) == SQLITE_OK &&
           api->xCreateFunction(api, "jianbao_rank", nullptr, rank_function, nullptr) == SQLITE_OK;
}

} // namespace jianbao::fts
