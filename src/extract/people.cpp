#include "jianbao/extract/people.hpp"

#include "jianbao/extract/people_model.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace jianbao {

namespace {

// The names found, in order of their start, with `added` in and those `drop` marks (if given) out.
void merge_names(std::vector<people::NameSpan>& spans, const std::vector<people::NameSpan>& added,
                 const std::vector<char>* drop = nullptr) {
    if (added.empty()) return;
    if (drop) {
        std::size_t w = 0;
        for (std::size_t i = 0; i < spans.size(); ++i)
            if (!(*drop)[i]) spans[w++] = spans[i];
        spans.resize(w);
    }
    spans.insert(spans.end(), added.begin(), added.end());
    std::sort(spans.begin(), spans.end(), [](const people::NameSpan& a, const people::NameSpan& b) { return a.begin < b.begin; });
}
constexpr std::size_t max_title = 24; // longest title phrase kept, in characters (中国人民政治协商会议全国委员会副主席: 18)
constexpr char32_t enum_comma = U'、';
constexpr std::size_t max_dotted = 20; // longest dot-joined name taken whole (艾哈迈德·本·穆罕默德·萨利姆)
constexpr double exact_word_margin = 4.0; // a candidate that is a dictionary word needs this much more score
constexpr std::size_t min_list_names = 3; // found names that make a 、-list a list of names (add_list_names)
constexpr double list_name_share = 0.7;   // and the share of its items they must be (held-out: 0.5–0.7 alike, 0.8 less)
constexpr std::size_t max_list_item = 6;  // longest undotted list item taken as a name (阿拉坦敖其尔)
constexpr std::size_t max_edge_item = 4;  // … and of the list's first or last item
constexpr std::size_t max_note = 12;     // longest bracketed note after a list item: （女，维吾尔族）
constexpr std::size_t max_spelling = 8;  // longest spelling of a missing character: （上均＋下金）
// 老/小 + a surname is familiar address when the surname bucket is at most this (冯 0, 何 3, 苏 3;
// 农 11, 门 10, 项 8 are mostly other words there: 小农, 小门, 小项).
constexpr int kFamiliarSurnameBucket = 4;
constexpr std::size_t max_byline = 16;      // longest byline in brackets: （张书政　宇新　桑余）
constexpr std::size_t max_byline_names = 4; // most names on a byline
constexpr std::size_t max_dateline = 24;    // longest dateline bracket: （记者王忠菊、诸葛仓麟）

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out.push_back(utf8::next(s, i));
    return out;
}
bool clause_end(char32_t ch) {
    switch (ch) {
    case U'，': case U'。': case U'；': case U'：': case U'！': case U'？': case U',': case U'.': case U';':
    case U':': case U'!': case U'?': case U'\n': case U'\r': case U'\t': case U' ': case 0x3000: case U'“':
    case U'”': case U'「': case U'」': case U'《': case U'》':
        return true;
    default:
        return false;
    }
}

bool is_open(char32_t ch) { return ch == U'（' || ch == U'('; }
bool is_digit(char32_t ch) { return (ch >= U'0' && ch <= U'9') || (ch >= U'０' && ch <= U'９'); } // ASCII or full-width
bool is_close(char32_t ch) { return ch == U'）' || ch == U')'; }
// Where the bracket closing at c[close] opens, with Han characters only (eight at most) between;
// npos when it does not.
std::size_t bracket_open(const std::u32string& c, std::size_t close) {
    if (close >= c.size() || !is_close(c[close])) return std::u32string::npos;
    std::size_t o = close;
    while (o > 0 && close - o < 8 && people::is_han(c[o - 1])) --o;
    return o > 0 && is_open(c[o - 1]) ? o - 1 : std::u32string::npos;
}

// A place name follows at e (the candidate ends the place's first part): 路, 村 …, one more
// character and 路/街/巷 (华山路), or 社区.
bool place_after(const std::u32string& c, std::size_t e, const CharSet& place_suffixes) {
    const std::size_t n = c.size();
    if (e >= n) return false;
    if (place_suffixes.count(c[e])) return true;
    if (e + 1 < n && c[e] == U'社' && c[e + 1] == U'区') return true;
    if (e + 1 < n && people::is_han(c[e]) && (c[e + 1] == U'路' || c[e + 1] == U'街' || c[e + 1] == U'巷'))
        return true;
    return false;
}

// A name inside a 、-list whose other items are not names is a list item of that other kind:
// 晶樱光电、风帆（扬州）、新能易事特、万锂电、耀焜恒银 — a short company name, not a person.
// An item is a non-name when it is long (5+ characters) or holds brackets, digits or letters,
// unless a found name sits in it (县领导陈海波、刘建华). And a candidate that is one dictionary word
// among items that are each one dictionary word is a word of that list (安全、快捷、舒适、方便).
void drop_list_items(const std::u32string& c, std::vector<people::NameSpan>& spans, const std::vector<std::uint8_t>& word_at) {
    const std::size_t n = c.size();
    std::vector<int> owner(n, -1);
    for (std::size_t k = 0; k < spans.size(); ++k)
        for (std::size_t q = spans[k].begin; q < spans[k].end; ++q) owner[q] = static_cast<int>(k);
    std::vector<char> drop(spans.size(), 0);
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const auto& s = spans[k];
        bool listed = (s.begin > 0 && c[s.begin - 1] == enum_comma) || (s.end < n && c[s.end] == enum_comma);
        if (!listed) continue;
        std::size_t b = s.begin, e = s.end;
        while (b > 0 && !clause_end(c[b - 1])) --b;
        while (e < n && !clause_end(c[e])) ++e;
        int names = 0, others = 0, items = 0, words = 0;
        const bool one_word = word_at[s.begin] == s.end - s.begin;
        std::size_t ib = b;
        for (std::size_t q = b; q <= e; ++q) {
            if (q < e && c[q] != enum_comma) continue;
            // item [ib, q)
            bool own = ib <= s.begin && s.end <= q;
            if (!own && q > ib) {
                ++items;
                // The first and last items also hold the clause's lead-in and tail (视察了…, …等处):
                // their length says nothing, and a name counts only at the 、 side.
                bool inner = ib > b && q < e;
                bool has_name = (ib > b && owner[ib] >= 0 && spans[owner[ib]].begin == ib) ||
                                (q < e && owner[q - 1] >= 0 && spans[owner[q - 1]].end == q);
                bool odd = inner && q - ib >= 5;
                for (std::size_t r = ib; r < q; ++r)
                    if (!people::is_han(c[r]) && !people::is_dot(c[r])) odd = true;
                if (has_name) ++names;
                else if (odd) ++others;
                else if ((inner && word_at[ib] == q - ib) || (ib > b && q == e && word_at[ib] >= 2)) ++words; // (the last: at the 、 side)
            }
            ib = q + 1;
        }
        if (names == 0 && (others >= 2 || (one_word && words >= 2))) drop[k] = 1;
    }
    std::size_t w = 0;
    for (std::size_t k = 0; k < spans.size(); ++k)
        if (!drop[k]) spans[w++] = spans[k];
    spans.resize(w);
}
// A character the text's encoding lacks is spelt out in brackets right where it stands: by its
// sound (秦惠（君音）, 余（申音）) or its parts (薛昭（上均＋下金）). The brackets are part of the name,
// and the spelling is no name of its own. A bracketed dictionary word (（拼音）, （录音）) is no
// such spelling.
void spelled_characters(const std::u32string& c, std::vector<people::NameSpan>& spans, const people::NameModel& model,
                        const std::vector<std::uint8_t>& word_at) {
    const std::size_t n = c.size();
    for (std::size_t o = 1; o + 3 < n; ++o) {
        if (!is_open(c[o])) continue;
        std::size_t ce = o + 1;
        while (ce < n && ce <= o + max_spelling + 1 && !is_close(c[ce]) && !is_open(c[ce])) ++ce;
        if (ce >= n || !is_close(c[ce])) continue;
        const std::size_t len = ce - o - 1;
        const bool sound = len == 2 && people::is_han(c[o + 1]) && c[o + 2] == U'音' && word_at[o + 1] < 2;
        const bool parts = len >= 3 && std::any_of(c.begin() + o + 1, c.begin() + ce, [](char32_t x) { return x == U'＋' || x == U'+'; }) &&
                           std::all_of(c.begin() + o + 1, c.begin() + ce,
                                       [](char32_t x) { return people::is_han(x) || x == U'＋' || x == U'+'; });
        if (!sound && !parts) continue;
        std::erase_if(spans, [&](const people::NameSpan& s) { return s.begin > o && s.end <= ce + 1; });
        auto it = std::find_if(spans.begin(), spans.end(), [&](const people::NameSpan& s) { return s.end == o; });
        if (it != spans.end()) {
            it->end = static_cast<std::uint32_t>(ce + 1);
        } else if (model.is_surname(c[o - 1]) && o >= 2 && c[o - 2] == enum_comma &&
                   std::none_of(spans.begin(), spans.end(), [&](const people::NameSpan& s) { return s.begin < o && s.end >= o; })) {
            // in a list, a surname alone before the spelling (、余（申音）、), or with one given character
            // after it (、曹（凡音）生、); elsewhere the surname may stand for a name of its own (崔（摇音）摄)
            std::size_t e = ce + 1;
            if (e + 1 < n && people::is_han(c[e]) && c[e + 1] == enum_comma) ++e; // (in a list only: 崔（摇音）摄)
            spans.push_back({static_cast<std::uint32_t>(o - 1), static_cast<std::uint32_t>(e), 0.0});
        }
        o = ce;
    }
    std::sort(spans.begin(), spans.end(), [](const people::NameSpan& a, const people::NameSpan& b) { return a.begin < b.begin; });
}

// Bylines: news names its writers and photographers on a line of their own right under the
// headline (…//士心/…, 胡桃　汉仙　湘国) or in brackets closing a paragraph (（勇庆）,
// （张书政　宇新　桑余）, （李恒摄）). There, every short token is a name, also one the model does not
// know (pen names: 晓渡, 碧泉) — unless it is a dictionary word (图片, 油画), a title or a place
// (（山东）). In PFR DEV such lines held 207 names and 6 other tokens, such brackets after no Han
// character 405 and 2 (after one: 12 and 121, captions such as 金色年华（彩墨画）).
void add_byline_names(const std::u32string& c, std::vector<people::NameSpan>& spans, const people::WordSet& not_people,
                      const people::WordSet& titles, const std::vector<std::uint8_t>& word_at,
                      const people::WordSet& roles, const CharSet& unit_ends) {
    const std::size_t n = c.size();
    std::vector<char> taken(n, 0);
    for (const auto& s : spans) std::fill(taken.begin() + s.begin, taken.begin() + s.end, 1);
    std::vector<people::NameSpan> added;
    // Tokens of [b, e) separated by U+3000 or spaces; true when every one is 2-3 Han characters
    // (after a photo credit's 摄 is dropped), each then added unless a word, title or place.
    auto tokens = [&](std::size_t b, std::size_t e) {
        std::vector<std::pair<std::size_t, std::size_t>> out;
        for (std::size_t q = b; q < e;) {
            if (c[q] == 0x3000 || c[q] == U' ') {
                ++q;
                continue;
            }
            std::size_t r = q;
            while (r < e && people::is_han(c[r])) ++r;
            if (r == q || (r < e && c[r] != 0x3000 && c[r] != U' ')) return std::vector<std::pair<std::size_t, std::size_t>>{};
            std::size_t te = r;
            if (te - q >= 3 && (c[te - 1] == U'摄' || c[te - 1] == U'画')) --te; // （李恒摄）, （马得画）
            if (te - q == 1 && (c[q] == U'摄' || c[q] == U'画') && !out.empty()) { // （宣传科　王丽娟　摄）
                q = r;
                continue;
            }
            if (te - q < 2 || te - q > 3) return std::vector<std::pair<std::size_t, std::size_t>>{};
            out.push_back({q, te});
            q = r;
        }
        return out;
    };
    auto take = [&](const std::vector<std::pair<std::size_t, std::size_t>>& toks) {
        if (toks.empty() || toks.size() > max_byline_names) return;
        for (auto [b, e] : toks) {
            // A unit's credit: （经发局）, and one opening with a word whatever the model read there
            // (（宣传科　王丽娟　摄）; not the names 张农科, 黄守部).
            if (unit_ends.count(c[e - 1])) {
                if (word_at[b] >= 2) std::erase_if(spans, [&](const people::NameSpan& s) { return s.begin == b && s.end == e; });
                if (word_at[b] >= 2 || e - b == 3) continue;
            }
            if (std::any_of(taken.begin() + b, taken.begin() + e, [](char x) { return x != 0; })) continue;
            if (word_at[b] >= e - b || not_people.longest_at(c, b) >= 2 || titles.longest_at(c, b) >= e - b) continue;
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
        }
    };
    // A dateline's bracket (…１月１３日电（肖冠军）, …讯（记者王忠菊、诸葛仓麟）): names of 2-4 characters
    // after a role (记者), joined by 、 or spaces. In PFR DEV 344 names and 3 other tokens.
    for (std::size_t o = 1; o + 3 < n; ++o) {
        if (!is_open(c[o]) || (c[o - 1] != U'电' && c[o - 1] != U'讯')) continue;
        std::size_t ce = o + 1;
        while (ce < n && ce - o <= max_dateline && !is_close(c[ce]) && !is_open(c[ce]) && c[ce] != U'\n') ++ce;
        if (ce >= n || !is_close(c[ce])) continue;
        std::vector<std::pair<std::size_t, std::size_t>> toks;
        bool ok = true;
        for (std::size_t q = o + 1; q < ce && ok;) {
            if (c[q] == enum_comma || c[q] == 0x3000 || c[q] == U' ') {
                ++q;
                continue;
            }
            q += roles.longest_at(c, q);
            std::size_t r = q;
            while (r < ce && people::is_han(c[r])) ++r;
            if (r - q < 2 || r - q > 4 || (r < ce && c[r] != enum_comma && c[r] != 0x3000 && c[r] != U' ')) ok = false;
            else toks.push_back({q, r});
            q = r;
        }
        if (ok) take(toks);
        o = ce;
    }
    std::size_t line = 0; // index of the non-empty line
    for (std::size_t b = 0; b < n;) {
        std::size_t e = b;
        while (e < n && c[e] != U'\n') ++e;
        if (e > b) {
            // the line right under the headline, with text after it
            if (line == 1 && e < n) take(tokens(b, e));
            // a bracket closing the line
            if (e - b >= 4 && is_close(c[e - 1])) {
                std::size_t o = e - 1;
                while (o > b && !is_open(c[o]) && e - o <= max_byline) --o;
                // (not a caption's note after a title: 金色年华（彩墨画）, 舒自尧（纳西族）)
                if (is_open(c[o]) && o + 2 < e && (o == b || !people::is_han(c[o - 1]))) take(tokens(o + 1, e - 1));
            }
            ++line;
        }
        b = e + 1;
    }
    merge_names(spans, added);
}

// A name in Latin letters (总经理John Smith一行, 会见了Mark Wilson): one to three capitalised words
// (Smith, McDonald; not NEC, iPhone) joined by single spaces, right after a title or before a word
// that ends names (一行, 先生, 说). The model knows Han names only.
void add_latin_names(const std::u32string& c, std::vector<people::NameSpan>& spans, const people::WordSet& titles,
                     const people::WordSet& stops) {
    auto upper = [](char32_t x) { return x >= U'A' && x <= U'Z'; };
    auto lower = [](char32_t x) { return x >= U'a' && x <= U'z'; };
    auto letter = [&](char32_t x) { return upper(x) || lower(x); };
    const std::size_t n = c.size();
    std::vector<people::NameSpan> added;
    for (std::size_t b = 0; b < n; ++b) {
        if (!upper(c[b]) || (b > 0 && (letter(c[b - 1]) || c[b - 1] == U' ' || c[b - 1] == U'-' || c[b - 1] == U'.'))) continue;
        std::size_t e = b, words = 0;
        bool ok = true;
        while (e < n && upper(c[e]) && ok && words < 3) {
            std::size_t k = e + 1, low = 0;
            while (k < n && letter(c[k])) low += lower(c[k++]) ? 1 : 0;
            ok = low >= 1 && k - e >= 2 && lower(c[k - 1]); // a capitalised word, not an acronym
            if (!ok) break;
            e = k;
            ++words;
            if (e + 1 < n && c[e] == U' ' && upper(c[e + 1])) ++e;
            else break;
        }
        if (!ok || words == 0 || (e < n && (letter(c[e]) || c[e] == U' '))) continue;
        const bool after_title = titles.longest_before(c, b) > 0;
        const bool before_end = e < n && stops.longest_at(c, e) > 0;
        if (!after_title && !before_end) continue;
        if (std::any_of(spans.begin(), spans.end(), [&](const people::NameSpan& s) { return s.begin < e && b < s.end; })) continue;
        added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 1.0});
        b = e;
    }
    merge_names(spans, added);
}

// A bracketed note of nationality right after a name ((维吾尔族), (女，藏族)) marks all of it as a
// name, from the clause or list item's start: a name found in part is the whole (洛|桑赤耐（藏族）),
// one not found is taken (、达列力汗·马米汗（哈萨克族）、). Each part at most max_list_item characters,
// so that a lead-in is not taken (选举阿不都热依木·卡德尔 keeps its found part).
void add_ethnic_note_names(const std::u32string& c, std::vector<people::NameSpan>& spans) {
    const std::size_t n = c.size();
    std::vector<people::NameSpan> added;
    std::vector<char> drop(spans.size(), 0);
    for (std::size_t o = 2; o + 3 < n; ++o) {
        if (!is_open(c[o])) continue;
        std::size_t ce = o + 1;
        while (ce < n && ce <= o + max_note && !is_close(c[ce]) && !is_open(c[ce])) ++ce;
        if (ce >= n || !is_close(c[ce]) || c[ce - 1] != U'族' || ce - o < 3) continue;
        // the run of Han characters and dots before the note, to the item's start
        std::size_t b = o;
        while (b > 0 && (people::is_han(c[b - 1]) || people::is_dot(c[b - 1]))) --b;
        if (b > 0 && !clause_end(c[b - 1]) && c[b - 1] != enum_comma && c[b - 1] != U'/' && c[b - 1] != U'／' && !is_close(c[b - 1]))
            continue;
        if (o - b < 2 || people::is_dot(c[b]) || people::is_dot(c[o - 1])) continue;
        bool ok = true;
        for (std::size_t q = b, part = 0; q < o && ok; ++q) {
            part = people::is_dot(c[q]) ? 0 : part + 1;
            if (part > max_list_item) ok = false;
        }
        if (!ok) continue;
        int in = -1, count = 0;
        for (std::size_t k = 0; k < spans.size(); ++k)
            if (spans[k].begin < o && spans[k].end > b) in = static_cast<int>(k), ++count;
        if (count > 1 || (in >= 0 && (spans[in].begin < b || spans[in].end > o))) continue;
        if (in >= 0 && spans[in].begin == b && spans[in].end == o) continue;
        // (after a clause's start rather than a 、 the run may hold a lead-in: 选举|云布龙（蒙古族）)
        const bool item = b > 0 && c[b - 1] == enum_comma;
        if (!item && (in >= 0 || static_cast<std::size_t>(std::find_if(c.begin() + b, c.begin() + o, people::is_dot) -
                                                          (c.begin() + b)) > max_edge_item))
            continue;
        if (in >= 0) drop[in] = 1;
        added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(o), 0.0});
        o = ce;
    }
    merge_names(spans, added, &drop);
}

// A 、-list (or a roster's line set apart by spaces) most of whose items are names found
// (…、丁传贤、于不凡、马瑾（女）、…) is a list of names: its other items of a name's shape are names
// too, also ones the model does not know (a name with characters never seen in one, 伉铁保, 启功),
// and a name found in part of an item is the whole item (金冲|及). An item may carry a bracketed note (（女，藏族）), which is no part of
// the name and whose punctuation ends neither the item nor the clause. Only items bounded by 、
// or by the clause are taken, so the clause's lead-in and tail (视察了…, …等处) never are; nor
// are titles, countries or cities among the names.
void add_list_names(const std::u32string& c, std::vector<people::NameSpan>& spans, const people::WordSet& not_people,
                    const people::WordSet& titles) {
    const std::size_t n = c.size();
    if (spans.size() < min_list_names) return;
    std::vector<int> owner(n, -1);
    for (std::size_t k = 0; k < spans.size(); ++k)
        for (std::size_t q = spans[k].begin; q < spans[k].end; ++q) owner[q] = static_cast<int>(k);
    struct Item {
        std::size_t b, e; // the item without its note
        bool clean;       // Han characters and dots only
    };
    std::vector<Item> items;
    std::vector<people::NameSpan> added;
    std::vector<char> drop(spans.size(), 0);
    // The bracket closing the one opened at o, when it is near and holds no other bracket.
    auto note_end = [&](std::size_t o) -> std::size_t {
        for (std::size_t q = o + 1; q < n && q <= o + max_note; ++q) {
            if (is_close(c[q])) return q;
            if (is_open(c[q]) || c[q] == U'\n') break;
        }
        return 0;
    };
    std::size_t k = 0;
    while (k < n) {
        items.clear();
        bool list = false;
        std::size_t ib = k, note = 0, q = k; // note: where the current item's note opens
        for (;; ++q) {
            if (q < n && is_open(c[q])) {
                if (std::size_t ce = note_end(q)) {
                    if (!note) note = q;
                    q = ce;
                    continue;
                }
            }
            // (a roster sets its names apart by spaces: 二等奖：车晓晨　包文静　花蕾)
            std::size_t sep_end = q + 1;
            bool spaced = false;
            if (q < n && (c[q] == 0x3000 || c[q] == U' ') && q > ib && people::is_han(c[q - 1])) {
                while (sep_end < n && (c[sep_end] == 0x3000 || c[sep_end] == U' ')) ++sep_end;
                spaced = sep_end < n && people::is_han(c[sep_end]);
                if (!spaced) sep_end = q + 1;
            }
            const bool end = q >= n || (clause_end(c[q]) && !spaced);
            if (!end && c[q] != enum_comma && !spaced) continue;
            if (!end) list = true;
            std::size_t ie = note && note > ib ? note : q;
            if (end && ie > ib + 2 && c[ie - 1] == U'等') --ie; // the list's tail word (…、敬一丹等。)
            bool clean = ie > ib;
            for (std::size_t r = ib; r < ie && clean; ++r)
                if (!people::is_han(c[r]) && !people::is_dot(c[r])) clean = false;
            // (a note must end its item: 曹（凡音）生 is not one)
            if (note && note > ib && std::any_of(c.begin() + note, c.begin() + q, [](char32_t x) { return is_close(x); }) &&
                !is_close(c[q - 1]))
                clean = false;
            items.push_back({ib, ie, clean});
            ib = sep_end;
            note = 0;
            if (end) break;
            q = sep_end - 1;
        }
        if (list && items.size() >= min_list_names) {
            std::size_t names = 0;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const auto& it = items[i];
                if (it.e <= it.b) continue;
                // the first item may hold the lead-in (委员张云川、…), the last the tail (…、李四表示)
                const int o = owner[i == 0 ? it.e - 1 : it.b];
                if (o < 0) continue;
                const bool starts = spans[o].begin == it.b || i == 0;
                const bool ends = spans[o].end == it.e || (i + 1 == items.size() && spans[o].begin == it.b);
                if (starts && ends) ++names;
            }
            // (or a list of three, two of them names found: 二等奖：车晓晨　包文静　花蕾)
            if ((names >= min_list_names && names >= items.size() * list_name_share) || (names == 2 && items.size() == 3)) {
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const auto& it = items[i];
                    const std::size_t len = it.e - it.b;
                    if (!it.clean || len < 2) continue;
                    const bool dotted = std::any_of(c.begin() + it.b, c.begin() + it.e, people::is_dot);
                    // (the first and last items may hold the lead-in or tail: only short ones, not
                    // grown from a name found in them)
                    const bool inner = i > 0 && i + 1 < items.size();
                    if (len > (dotted ? max_dotted : inner ? max_list_item : max_edge_item)) continue;
                    if (dotted && (people::is_dot(c[it.b]) || people::is_dot(c[it.e - 1]))) continue;
                    // spans inside the item: none, or one that is to become the whole item
                    int in = -1, count = 0;
                    for (std::size_t r = it.b; r < it.e; ++r)
                        if (owner[r] >= 0 && (r == it.b || owner[r] != owner[r - 1])) in = owner[r], ++count;
                    if (count > 1 || (in >= 0 && (spans[in].begin < it.b || spans[in].end > it.e))) continue;
                    if (in >= 0 && (!inner || (spans[in].begin == it.b && spans[in].end == it.e))) continue;
                    if (not_people.longest_at(c, it.b) >= 2) continue; // a country or city among the names
                    // (dictionary words stay: ICU knows many names, 乌兰, 高歌, 列宁)
                    if (!dotted && titles.longest_before(c, it.e) > 0) continue;
                    if (in >= 0) drop[in] = 1;
                    added.push_back({static_cast<std::uint32_t>(it.b), static_cast<std::uint32_t>(it.e), 0.0});
                }
            }
        }
        k = q + 1;
    }
    merge_names(spans, added, &drop);
}
} // namespace

namespace {
// Every whitespace-separated word of a lexicon file into `set`.
void add_words(std::string_view file, people::WordSet& set) {
    for (const auto& w : lexicon::read_words(file)) set.add(to_u32(w));
}
} // namespace

struct PeopleExtractor::Impl {
    people::NameModel model;
    people::WordSet breaks; // words a title phrase does not extend over (title_breaks.txt)
    people::WordSet title_verbs; // titles that are also verbs, after a name only before punctuation (代表)
    people::WordSet openers; // unit names that start with a break word: 经开区 (title_openers.txt)
    CharSet function_surnames = lexicon::read_chars("person_function_surnames.txt"); // mostly function words (和, 从, 曾)
    CharSet conjunction_surnames = lexicon::read_chars("person_conjunction_surnames.txt"); // almost never a surname in running text (和, 与, 国)
    CharSet body_end_chars = lexicon::read_chars("org_body_end_chars.txt"); // a body's name ends with (院, 局, 委)
    CharSet byline_unit_ends = lexicon::read_chars("person_byline_unit_ends.txt"); // （经发局）: a unit's credit
    CharSet given_name_stops = lexicon::read_chars("person_given_name_stops.txt");         // never in a given name (不, 的, 了)
    CharSet given_name_particles = lexicon::read_chars("person_given_name_particles.txt"); // not even after a title
    CharSet translit_trailing = lexicon::read_chars("person_translit_trailing.txt");       // do not end a foreign name (曾, 于)
    CharSet place_suffixes = lexicon::read_chars("person_place_suffix_chars.txt");         // end a street or village (路, 村)
    CharSet anonymous_stops = lexicon::read_chars("person_anonymous_stops.txt");           // after 某, no person (某些, 某厂)
    CharSet familiar = lexicon::read_chars("person_familiar_prefixes.txt");                // 老何, 小许
    // Names of countries, world cities and well-known bodies (place_world.txt, org_known.tsv):
    // transliterated like foreign names (莫桑比克, 特拉维夫, 欧佩克) but no people.
    people::WordSet not_people;
    people::WordSet address; // forms of address after a surname: 先生, 小姐 (person_address.txt)
    people::WordSet byline_roles; // before a name in a dateline's bracket: 记者 (person_byline_roles.txt)
    people::WordSet body_words;   // the words a body's name ends in (公司, 党委: org_suffixes.tsv), two characters or more
    people::WordSet village_before, village_after; // around a village's name (person_village_contexts.tsv)
    people::WordSet modifier_heads; // after a name-like modifier: 系数, 帝国, 语 (person_modifier_heads.txt)
    people::WordSet regions; // provinces and prefectures, also without 省/市/县 (place_admin.txt)
    people::WordSet japanese; // Japanese family names: 桥本, 中曾根 (person_japanese_surnames.txt)
    CharSet japanese_given_ends = lexicon::read_chars("person_japanese_given_endings.txt"); // 彦, 郎: 小村|正彦
    people::WordSet tibetan;  // elements of Tibetan names: 扎西, 次仁 (person_tibetan_names.txt)
    people::WordSet place_heads; // 大桥, 水库, 高新区 after a candidate: a place's name (person_place_heads.txt)
    people::WordSet appointment_verbs; // 任命, 免去 before a name and 为/的 (person_appointment_verbs.txt)
    struct {
        people::WordSet demonstratives, units;
    } pronoun_units; // 该 + 校 before a title (title_pronoun_units.txt)

    Impl() {
        add_words("title_breaks.txt", breaks);
        add_words("title_verbs.txt", title_verbs);
        add_words("title_openers.txt", openers);
        for (const auto& line : lexicon::read_lines("place_admin.txt")) {
            const bool exact = line[0] == '=';
            std::u32string u = to_u32(exact ? line.substr(1) : line);
            if (u.size() >= 2) regions.add(u);
            if (!exact && u.size() >= 3 && (u.back() == U'省' || u.back() == U'市' || u.back() == U'县'))
                regions.add(u.substr(0, u.size() - 1));
        }
        add_words("person_modifier_heads.txt", modifier_heads);
        add_words("person_tibetan_names.txt", tibetan);
        add_words("person_place_heads.txt", place_heads);
        add_words("person_japanese_surnames.txt", japanese);
        add_words("person_byline_roles.txt", byline_roles);
        add_words("person_address.txt", address);
        add_words("person_appointment_verbs.txt", appointment_verbs);
        for (const auto& row : lexicon::read_table("title_pronoun_units.txt", 2)) {
            for (const auto& w : lexicon::words_of(row[0])) pronoun_units.demonstratives.add(to_u32(w));
            for (const auto& w : lexicon::words_of(row[1])) pronoun_units.units.add(to_u32(w));
        }
        for (const auto& line : lexicon::read_lines("place_world.txt")) {
            std::string_view w(line);
            if (!w.empty() && w[0] == '=') w.remove_prefix(1);
            std::u32string u = to_u32(w);
            if (u.size() >= 2) not_people.add(u);
        }
        for (const auto& row : lexicon::read_table("org_known.tsv", 1)) {
            std::u32string u = to_u32(row[0]);
            if (u.size() >= 2) not_people.add(u);
        }
        add_words("person_never.txt", not_people);
        for (const auto& row : lexicon::read_table("org_suffixes.tsv", 1))
            if (std::u32string u = to_u32(row[0]); u.size() >= 2) body_words.add(u);
        for (const auto& row : lexicon::read_table("person_village_contexts.tsv", 2)) {
            if (row[0] != "before" && row[0] != "after") throw Error("person_village_contexts.tsv: a side is before or after, not " + row[0]);
            for (const auto& w : lexicon::words_of(row[1])) (row[0] == "before" ? village_before : village_after).add(to_u32(w));
        }
    }

    // Title phrases written right before the name at s, in reading order: 扬州市委副书记、代市长王进健.
    // inside[i]: a dictionary word continues into char i (a break character inside a word is no
    // break: 成都农商银行党委副书记 is not cut at 都, "also", nor 有限公司董事长 at 有).
    std::vector<std::string> titles_before(const people::CharText& t, std::size_t s, const std::vector<char>& in_name,
                                           const std::vector<char>& inside) const {
        const std::u32string& c = t.c;
        std::vector<std::string> out;
        std::size_t k = s;
        // A list of leaders set with spaces (县委书记　孔德全　县长　符志远): the title before the spaces.
        {
            std::size_t q = k;
            while (q > 0 && k - q < 3 && (c[q - 1] == U' ' || c[q - 1] == 0x3000)) --q;
            if (q < k && q > 0 && model.titles().longest_before(c, q) > 0) k = q;
        }
        // A note in brackets between the title and the name is the title's (管委会副主任（主持工作）金卫国).
        std::size_t note = 0;
        if (k >= 4)
            if (const std::size_t o = bracket_open(c, k - 1); o != std::u32string::npos && o >= 1 && model.titles().longest_before(c, o) > 0) {
                note = k - o;
                k = o;
            }
        while (true) {
            std::size_t tl = model.titles().longest_before(c, k);
            if (tl == 0) break;
            std::size_t b = k - tl;
            // The organisation part: Han characters back to punctuation, a break word or another name;
            // Latin letters inside it are part of a name (德国SCHMIDT公司亚太区总裁).
            auto latin = [&](char32_t ch) { return (ch >= U'A' && ch <= U'Z') || (ch >= U'a' && ch <= U'z'); };
            // A department named for two fields joined by 和 (文化和旅游局, 住房和城乡建设局): the 和 before
            // a unit with a bureau's suffix (…和旅游局|党组书记) holds the name together.
            // So does 与 before a school's department (材料科学与|工程学院党委书记).
            auto joins_department = [&](std::size_t at) { // c[at] == 和 or 与, the unit runs from at + 1 to k - tl
                const std::size_t e = k - tl;
                if ((c[at] != U'和' && c[at] != U'与') || e <= at + 2 || e - at > 10) return false;
                // (a field before it, not a body: …）与|区人民医院院长, 区人民医院与|…学院院长)
                if (c[at] == U'与' && (at == 0 || !people::is_han(c[at - 1]) || body_end_chars.count(c[at - 1])))
                    return false;
                const std::u32string_view units = c[at] == U'和' ? U"局厅部委办" : U"院系所科";
                for (std::size_t q = at + 3; q <= e; ++q)
                    if (units.find(c[q - 1]) != std::u32string_view::npos) return true;
                return false;
            };
            // A place in brackets inside a company's name (海默（江州）汽车科技有限公司总经理) is part of it.
            auto bracketed_place = [&](std::size_t at) -> std::size_t { // c[at - 1] closes; where it opens, or 0
                if (at < 4) return 0;
                const std::size_t o = bracket_open(c, at - 1);
                return o != std::u32string::npos && o + 2 < at && o >= 1 && (people::is_han(c[o - 1]) || latin(c[o - 1])) ? o : 0; // (ABB（中国）…)
            };
            while (b > 0 && k - b < max_title) {
                if (const std::size_t o = bracketed_place(b); o && b < k && !in_name[o]) {
                    b = o;
                    continue;
                }
                // (a Latin name's dots and spaces too: ABC Logistics Ltd.亚太区经理)
                const bool latin_gap = (c[b - 1] == U'.' || c[b - 1] == U' ') && b >= 2 && latin(c[b - 2]) && b < k &&
                                       (latin(c[b]) || c[b - 1] == U'.');
                if (!(people::is_han(c[b - 1]) || (latin(c[b - 1]) && b < k) || latin_gap) || in_name[b - 1]) break;
                const std::size_t bl = breaks.longest_before(c, b);
                if (bl && openers.longest_at(c, b - bl) <= bl && !(bl == 1 && (inside[b - 1] || (b < c.size() && inside[b]))) &&
                    !(bl == 1 && joins_department(b - 1)) &&
                    // (华|为技术有限公司…总经理: a one-character break that ends a two-character brand
                    // opening the clause, each character a word of its own)
                    !(bl == 1 && b >= 2 && (b == 2 || !people::is_han(c[b - 3])) && people::is_han(c[b - 2]) && !inside[b - 1] &&
                      !inside[b - 2] && !breaks.longest_before(c, b - 1)))
                    break;
                --b;
            }
            // 该校|校长: the demonstrative's unit is no part of the title (title_pronoun_units.txt).
            if (b >= 1 && b + 1 < k && pronoun_units.demonstratives.contains(std::u32string(1, c[b - 1])) &&
                pronoun_units.units.contains(std::u32string(1, c[b])))
                ++b;
            out.push_back(t.str(b, k + note));
            note = 0;
            // 市委常委、常务副市长王学峰: titles joined by 、 all belong to the name; so do those of a 、-chain
            // before a comma inside it (县委常委、副县长，开发区党工委书记江涛), when a title ends there.
            auto chain_before_comma = [&] {
                if (b < 3 || (c[b - 1] != U'，' && c[b - 1] != U',') || in_name[b - 2] || model.titles().longest_before(c, b - 1) == 0)
                    return false;
                const std::size_t e = c.rfind(enum_comma, b - 2);
                // (no name in between: …教授郑思远当选为市科协主席，市科协党组书记余晓红 is another's title)
                return e != std::u32string::npos && b - 1 - e <= max_title &&
                       std::none_of(in_name.begin() + static_cast<std::ptrdiff_t>(e), in_name.begin() + static_cast<std::ptrdiff_t>(b - 1), [](char x) { return x != 0; });
            };
            if (b >= 2 && c[b - 1] == enum_comma && !in_name[b - 2]) k = b - 1;
            else if (chain_before_comma()) k = b - 1;
            else break;
        }
        std::reverse(out.begin(), out.end());
        return out;
    }
};

PeopleExtractor::PeopleExtractor() : impl_(std::make_unique<Impl>()) {}
PeopleExtractor::~PeopleExtractor() = default;

std::vector<Person> PeopleExtractor::extract(const ExtractContext& ctx) const {
    people::CharText t(ctx.text);
    const std::u32string& c = t.c;
    // ICU's dictionary holds common words, not names: a candidate whose surname is the tail of a
    // dictionary word (内容|丰富 → 容丰富) is that word's remainder, not a person.
    std::vector<char> inside(c.size(), 0); // 1 when a dictionary word of 2+ Han chars continues into char i
    std::vector<std::uint8_t> word_at(c.size(), 0); // length of the dictionary word starting at char i
    std::vector<char> bounds(c.size() + 1, 0);       // 1 where an ICU word begins or ends (a model feature)
    {
        std::size_t ci = 0;
        for (const auto& w : ctx.words) {
            while (ci < c.size() && t.off[ci] < w.begin) ++ci;
            std::size_t k = ci;
            while (k < c.size() && t.off[k] < w.end) ++k;
            bounds[ci] = bounds[k] = 1;
            if (k - ci >= 2 && people::is_han(c[ci]) && people::is_han(c[k - 1]))
                for (std::size_t q = ci + 1; q < k; ++q) inside[q] = 1;
            if (k - ci >= 2 && people::is_han(c[ci])) word_at[ci] = static_cast<std::uint8_t>(std::min<std::size_t>(k - ci, 255));
        }
    }
    std::vector<people::NameSpan> spans = impl_->model.find(t, bounds);
    // 老同志 at e - 1 is "veteran comrades", not the honorific X老 (汤老) and 同志: 向|老同志, 祝|老同志.
    auto veteran = [&](std::size_t e) {
        return e >= 1 && e + 1 < c.size() && c[e - 1] == U'老' && c[e] == U'同' && c[e + 1] == U'志';
    };
    // Shape of a Chinese name: a surname and one or two characters (compound: two and one or two).
    auto chinese_shape = [&](const people::NameSpan& s) {
        const std::size_t len = s.end - s.begin;
        if (std::any_of(c.begin() + s.begin, c.begin() + s.end, people::is_dot)) return false;
        if (impl_->model.is_surname(c[s.begin]) && (len == 2 || len == 3)) return true;
        return (len == 3 || len == 4) && impl_->model.is_compound(std::u32string_view(c).substr(s.begin, 2));
    };
    // The dot is written only inside names: a name found up to a dot, or ending inside a dotted run
    // longer than the model's candidates, runs over all dot-joined parts (亨利·戴维|·梭罗,
    // 艾哈|迈德·本·穆罕默德·萨利姆, 罗多尔佛·|塞尔特扎·塞维里诺). Spans it runs into are merged.
    {
        const auto& m = impl_->model;
        auto tr = [&](std::size_t q) { return q < c.size() && m.maybe_translit(c[q]); };
        auto end_weight = [&](char32_t ch) {
            std::string k = "FE=";
            utf8::append(k, ch);
            return m.weight(k);
        };
        bool merged = false;
        for (auto& s : spans) {
            // forward: the whole dotted run from the span's start
            std::size_t e = s.begin, dots = 0, dot_after = 0;
            while (e - s.begin < max_dotted) {
                if (tr(e)) ++e;
                else if (e > s.begin && e + 1 < c.size() && people::is_dot(c[e]) && tr(e + 1)) {
                    ++dots;
                    if (e >= s.end) ++dot_after;
                    ++e;
                } else break;
            }
            if (e > s.end && dots > 0 && (dot_after > 0 || std::any_of(c.begin() + s.begin, c.begin() + s.end, people::is_dot)) &&
                !tr(e) && !(e < c.size() && people::is_dot(c[e]))) {
                s.end = static_cast<std::uint32_t>(e);
                merged = true;
            }
            // backward: parts before a dot right before the span — or before the part the span starts
            // inside (伊万诺维|奇·沃尔科夫: the model took the part's last character only)
            std::size_t b = s.begin;
            if (std::any_of(c.begin() + s.begin, c.begin() + s.end, people::is_dot) && b > 0 && !people::is_dot(c[b - 1]) && tr(b - 1)) {
                std::size_t q = b;
                // (not over a title ending there: 文莱苏丹|哈桑纳尔·博尔基亚)
                while (q > 0 && tr(q - 1) && b - q < 6 && impl_->model.titles().longest_before(c, q) == 0) --q;
                if (q > 0 && people::is_dot(c[q - 1])) b = q; // (only when a dot opens that part)
                else if (q == 0 || !people::is_han(c[q - 1]) || impl_->model.titles().longest_before(c, q) > 0) b = q;
            }
            while (b >= 2 && people::is_dot(c[b - 1]) && tr(b - 2) && s.end - b < max_dotted) {
                std::size_t q = b - 1;
                while (q > 0 && tr(q - 1) && b - q < 6) --q;
                if (q > 0 && tr(q - 1)) break; // a part longer than a name part: leave it
                b = q;
            }
            // A given name joined by a hyphen before a dotted name (让-皮埃尔·杜邦) is part of it.
            if (b >= 2 && (c[b - 1] == U'-' || c[b - 1] == U'－') && tr(b - 2) &&
                std::any_of(c.begin() + b, c.begin() + s.end, people::is_dot)) {
                std::size_t q = b - 1;
                while (q > 0 && tr(q - 1) && b - q < 4 && impl_->model.titles().longest_before(c, q) == 0) --q;
                if (q < b - 1) b = q;
            }
            if (b < s.begin) {
                s.begin = static_cast<std::uint32_t>(b);
                merged = true;
            }
            // The last part ends where a dictionary word running past it starts (买买提|新疆,
            // 克雷库|来访, 谢松|法国) when the model finds the shorter part a likelier name end (FE=):
            // 司马义·艾买提|出席 keeps its 提.
            std::size_t d = s.end;
            while (d > s.begin && !people::is_dot(c[d - 1])) --d;
            if (d > s.begin)
                for (std::size_t q = d + 1; q < s.end; ++q)
                    if (word_at[q] >= 2 && q + word_at[q] > s.end) {
                        if (end_weight(c[q - 1]) > end_weight(c[s.end - 1])) s.end = static_cast<std::uint32_t>(q);
                        break;
                    }
        }
        if (merged) {
            std::stable_sort(spans.begin(), spans.end(), [](const people::NameSpan& a, const people::NameSpan& b) {
                return (a.end - a.begin) > (b.end - b.begin);
            });
            std::vector<char> taken(c.size(), 0);
            std::vector<people::NameSpan> kept;
            for (const auto& s : spans) {
                if (std::any_of(taken.begin() + s.begin, taken.begin() + s.end, [](char x) { return x != 0; })) continue;
                std::fill(taken.begin() + s.begin, taken.begin() + s.end, 1);
                kept.push_back(s);
            }
            std::sort(kept.begin(), kept.end(),
                      [](const people::NameSpan& a, const people::NameSpan& b) { return a.begin < b.begin; });
            spans = std::move(kept);
        }
    }
    // A name ending right at a dot goes on after it (于尔根|·吕特格尔斯昨天): the dot is written only
    // inside names. The part after it is the single characters ICU cut the transliteration into, up
    // to a dictionary word, punctuation or a function character; two at least.
    // So does a name that ends one character after its last dot (古丽米热·艾|合|买|提汇报): the model's
    // candidates stop at a character it does not know in transliterations.
    for (std::size_t k = 0; k < spans.size(); ++k) {
        auto& s = spans[k];
        const std::size_t limit = k + 1 < spans.size() ? spans[k + 1].begin : c.size();
        const bool one_after = s.end >= s.begin + 3 && people::is_dot(c[s.end - 2]) && word_at[s.end - 1] < 2;
        if (one_after) s.end -= 2; // (read again from the dot)
        const std::uint32_t found_end = s.end;
        while (s.end + 2 < limit && people::is_dot(c[s.end]) && people::is_han(c[s.end + 1])) {
            // (a word ICU made of transliteration characters only is part of it: 吕特|格尔|斯; not 夫妇, 昨天)
            auto translit_word = [&](std::size_t q) {
                if (word_at[q] < 2 || q + word_at[q] > limit) return false;
                for (std::size_t r = q; r < q + word_at[q]; ++r)
                    if (!impl_->model.is_translit(c[r])) return false;
                return true;
            };
            std::size_t e = s.end + 1;
            while (e < limit && e - s.end <= 8 && people::is_han(c[e]) && !impl_->given_name_stops.count(c[e]) &&
                   impl_->model.stops().longest_at(c, e) == 0) {
                if (translit_word(e)) e += word_at[e];
                else if (word_at[e] < 2 && !inside[e]) ++e;
                else break;
            }
            const bool ends = e >= c.size() || !people::is_han(c[e]) || people::is_dot(c[e]) || word_at[e] >= 2 ||
                              impl_->given_name_stops.count(c[e]) || impl_->model.stops().longest_at(c, e) > 0;
            if (e - s.end < 3 || !ends || s.end - s.begin + (e - s.end) > max_dotted) break;
            s.end = static_cast<std::uint32_t>(e);
        }
        if (one_after && s.end == found_end) s.end += 2; // (not longer: as the model found it)
        // …诗里巴尼夫|妇, 汉斯·韦伯代|表: a dotted name does not end inside a word that follows names (夫妇,
        // 夫人) or a title running past it (but 司马义·艾买提|出席 keeps its 提: 提出 follows no name).
        if (s.end < c.size() && inside[s.end] && std::any_of(c.begin() + s.begin, c.begin() + s.end, people::is_dot)) {
            std::size_t w = s.end - 1;
            while (w > s.begin && inside[w]) --w;
            if (w > s.begin + 1 && !people::is_dot(c[w - 1]) && !people::is_dot(c[w - 2]) &&
                (w + impl_->model.stops().longest_at(c, w) > s.end || w + impl_->model.titles().longest_at(c, w) > s.end))
                s.end = static_cast<std::uint32_t>(w);
        }
    }
    // Transliterated names end before the next word: trim a trailing function character
    // (卡伦·布里克森曾) and a country or city written right after (兰贝托·迪尼圣马力诺).
    for (auto& s : spans) {
        if (chinese_shape(s)) continue;
        while (s.end - s.begin >= 3 && impl_->translit_trailing.count(c[s.end - 1]) && !people::is_dot(c[s.end - 2])) --s.end;
        const std::size_t pl = impl_->not_people.longest_before(c, s.end);
        if (pl >= 3 && s.end - pl >= s.begin + 2 && !people::is_dot(c[s.end - pl - 1]))
            s.end = static_cast<std::uint32_t>(s.end - pl);
    }
    // A province or city written right after a two-character name takes the name's third character
    // (科协主席谭葵|湘潭大学, 局长霍成|青海省): lines of a list run names and places together.
    for (auto& s : spans) {
        if (s.end - s.begin != 3 || !chinese_shape(s) || impl_->regions.longest_at(c, s.begin) >= 2) continue;
        const std::size_t pl = impl_->regions.longest_at(c, s.end - 1);
        if (pl >= 2) --s.end;
    }
    // A foreign name after a title whose first character is also a surname (外交大臣沃勒|贝克, 市长卢日科|夫,
    // 行长沃尔|劳森) was read as a Chinese name: when the span and the characters after it are all
    // transliteration characters, four or more in all, up to a non-Han character, a word that follows
    // names, a title, a function character or a dictionary word, the whole run is the name.
    for (std::size_t k = 0; k < spans.size(); ++k) {
        auto& s = spans[k];
        if (!chinese_shape(s) || s.begin == 0 || impl_->model.titles().longest_before(c, s.begin) == 0) continue;
        if (!std::all_of(c.begin() + s.begin, c.begin() + s.end, [&](char32_t ch) { return impl_->model.is_translit(ch); }))
            continue;
        const std::size_t limit = k + 1 < spans.size() ? spans[k + 1].begin : c.size();
        std::size_t e = s.end;
        while (e < limit && e - s.begin < 7 && people::is_han(c[e]) && impl_->model.is_translit(c[e]) && word_at[e] < 2 &&
               !impl_->given_name_stops.count(c[e]) && !impl_->translit_trailing.count(c[e]) &&
               impl_->model.stops().longest_at(c, e) == 0 && impl_->model.titles().longest_at(c, e) == 0)
            ++e;
        // (the run may end in a dictionary word of transliteration characters, 沃勒|贝克, when
        // punctuation, a digit, a word that follows names or a title comes after it)
        if (const std::size_t w = e < limit ? word_at[e] : 0; w >= 2 && e + w <= limit && e + w - s.begin <= 7 &&
            std::all_of(c.begin() + e, c.begin() + e + w, [&](char32_t ch) { return impl_->model.is_translit(ch); })) {
            const std::size_t q = e + w;
            if (q >= c.size() || !people::is_han(c[q]) || impl_->model.stops().longest_at(c, q) > 0 ||
                impl_->model.titles().longest_at(c, q) > 0)
                e = q;
        }
        if (e == s.end || e - s.begin < 4) continue;
        const bool ends = e >= c.size() || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) > 0 ||
                          impl_->model.titles().longest_at(c, e) > 0 || impl_->given_name_stops.count(c[e]) ||
                          impl_->translit_trailing.count(c[e]) || word_at[e] >= 2;
        if (ends) s.end = static_cast<std::uint32_t>(e);
    }
    // A dotted name whose first part has a character the model does not know as a transliteration
    // (尧|西·旺堆, 尼牙|孜·皮达) starts where the clause or a title does: take those characters in;
    // right after a title even a function character (外长于|贝尔·韦德里纳),
    // not a conjunction (总统和|塞·马丁 is two people).
    for (std::size_t k = 0; k < spans.size(); ++k) {
        auto& s = spans[k];
        const auto dot = std::find_if(c.begin() + s.begin, c.begin() + s.end, people::is_dot);
        if (dot == c.begin() + s.end) continue;
        const std::size_t first_part = static_cast<std::size_t>(dot - c.begin()) - s.begin;
        const std::size_t floor = k > 0 ? spans[k - 1].end : 0;
        std::size_t b = s.begin;
        while (b > floor && s.begin - b < 3 && first_part + (s.begin - b) < 6 && people::is_han(c[b - 1]) &&
               ((!impl_->given_name_stops.count(c[b - 1]) && !impl_->translit_trailing.count(c[b - 1])) ||
                (impl_->model.titles().longest_before(c, b - 1) > 0 &&
                 !impl_->conjunction_surnames.count(c[b - 1]) && !impl_->given_name_stops.count(c[b - 1]))) &&
               impl_->model.titles().longest_before(c, b) == 0)
            --b;
        const bool at_start = b == 0 || !people::is_han(c[b - 1]) || impl_->model.titles().longest_before(c, b) > 0;
        if (b < s.begin && b >= floor && at_start) s.begin = static_cast<std::uint32_t>(b);
    }
    {
        const double sure = impl_->model.threshold() + exact_word_margin;
        const auto& titles = impl_->model.titles();
        // A compound surname with one given character followed by a lone character that ICU
        // joins to nothing (欧阳|明|华，, 司马|文|涛|陪同): the given name has two characters.
        for (std::size_t k = 0; k < spans.size(); ++k) {
            auto& s = spans[k];
            const std::size_t e = s.end;
            if (e - s.begin != 3 || !impl_->model.is_compound(c.substr(s.begin, 2))) continue;
            if (e >= c.size() || !people::is_han(c[e]) || inside[e] || word_at[e]) continue;
            // (not over a word that follows names or a function character: 司马徽|的, 司马徽|说)
            if (impl_->given_name_stops.count(c[e]) || impl_->translit_trailing.count(c[e]) || impl_->model.stops().longest_at(c, e)) continue;
            if (k + 1 < spans.size() && spans[k + 1].begin <= e) continue;
            if (e + 1 < c.size() && people::is_han(c[e + 1]) && inside[e + 1]) continue;
            s.end = static_cast<std::uint32_t>(e + 1);
        }
        // A surname and one given character followed by a lone character that ICU joins to nothing,
        // before a word, a title or punctuation (孙建|密|同志, 朱圣|练|说): the given name has two
        // characters, unless the two-character form is written elsewhere without it.
        for (std::size_t k = 0; k < spans.size(); ++k) {
            auto& s = spans[k];
            const std::size_t e = s.end;
            if (e - s.begin != 2 || !impl_->model.is_surname(c[s.begin])) continue;
            if (e >= c.size() || !people::is_han(c[e]) || inside[e] || word_at[e] || !bounds[e + 1]) continue;
            if (k + 1 < spans.size() && spans[k + 1].begin <= e) continue;
            if (impl_->given_name_stops.count(c[e]) || impl_->translit_trailing.count(c[e]) || impl_->given_name_particles.count(c[e])) continue;
            if (impl_->model.stops().longest_at(c, e) || titles.longest_at(c, e)) continue;
            const std::size_t f = e + 1;
            const bool ends = f >= c.size() || !people::is_han(c[f]) || word_at[f] >= 2 ||
                              impl_->model.stops().longest_at(c, f) || titles.longest_at(c, f);
            if (!ends) continue;
            const std::u32string_view two = std::u32string_view(c).substr(s.begin, 2);
            bool alone = false;
            for (std::size_t pos = c.find(two); pos != std::u32string::npos && !alone; pos = c.find(two, pos + 1))
                if (pos != s.begin && (pos + 2 >= c.size() || c[pos + 2] != c[e])) alone = true;
            if (alone) continue;
            s.end = static_cast<std::uint32_t>(e + 1);
        }
        // A surname and one character whose given name ICU took for a word with the next character
        // (省长田|凤山|来到, 副部长刘|成果|对): the name has three characters. In PFR DEV, of the gold
        // names a surname starts with such a word after it, 910 have three characters and 17 two.
        for (std::size_t k = 0; k < spans.size(); ++k) {
            auto& s = spans[k];
            const std::size_t e = s.end;
            if (e - s.begin != 2 || !impl_->model.is_surname(c[s.begin]) || e >= c.size() || word_at[e - 1] != 2) continue;
            if (!people::is_han(c[e]) || impl_->given_name_stops.count(c[e]) || impl_->translit_trailing.count(c[e]) ||
                impl_->given_name_particles.count(c[e]) || impl_->function_surnames.count(c[e]))
                continue;
            if (k + 1 < spans.size() && spans[k + 1].begin <= e) continue;
            s.end = static_cast<std::uint32_t>(e + 1);
        }
        // A three-character name written once whose first two characters stand elsewhere in the
        // record before a non-Han character, a word that follows names or a function character
        // (倪萍答：“… 倪萍说), the name has two characters and the third is the next word's (答, 以, 却).
        for (auto& s : spans) {
            if (s.end - s.begin != 3 || !impl_->model.is_surname(c[s.begin]) || !people::is_han(c[s.begin + 2])) continue;
            // (not a list item: 、王文元、 is the whole name)
            if ((s.begin > 0 && c[s.begin - 1] == enum_comma) || (s.end < c.size() && (c[s.end] == enum_comma || is_open(c[s.end]))))
                continue;
            const std::u32string_view three = std::u32string_view(c).substr(s.begin, 3);
            const std::u32string_view two = three.substr(0, 2);
            if (c.find(three) != s.begin || c.find(three, s.begin + 1) != std::u32string::npos) continue; // written once
            bool alone = false;
            for (std::size_t pos = c.find(two); pos != std::u32string::npos && !alone; pos = c.find(two, pos + 1))
                if (pos != s.begin && (pos == 0 || !people::is_han(c[pos - 1])) &&
                    (pos + 2 >= c.size() || !people::is_han(c[pos + 2]) || impl_->model.stops().longest_at(c, pos + 2) ||
                     impl_->given_name_stops.count(c[pos + 2]) || impl_->translit_trailing.count(c[pos + 2])))
                    alone = true;
            if (alone) --s.end;
        }
        // A two-character name right before the character that makes it a three-character name found
        // elsewhere in the record (县委书记甘伟|国来…。甘伟国一行…) is that name.
        for (std::size_t k = 0; k < spans.size(); ++k) {
            auto& s = spans[k];
            if (s.end - s.begin != 2 || s.end >= c.size() || !people::is_han(c[s.end]) || (k + 1 < spans.size() && spans[k + 1].begin <= s.end))
                continue;
            const std::u32string_view three = std::u32string_view(c).substr(s.begin, 3);
            if (std::any_of(spans.begin(), spans.end(), [&](const people::NameSpan& o) {
                    return o.end - o.begin == 3 && o.begin != s.begin && std::u32string_view(c).substr(o.begin, 3) == three;
                }))
                ++s.end;
        }
        // 和张勇 where 张勇 is also written without the 和 (张勇说): the rest is the name. A surname check
        // alone would also split 曾辛元, 于燕文.
        auto rest_is_name_elsewhere = [&](const people::NameSpan& s) {
            if (s.end - s.begin < 3 || !impl_->model.is_surname(c[s.begin + 1])) return false;
            const std::u32string rest = c.substr(s.begin + 1, s.end - s.begin - 1);
            for (std::size_t pos = c.find(rest); pos != std::u32string::npos; pos = c.find(rest, pos + 1))
                if (pos == 0 || c[pos - 1] != c[s.begin]) return true;
            return false;
        };
        // 总书记和|李鹏总理: a conjunction in the middle of a clause glued to the name after it; the
        // rest is the name when it has a name's shape (the conjunction alone is dropped below).
        for (auto& s : spans)
            if (s.end - s.begin == 3 && impl_->conjunction_surnames.count(c[s.begin]) && s.begin > 0 &&
                !clause_end(c[s.begin - 1]) && c[s.begin - 1] != enum_comma && impl_->model.is_surname(c[s.begin + 1]) &&
                !impl_->function_surnames.count(c[s.begin + 1]) && !impl_->conjunction_surnames.count(c[s.begin + 1]) &&
                word_at[s.begin + 1] < 2 && !inside[s.begin + 1] && !impl_->model.titles().longest_at(c, s.begin + 2) &&
                (s.end >= c.size() || !people::is_han(c[s.end]) || impl_->model.titles().longest_at(c, s.end) ||
                 impl_->model.stops().longest_at(c, s.end)))
                ++s.begin;
        // 李红|带队, 刘晓|牵头: a three-character candidate whose last character opens a word that
        // follows names (ICU glued 红带; 牵 looks like a given name's) is the two before it.
        for (auto& s : spans)
            if (s.end - s.begin == 3 && s.end < c.size() && chinese_shape(s) && impl_->model.stops().longest_at(c, s.end - 1) >= 2)
                --s.end;
        std::erase_if(spans, [&](const people::NameSpan& s) {
            // (unless a title or a role noun ends right before it and ICU only joined its last
            // character to the surname: 会长|安|士伟 read as 会|长安|…; not 省长|沙市)
            // (…and the title or role noun starts where an ICU word does: not 社|会长 in 社会|长治|久安;
            // or inside a doubled character, the unit's and the title's: 卫生健康处处|长孙|立新)
            auto word_before = [&](const people::WordSet& set) {
                for (std::size_t len = 1; len <= max_title && len <= s.begin; ++len) {
                    const std::size_t p = s.begin - len;
                    const bool starts = bounds[p] || (p >= 1 && c[p - 1] == c[p] && bounds[p - 1]);
                    if (starts && set.contains(std::u32string_view(c).substr(p, len))) return true;
                }
                return false;
            };
            if (inside[s.begin] != 0 &&
                !(s.begin > 0 && word_at[s.begin - 1] == 2 &&
                  // (a city ICU glued the title's last character into is the place only when a unit or a
                  // word follows it: 省长|沙市, not 局长|沙|永|红)
                  (!impl_->regions.longest_at(c, s.begin - 1) ||
                   (s.begin + 1 < c.size() && s.end - s.begin == 3 && word_at[s.begin + 1] < 2 && !inside[s.begin + 2] &&
                    std::u32string_view(U"市县区省州镇乡").find(c[s.begin + 1]) == std::u32string_view::npos &&
                    (s.end >= c.size() || !inside[s.end]))) &&
                  (word_before(titles) || word_before(impl_->model.cues()))))
                return true;
            // 和|财务, 从|学校, 和|副书记, 和|张勇: a function-word surname before a word, a title or a name is
            // the function word; the model's surname prior cannot tell these from 和志强.
            // Likewise when the function word is itself the start of a word ending inside the candidate
            // (曾经|在, 于是) or another function character follows it (曾于).
            // Not inside a list of names, though (…、于建国、…): there an item starts a name.
            const bool list_item =
                s.begin > 0 && s.end < c.size() &&
                ((c[s.begin - 1] == enum_comma && (c[s.end] == enum_comma || clause_end(c[s.end]))) ||
                 (clause_end(c[s.begin - 1]) && c[s.end] == enum_comma));
            // Nor right after a title, when the function word is a common surname too (于 5, 曾 3; not 向 7,
            // 全 9, 从 10: 主席向|全军 stays) and the given characters are all seen in given names (律师|于|海波):
            // not 主任和|副书记.
            const bool titled_given = s.begin > 0 && impl_->model.surname_bucket(c[s.begin]) <= 5 && titles.longest_before(c, s.begin) > 0 && s.end - s.begin == 3 &&
                                      std::none_of(c.begin() + s.begin + 1, c.begin() + s.end, [&](char32_t ch) { return impl_->model.never_given(ch); }) &&
                                      impl_->model.stops().longest_at(c, s.begin + 1) == 0 && titles.longest_at(c, s.begin + 1) == 0;
            if (s.end - s.begin >= 2 && !list_item && !titled_given && impl_->function_surnames.count(c[s.begin]) &&
                (word_at[s.begin + 1] >= 2 || titles.longest_at(c, s.begin + 1) > 0 || rest_is_name_elsewhere(s) ||
                 (word_at[s.begin] >= 2 && word_at[s.begin] < s.end - s.begin) ||
                 impl_->function_surnames.count(c[s.begin + 1]) || impl_->given_name_stops.count(c[s.begin + 1])))
                return true;
            // 白沙镇、云峰乡等: a name ending like a township next to another place in a 、-list is a place.
            {
                static constexpr std::u32string_view units = U"乡镇县村";
                auto unit = [&](char32_t ch) { return units.find(ch) != std::u32string_view::npos; };
                if (s.end - s.begin == 3 && unit(c[s.end - 1])) {
                    bool near = s.begin >= 2 && c[s.begin - 1] == enum_comma && unit(c[s.begin - 2]);
                    if (!near && s.end < c.size() && c[s.end] == enum_comma) {
                        std::size_t q = s.end + 1;
                        while (q < c.size() && q - s.end <= 8 && people::is_han(c[q])) ++q;
                        near = q > s.end + 2 && unit(c[q - 1]);
                    }
                    if (near) return true;
                }
            }
            // 蒯海燕同志|任青州…: after a name's 同志, 任 and 为 are the appointment's verb.
            if (s.begin >= 2 && c[s.begin - 2] == U'同' && c[s.begin - 1] == U'志' && (c[s.begin] == U'任' || c[s.begin] == U'为'))
                return true;
            // 和|市直, 总经理和|乘务员, 国|时: a conjunction in the middle of a clause.
            // (Not a two-character name right after a title before a word that follows names: 县委副书记和静|出席;
            // a lone character is nothing a conjunction could join there.)
            const bool titled_pair = s.end - s.begin == 2 && titles.longest_before(c, s.begin) > 0 && s.end < c.size() &&
                                     impl_->model.stops().longest_at(c, s.end) > 0 && word_at[s.begin + 1] < 2 && !inside[s.begin + 1];
            if (impl_->conjunction_surnames.count(c[s.begin]) && s.begin > 0 && !clause_end(c[s.begin - 1]) &&
                c[s.begin - 1] != enum_comma && !titled_pair)
                return true;
            // A dotted name (司马义·艾买提) is no dictionary word, whatever ICU joins around it (提出).
            if (std::any_of(c.begin() + s.begin, c.begin() + s.end, people::is_dot)) return false;
            // A country, city or body written like a transliterated name, or the start of a longer
            // one (莫桑比克, 吉尔吉斯|斯坦, 欧佩克).
            // A modifier of a common noun: 恩格尔|系数, 奥斯曼|帝国, 桑戈语, 雷锋式.
            if (impl_->modifier_heads.longest_at(c, s.end) ||
                (s.end - s.begin >= 3 && impl_->modifier_heads.contains(std::u32string_view(c).substr(s.end - 1, 1))))
                return true;
            // A Chinese province or city by its name alone (云南, 福州, 金昌).
            if (impl_->regions.contains(std::u32string_view(c).substr(s.begin, s.end - s.begin))) return true;
            // A byline's role (通讯员: 通 is a surname) is no name.
            if (impl_->byline_roles.contains(std::u32string_view(c).substr(s.begin, s.end - s.begin))) return true;
            const std::size_t np = impl_->not_people.longest_at(c, s.begin);
            if (np >= s.end - s.begin || (np >= 3 && !chinese_shape(s))) return true;
            // A transliterated company name: 万德莱|公司, 万德莱公司.
            if (!chinese_shape(s) && (impl_->model.suffixes().longest_at(c, s.end) ||
                                      impl_->model.suffixes().longest_before(c, s.end) >= 2))
                return true;
            // A surname and a form of address or a title as the given name: 徐先生, 李主任.
            for (std::size_t q = s.begin + 1; q + 2 <= s.end && q <= s.begin + 2; ++q) {
                const std::u32string_view g = std::u32string_view(c).substr(q, s.end - q);
                if (q == s.begin + 2 && !impl_->model.is_compound(std::u32string_view(c).substr(s.begin, 2))) break;
                if (impl_->address.contains(g) || impl_->model.stops().contains(g) || titles.contains(g)) return true;
            }
            if (chinese_shape(s))
                for (std::size_t q = s.begin + 1; q < s.end; ++q)
                    if (impl_->given_name_particles.count(c[q])) return true;
            const bool strong = s.score >= sure || titles.longest_before(c, s.begin) > 0;
            // A candidate that is one whole dictionary word (沈阳, 祝福, but also 邓小平, 乔石) is
            // weighed by the model's WB feature: dropping them all here lost more names than it saved
            // (measured with scripts/eval --heldout).
            // The candidate's last character starts a dictionary word running past it (汪洋|中 …).
            // Unless what follows is a word that ends names (王|进|健一|行: ICU glued 健 to 一行).
            if (s.end < c.size() && inside[s.end] && s.score < sure && !impl_->model.stops().longest_at(c, s.end))
                return true;
            // A candidate ending in the 老 of 老同志 (爱戴|老同志).
            if (veteran(s.end)) return true;
            if (strong) return false;
            // A place qualifier in brackets inside a company name: 晶澳（高邮）光伏.
            if (s.begin >= 2 && s.end + 1 < c.size() && is_open(c[s.begin - 1]) && is_close(c[s.end]) &&
                people::is_han(c[s.begin - 2]) && people::is_han(c[s.end + 1]))
                return true;
            // A street, village or town named after the candidate's characters: 华山路, 金塘社区, 花王村.
            if (titles.longest_at(c, s.end) == 0 && place_after(c, s.end, impl_->place_suffixes)) return true;
            // Or a facility, zone or water body: 凤栖|大桥, 云岫高|新区 (the candidate took the zone's 高).
            if (titles.longest_at(c, s.end) == 0 &&
                (impl_->place_heads.longest_at(c, s.end) || (s.end - s.begin == 3 && impl_->place_heads.longest_at(c, s.end - 1) > 1)))
                return true;
            // A given name holding a function character is a phrase: 当仁不让 → 仁不让.
            for (std::size_t q = s.begin + 1; q < s.end; ++q)
                if (impl_->given_name_stops.count(c[q])) return true;
            return false;
        });
    }
    drop_list_items(c, spans, word_at);
    spelled_characters(c, spans, impl_->model, word_at);
    add_list_names(c, spans, impl_->not_people, impl_->model.titles());
    add_byline_names(c, spans, impl_->not_people, impl_->model.titles(), word_at, impl_->byline_roles, impl_->byline_unit_ends);
    add_ethnic_note_names(c, spans);
    add_latin_names(c, spans, impl_->model.titles(), impl_->model.stops());
    // The characters the names found so far hold (the rules below add only outside them).
    auto taken_by_names = [&] {
        std::vector<char> taken(c.size(), 0);
        for (const auto& s : spans) std::fill(taken.begin() + s.begin, taken.begin() + s.end, 1);
        return taken;
    };
    // A Japanese name is the kanji of a family name (two characters, a few three: 中曾根) and one to
    // three given characters with no cue (小渊惠三外相, 桥本龙太郎说, 羽田孜出任, 土井多贺子十日): in a
    // record that mentions 日本, a listed family name and given characters, before a word that ends
    // names, a title or punctuation, is a name. Two given characters are tried first, then one (片冈聪|九段,
    // not 片冈聪九), then three. (A Japanese company's legal form or 日方 tells Japan too: 株式会社丸山精工社长.)
    if (c.find(U"日本") != std::u32string::npos || c.find(U"株式会社") != std::u32string::npos || c.find(U"日方") != std::u32string::npos) {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        const auto& titles = impl_->model.titles();
        // after the name: punctuation, a word that ends names, a title, a form of address, a function
        // character or a dictionary word (细川护熙|担任); not a lone character (伊藤洋华|堂, 松下助听|器)
        auto ends_at = [&](std::size_t e) {
            return e >= c.size() || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) || titles.longest_at(c, e) ||
                   impl_->address.longest_at(c, e) || impl_->given_name_stops.count(c[e]) || (bounds[e] && word_at[e] >= 2);
        };
        auto given_ok = [&](std::size_t g, std::size_t e) {
            for (std::size_t q = g; q < e; ++q)
                if (!people::is_han(c[q]) || impl_->given_name_stops.count(c[q]) || impl_->given_name_particles.count(c[q]) ||
                    (q > g && (titles.longest_at(c, q) || impl_->model.stops().longest_at(c, q) || impl_->address.longest_at(c, q))))
                    return false;
            // (three given characters end as Japanese given names do: 龙太郎, 多贺子; not 小林|和中村)
            if (e - g == 3 && !impl_->japanese_given_ends.count(c[e - 1])) return false;
            // (the given name is no word of its own, 桥本|政权, 田中|先生, nor part of a word running past it —
            // unless a word that follows names comes right after it, 山田|健一|一行, 山田|健一|表示, or it
            // ends as Japanese given names do, 小村|正彦, 中曾根|康弘)
            const bool named_after = e < c.size() && impl_->model.stops().longest_at(c, e) > 0;
            if (g + word_at[g] == e && !named_after && !impl_->japanese_given_ends.count(c[e - 1])) return false;
            for (std::size_t q = g; q < e; ++q)
                if (q + word_at[q] > e) return false;
            if (e < c.size() && inside[e]) return false;
            const std::u32string_view given = std::u32string_view(c).substr(g, e - g);
            if (impl_->address.contains(given) || titles.contains(given) || impl_->model.stops().contains(given)) return false;
            if (e - g == 1 && (impl_->model.never_given(c[g]) || impl_->model.stops().longest_at(c, g) || titles.longest_at(c, g)))
                return false;
            return ends_at(e);
        };
        for (std::size_t b = 0; b + 3 <= c.size(); ++b) {
            const std::size_t fl = impl_->japanese.longest_at(c, b);
            if (fl < 2 || inside[b]) continue;
            const std::size_t g = b + fl;
            std::size_t e = 0;
            for (std::size_t gl : {2, 1, 3})
                if (g + gl <= c.size() && given_ok(g, g + gl)) {
                    e = g + gl;
                    break;
                }
            // (nor is the whole one dictionary word or a known place: 大西洋北上)
            if (e == 0 || word_at[b] == e - b || impl_->not_people.contains(std::u32string_view(c).substr(b, e - b))) continue;
            // (the family name alone found already, or with part of the given name, 山田|健一一行: the whole
            // name replaces it)
            auto alone = std::find_if(spans.begin(), spans.end(), [&](const people::NameSpan& s) { return s.begin == b && s.end >= b + 2 && s.end < e; });
            if (std::any_of(taken.begin() + (alone != spans.end() ? alone->end : b), taken.begin() + e, [](char x) { return x != 0; }) ||
                (alone == spans.end() && (taken[b] || taken[b + 1])))
                continue;
            if (alone != spans.end()) {
                alone->end = static_cast<std::uint32_t>(e);
            } else {
                added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
            }
            std::fill(taken.begin() + b, taken.begin() + e, 1);
        }
        merge_names(spans, added);
    }
    // A name joined by 和, 与, 及, 、 or ／ (doubles) to a name found (郝美玲和张日。, 莱莉和布朗、) is one too when it
    // has a name's shape and ends where names end: punctuation, a word that follows names, a title,
    // a form of address, a function character or a dictionary word. Its given characters must have
    // been seen in given names (孙淑伟和|田亮将|参加 does not take 将).
    {
        std::vector<char> taken = taken_by_names();
        const auto& titles = impl_->model.titles();
        auto strong_end = [&](std::size_t e) {
            return e >= c.size() || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) || titles.longest_at(c, e) ||
                   impl_->address.longest_at(c, e) || impl_->given_name_stops.count(c[e]);
        };
        auto ends_at = [&](std::size_t e) { return strong_end(e) || (word_at[e] >= 2 && !inside[e]); };
        std::vector<people::NameSpan> added;
        for (const auto& s : spans) {
            const std::size_t b = s.end + 1;
            if (b >= c.size() || (c[s.end] != U'和' && c[s.end] != U'与' && c[s.end] != U'及' && c[s.end] != enum_comma && c[s.end] != U'／')) continue;
            if (taken[b] || !people::is_han(c[b])) continue;
            std::size_t e = 0;
            if (impl_->model.is_surname(c[b]) && !impl_->function_surnames.count(c[b]) && !inside[b])
                for (std::size_t len = 2, weak = 0; len <= 3; ++len) {
                    const std::size_t q = b + len;
                    if (q > c.size() || !people::is_han(c[q - 1]) || taken[q - 1]) break;
                    if (impl_->given_name_stops.count(c[q - 1]) || impl_->model.never_given(c[q - 1])) break;
                    // (not a dictionary word and a character: 代表|团, 战友|如)
                    if (word_at[b] >= 2 && word_at[b] < len) break;
                    // The longest one before punctuation or a word that ends names (叶道英|夫人, not
                    // 叶道), else the shortest one before a dictionary word, unless it is one itself.
                    if (strong_end(q)) e = q;
                    else if (!weak && word_at[b] != len && word_at[q] >= 2 && !inside[q]) weak = q;
                    if (len == 3 && !e) e = weak;
                }
            if (!e && !chinese_shape(s))
                for (std::size_t q = b; q < c.size() && q - b < 5 && impl_->model.is_translit(c[q]) && !taken[q]; ++q)
                    if (q + 1 - b >= 2 && ends_at(q + 1) && !(q + 1 < c.size() && impl_->model.is_translit(c[q + 1]))) e = q + 1;
            if (!e) continue;
            const std::u32string_view item = std::u32string_view(c).substr(b, e - b);
            if (impl_->not_people.longest_at(c, b) || impl_->regions.contains(item) || titles.contains(item) ||
                impl_->address.contains(item) || impl_->model.stops().contains(item) ||
                (item.size() >= 3 && impl_->place_suffixes.count(item.back()))) // (曼苏里和宰汶村)
                continue;
            std::fill(taken.begin() + b, taken.begin() + e, 1);
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
        }
        // Likewise a name right before one found (在宋平和陈舜瑶, 时代的钟繇、王羲之), starting where names
        // start: after punctuation, a title or role noun, or a function character.
        for (const auto& s : spans) {
            if (s.begin < 3) continue;
            const std::size_t e = s.begin - 1;
            if (c[e] != U'和' && c[e] != U'与' && c[e] != U'及' && c[e] != enum_comma && c[e] != U'／') continue;
            if (taken[e - 1] || !people::is_han(c[e - 1]) || inside[e]) continue;
            auto starts_at = [&](std::size_t b) {
                return b == 0 || !people::is_han(c[b - 1]) || titles.longest_before(c, b) ||
                       impl_->model.cues().longest_before(c, b) || impl_->given_name_stops.count(c[b - 1]);
            };
            std::size_t b = 0;
            for (std::size_t len = 2; len <= 3 && len <= e && !b; ++len) {
                const std::size_t q = e - len;
                if (!people::is_han(c[q]) || taken[q] || inside[q]) break;
                if (!impl_->model.is_surname(c[q]) || impl_->function_surnames.count(c[q])) continue;
                bool ok = true;
                for (std::size_t k = q + 1; k < e && ok; ++k)
                    ok = !impl_->given_name_stops.count(c[k]) && !impl_->model.never_given(c[k]);
                if (ok && word_at[q] < 2 && starts_at(q)) b = q;
            }
            if (!b && !chinese_shape(s))
                for (std::size_t q = e; q > 0 && e - q < 5 && impl_->model.is_translit(c[q - 1]) && !taken[q - 1]; --q)
                    if (e - (q - 1) >= 2 && starts_at(q - 1) && !(q >= 2 && impl_->model.is_translit(c[q - 2]))) b = q - 1;
            if (!b) continue;
            const std::u32string_view item = std::u32string_view(c).substr(b, e - b);
            if (impl_->not_people.longest_at(c, b) || impl_->regions.contains(item) || titles.contains(item) ||
                impl_->address.contains(item) || impl_->model.stops().contains(item) ||
                (item.size() >= 3 && impl_->place_suffixes.count(item.back())))
                continue;
            std::fill(taken.begin() + b, taken.begin() + e, 1);
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
        }
        merge_names(spans, added);
    }
    // A name-shaped string right before a form of address (陪同人员艾伦小姐, 绿党领导人瓦内夫人,
    // 单基夫同志) is a name when it starts where names start: after punctuation, a title or role
    // noun, or a function character.
    {
        std::vector<char> taken = taken_by_names();
        const auto& titles = impl_->model.titles();
        // (not after a number: ２９年|行医生涯)
        auto starts_at = [&](std::size_t b) {
            return b == 0 || titles.longest_before(c, b) || impl_->model.cues().longest_before(c, b) ||
                   impl_->given_name_stops.count(c[b - 1]) || clause_end(c[b - 1]) || c[b - 1] == enum_comma ||
                   is_open(c[b - 1]) || c[b - 1] == U'“';
        };
        std::vector<people::NameSpan> added;
        for (std::size_t e = 2; e < c.size(); ++e) {
            if (!impl_->address.longest_at(c, e) || taken[e - 1] || inside[e]) continue;
            if (veteran(e)) continue; // (祝|老同志)
            std::size_t b = 0;
            for (std::size_t len = 2; len <= 3 && len <= e && !b; ++len) {
                const std::size_t q = e - len;
                if (!people::is_han(c[q]) || taken[q] || inside[q]) break;
                if (!impl_->model.is_surname(c[q]) || impl_->function_surnames.count(c[q])) continue;
                bool ok = true;
                for (std::size_t k = q + 1; k < e && ok; ++k)
                    ok = people::is_han(c[k]) && !impl_->given_name_stops.count(c[k]) && !impl_->model.never_given(c[k]);
                if (ok && word_at[q] < 2 && starts_at(q)) b = q;
            }
            if (!b)
                for (std::size_t q = e; q > 0 && e - q < 5 && people::is_han(c[q - 1]) && impl_->model.is_translit(c[q - 1]) &&
                                        !taken[q - 1];
                     --q)
                    if (e - (q - 1) >= 2 && starts_at(q - 1) && word_at[q - 1] < 2) b = q - 1;
            if (!b) continue;
            const std::u32string_view item = std::u32string_view(c).substr(b, e - b);
            if (impl_->not_people.longest_at(c, b) || impl_->regions.contains(item) || titles.contains(item) ||
                impl_->model.stops().contains(item) || impl_->address.longest_at(c, b))
                continue;
            std::fill(taken.begin() + b, taken.begin() + e, 1);
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
        }
        merge_names(spans, added);
    }
    // A Tibetan name is one or two name elements and no surname (副书记丹增, 次仁卓嘎说): in a
    // record that mentions 藏, such elements starting and ending where names do are a name.
    if (c.find(U'藏') != std::u32string::npos) {
        std::vector<char> taken = taken_by_names();
        const auto& titles = impl_->model.titles();
        auto starts_at = [&](std::size_t b) {
            return b == 0 || titles.longest_before(c, b) || impl_->model.cues().longest_before(c, b) ||
                   impl_->given_name_stops.count(c[b - 1]) || clause_end(c[b - 1]) || c[b - 1] == enum_comma ||
                   is_open(c[b - 1]) || c[b - 1] == U'“';
        };
        auto ends_at = [&](std::size_t e) {
            return e >= c.size() || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) || titles.longest_at(c, e) ||
                   impl_->address.longest_at(c, e) || impl_->given_name_stops.count(c[e]) || (word_at[e] >= 2 && !inside[e]);
        };
        std::vector<people::NameSpan> added;
        for (std::size_t b = 0; b + 2 <= c.size(); ++b) {
            const std::size_t l1 = impl_->tibetan.longest_at(c, b);
            if (!l1 || taken[b] || inside[b] || !starts_at(b)) continue;
            std::size_t e = b + l1;
            if (const std::size_t l2 = e < c.size() ? impl_->tibetan.longest_at(c, e) : 0; l2 && ends_at(e + l2)) e += l2;
            if (!ends_at(e) || (e < c.size() && inside[e]) ||
                std::any_of(taken.begin() + b, taken.begin() + e, [](char x) { return x != 0; }))
                continue;
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
            std::fill(taken.begin() + b, taken.begin() + e, 1);
        }
        merge_names(spans, added);
    }
    // Familiar address, 老 or 小 and a surname (老何说, 小许正在), where ICU keeps the three apart
    // from words (not 老师, 小康; not 老干部, 小白菜) and the pair ends where names end.
    {
        std::vector<char> taken = taken_by_names();
        const auto& titles = impl_->model.titles();
        std::vector<people::NameSpan> added;
        for (std::size_t b = 0; b + 2 <= c.size(); ++b) {
            // (a character that is mostly a surname where it starts a name: 老何, not 小农, 小门)
            if (!impl_->familiar.count(c[b]) || !impl_->model.is_surname(c[b + 1]) || impl_->function_surnames.count(c[b + 1]) ||
                impl_->model.surname_bucket(c[b + 1]) > kFamiliarSurnameBucket)
                continue;
            if (taken[b] || taken[b + 1] || inside[b] || inside[b + 1] || word_at[b] >= 2 || word_at[b + 1] >= 2) continue;
            const std::size_t e = b + 2;
            const bool ends = e >= c.size() || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) ||
                              titles.longest_at(c, e) || impl_->given_name_stops.count(c[e]) || (word_at[e] >= 2 && !inside[e]);
            if (!ends) continue;
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
            std::fill(taken.begin() + b, taken.begin() + e, 1);
        }
        merge_names(spans, added);
    }
    // A name introduced by 叫 / 名叫 (这家妈妈叫晋朝荣，, 一位叫司马徽的): a Chinese name's shape up to
    // punctuation or 的. Places are introduced so too (名叫普卡拉姆的村庄), hence the Chinese shape only.
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        for (std::size_t b = 1; b + 2 <= c.size(); ++b) {
            if (c[b - 1] != U'叫' || taken[b] || inside[b]) continue;
            for (std::size_t e = b + 3; e >= b + 2; --e) {
                if (e > c.size() || !chinese_shape({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0})) continue;
                if (e < c.size() && c[e] != U'的' && !clause_end(c[e]) && c[e] != enum_comma) continue;
                if (std::any_of(taken.begin() + b, taken.begin() + e, [](char x) { return x != 0; })) continue;
                bool ok = true;
                for (std::size_t q = b + 1; q < e && ok; ++q)
                    ok = !impl_->given_name_stops.count(c[q]) && !impl_->model.never_given(c[q]);
                const std::u32string_view item = std::u32string_view(c).substr(b, e - b);
                if (!ok || impl_->not_people.longest_at(c, b) || impl_->regions.contains(item) ||
                    impl_->model.titles().contains(item) || impl_->address.contains(item))
                    continue;
                added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
                std::fill(taken.begin() + b, taken.begin() + e, 1);
                break;
            }
        }
        merge_names(spans, added);
    }
    // A transliterated name right after a country, with no title, in a result list (澳大利亚托普、
    // 英国帕尔默；): a run of transliteration characters between a world place and punctuation or a
    // word that follows names is that country's person.
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        for (std::size_t b = 2; b + 2 <= c.size(); ++b) {
            if (taken[b] || taken[b - 1] || !impl_->model.is_translit(c[b]) || impl_->model.is_translit(c[b - 1])) continue;
            if (impl_->not_people.longest_before(c, b) < 2 || impl_->not_people.longest_at(c, b)) continue;
            std::size_t e = b;
            while (e < c.size() && e - b < 7 && impl_->model.is_translit(c[e]) && !taken[e]) ++e;
            // (before list punctuation only; no dictionary word (历史, 召开) nor a Chinese city (哈尔滨))
            if (e - b < 2 || e - b > 6 || e >= c.size() ||
                (c[e] != enum_comma && c[e] != U'；' && c[e] != U'，' && c[e] != U'。' && !is_open(c[e])))
                continue;
            if (word_at[b] >= 2 || inside[b] || impl_->regions.contains(std::u32string_view(c).substr(b, e - b))) continue;
            // (nor a conjunction and a place: 及|西欧)
            if (impl_->model.stops().longest_at(c, b) || impl_->function_surnames.count(c[b])) continue;
            bool place_in = false;
            for (std::size_t q = b + 1; q < e && !place_in; ++q) place_in = impl_->not_people.longest_at(c, q) > 0;
            if (place_in) continue;
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
            std::fill(taken.begin() + b, taken.begin() + e, 1);
        }
        merge_names(spans, added);
    }
    // A player after the province he plays for, before his points in brackets (广东吕钦（２５５９分）、
    // 江苏黄薇（２２７２分）): a Chinese name's shape between a province or city and （ and a digit.
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        for (std::size_t b = 2; b + 3 < c.size(); ++b) {
            if (taken[b] || !impl_->regions.longest_before(c, b) || impl_->regions.longest_at(c, b)) continue;
            for (std::size_t e = b + 3; e >= b + 2; --e) {
                if (e + 1 >= c.size() || !is_open(c[e]) || !is_digit(c[e + 1])) continue;
                if (!chinese_shape({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0}) ||
                    std::any_of(taken.begin() + b, taken.begin() + e, [](char x) { return x != 0; }) || word_at[b] >= e - b)
                    continue;
                added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
                std::fill(taken.begin() + b, taken.begin() + e, 1);
                break;
            }
        }
        merge_names(spans, added);
    }
    // A line of a prize list, "work, author, unit and title" (携手铸辉煌程安东陕西省省长): a line
    // ending in a title whose unit starts with a province or city, a country or known body, or a
    // Latin or digit run; the two or three characters before that unit are the author when they
    // have a Chinese name's shape.
    {
        std::vector<char> taken = taken_by_names();
        const auto& titles = impl_->model.titles();
        std::vector<people::NameSpan> added;
        for (std::size_t lb = 0; lb < c.size();) {
            std::size_t le = c.find(U'\n', lb);
            if (le == std::u32string::npos) le = c.size();
            const bool titled = le > lb + 4 && titles.longest_before(c, le) > 0 &&
                                std::all_of(c.begin() + lb, c.begin() + le, [](char32_t ch) { return !clause_end(ch) && ch != enum_comma; });
            for (std::size_t p = lb + 3; titled && p + 2 < le; ++p) {
                const bool unit = impl_->regions.longest_at(c, p) >= 2 || impl_->not_people.longest_at(c, p) >= 2 ||
                                  (!people::is_han(c[p]) && people::is_han(c[p - 1]));
                if (!unit) continue;
                std::size_t b = 0;
                if (chinese_shape({static_cast<std::uint32_t>(p - 3), static_cast<std::uint32_t>(p), 0.0}) && p - 3 >= lb) b = p - 3;
                else if (chinese_shape({static_cast<std::uint32_t>(p - 2), static_cast<std::uint32_t>(p), 0.0})) b = p - 2;
                // (given characters seen in given names: not 李清|林中共|哈尔滨市委书记)
                if (b && std::any_of(c.begin() + b + 1, c.begin() + p, [&](char32_t ch) { return impl_->model.never_given(ch); })) b = 0;
                if (b && !std::any_of(taken.begin() + b, taken.begin() + p, [](char x) { return x != 0; }) && word_at[b] < 2 &&
                    !inside[b]) {
                    std::fill(taken.begin() + b, taken.begin() + p, 1);
                    added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(p), 0.0});
                }
                break; // the first unit only
            }
            lb = le + 1;
        }
        merge_names(spans, added);
    }
    // A reader's letter signs off with a bracket of place and name at the paragraph's end
    // ((四川泸州市胡信平), (河南郑州市经一路向东)): the two or three characters after the last
    // place character (市, 区, 路, 村 …) are the writer when they have a Chinese name's shape.
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        auto place_char = [&](char32_t ch) {
            return impl_->place_suffixes.count(ch) || ch == U'市' || ch == U'县' || ch == U'区' || ch == U'省';
        };
        for (std::size_t k = 4; k < c.size(); ++k) {
            if (!is_close(c[k]) || (k + 1 < c.size() && c[k + 1] != U'\n')) continue;
            std::size_t o = k;
            while (o > 0 && k - o < 30 && !is_open(c[o - 1]) && people::is_han(c[o - 1])) --o;
            if (o == 0 || !is_open(c[o - 1])) continue;
            for (std::size_t len = 3; len >= 2; --len) {
                if (k < o + len + 2) continue;
                const std::size_t b = k - len;
                if (!place_char(c[b - 1]) || !chinese_shape({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(k), 0.0})) continue;
                if (word_at[b] >= 2 || inside[b] || std::any_of(taken.begin() + b, taken.begin() + k, [](char x) { return x != 0; })) continue;
                added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(k), 0.0});
                std::fill(taken.begin() + b, taken.begin() + k, 1);
                break;
            }
        }
        merge_names(spans, added);
    }
    // Leaders named by surname with the given name in brackets (刘（伯承）邓（小平）, 关（汉卿）、王（实甫）):
    // a surname opening an item, then two given characters in brackets, is a person by those two (as
    // PFR counts them). Not a spelling of a missing character (余（申音）), a note (（女）) or a word.
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        for (std::size_t i = 0; i + 5 <= c.size(); ++i) {
            if (!impl_->model.is_surname(c[i]) || !is_open(c[i + 1]) || !is_close(c[i + 4])) continue;
            if (i > 0 && people::is_han(c[i - 1]) && !is_close(c[i - 1]) && c[i - 1] != enum_comma && (!bounds[i] || inside[i])) continue;
            const std::size_t b = i + 2, e = i + 4;
            // Only where the text plainly writes people so: a run of such items (刘（伯承）邓（小平）,
            // 关（汉卿）、王（实甫）) or a familiar 小/老 before the surname (小廖（承志）). A lone
            // surname-like character before two bracketed ones is as often a place (满（洲里）).
            const auto item_at = [&](std::size_t j) {
                return j + 2 < c.size() && impl_->model.is_surname(c[j]) && is_open(c[j + 1]);
            };
            const bool after_item = i > 0 && (is_close(c[i - 1]) || (c[i - 1] == enum_comma && i > 1 && is_close(c[i - 2])));
            const bool before_item = item_at(i + 5) || (i + 5 < c.size() && c[i + 5] == enum_comma && item_at(i + 6));
            const bool familiar = i > 0 && (c[i - 1] == U'小' || c[i - 1] == U'老');
            if (!after_item && !before_item && !familiar) continue;
            if (const std::u32string whole = std::u32string(1, c[i]) + c.substr(b, 2); impl_->not_people.contains(whole) || impl_->regions.contains(whole))
                continue;
            if (!people::is_han(c[b]) || !people::is_han(c[b + 1]) || word_at[b] >= 2 || c[b + 1] == U'音') continue;
            if (impl_->model.never_given(c[b]) || impl_->model.never_given(c[b + 1]) || impl_->not_people.contains(std::u32string_view(c).substr(b, 2)) ||
                impl_->model.titles().longest_at(c, b) || std::any_of(taken.begin() + b, taken.begin() + e, [](char x) { return x != 0; }))
                continue;
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
            std::fill(taken.begin() + b, taken.begin() + e, 1);
        }
        merge_names(spans, added);
    }
    // The name a decision appoints, removes or elects (任命黄一为…副县长, 免去邓建的…职务): after the
    // verb, a surname and one or two characters, then 为 or 的.
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        for (std::size_t p = 2; p + 3 <= c.size(); ++p) {
            if (!impl_->model.is_surname(c[p]) || taken[p] || !impl_->appointment_verbs.longest_before(c, p)) continue; // (the cheap tests first)
            for (std::size_t len : {std::size_t{3}, std::size_t{2}}) {
                const std::size_t e = p + len;
                if (e >= c.size() || (c[e] != U'为' && c[e] != U'的')) continue;
                bool ok = true;
                for (std::size_t q = p + 1; q < e && ok; ++q)
                    ok = people::is_han(c[q]) && !taken[q] && !impl_->given_name_stops.count(c[q]) && c[q] != U'为' && c[q] != U'的';
                const std::u32string_view item = std::u32string_view(c).substr(p, len);
                if (!ok || impl_->not_people.longest_at(c, p) || impl_->regions.contains(item) || impl_->model.titles().longest_at(c, p) ||
                    impl_->model.stops().contains(item))
                    continue;
                added.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(e), 0.0});
                std::fill(taken.begin() + p, taken.begin() + e, 1);
                break;
            }
        }
        merge_names(spans, added);
    }
    // A surname and 某 or ×, ×× stands for a person the text does not name (被告之一的安某, 罪犯王某, 经理林××),
    // unless the surname ends a word (国家|某, 江苏|某) or is a function word (从某银行), or 某 starts
    // a determiner phrase (某些, 某种, 某个, 某厂: person_anonymous_stops.txt).
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> anon;
        for (std::size_t b = 0; b + 1 < c.size(); ++b) {
            const char32_t m = c[b + 1];
            if (m != U'某' && m != U'×') continue;
            std::size_t e = b + 2;
            if (m == U'×' && e < c.size() && c[e] == U'×') ++e;
            if (!impl_->model.is_surname(c[b]) || inside[b] || taken[b] || taken[b + 1]) continue;
            if (impl_->function_surnames.count(c[b]) || impl_->conjunction_surnames.count(c[b])) continue;
            if (m == U'某' && e < c.size() && impl_->anonymous_stops.count(c[e])) continue;
            if (b > 0 && people::is_han(c[b - 1]) && word_at[b - 1] >= 2) continue;
            anon.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
        }
        merge_names(spans, anon);
    }
    // A two-character name padded with a space to line up with three-character ones in a list
    // (王丽华、刘 芳、赵明轩; 周　涛): the surname and the given character around the space, between
    // separators. (The space is dropped from the name given out.)
    {
        std::vector<char> taken = taken_by_names();
        std::vector<people::NameSpan> added;
        auto pad = [](char32_t ch) { return ch == U' ' || ch == 0x3000; };
        for (std::size_t b = 0; b + 2 < c.size(); ++b) {
            if (!impl_->model.is_surname(c[b]) || impl_->function_surnames.count(c[b]) || impl_->conjunction_surnames.count(c[b]) || taken[b])
                continue;
            if (b > 0 && c[b - 1] != enum_comma && !clause_end(c[b - 1])) continue;
            std::size_t g = b + 1;
            while (g < c.size() && g - b <= 2 && pad(c[g])) ++g;
            if (g == b + 1 || g - b > 3 || g >= c.size() || !people::is_han(c[g]) || taken[g]) continue;
            if (impl_->model.never_given(c[g]) || impl_->given_name_stops.count(c[g])) continue;
            const std::size_t e = g + 1;
            if (e < c.size() && c[e] != enum_comma && !clause_end(c[e])) continue;
            // (in a list: a 、 or a line of such items around it)
            // (or a line of names set apart by spaces: 何静　宋涛　赵　刚　吕晓梅 — names have two characters
            // at least, so two single ones there are one name)
            const bool spaced = (b >= 3 && pad(c[b - 1]) && people::is_han(c[b - 2]) && people::is_han(c[b - 3])) ||
                                (e + 2 < c.size() && pad(c[e]) && people::is_han(c[e + 1]) && people::is_han(c[e + 2]));
            const bool listed = (b > 0 && c[b - 1] == enum_comma) || (e < c.size() && c[e] == enum_comma) || spaced;
            if (!listed) continue;
            added.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0.0});
            std::fill(taken.begin() + b, taken.begin() + e, 1);
        }
        merge_names(spans, added);
    }
    // A name does not take the preposition or verb that governs a number after it (王辉以|１∶２负于…,
    // 赵超携|１５１万元): a two-character name then, when the third character is one of those.
    for (auto& s : spans) {
        if (s.end - s.begin != 3 || !chinese_shape(s) || s.end >= c.size()) continue;
        if (is_digit(c[s.end]) && std::u32string_view(U"以携向将把被在于为从到用比").find(c[s.end - 1]) != std::u32string_view::npos) --s.end;
    }
    // A name after a title that is a dictionary word of two characters (常务副省长汪洋) does not
    // take the first character of a word after it (汪洋|提高了嗓门): that word is what follows.
    for (auto& s : spans)
        if (s.end - s.begin == 3 && chinese_shape(s) && word_at[s.begin] == 2 && word_at[s.end - 1] >= 2 &&
            impl_->model.titles().longest_before(c, s.begin) > 0)
            --s.end;
    // A compound surname alone is no name (市长欧阳|明哲到…: the model stopped at the dictionary word
    // after it): it takes the one or two characters after it that end where names end.
    for (auto& s : spans) {
        if (s.end - s.begin != 2 || !impl_->model.is_compound(std::u32string_view(c).substr(s.begin, 2))) continue;
        const std::size_t limit = c.size();
        for (std::size_t gl : {2, 1}) {
            const std::size_t e = s.end + gl;
            if (e > limit || !std::all_of(c.begin() + s.end, c.begin() + e, people::is_han)) continue;
            if (std::any_of(c.begin() + s.end, c.begin() + e, [&](char32_t ch) { return impl_->given_name_stops.count(ch) || impl_->model.never_given(ch); }))
                continue;
            if (impl_->model.stops().longest_at(c, s.end) || impl_->model.titles().longest_at(c, s.end) || (e < limit && inside[e])) continue;
            const bool ends = e >= limit || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) || impl_->model.titles().longest_at(c, e) ||
                              impl_->given_name_stops.count(c[e]) || (bounds[e] && word_at[e] >= 2) || (bounds[e] && word_at[e] == 0 && e + 1 < limit && bounds[e + 1]);
            if (!ends) continue;
            s.end = static_cast<std::uint32_t>(e);
            break;
        }
    }
    // A candidate that cuts a known place in two is no name: 韩国庆|尚北道 (韩国, 庆尚北道), the place
    // starting inside it and running past its end.
    std::erase_if(spans, [&](const people::NameSpan& s) {
        for (std::size_t q = s.begin + 1; q < s.end; ++q)
            if (q + impl_->not_people.longest_at(c, q) > s.end) return true;
        return false;
    });
    // A string the record also writes as a city or county (桐州与高冈在… | 高冈市议会) is that place,
    // unless a title names it a person right there.
    std::erase_if(spans, [&](const people::NameSpan& s) {
        if (s.begin > 0 && impl_->model.titles().longest_before(c, s.begin) > 0) return false;
        const std::u32string_view name(c.data() + s.begin, s.end - s.begin);
        for (std::size_t at = c.find(name); at != std::u32string::npos; at = c.find(name, at + 1)) {
            const std::size_t e = at + name.size();
            if (e < c.size() && std::u32string_view(U"市县省州").find(c[e]) != std::u32string_view::npos &&
                (e + 1 >= c.size() || !inside[e + 1])) // (not 高冈|市场)
                return true;
        }
        return false;
    });
    // A name-like string with no title before it, right before the rest of a company's name (云岫光|迅
    // 科技有限公司, 湄江瑞泰 → 江瑞泰|新材料股份有限公司, 舍弗勒|（桐州）传动系统有限公司), is the
    // company's brand: Han characters and a bracketed place up to a legal form, nothing between that
    // follows names (a verb, a title, a function character: 刘某某|系|…有限公司员工 stays).
    std::erase_if(spans, [&](const people::NameSpan& s) {
        if (s.end >= c.size() || impl_->model.titles().longest_before(c, s.begin) > 0 || impl_->model.cues().longest_before(c, s.begin) > 0)
            return false;
        if (std::any_of(c.begin() + s.begin, c.begin() + s.end, [](char32_t ch) { return ch == U'某' || ch == U'×' || people::is_dot(ch); }))
            return false;
        if (impl_->given_name_stops.count(c[s.end]) || impl_->model.stops().longest_at(c, s.end) || impl_->model.titles().longest_at(c, s.end))
            return false;
        static const std::u32string_view forms[] = {U"有限公司", U"有限责任公司", U"株式会社"};
        for (std::size_t j = s.end; j < c.size() && j - s.end < 14; ++j) {
            if (!people::is_han(c[j]) && !is_open(c[j]) && !is_close(c[j])) return false;
            if (j > s.end && (impl_->model.stops().longest_at(c, j) || impl_->model.titles().longest_at(c, j) ||
                              (impl_->given_name_stops.count(c[j]) && word_at[j] < 2 && !inside[j]))) // (邢利斌个人兴办的煤化有限公司; not 传动|系统)
                return false;
            for (auto f : forms)
                if (std::u32string_view(c).substr(j, f.size()) == f) return j > s.end;
        }
        return false;
    });
    // Whatever rule added it, a byline's role, a title or the word a body's name ends in is no name
    // (（通讯员　金鑫　高山）: a list by spaces; 局长滕志远、公司副总经理欧阳明辉: a list item before a title).
    std::erase_if(spans, [&](const people::NameSpan& s) {
        const std::u32string_view text = std::u32string_view(c).substr(s.begin, s.end - s.begin);
        return impl_->byline_roles.contains(text) || impl_->model.titles().contains(text) || impl_->body_words.contains(text);
    });
    // Nor a village the text writes as one: after its town (白沙镇石岭村) or before its committee,
    // branch or post (石岭村村委会, 石岭村党支部, 柳岸村第一书记: person_village_contexts.tsv) anywhere in
    // the record, however often it recurs.
    std::erase_if(spans, [&](const people::NameSpan& s) {
        if (s.end - s.begin < 3 || c[s.end - 1] != U'村') return false;
        const std::u32string_view name(c.data() + s.begin, s.end - s.begin);
        for (std::size_t at = c.find(name); at != std::u32string::npos; at = c.find(name, at + 1))
            if (impl_->village_before.longest_before(c, at) || impl_->village_after.longest_at(c, at + name.size())) return true;
        return false;
    });
    // A foreign name's parts joined by one dash (罗德—拉森, 萨希杜·丹戈—纳代伊) are one name: a name on
    // one side, on the other another or a run of two to four transliteration characters to a
    // clause's edge. (Two dashes, ——, are punctuation; digits or places around one are a range.)
    {
        constexpr char32_t dash = U'—';
        auto single_dash = [&](std::size_t p) {
            return p < c.size() && c[p] == dash && (p == 0 || c[p - 1] != dash) && (p + 1 >= c.size() || c[p + 1] != dash);
        };
        std::sort(spans.begin(), spans.end(), [](const people::NameSpan& a, const people::NameSpan& b) { return a.begin < b.begin; });
        for (std::size_t k = 0; k < spans.size(); ++k) {
            people::NameSpan& s = spans[k];
            if (chinese_shape(s)) continue;
            if (single_dash(s.end) && k + 1 < spans.size() && spans[k + 1].begin == s.end + 1) {
                s.end = spans[k + 1].end;
                spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(k + 1));
                --k;
                continue;
            }
            if (single_dash(s.end)) { // (纳代伊 not found: the run after the dash)
                std::size_t e = s.end + 1;
                while (e < c.size() && e - s.end - 1 < 4 && impl_->model.is_translit(c[e])) ++e;
                if (e - s.end - 1 >= 2 && (e >= c.size() || !people::is_han(c[e]) || impl_->model.stops().longest_at(c, e) || impl_->given_name_stops.count(c[e])) &&
                    (k + 1 >= spans.size() || spans[k + 1].begin >= e))
                    s.end = static_cast<std::uint32_t>(e);
            }
            if (s.begin >= 3 && single_dash(s.begin - 1) && (k == 0 || spans[k - 1].end < s.begin - 1)) { // (罗德 not found)
                std::size_t b = s.begin - 1;
                while (b > 0 && s.begin - 1 - b < 4 && impl_->model.is_translit(c[b - 1])) --b;
                const bool edge = b == 0 || !people::is_han(c[b - 1]) || impl_->model.titles().longest_before(c, b) ||
                                  impl_->model.cues().longest_before(c, b);
                if (s.begin - 1 - b >= 2 && edge && (k == 0 || spans[k - 1].end <= b)) s.begin = static_cast<std::uint32_t>(b);
            }
        }
    }
    std::vector<char> in_name(c.size(), 0);
    for (const auto& s : spans) std::fill(in_name.begin() + s.begin, in_name.begin() + s.end, 1);
    // Once 周恩来 is named, 恩来同志 later in the record is the same person by the given name alone.
    // Only before a word that follows names (同志, 说, 老人: person_stops.txt) or at the end of a clause, only when no surname
    // character precedes (that would be another person's full name) and the given name is no
    // dictionary word (成果): PFR tags such bare given names as persons.
    {
        std::vector<people::NameSpan> bare;
        for (const auto& s : spans) {
            if (s.end - s.begin != 3 || !impl_->model.is_surname(c[s.begin])) continue;
            const std::u32string given = c.substr(s.begin + 1, 2);
            for (std::size_t pos = c.find(given); pos != std::u32string::npos; pos = c.find(given, pos + 1)) {
                if (in_name[pos] || in_name[pos + 1] || word_at[pos] >= 2 || inside[pos]) continue;
                if (pos > 0 && impl_->model.is_surname(c[pos - 1])) continue;
                // After the name: a word that follows names, or the clause ends (…送给雅丹。).
                const bool stop_after = impl_->model.stops().longest_at(c, pos + 2) > 0;
                const bool end_after = pos + 2 >= c.size() || clause_end(c[pos + 2]) || c[pos + 2] == enum_comma;
                if (!stop_after && !end_after) continue;
                bare.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + 2), s.score});
                in_name[pos] = in_name[pos + 1] = 1;
            }
        }
        spans.insert(spans.end(), bare.begin(), bare.end());
    }

    // The title of an appointment or a removal, written after the name: 任命王小明为|县发展和改革局局长，
    // 王丽当选为|副县长, 莫德彰当选|村党支部书记, 周海燕同志为|县长, 免去赵强的|县教育局局长|职务 — the clause from there to its end, when a title
    // word ends it.
    auto appointed_title = [&](std::size_t e) -> std::string {
        std::size_t b = e;
        if (c.compare(b, 2, U"同志") == 0) b += 2; // 选举周海燕同志为…
        if (c.compare(b, 3, U"当选为") == 0) b += 3;
        else if (c.compare(b, 2, U"当选") == 0) b += 2; // 莫德彰当选|村党支部书记
        else if (b < c.size() && (c[b] == U'为' || c[b] == U'的')) b += 1;
        // 蒯海燕同志任|青州城市建设投资集团有限公司董事长；, 担任, 兼任 (not 拟任, a post only proposed)
        else if (b + 1 < c.size() && c[b] == U'任' && c[b + 1] != U'命' && c[b + 1] != U'职') b += 1;
        else if (c.compare(b, 2, U"担任") == 0 || c.compare(b, 2, U"兼任") == 0 || c.compare(b, 2, U"出任") == 0 ||
                 c.compare(b, 2, U"改任") == 0)
            b += 2;
        else return {};
        const bool removal = c[b - 1] == U'的';
        std::size_t q = b;
        while (q < c.size() && people::is_han(c[q]) && q - b < max_title) ++q;
        if (q < c.size() && people::is_han(c[q])) return {};
        if (removal) {
            if (q < b + 2 || c.compare(q - 2, 2, U"职务") != 0) return {};
            q -= 2;
        }
        if (q < b + 2 || impl_->model.titles().longest_before(c, q) == 0) return {};
        return t.str(b, q);
    };
    // Titles per name, in order first seen.
    std::map<std::u32string, std::vector<std::string>> titles;
    // A title before a 、-list of names is each one's (副主任刘晓东、王丽、马建军): names of the list
    // with no title of their own take the title right before the list's first.
    std::vector<std::size_t> order(spans.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return spans[a].begin < spans[b].begin; });
    std::vector<std::vector<std::string>> before(spans.size());
    for (std::size_t k = 0; k < spans.size(); ++k) before[k] = impl_->titles_before(t, spans[k].begin, in_name, inside);
    std::vector<std::string> shared(spans.size());
    for (std::size_t q = 1; q < order.size(); ++q) {
        const auto& prev = spans[order[q - 1]];
        const auto& cur = spans[order[q]];
        const std::string& lead = before[order[q - 1]].empty() ? shared[order[q - 1]] : before[order[q - 1]].back();
        // (a note in brackets may stand between: 马丽（女，回族）、阿依古丽·买买提)
        std::size_t sep = prev.end;
        if (sep < c.size() && is_open(c[sep]))
            while (sep < cur.begin && !is_close(c[sep])) ++sep;
        if (sep < cur.begin && is_close(c[sep])) ++sep;
        if (!lead.empty() && before[order[q]].empty() && cur.begin == sep + 1 && c[sep] == enum_comma &&
            impl_->model.titles().longest_at(c, cur.end) == 0)
            shared[order[q]] = lead;
    }
    // A roll call led by a title (出席会议的县委常委有：|赵　刚　钟晓燕…): that title is each name's
    // with none of its own (not a group's label that is no title: 县领导有：).
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (!before[k].empty() || !shared[k].empty()) continue;
        std::size_t p = spans[k].begin;
        while (p > 0 && (in_name[p - 1] || c[p - 1] == U' ' || c[p - 1] == 0x3000 || c[p - 1] == enum_comma || c[p - 1] == U'\n')) --p;
        if (p < 3 || (c[p - 1] != U'：' && c[p - 1] != U':') || c[p - 2] != U'有') continue;
        const std::size_t le = p - 2;
        std::size_t lb = le;
        while (lb > 0 && people::is_han(c[lb - 1]) && c[lb - 1] != U'的' && le - lb < max_title) --lb;
        if (le - lb >= 2 && impl_->model.titles().longest_before(c, le) > 0) shared[k] = t.str(lb, le);
    }
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const auto& s = spans[k];
        std::u32string name = c.substr(s.begin, s.end - s.begin);
        auto& list = titles[name];
        std::vector<std::string> found = std::move(before[k]);
        if (!shared[k].empty()) found.push_back(shared[k]);
        // 金锋主任; but a title that is also a verb is a title only where no object follows it:
        // before punctuation, a name's verb or a function word (王中军代表在发言中说), not before
        // what it governs (侯建军代表双方签约).
        if (std::size_t tl = impl_->model.titles().longest_at(c, s.end); tl) {
            const std::size_t f = s.end + tl;
            // (a scope like 全市, 我县 after 代表 is what it governs: 施国庆代表全市餐饮行业宣读…)
            const bool scope = f < c.size() && (c[f] == U'全' || c[f] == U'我' || c[f] == U'本');
            if (!impl_->title_verbs.contains(c.substr(s.end, tl)) || f == c.size() || !people::is_han(c[f]) ||
                impl_->model.stops().longest_at(c, f) || (impl_->breaks.longest_at(c, f) && !scope))
                found.push_back(t.str(s.end, f));
        }
        if (std::string a = appointed_title(s.end); !a.empty()) found.push_back(std::move(a));
        // A cadre's record opening with the name (詹立伟，男，1982年3月生，…，现任县财政局副局长，拟任…):
        // the post held, after 现任 in that sentence.
        if (s.begin == 0 || c[s.begin - 1] == U'\n' || c[s.begin - 1] == U'。') {
            std::size_t q = s.end;
            while (q < c.size() && c[q] != U'。' && c[q] != U'\n' && q - s.end < 120) {
                if (c.compare(q, 2, U"现任") == 0 && q > 0 && (c[q - 1] == U'，' || c[q - 1] == U',')) {
                    std::size_t b = q + 2, e = b;
                    while (e < c.size() && people::is_han(c[e]) && e - b < max_title) ++e;
                    if (e > b + 1 && impl_->model.titles().longest_before(c, e) > 0) found.push_back(t.str(b, e));
                    break;
                }
                ++q;
            }
        }
        for (auto& f : found)
            if (std::find(list.begin(), list.end(), f) == list.end()) list.push_back(std::move(f));
    }

    // Every occurrence of a found name is a mention of that person (金锋 … 金锋强调), longest names first
    // so that a shorter name inside a longer one is not counted twice.
    std::vector<std::u32string> names;
    for (const auto& [name, _] : titles) names.push_back(name);
    std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<char> used(c.size(), 0);
    struct Found {
        std::size_t first;
        int mentions;
        const std::u32string* name;
    };
    std::vector<Found> found;
    for (const auto& name : names) {
        Found f{c.size(), 0, &name};
        for (std::size_t pos = c.find(name); pos != std::u32string::npos; pos = c.find(name, pos + 1)) {
            if (std::any_of(used.begin() + pos, used.begin() + pos + name.size(), [](char x) { return x != 0; }))
                continue;
            std::fill(used.begin() + pos, used.begin() + pos + name.size(), 1);
            f.first = std::min(f.first, pos);
            ++f.mentions;
        }
        if (f.mentions > 0) found.push_back(f);
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.first < b.first; });

    std::vector<Person> out;
    for (const auto& f : found) {
        Person p;
        for (std::size_t k = 0; k < f.name->size(); ++k) {
            const char32_t ch = (*f.name)[k];
            // (刘 芳: the space padding a list's two-character name is no part of it)
            if ((ch == U' ' || ch == 0x3000) && k > 0 && people::is_han((*f.name)[k - 1]) && k + 1 < f.name->size() &&
                (people::is_han((*f.name)[k + 1]) || (*f.name)[k + 1] == U' ' || (*f.name)[k + 1] == 0x3000))
                continue;
            utf8::append(p.name, ch);
        }
        p.titles = titles[*f.name];
        p.mentions = f.mentions;
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace jianbao
