// Tests of the structure stage: hand-made hard cases, the seed bulletin against its gold, and
// the People's Daily DEV pages (record count per page and headline F1).
#include "jianbao/parse/structure.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using jianbao::parse_bulletin_text;
using jianbao::parse_structure;
using jianbao::Record;
using jianbao::RecordKind;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A minimal stand-in for the decode stage's normalisation: full-width ASCII letters and digits
// folded, ASCII ,;:?!() next to a Han character made full-width.
std::string normalise(std::string_view s) {
    std::vector<char32_t> cps;
    for (std::size_t i = 0; i < s.size();) cps.push_back(jianbao::utf8::next(s, i));
    std::string out;
    for (std::size_t k = 0; k < cps.size(); ++k) {
        char32_t c = cps[k];
        if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
            c = c - 0xFF00 + 0x20;
        static const std::u32string ascii = U",;:?!()", wide = U"，；：？！（）";
        auto pos = ascii.find(c);
        if (pos != std::u32string::npos) {
            bool han = (k > 0 && jianbao::utf8::is_han(cps[k - 1])) ||
                       (k + 1 < cps.size() && jianbao::utf8::is_han(cps[k + 1]));
            if (han) c = wide[pos];
        }
        jianbao::utf8::append(out, c);
    }
    return out;
}

std::string nfkc(const std::string& s) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
    if (U_FAILURE(err)) return s;
    icu::UnicodeString u = n->normalize(icu::UnicodeString::fromUTF8(s), err);
    std::string out;
    u.toUTF8String(out);
    return out;
}

fs::path shared_dir() { return fs::path(JIANBAO_TEST_SHARED_DIR); }

} // namespace

// ---- hard cases ------------------------------------------------------------------------------

TEST(Structure, EmptyInputGivesNoRecords) {
    EXPECT_TRUE(parse_structure("").empty());
    EXPECT_TRUE(parse_structure("\n\n   \n\u3000\n").empty());
}

TEST(Structure, TitleAndParagraphs) {
    auto r = parse_structure("\n\n某某区召开安全生产会议\n\n12月3日上午，某某区召开安全生产工作会议。\n\n会议要求，各部门要压实责任。\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].seq, 1);
    EXPECT_EQ(r[0].kind, RecordKind::article);
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "某某区召开安全生产会议");
    EXPECT_FALSE(r[0].section);
    ASSERT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_EQ(r[0].paragraphs[1], "会议要求，各部门要压实责任。");
}

TEST(Structure, BrokenParagraphRejoinedInsideAWord) {
    std::string t =
        "金锋调研重点企业\n\n近日，金锋带队走访调研园区重点企业和重大项目。\n\n"
        "会上，开发区经发局汇报了全年经济发展情况及明年重点工作打算；各职能部门负责人汇\n\n"
        "报了相关工作情况、下一步工作举措。\n\n金锋强调，要持续优化产业空间布局。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 1u);
    ASSERT_EQ(r[0].paragraphs.size(), 3u);
    EXPECT_EQ(r[0].paragraphs[1],
              "会上，开发区经发局汇报了全年经济发展情况及明年重点工作打算；各职能部门负责人汇报了相关工作情况、下一步工作举措。");
}

// Text pasted from a PDF keeps the page's line width: every paragraph broken into lines of one
// length. A full-width line goes on in the next even where that reads like an opening clause
// (…县委办主|任郑晓岚，…); a shorter line ends its paragraph.
TEST(Structure, LinesOfAPdfPageWidthAreRejoined) {
    const std::string p1 = "11月6日上午，县委书记黄卫东一行来我镇调研乡村振兴工作。县委常委、县委办主任郑晓岚，县农业农村局局长邵明，镇党委书记罗春华等陪同。";
    const std::string p2 = "黄卫东一行先后来到金沙村高标准农田示范区、桐溪镇农产品加工园和枫林村共富工坊，详细询问产业发展情况。";
    const std::string p3 = "会上，镇长欧阳俊汇报了全镇乡村振兴工作情况、下一步工作打算，镇农业服务中心负责人作补充发言。";
    auto wrap = [](const std::string& para) {
        const auto cs = jianbao::utf8::chars(para);
        std::string out;
        for (std::size_t i = 0; i < cs.size(); ++i) {
            out += cs[i];
            if (i % 30 == 29 || i + 1 == cs.size()) out += "\n";
        }
        return out;
    };
    auto r = parse_structure("县委书记黄卫东来我镇调研乡村振兴工作\n\n" + wrap(p1) + wrap(p2) + "\n" + wrap(p3));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].paragraphs, (std::vector<std::string>{p1, p2, p3}));
}

TEST(Structure, BrokenLineBeforeShortRemainderIsNotATitle) {
    // The second half is short and title-shaped; the first half is running text, so it is one paragraph.
    std::string t =
        "宣讲团来区宣讲全会精神\n\n12月23日下午，宣讲团成员来区作全会精神宣讲。\n\n"
        "宣讲内容视野开阔，进一步加深了与会人员对党的十九届六中全会精神的认\n\n识和理解。\n\n"
        "会上，杨某强调，要确保全会精神落到实处。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 1u);
    ASSERT_EQ(r[0].paragraphs.size(), 3u);
    EXPECT_EQ(r[0].paragraphs[1], "宣讲内容视野开阔，进一步加深了与会人员对党的十九届六中全会精神的认识和理解。");
}

TEST(Structure, TitleVersusBrokenLine) {
    // A short bare line before a lead is a title; a long clause-bearing line before a
    // non-lead is a broken paragraph.
    std::string t =
        "第一条消息标题\n\n近日，某地举行了签约仪式，双方代表出席并致辞。\n\n"
        "双方表示，将在人才培养、技术攻关和市场开拓等方面深化合作，共同推动产业\n\n"
        "升级。\n\n第二条消息标题\n\n12月5日，某局召开会议。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(*r[0].title, "第一条消息标题");
    ASSERT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_EQ(r[0].paragraphs[1], "双方表示，将在人才培养、技术攻关和市场开拓等方面深化合作，共同推动产业升级。");
    EXPECT_EQ(*r[1].title, "第二条消息标题");
    EXPECT_EQ(r[1].paragraphs.size(), 1u);
}

TEST(Structure, BriefsUnderSectionHeader) {
    std::string t =
        "某标题\n\n近日，某事发生了。\n\n要闻快览\n\n●12月27日下午，慰问团走访慰问困难职工。\n\n"
        "●12月8日，纪工委组织开展廉政警示教育。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].kind, RecordKind::article);
    for (int i : {1, 2}) {
        EXPECT_EQ(r[i].kind, RecordKind::brief);
        ASSERT_TRUE(r[i].section);
        EXPECT_EQ(*r[i].section, "要闻快览");
        EXPECT_FALSE(r[i].title);
        ASSERT_EQ(r[i].paragraphs.size(), 1u);
    }
    EXPECT_EQ(r[1].paragraphs[0], "12月27日下午，慰问团走访慰问困难职工。");
    EXPECT_EQ(r[2].seq, 3);
}

// Numbered headings (一、… 四、简讯): the number is layout, not part of the title; a numbered column
// header holds the dated items after it as briefs, bullet or not.
TEST(Structure, NumberedHeadingsAndAColumnOfDatedItems) {
    std::string t =
        "一、街道召开安全生产工作推进会\n\n9月3日下午，街道召开安全生产工作推进会。\n\n"
        "（二）省农科院专家来我街道指导\n\n9月10日，专家一行4人来到街道。\n\n"
        "四、简讯\n\n9月18日，街道纪工委组织干部接受警示教育。\n\n9月20日，客商一行来街道考察投资环境。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 4u);
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "街道召开安全生产工作推进会");
    ASSERT_TRUE(r[1].title);
    EXPECT_EQ(*r[1].title, "省农科院专家来我街道指导");
    for (int i : {2, 3}) {
        EXPECT_EQ(r[i].kind, RecordKind::brief);
        ASSERT_TRUE(r[i].section);
        EXPECT_EQ(*r[i].section, "简讯");
        ASSERT_EQ(r[i].paragraphs.size(), 1u);
    }
    EXPECT_EQ(r[3].paragraphs[0], "9月20日，客商一行来街道考察投资环境。");
}

// A county bulletin set densely (articles apart, paragraphs on consecutive lines, no blank line
// after the headline), with framed column headers and a line broken after 、.
TEST(Structure, DenseBulletinWithFramedColumns) {
    std::string t =
        "【工作动态】\n\n"
        "县委书记李建国调研乡村振兴工作\n"
        "3月10日上午，县委书记李建国深入白沙镇调研乡村振兴工作。县委常委、\n"
        "办公室主任王晓东陪同调研。\n"
        "李建国强调，要坚持以人民为中心。\n\n"
        "我县召开安全生产工作会议\n"
        "3月12日下午，我县召开安全生产工作会议。\n"
        "会议传达学习了省、市安全生产工作会议精神。\n\n"
        "【简讯】\n"
        "●3月8日，县妇联举办主题活动。\n"
        "●近日，县市场监管局开展食品安全专项检查。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 4u);
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "县委书记李建国调研乡村振兴工作");
    ASSERT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_EQ(r[0].paragraphs[0], "3月10日上午，县委书记李建国深入白沙镇调研乡村振兴工作。县委常委、办公室主任王晓东陪同调研。");
    ASSERT_TRUE(r[1].title);
    EXPECT_EQ(*r[1].title, "我县召开安全生产工作会议");
    EXPECT_EQ(r[1].paragraphs.size(), 2u);
    for (int i : {0, 1}) { // the column the header opened, up to the next header
        ASSERT_TRUE(r[i].section);
        EXPECT_EQ(*r[i].section, "工作动态");
    }
    for (int i : {2, 3}) {
        EXPECT_EQ(r[i].kind, RecordKind::brief);
        ASSERT_TRUE(r[i].section);
        EXPECT_EQ(*r[i].section, "简讯");
    }
}

// A column named by an unframed header, a blank line, then its first headline and its text (a
// dense layout): the header is the section, not the headline; a headline named like a column
// (图片新闻 before its text, as People's Daily sets it) stays the headline.
TEST(Structure, UnframedColumnBeforeItsFirstHeadline) {
    std::string t =
        "县人大常委会召开第十六次会议\n\n"
        "3月26日上午，县人大常委会召开第十六次会议。\n会议审议通过了有关人事任免事项。\n\n"
        "代表风采\n\n"
        "全国人大代表、马龙村党总支书记杨春燕：把群众的事当成自己的事\n\n"
        "杨春燕是马龙村的“当家人”。她先后提出建议12件。\n“代表不是荣誉，是责任。”杨春燕说。\n\n"
        "图片新闻\n\n"
        "3月8日，县妇联举办“巾帼心向党”主题活动。\n活动吸引了200余名妇女参加。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 3u);
    ASSERT_TRUE(r[1].title && r[1].section);
    EXPECT_EQ(*r[1].section, "代表风采");
    EXPECT_EQ(*r[1].title, "全国人大代表、马龙村党总支书记杨春燕：把群众的事当成自己的事");
    EXPECT_EQ(r[1].paragraphs.size(), 2u);
    ASSERT_TRUE(r[2].title);
    EXPECT_EQ(*r[2].title, "图片新闻");
}

// A column name set off by a bullet mark (■ 要闻) heads its column; it is no brief, and the issue
// number before it is no header.
TEST(Structure, ColumnNamesMarkedLikeBullets) {
    std::string t =
        "高新区简报\n2024年第12期\n■ 要闻\n高新区召开招商引资工作推进会\n"
        "12月3日下午，高新区召开招商引资工作推进会。\n■ 基层动态\n"
        "◆12月5日，高新区税务局开展宣讲活动。\n◆12月12日，消防救援大队开展消防演练。\n";
    auto r = parse_structure(t);
    std::size_t briefs = 0;
    for (const auto& x : r) {
        if (x.kind == RecordKind::brief) {
            ++briefs;
            ASSERT_TRUE(x.section);
            EXPECT_EQ(*x.section, "基层动态");
        }
        for (const auto& p : x.paragraphs) EXPECT_EQ(p.find("要闻"), std::string::npos) << p;
    }
    EXPECT_EQ(briefs, 2u);
    const auto article = std::find_if(r.begin(), r.end(), [](const Record& x) { return x.title && *x.title == "高新区召开招商引资工作推进会"; });
    ASSERT_NE(article, r.end());
    ASSERT_TRUE(article->section);
    EXPECT_EQ(*article->section, "要闻");
}

// A masthead (the issuer and the date set apart by spaces) is no headline, and dated ● items after
// the last article, with no column header, are briefs — but a list of an article whose items open
// with a year stays the article's.
TEST(Structure, MastheadAndBriefsWithoutAHeader) {
    // The masthead (name, issue number, issuer and date) is no record.
    std::string t =
        "东湖街道工作简报\n\n第12期\n\n东湖街道党工委办公室　　　　2023年6月30日\n\n"
        "街道召开表彰大会\n\n6月28日下午，东湖街道召开表彰大会。\n\n周建华指出，一要坚定理想信念；三要\n\n"
        "严守纪律规矩。\n\n"
        "●6月15日至16日，街道组织开展防汛应急演练。\n\n●6月21日，街道纪工委书记冯丽到滨河社区调研。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 3u);
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "街道召开表彰大会");
    EXPECT_EQ(r[0].seq, 1);
    EXPECT_EQ(r[0].paragraphs.back(), "周建华指出，一要坚定理想信念；三要严守纪律规矩。");
    EXPECT_EQ(r[1].kind, RecordKind::brief);
    EXPECT_EQ(r[2].kind, RecordKind::brief);
    r = parse_structure("农业形势\n\n今年农业形势如下：\n●一九九七年，农业仍获得较好收成。\n●一九九七年，林业建设又取得了新进展。\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].paragraphs.size(), 3u);
}

TEST(Structure, MastheadWithTheMonthOrIssueNumberIsNoRecord) {
    for (const char* masthead : {"经开区通讯 2024年1月", "青山简报 第12期", "2022年第3期（总第45期）",
                                 "卫健动态\n（第3期）\n━━━━━━━━━━━━", "城关镇党政信息\n市城关镇党政办　　2024年1月26日"}) {
        auto r = parse_structure(std::string(masthead) + "\n\n区领导走访慰问困难群众\n——春节前夕送温暖\n\n"
                                 "本报讯 1月25日，区长孙志刚走访慰问困难群众。\n在老党员家中，孙志刚详细询问情况。\n");
        ASSERT_EQ(r.size(), 1u) << masthead;
        ASSERT_TRUE(r[0].title) << masthead;
        EXPECT_EQ(*r[0].title, "区领导走访慰问困难群众");
    }
    // A headline above a dated line names no bulletin and shows no issue: it stays; so does one
    // that ends like a bulletin's name (…的通报).
    auto r = parse_structure("区领导走访慰问困难群众\n\n2024年1月25日\n\n本报讯 区长孙志刚走访慰问困难群众。\n");
    ASSERT_FALSE(r.empty());
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "区领导走访慰问困难群众");
    r = parse_structure("关于全县安全生产情况的通报\n2024年3月5日\n\n3月1日，县安委会召开会议。\n");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0].title, std::optional<std::string>("关于全县安全生产情况的通报"));
}

TEST(Structure, CaptionStandingAlone) {
    std::string t = "某标题\n\n近日，某事发生了。\n\n\n\n12月15日是投票日。图为投票选举现场。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].kind, RecordKind::caption);
    EXPECT_FALSE(r[1].title);
    EXPECT_EQ(r[1].paragraphs.size(), 1u);
}

TEST(Structure, UntitledSingleLineItemsInDensePage) {
    std::string t =
        "头条标题\n\n本报北京1月1日讯某事。\n第二段。\n\n\n"
        "本报讯短消息一则。\n\n\n"
        "又一则短消息，没有标题。\n\n\n"
        "二条标题\n\n新华社电某事。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(*r[0].title, "头条标题");
    EXPECT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_FALSE(r[1].title);
    EXPECT_FALSE(r[2].title);
    EXPECT_EQ(r[2].paragraphs.size(), 1u);
    EXPECT_EQ(*r[3].title, "二条标题");
}

TEST(Structure, DenseLinesAreNotRejoinedOrTitled) {
    // Without a blank line after it, a short first line is not a headline (byline, subtitle).
    std::string t = "标题一\n\n（一九九八年一月一日）\n江泽民\n同志们、朋友们：\n新年好！\n\n\n无标题\n正文。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(*r[0].title, "标题一");
    EXPECT_EQ(r[0].paragraphs.size(), 4u);
    EXPECT_FALSE(r[1].title);
    EXPECT_EQ(r[1].paragraphs.size(), 2u);
}

TEST(Structure, CrlfAndStraySpacesTolerated) {
    auto a = parse_structure("某地召开会议\r\n\r\n\u3000\u3000近日，某事发生了。  \r\n");
    auto b = parse_structure("某地召开会议\n\n近日，某事发生了。\n");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(*a[0].title, *b[0].title);
    EXPECT_EQ(a[0].paragraphs, b[0].paragraphs);
    EXPECT_EQ(a[0].paragraphs[0], "近日，某事发生了。");
}

TEST(Structure, BylinesAndNotesAreNotTitles) {
    // Spaced layout: a byline, a dateline note and a subtitle after the title stay in the article.
    std::string t =
        "某地举行迎春联欢会\n\n——记一次难忘的聚会\n\n本报记者张三\n\n（新华社北京1月1日电）\n\n"
        "近日，某地举行迎春联欢会。\n\n李四　王五\n\n会上，大家纷纷表示要再创佳绩。\n";
    auto r = parse_structure(t);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(*r[0].title, "某地举行迎春联欢会");
    EXPECT_EQ(r[0].paragraphs.size(), 6u);
}

TEST(Structure, NoBlankLinesAtAll) {
    auto r = parse_structure("某某会议召开\n近日，某某会议召开。\n另一条消息标题\n12月1日，某事发生。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(*r[1].title, "另一条消息标题");
}

// ---- seed bulletin ---------------------------------------------------------------------------

namespace {
void check_seed(const std::string& text, const nlohmann::json& gold) {
    auto recs = parse_structure(text);
    const auto& g = gold["records"];
    ASSERT_EQ(recs.size(), g.size());
    for (std::size_t i = 0; i < g.size(); ++i) {
        SCOPED_TRACE("record " + std::to_string(i + 1));
        EXPECT_EQ(recs[i].seq, static_cast<int>(i) + 1);
        EXPECT_EQ(jianbao::to_string(recs[i].kind), g[i]["kind"].get<std::string>());
        if (g[i]["section"].is_null())
            EXPECT_FALSE(recs[i].section);
        else
            EXPECT_EQ(recs[i].section.value_or("<null>"), g[i]["section"].get<std::string>());
        if (g[i]["title"].is_null())
            EXPECT_FALSE(recs[i].title);
        else
            EXPECT_EQ(nfkc(recs[i].title.value_or("<null>")), nfkc(g[i]["title"].get<std::string>()));
        EXPECT_EQ(recs[i].paragraphs.size(), g[i]["paragraphs"].get<std::size_t>());
        for (const auto& p : recs[i].paragraphs) {
            EXPECT_FALSE(p.empty());
            EXPECT_FALSE(jianbao::utf8::starts_with(p, "●"));
        }
    }
}
} // namespace

TEST(StructureSeed, MatchesGoldExactly) {
    fs::path seed = shared_dir() / "seed" / "kaifaqu-2021-12.txt";
    if (!fs::exists(seed)) GTEST_SKIP() << "no shared seed at " << seed;
    auto gold = nlohmann::json::parse(read_file(shared_dir() / "seed" / "gold.json"));
    std::string raw = read_file(seed);
    {
        SCOPED_TRACE("normalised");
        check_seed(normalise(raw), gold);
    }
    {
        SCOPED_TRACE("raw");
        check_seed(raw, gold);
    }
    // The rejoined paragraphs are whole.
    auto recs = parse_structure(normalise(raw));
    EXPECT_NE(recs[2].paragraphs[1].find("汇报了相关工作情况"), std::string::npos);
    EXPECT_NE(recs[2].paragraphs[2].find("加快载体建设"), std::string::npos);
    EXPECT_NE(recs[3].paragraphs[1].find("对各项服务政策"), std::string::npos);
    EXPECT_NE(recs[6].paragraphs[1].find("党的百年奋斗的初心"), std::string::npos);
    EXPECT_NE(recs[6].paragraphs[1].find("的认识和理解。"), std::string::npos);
}

// ---- People's Daily DEV pages -----------------------------------------------------------------

namespace {
struct PageGold {
    int articles = 0;
    std::set<std::string> headlines;
    std::vector<std::string> texts;
};

struct Figures {
    int pages = 0, exact = 0, tp = 0, fp = 0, fn = 0;
    double count_exact() const { return pages ? double(exact) / pages : 0; }
    double f1() const { return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0; }
};

void measure(const std::string& name, const std::string& text, const PageGold& g, Figures& f,
             std::vector<std::string>& misses) {
    auto recs = parse_structure(normalise(text));
    std::set<std::string> got;
    for (const auto& r : recs)
        if (r.title) got.insert(nfkc(*r.title));
    ++f.pages;
    if (static_cast<int>(recs.size()) == g.articles)
        ++f.exact;
    else
        misses.push_back(name + ": " + std::to_string(recs.size()) + " records, gold " + std::to_string(g.articles));
    for (const auto& h : g.headlines) {
        if (got.count(h))
            ++f.tp;
        else {
            ++f.fn;
            if (misses.size() < 40) misses.push_back(name + ": missed title " + h);
        }
    }
    for (const auto& t : got)
        if (!g.headlines.count(t)) {
            ++f.fp;
            if (misses.size() < 40) misses.push_back(name + ": extra title " + t);
        }
}
} // namespace

TEST(StructureEval, PeoplesDailyDevPages) {
    fs::path eval = shared_dir() / "eval";
    fs::path jsonl = eval / "pfr199801-dev.jsonl";
    if (!fs::exists(jsonl)) GTEST_SKIP() << "no eval data at " << eval;
    std::map<std::string, PageGold> gold;
    {
        std::ifstream in(jsonl);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            auto a = nlohmann::json::parse(line);
            auto& g = gold[a["bulletin"].get<std::string>()];
            ++g.articles;
            if (a["headline"].is_string()) g.headlines.insert(nfkc(a["headline"].get<std::string>()));
            g.texts.push_back(a["text"].get<std::string>());
        }
    }
    std::vector<std::string> misses;

    // The 40 page files as shipped.
    Figures files;
    for (const auto& e : fs::directory_iterator(eval / "bulletins-dev")) {
        if (e.path().extension() != ".txt") continue;
        std::string name = e.path().filename().string();
        ASSERT_TRUE(gold.count(name)) << name;
        measure(name, read_file(e.path()), gold[name], files, misses);
    }
    // All 133 DEV pages, rebuilt from the jsonl by the README's rule.
    Figures all;
    for (const auto& [name, g] : gold) {
        std::string text;
        for (std::size_t i = 0; i < g.texts.size(); ++i) text += (i ? "\n\n\n" : "") + g.texts[i];
        text += "\n";
        if (fs::exists(eval / "bulletins-dev" / name)) {
            EXPECT_EQ(text, read_file(eval / "bulletins-dev" / name)) << "page rebuild differs: " << name;
        }
        measure(name, text, g, all, misses);
    }
    // Information only: the same pages in the seed's spaced layout (one blank line after every
    // line, articles included), so only content cues can find titles and boundaries.
    Figures spaced;
    std::vector<std::string> spaced_misses;
    for (const auto& [name, g] : gold) {
        std::string text;
        for (const auto& t : g.texts) {
            std::istringstream in(t);
            std::string line;
            while (std::getline(in, line))
                if (!line.empty()) text += line + "\n\n";
        }
        measure(name, text, g, spaced, spaced_misses);
    }
    for (const auto& m : misses) std::cout << "  " << m << "\n";
    std::cout << "bulletins-dev files: pages " << files.pages << ", article_count_exact " << files.count_exact()
              << ", title F1 " << files.f1() << " (tp " << files.tp << " fp " << files.fp << " fn " << files.fn
              << ")\n";
    std::cout << "all DEV pages:       pages " << all.pages << ", article_count_exact " << all.count_exact()
              << ", title F1 " << all.f1() << " (tp " << all.tp << " fp " << all.fp << " fn " << all.fn << ")\n";
    std::cout << "spaced relayout (info): article_count_exact " << spaced.count_exact() << ", title F1 "
              << spaced.f1() << " (tp " << spaced.tp << " fp " << spaced.fp << " fn " << spaced.fn << ")\n";
    if (std::getenv("JIANBAO_PARSE_DEBUG"))
        for (const auto& m : spaced_misses) std::cout << "  spaced: " << m << "\n";
    EXPECT_EQ(files.pages, 40);
    EXPECT_EQ(all.pages, 133);
    EXPECT_GE(files.count_exact(), 0.95);
    EXPECT_GE(files.f1(), 0.95);
    EXPECT_GE(all.count_exact(), 0.95);
    EXPECT_GE(all.f1(), 0.95);
}

// A headline set off by a bullet mark (◎…) before its paragraph is a headline, not a brief; a
// dated bullet line (●3月5日，…) stays a brief.
TEST(Structure, HeadlineMarkedLikeABullet) {
    auto r = parse_structure(
        "◎市卫健委召开全市卫生健康工作会议\n\n3月10日上午，市卫健委召开全市卫生健康工作会议，总结2024年工作。\n\n"
        "◎3月5日，市第一人民医院开展学雷锋义诊活动。\n");
    ASSERT_EQ(r.size(), 2u);
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "市卫健委召开全市卫生健康工作会议");
    EXPECT_EQ(r[0].kind, RecordKind::article);
    EXPECT_EQ(r[1].kind, RecordKind::brief);
}

// An education bureau's bulletin: a line broken after a title (副县长|黄佩琳，…) goes on even
// though its next line reads like an opening clause, since the text parts paragraphs with blank
// lines; a bullet-marked column named by its topic (◆教育简讯) heads the briefs under it; the
// colophon (（供稿：…　责任编辑：…）, 报：…, 送：…) is no record.
TEST(Structure, BrokenLineColumnByTopicAndColophon) {
    auto r = parse_structure(
        "县长到县实验中学调研\n\n4月9日上午，县委副书记、县长邵明远带队到县实验中学调研教育工作。副县长\n"
        "黄佩琳，县教育局局长廖俊峰参加调研。\n\n"
        "◆教育简讯\n\n●4月2日，县教育局组织开展主题教育活动。\n\n●4月25日，全县教师教学技能大赛举行。\n\n"
        "（供稿：县教育局办公室　责任编辑：龚雪梅）\n━━━━━━━━━━━━\n报：市教育局\n送：县委办、县政府办\n");
    ASSERT_EQ(r.size(), 3u);
    ASSERT_EQ(r[0].paragraphs.size(), 1u);
    EXPECT_NE(r[0].paragraphs[0].find("副县长黄佩琳，"), std::string::npos);
    EXPECT_EQ(r[1].kind, RecordKind::brief);
    EXPECT_EQ(r[1].section, std::optional<std::string>("教育简讯"));
    EXPECT_EQ(r[2].kind, RecordKind::brief);
    EXPECT_EQ(r[2].paragraphs.back(), "4月25日，全县教师教学技能大赛举行。");
    r = parse_structure("标题\n\n正文第一段。\n\n图为竞赛现场。\n\n（集团党委宣传部　编）\n");
    EXPECT_EQ(r.back().paragraphs.back(), "图为竞赛现场。");
    // A closing line with a colon that names no colophon field stays (会议要求：…).
    r = parse_structure("标题\n\n正文第一段。\n\n会议要求：各单位要抓好落实。\n");
    EXPECT_EQ(r.back().paragraphs.back(), "会议要求：各单位要抓好落实。");
}

// A township's bulletin pasted from a PDF: articles apart by blank lines, their lines at the page's
// width with none between paragraphs (dense). A full-width line that ends no sentence goes on in
// the next, a brief's too (●…考察学习特|色种植产业。).
TEST(Structure, PageWidthLinesInADenseLayoutAreRejoined) {
    auto r = parse_structure(
        "镇党委召开理论学习中心组学习会\n"
        "6月3日下午，镇党委召开理论学习中心组（扩大）学习会，专题学习\n"
        "党纪学习教育相关内容。镇党委书记苏向东主持会议并讲话，镇党委\n"
        "副书记、镇长米兰英，镇人大主席团主席陆建平等班子成员参加学习。\n"
        "会议指出，开展党纪学习教育是加强党的纪律建设的重要举措。全镇\n"
        "各级党组织要认真组织学习，引导党员干部知敬畏、存戒惧、守底线。\n\n"
        "工作动态\n"
        "●6月5日，镇纪委到各村开展村级财务专项检查，发现问题及时整改。\n"
        "●6月20日，白沙村党支部书记俞长春带领村民代表赴邻县考察学习特\n"
        "色种植产业。\n");
    ASSERT_EQ(r.size(), 3u);
    ASSERT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_NE(r[0].paragraphs[0].find("镇党委副书记、镇长米兰英"), std::string::npos) << r[0].paragraphs[0];
    EXPECT_EQ(r[2].kind, RecordKind::brief);
    EXPECT_EQ(r[2].paragraphs.back(), "6月20日，白沙村党支部书记俞长春带领村民代表赴邻县考察学习特色种植产业。");
}

// A numbered heading over a headline of its own and its text is the column the article is in
// (一、代表工作 / 县人大常委会开展…活动 / 2月上旬…); over briefs it heads them.
TEST(Structure, NumberedColumnOverAHeadline) {
    auto r = parse_structure(
        "一、代表工作\n\n县人大常委会开展代表进站履职月活动\n\n2月上旬至3月上旬，县人大常委会在全县开展活动。活动期间，代表进站接待群众。\n\n"
        "二、监督工作\n\n●2月13日，县人大常委会副主任祁红梅带队开展专题视察。\n");
    ASSERT_EQ(r.size(), 2u);
    ASSERT_TRUE(r[0].title);
    EXPECT_EQ(*r[0].title, "县人大常委会开展代表进站履职月活动");
    EXPECT_EQ(r[0].section, std::optional<std::string>("代表工作"));
    EXPECT_EQ(r[0].paragraphs.size(), 1u);
    EXPECT_EQ(r[1].kind, RecordKind::brief);
    EXPECT_EQ(r[1].section, std::optional<std::string>("监督工作"));
}

// Front matter and page furniture of a bulletin pasted from a PDF: the table of contents under the
// masthead (本期要目 and its headlines, which recur below) is kept with the masthead, and page
// numbers (— 2 —, 第3页 共4页) read as blank lines, also inside a paragraph broken by the page.
TEST(Structure, ContentsAndPageNumbers) {
    auto b = parse_bulletin_text(
        "平安简报\n第9期\n青岭市公安局政治部编印　　　　2024年9月30日\n\n本期要目\n"
        "◇市公安局召开专项行动推进会……1\n◇交警支队护航开学季……2\n\n— 1 —\n\n"
        "市公安局召开专项行动推进会\n\n9月3日上午，市公安局召开全市公安机关专项行动推进会。局长雷振宇出席会议\n第2页 共4页\n"
        "并讲话。\n\n- 2 -\n\n交警支队护航开学季\n\n开学首日，市公安局交警支队出动警力320余人次。\n");
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_EQ(b.records[0].title, std::optional<std::string>("市公安局召开专项行动推进会"));
    EXPECT_EQ(b.records[0].paragraphs, std::vector<std::string>{"9月3日上午，市公安局召开全市公安机关专项行动推进会。局长雷振宇出席会议并讲话。"});
    EXPECT_EQ(b.records[1].title, std::optional<std::string>("交警支队护航开学季"));
    ASSERT_EQ(b.masthead.size(), 6u);
    EXPECT_EQ(b.masthead[3], "本期要目");
    // Without a header, one headline that recurs is no contents; a year between dashes is no page.
    auto r = parse_structure("开发区召开会议\n\n5月8日，开发区召开会议。\n\n开发区召开会议\n\n5月9日，开发区又召开会议。\n");
    EXPECT_EQ(r.size(), 2u);
    r = parse_structure("回顾\n\n——2024——\n\n这一年，开发区发展迅速。\n");
    ASSERT_FALSE(r.empty());
    EXPECT_NE(r[0].text().find("——2024——"), std::string::npos);
    // Rules between articles are no records; ＊＊＊ inside a dense page's article parts nothing.
    r = parse_structure("街道召开安全生产部署会\n\n12月10日，街道召开会议。\n\n─────────────\n\n"
                        "街道开展志愿服务活动\n\n12月14日，街道开展活动。\n\n─────────────\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("街道开展志愿服务活动"));
    r = parse_structure("头条标题\n\n第一段。\n＊＊＊\n第二段。\n\n\n二条标题\n\n正文。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].paragraphs.size(), 2u);
}

// A PDF's running head (the bulletin's name again at a page's top, with its issue or page
// number) is no line: the paragraph the page broke goes on across it.
TEST(Structure, RunningHeadIsNoLine) {
    auto b = parse_bulletin_text(
        "东湖街道工作简报\n第12期\n东湖街道党工委办公室　　　　2023年6月30日\n\n街道召开表彰大会\n\n"
        "6月28日下午，东湖街道召开表彰大会，表彰一批先进集体和先进个人。街道党工委书记周建华出席会议\n"
        "东湖街道工作简报　第12期\n"
        "并讲话。\n\n街道开展防汛演练\n\n6月15日，街道组织开展防汛应急演练。\n\n东湖街道工作简报\n");
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_EQ(b.records[0].paragraphs.size(), 1u);
    EXPECT_NE(b.records[0].paragraphs[0].find("出席会议并讲话。"), std::string::npos) << b.records[0].paragraphs[0];
    EXPECT_EQ(b.records[1].paragraphs.back(), "6月15日，街道组织开展防汛应急演练。");
}

// What a line ending in a colon introduces is part of its article, not the next one's headline
// (出席会议的还有：|何建军　吕晓梅　卜凡（女）　马金山（回族）): a list of names, their notes aside.
TEST(Structure, ListAfterAColonIsNoHeadline) {
    auto r = parse_structure(
        "县领导调研重点项目建设\n\n3月12日，县委书记欧阳振宇深入园区调研重点项目建设情况。\n\n出席会议的还有：\n"
        "何建军　吕晓梅　施耀祖　卜凡（女）　马金山（回族）\n\n美国通用电气公司副总裁一行来我县考察\n\n"
        "本月18日，美国通用电气公司副总裁一行来我县考察投资环境。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].paragraphs.back(), "何建军　吕晓梅　施耀祖　卜凡（女）　马金山（回族）");
    EXPECT_EQ(r[1].title, std::optional<std::string>("美国通用电气公司副总裁一行来我县考察"));
}

// A long headline broken over two lines is one title; a short label over a headline (a kicker,
// 引题) is the article's section, not its title.
TEST(Structure, BrokenHeadlineAndKicker) {
    auto r = parse_structure(
        "开发区召开2024年度安全生产暨消防\n工作会议\n\n1月10日上午，开发区召开2024年度安全生产暨消防工作会议。\n\n"
        "聚焦项目建设\n开发区重点项目集中开工\n\n2月20日，开发区举行重点项目集中开工仪式。\n\n"
        "开发区召开经济运行分析会\n\n3月5日，开发区召开经济运行分析会。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("开发区召开2024年度安全生产暨消防工作会议"));
    EXPECT_EQ(r[0].paragraphs.size(), 1u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("开发区重点项目集中开工"));
    EXPECT_EQ(r[1].section, std::optional<std::string>("聚焦项目建设"));
    EXPECT_EQ(r[1].paragraphs.size(), 1u);
    EXPECT_FALSE(r[2].section);
    // The same in a dense page (paragraphs on consecutive lines, blank lines between articles).
    r = parse_structure(
        "开发区召开2024年度安全生产暨消防\n工作会议\n\n1月10日上午，开发区召开安全生产暨消防工作会议。\n"
        "开发区党工委书记吕建国出席会议并讲话。\n\n\n开发区重点项目集中开工\n\n2月20日，开发区举行开工仪式。\n共有18个项目开工。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("开发区召开2024年度安全生产暨消防工作会议"));
    EXPECT_EQ(r[0].paragraphs.size(), 2u);
}

// A photo's caption alone right under a brief is the brief's; a caption record standing on its own
// after a wider gap (the seed's last record) stays one.
TEST(Structure, CaptionUnderABrief) {
    auto r = parse_structure("简讯\n\n●10月12日，集团工会组织开展助学活动。\n\n●10月28日，集团知识竞赛决赛举行。\n\n图为竞赛现场。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].kind, RecordKind::brief);
    EXPECT_EQ(r[1].paragraphs, (std::vector<std::string>{"10月28日，集团知识竞赛决赛举行。", "图为竞赛现场。"}));
}

// A caption naming a day of its own under a brief is another event's photo, and a photo column's
// second caption is a photo of its own: caption records, in the column.
TEST(Structure, CaptionWithItsOwnDayOrAfterAPhotoIsARecord) {
    auto r = parse_structure("【工作简讯】\n\n●9月24日，街道总工会开展“送清凉”活动。\n\n图为9月18日，区人大常委会副主任兰秀清接待选民。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].kind, RecordKind::caption);
    EXPECT_EQ(r[0].paragraphs.size(), 1u);
    r = parse_structure("【图片新闻】\n\n6月18日，青石镇举办农民丰收节预热活动。图为村民推介本地葡萄。\n\n图为镇长戴云舒检查防汛物资。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].kind, RecordKind::caption);
    EXPECT_EQ(r[1].section, std::optional<std::string>("图片新闻"));
}

// A month's review opens with its month and is a headline (5月份全市环境空气质量持续改善).
TEST(Structure, MonthReviewHeadline) {
    auto r = parse_structure("【环境质量】\n\n5月份全市环境空气质量持续改善\n\n5月，全市环境空气质量优良天数比率达90.3%，同比上升2.1个百分点。\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("5月份全市环境空气质量持续改善"));
    EXPECT_EQ(r[0].paragraphs.size(), 1u);
}

// Briefs after a column's articles are the column's (二、侨务工作 / headline / text / ●…).
TEST(Structure, BriefsAfterAColumnsArticlesAreTheColumns) {
    auto r = parse_structure("二、侨务工作\n\n市侨联召开海外侨领座谈会\n\n4月3日上午，市侨联召开侨领座谈会，12位侨领参加。\n\n"
                             "●4月11日，市外办组织开展外事工作业务培训。\n\n●4月17日，市外办副主任晏子昂会见美国客人。\n");
    ASSERT_EQ(r.size(), 3u);
    for (const auto& x : r) EXPECT_EQ(x.section, std::optional<std::string>("侨务工作"));
    EXPECT_EQ(r[2].kind, RecordKind::brief);
}

// A sentence a page break cut mid-word goes on over a gap of any size (…分别作了汇 / (blank lines) /
// 报。), where the next part opens nothing; a headline after a wide gap still opens an article.
TEST(Structure, SentenceCutByAPageBreakGoesOn) {
    auto r = parse_structure(
        "卞志远主持召开项目推进会\n\n11月12日下午，开发区召开重点项目推进会。会上，经发局汇报了重点项目推进情况，招商局、规划建设局分别作了汇\n\n\n\n"
        "报。\n\n\n\n开发区召开经济运行分析会\n\n11月20日，开发区召开经济运行分析会。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].paragraphs.size(), 1u);
    EXPECT_TRUE(r[0].paragraphs[0].ends_with("分别作了汇报。")) << r[0].paragraphs[0];
    EXPECT_EQ(r[1].title, std::optional<std::string>("开发区召开经济运行分析会"));
}

// Numbered briefs under a column (1. 3月5日，…, （二）3月12日，…) are briefs, without their number.
TEST(Structure, NumberedBriefsUnderAColumn) {
    auto r = parse_structure("工作动态\n\n1. 3月5日，开发区召开安全生产工作会议。\n\n2. 3月12日，开发区党工委书记卞志远到园区企业调研。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].kind, RecordKind::brief);
    EXPECT_EQ(r[0].section, std::optional<std::string>("工作动态"));
    EXPECT_EQ(r[0].paragraphs, std::vector<std::string>{"3月5日，开发区召开安全生产工作会议。"});
    r = parse_structure("简讯\n\n（一）3月5日，开发区召开安全生产工作会议。\n\n（二）3月12日，开发区举办招商推介会。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].paragraphs, std::vector<std::string>{"3月12日，开发区举办招商推介会。"});
}

// A headline ending in an exclamation or a question, before the news text after a gap.
TEST(Structure, ExclaimedHeadline) {
    auto r = parse_structure("我县荣获全国文明城市称号！\n\n11月10日，全国精神文明建设表彰大会在北京召开。\n\n"
                             "县委召开常委会议\n\n11月12日，县委召开常委会议。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("我县荣获全国文明城市称号！"));
    EXPECT_EQ(r[0].paragraphs.size(), 1u);
}

// A dense layout (no blank line inside an article): a headline broken before a short tail word
// (…总结|会议) is one title; a line after running text that ends no sentence goes on
// (…镇长|宁晓岚作总结报告。); a subtitle under a headline set without a gap stays a paragraph; an
// untitled article after a column's article is in the column.
TEST(Structure, DenseColumnsBrokenLinesAndSubtitles) {
    auto r = parse_structure(
        "【党建引领】\n镇党委召开党纪学习教育总结\n会议\n"
        "8月26日下午，镇党委召开党纪学习教育总结会议，部署下一阶段工作。镇党委副书记、镇长\n"
        "宁晓岚作总结报告。\n（供稿：镇组织办）\n\n"
        "【基层动态】\n凤鸣村：小积分兑出乡村振兴大文明\n——凤鸣村推行“积分制”治理纪实\n"
        "今年以来，凤鸣村党总支探索推行“积分制”管理。\n（供稿：凤鸣村）\n\n"
        "8月15日，镇纪委对全镇14个村开展专项检查。（供稿：镇纪委）\n\n"
        "镇政府召开安全生产会议\n8月20日，镇政府召开安全生产会议。\n");
    ASSERT_GE(r.size(), 3u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("镇党委召开党纪学习教育总结会议"));
    EXPECT_EQ(r[0].section, std::optional<std::string>("党建引领"));
    ASSERT_GE(r[0].paragraphs.size(), 1u);
    EXPECT_TRUE(r[0].paragraphs[0].ends_with("镇长宁晓岚作总结报告。")) << r[0].paragraphs[0];
    EXPECT_EQ(r[1].title, std::optional<std::string>("凤鸣村：小积分兑出乡村振兴大文明"));
    EXPECT_EQ(r[1].section, std::optional<std::string>("基层动态"));
    ASSERT_GE(r[1].paragraphs.size(), 1u);
    EXPECT_EQ(r[1].paragraphs[0], "——凤鸣村推行“积分制”治理纪实");
    EXPECT_EQ(r[2].title, std::nullopt);
    EXPECT_EQ(r[2].section, std::optional<std::string>("基层动态"));
    // A bare short line under a headline is a byline, not the headline's tail.
    r = parse_structure("记一位扎根乡村二十年的女教师\n李中文\n近日，记者来到凤鸣村小学。\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("记一位扎根乡村二十年的女教师"));
}

// A table of contents under a letter-spaced header (目　　录), with its columns' names and page
// numbers in brackets (◎…分析会………（1）), and items whose quotes the headline writes otherwise
// (“安全生产月” / "安全生产月"): front matter, no records. A sentence goes on over a page number
// even after a short clause (…按照“三管|— 1 —|三必须”要求,…).
TEST(Structure, ContentsWithPageNumbersAndColumns) {
    auto b = parse_bulletin_text(
        "鹤鸣经开简报\n第5期\n鹤鸣经济开发区党政办公室　　2025年5月30日\n\n目　　录\n\n【工作动态】\n"
        "◎经开区召开一季度经济运行分析会………………（1）\n◎经开区赴长三角开展精准招商……………（2）\n【简讯】………………（3）\n\n"
        "【工作动态】\n\n经开区召开一季度经济运行分析会\n\n4月28日上午，经开区召开一季度经济运行分析会。\n\n"
        "经开区赴长三角开展招商活动\n\n5月6日，经开区赴上海开展精准招商。\n\n【简讯】\n\n●5月8日，经开区举办培训班。\n");
    ASSERT_EQ(b.records.size(), 3u);
    EXPECT_EQ(b.records[0].title, std::optional<std::string>("经开区召开一季度经济运行分析会"));
    EXPECT_EQ(b.masthead.size(), 8u);
    b = parse_bulletin_text(
        "安全生产工作简报\n第6期\n莲塘区安委会办公室　2025年6月20日\n\n【本期导读】\n◇区领导督导“安全生产月”活动开展情况\n"
        "◇区安委会召开全体会议\n\n【领导关注】\n\n区领导督导\"安全生产月\"活动开展情况\n\n6月5日上午，区长甘立成带队督导。\n\n"
        "区安委会召开全体会议\n\n会上，欧文斌通报了1-5月全区安全生产情况。钟离浩要求，各成员单位要按照“三管\n\n— 1 —\n\n"
        "三必须”要求，切实履行行业监管职责。\n");
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_EQ(b.masthead.size(), 6u);
    EXPECT_NE(b.records[1].text().find("三必须"), std::string::npos);
}

// A table of contents item naming a column by its count (▲简讯三则) is part of the contents.
TEST(Structure, ContentsItemNamingAColumn) {
    auto b = parse_bulletin_text("开发区工作动态\n2025年第11期\n\n本期要目\n▲开发区召开安全生产工作会议\n▲简讯三则\n\n"
                                 "开发区召开安全生产工作会议\n\n6月3日，开发区召开安全生产工作会议。\n\n简讯\n\n"
                                 "◆6月5日，开发区团工委开展志愿服务活动。\n");
    ASSERT_FALSE(b.masthead.empty());
    EXPECT_EQ(b.masthead.back(), "▲简讯三则");
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_EQ(b.records[1].section, std::optional<std::string>("简讯"));
}

// An untitled article right under a column's header is the column's (代表风采 / 全国人大代表…).
TEST(Structure, UntitledArticleUnderAColumnHeader) {
    auto r = parse_structure("县政协召开常委会议\n\n5月14日，县政协召开常委会议。\n\n委员风采\n\n"
                             "县政协常委、丰禾农业专业合作社理事长房秀英，扎根农村二十多年。今年5月，她被评为带头人。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].title, std::nullopt);
    EXPECT_EQ(r[1].section, std::optional<std::string>("委员风采"));
}

// The print run closes the text in any of its usual wordings (（共印80份）, （本期共印　40份）).
TEST(Structure, PrintRunInTheColophon) {
    auto b = parse_bulletin_text("县农业农村局召开推进会\n\n2月18日，县农业农村局召开推进会。\n\n（本期共印　40份）\n");
    ASSERT_EQ(b.records.size(), 1u);
    EXPECT_EQ(b.colophon, std::vector<std::string>{"（本期共印　40份）"});
}

// Who edited and approved the issue (编发：…　审核：…) closes it as colophon, no record.
TEST(Structure, EditorAndApproverInTheColophon) {
    auto b = parse_bulletin_text("县司法局召开培训会\n\n9月28日，县司法局召开人民调解员培训会。\n\n编发：县委政法委办公室　　审核：麻建华\n");
    ASSERT_EQ(b.records.size(), 1u);
    EXPECT_EQ(b.colophon, std::vector<std::string>{"编发：县委政法委办公室　　审核：麻建华"});
}

// A text pasted from a PDF with no blank line but those around its page numbers: the page's blank
// lines are no layout (the columns and headlines are read by content), a sentence goes on over the
// page break even when its rest opens with 的 or its own full stop, and a number broken at a line's
// end is one number (全县1|2所).
TEST(Structure, PageBreaksInATextWithoutBlankLines) {
    auto r = parse_structure(
        "【重点项目】\n全县重点项目建设现场推进会召开\n7月15日上午，全县重点项目建设现场推进会召开。县长钟立新出席会议并讲话，\n"
        "副县长莫晓峰主持会议。1至6月，累计完成投资32.4亿元，占年度计划\n\n— 2 —\n\n的55.3%，实现“双过半”目标。\n"
        "【价格监测】\n县发改局开展教育收费专项检查\n7月22日，县发改局对全县1\n2所民办幼儿园开展专项检查。\n"
        "【工作简讯】\n△7月18日，县发改局召开党组理论学习中心组学习会。局长谭振宇主持并领学\n\n— 3 —\n\n。\n"
        "△7月24日，县粮食和物资储备中心开展夏粮入库质量抽检。\n");
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("全县重点项目建设现场推进会召开"));
    EXPECT_TRUE(r[0].paragraphs.back().ends_with("占年度计划的55.3%，实现“双过半”目标。")) << r[0].paragraphs.back();
    EXPECT_EQ(r[1].section, std::optional<std::string>("价格监测"));
    EXPECT_NE(r[1].paragraphs[0].find("全县12所"), std::string::npos) << r[1].paragraphs[0];
    EXPECT_EQ(r[2].section, std::optional<std::string>("工作简讯"));
    EXPECT_TRUE(r[2].paragraphs[0].ends_with("主持并领学。")) << r[2].paragraphs[0];
}

// Two lines of one list of names are two lines, not one broken (黄晓燕 / 周 涛), and neither is a
// headline; a list's last line does not run on over a blank line.
TEST(Structure, LinesOfAListOfNames) {
    auto r = parse_structure("市教育局召开中考备考工作推进会\n\n6月3日上午，市教育局召开中考备考工作推进会。\n\n"
                             "会上，澄川市第三中学校长何建国作交流发言。\n\n"
                             "我市表彰一批优秀教师\n\n近日，市教育局予以表彰。名单如下：\n\n优秀教师（10名）：\n"
                             "王丽华、陈志刚、刘 芳、赵明轩、黄晓燕\n周 涛、吴国庆、徐慧敏、孙 婷、马俊杰\n\n"
                             "优秀教育工作者（2名）：\n林建华　郭春燕\n");
    ASSERT_EQ(r.size(), 2u);
    const auto& p = r[1].paragraphs;
    EXPECT_NE(std::find(p.begin(), p.end(), "王丽华、陈志刚、刘 芳、赵明轩、黄晓燕"), p.end());
    EXPECT_NE(std::find(p.begin(), p.end(), "周 涛、吴国庆、徐慧敏、孙 婷、马俊杰"), p.end());
    EXPECT_NE(std::find(p.begin(), p.end(), "优秀教育工作者（2名）："), p.end());
}

// A letter-spaced masthead (审 计 工 作 简 报 / 第 3 期), a numbered column header right over a headline
// with a subtitle in a dense layout (一、重点工作), and an official document's printing note at the end
// (江城市文明办　2024年5月20日印发).
TEST(Structure, LetterSpacedMastheadNumberedColumnsAndPrintingNote) {
    auto b = parse_bulletin_text(
        "审 计 工 作 简 报\n第 3 期\n\n云溪县审计局办公室编          2024年3月28日\n\n"
        "一、重点工作\n我市启动“文明餐桌”主题宣传活动\n——全市200余家餐饮单位签署承诺书\n"
        "5月16日上午，“文明餐桌”主题宣传活动启动仪式在滨江广场举行。\n图为活动现场。\n\n"
        "团市委组织青年志愿者走进社区\n5月11日，团市委组织100余名青年志愿者走进社区。\n\n"
        "二、基层动态\n江城区开展文明交通劝导\n5月以来，江城区文明办设立文明交通劝导岗12个。\n\n"
        "抄送：市委宣传部\n江城市文明办                     2024年5月20日印发\n");
    ASSERT_EQ(b.masthead.size(), 3u);
    EXPECT_EQ(b.masthead[0], "审 计 工 作 简 报");
    ASSERT_EQ(b.records.size(), 3u);
    EXPECT_EQ(b.records[0].section, std::optional<std::string>("重点工作"));
    EXPECT_EQ(b.records[0].title, std::optional<std::string>("我市启动“文明餐桌”主题宣传活动"));
    EXPECT_EQ(b.records[2].section, std::optional<std::string>("基层动态"));
    EXPECT_EQ(b.records[2].title, std::optional<std::string>("江城区开展文明交通劝导"));
    ASSERT_EQ(b.colophon.size(), 2u);
    EXPECT_EQ(b.colophon[1], "江城市文明办                     2024年5月20日印发");
}

// Headlines without a gap under them: ending in ！ or ？ over a dated line in a text set without blank
// lines; set flush over an indented paragraph (　　据…统计，); a short heading over sentences (领导批示).
TEST(Structure, HeadlinesWithoutAGapUnderThem) {
    auto r = parse_structure("【景区动态】\n国庆假期全县接待游客\n10月4日，县文化和旅游局统计。\n家门口就业真好！\n"
                             "10月5日，县工商联组织活动。\n我们准备好了吗？\n10月6日，县委统战部召开座谈会。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("家门口就业真好！"));
    EXPECT_EQ(r[2].title, std::optional<std::string>("我们准备好了吗？"));
    r = parse_structure("【景区动态】\n国庆假期全县接待游客大幅增长\n　　据县文化和旅游局统计，10月1日至7日，全县接待游客。\n"
                        "　　假日期间，县文化和旅游局组成3个督查组进行巡查。\n\n翠屏山景区成功创建国家4A级旅游景区\n"
                        "　　9月27日，省文化和旅游厅公布名单。\n\n领导批示\n县委书记欧阳振东批示：督查通报指出的问题要高度重视。\n"
                        "县长蒙嘉禾批示：请县政府督查室牵头抓好落实。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("国庆假期全县接待游客大幅增长"));
    EXPECT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_EQ(r[1].section, std::optional<std::string>("景区动态"));
    EXPECT_EQ(r[2].title, std::optional<std::string>("领导批示"));
}

// An official notice in a dense layout: what its colon introduces over a blank line is the same
// article's, and its numbered headings stay lines of their own (三、存在问题 / 一是部分项目…).
TEST(Structure, ANoticeGoesOnAfterItsColon) {
    auto r = parse_structure("关于第一季度重点工作推进情况的督查通报\n\n各乡镇党委、政府：\n3月下旬，县委督查室对全县重点工作进行了督查。现将有关情况通报如下：\n\n"
                             "一、总体情况\n从督查情况看，第一季度重点工作总体推进有序。\n三、存在问题\n一是部分项目进度滞后。二是个别单位作风不实。\n\n"
                             "县委召开常委会议\n4月12日，县委召开常委会议。\n");
    ASSERT_EQ(r.size(), 2u);
    const auto& p = r[0].paragraphs;
    EXPECT_NE(std::find(p.begin(), p.end(), "一、总体情况"), p.end());
    EXPECT_NE(std::find(p.begin(), p.end(), "三、存在问题"), p.end());
    EXPECT_EQ(r[1].title, std::optional<std::string>("县委召开常委会议"));
}

// Numbered briefs under a column opening with a coarser date or 截至 (1.3月上旬，…; 3.截至3月14日，…) are
// briefs; a contents item naming a bare or framed column by its count (★简讯三则 over 【简讯】) is contents.
TEST(Structure, NumberedBriefsWithCoarseDatesAndCountedColumns) {
    auto b = parse_bulletin_text("就业创业工作动态\n2024年第3期\n\n本期要目\n★县人社局召开就业工作推进会\n★简讯三则\n\n"
                                 "县人社局召开就业工作推进会\n3月12日，县人社局召开第一季度就业工作推进会。\n\n【简讯】\n"
                                 "1.3月上旬，县就业服务中心举办职业技能培训班4期，培训农村劳动力210人。\n"
                                 "2.3月7日，县人社局组织企业赴县职业技术学校开展校园专场招聘。\n"
                                 "3.截至3月14日，全县已发放创业担保贷款2350万元。\n");
    ASSERT_FALSE(b.masthead.empty());
    EXPECT_NE(b.masthead.back().find("简讯三则"), std::string::npos);
    ASSERT_EQ(b.records.size(), 4u);
    EXPECT_EQ(b.records[0].title, std::optional<std::string>("县人社局召开就业工作推进会"));
    for (std::size_t k = 1; k < 4; ++k) {
        EXPECT_EQ(b.records[k].kind, RecordKind::brief) << k;
        EXPECT_EQ(b.records[k].section, std::optional<std::string>("简讯")) << k;
    }
}

// A known column name over a headline and its dated text in a dense layout, a blank line under the
// column name only (社区动态 / / 柳湾社区开展消防应急演练 / 11月6日晚，…).
TEST(Structure, ColumnNameOverAHeadlineInADenseLayout) {
    auto r = parse_structure("本周工作动态\n周一（11月4日）：街道召开会议，研究部署工作。\n周二：街道开展检查，发现隐患7处。\n\n社区动态\n\n"
                             "柳湾社区开展消防应急演练\n11月6日晚，柳湾社区开展演练，社区居民200余人参加。\n\n"
                             "青石社区食堂正式运营\n11月1日，青石社区食堂正式开门运营。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("柳湾社区开展消防应急演练"));
    EXPECT_EQ(r[1].section, std::optional<std::string>("社区动态"));
}

// The issuer's line without a date under the name and number is the masthead's (…办公室编).
TEST(Structure, IssuerLineWithoutADate) {
    auto b = parse_bulletin_text("临港产业园工作简报\n\n二〇二四年第十二期\n\n临港产业园管理委员会办公室编\n\n"
                                 "产业园召开述职评议大会\n\n12月26日上午，产业园召开2024年度述职评议大会。\n");
    ASSERT_EQ(b.masthead.size(), 3u);
    EXPECT_EQ(b.masthead[2], "临港产业园管理委员会办公室编");
    ASSERT_EQ(b.records.size(), 1u);
}

// Column names of market-supervision and party bulletins (执法办案) head their columns.
TEST(Structure, MoreColumnNames) {
    auto r = parse_structure("市局开展专项检查\n\n3月12日上午，市局开展食品安全专项检查。\n\n执法办案\n\n"
                             "近日，城南市场监管所依法查处一起销售过期食品案，罚款5万元。\n\n3月6日，市局稽查支队查处一起商标侵权案。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].section, std::optional<std::string>("执法办案"));
    EXPECT_EQ(r[2].section, std::optional<std::string>("执法办案"));
}

// A numbered column of any name alone over a headline, blank lines around both, in a dense layout
// (一、重要会议 / / 街道召开…会 / / text), heads its column; a paragraph cut after a title goes on in
// the name on the next line (…办事处主任|梁红梅，党工委委员…), short clause though that line opens with.
TEST(Structure, NumberedColumnOverAHeadlineAndANameAfterACut) {
    auto r = parse_structure("一、重要会议\n\n街道召开第三季度安全生产形势分析会\n\n"
                             "9月15日下午，街道召开第三季度安全生产形势分析会。街道党工委书记邵海峰，党工委副书记、办事处主任\n"
                             "梁红梅，党工委委员、副主任林涛出席会议。会议由林涛同志主持。\n"
                             "会上，各单位分别通报了辖区安全生产形势。\n\n二、民生实事\n\n街道联合区人社局举办秋季招聘会\n\n"
                             "9月18日上午，区人社局举办招聘会。本次招聘会共吸引46家企业参会。\n区人社局副局长钱志远到现场指导。\n"
                             "现场达成就业意向286人。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("街道召开第三季度安全生产形势分析会"));
    EXPECT_EQ(r[0].section, std::optional<std::string>("重要会议"));
    ASSERT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_NE(r[0].paragraphs[0].find("办事处主任梁红梅"), std::string::npos);
    EXPECT_EQ(r[1].section, std::optional<std::string>("民生实事"));
}

// A column named by what it covers (综合简讯: a listed column word after its field) over bullet
// items is their header, not an article without text.
TEST(Structure, ColumnNamedByItsFieldOverBullets) {
    auto r = parse_structure("综合简讯\n\n●12月1日至3日，县委常委、宣传部部长李红带队赴浙江学习考察美丽乡村建设。\n"
                             "●12月5日上午，日本客商一行到我县考察投资环境，副县长万强陪同。\n"
                             "●12月10日，县委书记周平在县委党校讲授专题党课。\n");
    ASSERT_EQ(r.size(), 3u);
    for (const auto& b : r) {
        EXPECT_EQ(b.kind, RecordKind::brief);
        EXPECT_EQ(b.section, std::optional<std::string>("综合简讯"));
    }
}

// A roll call's lead-in (出席会议的还有：) and its names, blank lines around them, are the report's.
TEST(Structure, RollCallAfterAReport) {
    auto r = parse_structure("县人大常委会召开第二十六次会议\n\n10月28日，县人大常委会召开会议。会议由主任主持。\n会议听取了报告。\n\n"
                             "出席会议的还有：\n何静　宋涛　赵　刚　吕晓梅\n\n县人大常委会组织代表视察重点项目\n\n10月15日，代表视察了项目。\n视察组认为推进有力。\n");
    ASSERT_EQ(r.size(), 2u);
    ASSERT_EQ(r[0].paragraphs.size(), 4u);
    EXPECT_EQ(r[0].paragraphs[2], "出席会议的还有：");
}

// The lead-in and the names on one line, right under the text, are no headline, and the roll call
// ends its paragraph: the photo's caption after it is a paragraph of its own.
TEST(Structure, RollCallOnOneLine) {
    auto r = parse_structure("区领导慰问一线职工\n\n5月1日，区党工委副书记王建军走访慰问了坚守一线的劳动者。\n"
                             "出席活动的还有：张明　李华　赵　刚　陈晓丽\n\n图为慰问现场。（区党政办供图）\n");
    ASSERT_EQ(r.size(), 1u);
    ASSERT_EQ(r[0].paragraphs.size(), 3u);
    EXPECT_EQ(r[0].paragraphs[1], "出席活动的还有：张明　李华　赵　刚　陈晓丽");
    EXPECT_EQ(r[0].paragraphs[2], "图为慰问现场。（区党政办供图）");
}

// Who wrote it, in brackets and set apart under a headlined article, is the article's last line,
// no record of its own.
TEST(Structure, BylineSetApartAfterItsArticle) {
    auto r = parse_structure("县人大常委会召开主任会议\n\n6月3日，县人大常委会主任欧阳明主持召开主任会议。\n会后，欧阳明一行察看防汛物资储备情况。\n\n"
                             "（县人大办 文/图 林一凡）\n");
    ASSERT_EQ(r.size(), 1u);
    ASSERT_EQ(r[0].paragraphs.size(), 3u);
    EXPECT_EQ(r[0].paragraphs[2], "（县人大办 文/图 林一凡）");
}

// A photo's caption set apart right after a headlined article, naming no day of its own, is that
// article's photo.
TEST(Structure, CaptionSetApartAfterItsArticle) {
    auto r = parse_structure("本报讯（记者 韩思远）3月12日是第47个植树节。当天上午，县领导参加义务植树活动。\n大家挥锹铲土，干劲十足。\n文/图 韩思远\n\n"
                             "县政协召开十届五次常委会议\n\n3月14日，县政协召开十届五次常委会议。县政协主席封建明主持会议。\n"
                             "会议协商通过了县政协2025年度协商计划。\n\n图为会议现场。（摄影 曾庆余）\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].paragraphs.size(), 3u);
}

// A bullet item after an article opening with a word of time or a month's part (●上周五（12月5日），…,
// ●11月下旬以来，…) is a brief, as one opening with its day is.
TEST(Structure, BulletsOpeningWithAWordOfTimeAreBriefs) {
    auto r = parse_structure("县长黎小川会见省交通投资集团客人\n\n12月9日下午，县长黎小川会见了省交通投资集团客人。\n双方进行了深入交流。\n\n"
                             "●上周五（12月5日），县税务局开展宣传活动。\n●11月下旬以来，全县共排查整治各类安全隐患312处。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].kind, RecordKind::brief);
    EXPECT_EQ(r[2].kind, RecordKind::brief);
}

// Who wrote it, in brackets under the last brief, is that brief's last line, no record of its own.
TEST(Structure, CreditUnderABrief) {
    auto r = parse_structure("县商务局召开工作会议\n\n1月5日，县商务局召开工作会议，会议部署了重点任务。\n\n"
                             "●9月5日，县商务局组织12家企业参加博览会。\n●9月24日，县电子商务公共服务中心通过省级验收。\n\n"
                             "（县商务局综合科　鞠晓东）\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[2].kind, RecordKind::brief);
    ASSERT_EQ(r[2].paragraphs.size(), 2u);
    EXPECT_EQ(r[2].paragraphs[1], "（县商务局综合科　鞠晓东）");
}

// A column's name set between two of the same mark (◆重要活动◆, ★简讯★) is its header, no bullet
// brief, and the mark is no part of the next headline.
TEST(Structure, ColumnNameBetweenTwoMarks) {
    auto r = parse_structure("◆重要活动◆\n\n管委会主任调研重点项目建设\n\n十一月二十日上午，管委会主任苏建新带队调研重点项目建设情况。\n\n"
                             "◆招商引资◆\n\n11月份，全区新签约项目8个，协议总投资45.6亿元。11月9日，开发区在深圳举办投资说明会。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].section, std::optional<std::string>("重要活动"));
    EXPECT_EQ(r[0].title, std::optional<std::string>("管委会主任调研重点项目建设"));
    EXPECT_EQ(r[1].section, std::optional<std::string>("招商引资"));
    EXPECT_EQ(r[1].title, std::nullopt);
}

// Set without blank lines between paragraphs: numbered headlines under a numbered column (一、 /
// （一）… / （二）…) are articles of their own, and a numbered column over numbered briefs (二、社区动态 /
// 1.4月12日，…) holds them as briefs.
TEST(Structure, NumberedHeadlinesAndBriefsSetDense) {
    auto r = parse_structure(
        "一、重点工作\n（一）街道召开一季度经济运行分析会\n4月8日，街道党工委书记蔡文杰主持召开一季度经济运行分析会。街道办事处主任黄丽萍通报了完成情况。\n"
        "（二）街道开展安全生产大排查\n4月10日至20日，街道组织安监、消防、城管等部门开展安全生产大排查，排查整改隐患127处。\n\n"
        "二、社区动态\n1.4月12日，桂园社区联合辖区共建单位市第二人民医院开展义诊活动。\n2.4月19日，金沙社区党委书记梁晓燕走访慰问辖区困难群众15户。\n"
        "3.4月23日，幸福里社区举办读书分享会。\n");
    ASSERT_EQ(r.size(), 5u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("街道召开一季度经济运行分析会"));
    EXPECT_EQ(r[1].title, std::optional<std::string>("街道开展安全生产大排查"));
    EXPECT_EQ(r[1].section, std::optional<std::string>("重点工作"));
    for (std::size_t k = 2; k < 5; ++k) {
        EXPECT_EQ(r[k].kind, RecordKind::brief);
        EXPECT_EQ(r[k].section, std::optional<std::string>("社区动态"));
    }
    EXPECT_EQ(r[2].paragraphs[0].rfind("4月12日", 0), 0u);
}

// A named column over numbered photos (图片新闻 / １、１月１８日，…（新华社记者刘宇摄）) is one article, as
// PFR's pages set it; only a numbered column holds numbered briefs.
TEST(Structure, NumberedPhotosUnderAPhotoColumnAreOneArticle) {
    auto r = parse_structure("奥地利将不加入北约\n\n据新华社维也纳1月18日电，奥地利总理克利马说，奥地利将不加入北约。\n"
                             "他说，“我们必须为奥地利作出最好的选择”。\n克利马还说，1998年是奥地利的第二个“改革年”。\n\n\n"
                             "图片新闻\n\n１、１月１８日，北美菁英交响乐团在华盛顿举行首演，庆祝中国农历新春。（新华社记者刘宇摄）\n"
                             "２、１月１８日，约旦警察在外交官的官邸外展开取证调查。（新华社发美联社照片）\n\n\n"
                             "突尼斯呼吁铲除恐怖主义\n\n据新华社阿尔及尔1月18日电，突尼斯外长呼吁铲除恐怖主义。\n"
                             "阿尔及利亚总统泽鲁阿勒当天会见了穆斯塔法。\n他表示相信，阿尔及利亚人民有能力对付恐怖活动。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("图片新闻"));
    EXPECT_EQ(r[1].paragraphs.size(), 2u);
}

// Set without any blank line: headlines of like length are no page width that would join them
// to the text (a feature's headline over its subtitle, ——记…, and 编者按), and a subtitle under a
// headline opens with a dash yet continues nothing.
TEST(Structure, FeatureHeadlineOverSubtitleSetWithoutBlankLines) {
    auto r = parse_structure(
        "镇党委召开理论学习中心组专题学习会\n7月3日，镇党委召开理论学习中心组专题学习会，镇党委书记秦海波主持会议并领学。镇党委副书记、镇长于晓燕参加学习。\n"
        "会议要求，全镇党员干部要把学习成果转化为推动工作的实际成效。\n"
        "扎根基层二十年　甘当群众“贴心人”\n——记云溪镇桃花村党支部书记周秀兰\n"
        "编者按：周秀兰同志扎根农村基层二十年，带领群众发展特色产业。现将她的事迹刊发，供学习。\n"
        "2003年，周秀兰当选桃花村党支部书记。二十年来，她带领村民修路架桥，发展茶叶种植3000亩。\n"
        "“群众的事再小也是大事。”这是周秀兰常挂在嘴边的一句话。\n"
        "我镇开展“七一”走访慰问老党员活动\n7月1日前夕，镇领导班子成员分组走访慰问了全镇86名老党员和生活困难党员。\n"
        "镇党委书记秦海波来到桃花村，看望了入党60年的老党员曹德福。\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("扎根基层二十年　甘当群众“贴心人”"));
    ASSERT_FALSE(r[1].paragraphs.empty());
    EXPECT_EQ(r[1].paragraphs[0], "——记云溪镇桃花村党支部书记周秀兰");
    EXPECT_EQ(r[2].title, std::optional<std::string>("我镇开展“七一”走访慰问老党员活动"));
}

// An article's numbered parts with short labels (一、强化组织领导 / 6月3日，…) stay inside it, even
// over dated text; a numbered news headline does not (（二）街道开展安全生产大排查: see above).
TEST(Structure, NumberedPartsWithShortLabelsStayInTheArticle) {
    auto r = parse_structure(
        "我县扎实开展安全生产月活动\n今年6月是第23个全国“安全生产月”。我县紧扣主题，扎实开展各项活动。\n"
        "一、强化组织领导\n6月3日，县安委会召开安全生产月活动动员部署会，副县长黄志军出席并讲话。\n"
        "二、突出宣传教育\n6月16日，县应急管理局在县城中心广场开展“安全宣传咨询日”活动。\n"
        "下一步，我县将持续巩固活动成果。\n");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("我县扎实开展安全生产月活动"));
    const auto& p = r[0].paragraphs;
    EXPECT_NE(std::find(p.begin(), p.end(), "二、突出宣传教育"), p.end());
}

// A column's article whose headline stands over closed paragraphs only, none dated or opening as
// news does, keeps its headline, and the next article under it keeps the column.
TEST(Structure, HeadlineOverClosedParagraphsOnly) {
    auto r = parse_structure(
        "测试简报\n2023年6月20日\n\n【委员风采】\n戴红英：扎根乡村的“田秀才”\n县政协委员戴红英十年来带领农户种植高山蔬菜。\n"
        "谈起履职心得，戴红英说：“委员就要多为群众说话。”\n\n潘立军：把论文写在车间里\n县政协委员潘立军长期从事农机装备研发。\n\n"
        "【他山之石】\n邻县南溪县探索林长河长联动机制\n南溪县将林长制与河长制有机结合。\n\n【简讯】\n● 6月17日，县市场监督管理局开展宣传活动。\n");
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("戴红英：扎根乡村的“田秀才”"));
    EXPECT_EQ(r[0].paragraphs.size(), 2u);
    EXPECT_EQ(r[1].title, std::optional<std::string>("潘立军：把论文写在车间里"));
    EXPECT_EQ(r[1].section, std::optional<std::string>("委员风采"));
    EXPECT_EQ(r[2].title, std::optional<std::string>("邻县南溪县探索林长河长联动机制"));
    EXPECT_EQ(r[2].section, std::optional<std::string>("他山之石"));
}

// A hyphen and a space open a brief as ● does (the ASCII form: - 6月5日,…); a contents list's item
// naming a column with a bullet (◎简讯) is part of the contents.
TEST(Structure, AsciiBulletsAndABulletedColumnInTheContents) {
    auto r = parse_structure("测试简报\n2023年6月20日\n\n我局破获一起诈骗案\n    6月12日,县公安局破获一起诈骗案.\n\n[简讯]\n"
                             "- 6月5日,县公安局召开动员会.\n- 6月8日,县交警大队开展整治行动.\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[1].kind, RecordKind::brief);
    ASSERT_FALSE(r[1].paragraphs.empty());
    EXPECT_EQ(r[1].paragraphs[0], "6月5日,县公安局召开动员会."); // (punctuation is normalised before this stage)
    r = parse_structure("测试简报\n2023年6月20日\n\n本期要目\n◎我局破获一起诈骗案\n◎简讯\n\n我局破获一起诈骗案\n　　6月12日，县公安局破获一起诈骗案。\n\n"
                        "【简讯】\n●6月5日，县公安局召开动员会。\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].title, std::optional<std::string>("我局破获一起诈骗案"));
}

// A traditional-character bulletin's caption (圖為…（…攝）) is a caption as 图为 is.
TEST(Structure, TraditionalCaptions) {
    auto r = parse_structure("統戰工作簡報\n2023年6月30日\n\n【工作動態】\n\n●6月12日，縣工商聯組織開展活動。\n\n"
                             "圖為第二屆懇親聯誼會現場。（縣委統戰部　陳曉婷　攝）\n");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r.back().kind, RecordKind::caption);
}
