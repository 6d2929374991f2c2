// Structure stage: normalised bulletin text → records.
//
// The text is first cut into lines, each remembering how many blank lines preceded it. The
// blank-line layout is classified:
//   * spaced: a blank line after (almost) every paragraph (the seed bulletin). Blank lines then
//     say little; runs longer than the usual gap are record boundaries, and titles, section
//     headers, briefs and mid-sentence breaks are found from the content of the lines.
//   * dense: paragraphs on consecutive lines, blank lines only between articles and after
//     headlines (the People's Daily page files). Any blank line is structural: a title-like
//     first line followed by a blank line is the headline, other blank runs end a record.
//   * dense without any blank line: handled like spaced (content cues only).
#include "jianbao/parse/structure.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <map>
#include <string>
#include <unordered_set>

namespace jianbao {

namespace {

struct Line {
    std::string text;    // trimmed UTF-8
    std::u32string cps;  // the same, as code points
    int gap_before = 0;  // blank lines before it (the first line: blank lines at the top)
    bool page_break = false; // a PDF's page number stood in that gap (its blank lines are the page's, not the text's)
    bool indented = false;   // set in by two spaces or more (a paragraph's first line: 　　据统计，…)
};

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x3000 ||
           c == 0xA0 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B);
}

bool is_digit(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool is_cjk_numeral(char32_t c) {
    static const std::u32string s = U"〇零一二三四五六七八九十百两";
    return s.find(c) != std::u32string::npos;
}

bool is_bullet_char(char32_t c) {
    static const std::u32string s = U"●○■□◆◇▲△▼▽★☆▶►•◎※◉";
    return s.find(c) != std::u32string::npos;
}

// Ends a sentence when it is the last character (before any closing quotes).
bool is_sentence_end(char32_t c) {
    static const std::u32string s = U"。！？…!?．.；;：:";
    return s.find(c) != std::u32string::npos;
}

bool is_closing_quote(char32_t c) {
    static const std::u32string s = U"”’」』\"'";
    return s.find(c) != std::u32string::npos;
}

// A bracket closing a note at the end of a line: （新华社记者…摄）, （附图片１张）.
bool is_closing_bracket(char32_t c) {
    static const std::u32string s = U"）)】〕》";
    return s.find(c) != std::u32string::npos;
}

// Punctuation that cannot open a paragraph: a line starting with it continues the previous one.
bool is_continuing_punct(char32_t c) {
    static const std::u32string s = U"，。、；：？！）”’」』》〕】,.;:?!)…%％";
    return s.find(c) != std::u32string::npos;
}

bool is_clause_punct(char32_t c) {
    static const std::u32string s = U"，、；,;";
    return s.find(c) != std::u32string::npos;
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out += utf8::next(s, i);
    return out;
}

std::string to_u8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

std::u32string trim(const std::u32string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool starts_with(const std::u32string& s, const std::u32string& p) {
    return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

struct Vocab {
    std::vector<std::u32string> leads;
    std::unordered_set<std::u32string> sections;
    std::vector<std::u32string> masthead_names;
    std::unordered_set<std::u32string> colophon_fields;
    std::unordered_set<std::u32string> contents_headers;
    std::unordered_set<std::u32string> headline_tails;
    std::vector<std::u32string> issuer_verbs;
    std::vector<std::u32string> rollcall_verbs;
    std::vector<std::u32string> brief_openers;
};

// The lexicons (simplified, as all of data/lexicon), and for a bulletin in traditional characters
// the same with each word's traditional form too (要聞快覽, 簡報, 責任編輯), built on first need.
Vocab load_vocab(bool traditional) {
    Vocab out;
    auto words = [&](const char* file) {
        // A missing lexicon is an installation error, reported rather than papered over.
        std::vector<std::string> ws = lexicon::read_lines(file);
        if (traditional) {
            std::string joined;
            for (const auto& w : ws) joined += w + "\n";
            const std::string trad = transform("Simplified-Traditional", joined);
            for (std::size_t b = 0, nl; (nl = trad.find('\n', b)) != std::string::npos; b = nl + 1)
                if (std::string w = trad.substr(b, nl - b); std::find(ws.begin(), ws.end(), w) == ws.end()) ws.push_back(w);
        }
        std::vector<std::u32string> out32;
        for (const auto& w : ws) out32.push_back(to_u32(w));
        return out32;
    };
    out.leads = words("structure_leads.txt");
    for (auto& w : words("structure_sections.txt")) out.sections.insert(std::move(w));
    out.masthead_names = words("structure_masthead_names.txt");
    for (auto& w : words("structure_colophon.txt")) out.colophon_fields.insert(std::move(w));
    for (auto& w : words("structure_contents.txt")) out.contents_headers.insert(std::move(w));
    for (auto& w : words("structure_headline_tails.txt")) out.headline_tails.insert(std::move(w));
    out.issuer_verbs = words("structure_issuer_verbs.txt");
    auto split_words = [&](const char* file, std::vector<std::u32string>& into) { // (several words a line)
        for (const auto& line : words(file))
            for (const auto& w : lexicon::words_of(to_u8(line))) into.push_back(to_u32(w));
    };
    split_words("structure_rollcall.txt", out.rollcall_verbs);
    split_words("structure_brief_openers.txt", out.brief_openers);
    return out;
}

thread_local bool g_traditional = false; // set by parse_bulletin_text for the text it reads

const Vocab& vocab() {
    if (g_traditional) {
        static const Vocab t = load_vocab(true);
        return t;
    }
    static const Vocab v = load_vocab(false);
    return v;
}

// ---- line features ---------------------------------------------------------------------------

// A line between two of the same mark (◆重要活动◆, ★简讯★): a column's name, no bullet.
bool between_marks(const std::u32string& s) { return s.size() >= 3 && s.front() == s.back() && is_bullet_char(s.front()); }
// (a hyphen or an asterisk and a space: the ASCII form of ●, - 6月5日，…)
bool ascii_bullet(const std::u32string& s) {
    return s.size() >= 3 && (s[0] == U'-' || s[0] == U'*' || s[0] == U'－') && (s[1] == U' ' || s[1] == U'\u3000') && !is_space(s[2]);
}
bool is_bullet(const std::u32string& s) { return !s.empty() && ((is_bullet_char(s[0]) && !between_marks(s)) || ascii_bullet(s)); }

// The line ends a sentence (possibly inside closing quotes).
bool ends_sentence(const std::u32string& s) {
    std::size_t e = s.size();
    while (e > 0 && is_closing_quote(s[e - 1])) --e;
    return e > 0 && is_sentence_end(s[e - 1]);
}

// The line without the bracketed notes it ends with: 2022年第3期（总第45期） → 2022年第3期.
std::u32string without_bracketed_tail(const std::u32string& s) {
    std::u32string t = s;
    while (!t.empty() && is_closing_bracket(t.back())) {
        const std::size_t open = t.find_last_of(U"（(");
        if (open == std::u32string::npos) break;
        t = trim(t.substr(0, open));
    }
    return t;
}

// The line ends with an issue number: 第12期, 2022年第3期（总第45期）, （第12期）.
bool issue_number(const std::u32string& s) {
    std::u32string t = without_bracketed_tail(s);
    if (t.empty() && s.size() > 2) t = trim(s.substr(1, s.size() - 2));
    if (t.size() < 3 || t.back() != U'期') return false;
    std::size_t i = t.size() - 1, n = 0;
    while (i > 0 && (is_digit(t[i - 1]) || is_cjk_numeral(t[i - 1]))) --i, ++n;
    return n > 0 && i > 0 && t[i - 1] == U'第';
}

// A masthead line: words set apart by a run of spaces (东湖街道党工委办公室　　2023年6月30日), or
// ending with a date of a year and month (经开区通讯 2024年1月, …2023年6月30日) or an issue number
// (第12期, 2022年第3期（总第45期）).
bool masthead_line(const std::u32string& s) {
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if (is_space(s[i]) && is_space(s[i + 1]) && !is_space(s[i - 1])) return true;
    if (issue_number(s)) return true;
    const std::u32string t = without_bracketed_tail(s);
    if (t.empty() || (t.back() != U'日' && t.back() != U'月')) return false;
    std::size_t i = t.size() - 1, digits = 0;
    while (i > 0 && (is_digit(t[i - 1]) || is_cjk_numeral(t[i - 1]) || t[i - 1] == U'月' || t[i - 1] == U'年' ||
                     t[i - 1] == U'〇' || t[i - 1] == U'○'))
        --i, ++digits;
    const std::size_t year = t.find(U'年', i);
    return digits >= 5 && year != std::u32string::npos && year - i >= 4; // a year of four digits
}

// A roll call (出席会议的还有：何静　宋涛…, or its lead-in alone): a line opening with a verb of
// attendance (structure_rollcall.txt) whose first clause, of 16 characters at most, ends in 有：.
bool rollcall_line(const std::u32string& s) {
    const std::size_t colon = s.find_first_of(U"：:");
    if (colon == std::u32string::npos || colon < 3 || colon > 15 || s[colon - 1] != U'有') return false;
    return std::any_of(vocab().rollcall_verbs.begin(), vocab().rollcall_verbs.end(), [&](const std::u32string& w) { return starts_with(s, w); });
}

// The line is complete: it ends a sentence or a bracketed note, is a masthead line, or a roll call
// (it ends with its last name: 出席活动的还有：张明　李华), so nothing continues it.
bool ends_closed(const std::u32string& s) {
    return s.empty() || is_closing_bracket(s.back()) || ends_sentence(s) || masthead_line(s) || rollcall_line(s);
}

bool contains_any(const std::u32string& s, std::u32string_view set) {
    return std::any_of(s.begin(), s.end(), [&](char32_t c) { return set.find(c) != std::u32string_view::npos; });
}

bool has_word_char(const std::u32string& s) {
    return std::any_of(s.begin(), s.end(), [](char32_t c) {
        return utf8::is_han(c) || (c < 0x80 && std::isalnum(static_cast<unsigned char>(c))) || is_digit(c);
    });
}

// Starts with a date or time: 12月9日, 1998年, 一月五日, ２４日晚.
bool starts_with_date(const std::u32string& s) {
    std::size_t i = 0;
    while (i < s.size() && i < 12 && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    if (i == 0 || i >= s.size()) return false;
    return s[i] == U'年' || s[i] == U'月' || s[i] == U'日' || s[i] == U'时' || s[i] == U'点';
}

// Starts with a month and day: 6月15日, 十二月九日.
bool starts_with_day(const std::u32string& s) {
    std::size_t i = 0;
    while (i < s.size() && i < 3 && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    if (i == 0 || i >= s.size() || s[i] != U'月') return false;
    std::size_t j = ++i;
    while (j < s.size() && j < i + 3 && (is_digit(s[j]) || is_cjk_numeral(s[j]))) ++j;
    return j > i && j < s.size() && (s[j] == U'日' || s[j] == U'号');
}

// Opens with the time of its news as a brief does: its day (6月15日), a month's part (11月下旬以来)
// or a word of time (上周五, 近日: structure_brief_openers.txt).
bool opens_with_news_time(const std::u32string& s) {
    if (starts_with_day(s)) return true;
    std::size_t i = 0;
    while (i < s.size() && i < 3 && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    if (i > 0 && i < s.size() && s[i] == U'月')
        for (std::u32string_view part : {U"上旬", U"中旬", U"下旬", U"初", U"底", U"以来", U"份"})
            if (s.compare(i + 1, part.size(), part) == 0) return true;
    return std::any_of(vocab().brief_openers.begin(), vocab().brief_openers.end(), [&](const std::u32string& w) { return starts_with(s, w); });
}

// A line that opens a paragraph of news text (so the line before it ended something).
// What opens a paragraph by its form: a bullet, a date, a lead (本报讯), a number (一、 1.).
bool opens_by_form(const std::u32string& s) {
    if (s.empty()) return true;
    if (is_bullet(s) || starts_with_date(s)) return true;
    for (const auto& w : vocab().leads)
        if (starts_with(s, w)) return true;
    // Numbered items: 一、 （一） 1.
    return s.size() >= 2 && (is_cjk_numeral(s[0]) || is_digit(s[0])) && (s[1] == U'、' || s[1] == U'．');
}

bool looks_like_start(const std::u32string& s) {
    if (opens_by_form(s)) return true;
    // A short opening clause: 会上，／活动中，／下一步， (not one opening with a particle: 的55.3%，)
    if (std::u32string_view(U"的了地得着之和与及或并而等").find(s[0]) != std::u32string_view::npos) return false;
    std::size_t k = 0;
    while (k < s.size() && k <= 6 && std::u32string_view(U"，,、；。：").find(s[k]) == std::u32string_view::npos) ++k;
    return k >= 2 && k <= 6 && k < s.size() && (s[k] == U'，' || s[k] == U',');
}

bool continues_previous(const std::u32string& s) { return !s.empty() && is_continuing_punct(s[0]); }

// The whole line is one bracketed note: （新华社北京1月1日电）, （A、B）.
bool bracketed_note(const std::u32string& s) {
    return s.size() >= 2 && (s.front() == U'（' || s.front() == U'(') && is_closing_bracket(s.back());
}

// Who wrote it, in brackets, on a line of its own (（县商务局综合科　鞠晓东）, （县人大办 文/图 林一凡）):
// a short bracketed note that is no sentence.
bool byline_note(const std::u32string& s) {
    return bracketed_note(s) && s.size() <= 30 && s.find(U'。') == std::u32string::npos;
}

// The line without its notes in brackets (卜凡（女） → 卜凡).
std::u32string without_notes(const std::u32string& s) {
    std::u32string out;
    int depth = 0;
    for (char32_t c : s) {
        if (c == U'（' || c == U'(') ++depth;
        if (depth > 0) {
            if ((c == U'）' || c == U')') && --depth < 0) depth = 0;
            continue;
        }
        out += c;
    }
    return out;
}

// Short names separated by spaces (a byline: 潘跃　王萍; a list of those present: 卜凡（女）　马金山（回族）,
// the notes in brackets aside), or a bare 2–3 character word (江泽民).
bool name_list(const std::u32string& s) {
    std::size_t word = 0, words = 0, longest = 0, total = 0;
    for (char32_t c : without_notes(s)) {
        if (is_space(c)) {
            if (word) ++words, longest = std::max(longest, word), word = 0;
        } else {
            ++word, ++total;
        }
    }
    if (word) ++words, longest = std::max(longest, word);
    if (total <= 3) return true;
    return words >= 2 && longest <= 4;
}

// A line that is an enumeration of short items (王丽华、陈志刚、刘 芳、赵明轩、黄晓燕): three or more
// items of one to four characters (spaces and bracketed notes aside) between 、. Two such lines in a
// row are two lines of one list, not one line broken (joining them would glue 黄晓燕周涛).
bool enumeration_line(const std::u32string& s) {
    std::size_t items = 0, len = 0;
    for (char32_t c : without_notes(s)) {
        if (c == U'、') {
            if (len == 0 || len > 4) return false;
            ++items, len = 0;
        } else if (!is_space(c)) {
            if (!utf8::is_han(c)) return false;
            ++len;
        }
    }
    if (len > 4) return false;
    return items + (len > 0 ? 1 : 0) >= 3;
}

// A photo's caption lead, 图为 (圖為 in a traditional-character bulletin, whose lines this stage
// reads as written).
bool has_photo_lead(const std::u32string& s) { return s.find(U"图为") != std::u32string::npos || s.find(U"圖為") != std::u32string::npos; }
bool starts_photo_lead(const std::u32string& s) { return starts_with(s, U"图为") || starts_with(s, U"圖為"); }

// Strict title test used when only the content tells (spaced layout): short, no sentence or
// clause punctuation, not a lead, not a masthead line, not a line of a list (周 涛、吴国庆、徐慧敏).
bool title_strict(const std::u32string& s) {
    if (enumeration_line(s) || rollcall_line(s)) return false;
    if (s.size() < 2 || s.size() > 40 || is_bullet(s) || !has_word_char(s) || masthead_line(s)) return false;
    if (contains_any(s, U"。！？!?；;，,")) return false;
    char32_t last = s.back();
    if (last == U'、' || last == U'：' || last == U':') return false;
    // (a month's review is a headline: 5月份全市环境空气质量持续改善; a day opens news, not a headline)
    const bool month_review = [&] {
        std::size_t i = 0;
        while (i < s.size() && i < 2 && is_digit(s[i])) ++i;
        return i > 0 && s.compare(i, 2, U"月份") == 0 && s.size() >= i + 8;
    }();
    if ((starts_with_date(s) && !month_review) || bracketed_note(s) || name_list(s)) return false;
    if (s.front() == U'—' || s.front() == U'-' || s.front() == U'─') return false; // ——记者手记, ——编者
    for (const auto& w : vocab().leads)
        if (starts_with(s, w) && w.size() >= 2) return false;
    return !has_photo_lead(s);
}

// A subtitle set under a headline: ——春节前夕送温暖, —记开发区招商局.
bool subtitle(const std::u32string& s) {
    return s.size() >= 3 && s.size() <= 40 && (s.front() == U'—' || s.front() == U'─' || s.front() == U'-') &&
           has_word_char(s) && !contains_any(s, U"。；;");
}

// A long headline broken over two lines (开发区召开2024年度安全生产暨消防|工作会议): the shorter rest
// right under it. (A kicker over a headline is the shorter line above.)
bool broken_headline(const std::u32string& a, const std::u32string& b) {
    // (a rest of three characters or less only when it is a headline's tail word: 会议, not a byline)
    const bool rest = b.size() > 3 ? title_strict(b) : vocab().headline_tails.count(b) > 0;
    return a.size() >= (b.size() > 3 ? 14u : 10u) && b.size() < a.size() && a.size() + b.size() <= 40 && title_strict(a) && rest &&
           !starts_with_date(b);
}

// A headline that ends in an exclamation or a question (逛“东安”去！, 如何给医院打分？): short, the mark
// only at its end, a strict title without it — before a line that opens news text after a gap.
bool exclaimed_title(const std::u32string& s) {
    if (s.size() < 5 || s.size() > 30 || std::u32string_view(U"！？!?").find(s.back()) == std::u32string_view::npos) return false;
    const std::u32string head = s.substr(0, s.size() - 1);
    return !contains_any(head, U"。！？!?；;") && title_strict(head);
}

// A title that carries a comma (坚定信心，再创辉煌): accepted only before a clear paragraph opening.
bool title_with_comma(const std::u32string& s) {
    if (s.size() < 4 || s.size() > 30 || is_bullet(s) || !has_word_char(s)) return false;
    if (contains_any(s, U"。；;")) return false;
    if (ends_sentence(s) || is_clause_punct(s.back()) || bracketed_note(s) || name_list(s)) return false;
    if (s.front() == U'—' || s.front() == U'-') return false;
    return !starts_with_date(s) && !looks_like_start(s);
}

// Loose title test used when the layout marks the headline (a blank line after the first line).
bool title_loose(const std::u32string& s) {
    if (s.empty() || s.size() > 80 || is_bullet(s) || !has_word_char(s) || rollcall_line(s)) return false;
    if (s.find(U'。') != std::u32string::npos) return false;
    char32_t last = s.back();
    return !(last == U'，' || last == U'、' || last == U'；' || last == U'：' || last == U',' || last == U';');
}

// A column name as bulletins set it off: 【工作动态】, ［简讯］ (not quotation marks: a headline
// may be a quotation, 『只想做一个合格的医生』).
bool framed_header(const std::u32string& s) {
    static constexpr std::u32string_view opens = U"【〖［[";
    static constexpr std::u32string_view closes = U"】〗］]";
    if (s.size() < 4 || s.size() > 14) return false;
    const std::size_t o = opens.find(s.front());
    const bool marks = between_marks(s) && has_word_char(s.substr(1, s.size() - 2));
    return (marks || (o != std::u32string_view::npos && s.back() == closes[o])) &&
           s.find_first_of(U"。，、；：！？,.;:!?", 1) == std::u32string::npos;
}

// Where the text after an item number starts: 一、 三、 十二、 1、 2. ３． （一） (2) and the spaces
// after it; 0 when the line opens with none.
std::size_t number_mark_end(const std::u32string& s) {
    std::size_t i = 0;
    const bool paren = !s.empty() && (s[0] == U'（' || s[0] == U'(');
    if (paren) ++i;
    const std::size_t from = i;
    while (i < s.size() && i - from < 3 && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    if (i == from || i >= s.size()) return 0;
    if (paren ? (s[i] != U'）' && s[i] != U')') : std::u32string_view(U"、．.").find(s[i]) == std::u32string_view::npos) return 0;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

// Length of the item number a heading opens with, then the heading's text (a Han character); 0
// when there is none (1.5亿元 is no number).
std::size_t ordinal_length(const std::u32string& s) {
    const std::size_t i = number_mark_end(s);
    return i && i < s.size() && utf8::is_han(s[i]) ? i : 0;
}

std::u32string strip_ordinal(const std::u32string& s) { return s.substr(ordinal_length(s)); }

// A numbered part's short label inside an article (一、强化组织领导, 三、存在问题): eight characters or
// fewer after its number, no colon (a news headline names who did what: (二)双溪乡：举办农民丰收节,
// （二）街道开展安全生产大排查).
bool part_label(const std::u32string& s) {
    const std::u32string rest = strip_ordinal(s);
    return rest.size() <= 8 && !contains_any(rest, U"：:");
}

// Length of the item number a numbered brief opens with before its day (1. 3月5日，…, （二）3月12日，…),
// 0 when there is none.
// (or with a coarser date, a lead or 截至: 1.3月上旬，…; 3.截至3月14日，…)
std::size_t brief_number_length(const std::u32string& s) {
    const std::size_t i = number_mark_end(s);
    if (!i) return 0;
    const std::u32string rest = s.substr(i);
    return starts_with_day(rest) || starts_with_date(rest) || starts_with(rest, U"截至") ||
                   (rest.size() >= 20 && looks_like_start(rest) && ends_sentence(rest))
               ? i
               : 0;
}

// The header's text without its number, spaces, frames and decorations (【工作动态】 → 工作动态,
// 四、简讯 → 简讯).
std::u32string header_text(const std::u32string& raw) {
    const std::u32string s = strip_ordinal(raw);
    std::u32string t;
    for (char32_t c : s)
        if (!is_space(c) && std::u32string_view(U"【】〖〗［］[]「」『』■□◆◇★☆▲△").find(c) == std::u32string_view::npos) t += c;
    return t;
}

bool section_word(const std::u32string& s) { return framed_header(s) || vocab().sections.count(header_text(s)) > 0; }

bool header_like(const std::u32string& raw) {
    const std::u32string s = strip_ordinal(raw);
    return s.size() >= 2 && s.size() <= 12 && !is_bullet(s) && !contains_any(s, U"。，、；：！？,.;:!?") &&
           has_word_char(s);
}

// A column named by what it covers and a column word (教育简讯, 基层动态): a short header whose
// text ends with a listed column name of two or more characters, at most four characters before it.
bool column_by_suffix(const std::u32string& s) {
    if (!header_like(s)) return false;
    const std::u32string h = header_text(s);
    for (const auto& w : vocab().sections)
        if (w.size() >= 2 && h.size() > w.size() && h.size() <= w.size() + 4 && h.compare(h.size() - w.size(), w.size(), w) == 0)
            return true;
    return false;
}

bool caption_like(const std::u32string& s) {
    if (has_photo_lead(s)) return true;
    if (s.find(U"（图") != std::u32string::npos || s.find(U"(图") != std::u32string::npos) return true;
    // …（新华社记者王新庆摄） / （摄影：…）
    if (!s.empty() && (s.back() == U'）' || s.back() == U')')) {
        std::size_t open = s.find_last_of(U"（(");
        if (open != std::u32string::npos) {
            std::u32string note = s.substr(open);
            if (note.find(U'摄') != std::u32string::npos || note.find(U'攝') != std::u32string::npos) return true;
        }
    }
    return false;
}

std::u32string strip_bullet(const std::u32string& s) {
    std::size_t i = 0;
    if (ascii_bullet(s)) i = 1;
    while (i < s.size() && (is_bullet_char(s[i]) || is_space(s[i]))) ++i;
    return s.substr(i);
}


// Joins a broken line to its continuation; a space only between two ASCII word characters, not
// inside a number the line broke (全县1|2所 → 12所).
void join_into(std::u32string& a, const std::u32string& b) {
    if (!a.empty() && !b.empty() && a.back() < 0x80 && b.front() < 0x80 &&
        std::isalnum(static_cast<unsigned char>(a.back())) && std::isalnum(static_cast<unsigned char>(b.front())) &&
        !(std::isdigit(static_cast<unsigned char>(a.back())) && std::isdigit(static_cast<unsigned char>(b.front()))))
        a += U' ';
    a += b;
}

// A text pasted from a PDF keeps the page's line width: many lines of (nearly) the same length,
// the longest of the text. That width, or 0 when the text shows none.
std::size_t wrap_width(const std::vector<Line>& lines) {
    std::map<std::size_t, std::size_t> by_len;
    std::size_t longish = 0;
    for (const auto& l : lines)
        if (l.cps.size() >= 16) ++by_len[l.cps.size()], ++longish;
    std::size_t best = 0, best_n = 0;
    for (auto [len, n] : by_len) {
        const std::size_t near = n + (by_len.count(len - 1) ? by_len[len - 1] : 0) + (by_len.count(len + 1) ? by_len[len + 1] : 0);
        if (near > best_n || (near == best_n && len > best)) best = len, best_n = near;
    }
    // (no width that more lines run past than reach it: headlines of like length are no page's width)
    std::size_t longer = 0;
    for (auto [len, n] : by_len)
        if (len > best + 2) longer += n;
    return best_n >= 4 && best_n * 3 >= longish && longer <= best_n ? best : 0;
}

// A line of the page's full width that does not end its sentence goes on in the next line, even
// one that reads like a paragraph's opening clause (…县委办主|任郑晓岚，…). Not before what opens
// a paragraph of its own: a date, a bullet, a number, a caption.
bool wrapped_on(const std::u32string& prev, const std::u32string& next, std::size_t width) {
    return width > 0 && prev.size() + 2 >= width && !ends_closed(prev) && !is_bullet(next) && !starts_with_date(next) &&
           ordinal_length(next) == 0 && !caption_like(next);
}

// A column's name (代表风采, or numbered: 一、重要会议) alone before a line that is itself a headline,
// a blank line after it; not a headline named like a column (图片新闻 before its text).
bool column_before_headline(const std::vector<Line>& lines, std::size_t i, const std::u32string& column) {
    return header_like(column) && (section_word(column) || ordinal_length(column) > 0) && i + 1 < lines.size() &&
           lines[i + 1].gap_before >= 1 &&
           title_loose(lines[i].cps) && !ends_sentence(lines[i].cps);
}

// The masthead (报头) at the top of a bulletin: its name (东湖街道工作简报), issue number
// (第12期) and issuer-and-date line (东湖街道党工委办公室　　2023年6月30日), with any lines of
// marks only between them. It is no record: the number of lines it takes, 0 when there is none.
// Only taken when it shows an issue number or a bulletin's name, so a headline before a dated
// line stays.
std::size_t masthead_end(const std::vector<Line>& lines) {
    bool seen = false, issue = false, named = false;
    std::size_t end = 0;
    auto names_bulletin = [](const std::u32string& s, bool anywhere) {
        for (const auto& w : vocab().masthead_names) {
            const std::size_t at = s.find(w);
            if (at != std::u32string::npos && (anywhere || at + w.size() == s.size())) return true;
        }
        return false;
    };
    // A name or number set letter-spaced (审 计 工 作 简 报, 第 3 期) reads as written without the spaces.
    auto unspaced = [](const std::u32string& s) {
        if (s.size() < 5 || s.size() % 2 == 0) return s;
        for (std::size_t k = 0; k < s.size(); ++k)
            if (is_space(s[k]) != (k % 2 == 1)) return s;
        std::u32string t;
        for (std::size_t k = 0; k < s.size(); k += 2) t += s[k];
        return t;
    };
    for (std::size_t i = 0; i < lines.size() && i < 6; ++i) {
        const std::u32string s = unspaced(lines[i].cps);
        if (!has_word_char(s)) { // marks only (a rule is no line at all: split_lines leaves it out)
            if (seen) end = i + 1;
            continue;
        }
        // (or the issuer's line without a date: 临港产业园管理委员会办公室编, …党委宣传部主办
        // (structure_issuer_verbs.txt); or a first issuer over the
        // second's dated line, after the issue number: 南屏县退役军人事务局 / 南屏县双拥…办公室　2024年8月6日)
        const bool bare = s.size() >= 6 && s.size() <= 30 && !contains_any(s, U"。，、；！？：,;!?:");
        const bool issuer = bare && (std::any_of(vocab().issuer_verbs.begin(), vocab().issuer_verbs.end(),
                                                  [&](const std::u32string& w) { return s.size() > w.size() + 4 && s.ends_with(w); }) ||
                                     (seen && issue && i + 1 < lines.size() && lines[i + 1].gap_before == 0 &&
                                      masthead_line(unspaced(lines[i + 1].cps)) && !issue_number(unspaced(lines[i + 1].cps)) &&
                                      !title_strict(lines[i + 1].cps)));
        if (masthead_line(s) || (issuer && i > 0)) {
            seen = true;
            end = i + 1;
            issue = issue || issue_number(s);
            named = named || names_bulletin(s, true);
            continue;
        }
        // Before the numbered or dated line, the bulletin's name: a short bare line (not a
        // headline that ends like one: 关于全县安全生产情况的通报).
        if (seen || s.size() > 24 || is_bullet(s) || contains_any(s, U"。，、；！？：,;!?:") || section_word(s)) break;
        named = named || (names_bulletin(s, false) && s.find(U"关于") == std::u32string::npos && s.find(U'的') == std::u32string::npos);
    }
    return seen && (issue || named) ? end : 0;
}

// The table of contents at lines[from…): a header (本期要目) and its items, or items alone when
// there are two or more, each a headline that recurs later as a line of its own (its bullet,
// number and a trailing page number aside: ◇市公安局召开…推进会……2). Where it ends, or `from`.
// `header_above`: the masthead took the header (目　　录).
std::size_t contents_end(const std::vector<Line>& lines, std::size_t from, bool header_above) {
    // An item's page number, in brackets or not, and the leaders before it (……（1）, ……2).
    auto page_tail = [](const std::u32string& raw, std::u32string* rest) {
        std::u32string s = raw;
        while (!s.empty() && is_space(s.back())) s.pop_back();
        const bool bracket = !s.empty() && is_closing_bracket(s.back());
        if (bracket) s.pop_back();
        std::size_t digits = 0;
        while (!s.empty() && is_digit(s.back())) s.pop_back(), ++digits;
        if (bracket && (digits == 0 || s.empty() || (s.back() != U'（' && s.back() != U'('))) return false;
        if (bracket) s.pop_back();
        std::size_t leaders = 0;
        while (!s.empty() && (s.back() == U'…' || s.back() == U'.' || s.back() == U'·' || s.back() == U'-' || is_space(s.back())))
            s.pop_back(), ++leaders;
        if (rest) *rest = s;
        return (bracket && digits > 0) || (leaders > 0 && (digits > 0 || leaders >= 2));
    };
    auto item_text = [&](const std::u32string& raw) {
        std::u32string s = strip_ordinal(strip_bullet(raw)), rest;
        if (page_tail(s, &rest)) s = rest;
        return trim(s);
    };
    // Items are compared by their words alone: a headline's quotes may be written otherwise (“安全生产月” / "安全生产月").
    auto key = [](const std::u32string& s) {
        std::u32string k;
        for (char32_t c : s)
            if (utf8::is_han(c) || (c < 0x80 && std::isalnum(static_cast<int>(c))) || is_digit(c)) k += c;
        return k;
    };
    std::size_t k = from;
    const bool header_here = k < lines.size() && vocab().contents_headers.count(header_text(lines[k].cps)) > 0;
    if (header_here) ++k;
    const bool header = header_here || header_above;
    std::size_t items = 0;
    std::unordered_set<std::u32string> below; // the item texts of the lines after the contents, read once
    std::size_t below_from = lines.size();
    for (; k < lines.size() && k < from + 40; ++k) { // a page of contents at most
        const std::u32string item = item_text(lines[k].cps);
        if (item.size() < 2 || item.size() > 60 || contains_any(item, U"。；;") || ends_sentence(item)) break;
        if (below_from == lines.size()) { // the first item: index what follows the first page
            below_from = std::min(lines.size(), from + 40);
            for (std::size_t j = below_from; j < lines.size(); ++j)
                if (lines[j].cps.size() <= 80) below.insert(key(item_text(lines[j].cps)));
        }
        auto written_below = [&](const std::u32string& text, bool as_header = false) {
            if (below.count(key(text))) return true;
            for (std::size_t j = k + 1; j < below_from; ++j)
                if (key(item_text(lines[j].cps)) == key(text) || (as_header && header_text(lines[j].cps) == text)) return true;
            return false;
        };
        bool recurs = item.size() >= 4 && written_below(item);
        // An item naming a column by its count (简讯三则, 工作简讯（4条）) over the column's header (简讯).
        for (std::size_t len = 2; len < item.size() && !recurs; ++len)
            recurs = section_word(item.substr(0, len)) && written_below(item.substr(0, len), true);
        // Under a contents header, a column's name (【工作动态】) or an item with its page number
        // (◎…分析会……（1）) is one even when the headline below is worded otherwise.
        if (!recurs && header && (k == from + (header_here ? 1 : 0) || lines[k].gap_before == 0))
            recurs = (section_word(strip_bullet(lines[k].cps)) && written_below(header_text(strip_bullet(lines[k].cps)), true)) || // (◎简讯)
                     (item.size() >= 4 && page_tail(lines[k].cps, nullptr)) ||
                     // (the list's last item, a headline with no body of its own: a column's header follows)
                     (lines[k].gap_before == 0 && title_strict(lines[k].cps) && k + 1 < lines.size() &&
                      (section_word(lines[k + 1].cps) || ordinal_length(lines[k + 1].cps) > 0));
        if (!recurs) break;
        ++items;
    }
    return (header && items >= 1) || items >= 2 ? k : from;
}

// A colophon line: fields with a colon (报：市委办公室、市政府办公室, （供稿：…　责任编辑：…）),
// or the print run (（共印50份）).
bool colophon_line(const std::u32string& raw) {
    std::u32string s = raw;
    if (bracketed_note(s)) s = trim(s.substr(1, s.size() - 2));
    if (s.size() > 80) return false;
    if ((starts_with(s, U"共印") || starts_with(s, U"本期共印") || starts_with(s, U"本期印")) && s.back() == U'份') return true;
    // The printing note of an official document's end (江城市文明办　　2024年5月20日印发).
    if (s.size() >= 8 && s.size() <= 60 && s.compare(s.size() - 2, 2, U"印发") == 0 && s[s.size() - 3] == U'日' &&
        s.find(U'年') != std::u32string::npos && s.find(U'月') != std::u32string::npos)
        return true;
    // （集团党委宣传部　编）, （办公室供稿）: who wrote it, after the body.
    if (bracketed_note(raw))
        for (const auto& f : vocab().colophon_fields)
            if (f.size() >= (f == U"编" ? 1u : 2u) && s.size() > f.size() + 1 && s.compare(s.size() - f.size(), f.size(), f) == 0 &&
                (f.size() >= 2 || is_space(s[s.size() - 2])))
                return true;
    const std::size_t colon = s.find_first_of(U"：:");
    if (colon == std::u32string::npos || colon == 0 || colon > 6) return false;
    std::u32string field;
    for (std::size_t k = 0; k < colon; ++k)
        if (!is_space(s[k])) field += s[k];
    return vocab().colophon_fields.count(field) > 0;
}

// Where the colophon closing the text begins (its lines and any lines of marks only between and
// above them), or lines.size() when there is none.
std::size_t colophon_start(const std::vector<Line>& lines) {
    std::size_t start = lines.size();
    for (std::size_t k = lines.size(); k > 0 && lines.size() - k < 8; --k) {
        const std::u32string& s = lines[k - 1].cps;
        if (!has_word_char(s)) continue; // marks only
        if (!colophon_line(s)) break;
        start = k - 1;
    }
    while (start < lines.size() && start > 0 && !has_word_char(lines[start - 1].cps)) --start; // marks above it
    return start;
}

// ---- items -----------------------------------------------------------------------------------

enum class ItemKind { title, header, kicker, bullet, para };

struct Item {
    ItemKind kind = ItemKind::para;
    std::u32string text;
    bool boundary = false; // starts a new chunk (strong layout boundary before it)
};

// Content-cue analysis of one chunk of lines (spaced layout, or text without blank lines).
// blank_lines: the text parts its paragraphs with blank lines, so a line right under one that
// ends no sentence goes on with it (…副县长|黄佩琳，…), even where it reads like an opening clause.
void analyse_by_content(const std::vector<const Line*>& lines, std::size_t width, bool blank_lines, std::vector<Item>& out) {
    bool first = true;
    std::size_t i = 0;
    while (i < lines.size()) {
        const std::u32string& l = lines[i]->cps;
        const std::u32string* next = i + 1 < lines.size() ? &lines[i + 1]->cps : nullptr;
        Item item;
        item.boundary = first;
        first = false;
        // Section header: a known column name, or a short bare line followed by bullet items, or a
        // numbered one over a headline of its own and its text (一、代表工作 / 县人大常委会开展… / 2月…).
        const bool numbered_over_headline = next && ordinal_length(l) > 0 && i + 2 < lines.size() && title_strict(*next) &&
                                            !ends_sentence(*next) && !title_strict(lines[i + 2]->cps) && !is_bullet(lines[i + 2]->cps);
        if (header_like(l) && ((next && is_bullet(*next)) || (section_word(l) && next) || numbered_over_headline)) {
            item.kind = ItemKind::header;
            item.text = l;
            out.push_back(std::move(item));
            ++i;
            continue;
        }
        bool after_title = !out.empty() && !item.boundary && out.back().kind == ItemKind::title;
        // What a line ending in a colon introduces (出席会议的还有：|何建军　吕晓梅…) is no headline.
        const bool after_colon = !out.empty() && !out.back().text.empty() &&
                                 (out.back().text.back() == U'：' || out.back().text.back() == U':') && lines[i]->gap_before <= 1;
        // (set without blank lines, before a line opening with a date, after a finished paragraph)
        const bool exclaimed = next && exclaimed_title(l) && looks_like_start(*next) &&
                               (lines[i + 1]->gap_before >= 1 ||
                                (!blank_lines && starts_with_date(*next) && (i == 0 || ends_closed(lines[i - 1]->cps))));
        // A numbered heading right under a paragraph (…推进有序。|三、存在问题) is a part of that article,
        // unless news of its own follows, opening with its day ((二)双溪乡：举办农民丰收节 / 11月25日，…),
        // under a heading that names news (not a part's short label: 一、强化组织领导 / 6月3日，…).
        const bool numbered_inside = ordinal_length(l) > 0 && lines[i]->gap_before == 0 && !item.boundary && !out.empty() &&
                                     out.back().kind == ItemKind::para && !(next && starts_with_date(*next) && !part_label(l));
        // (a subtitle under it opens with a dash, yet continues nothing: 扎根基层二十年 / ——记…)
        if (next && !after_title && !after_colon && !numbered_inside && !is_bullet(l) && (!continues_previous(*next) || subtitle(*next)) &&
            (!ends_sentence(l) || exclaimed) && !wrapped_on(l, *next, width) &&
            (title_strict(l) || exclaimed || (title_with_comma(l) && looks_like_start(*next)))) {
            // A kicker (引题) over a headline: a short label right above a longer headline that the
            // text follows (聚焦项目建设|开发区重点项目集中开工). It names the article's topic, its section.
            if (l.size() <= 10 && i + 1 < lines.size() && lines[i + 1]->gap_before == 0 && next->size() > l.size() &&
                title_strict(*next) && !ends_sentence(*next) && i + 2 < lines.size() &&
                (lines[i + 2]->gap_before >= 1 || looks_like_start(lines[i + 2]->cps)) && !title_strict(lines[i + 2]->cps)) {
                out.push_back({ItemKind::kicker, l, item.boundary});
                ++i;
                continue;
            }
            item.kind = ItemKind::title;
            item.text = l;
            ++i;
            // A headline broken over two lines, then the text.
            if (broken_headline(l, *next) && lines[i]->gap_before == 0 &&
                (i + 1 >= lines.size() || lines[i + 1]->gap_before >= 1 || looks_like_start(lines[i + 1]->cps))) {
                item.text += *next;
                ++i;
            }
            out.push_back(std::move(item));
            continue;
        }
        // A paragraph (or bullet item), with any mid-sentence continuation lines joined.
        item.kind = is_bullet(l) ? ItemKind::bullet : ItemKind::para;
        item.text = item.kind == ItemKind::bullet ? strip_bullet(l) : l;
        ++i;
        while (i < lines.size()) {
            const std::u32string& n = lines[i]->cps;
            if (ends_closed(item.text) || is_bullet(n)) break;
            // (nor a list's last line over a blank line: …马俊杰 / / 优秀教育工作者（4名）：)
            if (enumeration_line(lines[i - 1]->cps) && (enumeration_line(n) || lines[i]->gap_before >= 1)) break;
            bool join = continues_previous(n) || wrapped_on(lines[i - 1]->cps, n, width);
            // Broken lines are full-width lines of running text, not short bare labels (nor a numbered
            // heading, whose 、 is its number's: 一、总体情况).
            const bool long_line = item.text.size() >= 20 || contains_any(strip_ordinal(item.text), U"，、；,;");
            if (!join && !looks_like_start(n)) join = long_line;
            if (!join && blank_lines && lines[i]->gap_before == 0 && long_line && !starts_with_date(n) &&
                ordinal_length(n) == 0 && !caption_like(n))
                join = true;
            if (!join) break;
            join_into(item.text, n);
            ++i;
        }
        out.push_back(std::move(item));
    }
}

// Layout analysis of one chunk in a dense page: first line is the headline when a blank line
// follows it; the other lines are paragraphs.
void analyse_by_layout(const std::vector<const Line*>& lines, std::size_t width, std::vector<Item>& out) {
    std::size_t i = 0;
    bool first = true;
    // A column header: a known column name or a framed one (【工作动态】), alone or before the
    // items of its column.
    // Or a numbered one right over a headline of its own (一、重点工作 / 我市启动…活动 / …), or a known
    // column name over a headline and its dated text (社区动态 / 柳湾社区开展消防应急演练 / 11月6日晚，…).
    const bool numbered_over_headline =
        lines.size() >= 3 && header_like(lines[0]->cps) && (lines[1]->gap_before == 0 || section_word(lines[0]->cps)) &&
        lines[2]->gap_before == 0 && title_strict(lines[1]->cps) &&
        !ends_sentence(lines[1]->cps) &&
        (ordinal_length(lines[0]->cps) > 0 || (section_word(lines[0]->cps) && starts_with_date(lines[2]->cps)));
    if (!lines.empty() && header_like(lines[0]->cps) &&
        ((section_word(lines[0]->cps) && (lines.size() == 1 || is_bullet(lines[1]->cps) || framed_header(lines[0]->cps))) ||
         // (or named by what it covers over bullet items: 综合简讯 / ●12月1日…)
         (lines.size() > 1 && is_bullet(lines[1]->cps) && column_by_suffix(lines[0]->cps)) ||
         // (or, numbered, over numbered briefs: 二、社区动态 / 1.4月12日，…; not 图片新闻 / 1、1月14日，…, one
         // article of numbered photos in PFR's pages)
         (lines.size() > 1 && brief_number_length(lines[1]->cps) > 0 && ordinal_length(lines[0]->cps) > 0) ||
         numbered_over_headline || (lines.size() == 1 && ordinal_length(lines[0]->cps) > 0))) { // (一、重要会议 cut off before its headline)
        out.push_back({ItemKind::header, lines[0]->cps, true});
        first = false;
        i = 1;
    }
    if (lines.size() >= i + 2) {
        const std::u32string& l = lines[i]->cps;
        // The headline: a blank line after it, or (a bulletin set without one) a strict title
        // before a line that opens news text (3月10日上午，…).
        // A subtitle may stand between the headline and its gap.
        // (or, set without a gap, before a line that opens news text: 今年以来，…)
        const bool text_after_two = lines.size() == i + 2 || lines[i + 2]->gap_before >= 1 ||
                                    (looks_like_start(lines[i + 2]->cps) && !is_bullet(lines[i + 2]->cps));
        const bool under_subtitle = subtitle(lines[i + 1]->cps) && text_after_two && title_loose(l) && !ends_sentence(l);
        // (a strict title over the record's only other lines, each a longer paragraph closed by its
        // sentence: 邻县南溪县探索林长河长联动机制 / 南溪县将林长制与河长制有机结合。)
        const bool over_closed_paras = title_strict(l) && [&] {
            for (std::size_t k = i + 1; k < lines.size(); ++k)
                if (!ends_sentence(lines[k]->cps) || lines[k]->cps.size() <= l.size() || is_bullet(lines[k]->cps)) return false;
            return true;
        }();
        if (lines[i + 1]->gap_before == 0 && broken_headline(l, lines[i + 1]->cps) && text_after_two) {
            out.push_back({ItemKind::title, l + lines[i + 1]->cps, first});
            first = false;
            i += 2;
        } else if (((lines[i + 1]->gap_before >= 1 || under_subtitle) && title_loose(l)) ||
            (title_strict(l) && looks_like_start(lines[i + 1]->cps) && !is_bullet(lines[i + 1]->cps)) || over_closed_paras ||
            // (a headline set flush over an indented paragraph: 国庆假期…大幅增长 / 　　据县文化和旅游局统计，…)
            (title_strict(l) && !lines[i]->indented && lines[i + 1]->indented && !is_bullet(lines[i + 1]->cps)) ||
            // (a short heading over sentences: 领导批示 / 县委书记欧阳振东批示：…。)
            (title_strict(l) && l.size() <= 10 && lines[i + 1]->cps.size() >= 20 && ends_sentence(lines[i + 1]->cps) &&
             !is_bullet(lines[i + 1]->cps))) {
            out.push_back({ItemKind::title, l, first});
            first = false;
            ++i;
        }
    }
    for (; i < lines.size(); ++i) {
        const std::u32string& l = lines[i]->cps;
        // A line starting with punctuation continues the paragraph before it, and so does any line
        // after one broken at a comma (县委常委、|办公室主任王晓东): no paragraph ends with one.
        const bool broken = !out.empty() && !out.back().text.empty() &&
                            (out.back().text.back() == U'，' || out.back().text.back() == U'、') && !is_bullet(l);
        // A line of the page's full width that ends no sentence goes on in this one (PDF paste:
        // …考察学习特|色种植产业。).
        const bool wrapped = i > 0 && wrapped_on(lines[i - 1]->cps, l, width);
        // So does a line of running text after running text that ends no sentence (…镇党委副书记、镇长|
        // 宁晓岚作总结报告。): paragraphs end with their punctuation; not before what opens one (a date, a
        // lead, a number).
        // (not a numbered heading, whose 、 is its number's: 三、存在问题 / 一是部分项目…)
        const bool unfinished = !out.empty() && out.back().kind == ItemKind::para && !ends_closed(out.back().text) &&
                                (out.back().text.size() >= 20 || contains_any(strip_ordinal(out.back().text), U"，、；,;")) &&
                                !(ordinal_length(out.back().text) > 0 && header_like(out.back().text)) &&
                                // (a short clause after running text cut mid-sentence is its next words:
                                // …办事处主任|梁红梅，党工委委员…)
                                !is_bullet(l) && !opens_by_form(l) && ordinal_length(l) == 0 && !caption_like(l) &&
                                contains_any(l, U"。，；！？,;!?"); // (running text too, not a list's label: 中华全国总工会（５０人）)

        if (!first && (continues_previous(l) || broken || wrapped || unfinished) && !out.empty() && out.back().kind != ItemKind::title &&
            out.back().kind != ItemKind::header) {
            join_into(out.back().text, l);
            continue;
        }
        Item item;
        item.boundary = first;
        first = false;
        // A numbered headline after a finished paragraph, over news text opening with its day, is
        // the next article of the column (（一）街道召开…。|（二）街道开展安全生产大排查|4月10日至20日，…).
        if (!out.empty() && out.back().kind == ItemKind::para && ends_closed(out.back().text) && ordinal_length(l) > 0 && !part_label(l) &&
            i + 1 < lines.size() && lines[i + 1]->gap_before == 0 && starts_with_date(lines[i + 1]->cps) &&
            title_strict(strip_ordinal(l)) && !ends_sentence(l)) {
            item.kind = ItemKind::title;
            item.text = l;
            out.push_back(std::move(item));
            continue;
        }
        item.kind = is_bullet(l) ? ItemKind::bullet : ItemKind::para;
        item.text = item.kind == ItemKind::bullet ? strip_bullet(l) : l;
        out.push_back(std::move(item));
    }
}

// A rule drawn between articles or under the masthead: ─────, ━━━━, ＝＝＝, ★★★, * * *.
bool rule_line(const std::u32string& s) {
    static constexpr std::u32string_view marks = U"─━—–-=＝_＿~～*＊★☆·•…⋯－═┈┉╌";
    std::size_t n = 0;
    for (char32_t c : s) {
        if (is_space(c)) continue;
        if (marks.find(c) == std::u32string_view::npos) return false;
        ++n;
    }
    return n >= 3;
}

// A page number a PDF paste leaves on a line of its own: — 2 —, -3-, 第2页, 第2页 共4页, 2/4.
bool page_number(const std::u32string& s) {
    std::size_t i = 0, digits = 0;
    auto skip = [&](std::u32string_view set) {
        while (i < s.size() && (set.find(s[i]) != std::u32string_view::npos || is_space(s[i]))) ++i;
    };
    auto number = [&] {
        std::size_t n = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++n;
        digits += n;
        return n > 0;
    };
    skip(U"—－-─·");
    if (i < s.size() && s[i] == U'第') {
        ++i;
        if (!number() || i >= s.size() || s[i] != U'页') return false;
        ++i;
        skip(U"，,");
        if (i < s.size() && s[i] == U'共') {
            ++i;
            if (!number() || i >= s.size() || s[i] != U'页') return false;
            ++i;
        }
    } else {
        if (!number()) return false;
        if (i < s.size() && s[i] == U'/') {
            ++i;
            if (!number()) return false;
        }
        // a bare number is a page number only between dashes (— 2 —), and short: ——2024—— is a year
        if (i == s.size() || s.find_first_of(U"—－-─") == std::u32string::npos || digits > 3) return false;
    }
    skip(U"—－-─·");
    return i == s.size() && digits > 0 && digits <= 6;
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    int gap = 0;
    bool page = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        std::u32string cps = trim(to_u32(raw));
        if (cps.empty()) {
            ++gap;
        } else if (page_number(cps) || rule_line(cps)) {
            // A PDF's page number or a rule is no line, and no blank line either: the lines around
            // it keep their layout (＊＊＊ between two parts of one article in a dense page).
            if (page_number(cps)) page = true;
        } else {
            Line l;
            {
                const std::u32string whole = to_u32(raw);
                std::size_t sp = 0;
                while (sp < whole.size() && sp < 2 && (whole[sp] == U' ' || whole[sp] == 0x3000)) ++sp;
                l.indented = sp == 2 || (!whole.empty() && whole[0] == U'\t');
            }
            l.cps = std::move(cps);
            l.text = to_u8(l.cps);
            l.gap_before = gap;
            l.page_break = page;
            lines.push_back(std::move(l));
            gap = 0;
            page = false;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return lines;
}

constexpr std::size_t npos = static_cast<std::size_t>(-1);

Record make_record(RecordKind kind) {
    Record r;
    r.kind = kind;
    return r;
}

} // namespace

std::vector<Record> parse_structure(std::string_view text) { return parse_bulletin_text(text).records; }

BulletinText parse_bulletin_text(std::string_view text, bool traditional) {
    struct Script { // the lexicons' script for this text, restored however parsing ends
        bool before = g_traditional;
        explicit Script(bool t) { g_traditional = t; }
        ~Script() { g_traditional = before; }
    } script(traditional);
    std::vector<Line> lines = split_lines(text);
    BulletinText out;
    std::vector<Record>& records = out.records;
    if (lines.empty()) return out;
    // A column name set off by a bullet mark (■ 要闻, ◆基层动态) is a header, not a brief.
    // So is a headline set off by one (◎市卫健委召开…工作会议 before its text): a line that reads
    // as a title, not a dated brief, before a paragraph of news.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (!is_bullet(l.cps)) continue;
        const std::u32string s = strip_bullet(l.cps);
        const Line* next = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
        const bool column = vocab().sections.count(header_text(l.cps)) > 0 || column_by_suffix(s);
        const bool headline = title_strict(s) && !starts_with_day(s) && next && !is_bullet(next->cps) &&
                              next->cps.size() >= 20 && (next->gap_before >= 1 || looks_like_start(next->cps));
        if (column || headline) {
            l.cps = s;
            l.text = to_u8(l.cps);
        }
    }

    // Masthead and colophon are kept as written (lines of marks only left out), not read as records.
    auto take = [&](std::size_t b, std::size_t e, std::vector<std::string>& to) {
        for (std::size_t k = b; k < e; ++k)
            if (has_word_char(lines[k].cps)) to.push_back(lines[k].text);
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(b), lines.begin() + static_cast<std::ptrdiff_t>(e));
    };
    take(colophon_start(lines), lines.size(), out.colophon);
    take(0, masthead_end(lines), out.masthead);
    // (the masthead may end with the contents' header: 目　　录 reads as a letter-spaced line)
    take(0, contents_end(lines, 0, !out.masthead.empty() && vocab().contents_headers.count(header_text(to_u32(out.masthead.back())))), out.masthead);
    // A PDF's running head repeats the bulletin's name at the top of each page (东湖街道工作简报,
    // 东湖街道工作简报　第2期): no line of the text, wherever the page broke it.
    if (const std::u32string name = out.masthead.empty() ? std::u32string() : to_u32(out.masthead.front()); name.size() >= 4) {
        std::erase_if(lines, [&](const Line& l) {
            if (!starts_with(l.cps, name)) return false;
            const std::u32string rest = trim(l.cps.substr(name.size()));
            return rest.empty() || issue_number(rest) || page_number(rest) || masthead_line(l.cps);
        });
    }
    if (lines.empty()) return out;

    // Classify the layout from the gaps between consecutive lines.
    // (not the blank lines around a page number: a text set without blank lines keeps them there)
    std::map<int, int> gaps;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (!lines[i].page_break) ++gaps[lines[i].gap_before];
    int dense = gaps.count(0) ? gaps[0] : 0;
    int spaced = 0;
    int usual = 1, usual_n = 0; // the most common non-zero gap
    for (auto [g, n] : gaps)
        if (g > 0) {
            spaced += n;
            if (n > usual_n) usual = g, usual_n = n;
        }
    // Dense when complete paragraphs are followed directly by the next line more often than by
    // the smallest blank gap of the text (in a spaced layout that gap follows every paragraph).
    int min_gap = 0;
    for (auto [g, n] : gaps)
        if (g > 0 && (min_gap == 0 || g < min_gap)) min_gap = g;
    int closed_direct = 0, closed_spaced = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (!ends_closed(lines[i - 1].cps) || lines[i].page_break) continue;
        if (lines[i].gap_before == 0) ++closed_direct;
        else if (lines[i].gap_before == min_gap) ++closed_spaced;
    }
    const bool layout_dense = spaced > 0 && dense > 0 && closed_direct > closed_spaced;
    const int boundary_gap = layout_dense ? 1 : usual + 1;

    // Cut into chunks at strong boundaries. In a dense layout a single blank line after a
    // title-like first line of a chunk is the headline's gap, not a boundary — unless that line
    // names a column and a headline of its own follows (代表风采 / 杨春燕：把群众的事… / text).
    std::vector<std::vector<const Line*>> chunks;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool cut = chunks.empty() || lines[i].gap_before >= boundary_gap;
        if (cut && layout_dense && !chunks.empty() && lines[i].gap_before == 1 &&
            (chunks.back().size() == 1 ||
             (chunks.back().size() == 2 && (subtitle(chunks.back()[1]->cps) || broken_headline(chunks.back()[0]->cps, chunks.back()[1]->cps)))) &&
            title_loose(chunks.back()[0]->cps) && !column_before_headline(lines, i, chunks.back()[0]->cps))
            cut = false;
        // A sentence a page break cut mid-word (…作了汇||||报。) goes on over any gap: the line before
        // is running text that ends no sentence, and this one opens nothing (no headline, date, bullet,
        // number or lead).
        if (cut && !chunks.empty()) {
            const std::u32string& prev = lines[i - 1].cps;
            const std::u32string& cur = lines[i].cps;
            if (!ends_closed(prev) && (prev.size() >= 20 || contains_any(prev, U"，、；,;")) && !is_clause_punct(prev.back()) &&
                utf8::is_han(prev.back()) && utf8::is_han(cur.front()) && !title_loose(cur) && !looks_like_start(cur) &&
                !is_bullet(cur) && ordinal_length(cur) == 0 && !caption_like(cur))
                cut = false;
            // Over a page number even a short clause goes on (…要按照“三管|— 1 —|三必须”要求,…): a page
            // breaks where it falls, a writer does not stop mid-sentence.
            if (cut && lines[i].page_break && !ends_closed(prev) && prev.size() >= 20 && utf8::is_han(prev.back()) &&
                utf8::is_han(cur.front()) && !title_loose(cur) && !is_bullet(cur) && !starts_with_date(cur) &&
                ordinal_length(cur) == 0 && !caption_like(cur))
                cut = false;
            // …主持并领学|— 3 —|。: the sentence's own punctuation after a page break.
            if (!ends_closed(prev) && utf8::is_han(prev.back()) && continues_previous(cur)) cut = false;
            // 现将有关情况通报如下：| |一、总体情况: what a colon introduces is the same article's.
            if (layout_dense && (prev.back() == U'：' || prev.back() == U':') && !title_strict(prev) && !is_bullet(cur)) cut = false;
            // …列席会议。| |出席会议的还有：| 何静　宋涛…: a roll call (or its lead-in) is the report's.
            if (rollcall_line(cur) && ends_closed(prev)) cut = false;
        }
        if (cut) chunks.emplace_back();
        chunks.back().push_back(&lines[i]);
    }

    std::vector<Item> items;
    const std::size_t width = wrap_width(lines);
    for (const auto& c : chunks) {
        if (layout_dense)
            analyse_by_layout(c, width, items);
        else
            analyse_by_content(c, width, spaced > 0, items);
    }

    // Assemble records.
    std::optional<std::string> section;
    // A header right before a headline opens a column of articles (【工作动态】): each titled
    // article up to the next header is in it. A header before briefs holds only its briefs.
    std::optional<std::string> column;
    std::optional<std::string> kicker; // the label over the next headline
    std::size_t open = npos; // index of the record paragraphs are appended to
    auto finish = [&]() { open = npos; };
    auto add_brief = [&](const std::string& txt) {
        records.push_back(make_record(RecordKind::brief));
        records.back().section = section ? section : column; // (briefs after a column's articles are the column's)
        records.back().paragraphs.push_back(txt);
        open = npos; // a brief is one item; text after it starts something new
    };
    for (std::size_t k = 0; k < items.size(); ++k) {
        Item& it = items[k];
        if (it.boundary) {
            finish();
            if (it.kind != ItemKind::bullet) section.reset();
        }
        std::string txt = to_u8(it.text);
        if (txt.empty()) continue; // a bare bullet mark
        switch (it.kind) {
        case ItemKind::header:
            finish();
            section = to_u8(header_text(it.text));
            column.reset();
            if (k + 1 < items.size() && items[k + 1].kind == ItemKind::title) column = section;
            break;
        case ItemKind::kicker:
            finish();
            kicker = txt;
            break;
        case ItemKind::title:
            section.reset();
            records.push_back(make_record(RecordKind::article));
            records.back().title = to_u8(strip_ordinal(it.text)); // 一、街道召开…: the number is layout
            records.back().section = kicker ? kicker : column;
            kicker.reset();
            open = records.size() - 1;
            break;
        case ItemKind::bullet:
            // A list inside an article, not a column of briefs — unless the item opens with the time
            // of its news (●6月15日，…, ●上周五（12月5日），…): briefs set without a column header. (A list's items may
            // open with a year or a clause: 一九九七年，林业建设…)
            if (!section && open != npos && !opens_with_news_time(it.text)) {
                records[open].paragraphs.push_back(txt);
                break;
            }
            add_brief(txt);
            break;
        case ItemKind::para:
            // Under a column header (四、简讯), each item that opens with the day of its news is a
            // brief, as a bullet item would be.
            // (or with a vague day: 近日，城南市场监管所依法查处…)
            if (section && !column &&
                (opens_with_news_time(it.text) || brief_number_length(it.text))) {
                add_brief(to_u8(it.text.substr(brief_number_length(it.text)))); // 1. 3月5日，…: the number is layout
                break;
            }
            // Who wrote it, in brackets right under a brief (●…上报工作。|（县商务局综合科　鞠晓东）), is the
            // brief's last line, as under an article; no record of its own.
            if (open == npos && !records.empty() && records.back().kind == RecordKind::brief && byline_note(it.text)) {
                records.back().paragraphs.push_back(txt);
                break;
            }
            // A photo's caption alone right under a brief (●…决赛举行。|图为竞赛现场。) is the brief's —
            // unless it names a day of its own (图为4月15日，…会见…: another event's photo) or the
            // brief is a photo's already (【图片新闻】 …。图为村民… | 图为镇长…: one photo each).
            if (!it.boundary && open == npos && !records.empty() && records.back().kind == RecordKind::brief &&
                starts_photo_lead(it.text) && it.text.size() <= 40 && !starts_with_day(it.text.substr(2)) &&
                std::none_of(records.back().paragraphs.begin(), records.back().paragraphs.end(),
                             [](const std::string& p) { return caption_like(to_u32(p)); }) &&
                (it.text.find(U'。') == std::u32string::npos || it.text.find(U'。') + 1 == it.text.size())) {
                records.back().paragraphs.push_back(txt);
                break;
            }
            // Who wrote it, in brackets and set apart right under a headlined article (…进行了交流。| |
            // （县人大办 文/图 林一凡）), is the article's last line, as under a brief.
            if (it.boundary && !section && !records.empty() && records.back().kind == RecordKind::article && records.back().title &&
                byline_note(it.text) && (k + 1 >= items.size() || items[k + 1].boundary)) {
                records.back().paragraphs.push_back(txt);
                break;
            }
            // A photo's caption set apart right after a headlined article (…通过了协商计划。| |
            // 图为会议现场。（摄影 曾庆余）) is that article's photo — unless it names a day of its own
            // (another event's photo) or the article has its photo already.
            if (it.boundary && !section && !records.empty() && records.back().kind == RecordKind::article && records.back().title &&
                starts_photo_lead(it.text) && it.text.size() <= 50 && !starts_with_day(it.text.substr(2)) &&
                std::none_of(records.back().paragraphs.begin(), records.back().paragraphs.end(),
                             [](const std::string& p) { return caption_like(to_u32(p)); }) &&
                (k + 1 >= items.size() || items[k + 1].boundary)) {
                records.back().paragraphs.push_back(txt);
                break;
            }
            // An untitled article right under a column's header (代表风采 / 全国人大代表房秀英，…) is the
            // column's; after the header's briefs, text is no longer in it.
            const bool under_header = k > 0 && items[k - 1].kind == ItemKind::header && section;
            const std::optional<std::string> header_section = under_header ? section : std::nullopt;
            // (a photo's caption after a column's briefs is the column's: 【图片新闻】)
            const std::optional<std::string> brief_section = section && caption_like(it.text) ? section : std::nullopt;
            if (section) section.reset(), open = npos;
            if (open == npos) {
                records.push_back(make_record(RecordKind::article));
                // (an untitled article in a column of articles is the column's)
                records.back().section = under_header ? header_section : brief_section ? brief_section : column;
                open = records.size() - 1;
            }
            records[open].paragraphs.push_back(txt);
            break;
        }
    }
    // A trailing header with nothing under it is dropped; a title with no body stays an article.
    for (std::size_t i = 0; i < records.size(); ++i) {
        Record& r = records[i];
        r.seq = static_cast<int>(i) + 1;
        if (r.kind == RecordKind::article && !r.title && r.paragraphs.size() <= 2 &&
            std::any_of(r.paragraphs.begin(), r.paragraphs.end(),
                        [](const std::string& p) { return caption_like(to_u32(p)); }))
            r.kind = RecordKind::caption;
    }
    return out;
}

} // namespace jianbao
