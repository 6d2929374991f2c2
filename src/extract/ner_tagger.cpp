#include "ner_tagger.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <utility>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

namespace jianbao::ner {

Evidence evidence(const ent::Finders& f, const ent::Chars& t) {
    Evidence ev;
    ev.orgs = f.orgs_of(t);
    std::vector<std::uint8_t> covered(t.size(), 0);
    for (const auto& m : ev.orgs)
        for (auto k = m.b; k < m.e; ++k) covered[k] = 1;
    ev.places = f.gaz.find(t, covered);
    auto scan = [&](std::vector<ent::Match>& out, auto&& at, const char* type) {
        for (std::size_t i = 0; i < t.size();) {
            if (std::size_t len = at(i)) {
                out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len), type});
                i += len;
            } else {
                ++i;
            }
        }
    };
    scan(ev.gazetteer, [&](std::size_t i) { return f.gaz.at(t, i); }, "place");
    scan(ev.known, [&](std::size_t i) { return f.orgs.known_at(t, i); }, "org");
    suffixes().ends(t, ev.org_end, ev.place_end);
    return ev;
}

Suffixes::Suffixes() {
    // The tagger's features carry a suffix's type as this number, so it is fixed (the schema's
    // order), not the order the types first appear in the file: a suffix added anywhere in it
    // leaves the learned weights meaning what they meant.
    static constexpr std::array<std::string_view, 10> kTypes{"company", "government", "party",       "village", "community",
                                                             "school",  "association", "media", "other",   "facility"};
    for (const auto& row : lexicon::read_table("org_suffixes.tsv", 2)) {
        std::u32string u = ent::to_u32(row[0]);
        std::reverse(u.begin(), u.end());
        const auto it = std::find(kTypes.begin(), kTypes.end(), row[1]);
        if (it == kTypes.end()) throw Error("org_suffixes.tsv: unknown type " + row[1] + " of " + row[0]);
        org_back_.insert(u, static_cast<std::int32_t>(it - kTypes.begin()) + 1);
    }
    for (const auto& row : lexicon::read_table("place_suffixes.txt", 1)) {
        std::u32string u = ent::to_u32(row[0]);
        std::reverse(u.begin(), u.end());
        place_back_.insert(u, 1);
    }
}

void Suffixes::ends(const ent::Chars& t, std::vector<std::uint8_t>& org, std::vector<std::uint8_t>& place) const {
    const std::size_t n = t.size();
    org.assign(n + 1, 0);
    place.assign(n + 1, 0);
    for (std::size_t j = 1; j <= n; ++j) {
        if (!t.bound[j] || !ent::is_han(t.c[j - 1])) continue;
        std::int32_t v = -1;
        if (org_back_.longest_back(t, j, &v, false)) org[j] = static_cast<std::uint8_t>(v);
        if (place_back_.longest_back(t, j, nullptr, false)) place[j] = 1;
    }
}

const Suffixes& suffixes() {
    static const Suffixes s;
    return s;
}

namespace {
inline std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
// One feature: its template number and up to three values. Never 0 (the empty key).
// One mix over the values spread by odd multipliers: 40 features a character, so one round, not three.
inline std::uint64_t fh(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    return mix((tmpl << 56) ^ a * 0xD6E8FEB86659FD93ull ^ b * 0xA0761D6478BD642Full ^ c * 0xE7037ED1A0B428DBull) | 1;
}

constexpr char32_t kBos = 0x110000, kEos = 0x110001;

std::uint64_t char_class(char32_t c) {
    if (c == kBos || c == kEos) return 6;
    if (c >= U'0' && c <= U'9') return 1;
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return 2;
    switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
    case U'八': case U'九': case U'十': case U'百': case U'千': case U'万': case U'亿': case U'两': return 3;
    default: break;
    }
    if (ent::is_han(c)) return 0;
    if (c == U' ' || c == U'\n' || c == U'\u3000') return 5;
    return 4;
}

// BIES code of each position inside spans (0 = outside, 1 B, 2 I, 3 E, 4 S), their lengths and a
// type hash.
struct SpanTags {
    std::vector<std::uint8_t> tag;
    std::vector<std::uint8_t> len;
    std::vector<std::uint64_t> type;
};
SpanTags span_tags(std::size_t n, const std::vector<ent::Match>& ms) {
    SpanTags s{std::vector<std::uint8_t>(n, 0), std::vector<std::uint8_t>(n, 0), std::vector<std::uint64_t>(n, 0)};
    for (const auto& m : ms) {
        if (m.e > n || m.b >= m.e) continue;
        std::uint64_t ty = 0;
        for (unsigned char ch : m.type) ty = ty * 131 + ch;
        const auto len = static_cast<std::uint8_t>(std::min<std::size_t>(m.e - m.b, 12));
        for (auto k = m.b; k < m.e; ++k) {
            s.tag[k] = m.e - m.b == 1 ? 4 : k == m.b ? 1 : k + 1 == m.e ? 3 : 2;
            s.len[k] = len;
            s.type[k] = ty;
        }
    }
    return s;
}
} // namespace

std::vector<std::uint64_t> features(const ent::Chars& t, const Evidence& ev) {
    const std::size_t n = t.size();
    std::vector<std::uint64_t> out(n * kFeatures);
    auto ch = [&](std::ptrdiff_t i) -> std::uint64_t {
        if (i < 0) return kBos;
        if (static_cast<std::size_t>(i) >= n) return kEos;
        return t.c[static_cast<std::size_t>(i)];
    };
    const SpanTags ro = span_tags(n, ev.orgs), rp = span_tags(n, ev.places), g = span_tags(n, ev.gazetteer),
                   kn = span_tags(n, ev.known);
    auto at = [&](const std::vector<std::uint8_t>& v, std::ptrdiff_t i) -> std::uint64_t {
        return i < 0 || static_cast<std::size_t>(i) >= n ? 7 : v[static_cast<std::size_t>(i)];
    };
    const std::vector<std::uint8_t>&org_end = ev.org_end, &place_end = ev.place_end;
    // Nearest end of a suffix at or after position i + 1 (distance, type), within a bound: from
    // the next end after each position, found once from the right.
    auto next_ends = [&](const std::vector<std::uint8_t>& ends) {
        std::vector<std::uint32_t> next(n + 1, 0); // 0: none
        for (std::size_t j = n; j-- > 0;) next[j] = ends[j + 1] ? static_cast<std::uint32_t>(j + 1) : next[j + 1];
        return next;
    };
    const std::vector<std::uint32_t> next_org = next_ends(org_end), next_place = next_ends(place_end);
    auto ahead = [&](const std::vector<std::uint32_t>& next, const std::vector<std::uint8_t>& ends, std::size_t i,
                     std::size_t reach) -> std::uint64_t {
        const std::size_t j = next[i];
        return j != 0 && j <= i + reach ? (j - i) << 8 | ends[j] : 0;
    };
    auto word_hash = [&](std::size_t b, std::size_t e) -> std::uint64_t {
        std::uint64_t h = 1469598103934665603ull;
        for (std::size_t k = b; k < e; ++k) h = (h ^ t.c[k]) * 1099511628211ull;
        return h;
    };
    // ICU word of each position: where it ends.
    std::vector<std::uint32_t> word_end(n, 0);
    for (std::size_t i = n; i-- > 0;)
        word_end[i] = (i + 1 == n || t.bound[i + 1]) ? static_cast<std::uint32_t>(i + 1) : word_end[i + 1];
    for (std::size_t i = 0; i < n; ++i) {
        const auto p = static_cast<std::ptrdiff_t>(i);
        const std::uint64_t c0 = ch(p), cm1 = ch(p - 1), cp1 = ch(p + 1), cm2 = ch(p - 2), cp2 = ch(p + 2);
        const std::size_t ws = static_cast<std::size_t>(t.word_start[i]), we = word_end[i];
        const std::uint64_t wl = std::min<std::size_t>(we - ws, 5);
        const std::uint64_t wpos = we - ws == 1 ? 4 : i == ws ? 1 : i + 1 == we ? 3 : 2;
        const std::uint64_t ro0 = ro.tag[i], rp0 = rp.tag[i], g0 = g.tag[i];
        std::uint64_t* f = &out[i * kFeatures];
        int k = 0;
        f[k++] = fh(0, 0);
        f[k++] = fh(1, c0);
        f[k++] = fh(2, cm1);
        f[k++] = fh(3, cp1);
        f[k++] = fh(4, cm2);
        f[k++] = fh(5, cp2);
        f[k++] = fh(6, cm1, c0);
        f[k++] = fh(7, c0, cp1);
        f[k++] = fh(8, cm2, cm1);
        f[k++] = fh(9, cp1, cp2);
        f[k++] = fh(10, cm1, cp1);
        f[k++] = fh(11, wpos, wl);
        f[k++] = fh(12, wpos, c0);
        f[k++] = fh(13, ro0, ro.type[i]);
        f[k++] = fh(14, at(ro.tag, p - 1), ro0, at(ro.tag, p + 1));
        f[k++] = fh(15, ro0, c0);
        f[k++] = fh(16, ro0, cm1);
        f[k++] = fh(17, rp0);
        f[k++] = fh(18, at(rp.tag, p - 1), rp0, at(rp.tag, p + 1));
        f[k++] = fh(19, rp0, c0);
        f[k++] = fh(20, g0);
        f[k++] = fh(21, g0, c0);
        f[k++] = fh(22, ro0, rp0, g0);
        f[k++] = fh(23, char_class(cm1), char_class(c0), char_class(cp1));
        f[k++] = fh(24, wpos, ro0, rp0);
        f[k++] = fh(25, ro0, ro.len[i], ro.type[i]);
        f[k++] = fh(26, rp0, rp.len[i]);
        f[k++] = fh(27, cm1, c0, cp1);
        f[k++] = fh(28, word_hash(ws, we), wpos);
        f[k++] = fh(29, ws > 0 ? word_hash(static_cast<std::size_t>(t.word_start[ws - 1]), ws) : 0);
        f[k++] = fh(30, we < n ? word_hash(we, word_end[we]) : 0);
        f[k++] = fh(31, ahead(next_org, org_end, i, 14));
        f[k++] = fh(32, ahead(next_place, place_end, i, 6));
        f[k++] = fh(33, ro0, word_hash(ws, we));
        f[k++] = fh(34, rp0, word_hash(ws, we));
        f[k++] = fh(35, ch(p - 3));
        f[k++] = fh(36, ch(p + 3));
        f[k++] = fh(37, kn.tag[i], kn.len[i]);
        f[k++] = fh(38, kn.tag[i], ro0);
        f[k++] = fh(39, kn.tag[i], c0);
    }
    return out;
}

namespace {
constexpr int kind_of(int t) { return (t - 1) / 4; }
constexpr int pos_of(int t) { return (t - 1) % 4; } // 0 B, 1 I, 2 E, 3 S
constexpr bool opens(int t) { return t != O && (pos_of(t) == 0 || pos_of(t) == 3); }
constexpr bool closes(int t) { return t != O && (pos_of(t) == 2 || pos_of(t) == 3); }
// Which tag may follow which: inside a name only its continuation; outside, anything that opens.
constexpr bool allowed(int prev, int cur) {
    if (prev != O && pos_of(prev) <= 1) return cur != O && kind_of(cur) == kind_of(prev) && (pos_of(cur) == 1 || pos_of(cur) == 2);
    return cur == O || opens(cur);
}
constexpr bool may_start(int t) { return t == O || opens(t); }
// Per tag, the tags that may precede it (-1 ends the list): Viterbi's inner loop.
constexpr auto kPreds = [] {
    std::array<std::array<int, kTags + 1>, kTags> p{};
    for (int t = 0; t < kTags; ++t) {
        int k = 0;
        for (int q = 0; q < kTags; ++q)
            if (allowed(q, t)) p[static_cast<std::size_t>(t)][static_cast<std::size_t>(k++)] = q;
        p[static_cast<std::size_t>(t)][static_cast<std::size_t>(k)] = -1;
    }
    return p;
}();
constexpr bool may_end(int t) { return t == O || closes(t); }
} // namespace

Edges edges(const ent::Chars& t, const Evidence& ev) {
    const std::size_t n = t.size();
    Edges e{std::vector<std::uint8_t>(n, 0)};
    for (std::size_t i = 0; i < n; ++i) e.close[i] = t.bound[i + 1];
    for (const auto* ms : {&ev.orgs, &ev.places, &ev.gazetteer})
        for (const auto& m : *ms)
            if (m.b < m.e && m.e <= n) e.close[m.e - 1] = 1;
    return e;
}

std::vector<Tag> viterbi(const std::vector<float>& emit, std::size_t n, const std::array<float, kTags * kTags>& trans,
                         const Edges* edges, std::size_t from) {
    std::vector<Tag> out(n, O);
    if (n == 0) return out;
    constexpr float kNo = -std::numeric_limits<float>::infinity();
    std::vector<float> score(n * kTags, kNo);
    std::vector<std::uint8_t> back(n * kTags, 0);
    auto fits = [&](std::size_t i, int t) {
        if (!edges) return true;
        return !((t == E_ORG || t == S_ORG) && !edges->close[from + i]);
    };
    for (int t = 0; t < kTags; ++t)
        if (may_start(t) && fits(0, t)) score[static_cast<std::size_t>(t)] = emit[static_cast<std::size_t>(t)];
    for (std::size_t i = 1; i < n; ++i) {
        for (int t = 0; t < kTags; ++t) {
            if (!fits(i, t)) continue;
            float best = kNo;
            int arg = 0;
            for (int p : kPreds[static_cast<std::size_t>(t)]) {
                if (p < 0) break;
                const float s = score[(i - 1) * kTags + static_cast<std::size_t>(p)];
                if (s == kNo) continue;
                const float v = s + trans[static_cast<std::size_t>(p * kTags + t)];
                if (v > best) {
                    best = v;
                    arg = p;
                }
            }
            if (best == kNo) continue;
            score[i * kTags + static_cast<std::size_t>(t)] = best + emit[i * kTags + static_cast<std::size_t>(t)];
            back[i * kTags + static_cast<std::size_t>(t)] = static_cast<std::uint8_t>(arg);
        }
    }
    int best_t = O;
    float best = kNo;
    for (int t = 0; t < kTags; ++t)
        if (may_end(t) && score[(n - 1) * kTags + static_cast<std::size_t>(t)] > best) {
            best = score[(n - 1) * kTags + static_cast<std::size_t>(t)];
            best_t = t;
        }
    for (std::size_t i = n; i-- > 0;) {
        out[i] = static_cast<Tag>(best_t);
        best_t = back[i * kTags + static_cast<std::size_t>(best_t)];
    }
    return out;
}

std::vector<Span> spans(const std::vector<Tag>& tags) {
    std::vector<Span> out;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const Tag t = tags[i];
        if (t == O) continue;
        const auto kind = static_cast<Kind>(kind_of(t));
        if (pos_of(t) == 3) {
            out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1), kind});
        } else if (pos_of(t) == 0) {
            std::size_t j = i + 1;
            while (j < tags.size() && !closes(tags[j])) ++j;
            if (j == tags.size()) break; // Viterbi never leaves a name open
            out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j + 1), kind});
            i = j;
        }
    }
    return out;
}

void Model::load(std::string_view file_name) {
    const auto path = lexicon::data_dir() / std::string(file_name);
    std::ifstream in(path);
    if (!in) throw Error(path.string() + ": cannot read the name tagger's model");
    std::vector<std::uint64_t> hashes;
    std::vector<float> rows;
    std::string line;
    bool have_trans = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const char* s = line.c_str();
        const char* const stop = line.data() + line.size();
        // std::from_chars: strtof's and strtoul's locale handling made reading the model's
        // numbers half of start-up; the values are the same (both round correctly).
        auto number = [&](const char*& at, float& out) {
            while (at < stop && (*at == ' ' || *at == '\t')) ++at;
            const auto [p, ec] = std::from_chars(at, stop, out);
            if (ec != std::errc() || p == at) return false;
            at = p;
            return true;
        };
        if (line[0] == 'T' && line.size() > 1 && line[1] == '\t') {
            s += 2;
            for (auto& w : trans_)
                if (!number(s, w)) throw Error(path.string() + ": malformed transition line");
            have_trans = true;
            continue;
        }
        std::uint64_t h = 0;
        const auto [he, hec] = std::from_chars(s, stop, h, 16);
        if (hec != std::errc() || he == s || he == stop || *he != '\t') throw Error(path.string() + ": malformed line: " + line.substr(0, 40));
        s = he;
        hashes.push_back(h);
        rows.resize(rows.size() + kTags, 0.0f);
        float* row = &rows[rows.size() - kTags];
        while (s < stop && *s == '\t') { // tag:weight, the others 0
            int g = -1;
            const auto [ge, gec] = std::from_chars(s + 1, stop, g, 10);
            if (gec != std::errc() || ge == s + 1 || ge == stop || *ge != ':' || g < 0 || g >= kTags)
                throw Error(path.string() + ": malformed weight in: " + line.substr(0, 40));
            s = ge + 1;
            if (!number(s, row[g])) throw Error(path.string() + ": malformed weight in: " + line.substr(0, 40));
        }
    }
    if (!have_trans || hashes.empty()) throw Error(path.string() + ": no transition line or no weights");
    float top = 0.0f;
    for (float w : rows) top = std::max(top, std::abs(w));
    step_ = top > 0.0f ? top / 32767.0f : 1.0f;
    slots_.assign(hashes.size() * 2 + 1, Slot{});
    rows_.clear();
    rows_.reserve(hashes.size());
    for (std::size_t r = 0; r < hashes.size(); ++r) {
        const std::uint32_t fp = fingerprint(hashes[r]);
        std::size_t slot = home(hashes[r]);
        while (slots_[slot].fp != 0 && slots_[slot].fp != fp) slot = slot + 1 == slots_.size() ? 0 : slot + 1;
        if (slots_[slot].fp == fp) continue; // two features of one fingerprint: the first stands
        slots_[slot] = {fp, static_cast<std::uint32_t>(rows_.size())};
        Row& row = rows_.emplace_back();
        for (int g = 0; g < kTags; ++g)
            row.w[g] = static_cast<std::int16_t>(std::lround(rows[r * kTags + static_cast<std::size_t>(g)] / step_));
    }
}

inline std::uint32_t Model::find(std::uint64_t h) const {
    const std::uint32_t fp = fingerprint(h);
    for (std::size_t slot = home(h);; slot = slot + 1 == slots_.size() ? 0 : slot + 1) {
        if (slots_[slot].fp == fp) return slots_[slot].row;
        if (slots_[slot].fp == 0) return npos;
    }
}

std::vector<Tag> Model::tag(const ent::Chars& t, const Evidence& ev) const {
    const std::size_t n = t.size();
    const std::vector<std::uint64_t> f = features(t, ev);
    std::vector<float> emit(n * kTags, 0.0f);
    // A pipeline over positions, as the lookups are cache misses: the slots of position i + 2 are
    // prefetched, those of i + 1 probed (and the rows they hit prefetched), the rows of i summed.
    constexpr std::size_t kAhead = 2;
    auto feature = [&](std::size_t i, int k) { return f[i * kFeatures + static_cast<std::size_t>(k)]; };
    std::array<std::uint32_t, kFeatures> hit{}, next{};
    auto probe = [&](std::size_t i, std::array<std::uint32_t, kFeatures>& out) {
        for (int k = 0; k < kFeatures; ++k) {
            out[static_cast<std::size_t>(k)] = find(feature(i, k));
            if (out[static_cast<std::size_t>(k)] != npos) __builtin_prefetch(&rows_[out[static_cast<std::size_t>(k)]]);
        }
    };
    if (n > 0) probe(0, next);
    for (std::size_t i = 0; i < n; ++i) {
        hit = next;
        if (i + kAhead < n)
            for (int k = 0; k < kFeatures; ++k) __builtin_prefetch(&slots_[home(feature(i + kAhead, k))]);
        if (i + 1 < n) probe(i + 1, next);
        // GCC's vector extensions: a row widened and added in a few instructions, not 16.
        using I16 = std::int16_t __attribute__((vector_size(32)));
        using I32 = std::int32_t __attribute__((vector_size(64)));
        I32 sum{};
        for (std::uint32_t row : hit)
            if (row != npos) {
                I16 w;
                std::memcpy(&w, rows_[row].w, sizeof w);
                sum += __builtin_convertvector(w, I32);
            }
        float* e = &emit[i * kTags];
        for (int g = 0; g < kTags; ++g) e[g] = static_cast<float>(sum[g]) * step_;
    }
    const Edges e = edges(t, ev);
    return viterbi(emit, n, trans_, &e);
}

std::string org_type(const ent::Finders& f, const ent::Chars& t, const Evidence& ev, const Span& s) {
    auto usable = [](const std::string& ty) { return ty == "facility" ? std::string() : ty; };
    for (const auto& m : ev.orgs)
        if (m.e == s.e && m.b <= s.b + 2 && m.b + 2 >= s.b)
            if (std::string ty = usable(m.type); !ty.empty()) return ty;
    if (std::string ty = f.orgs.suffix_type(t, s.b, s.e); !ty.empty()) return ty;
    return "other";
}

} // namespace jianbao::ner

namespace jianbao::ner {

std::vector<Span> split_joined_bodies(const ent::Chars& t, const ent::OrgFinder& orgs, const std::vector<std::uint8_t>& org_end,
                                      const std::vector<Span>& found) {
    std::vector<Span> out;
    for (const Span& s : found) {
        std::uint32_t b = s.b;
        if (s.kind == kOrg && org_end[s.e])
            for (std::uint32_t q = s.b + 2; q + 2 < s.e; ++q) {
                const std::size_t len = q >= b + 2 && t.bound[q] && org_end[q] ? orgs.conjunction_at(t, q) : 0;
                if (len == 0 || !t.bound[q + len] || s.e - (q + len) < 2) continue;
                out.push_back({b, q, kOrg});
                b = q + static_cast<std::uint32_t>(len);
                q = b;
            }
        out.push_back({b, s.e, s.kind});
    }
    return out;
}

const Model& model() {
    static const Model m = [] {
        Model x;
        x.load("ner_model.txt");
        return x;
    }();
    return m;
}

// Where a brand in capitals and digits ending at b starts (ABB, SGS, TCL: two or more, a capital
// first), no further back than floor; b when there is none.
std::uint32_t latin_brand_before(const ent::Chars& t, std::uint32_t b, std::uint32_t floor) {
    auto upper = [](char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'); };
    std::uint32_t q = b;
    while (q > floor && upper(t.c[q - 1])) --q;
    const bool lower_before = q > 0 && ((t.c[q - 1] >= U'a' && t.c[q - 1] <= U'z') || t.c[q - 1] == U'&');
    return b - q >= 2 && t.c[q] >= U'A' && t.c[q] <= U'Z' && !lower_before ? q : b;
}

// A company named in Latin letters (ABC Logistics Ltd.): capitalised words, the last a legal form
// of org_latin_suffixes.txt.
void latin_companies(const ent::Chars& t, std::vector<ent::Match>& ms) {
    static const std::vector<std::u32string> forms = [] {
        std::vector<std::u32string> v;
        for (const auto& w : lexicon::read_words("org_latin_suffixes.txt")) v.push_back(ent::to_u32(w));
        return v;
    }();
    auto letter = [](char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9') || c == U'&'; };
    const std::size_t n = t.size();
    auto form_at = [&](std::size_t q) -> std::size_t { // length of a legal form at q, 0 = none
        for (const auto& f : forms)
            if (q + f.size() <= n && std::u32string_view(t.c.data() + q, f.size()) == f && (q + f.size() == n || !letter(t.c[q + f.size()])))
                return f.size();
        return 0;
    };
    std::vector<ent::Match> added;
    for (std::size_t i = 0; i < n;) {
        if (!(t.c[i] >= U'A' && t.c[i] <= U'Z') || (i > 0 && letter(t.c[i - 1]))) {
            ++i;
            continue;
        }
        // words: letters (and a final dot), separated by single spaces
        std::size_t e = i, last_word = i, words = 0;
        while (e < n && letter(t.c[e])) {
            last_word = e;
            while (e < n && letter(t.c[e])) ++e;
            if (e < n && t.c[e] == U'.') ++e;
            ++words;
            if (e + 1 < n && t.c[e] == U' ' && letter(t.c[e + 1])) ++e;
            else break;
        }
        const std::u32string_view tail(t.c.data() + last_word, e - last_word);
        const bool company = words >= 2 && std::any_of(forms.begin(), forms.end(), [&](const std::u32string& f) { return tail == f; });
        // (Co., Ltd.: two legal forms joined by a comma, the usual English form of a Chinese company)
        if (company && e + 1 < n && t.c[e] == U',') {
            const std::size_t q = e + 1 + (e + 2 < n && t.c[e + 1] == U' ' ? 1 : 0);
            if (const std::size_t fl = form_at(q)) e = q + fl;
        }
        if (company && std::none_of(ms.begin(), ms.end(), [&](const ent::Match& m) { return m.b < e && i < m.e; }))
            added.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), "company"});
        i = e > i ? e : i + 1;
    }
    // ZhiYuan Robotics有限公司, ZhiYuan Robotics（智远机器人）有限公司: capitalised Latin words right
    // before a company (or before the Chinese name in brackets it opens with) open its name; a name
    // never opens at a closing bracket.
    auto latin_start = [&](std::uint32_t b, std::uint32_t floor) {
        std::uint32_t q = b;
        for (;;) {
            std::uint32_t p = q;
            if (p >= floor + 2 && t.c[p - 1] == U' ' && letter(t.c[p - 2]) && letter(t.c[p])) --p; // (one space between words)
            std::uint32_t w = p;
            while (w > floor && letter(t.c[w - 1])) --w;
            if (w == p || !(t.c[w] >= U'A' && t.c[w] <= U'Z') || (w > 0 && (t.c[w - 1] == U'-' || t.c[w - 1] == U'.'))) break;
            q = w;
        }
        return q;
    };
    for (std::size_t k = 0; k < ms.size(); ++k) {
        ent::Match& m = ms[k];
        if (m.type != "company" || m.b == 0) continue;
        const std::uint32_t floor = k > 0 ? std::min(ms[k - 1].e, m.b) : 0;
        std::uint32_t b = m.b;
        if (t.c[b] == U'）') {
            std::uint32_t o = b;
            while (o > floor && b - o < 12 && t.c[o - 1] != U'（') --o;
            if (o == floor || t.c[o - 1] != U'（') continue;
            b = o - 1;
        }
        b = latin_start(b, floor);
        if (b < m.b && t.c[b] >= U'A' && t.c[b] <= U'Z') m.b = b;
    }
    std::erase_if(ms, [&](const ent::Match& m) { return m.type == "company" && t.c[m.b] == U'）'; });
    if (added.empty()) return;
    ms.insert(ms.end(), added.begin(), added.end());
    std::sort(ms.begin(), ms.end(), [](const ent::Match& a, const ent::Match& b) { return a.b < b.b; });
}

// A place and the kind of zone after it are one name (沅州|经济技术开发区|管委会, 沅州|综合保税区): the
// body that starts inside the zone's kind opens at the place; else the place runs over the kind.
std::size_t zone_kind_at(const ent::Chars& t, std::size_t i) {
    static const ent::Trie kinds = [] {
        ent::Trie tr;
        for (const auto& w : lexicon::read_words("org_zone_names.txt")) tr.insert(ent::to_u32(w), 1);
        return tr;
    }();
    return i < t.size() ? kinds.longest(t, i, nullptr, false) : 0;
}

void zones(const ent::Chars& t, std::vector<ent::Match>& ms) {
    for (std::size_t k = 0; k < ms.size(); ++k) {
        ent::Match& p = ms[k];
        if (p.type != "place" || p.e >= t.size()) continue;
        const std::size_t z = zone_kind_at(t, p.e);
        if (z == 0) continue;
        const std::uint32_t ze = p.e + static_cast<std::uint32_t>(z);
        if (k + 1 < ms.size() && ms[k + 1].b >= p.e && ms[k + 1].b < ze && ms[k + 1].e >= ze && ms[k + 1].type != "place") {
            ms[k + 1].b = p.b; // 沅州|开发区管委会 → 沅州经济技术开发区管委会
            ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k));
            --k;
        } else if (k + 1 >= ms.size() || ms[k + 1].b >= ze) {
            p.e = ze; // 沅州综合保税区
        }
    }
}

namespace {
// The names `add` into `ms`, replacing those inside them; `ms` sorted by start, and kept so.
void add_replacing(std::vector<ent::Match>& ms, const std::vector<ent::Match>& add) {
    if (add.empty()) return;
    for (const auto& a : add) std::erase_if(ms, [&](const ent::Match& x) { return a.b <= x.b && x.e <= a.e; });
    ms.insert(ms.end(), add.begin(), add.end());
    std::sort(ms.begin(), ms.end(), [](const ent::Match& a, const ent::Match& b) { return a.b < b.b; });
}
} // namespace

// 株式会社丸山精工: a Japanese company's legal form may open its name; a bare 株式会社 takes the
// words after it, up to a title, a stop word, punctuation or four characters (…社长, …在开发区).
// (日本株式会社丸山精工: a country before it is a place of its own)
void japanese_order_companies(const ent::Finders& f, const ent::Chars& t, std::vector<ent::Match>& ms) {
    std::vector<ent::Match> countries;
    for (auto& m : ms) {
        const std::uint32_t lf = m.e >= 4 ? m.e - 4 : m.e;
        if (m.type != "company" || lf < m.b || std::u32string_view(t.c.data() + lf, 4) != U"株式会社") continue;
        if (lf > m.b && f.gaz.at(t, m.b) != lf - m.b) continue;
        std::uint32_t e = m.e;
        while (e < t.size() && ent::is_han(t.c[e]) && f.orgs.title_at(t, e) == 0) {
            const auto we = static_cast<std::uint32_t>(t.next_bound(e, t.size()));
            if (f.orgs.stops_scan(t, e, we) || we - m.e > 4) break; // (a brand of four characters at most: …丸山精工|精密零部件)
            e = we;
        }
        if (e < m.e + 2) continue;
        if (lf > m.b) countries.push_back({m.b, lf, "place"});
        m.b = lf;
        m.e = e;
    }
    if (!countries.empty()) add_replacing(ms, countries);
}

void facilities(const ent::Finders& f, const ent::Chars& t, std::vector<ent::Match>& ms) {
    static const ent::Trie words = [] {
        ent::Trie tr;
        for (const auto& w : lexicon::read_words("place_facilities.txt")) tr.insert(ent::to_u32(w), 1);
        return tr;
    }();
    auto latin = [&](std::size_t i) {
        const char32_t ch = t.c[i];
        return (ch >= U'A' && ch <= U'Z') || (ch >= U'0' && ch <= U'9');
    };
    std::vector<ent::Match> add;
    for (std::size_t j = 2; j + 1 < t.size(); ++j) {
        const std::size_t w = words.longest(t, j, nullptr, false);
        if (w == 0 || (j + w < t.size() && !t.bound[j + w]) || !t.bound[j]) continue;
        std::size_t b = j;
        // 国道G320, 省道S211: a road's kind before its number, as road bulletins write it in prose
        std::size_t code = j + w;
        if (t.c[j + w - 1] == U'道' && code < t.size() && t.c[code] >= U'A' && t.c[code] <= U'Z') {
            std::size_t q = code + 1;
            while (q < t.size() && t.c[q] >= U'0' && t.c[q] <= U'9') ++q;
            const bool letter_after = q < t.size() && ((t.c[q] >= U'A' && t.c[q] <= U'Z') || (t.c[q] >= U'a' && t.c[q] <= U'z'));
            if (q > code + 1 && !letter_after) {
                const auto mb = static_cast<std::uint32_t>(j), me = static_cast<std::uint32_t>(q);
                if (std::none_of(ms.begin(), ms.end(), [&](const ent::Match& m) { return m.b < me && mb < m.e && !(m.type == "place" && mb <= m.b && m.e <= me); })) {
                    add.push_back({mb, me, "place"});
                    j = q - 1;
                    continue;
                }
            }
        }
        if (latin(j - 1)) { // G320国道
            while (b > 0 && latin(b - 1)) --b;
            if (j - b < 2 || !(t.c[b] >= U'A' && t.c[b] <= U'Z') || (b > 0 && ((t.c[b - 1] >= U'a' && t.c[b - 1] <= U'z')))) continue;
        } else {
            // back over the words before it to punctuation, a function character or a verb
            while (b > 0 && ent::is_han(t.c[b - 1]) && j - b < 5) {
                const auto ws = static_cast<std::size_t>(t.word_start[b - 1]);
                if ((b - ws == 1 && f.orgs.rarely_opens(t, ws)) || f.orgs.leading_verb_at(t, ws) == b - ws) break;
                if (j - ws > 5) break;
                b = ws;
            }
            const bool bounded = b == 0 || !ent::is_han(t.c[b - 1]) || f.orgs.rarely_opens(t, t.word_start[b - 1]) ||
                                 f.orgs.leading_verb_at(t, t.word_start[b - 1]) == b - t.word_start[b - 1];
            if (j - b < 2 || !bounded) continue;
            // (a proper name: characters ICU knows no word of, 凤|栖, or a place the gazetteer knows,
            // 青龙山, 澜溪河 — not a common word, 经济|高速, 包括|水库, 科研|大桥)
            bool proper = f.gaz.ending_at(t, j) > 0 || f.gaz.suffix_ending_at(t, j) > 0;
            if (!proper) {
                proper = true;
                for (std::size_t q = b; q < j && proper; ++q) proper = t.word_start[q] == static_cast<std::int32_t>(q) && t.bound[q + 1];
            }
            if (!proper) continue;
        }
        const std::uint32_t mb = static_cast<std::uint32_t>(b), me = static_cast<std::uint32_t>(j + w);
        // (an organisation around or across it stands: 鹤鸣水库管理局; a place inside it gives way)
        if (std::any_of(ms.begin(), ms.end(), [&](const ent::Match& m) { return m.b < me && mb < m.e && !(m.type == "place" && mb <= m.b && m.e <= me); }))
            continue;
        add.push_back({mb, me, "place"});
        j = me - 1;
    }
    add_replacing(ms, add);
}

void venues(const ent::Finders& f, const ent::Chars& t, std::vector<ent::Match>& ms) {
    static const ent::Trie words = [] {
        ent::Trie tr;
        for (const auto& row : lexicon::read_table("place_venues.txt", 2)) tr.insert(ent::to_u32(row[0]), row[1] == "1" ? 1 : 0);
        return tr;
    }();
    const std::size_t n = t.size();
    // A place (the gazetteer's or the tagger's) ending at k: its start, or npos.
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    auto place_before = [&](std::size_t k) {
        std::size_t best = npos;
        if (std::size_t g = f.gaz.ending_at(t, k)) best = k - g;
        for (const auto& m : ms)
            if (m.e == k && m.b < k && m.type == "place" && (best == npos || m.b < best)) best = m.b;
        // (or the bulletin's own level alone, a word of its own: 在|县|人民|广场, 赴|县|革命|烈士陵园)
        if (best == npos && k >= 1 && t.word_start[k - 1] == static_cast<std::int32_t>(k - 1) &&
            std::u32string_view(U"县市区").find(t.c[k - 1]) != std::u32string_view::npos && !(k >= 2 && f.orgs.level_determiner(t.c[k - 2])))
            best = k - 1;
        return best;
    };
    std::vector<ent::Match> add;
    for (std::size_t j = 1; j + 1 < n; ++j) {
        std::int32_t direct = 0;
        const std::size_t w = words.longest(t, j, &direct, false);
        if (w == 0 || (j + w < n && !t.bound[j + w])) continue;
        // (the dictionary may hold the venue as one word: 美术馆 inside 中国美术馆 is no boundary)
        const std::size_t k = t.bound[j] ? j : static_cast<std::size_t>(t.word_start[j]);
        // The place right before the venue's word when that may open it alone (上海|博物馆), or a body
        // naming a museum or hall (全国政协|礼堂); else a place before one word of the name's own
        // (汉城|金浦|机场), not one no name holds (京城|各大|公园).
        std::size_t b = npos, opener = npos;
        if (direct) {
            b = place_before(k);
            for (std::size_t q = 0; q < ms.size() && b == npos; ++q)
                if (ms[q].e == k && ms[q].type != "place") b = ms[q].b, opener = q;
        }
        if (b == npos && k > 0 && ent::is_han(t.c[k - 1])) {
            const auto ws = static_cast<std::size_t>(t.word_start[k - 1]);
            if (k - ws <= 3 && !(k - ws == 1 && f.orgs.rarely_opens(t, ws)) && f.orgs.leading_verb_at(t, ws) != k - ws &&
                !f.orgs.stops_scan(t, ws, k) && !f.orgs.rarely_inside(t, ws, k))
                b = place_before(ws);
        }
        // A venue the tagger found takes the places right before it (北京|首都国际机场, 美国|纽约现代艺术博物馆).
        std::size_t whole = npos;
        for (std::size_t q = 0; q < ms.size() && b == npos; ++q)
            if (ms[q].e == j + w && ms[q].b < k && ms[q].type == "place" && place_before(ms[q].b) != npos) b = ms[q].b, whole = q;
        if (b == npos) continue;
        // places written together open it (北京|王府井|百货大楼)
        while (b > 0) {
            const std::size_t nb = place_before(b);
            if (nb == npos || j - nb > 12) break;
            b = nb;
        }
        const auto mb = static_cast<std::uint32_t>(b), me = static_cast<std::uint32_t>(j + w);
        // (a name across either end stands, and so does a body inside: 西藏军区|广场, 新华社区|广场,
        // 毛里求斯商业银行|大厦; a place the tagger found whole stays)
        bool blocked = false;
        for (std::size_t q = 0; q < ms.size() && !blocked; ++q) {
            const ent::Match& m = ms[q];
            if (q == opener || q == whole) continue;
            blocked = (m.b < mb && m.e > mb) || (m.b < me && m.e > me) || (m.b <= mb && m.e >= me && m.type == "place") ||
                      (m.type != "place" && m.b < me && mb < m.e);
        }
        if (blocked) continue;
        add.push_back({mb, me, "place"});
        j = me - 1;
    }
    add_replacing(ms, add);
}

void street_offices(const ent::Chars& t, std::vector<ent::Match>& ms) {
    static constexpr std::u32string_view office = U"街道";
    for (auto& m : ms) {
        if (m.type != "place") continue;
        std::size_t e = m.e;
        if (e >= 1 && t.c[e - 1] == office[0] && e < t.size() && t.c[e] == office[1]) e += 1; // 城东街|道
        else if (e + 2 <= t.size() && t.c[e] == office[0] && t.c[e + 1] == office[1]) e += 2;  // 河西|街道
        else continue;
        if (e < t.size() && !t.bound[e]) continue;
        if (std::any_of(ms.begin(), ms.end(), [&](const ent::Match& x) { return &x != &m && x.b < e && x.e > m.e; })) continue;
        m.e = static_cast<std::uint32_t>(e);
        m.type = "government";
    }
}

void same_name_throughout(const ent::Chars& t, std::vector<ent::Match>& ms) {
    constexpr std::size_t kMinChars = 3; // shorter names are too often words of something else
    std::vector<ent::Match> add;
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const ent::Match& m = ms[k];
        const std::size_t len = m.e - m.b;
        if (m.type == "place" || len < kMinChars) continue;
        if (std::any_of(ms.begin(), ms.begin() + static_cast<std::ptrdiff_t>(k), [&](const ent::Match& x) {
                return x.type != "place" && x.e - x.b == len && std::equal(t.c.begin() + x.b, t.c.begin() + x.e, t.c.begin() + m.b);
            }))
            continue; // that name was propagated already
        for (std::size_t b = 0; b + len <= t.size(); ++b) {
            if (b == m.b || t.c[b] != t.c[m.b] || !t.bound[b] ||
                !std::equal(t.c.begin() + m.b, t.c.begin() + m.e, t.c.begin() + b))
                continue;
            const std::size_t e = b + len;
            bool whole = true, already = false;
            for (const auto& x : ms) {
                if (x.e <= b || e <= x.b) continue;
                if (x.b == b && x.e == e && x.type != "place") already = true;
                if (x.b < b || x.e > e) whole = false;
            }
            if (std::any_of(add.begin(), add.end(), [&](const ent::Match& a) { return a.b < e && b < a.e; })) whole = false;
            if (!already && whole) add.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), m.type});
        }
    }
    add_replacing(ms, add);
}

// 广西南宁、贵州贵阳等地, 武威、金昌、张掖等地市: the items of a list set with 、 that are made of
// the gazetteer's places (or are a division's name without its unit: 金昌) are places too when
// another item is read as places or the list ends in 等地 (the tagger reads a list's items one by
// one and may miss some).
void list_places(const ent::Gazetteer& gaz, const ent::Chars& t, const Evidence& ev, std::vector<ent::Match>& ms) {
    // (an item ends at punctuation, 等 or a conjunction)
    auto item_edge = [&](std::size_t i) {
        return i >= t.size() || !ent::is_han(t.c[i]) || std::u32string_view(U"等和及与").find(t.c[i]) != std::u32string_view::npos;
    };
    auto place_starting = [&](std::uint32_t b) -> const ent::Match* {
        for (const auto& m : ev.places)
            if (m.b == b) return &m;
        return nullptr;
    };
    std::vector<ent::Match> add;
    for (std::uint32_t p = 0; p < t.size(); ++p) {
        if (t.c[p] != U'、' || (p > 0 && t.c[p - 1] == U'、')) continue;
        // the list around this 、: items [b, e) between its marks
        std::vector<std::pair<std::uint32_t, std::uint32_t>> items;
        std::uint32_t b = p;
        while (b > 0 && !item_edge(b - 1)) --b;
        for (std::uint32_t q = p, start = b;; ++q) {
            if (!item_edge(q)) continue;
            if (q > start) items.emplace_back(start, q);
            if (q >= t.size() || t.c[q] != U'、') {
                p = q;
                break;
            }
            start = q + 1;
        }
        if (items.size() < 2) continue;
        const std::uint32_t end = items.back().second;
        bool seeded = end + 1 < t.size() && t.c[end] == U'等' && gaz.list_noun_at(t, end + 1) > 0;
        std::vector<std::vector<ent::Match>> found(items.size());
        std::vector<bool> covered(items.size(), false);
        for (std::size_t k = 0; k < items.size(); ++k) {
            const auto [ib, ie] = items[k];
            for (const auto& m : ms)
                if (m.b < ie && ib < m.e) {
                    covered[k] = true;
                    seeded |= m.type == "place" && m.b == ib && m.e == ie;
                }
            std::uint32_t q = ib;
            while (const ent::Match* g = place_starting(q)) {
                found[k].push_back(*g);
                q = g->e;
            }
            if (q != ie) found[k].clear();
            if (found[k].empty() && gaz.list_form(t, ib, ie)) found[k].push_back({ib, ie, "place"});
        }
        if (!seeded) continue;
        for (std::size_t k = 0; k < items.size(); ++k)
            if (!covered[k])
                for (auto m : found[k]) {
                    m.type = "place";
                    add.push_back(std::move(m));
                }
    }
    if (add.empty()) return;
    ms.insert(ms.end(), add.begin(), add.end());
    std::sort(ms.begin(), ms.end(), [](const ent::Match& a, const ent::Match& b) { return a.b < b.b; });
}

// 开发区经济发展局、规划建设局: an item of a 、-list right after one of the bulletin's own bodies
// (opened by its bare level: 县, 开发区), ending in the same suffix character with a suffix of the
// same type, is a body of the same level: the list writes the level once, before its first item.
// (News text names bodies with their place; PFR counts no bare 物价局, 供电局.)
void list_siblings(const ent::Finders& f, const ent::Chars& t, std::vector<ent::Match>& ms) {
    bool sibling = false; // ms[k] is such an item itself (县财政局、审计局、统计局)
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const ent::Match m = ms[k];
        const std::uint32_t p = m.e;
        const bool chained = std::exchange(sibling, false);
        if (m.type == "place" || m.type == "facility" || p + 4 > t.size() || t.c[p] != U'、' || !(chained || f.orgs.unit_level_at(t, m.b))) continue;
        if (k + 1 < ms.size() && ms[k + 1].b <= p + 1) continue; // (the next item is found already)
        const std::uint32_t next_b = k + 1 < ms.size() ? ms[k + 1].b : static_cast<std::uint32_t>(t.size());
        for (std::uint32_t j = p + 4; j <= p + 10 && j <= next_b && ent::is_han(t.c[j - 1]); ++j) {
            if (!t.bound[j] || t.c[j - 1] != t.c[m.e - 1] || f.orgs.suffix_type(t, p + 1, j) != m.type) continue;
            bool clean = t.bound[p + 1] && !f.orgs.rejects(t, p + 1, j);
            for (std::uint32_t w = p + 1; w < j && clean;) {
                const auto we = static_cast<std::uint32_t>(t.next_bound(w, j));
                clean = !f.orgs.stops_scan(t, w, we);
                w = we;
            }
            if (clean) {
                ms.insert(ms.begin() + static_cast<std::ptrdiff_t>(k + 1), ent::Match{p + 1, j, m.type});
                sibling = true;
            }
            break;
        }
    }
}

const std::vector<ent::Match>& entities_of(const ent::Chars& t) {
    thread_local std::string last_text;
    thread_local std::vector<ent::Match> last;
    thread_local bool have = false; // a text without names is cached too
    if (have && last_text == t.text) return last;
    const ent::Finders& f = ent::finders();
    const Evidence ev = evidence(f, t);
    last.clear();
    std::vector<ent::Match> bodies = f.orgs.bodies_by_usage(t, ev.orgs);
    for (auto& m : f.orgs.bare_units(t))
        if (std::none_of(bodies.begin(), bodies.end(), [&](const ent::Match& b) { return b.b < m.e && m.b < b.e; }))
            bodies.push_back(std::move(m));
    std::sort(bodies.begin(), bodies.end(), [](const ent::Match& a, const ent::Match& b) { return a.b < b.b; });
    std::vector<Span> found = spans(model().tag(t, ev));
    // 经|县委常委会|研究, 王强|任|县委宣传部: a preposition or a verb of appointment read alone opens
    // no name the rules read right after it; the name opens after it.
    for (Span& s : found)
        if (s.kind == kOrg && s.e - s.b >= 3)
            for (const auto& m : ev.orgs)
                if (m.b > s.b && m.b < s.e && m.e <= s.e && t.word_start[m.b - 1] == static_cast<std::int32_t>(m.b - 1) &&
                    t.bound[m.b] && f.orgs.preposition(t.c[m.b - 1])) {
                    s.b = m.b;
                    break;
                }
    static const ent::Trie feature_tails = [] {
        ent::Trie tr;
        for (const auto& w : lexicon::read_words("place_feature_tails.txt")) tr.insert(ent::to_u32(w), 0);
        return tr;
    }();
    // 翠屏山|景区, 石泉|古镇: a place the tagger ended right before the place suffix the rules read
    // it with (a suffix of two characters or more) is the rules' whole name.
    for (std::size_t k = 0; k < found.size(); ++k) {
        Span& s = found[k];
        if (s.kind != kPlace) continue;
        const std::uint32_t limit = k + 1 < found.size() ? found[k + 1].b : static_cast<std::uint32_t>(t.size());
        for (const auto& m : ev.places)
            if (m.b == s.b && m.e > s.e + 1 && m.e <= limit && f.gaz.suffix_ending_at(t, m.e) == m.e - s.e) s.e = m.e;
        // (so is one the rules cannot read, its name of two words, before a scenic area's word: 白云|山|景|区)
        if (const std::size_t tl = feature_tails.longest(t, s.e, nullptr, false); tl && s.e + tl <= limit && t.bound[s.e + tl])
            s.e += static_cast<std::uint32_t>(tl);
    }
    // The tagger sees a few characters around it and ends a long name at its first plausible end
    // (上海师范大学|化工系, 北京军区|给水团); a rule match opening at the same character that goes on
    // over a sub-unit, up to the next name, is the name.
    // Likewise a one-character country abbreviation the rules put before it (俄|外交部).
    for (std::size_t k = 0; k < found.size(); ++k) {
        Span& s = found[k];
        if (s.kind != kOrg) continue;
        const std::uint32_t limit = k + 1 < found.size() ? found[k + 1].b : static_cast<std::uint32_t>(t.size());
        const std::uint32_t floor = k > 0 ? found[k - 1].e : 0;
        // A name does not start inside its own bracket (瑞能（|江州）储能科技有限公司): a rule match ending
        // where it does and opening before the bracket is the name.
        int depth = 0;
        for (std::uint32_t q = s.b; q < s.e; ++q) depth += t.c[q] == U'）' || t.c[q] == U')' ? -1 : t.c[q] == U'（' || t.c[q] == U'(' ? 1 : 0;
        // With no such match, the name before the bracket is the company's (施密特精密轴承（|中国）有限公司):
        // its words back to one that rarely opens a name (与, 和, 对) or punctuation.
        std::uint32_t open = s.b;
        while (depth < 0 && open > 0 && s.b - open < 8 && t.c[open - 1] != U'（' && t.c[open - 1] != U'(' && ent::is_han(t.c[open - 1])) --open;
        if (depth < 0 && open >= 3 && (t.c[open - 1] == U'（' || t.c[open - 1] == U'(') &&
            std::none_of(ev.orgs.begin(), ev.orgs.end(), [&](const ent::Match& m) { return m.e == s.e && m.b < s.b; })) {
            --open;
            // (a body the tagger ended at the bracket is the company's head: 中电建华东勘测设计研究院|（杭州）有限公司;
            // so is a short person or place it read there, a brand: 舍弗勒|（中国）有限公司)
            const bool head = k > 0 && found[k - 1].e == open && (found[k - 1].kind == kOrg || open - found[k - 1].b <= 5);
            const std::uint32_t stop = head ? (k > 1 ? found[k - 2].e : 0) : floor;
            // (or a brand in capitals before the bracket: ABB（中国）有限公司)
            std::uint32_t b = latin_brand_before(t, open, stop);
            const bool branded = b < open;
            while (!branded && b > stop && ent::is_han(t.c[b - 1]) && open - b < 12) {
                const auto ws = static_cast<std::uint32_t>(t.word_start[b - 1]);
                if (ws < stop || (b - ws == 1 && f.orgs.rarely_opens(t, ws))) break;
                b = ws;
            }
            if (head) {
                s.b = std::min(b, found[k - 1].b);
                found.erase(found.begin() + static_cast<std::ptrdiff_t>(k - 1));
                --k;
                continue;
            }
            if (open - b >= 2) s.b = b;
        }
        for (const auto& m : ev.orgs) {
            if (m.type == "facility" || m.type == "village") continue;
            if (depth < 0 && m.e == s.e && m.b < s.b && m.b >= floor && s.b - m.b <= 8) s.b = m.b;
            // 岭|南县实验中学…: the rules took in the lone character opening a clause before a county
            // (see OrgFinder::suffix_candidate); the tagger started at the county it knows.
            if (m.e == s.e && m.b + 1 == s.b && m.b >= floor && t.word_start[m.b] == static_cast<std::int32_t>(m.b) &&
                (m.b == 0 || !ent::is_han(t.c[m.b - 1])) && s.e - s.b >= 3 &&
                std::u32string_view(U"县市区").find(t.c[s.b + 1]) != std::u32string_view::npos)
                s.b = m.b;
            if (m.b == s.b && m.e > s.e && m.e <= limit && m.e - s.e <= 8) s.e = m.e;
            // only before a known body, the abbreviation a word of its own after punctuation or a
            // word of two or more (援引|俄|外交部; not 以|上海市…, where 以 is a preposition)
            if (m.e == s.e && m.b + 1 == s.b && m.b >= floor && f.orgs.country_abbrev(t.c[m.b]) && !f.orgs.rarely_opens(t, m.b) &&
                f.orgs.known_at(t, s.b) == s.e - s.b && t.bound[s.b] &&
                (m.b == 0 || !ent::is_han(t.c[m.b - 1]) || (t.bound[m.b] && t.word_start[m.b - 1] + 1 < static_cast<std::int32_t>(m.b))))
                s.b = m.b;
        }
    }
    for (std::size_t k = 0; k < found.size(); ++k)
        if (Span& s = found[k]; s.kind == kOrg && f.orgs.lone_level_before(t, s.b) && (k == 0 || found[k - 1].e < s.b))
            --s.b;
    // 团县委联合|省农科院: a verb that takes a body, a word of its own, opens no name (but a known
    // body may start with it: 联合|国…).
    for (Span& s : found)
        if (s.kind == kOrg)
            if (std::size_t v = f.orgs.leading_verb_at(t, s.b); v && s.e - s.b >= v + 3 && !f.orgs.known_at(t, s.b))
                s.b += static_cast<std::uint32_t>(v);
    // 镇纪委联合镇财政所: two bodies joined by a verb that takes a body (the place 联合镇 misled the
    // tagger). A rule match or a body by usage (县工商联|联合|县人社局) opening the span, the verb right
    // after it and a body's suffix at the span's end: the two bodies.
    {
        std::vector<Span> out;
        std::vector<ent::Match> openers = ev.orgs;
        openers.insert(openers.end(), bodies.begin(), bodies.end());
        for (const Span& s : found) {
            bool cut = false;
            if (s.kind == kOrg && s.e <= t.size() && ev.org_end[s.e])
                for (const auto& m : openers) {
                    if (m.b != s.b || m.e >= s.e || m.type == "facility") continue;
                    const std::size_t v = f.orgs.leading_verb_at(t, m.e);
                    if (!v || s.e < m.e + v + 3) continue;
                    out.push_back({s.b, m.e, kOrg});
                    out.push_back({static_cast<std::uint32_t>(m.e + v), s.e, kOrg});
                    cut = true;
                    break;
                }
            if (!cut) out.push_back(s);
        }
        found.swap(out);
    }
    // A company the tagger found as its legal form only (依托金|禾|新|材料|股份有限公司): the name is the
    // words before it back to a verb that takes a body, punctuation or a character that rarely opens
    // a name, seven characters at most.
    for (std::size_t k = 0; k < found.size(); ++k) {
        Span& s = found[k];
        if (s.kind != kOrg || s.b == 0 || !ent::is_han(t.c[s.b - 1])) continue;
        const std::u32string_view name(t.c.data() + s.b, s.e - s.b);
        if (name != U"股份有限公司" && name != U"有限公司" && name != U"有限责任公司" && name != U"集团有限公司") continue;
        const std::uint32_t floor = k > 0 ? found[k - 1].e : 0;
        std::uint32_t b = s.b;
        bool bounded = false; // the walk ended at a verb, punctuation or the name before
        while (s.b - b < 7) {
            if (b <= floor || !ent::is_han(t.c[b - 1])) {
                bounded = true;
                break;
            }
            const auto ws = static_cast<std::uint32_t>(t.word_start[b - 1]);
            if (ws < floor || f.orgs.leading_verb_at(t, ws) == b - ws) {
                bounded = true;
                break;
            }
            b = ws;
        }
        // (cut by the length only, its first character must be one that opens names)
        if (s.b - b >= 2 && (bounded || !f.orgs.rarely_opens(t, b))) s.b = b;
    }
    // Names run together without a separator (an award list: 云南省委宣传部宣传教育处云南省科委农村科技处…)
    // come out of the tagger as one; two or more rule matches tiling most of it are the names.
    std::vector<Span> split;
    for (const Span& s : found) {
        std::vector<Span> parts;
        std::uint32_t covered = 0;
        if (s.kind == kOrg)
            for (const auto& m : ev.orgs)
                if (m.b >= s.b && m.e <= s.e && m.e - m.b >= 3 && m.type != "facility") {
                    parts.push_back({m.b, m.e, kOrg});
                    covered += m.e - m.b;
                }
        if (parts.size() >= 2 && covered * 10 >= (s.e - s.b) * 7) split.insert(split.end(), parts.begin(), parts.end());
        else split.push_back(s);
    }
    found.swap(split);
    found = split_joined_bodies(t, f.orgs, ev.org_end, found);
    // A company cut inside its brand, a name ICU does not know and gives in single characters
    // (比|亚|迪股份有限公司, 湄|江|瑞|泰|新材料股份有限公司, 博|世汽车部件（桐州）有限公司): the name takes
    // those characters back to a word, punctuation or a character that rarely opens a name (了, 的,
    // 和), five at most. (News text puts verbs there, words of two characters: 参观|金鹏电子…)
    for (std::size_t k = 0; k < found.size(); ++k) {
        Span& s = found[k];
        if (s.kind != kOrg || s.b == 0 || s.e - s.b < 4) continue;
        const std::u32string_view name(t.c.data() + s.b, s.e - s.b);
        if (!name.ends_with(U"有限公司") && !name.ends_with(U"有限责任公司")) continue;
        if (name == U"有限公司" || name == U"股份有限公司" || name == U"有限责任公司" || name == U"集团有限公司") continue; // (the rule below)
        // (a person or place the tagger read in the brand right before it is the brand: 湄江瑞泰|新材料…)
        const bool absorb = k > 0 && found[k - 1].e == s.b && found[k - 1].kind != kOrg && s.b - found[k - 1].b <= 5;
        const std::uint32_t floor = k == 0 ? 0 : absorb ? (k > 1 ? found[k - 2].e : 0) : found[k - 1].e;
        auto single = [&](std::uint32_t q) { return ent::is_han(t.c[q]) && t.word_start[q] == static_cast<std::int32_t>(q) && t.bound[q + 1]; };
        // (a name the tagger opened inside an ICU word opens at the word: SGS通标|标|准技术…)
        std::uint32_t b = s.b;
        if (const auto ws = static_cast<std::uint32_t>(t.word_start[s.b]); ws < s.b && ws >= floor) b = ws;
        // (a rule company of the same end opened by a brand in capitals: SGS通|标|标准|技术服务有限公司)
        for (const auto& m : ev.orgs)
            if (m.e == s.e && m.b < b && m.b >= floor && m.type == "company" && t.c[m.b] >= U'A' && t.c[m.b] <= U'Z') b = m.b;
        while (b > floor && s.b - b < 5 && single(b - 1) && !f.orgs.rarely_opens(t, b - 1)) --b;
        // (past one that rarely opens a name inside the brand, to the punctuation before it: 、华|源|新|材料（常州）…)
        {
            std::uint32_t q = b;
            while (q > floor && s.b - q < 5 && single(q - 1)) --q;
            // (whatever its first character, when a company of the same list ends at the 、 before it:
            // 苏州汇川技术有限公司、博|世汽车部件（苏州）有限公司)
            const bool listed = q >= 1 && t.c[q - 1] == U'、' && k > 0 && found[k - 1].kind == kOrg && found[k - 1].e + 1 == q;
            // (or when a brand in capitals opens the name: SGS|通|标|标准技术…)
            const bool branded = latin_brand_before(t, q, floor) < q;
            if (q < b && (q == 0 || !ent::is_han(t.c[q - 1])) && (!f.orgs.rarely_opens(t, q) || listed || branded)) b = q;
        }
        // (a two-character brand whose second character rarely opens a name, between a word of its
        // own and the rest: 邀请|华|为|技术有限公司, 学校与|华|为|技术有限公司)
        if (b == s.b && b >= floor + 2 && single(b - 1) && single(b - 2) && f.orgs.rarely_opens(t, b - 1) && !f.orgs.rarely_opens(t, b - 2) &&
            (b - 2 == floor || !ent::is_han(t.c[b - 3]) || t.word_start[b - 3] + 1 < static_cast<std::int32_t>(b - 2) ||
             (single(b - 3) && f.orgs.rarely_opens(t, b - 3))))
            b -= 2;
        b = latin_brand_before(t, b, floor);
        // (it must end at a boundary: punctuation, the name before, or a word of its own)
        const bool bounded = b == floor || !ent::is_han(t.c[b - 1]) || t.word_start[b - 1] + 1 < static_cast<std::int32_t>(b) ||
                             f.orgs.rarely_opens(t, b - 1);
        if (b < s.b && bounded && (!absorb || b <= found[k - 1].b)) {
            s.b = b;
            if (absorb) {
                found.erase(found.begin() + static_cast<std::ptrdiff_t>(k - 1));
                --k;
            }
        }
    }
    // A university's hospital or school is one name with it (上海交通大学医学院附属瑞金医院,
    // 成都中医药大学附属医院), as PFR counts them: a body, 附属 and a body's suffix within a few
    // characters (or the next body found) run together.
    for (std::size_t k = 0; k < found.size(); ++k) {
        Span& s = found[k];
        if (s.kind != kOrg || s.e + 2 >= t.size() || t.c[s.e] != U'附' || t.c[s.e + 1] != U'属') continue;
        const std::uint32_t from = s.e + 2;
        if (k + 1 < found.size() && found[k + 1].b == from && found[k + 1].kind == kOrg && found[k + 1].e - from <= 10) {
            s.e = found[k + 1].e;
            found.erase(found.begin() + static_cast<std::ptrdiff_t>(k + 1));
            continue;
        }
        const std::uint32_t limit = k + 1 < found.size() ? found[k + 1].b : static_cast<std::uint32_t>(t.size());
        for (std::uint32_t j = from + 2; j <= from + 8 && j <= limit && ent::is_han(t.c[j - 1]); ++j)
            if (ev.org_end[j]) {
                s.e = j;
                break;
            }
    }
    // 浦东钢铁（集团|）公司: a name does not end inside its own bracket; it runs over the closing
    // bracket and the suffix right after it.
    {
        const std::vector<std::uint8_t>& org_end = ev.org_end;
        for (std::size_t k = 0; k < found.size(); ++k) {
            Span& s = found[k];
            if (s.kind != kOrg || s.e >= t.size() || t.c[s.e] != U'）') continue;
            int open = 0;
            for (std::uint32_t q = s.b; q < s.e; ++q) open += t.c[q] == U'（' ? 1 : t.c[q] == U'）' ? -1 : 0;
            if (open != 1) continue;
            const std::uint32_t limit = k + 1 < found.size() ? found[k + 1].b : static_cast<std::uint32_t>(t.size());
            std::uint32_t e = s.e + 1;
            for (std::uint32_t j = e + 1; j <= e + 5 && j <= limit && ent::is_han(t.c[j - 1]); ++j)
                if (org_end[j]) {
                    e = j;
                    break;
                }
            if (e <= limit) s.e = e;
        }
    }
    // 内蒙古东北部, 土耳其东南部: the tagger reads the direction's 部 as a body's suffix; the rule
    // finder never does. The place before the direction is the name.
    for (Span& s : found)
        if (s.kind == kOrg)
            if (std::size_t d = f.orgs.direction_before(t, s.e); d && s.e - s.b >= d + 2) {
                s.e -= static_cast<std::uint32_t>(d);
                s.kind = kPlace;
            }
    for (const Span& s : found) {
        if (s.kind == kPerson) continue;
        if (s.kind == kOrg && f.orgs.rejects(t, s.b, s.e)) continue; // the rules' vetoes hold for the tagger's names too
        // A body by local usage stands unless the tagger found a larger organisation around it.
        bool yields = false;
        for (auto& m : bodies) {
            if (m.b >= m.e || m.e <= s.b || s.e <= m.b) continue;
            if (s.kind == kOrg && s.b <= m.b && m.e <= s.e && s.e - s.b > m.e - m.b) m.e = m.b; // dropped
            else yields = true;
        }
        if (!yields) last.push_back({s.b, s.e, s.kind == kOrg ? org_type(f, t, ev, s) : std::string("place")});
    }
    for (auto& m : bodies)
        if (m.b < m.e) last.push_back(std::move(m));
    // A name never starts or ends with a space (本报讯 云河电子有限公司: the tagger took the space in).
    auto space = [&](std::size_t i) { return u_isUWhiteSpace(static_cast<UChar32>(t.c[i])) != 0; };
    for (auto& m : last) {
        while (m.b < m.e && space(m.b)) ++m.b;
        while (m.e > m.b && space(m.e - 1)) --m.e;
        // 我县|县人民医院: a body does not open with its level twice (the first is the 我县's; not
        // 据|市|市场监督管理局, where the second opens a longer word).
        if (m.type != "place" && m.e - m.b >= 4 && m.b >= 1 && t.c[m.b] == t.c[m.b + 1] && t.bound[m.b + 2] &&
            std::u32string_view(U"省市县区镇乡").find(t.c[m.b]) != std::u32string_view::npos)
            ++m.b;
    }
    std::erase_if(last, [](const ent::Match& m) { return m.b >= m.e; });
    // 镇妇联|联合镇…: a place opening with a verb that takes a body, right after a body, is the verb
    // and the next body's level, no place (the town 联合镇 misled the tagger).
    std::erase_if(last, [&](const ent::Match& m) {
        if (m.type != "place" || m.b == 0) return false;
        const std::size_t v = f.orgs.leading_verb_at(t, m.b);
        return v && v < m.e - m.b && std::any_of(last.begin(), last.end(), [&](const ent::Match& x) { return x.type != "place" && x.e == m.b; });
    });
    // 县水利局局|长沙永红: a body does not end inside a title word (局长) when the body without that
    // character is named too in the record.
    std::erase_if(last, [&](const ent::Match& m) {
        if (m.type == "place" || m.e - m.b < 4 || m.e >= t.size() || f.orgs.title_at(t, m.e - 1) < 2) return false;
        return std::any_of(last.begin(), last.end(), [&](const ent::Match& x) {
            return x.type != "place" && x.e - x.b + 1 == m.e - m.b && std::equal(t.c.begin() + x.b, t.c.begin() + x.e, t.c.begin() + m.b);
        });
    });
    std::sort(last.begin(), last.end(), [](const ent::Match& a, const ent::Match& b) { return a.b < b.b; });
    // 华为技术有限公司|东江代表处: the tagger ends a body at its suffix; a sub-unit written right after it
    // is one name with it, as the rules read it (PFR counts 山东省千佛山医院外科 whole).
    f.orgs.extend_subunits(t, last);
    // 北京|西站, 大连|火车站: a station named after the place written before it is one place.
    for (std::size_t k = 0; k < last.size(); ++k) {
        ent::Match& m = last[k];
        if (m.type != "place") continue;
        const std::size_t len = f.orgs.station_at(t, m.e);
        if (len == 0 || !t.bound[m.e + len]) continue;
        const std::uint32_t e = m.e + static_cast<std::uint32_t>(len);
        if (k + 1 < last.size() && last[k + 1].b < e && last[k + 1].e > e) continue; // (the next name runs past it)
        m.e = e;
        while (k + 1 < last.size() && last[k + 1].b < e) last.erase(last.begin() + static_cast<std::ptrdiff_t>(k + 1));
    }
    // 湖北|恩施土家族苗族自治州, 上海|浦东新区: a place right before an autonomous county, a new
    // district or a 地区 is one place with it.
    for (std::size_t k = 0; k + 1 < last.size(); ++k) {
        ent::Match& m = last[k];
        const ent::Match& next = last[k + 1];
        if (m.type != "place" || next.type != "place" || next.b != m.e) continue;
        const std::size_t tail = f.orgs.joined_tail_before(t, next.e);
        if (tail == 0 || next.e - next.b <= tail) continue;
        m.e = next.e;
        last.erase(last.begin() + static_cast<std::ptrdiff_t>(k + 1));
        --k; // 云南|元江|…自治县: a chain joins in turn
    }
    // 惠民|惠农, 利民|惠民: a two-character place in a four-character phrase of two parallel halves
    // (the same first character twice) is the phrase's word, not the county.
    std::erase_if(last, [&](const ent::Match& m) {
        if (m.type != "place" || m.e - m.b != 2) return false;
        const bool before = m.b >= 2 && t.c[m.b - 2] == t.c[m.b] && ent::is_han(t.c[m.b - 1]);
        const bool after = m.e + 2 <= t.size() && t.c[m.e] == t.c[m.b] && ent::is_han(t.c[m.e + 1]);
        return before || after;
    });
    // 赵南起（朝鲜族）, 孜缅科（俄罗斯族）: a country before 族 names a people, no place (an
    // autonomous area, 蒙古族自治县, is read whole as a longer place).
    std::erase_if(last, [&](const ent::Match& m) { return m.type == "place" && m.e < t.size() && t.c[m.e] == U'族'; });
    zones(t, last);
    facilities(f, t, last);
    venues(f, t, last);
    latin_companies(t, last);
    japanese_order_companies(f, t, last);
    // 博朗格（Brangel|）公司: a company the tagger opened inside the brackets after its brand opens where
    // the rules' name of the same end does (the brand before the brackets).
    for (auto& m : last)
        if (m.type == "company" && m.b > 0 && t.c[m.b - 1] == U'（')
            for (const auto& r : ev.orgs)
                if (r.e == m.e && r.b + 1 < m.b && r.type == "company") m.b = r.b;
    // 材料科学与|工程学院: a school or department named for two fields joined by 与 opens at the first
    // field (not 县教育局与|工程学院, nor inside the name before: 开发区与|南州理工学院).
    for (std::size_t k = 0; k < last.size(); ++k)
        if (ent::Match& m = last[k]; m.type != "place")
            if (const std::size_t b = f.orgs.two_fields_before(t, m.b, m.e); b < m.b && !(k > 0 && last[k - 1].e > b)) m.b = static_cast<std::uint32_t>(b);
    list_places(f.gaz, t, ev, last);
    list_siblings(f, t, last);
    street_offices(t, last);
    same_name_throughout(t, last);
    last_text.assign(t.text);
    have = true;
    return last;
}

} // namespace jianbao::ner
