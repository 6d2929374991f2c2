// Date and time expressions. A left-to-right scanner that only stops at digits, Chinese
// numerals and the first characters of the date lexicons, then reads one expression as a
// chain: [relative word | year] [month] [day | lunar day] [period] [time of day] [clock].
// Mentions are cut the way the PKU corpus cuts its `t` runs (12月9日上午 is one mention,
// 1997年底 is 1997年 + 底, 12月1日至3日 is two), so they can be scored against it.
#include "jianbao/extract/dates.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>

#include <algorithm>
#include <bitset>
#include <memory>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace jianbao {

namespace {

// ---- calendar arithmetic -------------------------------------------------------------

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && (y == 0 || leap(y)) ? 29 : dm[m - 1]; // year 0 = unknown: allow 29 Feb
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

PartialDate civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return PartialDate{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

bool full(const PartialDate& d) { return d.year > 0 && d.month > 0 && d.day > 0; }

// ---- characters ----------------------------------------------------------------------

int arabic_digit(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10); // full-width, unnormalised text
    return -1;
}

int cn_digit(char32_t c) {
    switch (c) {
    case U'〇': case U'零': case U'○': case U'Ｏ': return 0;
    case U'一': return 1; case U'二': return 2; case U'三': return 3; case U'四': return 4;
    case U'五': return 5; case U'六': return 6; case U'七': return 7; case U'八': return 8;
    case U'九': return 9;
    default: return -1;
    }
}

bool is_cn_numeral(char32_t c) { return cn_digit(c) >= 0 || c == U'十' || c == U'廿' || c == U'两'; }

char32_t peek(std::string_view s, std::size_t i, std::size_t* next = nullptr) {
    if (i >= s.size()) {
        if (next) *next = i;
        return 0;
    }
    std::size_t j = i;
    char32_t c = utf8::next(s, j);
    if (next) *next = j;
    return c;
}

char32_t before(std::string_view s, std::size_t i) {
    if (i == 0) return 0;
    return utf8::prev(s, i);
}

// A number as written: 12, １２, 十二, 廿一, 一九九八, 两.
struct Num {
    int value = 0;
    std::size_t end = 0;
    int digits = 0;      // characters read
    bool arabic = false;
    bool tens = false;   // Chinese with 十/廿 (十二): a quantity form, never a year
    bool liang = false;  // 两: only for clock times (两点)
};

std::optional<Num> read_number(std::string_view s, std::size_t i) {
    Num n;
    std::size_t j = i, nx;
    char32_t c = peek(s, j, &nx);
    if (arabic_digit(c) >= 0) {
        n.arabic = true;
        while (arabic_digit(c) >= 0) {
            if (++n.digits > 4) return std::nullopt; // 5+ digits: a quantity, not a date part
            n.value = n.value * 10 + arabic_digit(c);
            j = nx;
            c = peek(s, j, &nx);
        }
        n.end = j;
        return n;
    }
    if (!is_cn_numeral(c)) return std::nullopt;
    if (c == U'两') {
        n.value = 2, n.digits = 1, n.liang = true, n.end = nx;
        return is_cn_numeral(peek(s, nx)) ? std::nullopt : std::optional<Num>(n);
    }
    // Collect the run (up to 4 characters), then read it either as tens or as a digit string.
    std::u32string run;
    while (is_cn_numeral(c) && c != U'两') {
        if (run.size() == 4) return std::nullopt;
        run.push_back(c);
        j = nx;
        c = peek(s, j, &nx);
    }
    n.end = j;
    n.digits = static_cast<int>(run.size());
    std::size_t ten = run.find_first_of(U"十廿");
    if (ten == std::u32string::npos) {
        for (char32_t d : run) n.value = n.value * 10 + cn_digit(d);
        return n;
    }
    n.tens = true;
    int hi = run[ten] == U'廿' ? 2 : 1;
    if (ten == 1 && run[ten] == U'十') hi = cn_digit(run[0]);
    else if (ten != 0) return std::nullopt;
    if (hi <= 0) return std::nullopt;
    int lo = 0;
    if (ten + 1 < run.size()) {
        if (ten + 2 != run.size()) return std::nullopt;
        lo = cn_digit(run[ten + 1]);
        if (lo <= 0) return std::nullopt;
    }
    n.value = hi * 10 + lo;
    return n;
}

bool starts(std::string_view s, std::size_t i, std::string_view w) { return s.compare(i, w.size(), w) == 0; }

// ---- lexicons ------------------------------------------------------------------------

// Words indexed by first character, longest first, so a match is one small list walk.
template <class T> struct WordTable {
    std::vector<T> items;
    std::unordered_map<char32_t, std::vector<std::size_t>> by_first;

    void index() {
        for (std::size_t k = 0; k < items.size(); ++k) {
            std::size_t i = 0;
            by_first[utf8::next(items[k].word, i)].push_back(k);
        }
        for (auto& [c, v] : by_first)
            std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) {
                return items[a].word.size() > items[b].word.size();
            });
    }
    const T* match(std::string_view s, std::size_t i) const {
        if (i >= s.size()) return nullptr;
        auto it = by_first.find(peek(s, i));
        if (it == by_first.end()) return nullptr;
        for (std::size_t k : it->second)
            if (starts(s, i, items[k].word)) return &items[k];
        return nullptr;
    }
};

enum class TodKind { word, suffix, blocked };
struct Tod { std::string word; TodKind kind; };
struct Rel { std::string word; char unit; int offset; bool context; std::string tod; };
struct Fest { std::string word; bool lunar; int month; int day; };
struct MonthName { std::string word; bool lunar; int month; bool needs_day; };
struct Period { std::string word; bool after_year; };
struct Plain { std::string word; };

int to_int(const std::string& s, const std::string& file) {
    int v = 0;
    const char* b = s.data() + (s.size() && s[0] == '+' ? 1 : 0);
    auto [p, ec] = std::from_chars(b, s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) throw Error("lexicon: " + file + ": bad number '" + s + "'", 5);
    return v;
}

} // namespace

struct DateExtractor::Impl {
    DateOptions opt;
    WordTable<Tod> tod;
    WordTable<Rel> rel;
    WordTable<Fest> fest;
    WordTable<MonthName> months;
    WordTable<Period> periods;
    WordTable<Plain> vague;
    WordTable<Plain> no_event_after; // date_no_event_after.txt: 前夕, 期间 after a date
    WordTable<Plain> not_no_event_after; // its !-entries: 前往 after a date is no deadline's 前
    std::vector<std::string> no_event_before; // date_no_event_before.txt: 截至 before a date
    std::vector<char32_t> guards;
    std::bitset<0x10000> cue; // characters where a scan may start (BMP only: all cues are Han)

    void load();
    struct Hit;
    std::optional<Hit> parse_at(std::string_view s, std::size_t i) const;
};

void DateExtractor::Impl::load() {
    for (auto& r : lexicon::read_table("date_time_of_day.txt", 2))
        tod.items.push_back({r[0], r[1] == "word" ? TodKind::word : r[1] == "suffix" ? TodKind::suffix : TodKind::blocked});
    for (auto& r : lexicon::read_table("date_relative.txt", 4))
        rel.items.push_back({r[0], r[1].empty() ? 'd' : r[1][0], to_int(r[2], "date_relative.txt"), r[3] == "context",
                             r.size() > 4 ? r[4] : std::string()});
    for (auto& r : lexicon::read_table("date_festivals.txt", 3)) {
        if (r[2].size() != 5 || r[2][2] != '-') throw Error("lexicon: date_festivals.txt: bad MM-DD '" + r[2] + "'", 5);
        fest.items.push_back({r[0], r[1] == "lunar", to_int(r[2].substr(0, 2), "date_festivals.txt"),
                              to_int(r[2].substr(3), "date_festivals.txt")});
    }
    for (auto& r : lexicon::read_table("date_months.txt", 3))
        months.items.push_back({r[0], r[1] == "lunar", to_int(r[2], "date_months.txt"), r.size() > 3 && r[3] == "day"});
    for (auto& r : lexicon::read_table("date_periods.txt", 2)) periods.items.push_back({r[0], r[1] == "year"});
    for (auto& w : lexicon::read_lines("date_vague.txt")) vague.items.push_back({w});
    for (auto& w : lexicon::read_lines("date_no_event_after.txt")) {
        if (w.size() > 1 && w[0] == '!') not_no_event_after.items.push_back({w.substr(1)});
        else no_event_after.items.push_back({w});
    }
    no_event_before = lexicon::read_lines("date_no_event_before.txt");
    for (auto& w : lexicon::read_lines("date_number_guards.txt")) {
        std::size_t i = 0;
        guards.push_back(utf8::next(w, i));
    }
    tod.index(), rel.index(), fest.index(), months.index(), periods.index(), vague.index(), no_event_after.index(),
        not_no_event_after.index();
    auto mark = [&](const auto& table) {
        for (auto& [c, v] : table.by_first)
            if (c < 0x10000) cue.set(c);
    };
    mark(tod), mark(rel), mark(fest), mark(months), mark(vague);
    for (char32_t c = 0xFF10; c <= 0xFF19; ++c) cue.set(c);
    for (char32_t c : std::u32string(U"〇零○Ｏ一二三四五六七八九十廿两初")) cue.set(c);
}

// The Gregorian day of a day of the Chinese calendar in the lunar year that begins in `year`
// (春节 2023 = 2023-01-22); 12-30 is that year's last day, 除夕, whatever its length.
std::optional<PartialDate> lunar_date(int year, int month, int day) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::Locale("zh_CN@calendar=chinese"), status));
    if (U_FAILURE(status) || !cal) return std::nullopt;
    cal->setTimeZone(*icu::TimeZone::getGMT()); // (days, not instants: both calendars in one zone)
    const bool eve = month == 12 && day == 30;
    cal->clear();
    cal->set(UCAL_EXTENDED_YEAR, year + 2637 + (eve ? 1 : 0));
    cal->set(UCAL_MONTH, eve ? 0 : month - 1);
    cal->set(UCAL_IS_LEAP_MONTH, 0);
    cal->set(UCAL_DATE, eve ? 1 : day);
    UDate t = cal->getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    if (eve) t -= 24.0 * 3600 * 1000;
    icu::GregorianCalendar g(status);
    g.setTimeZone(*icu::TimeZone::getGMT());
    g.setTime(t, status);
    if (U_FAILURE(status)) return std::nullopt;
    return PartialDate{g.get(UCAL_YEAR, status), g.get(UCAL_MONTH, status) + 1, g.get(UCAL_DATE, status)};
}

// A date in ASCII digits: a year 19xx or 20xx, a month and a day, one separator (. / -) between
// them; not a longer number (2024.11.5.3) nor a decimal run (2024.115).
struct NumericDate {
    int year, month, day;
    std::size_t end;
};
std::optional<NumericDate> numeric_date(std::string_view s, std::size_t i) {
    auto digits = [&](std::size_t& k, std::size_t lo, std::size_t hi) {
        const std::size_t b = k;
        int v = 0;
        while (k < s.size() && k - b < hi && s[k] >= '0' && s[k] <= '9') v = v * 10 + (s[k++] - '0');
        return k - b >= lo && !(k < s.size() && s[k] >= '0' && s[k] <= '9') ? v : -1;
    };
    std::size_t k = i;
    if (s.substr(i, 2) != "19" && s.substr(i, 2) != "20") return std::nullopt;
    const int year = digits(k, 4, 4);
    if (year < 0 || k >= s.size()) return std::nullopt;
    const char sep = s[k];
    if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
    ++k;
    const int month = digits(k, 1, 2);
    if (month < 1 || month > 12 || k >= s.size() || s[k] != sep) return std::nullopt;
    ++k;
    const int day = digits(k, 1, 2);
    if (day < 1 || day > 31) return std::nullopt;
    if (k + 1 < s.size() && (s[k] == sep || s[k] == '.') && s[k + 1] >= '0' && s[k + 1] <= '9') return std::nullopt;
    return NumericDate{year, month, day, k};
}

// One expression as read, before it is anchored to a date.
struct DateExtractor::Impl::Hit {
    std::size_t end = 0;
    int year = 0, month = 0, day = 0; // as written; year 0 = not written
    const Rel* rel = nullptr;
    const Fest* fest = nullptr;
    bool lunar = false;
    bool vague = false;
    bool clock = false;
    bool numeric = false; // has a number with a calendar or clock unit
    int weekday = 0;      // 上周五: 1 (Monday) … 7 (Sunday) after a relative week
    std::string tod;
    std::size_t tod_end = 0; // where a time of day read past the end ends (3月15日（星期五）上午)
};

std::optional<DateExtractor::Impl::Hit> DateExtractor::Impl::parse_at(std::string_view s, std::size_t i) const {
    Hit h;
    std::size_t p = i;
    const char32_t prev = before(s, i);
    // 晚 right before (晚8时): a bare clock after it is a time even when written 8点.
    const Tod* suffix_before = nullptr;
    if (i >= 3)
        if (auto* t = tod.match(s, i - 3); t && t->kind == TodKind::suffix && t->word.size() == 3) suffix_before = t;
    // A point guards a number only as a decimal point, after a digit (1.5亿; not 对接.11月).
    // Not after a list's number opening a paragraph (1.7月下旬至8月上旬，…; 2.8月中旬，…): one or two
    // digits at the paragraph's start or after a sentence's end.
    auto point_after_digit = [&] {
        std::size_t q = i;
        utf8::prev(s, q);
        if (arabic_digit(before(s, q)) < 0) return false;
        std::size_t digits = 0;
        while (q > 0 && digits < 3 && arabic_digit(before(s, q)) >= 0) utf8::prev(s, q), ++digits;
        const char32_t opener = q == 0 ? U'\n' : before(s, q);
        return !(digits <= 2 && std::u32string_view(U"\n。；！？").find(opener) != std::u32string_view::npos);
    };
    // 每月10日, 每周三: a day that recurs is no date.
    auto recurring = [&] {
        if (prev != U'月' && prev != U'周' && prev != U'年') return false;
        std::size_t q = i;
        utf8::prev(s, q);
        return before(s, q) == U'每';
    };
    const bool guarded = arabic_digit(prev) >= 0 || is_cn_numeral(prev) || recurring() ||
                         ((prev == U'.' || prev == U'．') && point_after_digit()) ||
                         std::find(guards.begin(), guards.end(), prev) != guards.end();

    if (auto* v = vague.match(s, p)) {
        h.vague = true;
        h.end = p + v->word.size();
        return h;
    }

    // Numbers and the unit after them; `month_ok` etc. say which slots are still open.
    auto number_unit = [&](std::size_t at, std::string_view unit, int lo, int hi, bool allow_tens) -> std::optional<std::size_t> {
        auto n = read_number(s, at);
        if (!n || n->liang || (n->tens && !allow_tens) || n->value < lo || n->value > hi) return std::nullopt;
        if (!n->arabic && !n->tens && n->digits > 1) return std::nullopt; // 四五月: a range, not a month
        if (n->arabic && n->digits > 2) return std::nullopt;
        if (!starts(s, n->end, unit)) return std::nullopt;
        return n->end; // caller adds the unit
    };

    bool have_year = false, have_month = false, have_day = false, lunar_need_day = false;

    // 1. A relative word (今天, 去年, 本月), a date in digits (2024.11.5, 2024/11/20, 2024-11-05)
    // or a written year.
    if (auto* r = rel.match(s, p)) {
        h.rel = r;
        p += r->word.size();
        // 上周五, 下星期一: a relative week names a day only with its weekday (上周, 上周末 name none)
        if (r->unit == 'w') {
            static constexpr std::u32string_view days = U"一二三四五六日天";
            const std::size_t k = days.find(peek(s, p));
            if (k == std::u32string_view::npos) return std::nullopt;
            h.weekday = k >= 6 ? 7 : static_cast<int>(k) + 1;
            p += 3;
        }
    } else if (auto d = guarded ? std::nullopt : numeric_date(s, p)) {
        h.year = d->year, h.month = d->month, h.day = d->day;
        have_year = have_month = have_day = true;
        h.numeric = true;
        p = d->end;
    } else if (!guarded) {
        if (auto n = read_number(s, p); n && !n->tens && !n->liang && starts(s, n->end, "年")) {
            std::size_t after = n->end + 3;
            char32_t nextc = peek(s, after);
            bool year_like = n->digits == 4 && n->value >= 1000 && n->value <= 2100;
            bool short_year = n->digits == 2; // 97年: only when a month follows (else 20年 = twenty years)
            if (nextc == U'代' || nextc == U'度' || nextc == U'级') year_like = short_year = false;
            if (short_year) {
                auto m = number_unit(after, "月", 1, 12, true);
                if (!m) short_year = false;
                else h.year = n->value + (n->value > 30 ? 1900 : 2000);
            }
            if (year_like) h.year = n->value;
            if (year_like || short_year) {
                have_year = true;
                h.numeric = true;
                p = after;
            }
        }
    }
    const char unit = h.rel ? h.rel->unit : 0;

    // 2. Month: 12月(份), 十二月, 元月; lunar 正月, 腊月, 大年. (Not a festival's name that opens
    // like one, 三月三; but 二月二十日 is a day.)
    const auto* fest_here = fest.match(s, p);
    if (fest_here) {
        const std::size_t q = p + fest_here->word.size();
        const char32_t nc = q < s.size() ? peek(s, q) : 0;
        if ((nc >= U'0' && nc <= U'9') || std::u32string_view(U"〇零一二三四五六七八九十廿两日号").find(nc) != std::u32string_view::npos) fest_here = nullptr;
    }
    if (unit != 'd' && unit != 'm' && !fest_here) {
        if (auto e = (have_year || unit == 'y' || !guarded) ? number_unit(p, "月", 1, 12, true) : std::nullopt) {
            h.month = read_number(s, p)->value;
            p = *e + 3;
            if (starts(s, p, "份")) p += 3;
            have_month = true;
            h.numeric = true;
        } else if (auto* mn = months.match(s, p); mn && !(mn->needs_day && (have_year || unit))) {
            if (mn->needs_day) {
                lunar_need_day = true; // 大年 / 年 alone is no date
            } else {
                have_month = true;
                h.numeric = true;
            }
            h.lunar = mn->lunar;
            if (!mn->lunar) h.month = mn->month;
            p += mn->word.size();
            if (!mn->needs_day && starts(s, p, "份")) p += 3;
        }
    }

    // 3. Day: 9日, 九日, 9号 (only after a month: 3号楼), lunar 初一 / 十五 / 廿一.
    if (h.lunar || lunar_need_day || (!have_month && !have_year && !h.rel && starts(s, p, "初"))) {
        std::size_t q = p;
        bool chu = starts(s, q, "初");
        if (chu) q += 3;
        auto n = (chu || !lunar_need_day) ? read_number(s, q) : std::nullopt; // 大年 needs 初: 年一 is no day
        if (n && !n->arabic && !n->liang && n->value >= 1 && n->value <= 30 && (chu ? n->value <= 10 : n->tens)) {
            bool bare = p == i && chu;
            // A bare 初三 is often a school year (初三学生): accept it only at a word edge.
            char32_t nextc = peek(s, n->end);
            if (!bare || !utf8::is_han(nextc) || tod.match(s, n->end)) {
                h.lunar = true;
                have_day = true;
                h.numeric = true;
                p = n->end;
                lunar_need_day = false;
            }
        }
        if (lunar_need_day) return std::nullopt;
    } else if (unit != 'd' && (have_month || unit == 'm' || (!have_year && !h.rel && !guarded))) {
        auto e = number_unit(p, "日", 1, 31, true);
        if (!e && (have_month || unit == 'm')) e = number_unit(p, "号", 1, 31, true);
        if (e) {
            int d = read_number(s, p)->value;
            // A bare number 日内 / 日游 is a span, not a day.
            bool bare = !have_month && unit != 'm';
            char32_t nextc = peek(s, *e + 3);
            // A bare 一日 is "one day" far more often than "the 1st".
            bool one_day = bare && !read_number(s, p)->arabic && d == 1;
            if (!one_day && !(bare && (nextc == U'内' || nextc == U'游'))) {
                h.day = d;
                p = *e + 3;
                have_day = true;
                h.numeric = true;
            }
        }
    }

    // 4. Part of a year or month (1997年下半年, 1月下旬) or a festival (1998年元旦, 今年元旦).
    if (!have_day && unit != 'd' && unit != 'm') {
        if (auto* f = fest.match(s, p); f && !have_month) {
            h.fest = f;
            p += f->word.size();
        } else if (auto* pr = periods.match(s, p); pr && (have_year || unit == 'y' || have_month)) {
            bool fits = pr->after_year ? (!have_month) : have_month;
            if (fits) p += pr->word.size();
        }
    }
    if (p == i) {
        if (auto* f = fest.match(s, p)) {
            h.fest = f;
            p += f->word.size();
        }
    }

    // 5. Time of day after a day (9日上午, 24日晚, 今天下午, 元旦清晨) or before a clock time.
    const bool day_like = have_day || unit == 'd' || unit == 'w' || h.fest;
    std::size_t tod_start = p;
    bool tod_here = false;
    bool tod_suffix = false;
    if (day_like || p == i) {
        // A one-character 晚/夜/早 joins a day (24日晚) but ends the expression: the corpus cuts
        // 27日晚|7时 and 晚|8时, so 晚8时 is read from the clock, which looks back for it.
        if (auto* t = tod.match(s, p); t && t->kind != TodKind::blocked && (t->kind == TodKind::word || day_like)) {
            h.tod = t->word;
            p += t->word.size();
            tod_here = true;
            tod_suffix = t->kind == TodKind::suffix;
        }
    }
    // 3月15日（星期五）上午: the day of the week in brackets between the day and its time of day.
    if (day_like && !tod_here) {
        std::size_t q = p;
        auto take = [&](std::string_view w) {
            if (s.substr(q, w.size()) != w) return false;
            q += w.size();
            return true;
        };
        if ((take("（") || take("(")) && (take("星期") || take("周"))) {
            if (q < s.size()) utf8::next(s, q); // 一 … 日, 天
            if (take("）") || take(")"))
                if (auto* t = tod.match(s, q); t && t->kind == TodKind::word) {
                    h.tod = t->word;
                    h.tod_end = q + t->word.size();
                }
        }
    }
    if (h.tod.empty() && h.rel && !h.rel->tod.empty()) h.tod = h.rel->tod;

    // 6. Clock: 9时(30分), 九时, 8点(钟), 两点. A bare 3点 is usually "three points".
    if ((day_like || tod_here || p == i) && !tod_suffix) {
        bool bare = p == i;
        if (auto n = read_number(s, p); n && n->value <= 24 && (n->arabic ? n->digits <= 2 : (n->tens || n->digits == 1)) &&
                                         !(bare && guarded)) {
            std::size_t q = n->end;
            bool shi = starts(s, q, "时"), dian = starts(s, q, "点");
            if ((shi || dian) && !(n->liang && !dian)) {
                q += 3;
                std::size_t r = q;
                bool minutes = false;
                if (auto m = read_number(s, r); m && m->value < 60 && starts(s, m->end, "分")) {
                    r = m->end + 3;
                    minutes = true;
                }
                bool zhong = dian && starts(s, q, "钟");
                char32_t nextc = peek(s, q);
                // Bare: 8时 (not 8时期, not Chinese 一时 = "for a while"); 点 needs 钟 or minutes.
                bool ok = !bare || (shi && n->arabic && nextc != U'期' && nextc != U'代' && nextc != U'间') ||
                          (dian && (zhong || minutes) && n->arabic) || suffix_before;
                if (ok) {
                    p = minutes ? r : (zhong ? q + 3 : q);
                    h.clock = true;
                    h.numeric = true;
                }
            }
        }
    }
    if (tod_here && !h.clock && !day_like) p = tod_start + h.tod.size(); // 上午 alone
    if (h.clock && h.tod.empty() && suffix_before) h.tod = suffix_before->word; // 晚|8时

    if (p == i) return std::nullopt;
    h.end = p;
    return h;
}

DateExtractor::DateExtractor() : DateExtractor(DateOptions{}) {}

DateExtractor::DateExtractor(const DateOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->opt = options;
    impl_->load();
}

DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

namespace {

// What earlier mentions of the same text named, for 当日, 3日 (after 12月1日至), 当年.
struct Context {
    PartialDate last_full;  // last mention resolved to a day
    PartialDate last_month; // last mention resolved to a month (year may be 0)
    int last_year = 0;
};

// The connectors of a span (12月1日至3日, 1—5月); — before ——, so that ends_with takes one.
constexpr std::string_view span_connectors[] = {"至", "到", "-", "—", "～", "~", "－", "——"};

// The year of a year-less month/day: the occurrence nearest the issue date. A bulletin issued for a
// month (no day) reports what happened before it far more than what is planned: there a later
// occurrence counts at twice its distance (an October issue's 4月2日 is the April before it, its
// 11月5日 still the November after).
// How far a day lies from the issue date by that rule (the issue's day, else the middle of its month).
long issue_distance(long days, const PartialDate& issued) {
    const long delta = days - days_from_civil(issued.year, issued.month, issued.day ? issued.day : 15);
    return delta > 0 && issued.day == 0 ? 2 * delta : std::labs(delta);
}

int nearest_year(int month, int day, const PartialDate& issued, const Context& ctx) {
    if (issued.year == 0) return ctx.last_year;
    if (issued.month == 0) return issued.year;
    int best = issued.year;
    long best_dist = -1;
    for (int y = issued.year - 1; y <= issued.year + 1; ++y) {
        int d = day ? day : 15;
        if (d > days_in_month(y, month)) continue;
        const long dist = issue_distance(days_from_civil(y, month, d), issued);
        if (best_dist < 0 || dist < best_dist) best_dist = dist, best = y;
    }
    return best;
}

// A lunar festival without its year (春节, 端午节): the occurrence nearest the issue date, by the
// rule above (an issue of February 2024's 春节 is 2024-02-10; of June 2023, 端午节 is 2023-06-22).
std::optional<PartialDate> nearest_lunar(int month, int day, const PartialDate& issued) {
    if (issued.year == 0 || issued.month == 0) return std::nullopt;
    std::optional<PartialDate> best;
    long best_dist = -1;
    for (int y = issued.year - 1; y <= issued.year + 1; ++y) {
        const auto g = lunar_date(y, month, day);
        if (!g) continue;
        const long dist = issue_distance(days_from_civil(g->year, g->month, g->day), issued);
        if (best_dist < 0 || dist < best_dist) best_dist = dist, best = g;
    }
    return best;
}

PartialDate add_months(int y, int m, int delta) {
    int idx = y * 12 + (m - 1) + delta;
    return PartialDate{idx / 12, idx % 12 + 1, 0};
}

} // namespace

std::vector<DateMention> DateExtractor::extract(const ExtractContext& ctx) const {
    const Impl& im = *impl_;
    const std::string_view s = ctx.text;
    const PartialDate& issued = ctx.issued;
    std::vector<DateMention> out;
    Context cx;

    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        std::size_t next = i + 1;
        if (b < 0x80) {
            if (b < '0' || b > '9') {
                i = next;
                continue;
            }
        } else {
            std::size_t j = i;
            char32_t c = utf8::next(s, j);
            next = j;
            if (c >= 0x10000 || !im.cue.test(c)) {
                i = next;
                continue;
            }
        }
        auto hit = im.parse_at(s, i);
        if (!hit) {
            i = next;
            continue;
        }
        const auto& h = *hit;

        // Which number-less expressions are reported is a policy (DateOptions).
        bool report = h.numeric;
        // a vague word right after a date is part of it (元旦前夕, 国庆节期间: no_event below)
        if (!report && h.vague && !out.empty() && out.back().end == i) report = false;
        else if (!report) {
            if (h.vague) report = im.opt.vague_words;
            else if (h.fest) report = h.fest->lunar ? im.opt.lunar_festivals : im.opt.festivals;
            else if (h.rel && (h.rel->unit == 'd' || h.rel->unit == 'w')) report = im.opt.day_words;
            else if (h.rel) report = im.opt.year_month_words;
            else if (!h.tod.empty()) report = im.opt.time_of_day_words;
        }

        // It ends a span the last date reported opens: only a connector stands between (12月1日至3日).
        const bool after_connector = !out.empty() && out.back().end < i &&
                                     std::find(std::begin(span_connectors), std::end(span_connectors), s.substr(out.back().end, i - out.back().end)) !=
                                         std::end(span_connectors);

        // Anchor the expression.
        PartialDate v;
        bool known = false;
        // A lunar festival with its year written or told (2023年春节, 今年中秋节): the day by the Chinese
        // calendar (ICU's); without one, the occurrence nearest the issue date.
        int lunar_year = h.year;
        if (h.rel && h.rel->unit == 'y') {
            const int base = h.rel->context ? (cx.last_year ? cx.last_year : issued.year) : (issued.year ? issued.year : cx.last_year);
            lunar_year = base ? base + h.rel->offset : 0;
        }
        if (h.fest && h.fest->lunar && !h.vague) {
            if (auto g = lunar_year ? lunar_date(lunar_year, h.fest->month, h.fest->day) : nearest_lunar(h.fest->month, h.fest->day, issued)) {
                v = *g;
                known = true;
            }
        } else if (h.vague || h.lunar || (h.fest && h.fest->lunar)) {
            known = false;
        } else if (h.rel && h.rel->unit == 'd') {
            // (当天, 次日 count from a day the text named; with none named before, from no day at all)
            PartialDate base = h.rel->context ? cx.last_full : (full(issued) ? issued : cx.last_full);
            if (full(base)) {
                v = civil_from_days(days_from_civil(base.year, base.month, base.day) + h.rel->offset);
                known = true;
            }
        } else if (h.rel && h.rel->unit == 'w') {
            // (weeks run Monday to Sunday; 1970-01-01 was a Thursday)
            PartialDate base = h.rel->context ? cx.last_full : (full(issued) ? issued : cx.last_full);
            if (full(base)) {
                const long d = days_from_civil(base.year, base.month, base.day);
                const long monday = d - ((d % 7 + 7 + 3) % 7);
                v = civil_from_days(monday + 7L * h.rel->offset + (h.weekday - 1));
                known = true;
            }
        } else if (h.rel && h.rel->unit == 'm') {
            PartialDate base = h.rel->context ? (cx.last_month.month ? cx.last_month : issued)
                                              : (issued.month ? issued : cx.last_month);
            if (base.month) {
                v = base.year ? add_months(base.year, base.month, h.rel->offset)
                              : PartialDate{0, ((base.month - 1 + h.rel->offset) % 12 + 12) % 12 + 1, 0};
                if (h.day) v.day = h.day;
                known = true;
            }
        } else {
            int year = h.year;
            if (h.rel) { // a relative year: 今年, 去年, 当年
                int base = h.rel->context ? (cx.last_year ? cx.last_year : issued.year)
                                          : (issued.year ? issued.year : cx.last_year);
                year = base ? base + h.rel->offset : 0;
            }
            int month = h.month, day = h.day;
            if (h.fest) month = h.fest->month, day = h.fest->day;
            // 2022年3月至5月, 2022年5月至12月: the end of a span takes the year of its start (the next
            // year when its month comes before the start's), not the one nearest the issue.
            if (month && !year && !h.rel && after_connector && out.back().value && out.back().value->size() >= 7 &&
                out.back().value->front() != '-' && out.back().text.find("年") != std::string::npos) { // (its year written)
                const int y0 = std::stoi(out.back().value->substr(0, 4)), m0 = std::stoi(out.back().value->substr(5, 2));
                year = month >= m0 ? y0 : y0 + 1;
            }
            if (month && !year && !h.rel) year = nearest_year(month, day, issued, cx);
            if (day && !month) { // 15日 alone: the month just named, else the issue month
                if (cx.last_month.month) {
                    year = cx.last_month.year, month = cx.last_month.month;
                } else if (issued.month) {
                    year = issued.year, month = issued.month;
                    if (issued.day) { // nearest of the issue month and its neighbours
                        long ref = days_from_civil(issued.year, issued.month, issued.day), best = -1;
                        for (int dm = -1; dm <= 1; ++dm) {
                            PartialDate c = add_months(issued.year, issued.month, dm);
                            if (day > days_in_month(c.year, c.month)) continue;
                            long dist = std::labs(days_from_civil(c.year, c.month, day) - ref);
                            if (best < 0 || dist < best) best = dist, year = c.year, month = c.month;
                        }
                    }
                }
            }
            if (day && (!month || day > days_in_month(year, month))) month = day = 0, year = 0;
            if (year || month) {
                v = PartialDate{year, month, day};
                known = true;
            }
        }
        if (known) {
            if (v.year) cx.last_year = v.year;
            if (v.month) cx.last_month = PartialDate{v.year, v.month, 0};
            if (full(v)) cx.last_full = v;
        }
        if (report) {
            DateMention m;
            m.text = std::string(s.substr(i, h.end - i));
            if (known) m.value = format_partial_date(v);
            if (!h.tod.empty()) m.time_of_day = h.tod;
            m.begin = i;
            m.end = h.end;
            m.relative_day = h.rel && (h.rel->unit == 'd' || h.rel->unit == 'w');
            m.no_event = (im.no_event_after.match(s, h.end) != nullptr && im.not_no_event_after.match(s, h.end) == nullptr) ||
                         std::any_of(im.no_event_before.begin(), im.no_event_before.end(),
                                     [&](const std::string& w) { return s.substr(0, i).ends_with(w); });
            // 1—5月, 1至11月: the months of a span up to this one name no event's day.
            if (h.month && !h.day && !m.no_event) {
                std::size_t b = i;
                for (std::string_view c : span_connectors)
                    if (s.substr(0, b).ends_with(c)) {
                        b -= c.size();
                        break;
                    }
                // the span's first month: a run of ASCII digits, else of full-width ones
                auto digits_before = [&](bool wide) {
                    std::size_t d = b;
                    for (std::size_t q = d; d > 0; d = q) {
                        const char32_t c = utf8::prev(s, q);
                        if (!(wide ? c >= 0xFF10 && c <= 0xFF19 : c >= U'0' && c <= U'9')) break;
                    }
                    return d;
                };
                std::size_t d = digits_before(false);
                if (d == b) d = digits_before(true);
                if (b < i && d < b) m.no_event = m.range_end = true;
            }
            if (!m.range_end) m.range_end = after_connector;
            out.push_back(std::move(m));
        }
        i = std::max(h.end, h.tod_end);
    }
    return out;
}

RecordDate DateExtractor::record_date(const ExtractContext& ctx, const std::vector<DateMention>& dates) const {
    const std::string_view s = ctx.text;
    std::size_t body = 0;
    if (ctx.has_title) {
        std::size_t nl = s.find('\n');
        body = nl == std::string_view::npos ? s.size() : nl + 1;
    }
    // The first vague word of the body (近日, 日前): a record opening with one has no own date.
    std::size_t vague_at = std::string_view::npos;
    for (const auto& w : impl_->vague.items) {
        std::size_t at = s.find(w.word, body);
        while (at != std::string_view::npos) {
            // 日前 inside 3月1日前 is part of a date, not the vague word.
            bool inside = std::any_of(dates.begin(), dates.end(), [&](const DateMention& d) {
                return at > d.begin && at < d.end;
            });
            if (!inside) break;
            at = s.find(w.word, at + 1);
        }
        vague_at = std::min(vague_at, at);
    }
    for (const auto& d : dates) {
        if (d.begin < body) continue;
        // 昨天 in an issue whose day is not known: the record's day is not known either
        if (!d.value && d.relative_day && !d.no_event) return {};
        if (!d.value) continue;
        if (d.value->size() == 4 && d.value->front() != '-') continue; // a year alone (今年以来) dates no event
        if (d.no_event) continue; // 元旦前夕, 国庆节期间: no event's day (前夕 is vague, see above)
        // 3月18日是世界防治结核病日。3月14日，…: a day described, when the record goes on to the day
        // of its event (but 12月15日是…投票日。当日，… is the day of the vote).
        if (s.substr(d.end, 3) == "是" && std::any_of(&d + 1, dates.data() + dates.size(), [&](const DateMention& x) {
                return x.value && x.value->size() == 10 && x.value != d.value && !x.no_event;
            }))
            continue;
        if (vague_at < d.begin) return {};
        return RecordDate{d.value, d.time_of_day, d.text};
    }
    return {};
}

std::optional<PartialDate> parse_partial_date(std::string_view s) {
    // Runs of ASCII digits and the separators between them (- / . or 年 月 日).
    std::vector<std::string_view> parts;
    std::vector<std::string_view> seps;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i || j - i > 8) return std::nullopt;
        parts.push_back(s.substr(i, j - i));
        i = j;
        if (i == s.size()) break;
        std::string_view sep;
        for (std::string_view c : {"-", "/", ".", "年", "月", "日"})
            if (starts(s, i, c)) sep = c;
        if (sep.empty()) return std::nullopt;
        seps.push_back(sep);
        i += sep.size();
    }
    auto num = [](std::string_view d) {
        int v = 0;
        for (char c : d) v = v * 10 + (c - '0');
        return v;
    };
    PartialDate d;
    if (parts.size() == 1 && seps.empty()) { // 2021, 202112, 20211209
        std::string_view x = parts[0];
        if (x.size() != 4 && x.size() != 6 && x.size() != 8) return std::nullopt;
        d.year = num(x.substr(0, 4));
        if (x.size() >= 6 && (d.month = num(x.substr(4, 2))) == 0) return std::nullopt;
        if (x.size() == 8 && (d.day = num(x.substr(6, 2))) == 0) return std::nullopt;
    } else {
        if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) return std::nullopt;
        if (seps[0] == "年") { // 2021年, 2021年12月, 2021年12月9日: one unit after each number
            static const std::string_view units[] = {"年", "月", "日"};
            if (seps.size() != parts.size()) return std::nullopt;
            for (std::size_t k = 0; k < seps.size(); ++k)
                if (seps[k] != units[k]) return std::nullopt;
        } else { // 2021-12-09, 2021/12/09, 2021.12: one separator style, none trailing
            if (seps.size() + 1 != parts.size()) return std::nullopt;
            for (auto sep : seps)
                if (sep != seps[0] || sep.size() != 1) return std::nullopt;
        }
        d.year = num(parts[0]);
        for (std::size_t k = 1; k < parts.size(); ++k)
            if (parts[k].size() > 2) return std::nullopt;
        if (parts.size() > 1 && (d.month = num(parts[1])) == 0) return std::nullopt;
        if (parts.size() > 2 && (d.day = num(parts[2])) == 0) return std::nullopt;
    }
    if (d.year < 1 || d.month > 12 || (d.day && d.day > days_in_month(d.year, d.month))) return std::nullopt;
    return d;
}

std::string format_partial_date(const PartialDate& d) {
    char buf[48]; // room for any int, so the compiler can prove no truncation
    if (d.year > 0) {
        if (d.month && d.day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        else if (d.month) std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
        else std::snprintf(buf, sizeof buf, "%04d", d.year);
        return buf;
    }
    if (d.month && d.day) std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day);
    else if (d.month) std::snprintf(buf, sizeof buf, "--%02d", d.month);
    else return {};
    return buf;
}

} // namespace jianbao
