// The person-name candidate model behind PeopleExtractor: candidates start at a surname (or a
// run of transliteration characters), are described by string features and scored by a linear
// model learned by scripts/learn_people_lexicon.py. Features here mirror that script exactly.
#pragma once
#include "jianbao/util/char_set.hpp"

#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace jianbao::people {

// One accepted name: [begin, end) in code points of the text, and its model score.
struct NameSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    double score = 0;
};

// The text as code points with their byte offsets (off has size n+1).
struct CharText {
    std::u32string c;
    std::vector<std::uint32_t> off;
    explicit CharText(std::string_view utf8);
    std::size_t size() const { return c.size(); }
    std::string str(std::size_t b, std::size_t e) const; // UTF-8 of chars [b, e)
};

// A set of short words looked up starting or ending at a character position. Open addressing
// over a flat arena: lookups never allocate.
class WordSet {
public:
    void add(const std::u32string& w);
    bool contains(std::u32string_view w) const;
    // Length of the longest word starting at i (0 when none).
    std::size_t longest_at(std::u32string_view s, std::size_t i) const;
    // Length of the longest word ending just before i (0 when none).
    std::size_t longest_before(std::u32string_view s, std::size_t i) const;

private:
    struct Slot {
        std::uint64_t h = 0; // 0: empty
        std::uint32_t off = 0, len = 0;
    };
    bool may_start(char32_t c) const;
    bool may_end(char32_t c) const;
    void rehash(std::size_t cap);
    std::vector<Slot> slots_;
    std::u32string arena_;
    std::size_t count_ = 0;
    std::size_t max_len_ = 0;
    std::vector<std::uint64_t> first_, last_; // bitmaps of BMP first / last characters
    bool astral_first_ = false, astral_last_ = false;
};

// Feature name → weight, open addressing with keys of up to 15 bytes stored in the slot (one
// cache line per probe); longer keys in a side map. Lookups by string_view never allocate.
class FlatWeights {
public:
    void reserve(std::size_t n);
    void set(std::string_view key, double w); // last one wins
    const double* find(std::string_view key) const;
    static std::uint64_t hash(std::string_view key);
    // The slot a key of hash h is looked for first (to prefetch it).
    const void* home(std::uint64_t h) const { return slots_.empty() ? nullptr : &slots_[h & (slots_.size() - 1)]; }
    const double* find(std::string_view key, std::uint64_t h) const; // h == hash(key)
    static constexpr std::size_t inline_max = 15;

private:
    struct alignas(32) Slot {
        std::uint64_t h = 0; // 0: empty
        double w = 0;
        char key[inline_max] = {};
        std::uint8_t len = 0;
    };
    void rehash(std::size_t cap);
    std::vector<Slot> slots_;
    std::unordered_map<std::string, double> long_;
    std::size_t count_ = 0;
};

// The model's weights: the bulky context families (P1=, P2=, N1=, N2=, PN= and their F forms)
// apart from the rest, so that the small hot table stays in cache.
class FeatureTable {
public:
    static bool bulky(std::string_view key) {
        if (!key.empty() && key[0] == 'F') key.remove_prefix(1);
        return key.size() >= 3 && (key[0] == 'P' || key[0] == 'N') &&
               (key[1] == 'N' || key[1] == '1' || key[1] == '2') && key[2] == '=';
    }
    void set(std::string_view key, double w) { (bulky(key) ? big_ : small_).set(key, w); }
    const double* find(std::string_view key) const { return (bulky(key) ? big_ : small_).find(key); }
    double get(std::string_view key) const {
        const double* p = find(key);
        return p ? *p : 0.0;
    }
    FlatWeights& big() { return big_; }
    const FlatWeights& table(std::string_view key) const { return bulky(key) ? big_ : small_; }

private:
    FlatWeights big_, small_;
};

bool is_han(char32_t c);

class NameModel {
public:
    NameModel(); // reads surnames.txt, titles.txt, person_*.txt from the lexicon directory
    // Non-overlapping name spans, best-scored first wins, in text order. bounds (size n+1): 1 at
    // each character position where an ICU word begins or ends.
    std::vector<NameSpan> find(const CharText& t, const std::vector<char>& bounds) const;
    const WordSet& titles() const { return titles_; }
    const WordSet& stops() const { return stops_; }
    const WordSet& suffixes() const { return suffixes_; }
    const WordSet& cues() const { return cues_; }
    bool is_surname(char32_t c) const { return single_.count(c) > 0; }
    bool is_compound(std::u32string_view s) const {
        return s.size() == 2 && compound_.count((std::uint64_t(s[0]) << 32) | s[1]) > 0;
    }
    double weight(std::string_view feature) const { return weights_.get(feature); }
    double threshold() const { return threshold_; }
    // A character that may stand in a transliterated name (its learned bucket is low enough).
    bool is_translit(char32_t c) const { return translit(c); }
    // As is_translit, or a rare character never seen in a name (bucket x): no evidence against it.
    bool maybe_translit(char32_t c) const { return translit(c) || (is_han(c) && info(c).frn == "x"); }
    // How rarely the character is a surname: its learned bucket, floor(log2(text count / names
    // with it as surname)) — 0 for 冯, 赵; 11 for 农 — and 99 when it never starts a name.
    int surname_bucket(char32_t c) const {
        const std::string& s = info(c).sur;
        return !s.empty() && s[0] >= '0' && s[0] <= '9' ? std::atoi(s.c_str()) : 99;
    }
    // A common character never seen in a given name (learned bucket z or y): 却, 称, 还.
    bool never_given(char32_t c) const {
        const std::string& g = info(c).giv;
        return g == "z" || g == "y";
    }

    struct Buckets {
        std::string sur = "x", giv = "x", frn = "x"; // x: a character never seen (rare)
        bool translit_ok = false;                    // frn is a number ≤ 9
        int frn_num = 0;                             // atoi(frn)
        std::uint8_t sur_id = 0, giv_id = 0;         // index of sur / giv among bucket_names_
    };

private:
    const Buckets& info(char32_t c) const {
        if (c < 0x10000) {
            std::uint16_t k = bmp_info_.empty() ? 0 : bmp_info_[c];
            return k ? infos_[k - 1] : none_;
        }
        auto it = astral_info_.find(c);
        return it == astral_info_.end() ? none_ : infos_[it->second];
    }
    bool translit(char32_t c) const;
    bool chinese_shape(const std::u32string& c, std::size_t i, std::size_t e) const;
    struct Scratch;
    void add_context(const CharText& t, const std::vector<char>& bounds, std::size_t s, std::size_t e, bool foreign,
                     Scratch& sc) const;
    std::size_t list_item(const std::u32string& c, std::size_t k, bool forward) const;

    CharSet single_;
    std::unordered_set<std::uint64_t> compound_;
    WordSet titles_, stops_, nonames_, suffixes_, cues_;
    Buckets none_;
    std::vector<Buckets> infos_;
    std::vector<std::uint16_t> bmp_info_; // index+1 into infos_, 0: none
    std::unordered_map<char32_t, std::uint32_t> astral_info_;
    FeatureTable weights_;
    double threshold_ = 0.0;

    // Weights of the features over small domains (bucket ids, lengths), looked up once at load.
    static constexpr std::size_t nlen = 16;
    void precompute();
    std::uint8_t bucket_id(const std::string& b);
    std::vector<std::string> bucket_names_;
    std::vector<std::uint8_t> surname_bits_; // per BMP char: 1 single surname, 2 first of a compound
    std::unordered_map<char32_t, double> w_single_;
    std::unordered_map<std::uint64_t, double> w_compound_;
    std::vector<double> w_sb_, w_gb_, w_gb1_, w_gb2_, w_gbb_, w_nb_[2][nlen];
    double w_sb_cmp_ = 0, w_nn_ = 0, w_pt_[2] = {}, w_frs_ = 0, w_fre_ = 0, w_fdot_ = 0;
    double w_c_[3][3] = {};
    double w_nt_[2][nlen] = {}, w_ns_[2][nlen] = {}, w_xs_[2][nlen] = {}, w_xl_[2][nlen] = {};
    double w_f_[nlen] = {}, w_fch_[nlen] = {}, w_frse_[nlen] = {}, w_fw_[10] = {}, w_flw_[nlen][10] = {};
    // WB=<ICU boundaries from s to e>, indexed by (1 << (len+1)) | bits; LP=/LN= list item shapes;
    // REP=<times the string is a candidate>.
    static constexpr std::size_t nwb = std::size_t(1) << 12, nitem = 2 + 2 * 6, nrep = 5;
    std::vector<double> w_wb_[2];
    double w_lp_[2][nitem] = {}, w_ln_[2][nitem] = {}, w_rep_[nrep] = {};
    // NK=<name bucket of the whole string> (person_strings.txt), keyed by the string's hash.
    std::unordered_map<std::uint64_t, std::uint8_t> strings_;
    std::vector<double> w_nk_;
    double max_extra_ = 0;         // the largest REP + NK weight a candidate can get
    std::vector<char> never_name_; // per bucket id: y or z, a frequent string never seen as a name
    bool never_a_name(const char32_t* p, std::size_t n) const {
        auto it = strings_.find(hash_of(p, n));
        return it != strings_.end() && never_name_[it->second];
    }
    static std::uint64_t hash_of(const char32_t* p, std::size_t n);
};

bool is_han(char32_t c);
bool is_dot(char32_t c);

} // namespace jianbao::people
