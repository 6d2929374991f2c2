#include "org_matcher.hpp"

#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

namespace jianbao::ent {

bool is_han(char32_t c) { return utf8::is_han(c); }

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
    return out;
}

std::string Chars::str(std::size_t b, std::size_t e) const {
    return std::string(text.substr(off[b], off[e] - off[b]));
}

Chars index(std::string_view text, const std::vector<Span>& words) {
    Chars t;
    t.text = text;
    std::vector<std::int32_t> char_at(text.size() + 1, -1);
    for (std::size_t i = 0; i < text.size();) {
        char_at[i] = static_cast<std::int32_t>(t.c.size());
        t.off.push_back(static_cast<std::uint32_t>(i));
        t.c.push_back(utf8::next(text, i));
    }
    char_at[text.size()] = static_cast<std::int32_t>(t.c.size());
    t.off.push_back(static_cast<std::uint32_t>(text.size()));
    const std::size_t n = t.c.size();
    t.bound.assign(n + 1, 0);
    t.word_start.resize(n);
    for (std::size_t i = 0; i < n; ++i) t.word_start[i] = static_cast<std::int32_t>(i);
    for (const Span& w : words) {
        if (w.end > text.size() || char_at[w.begin] < 0 || char_at[w.end] < 0) continue;
        auto b = static_cast<std::size_t>(char_at[w.begin]);
        auto e = static_cast<std::size_t>(char_at[w.end]);
        t.bound[b] = t.bound[e] = 1;
        for (std::size_t k = b; k < e; ++k) t.word_start[k] = static_cast<std::int32_t>(b);
    }
    t.bound[0] = t.bound[n] = 1;
    return t;
}

namespace {
inline std::size_t slot_of(std::uint64_t k, int shift) {
    return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> shift);
}
} // namespace

void Trie::grow() {
    const std::size_t cap = keys_.empty() ? 1024 : keys_.size() * 2;
    std::vector<std::uint64_t> keys(cap, kEmpty);
    std::vector<std::int32_t> child(cap, -1);
    int shift = 64;
    for (std::size_t c = cap; c > 1; c >>= 1) --shift;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        if (keys_[i] == kEmpty) continue;
        std::size_t h = slot_of(keys_[i], shift);
        while (keys[h] != kEmpty) h = (h + 1) & (cap - 1);
        keys[h] = keys_[i];
        child[h] = child_[i];
    }
    keys_.swap(keys);
    child_.swap(child);
    shift_ = shift;
}

void Trie::insert(const std::u32string& key, std::int32_t value) {
    if (!key.empty() && key[0] < 0x10000) first_[key[0] >> 6] |= std::uint64_t{1} << (key[0] & 63);
    std::int32_t node = 0;
    for (char32_t c : key) {
        if ((edges_ + 1) * 2 > keys_.size()) grow(); // load factor at most 1/2
        std::uint64_t k = (static_cast<std::uint64_t>(node) << 32) | c;
        std::size_t h = slot_of(k, shift_);
        while (keys_[h] != kEmpty && keys_[h] != k) h = (h + 1) & (keys_.size() - 1);
        if (keys_[h] == kEmpty) {
            values_.push_back(-1);
            keys_[h] = k;
            child_[h] = static_cast<std::int32_t>(values_.size() - 1);
            ++edges_;
        }
        node = child_[h];
    }
    if (values_[static_cast<std::size_t>(node)] < 0) values_[static_cast<std::size_t>(node)] = value;
}

std::int32_t Trie::step(std::int32_t node, char32_t c) const {
    if (keys_.empty()) return -1;
    std::uint64_t k = (static_cast<std::uint64_t>(node) << 32) | c;
    for (std::size_t h = slot_of(k, shift_);; h = (h + 1) & (keys_.size() - 1)) {
        if (keys_[h] == k) return child_[h];
        if (keys_[h] == kEmpty) return -1;
    }
}

std::int32_t Trie::get(const std::u32string& key) const {
    std::int32_t node = 0;
    for (char32_t c : key)
        if ((node = step(node, c)) < 0) return -1;
    return values_[static_cast<std::size_t>(node)];
}

bool Trie::contains(const std::u32string& key) const {
    std::int32_t node = 0;
    for (char32_t c : key)
        if ((node = step(node, c)) < 0) return false;
    return values_[static_cast<std::size_t>(node)] >= 0;
}

std::size_t Trie::longest(const Chars& t, std::size_t from, std::int32_t* value, bool need_bound) const {
    if ((need_bound && !t.bound[from]) || from >= t.size() || !may_start(t.c[from])) return 0;
    std::int32_t node = 0;
    std::size_t best = 0;
    for (std::size_t i = from; i < t.size(); ++i) {
        if ((node = step(node, t.c[i])) < 0) break;
        std::int32_t v = values_[static_cast<std::size_t>(node)];
        if (v >= 0 && (!need_bound || t.bound[i + 1])) {
            best = i + 1 - from;
            if (value) *value = v;
        }
    }
    return best;
}

std::size_t Trie::longest_back(const Chars& t, std::size_t to, std::int32_t* value, bool need_bound) const {
    if ((need_bound && !t.bound[to]) || to == 0 || !may_start(t.c[to - 1])) return 0;
    std::int32_t node = 0;
    std::size_t best = 0;
    for (std::size_t i = to; i-- > 0;) {
        if ((node = step(node, t.c[i])) < 0) break;
        std::int32_t v = values_[static_cast<std::size_t>(node)];
        if (v >= 0 && (!need_bound || t.bound[i])) {
            best = to - i;
            if (value) *value = v;
        }
    }
    return best;
}

namespace {
std::u32string reversed(std::u32string s) {
    std::reverse(s.begin(), s.end());
    return s;
}
bool all_han(const Chars& t, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i)
        if (!is_han(t.c[i])) return false;
    return b < e;
}
} // namespace

// ---------------------------------------------------------------- places

Gazetteer::Gazetteer() {
    auto add = [&](const std::string& name, std::int32_t kind = 0) {
        std::u32string u = to_u32(name);
        if (u.size() < 2) return;
        fwd_.insert(u, kind);
        back_.insert(reversed(u), kind);
    };
    for (const auto& line : lexicon::read_lines("place_admin.txt")) {
        bool exact = line[0] == '=';
        std::string name = exact ? line.substr(1) : line;
        add(name);
        // 扬州市 → 扬州: bulletins mostly drop the unit when the name stays two characters or more.
        std::u32string u = to_u32(name);
        if (!exact && u.size() >= 3 && (u.back() == U'省' || u.back() == U'市' || u.back() == U'县')) {
            std::string s;
            for (std::size_t k = 0; k + 1 < u.size(); ++k) utf8::append(s, u[k]);
            add(s);
        }
    }
    // Prefectures, counties, towns; a short form (涿鹿县 → 涿鹿) unless DEV shows it is a common word.
    std::unordered_set<std::string> short_reject;
    for (const auto& row : lexicon::read_table("place_learned_short_reject.txt", 1)) short_reject.insert(row[0]);
    for (const auto& row : lexicon::read_table("place_china_divisions.txt", 2)) {
        if (!short_reject.count(row[0])) add(row[0]);
        if (row.size() > 2 && !row[2].empty() && !short_reject.count(row[2])) {
            add(row[2], kShortForm);
            continue;
        }
        // (no short form read alone: the name without its unit still names it in a list)
        std::u32string u = to_u32(row[0]);
        if (row[1] != "town" && u.size() >= 3 && std::u32string_view(U"市县区旗").find(u.back()) != std::u32string_view::npos) {
            u.pop_back();
            list_forms_.insert(u, 0);
        }
    }
    for (const auto& line : lexicon::read_lines("place_list_nouns.txt")) list_nouns_.insert(to_u32(line), 0);
    for (const auto& row : lexicon::read_table("place_world.txt", 1)) add(row[0][0] == '=' ? row[0].substr(1) : row[0], kWorld);
    for (const auto& row : lexicon::read_table("place_learned.txt", 1)) add(row[0]);
    for (const auto& line : lexicon::read_lines("place_china_features.txt")) add(line);
    for (const auto& line : lexicon::read_lines("place_extend.txt")) extend_.insert(to_u32(line), 0);
    for (const auto& row : lexicon::read_table("place_suffixes.txt", 3)) {
        suffix_min_.push_back(std::stoi(row[1]));
        suffix_word_.push_back(row[2] == "1");
        suffix_max_.push_back(row.size() > 3 ? std::stoi(row[3]) : 3);
        suffix_back_.insert(reversed(to_u32(row[0])), static_cast<std::int32_t>(suffix_min_.size() - 1));
    }
    for (const auto& w : lexicon::read_lines("place_stop.txt")) stop_.insert(to_u32(w), 0);
    for (const auto& line : lexicon::read_lines("place_translit_chars.txt"))
        for (char32_t c : to_u32(line))
            if (is_han(c)) translit_.insert(c);
    // value: inside a place per thousand occurrences
    for (const auto& row : lexicon::read_table("place_learned_context.tsv", 3))
        plain_.insert(to_u32(row[0]), static_cast<std::int32_t>(std::stol(row[2]) * 1000 / std::max(1L, std::stol(row[1]))));
    for (const auto& line : lexicon::read_lines("surnames.txt"))
        for (char32_t c : to_u32(line))
            if (is_han(c)) surnames_.insert(c);
    for (const auto& w : lexicon::read_lines("org_stop.tsv")) {
        std::u32string u = to_u32(w);
        if (u.size() == 1) stop_chars_.insert(u[0]);
    }
}

bool Gazetteer::list_form(const Chars& t, std::size_t b, std::size_t e) const {
    return e > b && list_forms_.contains(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(b), t.c.begin() + static_cast<std::ptrdiff_t>(e)));
}

bool Gazetteer::plain(const Chars& t, std::size_t b, std::size_t e, bool singles, bool pairs) const {
    for (std::size_t k = b; k < e; ++k) {
        if (singles && plain_.contains(std::u32string(1, t.c[k])) && !surnames_.count(t.c[k])) return true;
        if (pairs && k + 1 < e) {
            std::int32_t v = plain_.get(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(k),
                                                       t.c.begin() + static_cast<std::ptrdiff_t>(k + 2)));
            if (v >= 0 && v < 10) return true;
        }
    }
    return false;
}

std::vector<Match> Gazetteer::find(const Chars& t, const std::vector<std::uint8_t>& covered) const {
    std::vector<Match> out;
    const std::size_t n = t.size();
    std::vector<std::uint8_t> used(covered);
    auto free = [&](std::size_t b, std::size_t e) {
        for (std::size_t k = b; k < e; ++k)
            if (used[k]) return false;
        return true;
    };
    std::size_t glued_at = n; // where a name starts inside the word that glued on its county's unit
    for (std::size_t i = 0; i < n;) {
        std::int32_t kind = 0;
        std::size_t len = used[i] ? 0 : fwd_.longest(t, i, &kind);
        if (i == glued_at && !len && !used[i])
            if (std::size_t l = fwd_.longest(t, i, &kind, false); l >= 3 && t.bound[i + l]) len = l;
        // 日本人, 阿拉伯国家, 中国人民: ICU glues a people or 国家 onto the place; PFR tags the place.
        if (!used[i] && t.bound[i] && t.word_start[i] == static_cast<std::int32_t>(i)) {
            std::int32_t k2 = 0;
            std::size_t l2 = fwd_.longest(t, i, &k2, false);
            std::size_t we = i + l2;
            if (l2 > len && we < n && !t.bound[we] && k2 != kShortForm) {
                we = t.next_bound(we, n);
                static constexpr std::u32string_view tails[] = {U"人", U"人民", U"国家", U"籍"};
                for (std::u32string_view tail : tails)
                    if (we - (i + l2) == tail.size() &&
                        std::equal(tail.begin(), tail.end(), t.c.begin() + static_cast<std::ptrdiff_t>(i + l2))) {
                        len = l2;
                        kind = k2;
                    }
            }
        }
        // 张|永平, 李|安宁: a county's short form right after a lone surname is a given name.
        if (len && kind == kShortForm && i > 0 && t.word_start[i - 1] == static_cast<std::int32_t>(i - 1) &&
            surnames_.count(t.c[i - 1]))
            len = 0;
        if (len && free(i, i + len)) {
            if (std::size_t x = extend_.longest(t, i + len); x && free(i + len, i + len + x)) len += x; // 张家口|地区
            // 科威特|市, 那曲|县, 雷利赞|省: a known name and its unit written as a word of its own.
            // (not a country's 区, a company's region: 中国|区|总经理, 亚太|区)
            else if (const std::size_t e = i + len; e + 1 <= n && t.bound[e] && (e + 1 == n || t.bound[e + 1]) &&
                     std::u32string_view(U"省市县区州镇乡").find(t.c[e]) != std::u32string_view::npos && !used[e] &&
                     t.word_start[e] == static_cast<std::int32_t>(e) && !(kind == kWorld && t.c[e] == U'区'))
                len += 1;
            // 永兴|县城|关|镇: ICU glued the county's 县 to the town's first character (县城, a word);
            // the county ends at 县 and the town (城关镇) starts inside that word.
            else if (e + 2 < n && !t.bound[e + 1] && t.word_start[e] == static_cast<std::int32_t>(e) && !used[e] &&
                     std::u32string_view(U"市县区").find(t.c[e]) != std::u32string_view::npos) {
                std::int32_t k3 = 0;
                if (const std::size_t l3 = fwd_.longest(t, e + 1, &k3, false); l3 >= 3 && t.bound[e + 1 + l3] && k3 != kShortForm) {
                    len += 1;
                    glued_at = e + 1;
                }
            }
            // 韶山|路, 塔里木|河, 纽约|港: a known name and a road, river or port written as its own word.
            else if (e + 1 <= n && t.bound[e] && !used[e] && t.word_start[e] == static_cast<std::int32_t>(e))
                for (std::u32string_view f : {std::u32string_view(U"大街"), std::u32string_view(U"大道"), std::u32string_view(U"路"),
                                              std::u32string_view(U"街"), std::u32string_view(U"河"), std::u32string_view(U"港"),
                                              std::u32string_view(U"湖")})
                    if (e + f.size() <= n && t.bound[e + f.size()] && free(e, e + f.size()) &&
                        std::equal(f.begin(), f.end(), t.c.begin() + static_cast<std::ptrdiff_t>(e))) {
                        len += f.size();
                        break;
                    }
            out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len), "place"});
            for (std::size_t k = i; k < i + len; ++k) used[k] = 1;
            i += len;
        } else {
            ++i;
        }
    }
    // Unknown names by suffix: a short stem of whole words (or single-character fragments,
    // which is how ICU cuts names it does not know) before 县/镇/路 ….
    for (std::size_t j = 1; j <= n; ++j) {
        if (!t.bound[j] || used[j - 1]) continue;
        std::int32_t v = -1;
        std::size_t slen = suffix_back_.longest_back(t, j, &v, false);
        if (!slen) continue;
        std::size_t s = j - slen;
        if (s < 2) continue;
        // A suffix inside a dictionary word makes a common noun (城市, 灾区, 公路); names ICU does
        // not know come out as single-character fragments, so the stem must be 2-3 of those.
        std::size_t b = s;
        if (t.word_start[s] != static_cast<std::int32_t>(s)) {
            // 华/山路: a road whose last name character ICU glued to 路; only for road suffixes.
            auto ws = static_cast<std::size_t>(t.word_start[s]);
            if (!suffix_word_[static_cast<std::size_t>(v)] || s - ws != 1 || ws == 0 ||
                t.word_start[ws - 1] != static_cast<std::int32_t>(ws - 1) || !is_han(t.c[ws - 1]) || stop_chars_.count(t.c[ws - 1]))
                continue;
            b = ws - 1;
        }
        bool word_stem = false;
        if (b == s && suffix_word_[static_cast<std::size_t>(v)] && s > 0 && t.word_start[s - 1] + 1 < static_cast<std::int32_t>(s)) {
            b = static_cast<std::size_t>(t.word_start[s - 1]); // 华山/路
            word_stem = true;
        }
        // The stem never takes in a character that cannot open a place (县|湖塘镇, 距|禹州, 占|全县).
        while (!word_stem && b > 0 && s - b < static_cast<std::size_t>(suffix_max_[static_cast<std::size_t>(v)]) && t.word_start[b - 1] == static_cast<std::int32_t>(b - 1) && is_han(t.c[b - 1]) &&
               !stop_chars_.count(t.c[b - 1]) && !stop_.contains(std::u32string(1, t.c[b - 1])))
            --b;
        // 斯|塔|万|格|市, 康|涅|狄|格|州: a foreign name ICU cut into transliteration characters
        // runs on past the usual stem length, up to seven.
        if (!word_stem && s - b == static_cast<std::size_t>(suffix_max_[static_cast<std::size_t>(v)])) {
            bool all = true;
            for (std::size_t k = b; k < s && all; ++k) all = translit_.count(t.c[k]) > 0;
            while (all && b > 0 && s - b < 7 && t.word_start[b - 1] == static_cast<std::int32_t>(b - 1) &&
                   translit_.count(t.c[b - 1]) && !stop_chars_.count(t.c[b - 1]) && !stop_.contains(std::u32string(1, t.c[b - 1])))
                --b;
        }
        // 马家|坝|乡, 王家|河|村: a family's name with 家, a word to ICU, before the fragments opens
        // the place (X家Y, the commonest shape of Chinese village names).
        if (!word_stem && s - b >= 1 && s - b <= 2 && b >= 2 && t.word_start[b - 1] + 2 == static_cast<std::int32_t>(b) &&
            t.c[b - 1] == U'家' && surnames_.count(t.c[b - 2]) && (b == 2 || !is_han(t.c[b - 3]) || t.bound[b - 2]))
            b -= 2;
        std::size_t stem = s - b;
        if (stem < static_cast<std::size_t>(suffix_min_[static_cast<std::size_t>(v)])) continue;
        if (!all_han(t, b, s) || !free(b, j)) continue;
        if (stop_.longest(t, b, nullptr, false)) continue;
        // 特困|县, 优化|区: a dictionary word DEV places almost never contain; not before a road
        // suffix, where ordinary words make real names (解放路, 胜利街, 东风路).
        if (plain(t, b, s, true, true)) continue;
        // 刘|云|山, 张|洪|河: a surname and a given name before a landform is a person (李|家|沟 is not).
        if (slen == 1 && j - b == 3 && surnames_.count(t.c[b]) && t.c[b + 1] != U'家' &&
            std::u32string_view(U"沟庄屯坡滩峪坪岭寨堡营铺窑河湖岛港山湾").find(t.c[s]) != std::u32string_view::npos)
            continue;
        out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(j), "place"});
        for (std::size_t k = b; k < j; ++k) used[k] = 1;
    }
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.b < b.b; });
    return out;
}

// ---------------------------------------------------------------- organisations

OrgFinder::OrgFinder(const Gazetteer& gaz) : gaz_(gaz) {
    std::unordered_map<std::string, std::string> types;
    std::unordered_set<std::string> groups;
    std::vector<std::string> names;
    for (const auto& row : lexicon::read_table("org_known.tsv", 2)) {
        if (!types.count(row[0])) names.push_back(row[0]);
        types[row[0]] = row[1];
        if (row.size() > 2 && row[2] == "group") groups.insert(row[0]);
    }
    for (const auto& row : lexicon::read_table("org_learned.tsv", 2))
        if (!types.count(row[0])) {
            names.push_back(row[0]);
            types[row[0]] = row[1];
        }
    for (const auto& n : names) {
        std::u32string u = to_u32(n);
        if (u.size() < 2) continue;
        known_type_.push_back(types[n]);
        known_group_.push_back(groups.count(n) > 0);
        auto id = static_cast<std::int32_t>(known_type_.size() - 1);
        known_.insert(u, id);
        known_back_.insert(reversed(u), id);
    }
    for (const auto& row : lexicon::read_table("org_suffixes.tsv", 4)) {
        Suffix s;
        s.type = row[1];
        s.min_stem = std::stoi(row[2]);
        s.anchor = row[3] == "1" || row[3] == "2";
        s.anchor_alone = row[3] == "2";
        s.local = row.size() > 4 && row[4] == "1";
        std::u32string u = to_u32(row[0]);
        s.len = u.size();
        suffixes_.push_back(s);
        suffix_back_.insert(reversed(u), static_cast<std::int32_t>(suffixes_.size() - 1));
    }
    for (const auto& w : lexicon::read_lines("org_stop.tsv")) stop_.insert(to_u32(w), 0);
    for (const auto& w : lexicon::read_lines("org_anchors.tsv")) {
        anchor_.insert(to_u32(w), 0);
        anchor_back_.insert(reversed(to_u32(w)), 0);
    }
    for (const auto& row : lexicon::read_table("org_list_cues.tsv", 1))
        cues_.insert(to_u32(row[0]), row.size() > 1 && row[1] == "suffix" ? 1 : 0);
    for (const auto& w : lexicon::read_lines("org_reject.tsv")) reject_.insert(to_u32(w), 0);
    // Learned from DEV: strings that look like names but are rarely gold alone (国家教委, 老干部).
    for (const auto& row : lexicon::read_table("org_learned_reject.tsv", 1)) reject_.insert(to_u32(row[0]), 0);
    for (const auto& row : lexicon::read_table("org_learned_context.tsv", 4)) {
        ctx_stats_.push_back({std::stoi(row[1]), std::stoi(row[2]), std::stoi(row[3])});
        ctx_.insert(to_u32(row[0]), static_cast<std::int32_t>(ctx_stats_.size() - 1));
    }
    for (const auto& w : lexicon::read_lines("org_direction_words.tsv")) dir_back_.insert(reversed(to_u32(w)), 0);
    for (const auto& w : lexicon::read_lines("org_conjunctions.tsv")) conj_.insert(to_u32(w), 0);
    for (const auto& w : lexicon::read_lines("place_stations.tsv")) stations_.insert(to_u32(w), 0);
    for (const auto& w : lexicon::read_lines("place_joined_tails.txt")) joined_tails_back_.insert(reversed(to_u32(w)), 0);
    for (const auto& w : lexicon::read_words("org_grassroots_units.txt")) grassroots_back_.insert(reversed(to_u32(w)), 0);
    for (const auto& w : lexicon::read_words("org_list_place_tails.txt")) list_place_back_.insert(reversed(to_u32(w)), 0);
    for (const auto& row : lexicon::read_table("org_suffix_attributes.tsv", 2)) {
        Trie& words = attribute_after_[to_u32(row[0])];
        for (const auto& w : lexicon::words_of(row[1])) words.insert(to_u32(w), 0);
    }
    for (const auto& w : lexicon::read_words("titles.txt")) title_words_.insert(to_u32(w), 0);
    for (const auto& row : lexicon::read_table("org_bare_units.tsv", 2)) {
        bare_.insert(to_u32(row[0]), static_cast<std::int32_t>(bare_types_.size()));
        bare_types_.push_back(row[1]);
        bare_admin_only_.push_back(row.size() >= 3 && row[2] == "admin");
        bare_county_only_.push_back(row.size() >= 3 && row[2] == "county");
    }
    for (const auto& w : lexicon::read_lines("org_stem_breaks.tsv"))
        if (std::u32string u = to_u32(w); u.size() == 1) stem_breaks_.insert(u[0]);
    // (an entry written 研究|所在 is split only after that word: the value is the prefix's length)
    for (const auto& w : lexicon::read_lines("org_glued_words.txt")) {
        std::u32string u = to_u32(w);
        const std::size_t bar = u.find(U'|');
        if (bar != std::u32string::npos) u.erase(bar, 1);
        glued_.insert(u, bar == std::u32string::npos ? 0 : static_cast<std::int32_t>(bar));
    }
    for (const auto& w : lexicon::read_lines("org_unit_levels.txt")) levels_.insert(to_u32(w), 0);
    body_end_ = lexicon::read_chars("org_body_end_chars.txt");
    level_determiners_ = lexicon::read_chars("org_level_determiners.txt");
    prepositions_ = lexicon::read_chars("org_prepositions.txt");
    measure_words_ = lexicon::read_chars("org_measure_words.txt");
    for (const auto& w : lexicon::read_words("org_village_place_before.txt")) village_place_before_.push_back(to_u32(w));
    for (const auto& w : lexicon::read_lines("org_field_departments.txt")) field_departments_.insert(to_u32(w), 0);
    for (const auto& w : lexicon::read_words("org_party_short_names.txt"))
        (w[0] == '+' ? party_units_ : parties_).insert(to_u32(w[0] == '+' ? w.substr(1) : w), 0);
    for (const auto& w : lexicon::read_words("org_leading_verbs.txt")) leading_verbs_.insert(to_u32(w), 0);
    for (const auto& row : lexicon::read_table("org_subunits.tsv", 3)) {
        subunits_.push_back({row[1] == "-" ? std::string() : row[1], row[2] == "1"});
        sub_back_.insert(reversed(to_u32(row[0])), static_cast<std::int32_t>(subunits_.size() - 1));
    }
    for (const auto& w : lexicon::read_lines("org_country_abbrev.tsv")) {
        std::u32string u = to_u32(w);
        if (u.size() == 1) country_abbrev_.insert(u[0]);
    }
}

const OrgFinder::Ctx* OrgFinder::ctx_of(const Chars& t, std::size_t b, std::size_t e) const {
    if (e - b < 2) return nullptr;
    std::int32_t v = ctx_.get(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(b), t.c.begin() + static_cast<std::ptrdiff_t>(e)));
    if (v < 0) return nullptr;
    return &ctx_stats_[static_cast<std::size_t>(v)];
}

// A word that cannot sit inside a name: a stop word, a bare quantity (一个, 三家, 两) or
// numerals followed by a stop character (七个).
bool OrgFinder::stops_scan(const Chars& t, std::size_t b, std::size_t e) const {
    std::u32string piece(t.c.begin() + static_cast<std::ptrdiff_t>(b), t.c.begin() + static_cast<std::ptrdiff_t>(e));
    // 三|家|公司 but 企业|家|协会: a measure word ends a name only after a number or a quantifier
    // (org_measure_words.txt); after another word it makes a noun with it.
    if (piece.size() == 1 && measure_words_.count(piece[0]) && b > 0 && is_han(t.c[b - 1]) &&
        std::u32string_view(U"一二三四五六七八九十百千万两几多每这那该某各数").find(t.c[b - 1]) == std::u32string_view::npos)
        return false;
    if (stop_.contains(piece)) return true;
    // 经|派出所|审定: a preposition alone before a word of two or more (not an abbreviation's first
    // character before single ones: 国家|经|委, 经|发|局)
    if (piece.size() == 1 && prepositions_.count(piece[0]) && e < t.size() && t.next_bound(e, t.size()) >= e + 2) return true;
    // A word of two or more characters that DEV names almost never contain (作为, 任何, 取消).
    if (const Ctx* c = ctx_of(t, b, e); c && c->inside == 0 && c->occ >= 60) return true;
    static const std::u32string_view numerals = U"一二三四五六七八九十两几";
    std::size_t k = 0;
    while (k < piece.size() && numerals.find(piece[k]) != std::u32string_view::npos) ++k;
    if (k == 0) return false;
    return k == piece.size() || (k + 1 == piece.size() && stop_.contains(piece.substr(k)));
}

bool OrgFinder::rarely_inside(const Chars& t, std::size_t b, std::size_t e) const {
    const Ctx* c = ctx_of(t, b, e);
    return c && c->occ >= 5 && c->inside * 50 < c->occ;
}

bool OrgFinder::suffix_candidate(const Chars& t, std::size_t j, std::vector<Match>& out) const {
    std::int32_t v = -1;
    std::size_t slen = suffix_back_.longest_back(t, j, &v, false);
    if (!slen) return false;
    const Suffix& S = suffixes_[static_cast<std::size_t>(v)];
    std::size_t s = j - slen;
    // 县政府中心|工作: the suffix is an attribute of the word after it (org_suffix_attributes.tsv).
    if (const auto at = attribute_after_.find(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(s), t.c.begin() + static_cast<std::ptrdiff_t>(j)));
        at != attribute_after_.end() && j < t.size() && at->second.longest(t, j))
        return false;
    // The word ending here is a verb or common noun that merely ends like a name (主办, 格局) —
    // unless a longer suffix runs over it (司法|所, 市场|监管|所: the word 所 alone is a stop word).
    if (const auto ws = static_cast<std::size_t>(t.word_start[j - 1]); slen <= j - ws && stops_scan(t, ws, j)) return false;
    // 县妇联|执委, 县人大|常委: a title word the suffix ends is a post, no body's name.
    for (std::size_t l = slen + 1; l <= 3 && l <= j; ++l)
        if (title_at(t, j - l) == l) return false;
    // 内蒙古|东北部, 美国|东南部: a part of a place, not a body.
    if (direction_before(t, j)) return false;
    // …医院新院|区: no name ends inside a campus's or zone's word (org_list_place_tails.txt).
    for (std::size_t m = 1; m <= 2 && j + m <= t.size(); ++m)
        if (list_place_back_.longest_back(t, j + m, nullptr, false) > m) return false;
    const bool village = S.type == "village" || S.type == "community";
    // 全省|农村, 优化|农村: a common word that ends like a village (DEV seldom opens a name with
    // it), unless ICU cut a single character before it, the mark of a name (昌|农村), that is no
    // unit or place stop (全省|农村, 下|农村).
    if (village && slen == 1 && j >= 3 && t.word_start[j - 1] + 2 == static_cast<std::int32_t>(j) &&
        !(t.word_start[j - 3] == static_cast<std::int32_t>(j - 3) && is_han(t.c[j - 3]) &&
          !gaz_.stop_opens(t, j - 3) && !anchor_.contains(std::u32string(1, t.c[j - 3]))))
        if (const Ctx* c = ctx_of(t, j - 2, j); c && c->open * 100 < c->occ) return false;
    // 带|队: a one-character suffix after a one-character word that DEV never saw with it inside a
    // name (检察长石建国带|队).
    if (slen == 1 && s > 0 && t.word_start[s - 1] == static_cast<std::int32_t>(s - 1)) {
        const Ctx* c = ctx_of(t, s - 1, j);
        if (c && c->inside == 0) return false;
    }
    std::size_t cur = s, stem = 0;
    bool named = false, dict_compound = false, after_name = false;
    if (s > 0) {
        std::size_t ws = static_cast<std::size_t>(t.word_start[s]);
        if (ws < s) {
            // The suffix ends a dictionary word. X+suffix of two characters is a common word
            // (格局, 农村, 当局) unless ICU cut single characters before it (昌/农村: a name).
            if (s - ws == 1 && slen == 1) {
                bool frag = ws > 0 && t.word_start[ws - 1] == static_cast<std::int32_t>(ws - 1) && is_han(t.c[ws - 1]);
                if (!frag) return false;
            } else {
                dict_compound = true; // 外交部, 卫生部: the dictionary knows the whole name
            }
            if (!all_han(t, ws, s)) return false;
            stem += s - ws;
            cur = ws;
        }
    }
    // 第三十一中学, 第四聋哑学校: a school by its number alone, after punctuation or a conjunction (a
    // place before it is read below: 天津|第一|中学).
    if (S.type == "school") {
        static constexpr std::u32string_view numerals = U"一二三四五六七八九十百零〇";
        for (std::size_t q = s; q + 4 >= s && q >= 2; --q) { // (up to four characters of kind: 聋哑)
            std::size_t d = q;
            while (d > 0 && q - d < 4 && numerals.find(t.c[d - 1]) != std::u32string_view::npos) --d;
            if (d < q && d >= 1 && t.c[d - 1] == U'第') {
                const std::size_t b = d - 1;
                const bool opens = b == 0 || !is_han(t.c[b - 1]) || std::u32string_view(U"和与及").find(t.c[b - 1]) != std::u32string_view::npos;
                if (opens && !(q < s && stops_scan(t, q, s))) {
                    out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(j), S.type});
                    return true;
                }
                break;
            }
            if (!is_han(t.c[q - 1]) || numerals.find(t.c[q - 1]) != std::u32string_view::npos) break;
        }
    }
    const std::size_t max_stem = village ? 3 : S.type == "company" ? 14 : 10;
    // A known body ending here (国务院) extends leftward only by places and bodies (中国国务院),
    // never by loose words (经国务院批准).
    // A whole known body (国务院, 财政部) right after another known body is a body of its own
    // (党中央|国务院, 民政部|财政部); a unit after its parent and a place stays one name
    // (中国科学院沈阳金属研究所, 新华社澳门分社).
    bool complete = false;
    if (std::size_t kl = known_back_.longest_back(t, j); kl >= j - cur) {
        cur = j - kl;
        stem = kl > slen ? kl - slen : 0;
        named = true;
        complete = true;
    }
    // 人民日报文艺部|大连市委宣传部, 北京电视台|北京市儿童艺术剧团 (a roster without punctuation): a
    // place written with its unit opens a body of its own after a known body, unless the name is
    // that body's branch there (农行|河南省分行); a place without its unit stays inside the unit's
    // name (中国科学院|沈阳|金属研究所).
    auto branch = [&] { // asked only where such a place was read, not for every candidate
        std::int32_t sv = -1;
        return sub_back_.longest_back(t, j, &sv, false) && subunits_[static_cast<std::size_t>(sv)].place_ok;
    };
    auto unit_char = [](char32_t c) { return std::u32string_view(U"省市县").find(c) != std::u32string_view::npos; };
    bool unit_place = false;
    while (cur > 0) {
        std::int32_t kv;
        const std::size_t gl = gaz_.ending_at(t, cur);
        const std::size_t kl = known_back_.longest_back(t, cur, &kv);
        if (complete && kl > gl && kl >= anchor_back_.longest_back(t, cur)) break;
        // (a group's local company keeps the group's name before its place: 国网|临川县|供电公司)
        if (unit_place && kl > gl && !branch() && !(kv >= 0 && known_group_[static_cast<std::size_t>(kv)])) break;
        unit_place = false;
        complete = false;
        std::size_t pl = std::max(gl, kl);
        const std::size_t al = anchor_back_.longest_back(t, cur);
        // 嘉峪|市|有线电视台, 塔兰托|市|消防队, 湖州|练|市|针织制衣厂: a lone 市/县/州 after a
        // name the gazetteer does not know (ICU's single-character fragments, or one unknown
        // word) closes that place; the place opens the body, not the bare unit.
        if (al == 1 && pl == 0 && cur >= 3 && std::u32string_view(U"市县州").find(t.c[cur - 1]) != std::u32string_view::npos) {
            std::size_t a = cur - 1, k = a;
            if (t.word_start[a - 1] + 1 == static_cast<std::int32_t>(a)) {
                while (k > 0 && a - k < 3 && t.word_start[k - 1] + 1 == static_cast<std::int32_t>(k) && is_han(t.c[k - 1]) &&
                       !stop_.contains(std::u32string(1, t.c[k - 1])) && !gaz_.stop_opens(t, k - 1))
                    --k;
                // one fragment alone only right after a known place (湖州|练|市)
                if (a - k == 1 && !gaz_.ending_at(t, k)) k = a;
            } else if (std::size_t wb = static_cast<std::size_t>(t.word_start[a - 1]);
                       a - wb >= 2 && a - wb <= 3 && all_han(t, wb, a) && !stops_scan(t, wb, a) && !gaz_.stop_opens(t, wb) &&
                       !known_back_.longest_back(t, a) &&
                       // not a word glued to a name ICU cut into single characters (邵|明|远到|县)
                       !(wb >= 1 && t.word_start[wb - 1] == static_cast<std::int32_t>(wb - 1) && is_han(t.c[wb - 1]))) {
                const Ctx* c = ctx_of(t, wb, a);
                if (!c || c->inside * 4 >= c->occ) k = wb;
            }
            if (k < a && stem + (cur - k) <= 20) {
                stem += cur - k;
                cur = k;
                named = true;
                continue;
            }
        }
        // 全|镇|共有…合作社: a level after a determiner (org_level_determiners.txt) opens nothing.
        if (al == 1 && pl == 0 && cur >= 2 && level_determiners_.count(t.c[cur - 2])) break;
        pl = std::max(pl, al);
        if (pl) {
            if (village && stem >= 2) {
                after_name = true;
                break;
            }
            if (stem + pl > 20) break;
            unit_place = gl >= kl && (unit_char(t.c[cur - 1]) || unit_char(t.c[cur]));
            cur -= pl;
            stem += pl;
            named = true;
            // 岭|南县实验中学: a lone character at a clause's start before a one-character county ICU and
            // the gazetteer know (南县, 沙县) is the first of an unknown county's name.
            if (pl == 2 && cur >= 1 && (cur == 1 || !is_han(t.c[cur - 2])) && is_han(t.c[cur - 1]) &&
                t.word_start[cur - 1] == static_cast<std::int32_t>(cur - 1) &&
                std::u32string_view(U"县市区").find(t.c[cur + 1]) != std::u32string_view::npos &&
                !stop_.contains(std::u32string(1, t.c[cur - 1])) && !gaz_.stop_opens(t, cur - 1) && !country_abbrev_.count(t.c[cur - 1])) {
                --cur;
                ++stem;
                break;
            }
            continue;
        }
        // 中国驻|美国|大使馆: a mission abroad keeps its sending country.
        if (named && t.c[cur - 1] == U'驻' && cur >= 3) {
            if (std::size_t p2 = gaz_.ending_at(t, cur - 1); p2 && stem + p2 + 1 <= 20) {
                cur -= p2 + 1;
                stem += p2 + 1;
                continue;
            }
        }
        // 俄|外交部, 巴|政府, 美|国务院: a one-character country abbreviation as its own word,
        // after punctuation or a function word.
        if (t.word_start[cur - 1] == static_cast<std::int32_t>(cur - 1) && country_abbrev_.count(t.c[cur - 1]) &&
            (named || dict_compound || stem > 0)) {
            std::size_t a = cur - 1;
            // after punctuation, a stop word or, before a known body, any word of two characters or more (援引|俄|外交部);
            // not after a single character, the mark of a name cut by ICU
            bool open = a == 0 || (!is_han(t.c[a - 1]) && !(t.c[a - 1] >= U'0' && t.c[a - 1] <= U'9')) ||
                        stops_scan(t, static_cast<std::size_t>(t.word_start[a - 1]), a) ||
                        (is_han(t.c[a - 1]) && a - static_cast<std::size_t>(t.word_start[a - 1]) >= 2 &&
                         known_back_.longest_back(t, j) == j - cur); // only before a known body
            if (open) {
                cur = a;
                stem += 1;
                named = true;
                break;
            }
        }
        std::size_t wb = static_cast<std::size_t>(t.word_start[cur - 1]);
        // 云南省|第二|人民医院, 天津|第一|中学: an ordinal right after the place that opens the name;
        // or after the bulletin's own unit (市|第一|人民医院, 县|第二|中学).
        if (named && stem > 0 && cur - wb >= 2 && t.c[wb] == U'第' && stem + (cur - wb) <= 20) {
            bool ord = true;
            for (std::size_t k = wb + 1; k < cur && ord; ++k)
                ord = std::u32string_view(U"一二三四五六七八九十百零〇").find(t.c[k]) != std::u32string_view::npos;
            if (ord && wb > 0 && (gaz_.ending_at(t, wb) || known_back_.longest_back(t, wb) || anchor_back_.longest_back(t, wb))) {
                stem += cur - wb;
                cur = wb;
                continue;
            }
        }
        if (named) break; // a place or body opens the name: 扬州市|食品药品检验检测中心
        // 祝|家|社区, 何|家|庄村, 沈|家|湾社区: a surname and 家, each a word to ICU, open a village or
        // community, whatever the surname's character does as a word (祝贺, 何时).
        if (village && cur - wb == 1 && t.c[wb] == U'家' && wb >= 1 && t.word_start[wb - 1] == static_cast<std::int32_t>(wb - 1) &&
            gaz_.surname(t.c[wb - 1]) && stem + 2 <= max_stem + 1) {
            stem += 2;
            cur = wb - 1;
            named = true;
            break;
        }
        if (t.c[cur - 1] == U'）') { // 晶澳（高邮）光伏: a place in parentheses stays inside, and so does
            std::size_t k = cur - 1;  // the brand's Latin spelling (博朗格（Brangel）公司)
            while (k > 0 && cur - k < 16 && t.c[k] != U'（') --k;
            auto latin = [&](std::size_t b, std::size_t e) {
                if (e <= b + 1) return false;
                for (std::size_t q = b; q < e; ++q)
                    if (!((t.c[q] >= U'A' && t.c[q] <= U'Z') || (t.c[q] >= U'a' && t.c[q] <= U'z') || t.c[q] == U' ' || t.c[q] == U'-' || t.c[q] == U'.'))
                        return false;
                return true;
            };
            const bool brand = latin(k + 1, cur - 1);
            // ZhiYuan Robotics（智远机器人）有限公司: a Latin name and its Chinese name in brackets open
            // the company (its capitalised words, one space between them).
            if (t.c[k] == U'（' && k > 0 && stem == 0 && all_han(t, k + 1, cur - 1) && cur - k <= 12 &&
                ((t.c[k - 1] >= U'A' && t.c[k - 1] <= U'Z') || (t.c[k - 1] >= U'a' && t.c[k - 1] <= U'z'))) {
                auto letter = [&](std::size_t q) { return (t.c[q] >= U'A' && t.c[q] <= U'Z') || (t.c[q] >= U'a' && t.c[q] <= U'z'); };
                std::size_t q = k, open = k;
                for (;;) {
                    std::size_t w = q;
                    while (w > 0 && letter(w - 1)) --w;
                    if (w == q || !(t.c[w] >= U'A' && t.c[w] <= U'Z')) break;
                    open = w;
                    if (w >= 2 && t.c[w - 1] == U' ' && letter(w - 2)) q = w - 1;
                    else break;
                }
                if (open < k) {
                    stem += cur - open;
                    cur = open;
                    named = true;
                }
                break;
            }
            if (t.c[k] != U'（' || k == 0 || !(brand || (all_han(t, k + 1, cur - 1) && cur - k < 8)) || !is_han(t.c[k - 1]) ||
                (stem == 0 && !brand))
                break;
            wb = k;
        } else if (!all_han(t, wb, cur)) {
            // NEC公司, TCL集团: a Latin-letter name right before the suffix opens the name; so it does
            // before a single character of an unknown brand (SGS|通|标|标准技术服务有限公司).
            bool latin = (stem == 0 || (t.word_start[cur] == static_cast<std::int32_t>(cur) && t.bound[cur + 1])) && cur - wb >= 2;
            for (std::size_t k = wb; k < cur && latin; ++k)
                latin = (t.c[k] >= U'A' && t.c[k] <= U'Z') || (t.c[k] >= U'0' && t.c[k] <= U'9');
            if (latin && t.c[wb] >= U'A' && t.c[wb] <= U'Z') {
                stem += cur - wb;
                cur = wb;
                named = true;
            }
            break;
        } else if (stops_scan(t, wb, cur)) {
            // A company name is made of ordinary words (青溪华|创新|材料公司): a word that DEV names
            // rarely contain does not end it when ICU cut a single character before it, the mark
            // of an unknown proper name. Listed stop words always end it.
            // (or two or three words before it: 宏|达|汽车|销售|服务有限公司, the trade words after the brand)
            const bool fragment_before = S.type == "company" && wb > 0 && [&] {
                std::size_t q = wb;
                for (int words = 0; words < 3 && q > 0 && is_han(t.c[q - 1]); ++words) {
                    const auto w = static_cast<std::size_t>(t.word_start[q - 1]);
                    // (a single character right before the word, or two of them further back: a brand)
                    if (w + 1 == q) return words == 0 || (q >= 2 && t.word_start[q - 2] + 1 == static_cast<std::int32_t>(q - 1) && is_han(t.c[q - 2]));
                    if (stop_.contains(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(w), t.c.begin() + static_cast<std::ptrdiff_t>(q)))) return false;
                    q = w;
                }
                return false;
            }();
            const std::u32string piece(t.c.begin() + static_cast<std::ptrdiff_t>(wb),
                                       t.c.begin() + static_cast<std::ptrdiff_t>(cur));
            if (!fragment_before || stop_.contains(piece)) break;
        }
        // 区农业农村局|原|党组成员: 原 alone marks a past post, no part of a body's name.
        if (cur - wb == 1 && t.c[wb] == U'原') break;
        // 住进|医院, 考上|大学, 找来|公司: a verb and its complement, not a name.
        if (cur - wb >= 2 && stem_breaks_.count(t.c[cur - 1]) && !gaz_.ending_at(t, cur)) break;
        // (so is such a verb's one character right before the suffix: 非遗|进|社区, 送法|进|校园)
        if (stem == 0 && cur - wb == 1 && stem_breaks_.count(t.c[wb]) && wb > 0 && is_han(t.c[wb - 1])) break;
        if (stem + (cur - wb) > max_stem) break;
        stem += cur - wb;
        cur = wb;
    }
    // 材料科学|与|工程学院: the scan stopped at the 与 of a department named for two fields.
    if (!named && stem >= 2)
        if (const std::size_t f2 = two_fields_before(t, cur, j); f2 < cur) {
            stem += cur - f2;
            cur = f2;
            named = true;
        }
    if (stem < static_cast<std::size_t>(S.min_stem)) return false;
    // An unanchored name opened by a word that DEV names almost never start with is a generic
    // description (保险公司, 电话公司, 专家委员会), not a name.
    if (!named && cur < s) { // villages too: 小康村, 生态村, 特困村
        std::size_t we = cur + 1;
        while (we < j && t.word_start[we] == static_cast<std::int32_t>(cur)) ++we;
        const Ctx* c = ctx_of(t, cur, we);
        // 距|南开大学, 以|上海市虹口检察院: a single character that rarely opens a name (a preposition
        // or verb) before a word of two or more is left out, and the rest is judged as the name.
        const std::int32_t v1 = we == cur + 1 ? ctx_.get(std::u32string(1, t.c[cur])) : -1;
        const Ctx* c1 = v1 >= 0 ? &ctx_stats_[static_cast<std::size_t>(v1)] : nullptr;
        if (!village && c1 && c1->occ >= 20 && c1->open * 100 < c1->occ && we < s && t.word_start[we] == static_cast<std::int32_t>(we) &&
            t.word_start[we + 1] == static_cast<std::int32_t>(we)) {
            cur = we;
            --stem;
            we = cur + 1;
            while (we < j && t.word_start[we] == static_cast<std::int32_t>(cur)) ++we;
            c = ctx_of(t, cur, we);
        }
        // 他是|丰|禾|农业专业合作社: so is a word of two or more (ICU's glued pronoun and verb) before
        // the single characters of an unknown brand.
        if (!village && c && c->open * 100 < c->occ && we - cur >= 2 && we < s && t.word_start[we] == static_cast<std::int32_t>(we) &&
            t.bound[we + 1] && is_han(t.c[we]) && stem - (we - cur) >= static_cast<std::size_t>(S.min_stem)) {
            stem -= we - cur;
            cur = we;
            we = cur + 1;
            while (we < j && t.word_start[we] == static_cast<std::int32_t>(cur)) ++we;
            c = ctx_of(t, cur, we);
        }
        if (c && c->open * 100 < c->occ) return false;
    }
    // 下农村, 实行村: a village name opens a clause or follows a function word or a place; but a
    // stem ICU cut into single characters, an unknown proper name, may follow a verb of two or
    // more (查看|莲|塘|社区).
    bool fragments = stem >= 2;
    for (std::size_t k = cur; k < s && fragments; ++k) fragments = t.word_start[k] == static_cast<std::int32_t>(k) && t.bound[k + 1];
    const bool after_word = cur >= 2 && t.word_start[cur - 1] + 1 < static_cast<std::int32_t>(cur);
    // 城东街道|桂花社区: a community right after its street office
    const bool after_office = cur >= 2 && t.c[cur - 2] == U'街' && t.c[cur - 1] == U'道';
    if (village && !named && !after_name && !after_office && cur > 0 && !(fragments && after_word) &&
        ((t.c[cur - 1] >= U'0' && t.c[cur - 1] <= U'9') ||
         (is_han(t.c[cur - 1]) && !stop_.contains(std::u32string(1, t.c[cur - 1])))))
        return false;
    // 国际组织, 全国委员会, 人民法院: an anchor alone before a generic suffix names no body.
    if (S.anchor && !S.anchor_alone && anchor_.longest(t, cur, nullptr, false) == j - slen - cur && !known_.contains(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(cur), t.c.begin() + static_cast<std::ptrdiff_t>(j))))
        return false;
    if (stem == 0 && S.min_stem > 0) return false;
    if (S.anchor && !dict_compound && !named && !anchor_.longest(t, cur, nullptr, false)) return false;
    if (cur > 0 && t.c[cur] == U'（') return false;
    if (listed_reject(t, cur, j)) return false;
    // 区长方国栋带|队: a title and the single characters of a name after it are a titled person
    // and what they do, no body's name.
    for (std::size_t q = cur; q < s; ++q)
        if (const std::size_t tl = title_at(t, q); tl >= 2 && q + tl + 2 <= s && t.word_start[q + tl] == static_cast<std::int32_t>(q + tl) &&
                                                 t.bound[q + tl + 1] && t.word_start[q + tl + 1] == static_cast<std::int32_t>(q + tl + 1) &&
                                                 t.bound[q + tl + 2] && gaz_.surname(t.c[q + tl]))
            return false;
    out.push_back({static_cast<std::uint32_t>(cur), static_cast<std::uint32_t>(j), S.type});
    return true;
}

void OrgFinder::visit_lists(const Chars& t, std::vector<Match>& out) const {
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n; ++i) {
        std::int32_t cue = 0;
        std::size_t cl = cues_.longest(t, i, &cue);
        if (!cl) continue;
        std::size_t p = i + cl;
        if (p < n && t.c[p] == U'了') ++p;
        std::vector<std::pair<std::size_t, std::size_t>> items;
        bool closed = false, enterprises = false, last = false;
        // 和 or 及, a word of its own, joins the last item of an inspection's list (whose items all end
        // in an organisation's suffix, so no clause runs on after it)
        auto joins_last = [&](std::size_t q) { return q + 1 < n && (t.c[q] == U'和' || t.c[q] == U'及') && t.bound[q] && t.bound[q + 1]; };
        while (p < n) {
            std::size_t b = p;
            int depth = 0;
            while (p < n && (is_han(t.c[p]) || t.c[p] == U'（' || (depth && t.c[p] == U'）'))) {
                if (t.c[p] == U'（') ++depth;
                if (t.c[p] == U'）') --depth;
                if (t.c[p] == U'等' && depth == 0 && p >= b + 2 &&
                    (t.bound[p] || (p + 1 < n && std::u32string_view(U"处地家个单企项公部").find(t.c[p + 1]) != std::u32string_view::npos)))
                    break;
                if (cue == 1 && depth == 0 && p >= b + 2 && joins_last(p)) break;
                ++p;
            }
            if (p - b < 2 || p - b > 12 || depth) break;
            // (an inspection's item holds no verb of its own: 检查组先后检查了…)
            if (cue == 1 && std::u32string_view(t.c.data() + b, p - b).find(U'了') != std::u32string_view::npos) break;
            // an item holding a word no name holds is a clause, not a unit (到|境外旅游的费用比到北京、上海等);
            // a single character among single characters is a piece of a name ICU does not know (新|能|易|事|特)
            bool clause = false;
            auto single = [&](std::size_t k) { return k < n && t.bound[k] && k + 1 <= n && t.bound[k + 1]; };
            for (std::size_t w = b; w < p && !clause;) {
                const std::size_t we = t.next_bound(w, p);
                const bool fragment = we == w + 1 && ((w > b && single(w - 1)) || (we < p && single(we)));
                clause = !fragment && stops_scan(t, w, we);
                w = we;
            }
            if (clause) break;
            items.emplace_back(b, p);
            if (last) { // the item after 和 ends an inspection's list at punctuation (…、欣康大药房和澄阳万家乐购物中心。)
                closed = p < n && (t.c[p] == U'。' || t.c[p] == U'，' || t.c[p] == U'；');
                break;
            }
            if (cue == 1 && joins_last(p)) {
                last = true;
                ++p;
                continue;
            }
            if (p < n && t.c[p] == U'、') {
                ++p;
                continue;
            }
            if (p < n && t.c[p] == U'等') {
                closed = !(p + 1 < n && t.c[p + 1] == U'地');
                // (等企业, 等公司, 等厂家: the list calls its items enterprises)
                const std::u32string_view after = p + 2 < n ? std::u32string_view(t.c.data() + p + 1, 2) : std::u32string_view();
                enterprises = after == U"企业" || after == U"公司" || after == U"厂家";
            }
            break;
        }
        if (!closed || items.size() < 2) continue;
        for (auto [b, e] : items) {
            if (gaz_.at(t, b) >= e - b) continue; // a list of places, not of units
            if (list_place_back_.longest_back(t, e, nullptr, false)) continue; // (城东工业园区, …医院新院区: places)
            // (an inspection's unit: a name of two characters or more before an organisation's suffix,
            // not the bare suffix: 检查了超市、药店)
            const std::size_t suffix = suffix_back_.longest_back(t, e, nullptr, false);
            if (cue == 1 && (suffix == 0 || suffix + 2 > e - b)) continue;
            out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), "company", true, (enterprises || cue == 1) && e - b >= 3});
        }
        i = p;
    }
}

void OrgFinder::extend_subunits(const Chars& t, std::vector<Match>& m) const {
    const std::size_t n = t.size();
    for (std::size_t k = 0; k < m.size(); ++k) {
        if (m[k].type == "facility" || m[k].type == "place") continue;
        for (bool grown = true; grown;) {
            grown = false;
            const std::size_t b = m[k].e;
            if (!t.bound[b]) break;
            std::size_t next_b = k + 1 < m.size() ? m[k + 1].b : n;
            std::size_t next_e = k + 1 < m.size() ? m[k + 1].e : n;
            // Pieces ending in a sub-unit suffix at a word end, within 8 Han characters; the
            // longest that passes the checks wins (上海师范大学|化工系|九五级本科: 化工系, not 化工系九五级本科).
            std::vector<std::pair<std::size_t, std::int32_t>> pieces;
            for (std::size_t j = b + 1; j <= n && j - b <= 8 && is_han(t.c[j - 1]); ++j) {
                if (!t.bound[j]) continue;
                std::int32_t v = -1;
                std::size_t sl = sub_back_.longest_back(t, j, &v, false);
                // One-character suffixes need a stem of two (医务|科, 外资|司; not 全部, 心系, 部队),
                // but a clinical department may be one word of two (儿科, 骨科).
                const bool dept = sl == 1 && t.c[j - 1] == U'科';
                if (!sl || sl > j - b || (sl == 1 && j - b < (dept ? 2u : 3u))) continue;
                pieces.emplace_back(j, v);
            }
            for (auto it = pieces.rbegin(); it != pieces.rend() && !grown; ++it) {
                const std::size_t best = it->first;
                // 科教处|处长, 外交部|发展司|司长: the piece stops before a title it would cut.
                if (best < n && (t.c[best] == U'长' || t.c[best] == t.c[best - 1])) continue;
                // A match starting inside the piece and ending past it is the next body, not a sub-unit.
                if (next_b < best && next_e > best) continue;
                // (nor a room, an ending DEV never saw inside a name: 县人民医院|八楼会议室)
                if (best - b > 3 && t.bound[best - 3])
                    if (const Ctx* c = ctx_of(t, best - 3, best); c && c->inside == 0) continue;
                const Subunit& S = subunits_[static_cast<std::size_t>(it->second)];
                // (原 opens a title of the past, no sub-unit: 区农业农村局|原党组成员)
                bool ok = t.c[b] != U'原';
                // (the suffix's own words are no stop: 东江|代表|处)
                const std::size_t stem_end = best - sub_back_.longest_back(t, best, nullptr, false);
                for (std::size_t w = b; w < stem_end && ok;) {
                    const std::size_t we = t.next_bound(w, best);
                    if (stops_scan(t, w, we)) ok = false;
                    if (!S.place_ok && gaz_.at(t, w)) ok = false;
                    if (known_.longest(t, w) >= best - w) ok = false; // 政治部|文化部: a second body
                    w = we;
                }
                if (!ok) continue;
                m[k].e = static_cast<std::uint32_t>(best);
                if (!S.type.empty()) m[k].type = S.type;
                while (k + 1 < m.size() && m[k + 1].b < best) m.erase(m.begin() + static_cast<std::ptrdiff_t>(k + 1));
                grown = true;
            }
        }
    }
}

namespace {
// A phrase that counts or sorts bodies (三家公司, 几大电信公司, 中国各大证券公司, 日本全国各类银行,
// 全国城镇中小学) or holds a pronoun (他指责真相委员会) describes bodies; it names none.
bool describes_bodies(const Chars& t, std::size_t b, std::size_t e) {
    static constexpr std::u32string_view numerals = U"一二三四五六七八九十两百千万";
    // 区县政府, 县市区委, 省市县三级: a run of administrative levels opens the bodies of each, no one body
    static constexpr std::u32string_view levels = U"省市县区乡镇";
    if (e - b >= 3 && levels.find(t.c[b]) != std::u32string_view::npos && levels.find(t.c[b + 1]) != std::u32string_view::npos &&
        t.c[b] != t.c[b + 1]) {
        // the word the second level opens holds only levels (县|市区|委), not 县|市场|监督管理局
        const std::size_t we = t.next_bound(b + 1, e);
        bool only_levels = true;
        for (std::size_t q = b + 1; q < we; ++q) only_levels = only_levels && levels.find(t.c[q]) != std::u32string_view::npos;
        if (only_levels) return true;
    }
    for (std::size_t k = b; k < e; ++k) {
        const char32_t c = t.c[k];
        if (c == U'各' || c == U'她' || (c == U'他' && !(k > b && t.c[k - 1] == U'耳'))) return true; // not 马耳他
        if (c == U'几' && !(k + 1 < e && t.c[k + 1] == U'内')) return true;                         // not 几内亚
        if (numerals.find(c) != std::u32string_view::npos && k + 1 < e) {
            const char32_t d = t.c[k + 1];
            if (d == U'家' || d == U'类') return true;
            if (d == U'大' && !(k + 2 < e && (t.c[k + 2] == U'队' || t.c[k + 2] == U'楼'))) return true; // not 三大队
        }
        if (c == U'全' && k + 2 < e) {
            std::size_t q = k + 1;
            if (std::u32string_view(U"国省市县区").find(t.c[q]) != std::u32string_view::npos) ++q;
            if (q + 1 < e && t.c[q] == U'城' && (t.c[q + 1] == U'镇' || t.c[q + 1] == U'乡')) return true;
        }
    }
    return false;
}
} // namespace

// ICU's dictionary glues a particle onto a name's last character (县人社局在县城: 局在, a Japanese
// word): the words of org_glued_words.txt are read as two. Null when the text holds none.
std::optional<Chars> OrgFinder::unglued(const Chars& t) const {
    std::optional<Chars> out;
    for (std::size_t j = 1; j + 1 < t.size(); ++j) {
        if (t.bound[j] || !t.bound[j + 1] || t.word_start[j] + 1 != static_cast<std::int32_t>(j)) continue;
        bool glued = false;
        for (std::size_t p = 0; p <= 4 && p + 1 <= j && !glued; ++p) {
            const std::size_t k = j - 1 - p;
            std::int32_t v = -1;
            glued = t.bound[k] && glued_.longest(t, k, &v, false) == p + 2 && v == static_cast<std::int32_t>(p);
        }
        if (!glued) continue;
        if (!out) out = t;
        out->bound[j] = 1;
        out->word_start[j] = static_cast<std::int32_t>(j);
    }
    return out;
}

std::vector<Match> OrgFinder::find(const Chars& text) const {
    const std::optional<Chars> split = unglued(text);
    const Chars& t = split ? *split : text;
    std::vector<Match> cand;
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!t.bound[i]) continue;
        std::int32_t v = -1;
        if (std::size_t len = known_at(t, i, &v))
            cand.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len), known_type_[static_cast<std::size_t>(v)]});
    }
    for (std::size_t j = 1; j <= n; ++j)
        if (t.bound[j] && is_han(t.c[j - 1])) suffix_candidate(t, j, cand);
    visit_lists(t, cand);
    std::erase_if(cand, [&](const Match& m) { return m.type != "facility" && rejects(t, m.b, m.e); });
    // 新华社区|广场: a facility named after the community it is in gives way to the community.
    std::erase_if(cand, [&](const Match& m) {
        return m.type == "facility" && std::any_of(cand.begin(), cand.end(), [&](const Match& c) {
                   return c.type == "community" && c.b >= m.b && c.e < m.e;
               });
    });
    std::vector<Match> out = resolve(std::move(cand));
    extend_subunits(t, out);
    return out;
}

namespace {
// A village (or the 、-list of villages it opens) followed by what a body does at a meeting or in
// a partnership: 昌农村、花王村分别作表态发言, 阳沟村开展结对共建.
bool village_acts(const Chars& t, const std::vector<Match>& ms, std::size_t k, const std::vector<std::u32string>& place_before) {
    // 到|石门坎村|开展…: the village where another body acts (org_village_place_before.txt), no body
    const std::size_t b = ms[k].b;
    for (const auto& w : place_before)
        if (b >= w.size() && std::equal(w.begin(), w.end(), t.c.begin() + static_cast<std::ptrdiff_t>(b - w.size()))) return false;
    std::size_t e = ms[k].e;
    while (e < t.size() && t.c[e] == U'、' && k + 1 < ms.size() && ms[k + 1].b == e + 1 &&
           (ms[k + 1].type == "village" || ms[k + 1].type == "community"))
        e = ms[++k].e;
    static constexpr std::u32string_view acts[] = {U"分别", U"开展", U"召开", U"举行", U"作表态", U"作交流"};
    for (std::u32string_view a : acts) {
        if (e + a.size() > t.size()) continue;
        if (std::equal(a.begin(), a.end(), t.c.begin() + static_cast<std::ptrdiff_t>(e))) return true;
    }
    return false;
}
} // namespace

std::vector<Match> OrgFinder::bodies_by_usage(const Chars& t, const std::vector<Match>& ms) const {
    std::vector<Match> out;
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const Match& m = ms[k];
        bool body = m.type == "community" || (m.type == "village" && village_acts(t, ms, k, village_place_before_));
        // A visited company ICU does not know comes out in single-character pieces (晶|樱|光电) or
        // carries its place in parentheses (风帆（扬州）); an item made of dictionary words is a
        // common noun (到|机关、厂矿, 人口、社会).
        // (any item the list calls an enterprise: 走访了…、中天钢铁等企业)
        if (m.listed && !stops_scan(t, m.b, m.b + 1)) {
            body = m.enterprise;
            for (std::size_t i = m.b; i < m.e && !body; ++i)
                body = t.c[i] == U'（' ||
                       (t.word_start[i] == static_cast<std::int32_t>(i) && (i + 1 == m.e || t.bound[i + 1]) && is_han(t.c[i]));
        }
        // 县|应急管理局, 市|卫健委, 开发区|纪工委: the bulletin's own unit alone opens the name, no
        // place before it. News text names such bodies with their place (扬州市卫生健康委员会) and
        // PFR never counts the bare form (市民政局: 0 of 223), but to a county's bulletin it is how
        // its own bodies are named, and they are what its readers look for.
        if (!body && m.type != "village" && m.type != "facility" && t.word_start[m.b] == static_cast<std::int32_t>(m.b) &&
            !gaz_.ending_at(t, m.b) && t.c[m.b] != U'全' && gaz_.suffix_ending_at(t, m.b + 1) < 2) { // not 自治|区|…
            const std::size_t al = anchor_.longest(t, m.b, nullptr, false);
            body = al > 0 && al + 2 <= m.e - m.b && m.e - m.b <= al + 12 && t.bound[m.b + al] && // not 省际|妇联
                   std::u32string_view(U"市县区").find(t.c[m.b + al - 1]) != std::u32string_view::npos &&
                   !stops_scan(t, m.b + al, m.e) && t.c[m.b + al] != U'全'; // 县|全部: a common word after the unit
            // 省|农|科|院: a province's body by an abbreviation ICU cuts into single characters; the
            // province's bodies in words (省林业厅, 省工商局) are how news text writes them with no
            // place, and PFR does not count them.
            if (!body && al == 1 && t.c[m.b] == U'省' && t.bound[m.b + 1] && m.e - m.b >= 4 && m.e - m.b <= 6) {
                body = !stops_scan(t, m.b + 1, m.e);
                for (std::size_t i = m.b + 1; i < m.e && body; ++i) body = t.word_start[i] == static_cast<std::int32_t>(i) && t.bound[i + 1];
            }
        }
        // ZhiYuan Robotics（智远机器人）有限公司: a company opening with a Latin name (news text writes
        // few; the name tagger reads none whole).
        if (!body && m.type == "company" && t.c[m.b] >= U'A' && t.c[m.b] <= U'Z' &&
            std::any_of(t.c.begin() + m.b, t.c.begin() + m.e, [](char32_t ch) { return ch == U'（'; }))
            body = true;
        // 福|满|楼|酒家, 德|旺|便利店: a shop or restaurant named by a brand ICU cuts into single
        // characters, as inspection reports name the businesses they checked.
        if (!body && m.type == "company") {
            std::int32_t v = -1;
            const std::size_t sl = suffix_back_.longest_back(t, m.e, &v, false);
            if (sl && suffixes_[static_cast<std::size_t>(v)].local && m.e - m.b >= sl + 2) {
                body = true;
                for (std::size_t i = m.b; i < m.e - sl && body; ++i)
                    body = is_han(t.c[i]) && t.word_start[i] == static_cast<std::int32_t>(i) && t.bound[i + 1];
            }
        }
        // 湖口市场监管所, 城关镇司法所: a town's unit on the ground, opened by the place it serves or
        // opening a clause (not 带进机场派出所, 多块经派出所: words the rules ran over).
        if (!body && m.type != "village" && m.type != "facility")
            if (const std::size_t gl = grassroots_back_.longest_back(t, m.e, nullptr, false); gl && m.e - m.b >= gl + 2)
                body = (gaz_.at(t, m.b) > 0 || m.b == 0 || (!is_han(t.c[m.b - 1]) && !u_isdigit(static_cast<UChar32>(t.c[m.b - 1])))) && !stops_scan(t, m.b, t.next_bound(m.b, m.e));
        if (body) out.push_back(m);
    }
    return out;
}

std::vector<Match> OrgFinder::bare_units(const Chars& t) const {
    std::vector<Match> out;
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        // 农工党岚溪县总支, 民建岚溪县基层委员会: a democratic party's county organisation, its short name,
        // a place and a unit. (The short name alone is how PFR's news text writes the party too, and it
        // counts none: 民革、民盟、民建 cost DEV 5 names.)
        if (const std::size_t pl = parties_.longest(t, i, nullptr, false);
            pl && t.word_start[i] == static_cast<std::int32_t>(i) && (i + pl == t.size() || t.bound[i + pl])) {
            std::size_t e = 0;
            for (std::size_t j = i + pl + 2; j <= i + pl + 8 && j < t.size() && is_han(t.c[j - 1]); ++j)
                if (gaz_.ending_at(t, j) || gaz_.suffix_ending_at(t, j))
                    if (const std::size_t ul = party_units_.longest(t, j, nullptr, false); ul && (j + ul == t.size() || t.bound[j + ul])) {
                        e = j + ul;
                        break;
                    }
            if (e) {
                out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), "party"});
                i = e - 1;
                continue;
            }
        }
        const std::size_t lv = levels_.longest(t, i, nullptr, false);
        if (lv == 0 || t.word_start[i] != static_cast<std::int32_t>(i) || gaz_.ending_at(t, i + lv) ||
            gaz_.suffix_ending_at(t, i + lv) > lv) // 自治|区 is a place's suffix, no bare level
            continue;
        // 县二小, 市一中: a county's or city's school by its number, a word of its own.
        if (lv == 1 && t.bound[i + lv] && std::u32string_view(U"市县区").find(t.c[i]) != std::u32string_view::npos) {
            std::size_t k = i + 1;
            while (k < t.size() && k - i <= 2 && std::u32string_view(U"一二三四五六七八九十").find(t.c[k]) != std::u32string_view::npos) ++k;
            if (k > i + 1 && k < t.size() && (t.c[k] == U'中' || t.c[k] == U'小') && t.word_start[k] == static_cast<std::int32_t>(k) &&
                (k + 1 == t.size() || t.bound[k + 1])) {
                out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k + 1), "school"});
                i = k;
                continue;
            }
        }
        std::int32_t v = -1;
        const std::size_t len = bare_.longest(t, i + lv, &v, false);
        if (len == 0 || (i + lv + len < t.size() && !t.bound[i + lv + len])) continue;
        // the level a word of its own, or glued by ICU to the unit's first character (市委|组织部)
        if (!t.bound[i + lv] && t.next_bound(i, t.size()) > i + lv + len) continue;
        if (title_words_.longest(t, i + lv + len, nullptr, false)) continue; // 县委|书记: a title
        // 省、区、市|人大常委会: the last level of a run names the bodies of them all, no one body.
        // (县总工会、|市科协 is a list of bodies: only a lone level before the 、 counts.)
        if (i >= 2 && t.c[i - 1] == U'、' && std::u32string_view(U"省市县区乡镇").find(t.c[i - 2]) != std::u32string_view::npos &&
            (i == 2 || !is_han(t.c[i - 3]) || t.c[i - 3] == U'、'))
            continue;
        // 镇|党委, not 公司|党委: a committee named by its level is a township's or a county's.
        if (bare_admin_only_[static_cast<std::size_t>(v)] && std::u32string_view(U"市县区乡镇街").find(t.c[i]) == std::u32string_view::npos)
            continue;
        // 县政协, 区政协: the county's own political consultative conference, after 县 or 区 alone
        // (省政协, 市政协 are how national news writes a province's or a city's; PFR counts none).
        if (bare_county_only_[static_cast<std::size_t>(v)] && !(lv == 1 && (t.c[i] == U'县' || t.c[i] == U'区')))
            continue;
        out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + lv + len), bare_types_[static_cast<std::size_t>(v)]});
        i += lv + len - 1;
    }
    return out;
}

std::size_t OrgFinder::known_at(const Chars& t, std::size_t i, std::int32_t* value) const {
    const std::size_t len = known_.longest(t, i, value);
    const std::size_t e = i + len;
    if (len == 0 || e + 1 > t.size() || !t.bound[e + 1]) return len;
    std::int32_t v = -1;
    if (suffix_back_.longest_back(t, e + 1, &v, false) == 2) {
        const std::string& ty = suffixes_[static_cast<std::size_t>(v)].type;
        if (ty == "community" || ty == "village") return 0;
    }
    return len;
}

bool OrgFinder::lone_level_before(const Chars& t, std::size_t b) const {
    if (b == 0 || b >= t.size() || !t.bound[b] || t.word_start[b - 1] != static_cast<std::int32_t>(b - 1) ||
        anchor_.longest(t, b - 1, nullptr, false) != 1 || gaz_.ending_at(t, b))
        return false;
    const std::size_t a = b - 1;
    if (a == 0) return true;
    const char32_t p = t.c[a - 1];
    if (p == U'、' || p == U'和' || p == U'及') return false;
    return !is_han(p) || a - static_cast<std::size_t>(t.word_start[a - 1]) >= 2 || stop_.contains(std::u32string(1, p));
}

bool OrgFinder::rejects(const Chars& t, std::size_t b, std::size_t e) const {
    // 外交部|长, 公安局|长: ICU leaves the title's 长 apart; a title, not a body.
    if (e < t.size() && t.c[e] == U'长' && (e + 1 == t.size() || t.bound[e + 1])) return true;
    // 八届四中|全会, 小学|组: a school's level or number is an attribute of the word after it, whoever
    // found the name (not 中心: 在…防治中心|工作 is where one works).
    if (std::int32_t v = -1; e < t.size() && suffix_back_.longest_back(t, e, &v, false) && v >= 0) {
        // (the type first: rejects runs on every name, the lookup builds a string)
        if (const Suffix& S = suffixes_[static_cast<std::size_t>(v)]; S.type == "school" && S.len <= e - b)
            if (const auto at = attribute_after_.find(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(e - S.len), t.c.begin() + static_cast<std::ptrdiff_t>(e)));
                at != attribute_after_.end() && at->second.longest(t, e))
                return true;
    }
    if (describes_bodies(t, b, e)) return true;
    return listed_reject(t, b, e);
}

bool OrgFinder::listed_reject(const Chars& t, std::size_t b, std::size_t e) const {
    // The learned rejections (org_learned_reject.tsv: strings PFR never counts) hold the bare forms
    // of a city's bodies too (市公安局: 4 times, never gold); those are how a bulletin names its own
    // bodies, and bodies_by_usage decides them.
    const bool bare_form = e - b >= 4 && std::u32string_view(U"市县区").find(t.c[b]) != std::u32string_view::npos &&
                           t.word_start[b] == static_cast<std::int32_t>(b) && t.bound[b + 1];
    return !bare_form && reject_.contains(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(b), t.c.begin() + static_cast<std::ptrdiff_t>(e)));
}

std::size_t OrgFinder::two_fields_before(const Chars& t, std::size_t b, std::size_t e) const {
    if (b < 3 || t.c[b - 1] != U'与' || e - b < 3) return b;
    bool department = false;
    for (std::size_t q = b; q < e && !department; ++q) department = field_departments_.longest(t, q, nullptr, false) > 0;
    if (!department) return b;
    // The first field is the words before 与, back to punctuation, a word no name holds, a
    // character that rarely opens one (了, 的) or a body or place (学校|计算|机|与…, 我|校|化学|与…).
    const std::size_t a = b - 1;
    std::size_t f = a;
    while (f > 0 && is_han(t.c[f - 1]) && a - f < 6) {
        const auto ws = static_cast<std::size_t>(t.word_start[f - 1]);
        if (ws + 6 < a || stops_scan(t, ws, f) || body_end_.count(t.c[f - 1]) ||
            std::u32string_view(U"区县市镇乡村").find(t.c[f - 1]) != std::u32string_view::npos)
            break;
        f = ws;
    }
    // (a field opens with no single character that rarely opens a name: 了|化学与…)
    while (f < a && t.word_start[f + 1] != static_cast<std::int32_t>(f) && rarely_opens(t, f)) ++f;
    return a - f >= 2 && a - f <= 6 ? f : b;
}

bool OrgFinder::rarely_opens(const Chars& t, std::size_t i) const {
    const std::int32_t v = ctx_.get(std::u32string(1, t.c[i]));
    if (v < 0) return false;
    const Ctx& c = ctx_stats_[static_cast<std::size_t>(v)];
    return c.occ >= 20 && c.open * 100 < c.occ;
}

std::string OrgFinder::suffix_type(const Chars& t, std::size_t b, std::size_t e) const {
    std::int32_t v = known_.get(std::u32string(t.c.begin() + static_cast<std::ptrdiff_t>(b), t.c.begin() + static_cast<std::ptrdiff_t>(e)));
    if (v >= 0) return known_type_[static_cast<std::size_t>(v)];
    if (std::size_t sl = suffix_back_.longest_back(t, e, &v, false); sl && sl <= e - b)
        return suffixes_[static_cast<std::size_t>(v)].type;
    if (std::size_t kl = known_back_.longest_back(t, e, &v, false); kl && kl <= e - b)
        return known_type_[static_cast<std::size_t>(v)];
    return {};
}

const Finders& finders() {
    static const Finders f;
    return f;
}

const std::vector<Match>& Finders::orgs_of(const Chars& t) const {
    thread_local std::string last_text;
    thread_local std::vector<Match> last;
    thread_local const Finders* last_owner = nullptr;
    if (last_owner != this || last_text != t.text) {
        last = orgs.find(t);
        last_text.assign(t.text);
        last_owner = this;
    }
    return last;
}

std::vector<Match> resolve(std::vector<Match> m) {
    std::stable_sort(m.begin(), m.end(), [](const Match& a, const Match& b) {
        if (a.e - a.b != b.e - b.b) return a.e - a.b > b.e - b.b;
        return a.b < b.b;
    });
    std::vector<Match> out;
    std::uint32_t n = 0;
    for (const auto& x : m) n = std::max(n, x.e);
    std::vector<std::uint8_t> used(n, 0);
    for (auto& x : m) {
        bool clash = false;
        for (std::uint32_t k = x.b; k < x.e && !clash; ++k) clash = used[k];
        if (clash) {
            // the same name found twice (by its suffix, and as a visit list's item): one name, that
            // is the list's item too
            for (auto& kept : out)
                if (kept.b == x.b && kept.e == x.e) {
                    kept.listed = kept.listed || x.listed;
                    kept.enterprise = kept.enterprise || x.enterprise;
                }
            continue;
        }
        for (std::uint32_t k = x.b; k < x.e; ++k) used[k] = 1;
        out.push_back(std::move(x));
    }
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.b < b.b; });
    return out;
}

} // namespace jianbao::ent
