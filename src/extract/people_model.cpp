#include "jianbao/extract/people_model.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <algorithm>
#include <sstream>

namespace jianbao::people {

namespace {
constexpr std::size_t max_word = 6;     // longest lexicon word looked up (as the script's MAXW)
constexpr std::size_t max_foreign = 10; // longest transliterated name candidate
constexpr double title_bonus = 6.0;      // see add_context
// A whole run of transliteration characters joined by a dot (司马义·艾买提, 马蒂厄·克雷库) is a
// name far more often than the model's weak FDOT weight says: the dot is written only inside names.
constexpr double dotted_bonus = 3.0;

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out.push_back(utf8::next(s, i));
    return out;
}

// Whitespace-separated words of every line of a lexicon file.
std::vector<std::u32string> words_of(std::string_view file) {
    std::vector<std::u32string> out;
    for (const auto& line : lexicon::read_lines(file)) {
        std::istringstream in(line);
        std::string w;
        while (in >> w) out.push_back(to_u32(w));
    }
    return out;
}

// Character class used in context features (the script's fold()).
void append_fold(std::string& out, char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == ',' || c == ';' || c == ':' || c == '?' || c == '!' || c == '(' || c == ')') c += 0xFEE0;
    if (c < 0x80) {
        if (c >= '0' && c <= '9') return out.push_back('0');
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return out.push_back('a');
        if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return out.push_back('_');
    }
    if (c == 0x3000) return out.push_back('_');
    utf8::append(out, c);
}
} // namespace

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
    for (std::size_t k = b; k < e; ++k) utf8::append(out, c[k]);
    return out;
}

void WordSet::add(const std::u32string& w) {
    if (w.empty() || w.size() > max_word) return;
    words_.insert(w);
    max_len_ = std::max(max_len_, w.size());
}

std::size_t WordSet::longest_at(const std::u32string& s, std::size_t i) const {
    std::size_t best = 0;
    for (std::size_t len = 1; len <= max_len_ && i + len <= s.size(); ++len)
        if (words_.count(s.substr(i, len))) best = len;
    return best;
}

std::size_t WordSet::longest_before(const std::u32string& s, std::size_t i) const {
    std::size_t best = 0;
    for (std::size_t len = 1; len <= max_len_ && len <= i; ++len)
        if (words_.count(s.substr(i - len, len))) best = len;
    return best;
}

NameModel::NameModel() {
    for (const auto& w : words_of("surnames.txt")) {
        if (w.size() == 1) single_.insert(w[0]);
        else if (w.size() == 2) compound_.insert(w);
    }
    for (const auto& w : words_of("titles.txt")) titles_.add(w);
    for (const auto& w : words_of("person_stops.txt")) stops_.add(w);
    for (const auto& w : words_of("person_nonames.txt")) nonames_.add(w);
    for (const auto& w : words_of("person_suffixes.txt")) suffixes_.add(w);
    for (const auto& row : lexicon::read_table("person_chars.txt", 4)) {
        std::u32string c = to_u32(row[0]);
        if (c.size() != 1) throw Error("lexicon: person_chars.txt: '" + row[0] + "' is not one character", 5);
        chars_[c[0]] = Buckets{row[1], row[2], row[3]};
    }
    for (const auto& row : lexicon::read_table("person_model.txt", 2)) {
        try {
            weights_[row[0]] = std::stod(row[1]);
        } catch (const std::exception&) {
            throw Error("lexicon: person_model.txt: bad weight '" + row[1] + "' of " + row[0], 5);
        }
    }
    if (auto it = weights_.find("THRESHOLD"); it != weights_.end()) threshold_ = it->second;
}

double NameModel::weight(const std::string& feature) const {
    auto it = weights_.find(feature);
    return it == weights_.end() ? 0.0 : it->second;
}

const NameModel::Buckets& NameModel::info(char32_t c) const {
    static const Buckets none;
    auto it = chars_.find(c);
    return it == chars_.end() ? none : it->second;
}

bool NameModel::translit(char32_t c) const {
    if (!is_han(c)) return false; // brackets and letters next to a name are no part of it
    const std::string& b = info(c).frn;
    if (b.empty() || b[0] < '0' || b[0] > '9') return false; // x, y, z: never in a transliterated name
    return std::atoi(b.c_str()) <= 9;
}

// Context features shared by both candidate kinds (the script's ctx()).
void NameModel::add_context(const CharText& t, std::size_t s, std::size_t e, const char* pre, double& score,
                            std::string& buf) const {
    const std::u32string& c = t.c;
    const std::size_t n = c.size();
    std::string p1, p2, n1, n2;
    if (s > 0) append_fold(p1, c[s - 1]); else p1 = "^";
    if (s > 1) append_fold(p2, c[s - 2]); else p2 = "^";
    if (e < n) append_fold(n1, c[e]); else n1 = "^";
    if (e + 1 < n) append_fold(n2, c[e + 1]); else n2 = "^";
    const std::string L = std::to_string(e - s);
    auto f = [&](std::initializer_list<std::string_view> parts) {
        buf.assign(pre);
        for (auto p : parts) buf.append(p);
        score += weight(buf);
    };
    f({"P1=", p1});
    f({"P2=", p2, p1});
    f({"N1=", n1});
    f({"N2=", n1, n2});
    f({"LN1=", L, n1});
    f({"PN=", p1, n1});
    if (titles_.longest_before(c, s)) {
        f({"PT"});
        // A surname right after an official title is a name far more often than in the news the
        // model learned from (local bulletins name officials by title); lean towards it.
        if (*pre == '\0') score += title_bonus;
    }
    if (titles_.longest_at(c, e)) f({"NT", L});
    if (stops_.longest_at(c, e)) f({"NS", L});
    if (suffixes_.longest_at(c, e)) f({"XS", L});
    if (suffixes_.longest_at(c, e - 1)) f({"XL", L});
    if (e < n && is_han(c[e])) f({"NB", L, "=", info(c[e]).giv});
}

bool NameModel::chinese_shape(const std::u32string& c, std::size_t i, std::size_t e) const {
    for (std::size_t k = i; k < e; ++k)
        if (!is_han(c[k])) return false;
    const std::size_t len = e - i;
    if (single_.count(c[i]) && (len == 2 || len == 3)) return true;
    return len >= 3 && len <= 4 && compound_.count(c.substr(i, 2));
}

std::vector<NameSpan> NameModel::find(const CharText& t) const {
    const std::u32string& c = t.c;
    const std::size_t n = c.size();
    std::vector<NameSpan> cands;
    std::string buf;
    auto f = [&](double& score, std::initializer_list<std::string_view> parts) {
        buf.clear();
        for (auto p : parts) buf.append(p);
        score += weight(buf);
    };
    for (std::size_t i = 0; i < n; ++i) {
        // Chinese names: surname (single or compound) and a given name of one or two characters.
        for (std::size_t sl = 1; sl <= 2; ++sl) {
            if (sl == 1 && !single_.count(c[i])) continue;
            if (sl == 2 && !(i + 1 < n && compound_.count(c.substr(i, 2)))) continue;
            for (std::size_t gl = 1; gl <= 2; ++gl) {
                std::size_t e = i + sl + gl;
                if (e > n || !is_han(c[e - 1])) break;
                std::string sur = t.str(i, i + sl);
                double score = 0;
                f(score, {"C", std::to_string(sl), std::to_string(gl)});
                f(score, {"S=", sur});
                f(score, {"SB=", sl == 1 ? std::string_view(info(c[i]).sur) : std::string_view("cmp")});
                if (gl == 1) {
                    std::string g = t.str(i + sl, e);
                    f(score, {"G=", g});
                    f(score, {"GB=", info(c[i + sl]).giv});
                } else {
                    std::string g1 = t.str(i + sl, i + sl + 1), g2 = t.str(i + sl + 1, e);
                    const std::string& b1 = info(c[i + sl]).giv;
                    const std::string& b2 = info(c[i + sl + 1]).giv;
                    f(score, {"G1=", g1});
                    f(score, {"G2=", g2});
                    f(score, {"GB1=", b1});
                    f(score, {"GB2=", b2});
                    f(score, {"GBB=", b1, ",", b2});
                }
                if (nonames_.contains(std::u32string_view(c).substr(i, 2)) ||
                    nonames_.contains(std::u32string_view(c).substr(i, e - i)))
                    f(score, {"NN"});
                add_context(t, i, e, "", score, buf);
                cands.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), score});
            }
        }
        // Transliterated names: runs of transliteration characters, optionally joined by dots.
        if (!translit(c[i])) continue;
        bool run_start = i == 0 || !(translit(c[i - 1]) || (is_dot(c[i - 1]) && i > 1 && translit(c[i - 2])));
        std::size_t k = i;
        int worst = 0;
        while (k < n && k - i < max_foreign) {
            char32_t ch = c[k];
            if (translit(ch)) {
                worst = std::max(worst, std::atoi(info(ch).frn.c_str()));
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
            std::string L = std::to_string(std::min<std::size_t>(e - i, 8));
            std::string W = std::to_string(worst);
            double score = 0;
            f(score, {"F", L});
            f(score, {"FF=", t.str(i, i + 1)});
            f(score, {"FE=", t.str(e - 1, e)});
            f(score, {"FW=", W});
            f(score, {"FLW=", L, ",", W});
            // The span is also a Chinese-name candidate (花军): the model weighs that kind apart.
            if (chinese_shape(c, i, e)) f(score, {"FCH", L});
            if (run_start) f(score, {"FRS"});
            if (run_end) f(score, {"FRE"});
            if (run_start && run_end) f(score, {"FRSE", L});
            for (std::size_t q = i; q < e; ++q)
                if (is_dot(c[q])) {
                    f(score, {"FDOT"});
                    if (run_start && run_end && q - i >= 2 && e - q >= 3) score += dotted_bonus;
                    break;
                }
            add_context(t, i, e, "F", score, buf);
            cands.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), score});
        }
    }
    // A span proposed by both generators sums both scores, as the script's feature lists do.
    std::sort(cands.begin(), cands.end(),
              [](const NameSpan& a, const NameSpan& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::vector<NameSpan> merged;
    for (const auto& s : cands) {
        if (!merged.empty() && merged.back().begin == s.begin && merged.back().end == s.end) merged.back().score += s.score;
        else merged.push_back(s);
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
