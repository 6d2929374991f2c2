// Decode stage: encodings accepted and refused, byte offsets in errors, the canonical text form.
#include "jianbao/decode/decode.hpp"
#include "jianbao/pipeline/pipeline.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/sha256.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>

using namespace jianbao;

namespace {
std::string error_of(std::string_view bytes, const std::optional<std::string>& enc = std::nullopt) {
    try {
        decode(bytes, "f.txt", enc);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST(Decode, Utf8WithAndWithoutBom) {
    EXPECT_EQ(decode("开发区", "f").text, "开发区");
    auto d = decode("\xEF\xBB\xBF开发区", "f");
    EXPECT_EQ(d.text, "开发区");
    EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(Decode, Utf16WithBom) {
    // 开发 in UTF-16LE and BE.
    auto le = decode(std::string("\xFF\xFE\x00\x5F\xD1\x53", 6), "f");
    EXPECT_EQ(le.text, "开发");
    EXPECT_EQ(le.encoding, "UTF-16LE");
    auto be = decode(std::string("\xFE\xFF\x5F\x00\x53\xD1", 6), "f");
    EXPECT_EQ(be.text, "开发");
}

TEST(Decode, ForcedEncodingIsStrict) {
    // 开发区 in GB18030.
    std::string gb = "\xBF\xAA\xB7\xA2\xC7\xF8";
    EXPECT_EQ(decode(gb, "f", std::string("GB18030")).text, "开发区");
    EXPECT_NE(error_of("\xBF\xAA\xBF", std::string("Big5")).find("byte 2"), std::string::npos);
    EXPECT_NE(error_of("x", std::string("no-such-encoding")).find("unknown encoding"), std::string::npos);
}

TEST(Decode, InvalidUtf8NamesFileAndOffset) {
    std::string text = "一二三四五六七八九十";
    std::string bad = text + "\xFF" + text;
    std::string msg = error_of(bad);
    EXPECT_NE(msg.find("f.txt"), std::string::npos) << msg;
    EXPECT_NE(msg.find("invalid UTF-8 at byte 30"), std::string::npos) << msg;
}

TEST(Decode, RefusesBinaryEmptyAndNul) {
    EXPECT_NE(error_of("\x89PNG\r\n\x1a\n....").find("PNG"), std::string::npos);
    EXPECT_NE(error_of("\x7f" "ELF\x02\x01").find("ELF"), std::string::npos);
    EXPECT_NE(error_of("").find("empty"), std::string::npos);
    EXPECT_NE(error_of(" \n\t\r\n").find("empty"), std::string::npos);
    EXPECT_NE(error_of(std::string("ab\0cd", 5)).find("NUL"), std::string::npos);
}

TEST(Normalise, LineEndsWidthAndPunctuation) {
    EXPECT_EQ(normalise("a\r\nb\rc"), "a\nb\nc\n");
    EXPECT_EQ(normalise("１２月３１日"), "12月31日\n");
    EXPECT_EQ(normalise("１．６ＧＷｈ"), "1.6GWh\n");
    EXPECT_EQ(normalise("12月9日上午,扬州市委"), "12月9日上午，扬州市委\n");
    EXPECT_EQ(normalise("项目(高邮)光伏"), "项目（高邮）光伏\n");
    // ASCII punctuation between Latin or digits stays ASCII.
    EXPECT_EQ(normalise("1,000 and (x)"), "1,000 and (x)\n");
    EXPECT_EQ(normalise("标题  \n\n\n正文\t内容   "), "标题\n\n\n正文 内容\n");
    // A full stop typed in ASCII after a Han character ends the sentence; a decimal point, an
    // ellipsis and a web address stay.
    EXPECT_EQ(normalise("参加会议.集团财务部通报.11月13日下午,双方签约."), "参加会议。集团财务部通报。11月13日下午，双方签约。\n");
    EXPECT_EQ(normalise("增长12.5%,见华远.com或等等.."), "增长12.5%，见华远.com或等等..\n");
}

TEST(Normalise, IsIdempotent) {
    std::string once = normalise("王进健来邮调研,开发区(高邮)。１２月\r\n");
    EXPECT_EQ(normalise(once), once);
}

TEST(Sha256, KnownVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex(std::string(1000, 'a')), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    // The CPU's SHA instructions, where used, agree with the portable code at every tail length.
    std::string bytes;
    std::uint32_t x = 12345;
    for (int i = 0; i < 5000; ++i) bytes += static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    for (std::size_t n : {0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4999, 5000})
        EXPECT_EQ(sha256_hex(bytes.substr(0, n)), sha256_hex(bytes.substr(0, n), true)) << n;
    EXPECT_EQ(sha256_hex(std::string(1000, 'a'), true), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(Utf8, Helpers) {
    EXPECT_EQ(utf8::length("开发区ab"), 5u);
    EXPECT_EQ(utf8::first_invalid("ok\xC0\x80"), 2u);
    EXPECT_EQ(utf8::first_invalid("\xED\xA0\x80"), 0u); // surrogate
    EXPECT_EQ(utf8::first_invalid("开发区"), std::string_view::npos);
    std::string s = "开a";
    std::size_t i = s.size();
    EXPECT_EQ(utf8::prev(s, i), U'a');
    EXPECT_EQ(utf8::prev(s, i), U'开');
    EXPECT_EQ(i, 0u);
}

TEST(IssueDate, FromFileName) {
    auto d = issue_date_from_name("kaifaqu-2021-12.txt");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2021);
    EXPECT_EQ(d->month, 12);
    d = issue_date_from_name("简报2021年12月.txt");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->month, 12);
    d = issue_date_from_name("19980102-01.txt");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->day, 2);
    d = issue_date_from_name("bulletin-202112.txt");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2021);
    EXPECT_FALSE(issue_date_from_name("bulletin.txt"));
    EXPECT_FALSE(issue_date_from_name("2021-13.txt"));
}

// A masthead names the issue when the file name does not: its latest full date, else the year of
// the issue number. (The first '1' of this masthead comes after both years: a search that started
// there found neither.)
TEST(IssueDate, FromTheMasthead) {
    auto d = issue_date_from_text("青山县政务简报\n2022年第3期（总第45期）\n青山县人民政府办公室编　2022年3月15日\n");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2022);
    EXPECT_EQ(d->month, 3);
    d = issue_date_from_text("青山县政务简报\n2022年第3期\n县委召开2022年工作会议。\n");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2022);
    EXPECT_EQ(d->month, 0);
    EXPECT_FALSE(issue_date_from_text("县委召开2022年工作会议。"));
    EXPECT_FALSE(issue_date_from_text("第3期"));
}

// The masthead as the structure reads it gives the issue date, in any writing the date extractor
// reads: 二〇二四年第十期 is the year, 二〇二四年十月 the month; the file name still comes first.
TEST(IssueDate, FromTheMastheadInChineseNumerals) {
    Pipeline p;
    const std::string body = "集团召开经营分析会\n\n10月15日，集团召开第三季度经营分析会。\n";
    Bulletin b = p.parse("华晟控股集团\n企业简讯\n二〇二四年第十期\n\n" + body, "bulletin.txt", {});
    EXPECT_EQ(b.issued, std::optional<std::string>("2024"));
    ASSERT_EQ(b.records.size(), 1u);
    EXPECT_EQ(b.records[0].date, std::optional<std::string>("2024-10-15"));
    b = p.parse("华晟控股集团企业简讯\n二〇二四年十月　第10期\n\n" + body, "bulletin.txt", {});
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-10"));
    b = p.parse("华晟控股集团企业简讯\n二〇二四年十月　第10期\n\n" + body, "jituan-2023-05.txt", {});
    EXPECT_EQ(b.issued, std::optional<std::string>("2023-05"));
}

// A masthead dated to the day gives the issue's day, and 昨天 in a brief is the day before it; it
// refines a month given with --issued too. An issue known to the month only leaves 昨天 without a day
// (listed, value null) and the brief undated.
TEST(IssueDate, TheMastheadsDayAnchorsYesterday) {
    Pipeline p;
    const std::string text = "政法工作简报\n第6期\n县委政法委员会　2024年6月14日\n\n【工作动态】\n\n"
                             "●昨天，县法院组织全院干警开展集中执行行动。当天下午，工资款逐一发放。\n\n"
                             "●6月8日，县司法局召开会议。次日上午，开展培训。\n";
    Bulletin b = p.parse(text, "bulletin.txt", {});
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-06-14"));
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_EQ(b.records[0].date, std::optional<std::string>("2024-06-13"));
    ASSERT_EQ(b.records[0].dates.size(), 2u);
    EXPECT_EQ(b.records[0].dates[1].text, "当天下午");
    EXPECT_EQ(b.records[0].dates[1].value, std::optional<std::string>("2024-06-13"));
    EXPECT_EQ(b.records[1].date, std::optional<std::string>("2024-06-08"));
    ASSERT_EQ(b.records[1].dates.size(), 2u);
    EXPECT_EQ(b.records[1].dates[1].value, std::optional<std::string>("2024-06-09"));
    ParseOptions month;
    month.issued = "2024-06";
    b = p.parse(text, "bulletin.txt", month);
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-06-14"));
    EXPECT_EQ(b.records[0].date, std::optional<std::string>("2024-06-13"));
    std::string undated = text;
    undated.replace(undated.find("2024年6月14日"), std::string("2024年6月14日").size(), "2024年6月");
    b = p.parse(undated, "bulletin.txt", month);
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-06"));
    EXPECT_FALSE(b.records[0].date);
    ASSERT_FALSE(b.records[0].dates.empty());
    EXPECT_EQ(b.records[0].dates[0].text, "昨天");
    EXPECT_FALSE(b.records[0].dates[0].value);
}

// A file name known to the month takes the masthead's day of that month; a first issuer's line over
// the dated second one is the masthead's too (南屏县退役军人事务局 / …办公室　2024年8月6日).
TEST(IssueDate, FileNameMonthTakesTheMastheadsDayAndASecondIssuer) {
    Pipeline p;
    const std::string text = "南屏双拥工作简报\n\n第4期\n\n南屏县退役军人事务局\n南屏县双拥工作领导小组办公室　　2024年8月6日\n\n"
                             "【双拥动态】\n\n县领导走访慰问驻县部队\n\n7月31日，县委书记邵明轩带队走访慰问驻县部队。\n";
    Bulletin b = p.parse(text, "nanping-2024-08.txt", {});
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-08-06"));
    EXPECT_EQ(b.masthead.size(), 4u);
    ASSERT_EQ(b.records.size(), 1u);
    EXPECT_EQ(b.records[0].title, std::optional<std::string>("县领导走访慰问驻县部队"));
    b = p.parse(text, "nanping-2024-09.txt", {}); // another month: the name stands
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-09"));
}

// A bulletin in traditional characters (Big5) is read with the structure's words in their
// traditional forms too: its masthead (…簡報) and colophon (責任編輯) are no records, its column
// (◆教育簡訊) heads the briefs; a file of a masthead alone has no article.
TEST(Traditional, StructureWordsInTraditionalForms) {
    Pipeline p;
    const std::string text =
        "豐川縣教育工作簡報\n2024年第4期（總第58期）\n\n縣教育局召開全縣教育系統安全工作會議\n\n"
        "4月16日下午，縣教育局召開全縣教育系統安全工作會議。縣教育局副局長鍾秀英主持會議。\n\n"
        "◆教育簡訊\n\n●4月2日，縣教育局組織開展主題教育活動。\n\n●4月25日，全縣教師教學技能大賽舉行。\n\n"
        "（供稿：縣教育局辦公室　責任編輯：龔雪梅）\n";
    Bulletin b = p.parse(text, "bulletin.txt", {});
    ASSERT_EQ(b.records.size(), 3u);
    EXPECT_EQ(b.masthead.size(), 2u);
    EXPECT_EQ(b.colophon.size(), 1u);
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-04")); // the year from 2024年第4期, the month from its dates
    EXPECT_EQ(b.records[1].section, std::optional<std::string>("教育簡訊"));
    EXPECT_EQ(b.records[1].kind, RecordKind::brief);
    try {
        p.parse("豐川縣教育工作簡報\n2024年第4期\n", "masthead.txt", {});
        ADD_FAILURE() << "a masthead alone was parsed";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("masthead.txt: no recognisable article in the file (only a masthead"), std::string::npos) << e.what();
    }
}

// An issue known to the year only takes the month most of its dates name (two at least): a
// December issue (二〇二四年第十二期) is 2024-12, so the 1月5日 it plans is 2025-01-05.
TEST(IssueDate, AYearOnlyIssueTakesTheMonthOfItsDates) {
    Pipeline p;
    Bulletin b = p.parse("临港产业园工作简报\n二〇二四年第十二期\n\n产业园召开述职评议大会\n\n12月26日上午，产业园召开述职评议大会。\n\n"
                         "多式联运物流基地签约\n\n12月12日上午，产业园与港务集团签约。一期工程计划于1月5日正式开通运营。\n",
                         "bulletin.txt", {});
    EXPECT_EQ(b.issued, std::optional<std::string>("2024-12"));
    ASSERT_EQ(b.records.size(), 2u);
    bool seen = false;
    for (const auto& d : b.records[1].dates)
        if (d.text == "1月5日") {
            seen = true;
            EXPECT_EQ(d.value, std::optional<std::string>("2025-01-05"));
        }
    EXPECT_TRUE(seen);
}
