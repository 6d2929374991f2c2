// DateExtractor: hard cases one by one, the seed bulletin's record dates, and a measurement over
// the whole People's Daily DEV split (the scorer's `dates` / `date_values` figures).
#include "jianbao/extract/dates.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

using namespace jianbao;

namespace {

const DateExtractor& extractor() {
    static const DateExtractor x;
    return x;
}

// The default reports every date or time expression (the export contract); wide() says so where
// a test is about the number-less ones.
const DateExtractor& wide() { return extractor(); }

// Expressions with a number and solar festivals only: what the PKU `dates` gold holds.
const DateExtractor& calendar() {
    static const DateExtractor x = [] {
        DateOptions o;
        o.day_words = o.year_month_words = o.time_of_day_words = o.vague_words = o.lunar_festivals = false;
        return DateExtractor(o);
    }();
    return x;
}

const std::vector<Span> no_words;

std::vector<DateMention> run(std::string_view text, std::string_view issued = "", bool title = false,
                             const DateExtractor& x = extractor()) {
    PartialDate iss = issued.empty() ? PartialDate{} : parse_partial_date(issued).value();
    ExtractContext ctx{text, no_words, iss, title};
    return x.extract(ctx);
}

RecordDate own_date(std::string_view text, std::string_view issued, bool title) {
    PartialDate iss = issued.empty() ? PartialDate{} : parse_partial_date(issued).value();
    ExtractContext ctx{text, no_words, iss, title};
    return extractor().record_date(ctx, extractor().extract(ctx));
}

std::string texts(const std::vector<DateMention>& ms) {
    std::string out;
    for (auto& m : ms) out += (out.empty() ? "" : "|") + m.text;
    return out;
}

std::string values(const std::vector<DateMention>& ms) {
    std::string out;
    for (auto& m : ms) out += (out.empty() ? "" : "|") + m.value.value_or("null");
    return out;
}

} // namespace

// ---- parse / format -------------------------------------------------------------------

TEST(PartialDate, ParsesTheAcceptedForms) {
    auto f = [](std::string_view s) {
        auto d = parse_partial_date(s);
        return d ? format_partial_date(*d) : std::string("none");
    };
    EXPECT_EQ(f("2021"), "2021");
    EXPECT_EQ(f("2021-12"), "2021-12");
    EXPECT_EQ(f("2021-12-09"), "2021-12-09");
    EXPECT_EQ(f("202112"), "2021-12");
    EXPECT_EQ(f("20211209"), "2021-12-09");
    EXPECT_EQ(f("2021年12月"), "2021-12");
    EXPECT_EQ(f("2021年12月9日"), "2021-12-09");
    EXPECT_EQ(f("2021年"), "2021");
    EXPECT_EQ(f("2021/12/09"), "2021-12-09");
}

TEST(PartialDate, RejectsInvalid) {
    for (std::string_view s : {"2021-13", "2021-00", "2021-02-30", "2021-12-32", "20211301", "202100", "2021-12-",
                               "21-12", "2021-12/09", "abc", "", "2021年13月", "2021年2月29日", "12月9日"})
        EXPECT_FALSE(parse_partial_date(s)) << s;
    EXPECT_TRUE(parse_partial_date("2020-02-29"));
}

TEST(PartialDate, FormatsYearlessAsDashes) {
    EXPECT_EQ(format_partial_date({0, 12, 9}), "--12-09");
    EXPECT_EQ(format_partial_date({0, 12, 0}), "--12");
    EXPECT_EQ(format_partial_date({1998, 1, 0}), "1998-01");
    EXPECT_EQ(format_partial_date({}), "");
}

// ---- mentions --------------------------------------------------------------------------

TEST(Dates, DateWithTimeOfDayIsOneMention) {
    auto ms = run("12月9日上午，扬州市委副书记来邮调研。", "2021-12");
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].text, "12月9日上午");
    EXPECT_EQ(ms[0].value, "2021-12-09");
    EXPECT_EQ(ms[0].time_of_day, "上午");
    EXPECT_EQ(ms[0].begin, 0u);
    EXPECT_EQ(ms[0].end, std::string("12月9日上午").size());
}

TEST(Dates, ChineseNumerals) {
    auto ms = run("十二月九日，二〇二一年，一九九八年一月一日，二十三日", "2021-12");
    EXPECT_EQ(texts(ms), "十二月九日|二〇二一年|一九九八年一月一日|二十三日");
    EXPECT_EQ(values(ms), "2021-12-09|2021|1998-01-01|1998-01-23");
}

TEST(Dates, FullWidthDigitsUnnormalised) {
    auto ms = run("新华社北京１２月３１日电　１９９８年１月５日上午", "1998-01-02");
    EXPECT_EQ(texts(ms), "１２月３１日|１９９８年１月５日上午");
    EXPECT_EQ(values(ms), "1997-12-31|1998-01-05");
}

TEST(Dates, YearlessResolvesNearestTheIssueDate) {
    auto ms = run("12月31日，2月5日，1月，12月", "1998-01-02");
    EXPECT_EQ(values(ms), "1997-12-31|1998-02-05|1998-01|1997-12");
    EXPECT_EQ(values(run("12月9日", "")), "--12-09");
    EXPECT_EQ(values(run("12月", "")), "--12");
    EXPECT_EQ(values(run("1月5日", "2021-12")), "2022-01-05");
    EXPECT_EQ(values(run("3月5日", "2021")), "2021-03-05");
}

TEST(Dates, DayAloneUsesTheContextMonth) {
    auto ms = run("12月1日至3日，开发区举办培训。15日，", "2021-12");
    EXPECT_EQ(texts(ms), "12月1日|3日|15日");
    EXPECT_EQ(values(ms), "2021-12-01|2021-12-03|2021-12-15");
    EXPECT_EQ(values(run("31日", "1998-01-02")), "1997-12-31"); // nearest to the issue day
    EXPECT_EQ(values(run("5日", "")), "null");
}

TEST(Dates, ClockTimes) {
    // 晚8时 is cut 晚|8时 as in the corpus (晚 is a bound morpheme); the clock keeps 晚 as its time of day.
    EXPECT_EQ(texts(run("上午九时，晚8时，下午两点，12月31日24时，9时30分，晚上8时", "1998-01-02")),
              "上午九时|8时|下午两点|12月31日24时|9时30分|晚上8时");
    auto ms = run("晚8时", "");
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].time_of_day, "晚");
    EXPECT_EQ(texts(run("27日晚7时，晚6点", "")), "27日晚|7时|6点");
    EXPECT_FALSE(ms[0].value);
    EXPECT_EQ(texts(run("提出三点意见，一时难以", "")), ""); // not clock times
}

TEST(Dates, RelativeDays) {
    EXPECT_EQ(texts(run("今天，昨天，当天下午", "1998-01-02", false, calendar())), ""); // number-less: a policy (DateOptions)
    EXPECT_EQ(texts(run("今天下午3时", "1998-01-02", false, calendar())), "今天下午3时"); // with a number: always
    auto ms = run("今天，昨天，前天，明天，当天下午", "1998-01-02", false, wide());
    EXPECT_EQ(texts(ms), "今天|昨天|前天|明天|当天下午");
    EXPECT_EQ(values(ms), "1998-01-02|1998-01-01|1997-12-31|1998-01-03|1998-01-03");
    EXPECT_EQ(ms[4].time_of_day, "下午");
    // 当日 / 次日 count from the date the text just named.
    EXPECT_EQ(values(run("12月15日是投票日。当日，次日", "2021-12", false, wide())), "2021-12-15|2021-12-15|2021-12-16");
    // Without an issue day, 今天 falls back on the record's own date, else null.
    EXPECT_EQ(values(run("今天", "2021-12", false, wide())), "null");
    EXPECT_EQ(values(run("12月9日上午，今天", "2021-12", false, wide())), "2021-12-09|2021-12-09");
    // 当天 with no day named before it is no day (not the issue's: 他说：“当天下午专家还来过”)
    EXPECT_EQ(values(run("他说：“当天下午专家还来过。”", "2025-06-30", false, wide())), "null");
}

// A relative week with its weekday is a day, weeks running Monday to Sunday (2025-12-10 is a
// Wednesday); a week alone or its end names none.
TEST(Dates, RelativeWeekdays) {
    auto ms = run("上周五，本周三下午，下星期一，上周末，本周", "2025-12-10", false, wide());
    EXPECT_EQ(texts(ms), "上周五|本周三下午|下星期一");
    EXPECT_EQ(values(ms), "2025-12-05|2025-12-10|2025-12-15");
    EXPECT_EQ(ms[1].time_of_day, "下午");
    EXPECT_EQ(values(run("下周日", "2025-12-14", false, wide())), "2025-12-21"); // (a Sunday: its week's last day)
    EXPECT_EQ(values(run("上周五", "2025-12", false, wide())), "null");          // (no issue day: no day)
}

TEST(Dates, RelativeYearsJoinTheirMonth) {
    auto ms = run("去年12月，今年1月5日，本月7日，1997年下半年", "1998-01-02");
    EXPECT_EQ(texts(ms), "去年12月|今年1月5日|本月7日|1997年下半年");
    EXPECT_EQ(values(ms), "1997-12|1998-01-05|1998-01-07|1997");
    EXPECT_EQ(texts(run("今年以来，去年", "1998-01-02", false, calendar())), ""); // number-less year words: a policy
    EXPECT_EQ(texts(run("今年以来，去年，本月", "1998-01-02")), "今年|去年|本月");
    EXPECT_EQ(values(run("今年以来，去年，本月", "1998-01-02")), "1998|1997|1998-01");
}

TEST(Dates, VagueWordsHaveNoValue) {
    EXPECT_EQ(texts(run("近日，开发区成立领导专班。", "2021-12", false, calendar())), ""); // a policy
    auto ms = run("近日，开发区成立领导专班。日前，", "2021-12", false, wide());
    EXPECT_EQ(texts(ms), "近日|日前");
    EXPECT_EQ(values(ms), "null|null");
    EXPECT_EQ(texts(run("12月1日前完成", "2021-12", false, wide())), "12月1日"); // 日前 inside a date is not vague
}

TEST(Dates, NamesThatLookLikeDatesAreNot) {
    EXPECT_EQ(texts(run("组织开展“12·9”廉政警示教育", "2021-12")), "");
    EXPECT_EQ(texts(run("“十三五”期间，奋力实现“十四五”开门红", "2021-12")), "");
    EXPECT_EQ(texts(run("五四运动，9·11事件，一二·九运动", "")), "");
}

TEST(Dates, NumbersThatAreNotDates) {
    EXPECT_EQ(texts(run("开发区6.9万多名选民分11个选区，选举产生26名，利用厂房3.37万㎡", "2021-12")), "");
    EXPECT_EQ(texts(run("投资5亿元，1.6GWh，10亿至12亿元，3个月，20年来，90年代，1998年度", "")), "");
    auto ms = run("2022年重点工作", "2021-12");
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].value, "2022");
    EXPECT_EQ(texts(run("12345年，第3日，每月", "")), "");
}

// Dates in digits with . / or - between year, month and day, a time of day after them; not a
// longer dotted number, and a point after a Han character guards nothing (对接.11月13日).
TEST(Dates, DatesInDigits) {
    auto ms = run("2024.11.5上午，集团召开会议。2024/11/20，工会举办运动会。2024-11-05发布。", "2024-11");
    EXPECT_EQ(texts(ms), "2024.11.5上午|2024/11/20|2024-11-05");
    EXPECT_EQ(values(ms), "2024-11-05|2024-11-20|2024-11-05");
    EXPECT_EQ(ms[0].time_of_day, "上午");
    EXPECT_EQ(texts(run("版本2024.11.5.3，编号2024.115", "2024-11")), "");
    EXPECT_EQ(texts(run("开展业务对接.11月13日下午", "2024-11")), "11月13日下午");
    EXPECT_EQ(texts(run("增长1.5日均", "2024-11")), "");
}

TEST(Dates, CutsTheWayTheCorpusDoes) {
    // 底 / 初 after a year are separate morphemes; 上旬 and seasons join.
    EXPECT_EQ(texts(run("1997年底，1998年初，1月下旬，1998年春，24日晚在北京，24日晚报", "1998-01-02")),
              "1997年|1998年|1月下旬|1998年春|24日晚|24日");
    EXPECT_EQ(values(run("1月下旬", "1998-01-02")), "1998-01");
}

TEST(Dates, FestivalsAndLunarDays) {
    auto ms = run("元旦，1998年元旦，除夕夜，正月初一，腊月廿一早上六点，大年初一，新年初二晚上", "1998-01-02", false, wide());
    EXPECT_EQ(texts(ms), "元旦|1998年元旦|除夕夜|正月初一|腊月廿一早上六点|大年初一|新年初二晚上");
    EXPECT_EQ(values(ms), "1998-01-01|1998-01-01|1998-01-27|null|null|null|null"); // (除夕: the eve nearest the issue)
    EXPECT_EQ(texts(run("元旦，春节", "1998-01-02", false, calendar())), "元旦"); // lunar festivals: a policy
    EXPECT_EQ(values(run("元旦，春节", "1998-01-02")), "1998-01-01|1998-01-28"); // (the 春节 nearest the issue)
    EXPECT_EQ(values(run("春节，端午节，中秋节", "2024-02")), "2024-02-10|2024-06-10|2023-09-29"); // (the past one: a month's issue reports more than it plans)
    EXPECT_EQ(values(run("春节，端午节", "2023-06")), "2023-01-22|2023-06-22");
    EXPECT_EQ(values(run("春节", "")), "null"); // (no issue date: no year)
    EXPECT_EQ(values(run("“三月三”民族歌节，二月二十日", "2023-04")), "2023-04-22|2023-02-20"); // (a festival named by its lunar day)
}

// The end of a span takes the year written at its start (2022年3月至5月: May 2022, not the May nearest
// an August 2023 issue), the next year when its month comes earlier.
TEST(Dates, SpanEndTakesTheYearOfItsStart) {
    EXPECT_EQ(values(run("2022年3月至5月，2022年11月至2月", "2023-08")), "2022-03|2022-05|2022-11|2023-02");
    EXPECT_EQ(values(run("6月—12月", "1998-01")), "1997-06|1997-12"); // (no year written: each the nearest)
    EXPECT_EQ(texts(run("初三学生，腊月一，年一度", "")), "腊月");
}

// ---- record dates ----------------------------------------------------------------------

TEST(RecordDate, FirstDatedEventOfTheBody) {
    auto rd = own_date("王进健来开发区调研“二次创业”\n12月9日上午,扬州市委副书记、代市长王进健来邮调研。", "2021-12", true);
    EXPECT_EQ(rd.date, "2021-12-09");
    EXPECT_EQ(rd.time_of_day, "上午");
    EXPECT_EQ(rd.date_text, "12月9日上午");
}

TEST(RecordDate, TitleIsSkipped) {
    auto rd = own_date("12月1日召开的会议\n12月9日，开发区召开会议。", "2021-12", true);
    EXPECT_EQ(rd.date, "2021-12-09");
}

TEST(RecordDate, VagueOpeningHasNoDate) {
    auto rd = own_date("金锋走访调研重点企业\n近日，开发区党工委副书记金锋带队走访。12月20日，", "2021-12", true);
    EXPECT_FALSE(rd.date);
    EXPECT_FALSE(rd.time_of_day);
    EXPECT_FALSE(rd.date_text);
}

// The days around a festival are not its day: a record opening with 元旦前夕 has no own date (the
// festival is still listed, with its day, and 前夕 is no expression of its own); one opening with
// 国庆节期间 takes its next date.
TEST(RecordDate, FestivalEveIsNoEventDate) {
    auto ms = run("元旦前夕，区领导走访慰问困难群众。１月２日至３日，", "2025-01");
    EXPECT_EQ(texts(ms), "元旦|１月２日|３日");
    EXPECT_EQ(values(ms), "2025-01-01|2025-01-02|2025-01-03");
    auto rd = own_date("区领导走访慰问困难群众\n元旦前夕，区领导走访慰问困难群众。１月２日至３日，", "2025-01", true);
    EXPECT_FALSE(rd.date);
    rd = own_date("国庆节期间，景区接待游客。10月3日，县长到景区检查。", "2024-10", false);
    EXPECT_EQ(rd.date, "2024-10-03");
}

TEST(RecordDate, CaptionWithDangjri) {
    auto rd = own_date("12月15日是全市人大代表换届选举统一投票日。当日，开发区6.9万多名选民分11个选区。", "2021-12", false);
    EXPECT_EQ(rd.date, "2021-12-15");
    EXPECT_FALSE(rd.time_of_day);
    EXPECT_EQ(rd.date_text, "12月15日");
}

TEST(RecordDate, YearAloneIsNoEventDate) {
    auto rd = own_date("今年以来，开发区盘活闲置低效用地9宗。2022年重点工作", "2021-12", false);
    EXPECT_FALSE(rd.date);
    // …but a year-less month (--12, no issue date) does.
    EXPECT_EQ(own_date("12月，开发区召开会议。", "", false).date, "--12");
    EXPECT_EQ(own_date("12月9日上午，开发区召开会议。", "", false).date, "--12-09");
}

// The seed bulletin, split into records by hand-simple rules (titles from the gold, ● briefs,
// the final caption); every record's date and time_of_day must match the gold exactly.
TEST(RecordDate, SeedBulletinMatchesGold) {
    namespace fs = std::filesystem;
    fs::path dir = JIANBAO_TEST_SHARED_DIR;
    std::ifstream tf(dir / "seed" / "kaifaqu-2021-12.txt"), gf(dir / "seed" / "gold.json");
    if (!tf || !gf) GTEST_SKIP() << "seed not found under " << dir;
    auto gold = nlohmann::json::parse(gf)["records"];
    std::set<std::string> titles;
    for (auto& r : gold)
        if (r["title"].is_string()) titles.insert(r["title"].get<std::string>());

    struct Rec { std::string text; bool has_title; };
    std::vector<Rec> recs;
    std::string line;
    bool in_briefs = false;
    while (std::getline(tf, line)) {
        if (line.empty()) continue;
        if (titles.count(line)) {
            recs.push_back({line, true});
        } else if (line == "要闻快览") {
            in_briefs = true;
        } else if (line.rfind("●", 0) == 0) {
            recs.push_back({line, false});
        } else if (in_briefs && !recs.empty() && recs.back().text.rfind("●", 0) == 0) {
            recs.push_back({line, false}); // the caption after the briefs
        } else if (!recs.empty()) {
            recs.back().text += "\n" + line;
        }
    }
    ASSERT_EQ(recs.size(), gold.size());
    for (std::size_t i = 0; i < recs.size(); ++i) {
        auto rd = own_date(recs[i].text, "2021-12", recs[i].has_title);
        auto want_date = gold[i]["date"].is_null() ? std::optional<std::string>() : gold[i]["date"].get<std::string>();
        auto want_tod = gold[i]["time_of_day"].is_null() ? std::optional<std::string>()
                                                          : gold[i]["time_of_day"].get<std::string>();
        EXPECT_EQ(rd.date, want_date) << "record " << i + 1 << ": " << recs[i].text.substr(0, 120);
        EXPECT_EQ(rd.time_of_day, want_tod) << "record " << i + 1;
    }
}

// ---- DEV measurement -------------------------------------------------------------------

namespace {

// NFKC as far as the corpus needs it: full-width ASCII and the ideographic space.
std::string fold(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b == 0xEF && i + 2 < s.size()) {
            char32_t c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                out += static_cast<char>(c - 0xFF01 + 0x21);
                i += 3;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// The scorer's gold_date_value (tools/score.py), on folded text.
int cn_to_int(const std::string& t) {
    static const std::map<std::string, int> dig = {{"〇", 0}, {"零", 0}, {"○", 0}, {"一", 1}, {"二", 2}, {"三", 3},
                                                    {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
    if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::stoi(t);
    auto at = t.find("十");
    auto d = [&](const std::string& x) { return dig.at(x); };
    if (at != std::string::npos) {
        std::string a = t.substr(0, at), b = t.substr(at + 3);
        return (a.empty() ? 1 : d(a)) * 10 + (b.empty() ? 0 : d(b));
    }
    int v = 0;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t n = (static_cast<unsigned char>(t[i]) < 0x80) ? 1 : 3;
        v = v * 10 + d(t.substr(i, n));
        i += n;
    }
    return v;
}

std::optional<std::string> gold_value(const std::string& text, int ry, int rm, int rd) {
    // ^(?:(Y{2,4})年)?(?:(N{1,3})月份?)?(?:(N{1,3})[日号])?(?:time of day)?$ without std::regex
    // (whose libstdc++ code warns under the sanitizer build).
    static const std::string ydig = "0123456789〇零○一二三四五六七八九", ndig = "0123456789一二三四五六七八九十";
    auto cs = utf8::chars(text);
    std::size_t k = 0;
    auto group = [&](const std::string& set, std::size_t lo, std::size_t hi,
                     std::initializer_list<std::string_view> units, std::string& out) {
        std::size_t j = k;
        while (j < cs.size() && j - k < hi && set.find(cs[j]) != std::string::npos) ++j;
        if (j - k < lo || j >= cs.size() || std::find(units.begin(), units.end(), cs[j]) == units.end()) return false;
        for (std::size_t x = k; x < j; ++x) out += cs[x];
        k = j + 1;
        return true;
    };
    std::string ys, ms, ds;
    bool hy = group(ydig, 2, 4, {"年"}, ys);
    bool hm = group(ndig, 1, 3, {"月"}, ms);
    if (hm && k < cs.size() && cs[k] == "份") ++k;
    bool hd = group(ndig, 1, 3, {"日", "号"}, ds);
    std::string rest;
    for (std::size_t x = k; x < cs.size(); ++x) rest += cs[x];
    static const std::set<std::string> tods = {"", "凌晨", "早晨", "早上", "上午", "中午", "下午", "傍晚", "晚上", "晚", "夜间", "夜"};
    if (!tods.count(rest) || !(hy || hm)) return std::nullopt;
    struct M { bool matched; std::string s; operator std::string() const { return s; } };
    M m[4] = {{true, text}, {hy, ys}, {hm, ms}, {hd, ds}};
    int y = 0, mo = 0, d = 0;
    try {
        if (m[1].matched) y = cn_to_int(m[1]);
        if (m[2].matched) mo = cn_to_int(m[2]);
        if (m[3].matched) d = cn_to_int(m[3]);
    } catch (...) {
        return std::nullopt;
    }
    if (m[1].matched && y < 100) y += y > 30 ? 1900 : 2000;
    if ((m[2].matched && (mo < 1 || mo > 12)) || (m[3].matched && (d < 1 || d > 31))) return std::nullopt;
    char buf[16];
    if (!m[1].matched) {
        if (!m[2].matched) return std::nullopt;
        // nearest occurrence (via the library's own calendar: the day number of a date)
        auto ord = [](int yy, int mm, int dd) {
            std::tm t{};
            t.tm_year = yy - 1900, t.tm_mon = mm - 1, t.tm_mday = dd, t.tm_hour = 12;
            return static_cast<long>(timegm(&t) / 86400);
        };
        long ref = ord(ry, rm, rd), best = -1;
        for (int c = ry - 1; c <= ry + 1; ++c) {
            int dd = m[3].matched ? d : 15;
            static const int dm[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            bool leap = (c % 4 == 0 && c % 100 != 0) || c % 400 == 0;
            if (dd > dm[mo - 1] || (mo == 2 && dd == 29 && !leap)) continue;
            long dist = std::labs(ord(c, mo, dd) - ref);
            if (best < 0 || dist < best) best = dist, y = c;
        }
    }
    if (!m[2].matched) std::snprintf(buf, sizeof buf, "%04d", y);
    else if (!m[3].matched) std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return std::string(buf);
}

struct Figures { double precision, recall, values; long tp, fp, fn; double seconds; };

struct Article { std::string bulletin, text, date; std::vector<std::string> dates; };

const std::vector<Article>& dev_articles() {
    static std::vector<Article> arts = [] {
        std::vector<Article> out;
        std::ifstream in(std::filesystem::path(JIANBAO_TEST_SHARED_DIR) / "eval" / "pfr199801-dev.jsonl");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            auto j = nlohmann::json::parse(line);
            out.push_back({j["bulletin"], j["text"], j["date"], j["dates"].get<std::vector<std::string>>()});
        }
        return out;
    }();
    return arts;
}

// As score.py's score_eval: per-bulletin sets of folded texts; a value per text, first seen.
Figures measure(const DateExtractor& x, std::vector<std::string>* misses = nullptr) {
    struct Side { std::set<std::string> dates; std::map<std::string, std::string> values; };
    std::map<std::string, Side> want, got;
    double secs = 0;
    // JIANBAO_DATES_DUMP=file writes our records as NDJSON for tools/score.py eval (a cross-check).
    std::unique_ptr<std::ofstream> dump;
    if (const char* p = std::getenv("JIANBAO_DATES_DUMP"); p && *p && misses) dump = std::make_unique<std::ofstream>(p);
    for (auto& a : dev_articles()) {
        auto& w = want[a.bulletin];
        int ry = std::stoi(a.date.substr(0, 4)), rm = std::stoi(a.date.substr(5, 2)), rd = std::stoi(a.date.substr(8, 2));
        for (auto& t : a.dates) {
            std::string f = fold(t);
            w.dates.insert(f);
            if (auto v = gold_value(f, ry, rm, rd)) w.values[f] = *v;
        }
        PartialDate iss = parse_partial_date(a.date).value();
        ExtractContext ctx{a.text, no_words, iss, false};
        auto t0 = std::chrono::steady_clock::now();
        auto ms = x.extract(ctx);
        secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (dump) {
            nlohmann::json r = {{"bulletin", {{"source", a.bulletin}}}, {"dates", nlohmann::json::array()}};
            for (auto& m : ms) r["dates"].push_back({{"text", m.text}, {"value", m.value ? nlohmann::json(*m.value) : nlohmann::json()}});
            *dump << r.dump() << "\n";
        }
        auto& k = got[a.bulletin];
        for (auto& m : ms) {
            std::string f = fold(m.text);
            k.dates.insert(f);
            k.values.emplace(f, m.value.value_or("null"));
        }
    }
    long tp = 0, fp = 0, fn = 0, right = 0, total = 0;
    for (auto& [b, w] : want) {
        auto& k = got[b];
        for (auto& t : w.dates) {
            if (k.dates.count(t)) ++tp;
            else {
                ++fn;
                if (misses) misses->push_back(b + ": missed " + t);
            }
        }
        for (auto& t : k.dates)
            if (!w.dates.count(t)) {
                ++fp;
                if (misses) misses->push_back(b + ": extra " + t);
            }
        for (auto& [t, v] : w.values) {
            ++total;
            auto it = k.values.find(t);
            if (it != k.values.end() && it->second == v) ++right;
            else if (misses) misses->push_back(b + ": value " + t + " should be " + v + ", got " +
                                               (it == k.values.end() ? "-" : it->second));
        }
    }
    return {tp + fp ? double(tp) / (tp + fp) : 0, tp + fn ? double(tp) / (tp + fn) : 0,
            total ? double(right) / total : 0, tp, fp, fn, secs};
}

void print(const char* name, const Figures& f) {
    std::printf("[dev] %-34s precision %.4f  recall %.4f  values %.4f  (tp %ld fp %ld fn %ld)  %.3fs\n", name,
                f.precision, f.recall, f.values, f.tp, f.fp, f.fn, f.seconds);
}

} // namespace

TEST(DevEval, DatesAgainstPfrGold) {
    if (dev_articles().empty()) GTEST_SKIP() << "pfr199801-dev.jsonl not found";
    std::vector<std::string> misses;
    Figures f = measure(extractor(), &misses);
    print("default (every expression)", f);
    if (const char* env = std::getenv("JIANBAO_DATES_MISSES"); env && *env)
        for (auto& m : misses) std::printf("  %s\n", m.c_str());

    // The gold holds expressions with a number only: precision against it is measured on that subset.
    DateOptions o;
    o.day_words = o.year_month_words = o.time_of_day_words = o.vague_words = o.lunar_festivals = false;
    const Figures cal = measure(DateExtractor(o));
    print("numbers + solar festivals (the gold's kind)", cal);
    o.festivals = false;
    print("numbers only", measure(DateExtractor(o)));
    o.festivals = o.lunar_festivals = true;
    print("+ lunar festivals", measure(DateExtractor(o)));
    o.day_words = true;
    print("+ day words", measure(DateExtractor(o)));
    o.vague_words = true;
    print("+ vague words", measure(DateExtractor(o)));

    EXPECT_GE(f.recall, 0.95);
    EXPECT_GE(f.values, 0.98);
    EXPECT_GE(cal.precision, 0.95);
}

// Debugging aid: JIANBAO_DATES_PROBE="text" prints what is found in it (issued 1998-01-02).
TEST(DevEval, Probe) {
    const char* probe = std::getenv("JIANBAO_DATES_PROBE");
    if (!probe) GTEST_SKIP();
    for (auto& m : run(probe, "1998-01-02"))
        std::printf("[probe] %s -> %s %s\n", m.text.c_str(), m.value.value_or("null").c_str(), m.time_of_day.value_or("").c_str());
}

// 3月18日是…日 names the day a campaign falls on; the record's own date is the later day of its
// news. The seed's 12月15日是…投票日。当日… is still its own date: no later full date follows.
TEST(RecordDate, ADayThatIsNamedGivesWayToTheDayOfTheNews) {
    auto rd = own_date("全国爱耳日\n3月3日是第二十六次全国爱耳日。3月5日上午，市卫健委在人民广场开展义诊活动。", "2025-03", true);
    EXPECT_EQ(rd.date, std::optional<std::string>("2025-03-05"));
    rd = own_date("12月15日是区人大代表换届选举投票日。当日，开发区各选区投票有序进行。", "2021-12", false);
    EXPECT_EQ(rd.date, std::optional<std::string>("2021-12-15"));
}

// 1—5月 is a span of months, the months of no event: the record's own date is the day of its news
// (5月16日), and 5月 is still reported (as PFR tags it).
TEST(RecordDate, ASpanOfMonthsIsNoDayOfNews) {
    auto rd = own_date("1—5月，全镇新签约项目8个。5月16日，镇党委书记潘立军带队赴深圳开展招商活动。", "2024-05", false);
    EXPECT_EQ(rd.date, std::optional<std::string>("2024-05-16"));
    auto ms = run("１—１１月，全省完成投资１２亿元。", "1997-12");
    EXPECT_EQ(texts(ms), "１１月");
}

// A biography's dates (born, started work) are no day of news: the record's own date is the notice's.
TEST(RecordDate, ABiographysDatesAreNoDayOfNews) {
    auto rd = own_date("詹立伟，男，1982年3月生，汉族，2005年7月参加工作，现任县财政局副局长。\n公示时间：2024年7月15日至7月21日。", "2024-07", false);
    EXPECT_EQ(rd.date, std::optional<std::string>("2024-07-15"));
}

// A bulletin issued for a month looks back: its year-less date half a year away is the one before
// (an October 2024 issue's 4月2日 is 2024-04-02, not 2025-04-02), next month's is still next month's;
// a newspaper's day-precise issue date keeps the nearest occurrence either way.
TEST(Dates, AMonthlyIssueLooksBack) {
    EXPECT_EQ(values(run("4月2日，市医保局召开会议。", "2024-10")), "2024-04-02");
    EXPECT_EQ(values(run("11月5日将召开会议。", "2024-10")), "2024-11-05");
    EXPECT_EQ(values(run("4月2日召开会议。", "2024-10-20")), "2025-04-02");
    EXPECT_EQ(values(run("１２月３１日", "1998-01-02")), "1997-12-31");
    EXPECT_EQ(values(run("２月５日", "1998-01-02")), "1998-02-05");
}

// A list's number opening a paragraph (1.7月下旬至8月上旬，…) is no decimal point guarding the month;
// a decimal inside a sentence still is (增长1.5日均).
TEST(Dates, AListNumberBeforeAMonth) {
    EXPECT_EQ(texts(run("1.7月下旬至8月上旬，开展总结评估。\n2.8月中旬，组织应急演练。", "2024-07")), "7月下旬|8月上旬|8月中旬");
    EXPECT_EQ(texts(run("同比增长11.5月均", "2024-07")), "");
}

// A day that recurs (每月10日) is no date.
TEST(Dates, ARecurringDayIsNoDate) {
    EXPECT_EQ(texts(run("每月10日为代表固定接待日，4月1日至3日代表视察了项目。", "2024-04")), "4月1日|3日");
}

// A deadline (于4月30日前报送) is no day of news; 前往 after a date is no deadline.
TEST(RecordDate, ADeadlineIsNoDayOfNews) {
    auto ms = run("各单位要于4月30日前将整改情况报送县委督查室。4月12日，县委督查室召开会议。3月5日前往北京。", "2024-04");
    ASSERT_EQ(ms.size(), 3u);
    EXPECT_TRUE(ms[0].no_event);
    EXPECT_FALSE(ms[1].no_event);
    EXPECT_FALSE(ms[2].no_event);
}

// The day of the week in brackets between a day and its time of day (3月15日（星期五）上午).
TEST(Dates, WeekdayInBracketsBeforeTheTimeOfDay) {
    auto ms = run("3月15日（星期五）上午，县人社局举办招聘会。", "2024-03");
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].time_of_day, "上午");
}

// A lunar festival with its year written is a day of the Chinese calendar (2023年春节 = 2023-01-22; the
// 除夕 of 2023 is 2024-02-09); without a year it stays unknown.
TEST(Dates, LunarFestivalsWithTheirYear) {
    EXPECT_EQ(values(run("2023年春节期间，2024年春节，2023年中秋节，2023年除夕。", "2024-04")),
              "2023-01-22|2024-02-10|2023-09-29|2024-02-09");
}
