#include "jianbao/extract/people_model.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace jianbao::people {

namespace {
constexpr std::size_t max_word = 6;     // longest lexicon word looked up (as the script's MAXW)
constexpr std::size_t max_foreign = 10; // longest transliterated name candidate
constexpr double title_bonus = 6.0;      // see add_context
constexpr double word_title_bonus = 3.0;  // see add_context (held-out: 2–3 best, 0 and 6 less)
constexpr double title_after_bonus = 1.5; // see add_context
// Likewise a transliterated name right after a title (南非总统|曼德拉): the learned FPT weight alone
// leaves many just under the threshold. Measured on the 2-fold held-out run (1, 2, 3, 4: 2 best).
constexpr double foreign_title_bonus = 2.0;
// A role noun right before (person_cues.txt: 农民, 数学家, 儿子): held-out 1: +0.002, 2: +0.0035, 3: +0.003.
constexpr double cue_bonus = 2.0;
// A whole run of transliteration characters joined by a dot (司马义·艾买提, 马蒂厄·克雷库) is a
// name far more often than the model's weak FDOT weight says: the dot is written only inside names.
constexpr double dotted_bonus = 3.0;
// An author before a work's title, a player before a rank (see add_context). Held-out, author
// 2: +0.0006 / +0.0000, 4: +0.0010 / +0.0004, 6: +0.0009 / +0.0002 (fold 0 / fold 1); rank 3 and 6
// alike (+0.0003 / 0).
constexpr double author_bonus = 4.0;
constexpr double rank_bonus = 3.0;
constexpr std::size_t max_len_cached = 16; // per-length feature weights precomputed below this

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out.push_back(utf8::next(s, i));
    return out;
}

// Whitespace-separated words of every line of a lexicon file.
std::vector<std::u32string> words_of(std::string_view file) {
    std::vector<std::u32string> out;
    for (const auto& w : lexicon::read_words(file)) out.push_back(to_u32(w));
    return out;
}

inline std::uint64_t mix64(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// Never 0 (0 marks an empty slot).
inline std::uint64_t hash_bytes(const char* p, std::size_t n) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xA0761D6478BD642FULL);
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xE7037ED1A0B428DBULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0xE7037ED1A0B428DBULL;
        h ^= h >> 29;
    }
    h = mix64(h);
    return h ? h : 1;
}

inline std::uint64_t hash_u32(const char32_t* p, std::size_t n) {
    std::uint64_t h = 0x243F6A8885A308D3ULL ^ n;
    for (std::size_t k = 0; k < n; ++k) h = (h ^ p[k]) * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL;
    h = mix64(h);
    return h ? h : 1;
}

// As utf8::append, without allocating beyond the string's capacity.
inline void append_utf8(std::string& out, char32_t c) {
    char b[4];
    std::size_t n;
    if (c < 0x80) {
        b[0] = static_cast<char>(c);
        n = 1;
    } else if (c < 0x800) {
        b[0] = static_cast<char>(0xC0 | (c >> 6));
        b[1] = static_cast<char>(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = static_cast<char>(0xE0 | (c >> 12));
        b[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        b[2] = static_cast<char>(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = static_cast<char>(0xF0 | (c >> 18));
        b[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        b[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        b[3] = static_cast<char>(0x80 | (c & 0x3F));
        n = 4;
    }
    out.append(b, n);
}

// Character class used in context features (the script's fold()), as one code point.
inline char32_t fold(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == ',' || c == ';' || c == ':' || c == '?' || c == '!' || c == '(' || c == ')') c += 0xFEE0;
    if (c < 0x80) {
        if (c >= '0' && c <= '9') return '0';
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 'a';
        if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return '_';
    }
    if (c == 0x3000) return '_';
    return c;
}

inline void append_num(std::string& out, std::size_t v) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, v);
    out.append(b, r.ptr);
}

std::string_view trim_view(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// person_model.txt read as lexicon::read_table(file, 2) would, without a string per field.
void load_weights(std::string_view file_name, FeatureTable& out) {
    const auto path = lexicon::data_dir() / std::filesystem::path(file_name);
    std::string data;
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f)
            throw Error("lexicon: " + path.string() + ": cannot read (set JIANBAO_DATA to the lexicon directory)", 5);
        char buf[1 << 16];
        std::size_t got;
        while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, got);
        std::fclose(f);
    }
    out.big().reserve(static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n')) + 1);
    std::string_view all(data);
    std::size_t pos = 0;
    while (pos < all.size()) {
        std::size_t nl = all.find('\n', pos);
        std::string_view line = all.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? all.size() : nl + 1;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        line = trim_view(line);
        if (line.empty()) continue;
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos)
            throw Error("lexicon: " + path.string() + ": line '" + std::string(line) +
                            "' has fewer than 2 tab-separated fields",
                        5);
        std::string_view key = trim_view(line.substr(0, tab));
        std::size_t tab2 = line.find('\t', tab + 1);
        std::string_view val = trim_view(line.substr(tab + 1, tab2 == std::string_view::npos ? std::string_view::npos
                                                                                              : tab2 - tab - 1));
        double w = 0;
        auto r = std::from_chars(val.data(), val.data() + val.size(), w);
        if (r.ec != std::errc() || r.ptr != val.data() + val.size()) {
            // Whatever from_chars does not take whole (+1, inf, trailing text…): as std::stod.
            try {
                w = std::stod(std::string(val));
            } catch (const std::exception&) {
                throw Error("lexicon: person_model.txt: bad weight '" + std::string(val) + "' of " + std::string(key), 5);
            }
        }
        out.set(key, w);
    }
}
} // namespace

std::uint64_t NameModel::hash_of(const char32_t* p, std::size_t n) { return hash_u32(p, n); }

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

bool is_dot(char32_t c) { return c == 0x00B7 || c == 0x30FB || c == 0x2022 || c == 0x2027; }

CharText::CharText(std::string_view utf8) {
    c.reserve(utf8.size() / 3 + 1);
    off.reserve(utf8.size() / 3 + 2);
    std::size_t i = 0;
    while (i < utf8.size()) {
        off.push_back(static_cast<std::uint32_t>(i));
        c.push_back(utf8::next(utf8, i));
    }
    off.push_back(static_cast<std::uint32_t>(utf8.size()));
}

std::string CharText::str(std::size_t b, std::size_t e) const {
    std::string out;
    for (std::size_t k = b; k < e; ++k) append_utf8(out, c[k]);
    return out;
}

// ---- WordSet ----

namespace {
// Re-inserts every used slot (h != 0) of an open-addressing table into `cap` slots (a power of two).
template <class Slot>
void rehash_slots(std::vector<Slot>& slots, std::size_t cap) {
    std::vector<Slot> old = std::move(slots);
    slots.assign(cap, Slot{});
    const std::size_t mask = cap - 1;
    for (const Slot& s : old) {
        if (!s.h) continue;
        std::size_t k = s.h & mask;
        while (slots[k].h) k = (k + 1) & mask;
        slots[k] = s;
    }
}
} // namespace

void WordSet::rehash(std::size_t cap) { rehash_slots(slots_, cap); }

void WordSet::add(const std::u32string& w) {
    if (w.empty() || w.size() > max_word) return;
    if (contains(w)) return;
    if (slots_.empty() || (count_ + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(16, slots_.size() * 2));
    Slot s{hash_u32(w.data(), w.size()), static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(w.size())};
    arena_ += w;
    const std::size_t mask = slots_.size() - 1;
    std::size_t k = s.h & mask;
    while (slots_[k].h) k = (k + 1) & mask;
    slots_[k] = s;
    ++count_;
    max_len_ = std::max(max_len_, w.size());
    if (first_.empty()) {
        first_.assign(0x10000 / 64, 0);
        last_.assign(0x10000 / 64, 0);
    }
    auto mark = [](std::vector<std::uint64_t>& bits, bool& astral, char32_t c) {
        if (c < 0x10000) bits[c >> 6] |= std::uint64_t(1) << (c & 63);
        else astral = true;
    };
    mark(first_, astral_first_, w.front());
    mark(last_, astral_last_, w.back());
}

bool WordSet::may_start(char32_t c) const {
    if (first_.empty()) return false;
    if (c < 0x10000) return (first_[c >> 6] >> (c & 63)) & 1;
    return astral_first_;
}
bool WordSet::may_end(char32_t c) const {
    if (last_.empty()) return false;
    if (c < 0x10000) return (last_[c >> 6] >> (c & 63)) & 1;
    return astral_last_;
}

bool WordSet::contains(std::u32string_view w) const {
    if (count_ == 0 || w.empty() || w.size() > max_len_) return false;
    const std::uint64_t h = hash_u32(w.data(), w.size());
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = h & mask; slots_[k].h; k = (k + 1) & mask) {
        const Slot& s = slots_[k];
        if (s.h == h && s.len == w.size() && std::u32string_view(arena_).substr(s.off, s.len) == w) return true;
    }
    return false;
}

std::size_t WordSet::longest_at(std::u32string_view s, std::size_t i) const {
    if (i >= s.size() || !may_start(s[i])) return 0;
    std::size_t best = 0;
    for (std::size_t len = 1; len <= max_len_ && i + len <= s.size(); ++len)
        if (may_end(s[i + len - 1]) && contains(s.substr(i, len))) best = len;
    return best;
}

std::size_t WordSet::longest_before(std::u32string_view s, std::size_t i) const {
    if (i == 0 || i > s.size() || !may_end(s[i - 1])) return 0;
    std::size_t best = 0;
    for (std::size_t len = 1; len <= max_len_ && len <= i; ++len)
        if (may_start(s[i - len]) && contains(s.substr(i - len, len))) best = len;
    return best;
}

// ---- FeatureTable ----

void FlatWeights::rehash(std::size_t cap) { rehash_slots(slots_, cap); }

// Filled up to 0.7 (not 0.5): the 300k weights then take 512k slots (16 MiB), not 1M.
static bool too_full(std::size_t count, std::size_t cap) { return count * 10 > cap * 7; }

void FlatWeights::reserve(std::size_t n) {
    std::size_t cap = 16;
    while (too_full(n, cap)) cap *= 2;
    if (cap > slots_.size()) rehash(cap);
}

void FlatWeights::set(std::string_view key, double w) {
    if (key.size() > inline_max) {
        long_[std::string(key)] = w;
        return;
    }
    if (slots_.empty() || too_full(count_ + 1, slots_.size())) rehash(std::max<std::size_t>(16, slots_.size() * 2));
    const std::uint64_t h = hash_bytes(key.data(), key.size());
    const std::size_t mask = slots_.size() - 1;
    std::size_t k = h & mask;
    for (; slots_[k].h; k = (k + 1) & mask) {
        Slot& s = slots_[k];
        if (s.h == h && s.len == key.size() && std::memcmp(s.key, key.data(), key.size()) == 0) {
            s.w = w;
            return;
        }
    }
    Slot& s = slots_[k];
    s.h = h;
    s.w = w;
    std::memcpy(s.key, key.data(), key.size());
    s.len = static_cast<std::uint8_t>(key.size());
    ++count_;
}

std::uint64_t FlatWeights::hash(std::string_view key) { return hash_bytes(key.data(), key.size()); }

const double* FlatWeights::find(std::string_view key) const { return find(key, hash(key)); }

const double* FlatWeights::find(std::string_view key, std::uint64_t h) const {
    if (key.size() > inline_max) {
        if (long_.empty()) return nullptr;
        auto it = long_.find(std::string(key));
        return it == long_.end() ? nullptr : &it->second;
    }
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = h & mask; slots_[k].h; k = (k + 1) & mask) {
        const Slot& s = slots_[k];
        if (s.h == h && s.len == key.size() && std::memcmp(s.key, key.data(), key.size()) == 0) return &s.w;
    }
    return nullptr;
}

// ---- NameModel ----

NameModel::NameModel() {
    for (const auto& w : words_of("surnames.txt")) {
        if (w.size() == 1) single_.insert(w[0]);
        else if (w.size() == 2) compound_.insert((std::uint64_t(w[0]) << 32) | w[1]);
    }
    for (const auto& w : words_of("titles.txt")) titles_.add(w);
    for (const auto& w : words_of("person_stops.txt")) stops_.add(w);
    for (const auto& w : words_of("person_nonames.txt")) nonames_.add(w);
    for (const auto& w : words_of("person_suffixes.txt")) suffixes_.add(w);
    for (const auto& w : words_of("person_cues.txt")) cues_.add(w);
    bmp_info_.assign(0x10000, 0);
    for (const auto& row : lexicon::read_table("person_chars.txt", 4)) {
        std::u32string c = to_u32(row[0]);
        if (c.size() != 1) throw Error("lexicon: person_chars.txt: '" + row[0] + "' is not one character", 5);
        Buckets b{row[1], row[2], row[3]};
        b.frn_num = std::atoi(b.frn.c_str());
        b.translit_ok = !b.frn.empty() && b.frn[0] >= '0' && b.frn[0] <= '9' && b.frn_num <= 9;
        std::uint32_t idx;
        if (c[0] < 0x10000 && bmp_info_[c[0]]) idx = bmp_info_[c[0]] - 1;
        else if (auto it = astral_info_.find(c[0]); c[0] >= 0x10000 && it != astral_info_.end()) idx = it->second;
        else {
            idx = static_cast<std::uint32_t>(infos_.size());
            infos_.emplace_back();
            if (infos_.size() >= 0xFFFF) throw Error("lexicon: person_chars.txt: too many characters", 5);
            if (c[0] < 0x10000) bmp_info_[c[0]] = static_cast<std::uint16_t>(idx + 1);
            else astral_info_[c[0]] = idx;
        }
        b.sur_id = bucket_id(b.sur);
        b.giv_id = bucket_id(b.giv);
        infos_[idx] = std::move(b);
    }
    for (const auto& row : lexicon::read_table("person_strings.txt", 2)) {
        std::u32string w = to_u32(row[0]);
        strings_[hash_u32(w.data(), w.size())] = bucket_id(row[1]);
    }
    none_.frn_num = std::atoi(none_.frn.c_str());
    none_.translit_ok = false;
    none_.sur_id = bucket_id(none_.sur);
    none_.giv_id = bucket_id(none_.giv);
    load_weights("person_model.txt", weights_);
    if (const double* w = weights_.find("THRESHOLD")) threshold_ = *w;
    precompute();
}

std::uint8_t NameModel::bucket_id(const std::string& b) {
    auto it = std::find(bucket_names_.begin(), bucket_names_.end(), b);
    if (it != bucket_names_.end()) return static_cast<std::uint8_t>(it - bucket_names_.begin());
    if (bucket_names_.size() >= 255) throw Error("lexicon: person_chars.txt: too many distinct buckets", 5);
    bucket_names_.push_back(b);
    return static_cast<std::uint8_t>(bucket_names_.size() - 1);
}

void NameModel::precompute() {
    std::string k;
    auto w = [&](std::initializer_list<std::string_view> parts) {
        k.clear();
        for (auto p : parts) k.append(p);
        return weights_.get(k);
    };
    auto num = [](std::size_t v) { return std::to_string(v); };
    surname_bits_.assign(0x10000, 0);
    for (char32_t ch : single_.members()) {
        std::string u;
        append_utf8(u, ch);
        w_single_[ch] = w({"S=", u});
        if (ch < 0x10000) surname_bits_[ch] |= 1;
    }
    for (std::uint64_t key : compound_) {
        std::string u;
        append_utf8(u, static_cast<char32_t>(key >> 32));
        append_utf8(u, static_cast<char32_t>(key & 0xFFFFFFFFu));
        w_compound_[key] = w({"S=", u});
        if ((key >> 32) < 0x10000) surname_bits_[key >> 32] |= 2;
    }
    const std::size_t nb = bucket_names_.size();
    w_sb_.resize(nb);
    w_gb_.resize(nb);
    w_gb1_.resize(nb);
    w_gb2_.resize(nb);
    w_gbb_.resize(nb * nb);
    for (auto& v : w_nb_)
        for (auto& a : v) a.resize(nb);
    for (std::size_t b = 0; b < nb; ++b) {
        const std::string& name = bucket_names_[b];
        w_sb_[b] = w({"SB=", name});
        w_gb_[b] = w({"GB=", name});
        w_gb1_[b] = w({"GB1=", name});
        w_gb2_[b] = w({"GB2=", name});
        for (std::size_t b2 = 0; b2 < nb; ++b2) w_gbb_[b * nb + b2] = w({"GBB=", name, ",", bucket_names_[b2]});
        for (std::size_t L = 0; L < nlen; ++L) {
            w_nb_[0][L][b] = w({"NB", num(L), "=", name});
            w_nb_[1][L][b] = w({"FNB", num(L), "=", name});
        }
    }
    w_sb_cmp_ = w({"SB=cmp"});
    w_nn_ = w({"NN"});
    w_frs_ = w({"FRS"});
    w_fre_ = w({"FRE"});
    w_fdot_ = w({"FDOT"});
    for (std::size_t sl = 1; sl <= 2; ++sl)
        for (std::size_t gl = 1; gl <= 2; ++gl) w_c_[sl][gl] = w({"C", num(sl), num(gl)});
    for (int f = 0; f < 2; ++f) {
        const std::string_view pre = f ? "F" : "";
        w_pt_[f] = w({pre, "PT"});
        for (std::size_t L = 0; L < nlen; ++L) {
            w_nt_[f][L] = w({pre, "NT", num(L)});
            w_ns_[f][L] = w({pre, "NS", num(L)});
            w_xs_[f][L] = w({pre, "XS", num(L)});
            w_xl_[f][L] = w({pre, "XL", num(L)});
        }
    }
    for (std::size_t L = 0; L < nlen; ++L) {
        w_f_[L] = w({"F", num(L)});
        w_fch_[L] = w({"FCH", num(L)});
        w_frse_[L] = w({"FRSE", num(L)});
        for (std::size_t W = 0; W < 10; ++W) w_flw_[L][W] = w({"FLW=", num(L), ",", num(W)});
    }
    for (std::size_t W = 0; W < 10; ++W) w_fw_[W] = w({"FW=", num(W)});
    static_assert(std::size_t(1) << (max_foreign + 1) < nwb, "WB shapes of every candidate length fit");
    for (int f = 0; f < 2; ++f) {
        const std::string_view pre = f ? "F" : "";
        w_wb_[f].assign(nwb, 0.0);
        for (std::size_t L = 1; L <= max_foreign; ++L)
            for (std::size_t bits = 0; bits < (std::size_t(1) << (L + 1)); ++bits) {
                std::string shape;
                for (std::size_t q = 0; q <= L; ++q) shape.push_back((bits >> q) & 1 ? '1' : '0');
                w_wb_[f][(std::size_t(1) << (L + 1)) | bits] = w({pre, "WB=", shape});
            }
        for (std::size_t it = 0; it < nitem; ++it) {
            std::string shape = it == 0 ? "0" : it == 1 ? "+" : num((it - 2) / 2 + 1) + ((it - 2) % 2 ? "h" : "s");
            w_lp_[f][it] = w({pre, "LP=", shape});
            w_ln_[f][it] = w({pre, "LN=", shape});
        }
    }
    for (std::size_t r = 0; r < nrep; ++r) w_rep_[r] = w({"REP=", num(r)});
    never_name_.assign(nb, 0);
    for (std::size_t b = 0; b < nb; ++b) never_name_[b] = bucket_names_[b] == "y" || bucket_names_[b] == "z";
    w_nk_.resize(nb);
    for (std::size_t b = 0; b < nb; ++b) w_nk_[b] = w({"NK=", bucket_names_[b]});
    max_extra_ = *std::max_element(std::begin(w_rep_), std::end(w_rep_)) + *std::max_element(w_nk_.begin(), w_nk_.end());
}

// Shape of the 、-list item whose first (forward) or last character is at k, as an index of
// w_lp_/w_ln_: 0 empty, 1 longer than max_item, else its length and whether it starts with a
// surname (the script's list_item()).
std::size_t NameModel::list_item(const std::u32string& c, std::size_t k, bool forward) const {
    constexpr std::size_t max_item = 6;
    const std::size_t n = c.size();
    std::size_t len = 0; // items [k, k+len) forward, (k-len, k] backward
    while (len < max_item) {
        if (forward ? k + len >= n : len > k) break;
        if (!is_han(c[forward ? k + len : k - len])) break;
        ++len;
    }
    if (len == max_item) {
        const bool more = forward ? k + len < n : len <= k;
        if (more && is_han(c[forward ? k + len : k - len])) return 1;
    }
    if (len == 0) return 0;
    const std::size_t b = forward ? k : k + 1 - len;
    const bool sur = single_.count(c[b]) || (b + 1 < n && is_compound(std::u32string_view(c).substr(b, 2)));
    return 2 + (len - 1) * 2 + (sur ? 0 : 1);
}

bool NameModel::translit(char32_t c) const {
    if (!is_han(c)) return false; // brackets and letters next to a name are no part of it
    return info(c).translit_ok; // x, y, z: never in a transliterated name
}

// Per-call scratch. A candidate's score is the sum of its terms in a fixed order; terms that need
// a weight lookup are queued as requests whose table slot is prefetched at once and read a few
// dozen requests later, so that the cache misses of the big table overlap.
struct NameModel::Scratch {
    struct Request {
        const FlatWeights* table;
        std::uint64_t h;
        char key[FlatWeights::inline_max];
        std::uint8_t len;
        double w;
    };
    struct Term {
        double w;
        std::int32_t req; // -1: w is the weight
    };
    struct Cand {
        std::uint32_t begin, end, t0, t1;
    };
    static constexpr std::size_t lag = 24; // requests in flight
    std::string buf;
    std::vector<Request> reqs;
    std::size_t resolved = 0;
    std::vector<Term> terms;
    std::vector<Cand> cands;
    // Request ids per position ([foreign][pos], -1: none yet) of the context features.
    std::vector<std::int32_t> p1[2], p2[2], n1[2], n2[2], fe;
    std::vector<std::int8_t> title_before, title_at, stop_at, suffix_at, cue_before; // -1: not computed
    std::vector<char32_t> folded; // fold of each char

    void resolve_one() {
        Request& r = reqs[resolved++];
        const double* w = r.table->find(std::string_view(r.key, r.len), r.h);
        r.w = w ? *w : 0.0;
    }
    // Queues a lookup of buf in weights; returns its request id.
    std::int32_t request(const FeatureTable& weights) {
        if (buf.size() > FlatWeights::inline_max) {
            while (resolved < reqs.size()) resolve_one(); // keep resolved a prefix of reqs
            reqs.push_back(Request{nullptr, 0, {}, 0, weights.get(buf)});
            ++resolved;
            return static_cast<std::int32_t>(reqs.size() - 1);
        }
        Request r;
        r.table = &weights.table(buf);
        r.h = FlatWeights::hash(buf);
        std::memcpy(r.key, buf.data(), buf.size());
        r.len = static_cast<std::uint8_t>(buf.size());
        r.w = 0;
        __builtin_prefetch(r.table->home(r.h));
        reqs.push_back(r);
        while (reqs.size() - resolved > lag) resolve_one();
        return static_cast<std::int32_t>(reqs.size() - 1);
    }
    void known(double w) { terms.push_back(Term{w, -1}); }
    void looked(std::int32_t req) { terms.push_back(Term{0.0, req}); }
};

// Context features shared by both candidate kinds (the script's ctx()).
void NameModel::add_context(const CharText& t, const std::vector<char>& bounds, std::size_t s, std::size_t e,
                            bool foreign, Scratch& sc) const {
    const std::u32string& c = t.c;
    const std::size_t n = c.size();
    const int fi = foreign ? 1 : 0;
    std::string& buf = sc.buf;
    auto start = [&](std::string_view what) {
        buf.clear();
        if (foreign) buf.push_back('F');
        buf.append(what);
    };
    auto look = [&]() { return sc.request(weights_); };
    const char32_t p1 = s > 0 ? sc.folded[s - 1] : U'^';
    const char32_t p2 = s > 1 ? sc.folded[s - 2] : U'^';
    const char32_t n1 = e < n ? sc.folded[e] : U'^';
    const char32_t n2 = e + 1 < n ? sc.folded[e + 1] : U'^';
    if (sc.p1[fi][s] < 0) {
        start("P1=");
        append_utf8(buf, p1);
        sc.p1[fi][s] = look();
        start("P2=");
        append_utf8(buf, p2);
        append_utf8(buf, p1);
        sc.p2[fi][s] = look();
    }
    if (sc.n1[fi][e] < 0) {
        start("N1=");
        append_utf8(buf, n1);
        sc.n1[fi][e] = look();
        start("N2=");
        append_utf8(buf, n1);
        append_utf8(buf, n2);
        sc.n2[fi][e] = look();
    }
    const std::size_t L = e - s;
    sc.looked(sc.p1[fi][s]);
    sc.looked(sc.p2[fi][s]);
    sc.looked(sc.n1[fi][e]);
    sc.looked(sc.n2[fi][e]);
    start("LN1=");
    append_num(buf, L);
    append_utf8(buf, n1);
    sc.looked(look());
    start("PN=");
    append_utf8(buf, p1);
    append_utf8(buf, n1);
    sc.looked(look());
    auto cached = [&](std::vector<std::int8_t>& memo, const WordSet& ws, std::size_t at, bool before) {
        if (memo[at] < 0)
            memo[at] = static_cast<std::int8_t>(before ? ws.longest_before(c, at) : ws.longest_at(c, at));
        return memo[at] != 0;
    };
    static_assert(max_foreign < nlen && 4 < nlen, "context lengths index the precomputed weights");
    // A surname right after an official title is a name far more often than in the news the
    // model learned from (local bulletins name officials by title); lean towards it — unless the
    // string is a frequent one never seen as a name (总理|关于, 代表|党中央).
    int bonus = -1; // computed on the first title only
    auto lean = [&]() {
        if (bonus < 0) {
            // (half as much for a candidate that is one whole ICU dictionary word: 首相|官邸,
            // 总统|宣誓, 总统|候选人 are words after a title; names ICU knows score high anyway)
            bool word = bounds[s] && bounds[e];
            for (std::size_t q = s + 1; q < e && word; ++q) word = !bounds[q];
            bonus = !foreign && !never_a_name(c.data() + s, e - s) ? (word ? 2 : 1) : 0;
        }
        return bonus > 0;
    };
    if (cached(sc.title_before, titles_, s, true)) {
        sc.known(w_pt_[fi]);
        if (lean()) sc.known(bonus == 2 ? word_title_bonus : title_bonus);
        if (foreign) sc.known(foreign_title_bonus);
    } else if (cached(sc.cue_before, cues_, s, true)) {
        // A role noun in apposition (农民|坚宗, 数学家|陈省身, person_cues.txt): the same lean, weaker.
        if (foreign) sc.known(cue_bonus);
        else if (lean()) sc.known(bonus == 2 ? cue_bonus / 2 : cue_bonus);
    }
    if (cached(sc.title_at, titles_, e, false)) {
        sc.known(w_nt_[fi][L]);
        // Likewise an official title right after (金锋主任): news names officials that way less often.
        if (lean()) sc.known(title_after_bonus);
    }
    // An author right before a work's title (廖全京的《题材的超越》, 雷颐《取静集》, 高成著的《…》),
    // where the candidate starts a clause or follows 和/与/及: the model's N2= weight alone leaves
    // such names (unknown to it) under the threshold. Not a candidate that is the conjunction and a
    // name (和金雁《…》) nor one that took the 著 (高成著).
    {
        auto conj = [](char32_t x) { return x == U'和' || x == U'与' || x == U'及'; };
        auto role = [](char32_t x) { return x == U'著' || x == U'编' || x == U'译'; };
        std::size_t a = e;
        if (a + 1 < n && role(c[a])) ++a;
        const bool starts = (s == 0 || !is_han(c[s - 1]) || conj(c[s - 1])) && !conj(c[s]) && !(L == 3 && role(c[e - 1]));
        if (starts && a < n && (c[a] == U'《' || (a + 1 < n && c[a] == U'的' && c[a + 1] == U'《'))) sc.known(author_bonus);
    }
    // A go or chess player's rank right after (胜曹薰铉九段, 金荣垣三段).
    if (e + 1 < n && c[e + 1] == U'段' && std::u32string_view(U"一二三四五六七八九").find(c[e]) != std::u32string_view::npos)
        sc.known(rank_bonus);
    if (cached(sc.stop_at, stops_, e, false)) sc.known(w_ns_[fi][L]);
    if (cached(sc.suffix_at, suffixes_, e, false)) sc.known(w_xs_[fi][L]);
    if (cached(sc.suffix_at, suffixes_, e - 1, false)) sc.known(w_xl_[fi][L]);
    if (e < n && is_han(c[e])) sc.known(w_nb_[fi][L][info(c[e]).giv_id]);
    // ICU's word boundaries over the candidate: unknown names come split into single characters.
    std::size_t bits = 0;
    for (std::size_t q = s; q <= e; ++q) bits |= std::size_t(bounds[q] != 0) << (q - s);
    sc.known(w_wb_[fi][(std::size_t(1) << (L + 1)) | bits]);
    if (s > 1 && c[s - 1] == U'、') sc.known(w_lp_[fi][list_item(c, s - 2, false)]);
    if (e + 1 < n && c[e] == U'、') sc.known(w_ln_[fi][list_item(c, e + 1, true)]);
}

bool NameModel::chinese_shape(const std::u32string& c, std::size_t i, std::size_t e) const {
    for (std::size_t k = i; k < e; ++k)
        if (!is_han(c[k])) return false;
    const std::size_t len = e - i;
    if (single_.count(c[i]) && (len == 2 || len == 3)) return true;
    return len >= 3 && len <= 4 && is_compound(std::u32string_view(c).substr(i, 2));
}

std::vector<NameSpan> NameModel::find(const CharText& t, const std::vector<char>& bounds) const {
    const std::u32string& c = t.c;
    const std::u32string_view cv(c);
    const std::size_t n = c.size();
    if (bounds.size() != n + 1) throw Error("people: word boundaries do not match the text", 70);
    Scratch sc;
    sc.buf.reserve(256);
    for (int k = 0; k < 2; ++k) {
        sc.p1[k].assign(n + 1, -1);
        sc.p2[k].assign(n + 1, -1);
        sc.n1[k].assign(n + 1, -1);
        sc.n2[k].assign(n + 1, -1);
    }
    sc.fe.assign(n + 1, -1);
    sc.reqs.reserve(n * 4 + 16);
    sc.terms.reserve(n * 16 + 16);
    sc.title_before.assign(n + 1, -1);
    sc.cue_before.assign(n + 1, -1);
    sc.title_at.assign(n + 1, -1);
    sc.stop_at.assign(n + 1, -1);
    sc.suffix_at.assign(n + 1, -1);
    sc.folded.resize(n);
    for (std::size_t k = 0; k < n; ++k) sc.folded[k] = fold(c[k]);
    std::string& buf = sc.buf;
    auto look = [&]() { return sc.request(weights_); };
    auto key_char = [&](std::string_view pre, char32_t ch) {
        buf.assign(pre);
        append_utf8(buf, ch);
        return look();
    };
    const std::size_t nb = bucket_names_.size();
    for (std::size_t i = 0; i < n; ++i) {
        // Chinese names: surname (single or compound) and a given name of one or two characters.
        const char32_t ci = c[i];
        const std::uint8_t bits = ci < 0x10000 ? surname_bits_[ci] : 3;
        for (std::size_t sl = 1; sl <= 2; ++sl) {
            double wS = 0, wSB = 0;
            if (sl == 1) {
                if (!(bits & 1)) continue;
                auto it = w_single_.find(ci);
                if (it == w_single_.end()) continue;
                wS = it->second;
                wSB = w_sb_[info(ci).sur_id];
            } else {
                if (!(bits & 2) || i + 1 >= n) continue;
                auto it = w_compound_.find((std::uint64_t(ci) << 32) | c[i + 1]);
                if (it == w_compound_.end()) continue;
                wS = it->second;
                wSB = w_sb_cmp_;
            }
            for (std::size_t gl = 1; gl <= 2; ++gl) {
                std::size_t e = i + sl + gl;
                if (e > n || !is_han(c[e - 1])) break;
                const auto t0 = static_cast<std::uint32_t>(sc.terms.size());
                sc.known(w_c_[sl][gl]);
                sc.known(wS);
                sc.known(wSB);
                if (gl == 1) {
                    sc.looked(key_char("G=", c[i + sl]));
                    sc.known(w_gb_[info(c[i + sl]).giv_id]);
                } else {
                    const std::size_t b1 = info(c[i + sl]).giv_id;
                    const std::size_t b2 = info(c[i + sl + 1]).giv_id;
                    sc.looked(key_char("G1=", c[i + sl]));
                    sc.looked(key_char("G2=", c[i + sl + 1]));
                    sc.known(w_gb1_[b1]);
                    sc.known(w_gb2_[b2]);
                    sc.known(w_gbb_[b1 * nb + b2]);
                }
                if (nonames_.contains(cv.substr(i, 2)) || nonames_.contains(cv.substr(i, e - i))) sc.known(w_nn_);
                add_context(t, bounds, i, e, false, sc);
                sc.cands.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), t0,
                                    static_cast<std::uint32_t>(sc.terms.size())});
            }
        }
        // Transliterated names: runs of transliteration characters, optionally joined by dots.
        if (!translit(c[i])) continue;
        bool run_start = i == 0 || !(translit(c[i - 1]) || (is_dot(c[i - 1]) && i > 1 && translit(c[i - 2])));
        std::size_t k = i;
        int worst = 0;
        const std::int32_t wFF = key_char("FF=", c[i]);
        while (k < n && k - i < max_foreign) {
            char32_t ch = c[k];
            if (translit(ch)) {
                worst = std::max(worst, info(ch).frn_num);
            } else if (is_dot(ch) && k > i && k + 1 < n && translit(c[k + 1])) {
                ++k;
                continue;
            } else {
                break;
            }
            ++k;
            std::size_t e = k;
            if (e - i < 2) continue;
            bool run_end = !(e < n && (translit(c[e]) || (is_dot(c[e]) && e + 1 < n && translit(c[e + 1]))));
            const std::size_t L = std::min<std::size_t>(e - i, 8);
            const std::size_t W = static_cast<std::size_t>(worst);
            const auto t0 = static_cast<std::uint32_t>(sc.terms.size());
            sc.known(w_f_[L]);
            sc.looked(wFF);
            if (sc.fe[e - 1] < 0) sc.fe[e - 1] = key_char("FE=", c[e - 1]);
            sc.looked(sc.fe[e - 1]);
            sc.known(w_fw_[W]);
            sc.known(w_flw_[L][W]);
            // The span is also a Chinese-name candidate (花军): the model weighs that kind apart.
            if (chinese_shape(c, i, e)) sc.known(w_fch_[L]);
            if (run_start) sc.known(w_frs_);
            if (run_end) sc.known(w_fre_);
            if (run_start && run_end) sc.known(w_frse_[L]);
            for (std::size_t q = i; q < e; ++q)
                if (is_dot(c[q])) {
                    sc.known(w_fdot_);
                    if (run_start && run_end && q - i >= 2 && e - q >= 3) sc.known(dotted_bonus);
                    break;
                }
            add_context(t, bounds, i, e, true, sc);
            sc.cands.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), t0,
                                static_cast<std::uint32_t>(sc.terms.size())});
        }
    }
    while (sc.resolved < sc.reqs.size()) sc.resolve_one();
    std::vector<NameSpan> cands;
    cands.reserve(sc.cands.size());
    for (const auto& cd : sc.cands) {
        double score = 0;
        for (std::uint32_t q = cd.t0; q < cd.t1; ++q) {
            const auto& term = sc.terms[q];
            score += term.req < 0 ? term.w : sc.reqs[term.req].w;
        }
        cands.push_back({cd.begin, cd.end, score});
    }
    // A span proposed by both generators sums both scores, as the script's feature lists do.
    std::sort(cands.begin(), cands.end(),
              [](const NameSpan& a, const NameSpan& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::vector<NameSpan> merged;
    for (const auto& s : cands) {
        if (!merged.empty() && merged.back().begin == s.begin && merged.back().end == s.end) merged.back().score += s.score;
        else merged.push_back(s);
    }
    // REP: how many candidate spans hold the same string (names are repeated in a text), counted in
    // a flat table of their hashes; NK: the string's name bucket. Both are added only where they can
    // lift a candidate over the threshold; the others are dropped now (they would never be taken).
    {
        std::size_t cap = 16;
        while (cap < merged.size() * 2) cap *= 2;
        struct Count {
            std::uint64_t h = 0;
            std::uint32_t n = 0;
        };
        std::vector<Count> counts(cap);
        std::vector<std::uint32_t> slot(merged.size());
        for (std::size_t k = 0; k < merged.size(); ++k) {
            const std::uint64_t h = hash_u32(c.data() + merged[k].begin, merged[k].end - merged[k].begin);
            std::size_t q = h & (cap - 1);
            while (counts[q].h && counts[q].h != h) q = (q + 1) & (cap - 1);
            counts[q].h = h;
            ++counts[q].n;
            slot[k] = static_cast<std::uint32_t>(q);
        }
        std::size_t w = 0;
        for (std::size_t k = 0; k < merged.size(); ++k) {
            NameSpan s = merged[k];
            if (s.score + max_extra_ <= threshold_) continue;
            const Count& ct = counts[slot[k]];
            s.score += w_rep_[std::min<std::size_t>(nrep - 1, ct.n)];
            auto nk = strings_.find(ct.h);
            s.score += w_nk_[nk == strings_.end() ? none_.sur_id : nk->second];
            if (s.score > threshold_) merged[w++] = s;
        }
        merged.resize(w);
    }
    std::sort(merged.begin(), merged.end(), [](const NameSpan& a, const NameSpan& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
    });
    std::vector<char> taken(n, 0);
    std::vector<NameSpan> out;
    for (const auto& s : merged) {
        if (s.score <= threshold_) break;
        if (std::any_of(taken.begin() + s.begin, taken.begin() + s.end, [](char x) { return x != 0; })) continue;
        std::fill(taken.begin() + s.begin, taken.begin() + s.end, 1);
        out.push_back(s);
    }
    std::sort(out.begin(), out.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
    return out;
}

} // namespace jianbao::people
