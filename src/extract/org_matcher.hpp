// Private helpers shared by the organisation, place and event extractors: a character
// view of the text with ICU word boundaries, a code-point trie, the place gazetteer and
// the organisation finder. Not a public interface.
#pragma once
#include "jianbao/extract/context.hpp"
#include "jianbao/util/char_set.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace jianbao::ent {

// The text as code points, with byte offsets and ICU word boundaries per character.
struct Chars {
    std::string_view text;
    std::vector<char32_t> c;
    std::vector<std::uint32_t> off;  // size n+1: byte offset of char i
    std::vector<std::uint8_t> bound; // size n+1: 1 when a word starts or ends at char i
    std::vector<std::int32_t> word_start; // size n: char index where the word holding char i starts
    std::size_t size() const { return c.size(); }
    std::string str(std::size_t b, std::size_t e) const;
    // The first word boundary after char i, at most `limit`: where the ICU word holding i ends.
    std::size_t next_bound(std::size_t i, std::size_t limit) const {
        std::size_t j = i + 1;
        while (j < limit && !bound[j]) ++j;
        return j;
    }
};
Chars index(std::string_view text, const std::vector<Span>& words);

bool is_han(char32_t c);
std::u32string to_u32(std::string_view s);

// Code-point trie; value -1 = no entry ends here.
class Trie {
public:
    void insert(const std::u32string& key, std::int32_t value);
    // Longest entry starting at `from` going forward; returns its length (0 = none).
    std::size_t longest(const Chars& t, std::size_t from, std::int32_t* value = nullptr,
                        bool need_bound = true) const;
    // Longest entry ending at `to` (exclusive), read backward (keys inserted reversed).
    std::size_t longest_back(const Chars& t, std::size_t to, std::int32_t* value = nullptr,
                             bool need_bound = true) const;
    bool contains(const std::u32string& key) const;
    std::int32_t get(const std::u32string& key) const; // value, -1 = none
    bool empty() const { return values_.size() <= 1; }

private:
    std::int32_t step(std::int32_t node, char32_t c) const;
    void grow();
    // Edges (parent node << 32 | character) → child node, in one flat open-addressing table:
    // the gazetteer holds some 30,000 names, and a node-based map made loading and freeing it
    // a third of start-up.
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    std::vector<std::uint64_t> keys_;
    std::vector<std::int32_t> child_;
    std::size_t edges_ = 0;
    int shift_ = 64;
    std::vector<std::int32_t> values_{-1};
    // Characters (of the BMP) that start a key: most scans stop at their first character, and
    // this bit answers without probing the edge table (a cache miss in the large tries).
    std::vector<std::uint64_t> first_ = std::vector<std::uint64_t>(1024, 0);
    bool may_start(char32_t c) const { return c >= 0x10000 || (first_[c >> 6] >> (c & 63) & 1); }
};

struct Match {
    std::uint32_t b = 0, e = 0; // char indices
    std::string type;
    bool listed = false; // an item of a visit list (视察了晶樱光电、航天锂电等处)
    bool enterprise = false; // … that the list calls enterprises (走访了华瑞电子、中天钢铁等企业) or an inspection checked
};

// Places: gazetteer (admin divisions, world, learned) plus suffix rules.
class Gazetteer {
public:
    Gazetteer();
    // Longest known place starting at i (0 = none).
    std::size_t at(const Chars& t, std::size_t i) const { return fwd_.longest(t, i); }
    std::size_t ending_at(const Chars& t, std::size_t e) const { return back_.longest_back(t, e); }
    std::vector<Match> find(const Chars& t, const std::vector<std::uint8_t>& covered) const;
    // No place opens at i (全, 本, 该, 下 …: place_stop.txt).
    bool stop_opens(const Chars& t, std::size_t i) const { return stop_.longest(t, i, nullptr, false) > 0; }
    bool surname(char32_t c) const { return surnames_.count(c) > 0; }
    // [b, e) holds a character or pair that DEV places almost never contain (的, 于, 致富, 特困:
    // place_learned_context.tsv): a phrase that merely ends like a place (致富路, 特困村).
    bool plain(const Chars& t, std::size_t b, std::size_t e, bool singles, bool pairs) const;

    // Length of the longest place suffix ending at j (exclusive): 自治区 in 为自治|区|高级人民法院.
    std::size_t suffix_ending_at(const Chars& t, std::size_t j) const { return suffix_back_.longest_back(t, j, nullptr, false); }
    // [b, e) is a division's name without its unit that is too common a word to be read alone
    // (大同, 朝阳, 金昌): a place only as an item of a list of places.
    bool list_form(const Chars& t, std::size_t b, std::size_t e) const;
    // Length of a noun after 等 saying a list's items are places (等地, 等省区: place_list_nouns.txt).
    std::size_t list_noun_at(const Chars& t, std::size_t i) const { return list_nouns_.longest(t, i, nullptr, false); }

private:
    static constexpr std::int32_t kShortForm = 1; // trie value of a division's short form (涿鹿)
    static constexpr std::int32_t kWorld = 2;     // of a country or a place abroad (place_world.txt)
    Trie fwd_, back_, suffix_back_, stop_, extend_, plain_, list_forms_, list_nouns_;
    CharSet stop_chars_, surnames_, translit_;
    std::vector<int> suffix_min_, suffix_max_;
    std::vector<bool> suffix_word_;
};

class OrgFinder {
public:
    explicit OrgFinder(const Gazetteer& gaz);
    std::vector<Match> find(const Chars& t) const;
    // [b, e) is no name whatever it looks like: it counts or sorts bodies (三家公司), is a
    // string DEV shows is rarely a name alone, or a title's stem (外交部|长).
    bool rejects(const Chars& t, std::size_t b, std::size_t e) const;
    bool listed_reject(const Chars& t, std::size_t b, std::size_t e) const; // org_reject.tsv, org_learned_reject.tsv
    bool preposition(char32_t c) const { return prepositions_.count(c) > 0; } // org_prepositions.txt: 经
    bool level_determiner(char32_t c) const { return level_determiners_.count(c) > 0; } // org_level_determiners.txt: 全, 该
    // Of the finder's matches `ms`, those that local bulletins use as bodies although news text
    // (the PFR gold the name tagger learned from) never counts them: a village or community
    // acting at a meeting or in a partnership (昌农村、花王村分别作表态发言), any community
    // (金塘社区), the items of a visit list (视察了晶樱光电、航天锂电等处) and a bare unit of the
    // bulletin's own administration (市卫健委, 市关工委, 开发区纪工委).
    std::vector<Match> bodies_by_usage(const Chars& t, const std::vector<Match>& ms) const;
    // 县妇联, 市科协: a mass organisation after the bare administrative level (org_bare_units.tsv),
    // which the rules refuse without a place and a county's bulletin always writes so.
    std::vector<Match> bare_units(const Chars& t) const;
    // 俄 in 俄|外交部: a one-character country abbreviation that opens a body's name, and one DEV
    // names seldom open with (以 in 以|上海市虹口检察院 is a preposition far more often).
    bool country_abbrev(char32_t c) const { return country_abbrev_.count(c) > 0; }
    // 省|卫生健康委员会, 市|第一人民医院: a one-character unit (org_anchors.tsv) written as a word of
    // its own right before b, after punctuation or a word of two or more (not 县、|市卫生部: the
    // levels of a list). News text never names a body so; a bulletin names its own bodies so.
    bool lone_level_before(const Chars& t, std::size_t b) const;
    bool rarely_opens(const Chars& t, std::size_t i) const;
    // Length of the bulletin's own level (org_unit_levels.txt: 县, 街道, 开发区) opening a word at i, 0 when none.
    std::size_t unit_level_at(const Chars& t, std::size_t i) const {
        const std::size_t l = levels_.longest(t, i, nullptr, false);
        return l && t.word_start[i] == static_cast<std::int32_t>(i) && t.bound[i + l] ? l : 0;
    }
    // 山东省农业厅|科教处: each body of `m` (sorted, no place) extended over the sub-unit written
    // right after it; the names it runs over are dropped.
    void extend_subunits(const Chars& t, std::vector<Match>& m) const;
    // 材料科学与工程学院: for a name [b, e) holding a department's word (org_field_departments.txt)
    // right after 与 at b - 1, where the first of its two fields opens; b when none does (the part
    // before 与 is a body of its own, 县教育局与|工程学院, or no field: 签约仪式后与|…).
    std::size_t two_fields_before(const Chars& t, std::size_t b, std::size_t e) const;
    // Length of the longest known body (org_known.tsv, org_learned.tsv) starting at i (0 = none).
    // A body whose last character opens the suffix of a community or village glued to it is no
    // match (城关镇新华社|区: 新华社区, not 新华社).
    std::size_t known_at(const Chars& t, std::size_t i, std::int32_t* value = nullptr) const;
    // The type of a name [b, e): a known body's, else that of the suffix it ends with ("" = none).
    std::string suffix_type(const Chars& t, std::size_t b, std::size_t e) const;
    // Length of the direction word ending at e (org_direction_words.tsv: 东北部 in 内蒙古东北部),
    // 0 when none: such a 部 names a part of a place, not a body.
    std::size_t direction_before(const Chars& t, std::size_t e) const { return dir_back_.longest_back(t, e, nullptr, false); }
    // Length of the station word starting at i (place_stations.tsv: 西站 in 北京西站), 0 when none.
    std::size_t station_at(const Chars& t, std::size_t i) const { return stations_.longest(t, i, nullptr, false); }
    // Length of a verb of org_leading_verbs.txt written as its own word at i (联合|省农科院).
    std::size_t leading_verb_at(const Chars& t, std::size_t i) const { return leading_verbs_.longest(t, i); }
    // Length of the title word (titles.txt) starting at i, 0 when none.
    std::size_t title_at(const Chars& t, std::size_t i) const { return title_words_.longest(t, i, nullptr, false); }
    // Length of a tail (自治县, 新区, 地区) ending at `e` that joins the place before its name (place_joined_tails.txt).
    std::size_t joined_tail_before(const Chars& t, std::size_t e) const { return joined_tails_back_.longest_back(t, e, nullptr, false); }
    // Length of the conjunction starting at i (org_conjunctions.tsv: 与 in 中国银行与海南航空公司), 0 when none.
    std::size_t conjunction_at(const Chars& t, std::size_t i) const { return conj_.longest(t, i); }

    // The word [b, e) is one no name holds: a stop word (org_stop.tsv), a word DEV names never
    // contain, a bare quantity.
    bool stops_scan(const Chars& t, std::size_t b, std::size_t e) const;
    // DEV names seldom hold the word [b, e) (各大, 星级, 高级: under 2 % of its five or more occurrences).
    bool rarely_inside(const Chars& t, std::size_t b, std::size_t e) const;

private:
    struct Suffix {
        std::string type;
        int min_stem = 1;
        bool anchor = false;
        bool anchor_alone = false; // the anchor alone may be the stem (县|疾病预防控制中心)
        bool local = false;        // a business of local life (便利店, 酒家): column 5
        std::size_t len = 0;
    };
    bool suffix_candidate(const Chars& t, std::size_t j, std::vector<Match>& out) const;
    void visit_lists(const Chars& t, std::vector<Match>& out) const;
    struct Subunit {
        std::string type; // empty = the parent's
        bool place_ok = false;
    };
    Trie grassroots_back_; // org_grassroots_units.txt, reversed
    Trie list_place_back_; // org_list_place_tails.txt, reversed
    std::unordered_map<std::u32string, Trie> attribute_after_; // org_suffix_attributes.tsv: suffix → words
    Trie sub_back_, dir_back_, conj_, stations_, bare_, title_words_, joined_tails_back_, glued_, levels_, leading_verbs_;
    Trie parties_, party_units_; // org_party_short_names.txt: 民革; +总支
    std::vector<std::string> bare_types_;
    std::vector<char> bare_admin_only_; // org_bare_units.tsv's column 3: after 市县区乡镇街道 only
    std::vector<char> bare_county_only_; // column 3 "county": after 县 or 区 alone (县政协)
    std::vector<Subunit> subunits_;
    const Gazetteer& gaz_;
    Trie known_, known_back_, suffix_back_, stop_, anchor_, anchor_back_, cues_, reject_;
    CharSet country_abbrev_; // 俄 in 俄外交部
    CharSet stem_breaks_;       // 进 in 住进|医院
    CharSet body_end_;          // org_body_end_chars.txt: 院 局 委… end a body's name
    CharSet level_determiners_; // org_level_determiners.txt: 全 in 全|县
    CharSet prepositions_;      // org_prepositions.txt: 经 in 经|派出所|审定
    CharSet measure_words_;     // org_measure_words.txt: 家 in 三|家|公司, not in 企业|家|协会
    std::vector<std::u32string> village_place_before_; // org_village_place_before.txt: 到 in 到|石门坎村|开展
    Trie field_departments_;    // org_field_departments.txt
    // DEV statistics per word (org_learned_context.tsv): occurrences, inside a name, opening one.
    struct Ctx {
        int occ = 0, inside = 0, open = 0;
    };
    Trie ctx_;
    std::vector<Ctx> ctx_stats_;
    const Ctx* ctx_of(const Chars& t, std::size_t b, std::size_t e) const;
    std::optional<Chars> unglued(const Chars& t) const;
    std::vector<std::string> known_type_;
    std::vector<char> known_group_; // org_known.tsv's column 3 "group": 国网 opens its local companies' names
    std::vector<Suffix> suffixes_;
};

// The gazetteer and organisation finder, loaded once per process and shared by the
// organisation and place extractors.
struct Finders {
    Gazetteer gaz;
    OrgFinder orgs{gaz};
    // Organisations of `t`; the place extractor asks for the same text right after the
    // organisation extractor did, so the last result (per thread) is reused.
    const std::vector<Match>& orgs_of(const Chars& t) const;
};
const Finders& finders();

// One entry per distinct name, in order of first mention, counting mentions.
template <class T, class Make>
void tally(std::vector<T>& out, std::unordered_map<std::string, std::size_t>& seen, std::string name, Make make) {
    auto it = seen.find(name);
    if (it != seen.end()) {
        ++out[it->second].mentions;
        return;
    }
    seen.emplace(name, out.size());
    out.push_back(make(std::move(name)));
}

// Keeps the longest of overlapping matches (PFR gold keeps the outermost entity).
std::vector<Match> resolve(std::vector<Match> m);

} // namespace jianbao::ent
