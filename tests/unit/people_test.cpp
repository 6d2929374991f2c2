#include "jianbao/extract/people.hpp"
#include "jianbao/pipeline/pipeline.hpp"
#include "jianbao/segment/words.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace jianbao;

namespace {

const PeopleExtractor& extractor() {
    static PeopleExtractor x;
    return x;
}

WordSegmenter& segmenter() {
    static WordSegmenter s;
    return s;
}

std::vector<Person> run(const std::string& text) {
    auto words = segmenter().words(text);
    ExtractContext ctx{text, words, {}, false};
    return extractor().extract(ctx);
}

const Person* find(const std::vector<Person>& ps, const std::string& name) {
    for (const auto& p : ps)
        if (p.name == name) return &p;
    return nullptr;
}

std::set<std::string> names(const std::vector<Person>& ps) {
    std::set<std::string> out;
    for (const auto& p : ps) out.insert(p.name);
    return out;
}

std::string dump(const std::vector<Person>& ps) {
    std::string out;
    for (const auto& p : ps) {
        out += p.name + "[";
        for (const auto& t : p.titles) out += t + ";";
        out += "]x" + std::to_string(p.mentions) + " ";
    }
    return out;
}

// What the decoder hands the extractors: ASCII ,;:?!() next to Han turned full-width.
std::string normalise(const std::string& s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
        case ',': out += "，"; break;
        case ';': out += "；"; break;
        case ':': out += "："; break;
        case '?': out += "？"; break;
        case '!': out += "！"; break;
        case '(': out += "（"; break;
        case ')': out += "）"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(People, TitlesBeforeNameSplitAtEnumerationComma) {
    auto ps = run("12月9日上午，扬州市委副书记、代市长王进健来邮调研开发园区工作。");
    const Person* p = find(ps, "王进健");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, (std::vector<std::string>{"扬州市委副书记", "代市长"}));
    EXPECT_EQ(ps.size(), 1u) << dump(ps);
}

// 经 is a break word reading a title leftwards (经市委批准), but it also opens unit names
// (title_openers.txt): 经开区党工委书记, not 开区党工委书记.
TEST(People, TitleOfAUnitOpeningWithABreakWord) {
    auto ps = run("经开区党工委书记张明、经发局局长王芳出席。经市委批准，县委书记李强讲话。");
    ASSERT_NE(find(ps, "张明"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "张明")->titles, (std::vector<std::string>{"经开区党工委书记"}));
    ASSERT_NE(find(ps, "王芳"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "王芳")->titles, (std::vector<std::string>{"经发局局长"}));
    ASSERT_NE(find(ps, "李强"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "李强")->titles, (std::vector<std::string>{"县委书记"}));
}

// An assistant's post is a title (titles.txt: 助理): 集团总经理助理, 县长助理.
TEST(People, AssistantsPosts) {
    auto ps = run("集团总经理助理、技术中心主任孟凡签约。县长助理王晓明出席。");
    ASSERT_NE(find(ps, "孟凡"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "孟凡")->titles, (std::vector<std::string>{"集团总经理助理", "技术中心主任"}));
    ASSERT_NE(find(ps, "王晓明"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "王晓明")->titles, (std::vector<std::string>{"县长助理"}));
}

// A one-character break word (为) that ends a two-character brand opening the clause, each
// character a word of its own to ICU (华|为), is the brand's: the title keeps the company's name.
TEST(People, TitleOfABrandEndingInABreakCharacter) {
    auto ps = run("华为技术有限公司东江代表处总经理邝家豪等出席仪式。");
    ASSERT_NE(find(ps, "邝家豪"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "邝家豪")->titles, (std::vector<std::string>{"华为技术有限公司东江代表处总经理"}));
    ps = run("他被评为技术标兵，车间主任李刚为他颁奖。");
    ASSERT_NE(find(ps, "李刚"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "李刚")->titles, (std::vector<std::string>{"车间主任"}));
}

// Role nouns of local news before a name (传承人, 养殖户, 网格员: person_cues.txt) make it a name
// (陈|阿福: ICU knows 阿福 as a word).
TEST(People, RoleNounsOfLocalNews) {
    auto ps = run("国家级非遗项目“渔歌”传承人陈阿福现场表演。");
    EXPECT_NE(find(ps, "陈阿福"), nullptr) << dump(ps);
    ps = run("养殖户王大军介绍，今年收入增加了。");
    EXPECT_NE(find(ps, "王大军"), nullptr) << dump(ps);
}

// A bracket closing a paragraph that credits a unit (（经发局）, （党政办）) names no person; a
// writer's name there still is one.
TEST(People, AUnitCreditedInABracketIsNoPerson) {
    auto ps = run("管委会副主任柏海峰走访了企业，详细了解企业生产经营情况。（经发局）");
    EXPECT_EQ(find(ps, "经发局"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "柏海峰"), nullptr) << dump(ps);
    ps = run("详细了解企业生产经营情况。（党政办　王强）");
    EXPECT_EQ(find(ps, "党政办"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "王强"), nullptr) << dump(ps);
}

// A hospital's nursing post is a title (titles.txt: 护士长).
TEST(People, NursingPosts) {
    auto ps = run("近日，市里公布了名单，县人民医院护士长屈小雨榜上有名。");
    ASSERT_NE(find(ps, "屈小雨"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "屈小雨")->titles, (std::vector<std::string>{"县人民医院护士长"}));
}

// A name the model cut after two characters (甘伟|国到: 甘 is a rarer surname) is the three found
// elsewhere in the record, titles kept; 到 and 赴 follow names (person_stops.txt).
TEST(People, ANameCutShortIsTheOneFoundElsewhere) {
    auto ps = run("县委书记甘伟国来我镇调研。甘伟国一行察看了项目。");
    ASSERT_NE(find(ps, "甘伟国"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "甘伟"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "甘伟国")->titles, (std::vector<std::string>{"县委书记"}));
    ps = run("3月6日，市委书记甘伟国到桐江市新时代文明实践中心调研。");
    ASSERT_NE(find(ps, "甘伟国"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "甘伟国")->titles, (std::vector<std::string>{"市委书记"}));
}

// A company's title keeps a brand in capitals before its bracket (ABB（中国）有限公司副总裁); a
// Japanese given name ICU keeps as one word ends like one (田中|健一: person_japanese_given_endings.txt).
TEST(People, ForeignCompaniesTitlesAndJapaneseNames) {
    auto ps = run("9月5日，ABB（中国）有限公司副总裁Thomas Mueller一行来区洽谈扩大投资事宜。");
    ASSERT_NE(find(ps, "Thomas Mueller"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "Thomas Mueller")->titles, (std::vector<std::string>{"ABB（中国）有限公司副总裁"}));
    ps = run("日本电产株式会社执行董事田中健一、尹海龙代表双方签约。");
    EXPECT_NE(find(ps, "田中健一"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "田中"), nullptr) << dump(ps);
}

// A break character inside a dictionary word is no break (成都's 都 is not "also", 有限's 有 not
// "there is"); a title that is also a verb is no title before what it governs (代表双方签约);
// 有 itself ends a title phrase read leftwards (出席的有|市人大代表).
TEST(People, TitlesKeepWordsHoldingABreakCharacter) {
    auto ps = run("成都农商银行党委副书记、行长鲁明远，成都农商银行龙溪支行行长侯建军代表双方签约。");
    ASSERT_NE(find(ps, "鲁明远"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "鲁明远")->titles, (std::vector<std::string>{"成都农商银行党委副书记", "行长"}));
    ASSERT_NE(find(ps, "侯建军"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "侯建军")->titles, (std::vector<std::string>{"成都农商银行龙溪支行行长"}));
    ps = run("出席会议的有市人大代表王中军，扬州华远有限公司董事长李明。");
    ASSERT_NE(find(ps, "王中军"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "王中军")->titles, (std::vector<std::string>{"市人大代表"}));
    ASSERT_NE(find(ps, "李明"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "李明")->titles, (std::vector<std::string>{"扬州华远有限公司董事长"}));
}

// A name in Latin letters after a title or before 一行/先生; acronyms and Latin words elsewhere
// are no names. A long company's title is kept whole (17 characters).
TEST(People, LatinNamesAfterATitleOrBeforeAnEndingWord) {
    auto ps = run("9月20日，湖北天润环保科技股份有限公司总经理John Smith一行来街道考察投资环境。");
    ASSERT_NE(find(ps, "John Smith"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "John Smith")->titles, (std::vector<std::string>{"湖北天润环保科技股份有限公司总经理"}));
    ps = run("县长会见了美国客人Mark Wilson先生。");
    EXPECT_NE(find(ps, "Mark Wilson"), nullptr) << dump(ps);
    ps = run("公司使用NEC和TCL的产品，他说Hello World很好。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

TEST(People, CommaSeparatesPeopleWithTheirOwnTitles) {
    auto ps = run("我市市委书记张利，市委常委、常务副市长王学峰，开发区党工委副书记、管委会主任金锋等陪同调研。");
    ASSERT_EQ(names(ps), (std::set<std::string>{"张利", "王学峰", "金锋"})) << dump(ps);
    EXPECT_EQ(find(ps, "张利")->titles, (std::vector<std::string>{"市委书记"}));
    EXPECT_EQ(find(ps, "王学峰")->titles, (std::vector<std::string>{"市委常委", "常务副市长"}));
    EXPECT_EQ(find(ps, "金锋")->titles, (std::vector<std::string>{"开发区党工委副书记", "管委会主任"}));
}

// A photo caption's lead is not part of the title after it.
TEST(People, CaptionLeadIsNoPartOfTheTitle) {
    auto ps = run("图为县委书记黄卫东（中）在金沙村察看高标准农田建设情况。");
    ASSERT_NE(find(ps, "黄卫东"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "黄卫东")->titles, (std::vector<std::string>{"县委书记"}));
}

// A title before a 、-list of names is each one's; a name of the list with its own title keeps
// only that, and the list ends at a comma.
TEST(People, TitleBeforeAListIsEachOnes) {
    auto ps = run("县人大常委会主任陈国平主持会议，副主任刘晓东、王丽、马建军，秘书长孙立出席会议。");
    ASSERT_EQ(names(ps), (std::set<std::string>{"陈国平", "刘晓东", "王丽", "马建军", "孙立"})) << dump(ps);
    for (const char* n : {"刘晓东", "王丽", "马建军"}) EXPECT_EQ(find(ps, n)->titles, (std::vector<std::string>{"副主任"})) << n;
    EXPECT_EQ(find(ps, "孙立")->titles, (std::vector<std::string>{"秘书长"}));
    ps = run("市委书记张明、市长李华出席活动。");
    EXPECT_EQ(find(ps, "李华")->titles, (std::vector<std::string>{"市长"})) << dump(ps);
}

// The object of an appointment or a removal is a person (任命…为, 免去…的…职务), and the title
// named with it, up to the clause's end, is theirs.
TEST(People, AppointedAndRemovedArePeople) {
    auto ps = run("会议决定任命王小明为县发展和改革局局长，李红梅为县教育局局长；免去赵强的县教育局局长职务。");
    ASSERT_EQ(names(ps), (std::set<std::string>{"王小明", "李红梅", "赵强"})) << dump(ps);
    // and the title named with it is theirs
    EXPECT_EQ(find(ps, "王小明")->titles, (std::vector<std::string>{"县发展和改革局局长"}));
    EXPECT_EQ(find(ps, "李红梅")->titles, (std::vector<std::string>{"县教育局局长"}));
    EXPECT_EQ(find(ps, "赵强")->titles, (std::vector<std::string>{"县教育局局长"}));
    ps = run("大会选举周海燕同志为县人民政府县长，陶建国当选为副县长。");
    EXPECT_EQ(find(ps, "陶建国")->titles, (std::vector<std::string>{"副县长"})) << dump(ps);
    EXPECT_EQ(find(ps, "周海燕")->titles, (std::vector<std::string>{"同志", "县人民政府县长"})) << dump(ps);
    ps = run("王小明为此付出了很多。");
    for (const auto& p : ps) EXPECT_TRUE(p.titles.empty()) << dump(ps);
}

TEST(People, GroupLabelListGivesPeopleWithoutTitles) {
    auto ps = run("县委副书记周国强，县领导陈海波、刘建华、赵明、孙立新等共同见证项目签约。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"周国强", "陈海波", "刘建华", "赵明", "孙立新"})) << dump(ps);
    for (const char* n : {"陈海波", "刘建华", "赵明", "孙立新"}) {
        ASSERT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
        EXPECT_TRUE(find(ps, n)->titles.empty()) << n << " " << dump(ps);
    }
}

// A roll call led by a title (出席会议的县委常委有：) gives it to each name with none of its own; a
// group's label that is no title (县领导有：) gives none.
TEST(People, RollCallLedByATitle) {
    auto ps = run("县委书记聂卫东主持会议。出席会议的县委常委有：\n赵　刚　钟晓燕　卢振华\n列席会议的有：县政协主席祁红。");
    for (const char* n : {"赵刚", "钟晓燕", "卢振华"}) {
        ASSERT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
        EXPECT_EQ(find(ps, n)->titles, (std::vector<std::string>{"县委常委"})) << n;
    }
    ASSERT_NE(find(ps, "祁红"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "祁红")->titles, (std::vector<std::string>{"县政协主席"}));
    ps = run("出席会议的县领导有：王刚、李强。");
    for (const auto& p : ps) EXPECT_TRUE(p.titles.empty()) << dump(ps);
}

TEST(People, YixingAndDengEndTheName) {
    auto ps = run("在园区，王进健一行来到企业。陈立新等参加活动。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"王进健", "陈立新"})) << dump(ps);
}

TEST(People, PlaceCompanyAndTimeWordsAreNotPeople) {
    for (const char* text : {"在金塘社区、东墩社区老集镇察看环境。", "昌农村、花王村分别作表态发言。",
                             "利用华山路现有厂房3.37万㎡建设。", "今天下午召开会议。",
                             "江苏亿多力新能源科技有限公司投资。", "马棚街道各相关部门单位参加。"}) {
        auto ps = run(text);
        EXPECT_TRUE(ps.empty()) << text << " -> " << dump(ps);
    }
}

TEST(People, BylinesAndPhotoCredits) {
    auto ps = run("江泽民在茶话会上发表重要讲话。（新华社记者王新庆摄）");
    EXPECT_EQ(names(ps), (std::set<std::string>{"江泽民", "王新庆"})) << dump(ps);
    ps = run("本报北京１月１日讯　记者李长云报道：会议在京召开。（杜中武　孙传刚）");
    EXPECT_TRUE(find(ps, "杜中武") && find(ps, "孙传刚") && find(ps, "李长云")) << dump(ps);
}

TEST(People, ForeignAndDottedNames) {
    auto ps = run("俄罗斯总统叶利钦和美国总统克林顿通了电话，司马义·艾买提出席。");
    EXPECT_TRUE(find(ps, "叶利钦") && find(ps, "克林顿") && find(ps, "司马义·艾买提")) << dump(ps);
    ASSERT_NE(find(ps, "克林顿"), nullptr);
    EXPECT_EQ(find(ps, "克林顿")->titles, (std::vector<std::string>{"美国总统"}));
}

TEST(People, TitleNextToNameDoesNotBreakIt) {
    auto ps = run("会上，党组书记江成作了讲话。王中军代表在发言中说。习近平总书记的重要讲话。");
    ASSERT_TRUE(find(ps, "江成") && find(ps, "王中军") && find(ps, "习近平")) << dump(ps);
    EXPECT_EQ(find(ps, "江成")->titles, (std::vector<std::string>{"党组书记"}));
    EXPECT_EQ(find(ps, "王中军")->titles, (std::vector<std::string>{"代表"}));
    EXPECT_EQ(find(ps, "习近平")->titles, (std::vector<std::string>{"总书记"}));
}

TEST(People, TitleAfterNameAndLaterMentions) {
    auto ps = run("金锋主任出席会议。李四同志讲话。金锋强调，要做好工作。");
    ASSERT_TRUE(find(ps, "金锋") && find(ps, "李四")) << dump(ps);
    EXPECT_EQ(find(ps, "金锋")->titles, (std::vector<std::string>{"主任"}));
    EXPECT_EQ(find(ps, "金锋")->mentions, 2);
    EXPECT_EQ(find(ps, "李四")->titles, (std::vector<std::string>{"同志"}));
}

TEST(People, OrganisationBeforeEnumerationCommaIsNoTitle) {
    auto ps = run("12月24日下午，市委、宣传部长杨文喜一行到开发区督查。");
    ASSERT_NE(find(ps, "杨文喜"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "杨文喜")->titles, (std::vector<std::string>{"宣传部长"}));
}

// The sample bulletin against its hand annotation, record by record in gold order.
// Frequent words that begin with a surname character (关, 国, 党, 经, 和 …) are no people: the
// model's NK feature knows them as strings that were never a name in the text learned from.
TEST(People, FrequentWordsStartingWithASurnameAreNotPeople) {
    for (const char* text : {"关于进一步加强经济工作的通知。", "国家有关部门和党中央高度重视这项工作。",
                             "双方就共同关心的国际和地区问题交换了意见。", "经过认真讨论，代表们通过了决议。"}) {
        auto ps = run(text);
        EXPECT_TRUE(ps.empty()) << text << " -> " << dump(ps);
    }
}

// Names with given-name characters the model has rarely or never seen, held up by their context:
// a 、-list of name-shaped items, a speech verb after, a title before.
TEST(People, UnseenNamesInListsAndBeforeVerbs) {
    auto ps = run("出席座谈会的有郑颖岚、贺俊彬、冼志韬等。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"郑颖岚", "贺俊彬", "冼志韬"})) << dump(ps);
    ps = run("谭晓岚表示，今年将继续推进项目建设。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"谭晓岚"})) << dump(ps);
    ps = run("县委副书记、县长钟昊天主持会议。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"钟昊天"})) << dump(ps);
}

TEST(People, SeedBulletinMatchesGold) {
    std::filesystem::path shared = JIANBAO_TEST_SHARED_DIR;
    if (!std::filesystem::exists(shared / "seed" / "gold.json")) GTEST_SKIP() << "no " << shared;
    auto gold = nlohmann::json::parse(read_file(shared / "seed" / "gold.json"));
    std::istringstream in(normalise(read_file(shared / "seed" / "kaifaqu-2021-12.txt")));
    // Split into records: a gold title line starts an article, ● a brief, a plain line after briefs the caption.
    const auto& grec = gold["records"];
    std::vector<std::string> texts;
    std::size_t next = 0;
    bool in_briefs = false;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line == "要闻快览") continue;
        bool start = false;
        if (next < grec.size() && grec[next]["title"].is_string() &&
            normalise(grec[next]["title"].get<std::string>()) == line)
            start = true;
        else if (utf8::starts_with(line, "●")) start = in_briefs = true;
        else if (in_briefs) start = true, in_briefs = false;
        if (start) {
            texts.emplace_back();
            ++next;
        }
        if (!texts.empty()) texts.back() += (texts.back().empty() ? "" : "\n") + line;
    }
    ASSERT_EQ(texts.size(), grec.size());
    int tp = 0, fp = 0, fn = 0, t_hit = 0, t_all = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto ps = run(texts[i]);
        std::set<std::string> want;
        for (auto& [name, titles] : grec[i]["people"].items()) {
            want.insert(name);
            const Person* p = find(ps, name);
            if (!p) {
                ++fn;
                ADD_FAILURE() << "record " << i + 1 << ": missed " << name << " got " << dump(ps);
            } else {
                ++tp;
            }
            for (const auto& t : titles) {
                ++t_all;
                bool ok = p && std::any_of(p->titles.begin(), p->titles.end(), [&](const std::string& x) {
                              return x.find(t.get<std::string>()) != std::string::npos;
                          });
                t_hit += ok;
                if (!ok) std::cout << "record " << i + 1 << ": missed title " << t << " of " << name << "\n";
            }
        }
        for (const auto& p : ps)
            if (!want.count(p.name)) {
                ++fp;
                ADD_FAILURE() << "record " << i + 1 << ": extra " << p.name << " in " << dump(ps);
            }
    }
    double recall = t_all ? double(t_hit) / t_all : 1.0;
    std::cout << "seed people tp=" << tp << " fp=" << fp << " fn=" << fn << " titles recall=" << recall << "\n";
    EXPECT_EQ(fp + fn, 0);
    EXPECT_GE(recall, 0.95);
}

// People's Daily 1998-01 DEV: persons compared per page (union over its articles), as tools/score.py.
// JIANBAO_PEOPLE_EVAL_DAYS=0 or 2 keeps only days with day % 4 equal to it (for the 2-fold check,
// run with JIANBAO_DATA pointing at a lexicon learned on the other half).
TEST(People, PfrDevPersonsF1) {
    std::filesystem::path file = std::filesystem::path(JIANBAO_TEST_SHARED_DIR) / "eval" / "pfr199801-dev.jsonl";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "no " << file;
    int only = -1;
    if (const char* d = std::getenv("JIANBAO_PEOPLE_EVAL_DAYS")) only = std::atoi(d);
    std::ifstream in(file);
    std::map<std::string, std::set<std::string>> want, got;
    // JIANBAO_PEOPLE_EVAL_DUMP=FILE: each article's id and found names, one line each (for error analysis).
    std::ofstream dump;
    if (const char* d = std::getenv("JIANBAO_PEOPLE_EVAL_DUMP")) dump.open(d);
    std::string line;
    std::size_t bytes = 0, articles = 0;
    double seconds = 0;
    while (std::getline(in, line)) {
        auto a = nlohmann::json::parse(line);
        std::string date = a["date"];
        if (only >= 0 && std::stoi(date.substr(8, 2)) % 4 != only) continue;
        std::string page = a["bulletin"];
        for (const auto& p : a["persons"]) {
            std::string n = p;
            if (utf8::length(n) >= 2) want[page].insert(n);
        }
        std::string text = a["text"];
        auto t0 = std::chrono::steady_clock::now();
        auto ps = run(text);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        bytes += text.size();
        ++articles;
        for (const auto& p : ps) got[page].insert(p.name);
        if (dump.is_open()) {
            dump << a["id"].get<std::string>();
            for (const auto& p : ps) dump << '\t' << p.name;
            dump << '\n';
        }
    }
    int tp = 0, fp = 0, fn = 0;
    std::map<std::string, int> miss, extra;
    for (auto& [page, w] : want) {
        auto& g = got[page];
        for (const auto& n : w) g.count(n) ? ++tp : (++fn, ++miss[n]);
        for (const auto& n : g) {
            if (!w.count(n)) ++fp, ++extra[n];
        }
    }
    double p = tp + fp ? double(tp) / (tp + fp) : 0, r = tp + fn ? double(tp) / (tp + fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    auto top = [](const std::map<std::string, int>& m) {
        std::vector<std::pair<int, std::string>> v;
        for (auto& [k, c] : m) v.push_back({-c, k});
        std::sort(v.begin(), v.end());
        std::string out;
        const char* n = std::getenv("JIANBAO_PEOPLE_EVAL_TOP"); // how many misses and extras to print
        const std::size_t most = n ? std::strtoul(n, nullptr, 10) : 30;
        for (std::size_t i = 0; i < v.size() && i < most; ++i) out += v[i].second + " ";
        return out;
    };
    std::cout << "PFR DEV articles=" << articles << " persons P=" << p << " R=" << r << " F1=" << f << "\n"
              << "  speed (segment+extract): " << bytes / 1e6 / seconds << " MB/s\n"
              << "  top misses: " << top(miss) << "\n  top extras: " << top(extra) << "\n";
    // Floor: what the shipped model reaches on DEV (0.98) minus a margin; it is learned on DEV, so
    // this guards regressions only. Held-out quality is measured by the 2-fold run (see README of scripts).
    if (only < 0 && std::getenv("JIANBAO_DATA") == nullptr) {
        EXPECT_GE(f, 0.97);
    }
}

// A surname character that is mostly a function word (和, 从, 曾) before a dictionary word or
// before a name written elsewhere without it is that function word, not part of a name.
TEST(People, FunctionWordSurnameBeforeAWordOrAName) {
    auto ps = run("厂里的技术人员和财务人员从学校赶来，他曾下令整改。这一经验在全中国推广。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
    ps = run("市长郑颖岚和副市长谭晓岚出席。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"郑颖岚", "谭晓岚"})) << dump(ps);
    ps = run("会上，郑颖岚和谭晓岚先后发言。谭晓岚说，今年将继续推进项目建设。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"郑颖岚", "谭晓岚"})) << dump(ps);
}

// In a list of names a function-word surname starts a name (于建国, 和建新), though the rest is a
// word; outside one the rule above still holds.
TEST(People, FunctionWordSurnameInsideAListOfNames) {
    auto ps = run("县政协委员名单：丁文华、于建国、马红梅、王志强。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"丁文华", "于建国", "马红梅", "王志强"})) << dump(ps);
    ps = run("技术人员和财务人员、管理人员出席。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// A full name once written, its given name alone before a word that follows names is the same
// person; the bare given name after another surname (彭颖岚) is that other person's name.
TEST(People, GivenNameAloneAfterTheFullName) {
    auto ps = run("郑颖岚出席了会议。会后，颖岚同志深入车间调研。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"郑颖岚", "颖岚"})) << dump(ps);
}

// Countries, cities and bodies written with transliteration characters are no people, nor the
// start of a longer place name; a surname before a form of address or a title is no full name.
TEST(People, WorldPlacesAndFormsOfAddressAreNotPeople) {
    for (const char* text : {"莫桑比克总统希萨诺抵达。", "代表团访问了吉尔吉斯斯坦和肯尼亚。", "欧佩克决定增加产量。",
                             "徐先生和李主任出席了会议。"}) {
        auto ps = run(text);
        for (const char* bad : {"莫桑比克", "吉尔吉斯", "肯尼亚", "欧佩克", "徐先生", "李主任"})
            EXPECT_EQ(find(ps, bad), nullptr) << text << " -> " << dump(ps);
    }
}

// A transliterated name ends before the next word: a trailing function character or a country
// written right after is no part of it; a transliterated company name is no person.
TEST(People, TransliteratedNameEndsBeforeTheNextWord) {
    auto ps = run("丹麦作家卡伦·布里克森曾在非洲生活多年。意大利总理兰贝托·迪尼圣马力诺之行结束。");
    EXPECT_TRUE(find(ps, "卡伦·布里克森") && find(ps, "兰贝托·迪尼")) << dump(ps);
    EXPECT_FALSE(find(ps, "卡伦·布里克森曾") || find(ps, "兰贝托·迪尼圣马力诺")) << dump(ps);
    ps = run("万德莱公司的产品畅销全国。");
    EXPECT_EQ(find(ps, "万德莱"), nullptr) << dump(ps);
    ps = run("科瓦列诺夫本是一名工程师，后来成为作家。"); // (本是: "originally was")
    EXPECT_NE(find(ps, "科瓦列诺夫"), nullptr) << dump(ps);
}

// 和, 与, 国 … in the middle of a clause are a conjunction or the word 国, even after a title.
TEST(People, ConjunctionSurnameMidClauseIsNoName) {
    auto ps = run("美洲地区的总经理和乘务员们提出要求。他在任安理会轮值主席国时认真工作。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// The given name alone at the end of a clause, once the full name is written, is the same person.
TEST(People, GivenNameAloneAtClauseEnd) {
    auto ps = run("记者见到了杜雅丹。几天后，记者把照片寄给雅丹。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"杜雅丹", "雅丹"})) << dump(ps);
}

// A function-word surname that starts a word inside the candidate (曾经|在) or before another
// function character (曾于) is that word; a compound-surname name does not take 的 or 说 (司马徽|的).
TEST(People, FunctionWordStartsAWordAndCompoundSurnameStops) {
    auto ps = run("他曾经在这里工作，曾于去年回国。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
    ps = run("这是司马徽的话。");
    EXPECT_EQ(find(ps, "司马徽的"), nullptr) << dump(ps);
}

// A particle in the given name ends the candidate's claim to be a name even after a title; a
// transliterated name does not take 及其, 均 or 携 after it.
TEST(People, ParticleInGivenNameAndTrailingConjunctions) {
    auto ps = run("总书记谈了三点意见。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
    ps = run("美国代表约翰·克鲁吉及其夫人出席。");
    EXPECT_TRUE(find(ps, "约翰·克鲁吉") && !find(ps, "约翰·克鲁吉及其")) << dump(ps);
}

// A dotted name starts where its clause or a title does, even when its first characters are rare
// in transliterations: the model may propose only 西·旺堆 of 尧西·旺堆.
TEST(People, DottedNameStartsAtTheClause) {
    auto ps = run("会上，尧西·旺堆介绍了情况。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"尧西·旺堆"})) << dump(ps);
}

// A lone character after a surname and one given character, before a word or punctuation, is the
// second given character (孙建密, 朱圣练), unless the two-character form is written alone elsewhere.
TEST(People, LoneThirdCharacterCompletesTheName) {
    auto ps = run("副省长孙建密说，要加快改革。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"孙建密"})) << dump(ps);
}

// Prints the people found in JIANBAO_PEOPLE_DEBUG_TEXT (error analysis; skipped otherwise).
TEST(People, DebugText) {
    const char* t = std::getenv("JIANBAO_PEOPLE_DEBUG_TEXT");
    if (!t) GTEST_SKIP();
    std::string text(t), seg;
    for (const auto& w : segmenter().words(text)) seg += text.substr(w.begin, w.end - w.begin) + "|";
    std::cout << "WORDS " << seg << "\n";
    for (const auto& p : run(t)) std::cout << "FOUND " << p.name << "\n";
}

// A name's last character opening a word that follows names is not the name's (李红|带队: ICU
// glues 红带; 刘晓|牵头; 何东|作汇报).
TEST(People, NameBeforeAVerbItsLastCharacterOpens) {
    auto ps = run("12月1日至3日，县委常委、宣传部部长李红带队赴浙江安吉学习考察。");
    EXPECT_NE(find(ps, "李红"), nullptr);
    EXPECT_EQ(find(ps, "李红带"), nullptr);
    ps = run("会议决定由副县长刘晓牵头负责。");
    EXPECT_NE(find(ps, "刘晓"), nullptr);
    EXPECT_EQ(find(ps, "刘晓牵"), nullptr);
    ps = run("办公室主任何东作汇报。县长李明作重要讲话。");
    EXPECT_NE(find(ps, "何东"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "何东作"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "李明"), nullptr) << dump(ps);
}

// The dot is written only inside names: a name runs over every dot-joined part, also past the
// model's longest candidate.
TEST(People, DottedNameRunsOverAllItsParts) {
    auto ps = run("找到一片宁静。美国作家亨利·戴维·梭罗（１８１７—１８６２）于瓦尔登湖畔写作。");
    EXPECT_NE(find(ps, "亨利·戴维·梭罗"), nullptr);
    EXPECT_EQ(find(ps, "亨利·戴维"), nullptr);
    ps = run("听取并通过了理事会秘书长艾哈迈德·本·穆罕默德·萨利姆提交的理事会年度报告。");
    EXPECT_NE(find(ps, "艾哈迈德·本·穆罕默德·萨利姆"), nullptr);
    EXPECT_EQ(ps.size(), 1u);
}

// A transliterated name right after a title.
TEST(People, ForeignNameAfterTitle) {
    auto ps = run("评论说，南非总统曼德拉坚持“一个中国”和不同台湾当局发展官方关系。");
    EXPECT_NE(find(ps, "曼德拉"), nullptr);
    // (its run ends in a dictionary word of transliteration characters: 外交大臣沃勒|贝克６日)
    ps = run("德国财政部长汤勒贝克说，市长卢勒贝克６日宣布。");
    for (const char* n : {"汤勒贝克", "卢勒贝克"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
}

// In a 、-list mostly of names found, the other items of a name's shape are names too, a bracketed
// note (（女，藏族）) is no part of them, and the clause's lead-in is not taken (图为|江泽民).
TEST(People, ListOfNamesGivesItsOtherItems) {
    auto ps = run("邓成城、邓宇民、厉无畏、史丰收、冯友（女）、边长泰、朱培康。");
    for (const char* n : {"邓成城", "邓宇民", "厉无畏", "史丰收", "冯友", "边长泰", "朱培康"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("宋克湘（土家族）、阿沛·阿旺晋美（藏族）、阿拉坦敖其尔（蒙古族）、劲松（门巴族）、拉鲁·次旺多吉（藏族）、"
             "其美泽巴（女，藏族）、昂毛（女，蒙古族）、罗龙（壮族）、和志强（纳西族）、和根合（傈僳族）、金鉴（满族）。");
    for (const char* n : {"宋克湘", "阿沛·阿旺晋美", "阿拉坦敖其尔", "劲松", "拉鲁·次旺多吉", "其美泽巴", "昂毛", "罗龙", "和志强",
                          "和根合", "金鉴"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("共庆中国人民的传统佳节。图为江泽民、李鹏、朱镕基、李瑞环、胡锦涛在一起。");
    EXPECT_NE(find(ps, "江泽民"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "图为江泽民"), nullptr) << dump(ps);
}

// A dictionary word right after a title leans less towards a name than an unknown string does.
TEST(People, WordAfterTitleIsNoName) {
    auto ps = run("首相桥本龙太郎年前在首相官邸举行的新年记者招待会上强调。巴基斯坦新总统宣誓就职。");
    EXPECT_EQ(find(ps, "官邸"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "宣誓"), nullptr) << dump(ps);
}

// A character the encoding lacks, spelt out in brackets, is part of the name (秦惠（君音）).
TEST(People, SpeltOutCharacterBelongsToTheName) {
    auto ps = run("“秦惠（君音）—李政道基金”设立。吴荣恪、何玉棠、何鸿（申音）、柯小刚、钟立雄、余（申音）、余国春、邹灿基。");
    for (const char* n : {"何鸿（申音）", "余（申音）"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    for (const char* n : {"秦惠", "君音", "申音", "何鸿"}) EXPECT_EQ(find(ps, n), nullptr) << n << " " << dump(ps);
}

// Bylines: the line right under the headline and a bracket closing a paragraph name the writers.
TEST(People, BylineNames) {
    auto ps = run("市场的秩序\n\n士心\n去年笔者就“讲文明、树新风”写过一篇短文。\n《办法》发布实施等入选。（勇庆）\n"
                  "图片：\n１、南极冰山（水彩·局部）\n２、金色年华（彩墨画）\n全省救灾工作进展顺利。（张书政　宇新　桑余）");
    for (const char* n : {"士心", "勇庆", "张书政", "宇新", "桑余"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    for (const char* n : {"彩墨画", "水彩·局部"}) EXPECT_EQ(find(ps, n), nullptr) << n << " " << dump(ps);
}

// A dateline's bracket names its reporters, after a role word (记者).
TEST(People, DatelineBracketNames) {
    auto ps = run("新华社拉巴特１月８日电（记者王忠菊、诸葛仓麟）摩洛哥国王哈桑二世８日晚在拉巴特王宫会见了他们。");
    for (const char* n : {"王忠菊", "诸葛仓麟"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    EXPECT_EQ(find(ps, "记者王忠菊"), nullptr) << dump(ps);
}

// A province or city right after a two-character name is not the name's third character.
TEST(People, RegionAfterNameIsNoGivenName) {
    auto ps = run("湖南省宁乡县科协主席谭葵湘潭大学团委副书记李雁鹰。青海省湟中县科技局局长霍成青海省委宣传部副处级调研员。");
    EXPECT_EQ(find(ps, "谭葵湘"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "霍成青"), nullptr) << dump(ps);
}

// A given name that ICU reads as a word with the surname's next character (田|凤山) is the name's.
TEST(People, GivenNameTakenForAWord) {
    auto ps = run("省长田凤山来到大庆市萨尔图区看望下岗职工。农业部副部长刘成果对中国农科院取得的成就给予肯定。");
    EXPECT_NE(find(ps, "田凤山"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "刘成果"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "田凤"), nullptr) << dump(ps);
}

// A province or city by its name alone is no person, though it starts with a surname.
TEST(People, RegionNameIsNoPerson) {
    auto ps = run("群众疾苦温暖送进万家\n\n云南\n本报昆明电记者任维东报道：云南省各级领导深入基层。");
    EXPECT_EQ(find(ps, "云南"), nullptr) << dump(ps);
}

// A role noun in apposition before a name (数学家|陈省身, 儿子|苏知翼) leans towards the name.
TEST(People, RoleNounBeforeName) {
    auto ps = run("她有一个温馨的家庭，丈夫苏光国，原是一名武警战士。儿子苏知翼，是他们这对患难夫妻的希望。");
    EXPECT_NE(find(ps, "苏光国"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "苏知翼"), nullptr) << dump(ps);
}

// ICU joins a title's last character to the surname after it (会|长安|士伟): the name stays.
TEST(People, TitleEndJoinedToSurname) {
    auto ps = run("中国伊斯兰教协会会长安士伟代表与会的宗教界人士发言。湖南省长沙市公安局交警支队。");
    EXPECT_NE(find(ps, "安士伟"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "沙市"), nullptr) << dump(ps);
}

// A three-character name written once, whose two first characters stand alone elsewhere, is those two.
TEST(People, ThirdCharacterBelongsToTheNextWord) {
    auto ps = run("记者问倪萍为什么这段话没写进《日子》中呢？倪萍答：“我没有写我的婚姻。”倪萍说，这是一种生活的态度。");
    EXPECT_NE(find(ps, "倪萍"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "倪萍答"), nullptr) << dump(ps);
}

// A surname and 某 or × stands for an unnamed person; 某 before a classifier or after a word does not.
TEST(People, SurnameAndMouIsAPerson) {
    auto ps = run("在一起案件中，被告之一的安某，仅是一个普通农民。由该公司房地产销售部经理林××送给他股票。"
                  "江苏某化工厂和国家某些部门也参与了。");
    EXPECT_NE(find(ps, "安某"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "林××"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "苏某"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "家某"), nullptr) << dump(ps);
}

// A nationality note in brackets after a name marks the whole item as the name; a lead-in stays out.
TEST(People, NationalityNoteMarksTheName) {
    auto ps = run("选举王乐泉为自治区人大常委会主任；选举云布龙（蒙古族）为自治区主席，张云川、吾甫尔·阿不都拉（维吾尔族）、"
                  "王怀玉、达列力汗·马米汗（哈萨克族）为自治区副主席。");
    for (const char* n : {"吾甫尔·阿不都拉", "达列力汗·马米汗"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    EXPECT_EQ(find(ps, "选举云布龙"), nullptr) << dump(ps);
}

// A name-like string before a head noun (系数, 帝国) or ending in 语/式 modifies it: no person.
TEST(People, ModifierOfACommonNounIsNoPerson) {
    auto ps = run("目前我国城镇居民消费的恩格尔系数为４８．６％。官方语言为法语，通用桑戈语。他被授予雷锋式民警称号。");
    for (const char* n : {"恩格尔", "桑戈语", "雷锋式"}) EXPECT_EQ(find(ps, n), nullptr) << n << " " << dump(ps);
}

// A Japanese name (a listed family name and two given characters, no cue) in a record about Japan;
// not a family name with a word (桥本政权) or a form of address (田中先生), nor a company (伊藤洋华堂).
TEST(People, JapaneseNameWithoutCue) {
    auto ps = run("日本前首相、从五开始代表细川护熙担任政权构想委员会委员长。");
    EXPECT_NE(find(ps, "细川护熙"), nullptr) << dump(ps);
    ps = run("日本桥本政权面临考验，田中先生说，伊藤洋华堂的销售下降。");
    EXPECT_EQ(find(ps, "桥本政权"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "田中先生"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "伊藤洋华"), nullptr) << dump(ps);
}

// A Japanese name with one or three given characters (高野聪|九段, 川口多贺子), a family name of
// three (长谷川), a given name ICU keeps as a word when it ends as given names do (佐藤|正彦); not a
// conjunction and a name (小林|和中村), nor a place (大西洋).
TEST(People, JapaneseNamesOfOtherLengths) {
    auto ps = run("日本棋院的高野聪九段中盘胜吉冈实九段。日本作家川口多贺子十日抵京。日本前首相长谷川康弘出席。");
    for (const char* n : {"高野聪", "吉冈实", "川口多贺子", "长谷川康弘"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("日本外务省次官佐藤正彦举行了会谈。日本社民党党首羽田孜出任新党党首。");
    for (const char* n : {"佐藤正彦", "羽田孜"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("日本代表小林和中村在会上发言。货轮穿过大西洋北上，驶往日本。");
    for (const char* n : {"小林和中村", "小林和", "大西洋"}) EXPECT_EQ(find(ps, n), nullptr) << n << " " << dump(ps);
}

// Court, procuratorate, legal-service and flood-headquarters posts are titles (审判员, 一级检察官,
// 人民陪审员, 县防汛抗旱指挥部指挥长, 县级库长); a function-word surname that is a common surname names
// a person right after a title (律师于海波), but 主席向全军 stays the verb.
TEST(People, CourtAndHeadquartersPosts) {
    auto ps = run("审判员龙晓燕、人民陪审员宁秀英组成合议庭。第五检察部主任、一级检察官蓝志刚介绍案情。");
    ASSERT_NE(find(ps, "龙晓燕"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "龙晓燕")->titles, (std::vector<std::string>{"审判员"}));
    ASSERT_NE(find(ps, "宁秀英"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "宁秀英")->titles, (std::vector<std::string>{"人民陪审员"}));
    ASSERT_NE(find(ps, "蓝志刚"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "蓝志刚")->titles, (std::vector<std::string>{"第五检察部主任", "一级检察官"}));
    ps = run("县委副书记、县长、县防汛抗旱指挥部指挥长柯文杰主持会议。鹤鸣水库县级库长、县政协副主席柏永春述职。");
    ASSERT_NE(find(ps, "柯文杰"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "柯文杰")->titles, (std::vector<std::string>{"县委副书记", "县长", "县防汛抗旱指挥部指挥长"}));
    ASSERT_NE(find(ps, "柏永春"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "柏永春")->titles, (std::vector<std::string>{"鹤鸣水库县级库长", "县政协副主席"}));
    ps = run("县法律援助中心指派北斗律师事务所律师于海波承办此案。中央军委主席向全军发布命令。");
    EXPECT_NE(find(ps, "于海波"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "向全军"), nullptr) << dump(ps);
}

// A dotted name's last part runs over the single characters ICU cut it into (古丽米热·艾|合|买|提);
// a compound surname the model found alone takes its given name (欧阳|明哲); a company's brand
// (云岫光|迅科技有限公司, 舍弗勒|（桐州）…) and a bridge's or a zone's name (凤栖|大桥, 云岫高|新区)
// are no people, but a name before a verb and a company is (刘某某|系|…有限公司).
TEST(People, DottedPartsCompoundSurnamesBrandsAndFacilities) {
    auto ps = run("托格拉克乡党委书记古丽米热·艾合买提汇报。县伊斯兰教协会会长阿不来提·玉素甫主持。市委副书记、市长欧阳明哲到高新区调研。");
    for (const char* n : {"古丽米热·艾合买提", "阿不来提·玉素甫", "欧阳明哲"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("云岫光迅科技有限公司、云岫华科智能装备有限公司参加。代表团考察了舍弗勒（桐州）传动系统有限公司。"
             "在TJ3标段凤栖大桥主墩施工现场检查。副市长到云岫高新区调研。");
    for (const char* n : {"云岫光", "云岫华", "舍弗勒", "段凤栖", "云岫高"}) EXPECT_EQ(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("被告人刘某某系枫林县宏远物流有限公司员工。");
    EXPECT_NE(find(ps, "刘某某"), nullptr) << dump(ps);
}

// A candidate cutting a known place (韩国庆|尚北道) or a string the record writes as a city too
// (桐州与高冈在… / 高冈市) is no person; a title phrase opens after an election's verb (选举|…董事长).
TEST(People, PlacesAndElectionVerbs) {
    auto ps = run("韩国庆尚北道代表团洽谈文旅合作\n4月22日，韩国庆尚北道文化观光体育局局长金珉锡率团来访。");
    EXPECT_EQ(find(ps, "韩国庆"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "金珉锡"), nullptr) << dump(ps);
    ps = run("宗启明说，30年来，桐州与高冈在经贸领域合作密切。高冈市议会议长山本和子参加。桐州与高冈友好。");
    EXPECT_EQ(find(ps, "高冈"), nullptr) << dump(ps);
    ps = run("会议选举湄江瑞泰新材料股份有限公司董事长方志诚为区工商联副主席。");
    ASSERT_NE(find(ps, "方志诚"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "方志诚")->titles.at(0), "湄江瑞泰新材料股份有限公司董事长") << dump(ps);
    ps = run("先后来到白沙镇石岭村、洪家坳村开展巡回审判。在石岭村村委会临时设立的审判庭里开庭。"
             "石岭村党支部书记、村委会主任彭国庆说。");
    EXPECT_EQ(find(ps, "石岭村"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "彭国庆"), nullptr) << dump(ps);
    ps = run("县水利局局长沙永红介绍了情况。湖南省长沙市代表团来访。");
    EXPECT_NE(find(ps, "沙永红"), nullptr) << dump(ps); // (局|长沙|永|红: not the city)
    EXPECT_EQ(find(ps, "沙市"), nullptr) << dump(ps);
    ps = run("他请来社区人民调解委员会调解员曲怀远帮忙。");
    ASSERT_NE(find(ps, "曲怀远"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "曲怀远")->titles, (std::vector<std::string>{"社区人民调解委员会调解员"})) << dump(ps);
}

// An adverb after a two-character name is no third given character (叶鹏|却|认为).
TEST(People, AdverbAfterNameIsNoGivenCharacter) {
    auto ps = run("北京国安队击败空军联航队，而主教练叶鹏却认为队员在下半时体力不足。");
    EXPECT_NE(find(ps, "叶鹏"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "叶鹏却"), nullptr) << dump(ps);
}

// A name joined by 和/与/、 to a name found is a name too when it has a name's shape and ends where
// names end (郝美玲和张日。), also a doubles partner after ／; not a given character never seen in names (田亮|将), not a place (宰汶村).
TEST(People, NameJoinedToANameFound) {
    auto ps = run("副市长孙文盛看望了生病职工郝美玲和张日。郝美玲因患肾病住院。");
    EXPECT_NE(find(ps, "张日"), nullptr) << dump(ps);
    ps = run("中国选手孙淑伟和田亮将参加此项的角逐。");
    EXPECT_EQ(find(ps, "田亮将"), nullptr) << dump(ps);
    ps = run("以色列总理内塔尼亚胡说，炮击位于边界的曼苏里和宰汶村。");
    EXPECT_EQ(find(ps, "宰汶村"), nullptr) << dump(ps);
    ps = run("中国男双选手实力明显不济，负于丹麦的索戈尔／克里斯滕森。");
    EXPECT_NE(find(ps, "索戈尔"), nullptr) << dump(ps);
}

// Likewise a name right before one found, starting after a function character (的|钟繇、王羲之).
TEST(People, NameJoinedBeforeANameFound) {
    auto ps = run("书法艺术是其一。从魏晋时代的钟繇、王羲之、王献之，唐代的欧阳询、褚遂良、颜真卿，历代名家辈出。");
    EXPECT_NE(find(ps, "钟繇"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "的钟繇"), nullptr) << dump(ps);
}

// A transliterated name between a country and list punctuation is that country's person (英国帕尔默；);
// not a conjunction and a place (德国及西欧), a word (美国历史。) or a Chinese city (中国哈尔滨、).
TEST(People, ForeignNameAfterCountryInAResultList) {
    auto ps = run("男子４００米自由泳，英国帕尔默；女子２００米蛙泳，美国科瓦尔、美国斯特里特。");
    EXPECT_NE(find(ps, "帕尔默"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "科瓦尔"), nullptr) << dump(ps);
    ps = run("产品销往德国及西欧，了解美国历史。他们来自中国哈尔滨、南宁。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// A name-shaped string right before a form of address is a name when it starts where names start
// (的|白燕|小姐, 亲爱的|汉修|先生); not after a number (２９年|行医生涯) nor over a quote (何为“老板”).
TEST(People, NameBeforeAFormOfAddress) {
    auto ps = run("两年前因患有肝炎而面黄肌瘦的白燕小姐，却是面若桃花。");
    EXPECT_NE(find(ps, "白燕"), nullptr) << dump(ps);
    ps = run("在研究耳鼻喉病的２９年行医生涯里，何为“老板”？");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// A prize-list line "work, author, unit and title": the author stands before the unit.
TEST(People, AuthorBeforeUnitAndTitleInAPrizeList) {
    auto ps = run("获奖名单\n携手铸辉煌程安东陕西省省长\n抓住机遇迎接挑战郑斯林江苏省省长\n一等奖（３名）\n");
    EXPECT_NE(find(ps, "程安东"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "郑斯林"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "辉煌程"), nullptr) << dump(ps);
}

// A reader's letter signed with place and name in a bracket closing the paragraph.
TEST(People, WriterAfterPlaceInAClosingBracket) {
    auto ps = run("理论修养有助于提高工作水平。\n（四川泸州市胡信平）\n农村的变化很大。\n（农村新事）\n");
    EXPECT_NE(find(ps, "胡信平"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "新事"), nullptr) << dump(ps);
}

// A Tibetan name is one or two name elements and no surname (副书记丹增, 顿珠次仁), in a record about Tibet.
TEST(People, TibetanNameAfterATitle) {
    auto ps = run("中共西藏自治区党委副书记丹增今天指出，由于中央的关怀，西藏经济快速发展。");
    EXPECT_NE(find(ps, "丹增"), nullptr) << dump(ps);
    ps = run("西藏自治区歌舞团副团长顿珠次仁说，演出很成功。");
    EXPECT_NE(find(ps, "顿珠次仁"), nullptr) << dump(ps);
}

// A foreign name after a title whose first character is also a surname (总理古特雷|斯) runs over all
// its transliteration characters; a Chinese name after a title keeps its length.
TEST(People, ForeignNameAfterATitleStartingWithASurname) {
    auto ps = run("葡萄牙总理古特雷斯６日在里斯本表示，双方将加强合作。");
    EXPECT_NE(find(ps, "古特雷斯"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "古特雷"), nullptr) << dump(ps);
    ps = run("市长李明华来到工地，看望了施工人员。");
    EXPECT_NE(find(ps, "李明华"), nullptr) << dump(ps);
}

// The reporting verb 称 is no given-name character: 总经理张宁称，… names 张宁.
TEST(People, ReportingVerbChengEndsAName) {
    auto ps = run("俱乐部总经理张宁称，球队将在下周集训。");
    EXPECT_NE(find(ps, "张宁"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "张宁称"), nullptr) << dump(ps);
    ps = run("总经理刘强称公司利润增长。");
    EXPECT_NE(find(ps, "刘强"), nullptr) << dump(ps);
}

// A dotted name right after a title takes in a first character that is also a function character
// (外长于|贝尔·韦德里纳, 部长于尔根·吕特格尔斯), not a conjunction or a particle.
TEST(People, DottedNameAfterATitleStartingWithAFunctionCharacter) {
    auto ps = run("德国经济部长于尔根·吕特格尔斯说，经济将增长。");
    EXPECT_NE(find(ps, "于尔根·吕特格尔斯"), nullptr) << dump(ps);
    ps = run("总统和塞·马丁说。");
    EXPECT_NE(find(ps, "塞·马丁"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "和塞·马丁"), nullptr) << dump(ps);
}

// 来 does not end a transliterated name but starts the verb after it (穆加贝|来京访问, 克雷库|来访).
TEST(People, ComeAfterAForeignNameIsTheVerb) {
    auto ps = run("津巴布韦总统罗伯特·穆加贝来京访问。");
    EXPECT_NE(find(ps, "罗伯特·穆加贝"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "罗伯特·穆加贝来"), nullptr) << dump(ps);
}

// 老 or 小 and a surname is familiar address (老韩微笑着, 小邱，), not where ICU makes a word of
// them (老师, 小康), a word starts at the surname (老干部), or the character is rarely a surname
// where it starts a name (小农, 小门).
TEST(People, FamiliarAddressBySurname) {
    auto ps = run("村支部书记老韩微笑着对她说：“小邱，你先回去吧。”村里人都说老潘是个好人。");
    EXPECT_NE(find(ps, "老韩"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "小邱"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "老潘"), nullptr) << dump(ps);
    ps = run("小农的生产方式推开了小门，老师和老干部都说小康社会的目标不远了。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// A title right before a candidate that starts inside an ICU word lets the candidate stand only
// when the title itself starts a word: 副|会|长安|士伟 is 副会长安士伟, but 社会|长治|久安 holds no
// 会长 (治久安 is the rest of an idiom ICU does not know).
TEST(People, TitleInsideAWordDoesNotStartAName) {
    auto ps = run("这是社会长治久安的深刻基础。副会长安士伟说，要抓落实。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"安士伟"})) << dump(ps);
}

// A name written only inside an organisation or place found in the record is part of it (宋庆龄基金会,
// 邱少云纪念馆), not a person who appears; written alone too, or with a title, it is a person.
TEST(People, NameOnlyInsideAnOrganisationIsNoPerson) {
    Pipeline pipeline;
    ParseOptions options;
    options.issued = "1998-01";
    auto people_of = [&](const std::string& text) {
        std::set<std::string> out;
        for (const auto& r : pipeline.parse(text, "t.txt", options).records)
            for (const auto& p : r.people) out.insert(p.name);
        return out;
    };
    EXPECT_EQ(people_of("宋庆龄基金会举行年会\n\n本报北京１月１１日讯　宋庆龄基金会今天在京举行年会，邱少云纪念馆馆长出席。\n"),
              std::set<std::string>{});
    EXPECT_EQ(people_of("纪念宋庆龄\n\n本报北京１月１１日讯　宋庆龄基金会今天举行座谈会，纪念宋庆龄诞辰。\n"),
              std::set<std::string>{"宋庆龄"});
}

// An author right before a work's title in 《》 (车尔尼的《练习曲集》, 郁达夫《沉沦》) is a name, also one
// the model does not know; not the conjunction before it (和舒曼).
TEST(People, AuthorBeforeAWorkTitle) {
    auto ps = run("他最爱读的是，车尔尼的《练习曲集》和舒曼《童年情景》。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"车尔尼", "舒曼"})) << dump(ps);
    ps = run("书架上有：郁达夫《沉沦》、庐隐《海滨故人》、萧红《呼兰河传》等。");
    EXPECT_TRUE(find(ps, "郁达夫")) << dump(ps);
}

// A go player's rank after the name (苏耀国五段) marks it as one.
TEST(People, GoPlayerBeforeARank) {
    auto ps = run("八强战中，睦镇硕九段中盘胜苏耀国五段，邵炜刚七段负于俞斌九段。");
    EXPECT_TRUE(find(ps, "苏耀国") && find(ps, "邵炜刚") && find(ps, "俞斌")) << dump(ps);
}

// A name introduced by 叫 up to punctuation or 的 (他的女儿叫田园，) is one, though it is a word.
TEST(People, NameIntroducedByJiao) {
    auto ps = run("这家的孩子叫高峰，今年十岁。他的女儿叫田园，刚满十岁。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"高峰", "田园"})) << dump(ps);
}

// 老同志 (veteran comrades) is no honorific X老 before 同志.
TEST(People, VeteranComradesAreNoHonorific) {
    auto ps = run("节日里，市领导向老同志们拜年，祝老同志健康长寿。");
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// A player between the province he plays for and his points in brackets (四川才溢（２４００分）).
TEST(People, PlayerBetweenProvinceAndPoints) {
    auto ps = run("女子前三名依次是：四川才溢（２４００分）、河北冯光明（２３９０分）、广东文静（２３７０分）。");
    EXPECT_TRUE(find(ps, "才溢") && find(ps, "冯光明")) << dump(ps);
}

// Found on a health commission's bulletin: ICU glues the title's 长 to the surname after a doubled
// 处 (处处|长孙|立新); a byline's role (通讯员) and a verb before a place (来南川) are no names;
// professional titles (主任医师) are titles.
TEST(People, BulletinTitlesAndNonNames) {
    auto ps = run("省卫生健康委员会基层卫生健康处处长孙立新带领专家组一行6人来我市调研。");
    EXPECT_NE(find(ps, "孙立新"), nullptr);
    ps = run("图为医务人员为群众测量血压。（通讯员　李晓燕　摄）每年选派不少于10名专家来南川坐诊。");
    EXPECT_EQ(find(ps, "通讯员"), nullptr);
    EXPECT_EQ(find(ps, "来南川"), nullptr);
    EXPECT_NE(find(ps, "李晓燕"), nullptr);
    ps = run("市疾控中心主任、主任医师吴国平为师生作专题讲座。");
    ASSERT_NE(find(ps, "吴国平"), nullptr);
    EXPECT_EQ(find(ps, "吴国平")->titles.size(), 2u);
}

// 党组成员 is a title (市农业农村局党组成员、副局长尤振华: two titles); a member of something
// else (每个成员都分管…) is none.
TEST(People, PartyGroupMemberIsATitle) {
    auto ps = run("6月12日，市农业农村局党组成员、副局长尤振华一行来我镇调研。");
    ASSERT_NE(find(ps, "尤振华"), nullptr);
    EXPECT_EQ(find(ps, "尤振华")->titles, (std::vector<std::string>{"市农业农村局党组成员", "副局长"}));
    ps = run("企业领导班子每个成员都分管一项或几项工作。");
    EXPECT_EQ(find(ps, "都分管"), nullptr);
}

// A department named for two fields joined by 和 keeps its whole name in the title
// (县文化和旅游局党组书记); 和 between two titles still parts them (县委书记和县长王立新).
TEST(People, DepartmentJoinedByHeInATitle) {
    auto ps = run("11月6日下午，县文化和旅游局党组书记、局长柯美玲主持会议并讲话。");
    ASSERT_NE(find(ps, "柯美玲"), nullptr);
    EXPECT_EQ(find(ps, "柯美玲")->titles, (std::vector<std::string>{"县文化和旅游局党组书记", "局长"}));
    ps = run("县委书记和县长王立新出席。");
    ASSERT_NE(find(ps, "王立新"), nullptr);
    EXPECT_EQ(find(ps, "王立新")->titles, std::vector<std::string>{"县长"});
}

// A name does not take the preposition or verb governing a number after it.
TEST(People, NoPrepositionBeforeANumber) {
    auto ps = run("１７日的擂台赛中，王辉以１∶２负于牛健峰。步长公司副总裁赵超携１５１万元现金前往。");
    EXPECT_NE(find(ps, "王辉"), nullptr);
    EXPECT_EQ(find(ps, "王辉以"), nullptr);
    EXPECT_NE(find(ps, "赵超"), nullptr);
    EXPECT_EQ(find(ps, "赵超携"), nullptr);
}

// A name after a title that is a two-character dictionary word does not take the first character
// of the word after it (常务副省长汪洋|提高了嗓门).
TEST(People, ADictionaryWordNameTakesNoNextWordsFirstCharacter) {
    auto ps = run("曾任省体委主任的省委常委、常务副省长汪洋提高了嗓门：“要以市场的眼光看体育。”");
    EXPECT_NE(find(ps, "汪洋"), nullptr);
    EXPECT_EQ(find(ps, "汪洋提"), nullptr);
}

// A cadre's record opening with the name gives the post held after 现任 (not the one proposed, 拟任).
TEST(People, PostHeldInACadresRecord) {
    auto ps = run("詹立伟，男，1982年3月生，汉族，大学学历，2005年7月参加工作，中共党员，现任县财政局副局长，拟任县财政局局长。");
    ASSERT_NE(find(ps, "詹立伟"), nullptr);
    EXPECT_EQ(find(ps, "詹立伟")->titles, std::vector<std::string>{"县财政局副局长"});
}

// A conjunction in mid-clause that the model glued to the name after it (总书记和|李鹏总理) is no
// surname: the rest is the name; not when the rest opens a title (司长和|原副司长).
TEST(People, ConjunctionGluedToTheNameAfterIt) {
    auto ps = run("全国人大常委会委员长和吕明总理打电话向灾区群众表示慰问。崔世安司长和原副司长前来迎接。");
    EXPECT_NE(find(ps, "吕明"), nullptr);
    EXPECT_EQ(find(ps, "和吕明"), nullptr);
    EXPECT_EQ(find(ps, "原副"), nullptr);
}

// A place in brackets inside the company of a title (海默（江州）汽车科技有限公司总经理) is part of it.
TEST(People, BracketedPlaceInsideATitlesCompany) {
    auto ps = run("管委会副主任覃梦洁与海默（江州）汽车科技有限公司总经理穆思远代表双方签约。");
    ASSERT_NE(find(ps, "穆思远"), nullptr);
    EXPECT_EQ(find(ps, "穆思远")->titles, std::vector<std::string>{"海默（江州）汽车科技有限公司总经理"});
}

// A two-character name with the conjunction's surname right after a title, before a word that
// follows names (县委副书记和静出席), is a name: there is nothing for a conjunction to join.
TEST(People, ConjunctionSurnameRightAfterATitle) {
    auto ps = run("市农业农村局副局长诸葛明远、县委副书记和静出席验收会。县长和副县长一同前往。");
    ASSERT_NE(find(ps, "和静"), nullptr);
    EXPECT_EQ(find(ps, "和静")->titles, std::vector<std::string>{"县委副书记"});
    EXPECT_EQ(find(ps, "和副"), nullptr);
}

// A personnel notice (X同志任Y；): the post is the person's title, and 任 opens no name (任青州).
TEST(People, PersonnelNoticeGivesThePost) {
    auto ps = run("经市委研究决定：\n蒯海燕同志任青州城市建设投资集团有限公司董事长；\n"
                  "訾建平同志任青州交通投资集团有限公司总经理，免去其青州文化旅游发展集团有限公司副总经理职务。\n"
                  "詹立勋同志拟任县财政局局长。");
    ASSERT_NE(find(ps, "蒯海燕"), nullptr);
    const auto& t = find(ps, "蒯海燕")->titles;
    EXPECT_NE(std::find(t.begin(), t.end(), "青州城市建设投资集团有限公司董事长"), t.end());
    ASSERT_NE(find(ps, "訾建平"), nullptr);
    const auto& z = find(ps, "訾建平")->titles;
    EXPECT_NE(std::find(z.begin(), z.end(), "青州交通投资集团有限公司总经理"), z.end());
    EXPECT_EQ(find(ps, "任青州"), nullptr);
    ASSERT_NE(find(ps, "詹立勋"), nullptr);
    const auto& j = find(ps, "詹立勋")->titles;
    EXPECT_EQ(std::find(j.begin(), j.end(), "县财政局局长"), j.end());
}

// A dotted name goes on after its dot over the characters ICU cut the transliteration into, words
// of transliteration characters included (于尔根·吕特|格尔|斯|昨天), and ends before a word running
// past it (帕巴蓬·诗里巴尼|夫妇).
TEST(People, DottedNameGoesOnAfterItsDot) {
    auto ps = run("德国研究与技术部长于尔根·吕特格尔斯昨天在此间说。在那努奔和帕巴蓬·诗里巴尼夫妇在押期间不得获取保释。");
    EXPECT_NE(find(ps, "于尔根·吕特格尔斯"), nullptr);
    EXPECT_EQ(find(ps, "于尔根"), nullptr);
    EXPECT_NE(find(ps, "帕巴蓬·诗里巴尼"), nullptr);
    EXPECT_EQ(find(ps, "帕巴蓬·诗里巴尼夫"), nullptr);
}

// A two-character name padded with a space in a list (刘 芳、) is the name without the space; the
// posts of the river-chief system are titles (县总河长), and 代表 before a scope (全市) governs it.
TEST(People, PaddedListNamesRiverChiefsAndRepresenting) {
    auto ps = run("王丽华、陈志刚、刘 芳、赵明轩、黄晓燕\n周　涛、吴国庆、孙 婷\n");
    for (const char* n : {"刘芳", "周涛", "孙婷", "王丽华", "黄晓燕"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    ps = run("县委书记、县总河长黄立新主持会议。会长施国庆代表全市餐饮行业宣读倡议书。");
    ASSERT_NE(find(ps, "黄立新"), nullptr);
    EXPECT_EQ(find(ps, "黄立新")->titles, (std::vector<std::string>{"县委书记", "县总河长"}));
    ASSERT_NE(find(ps, "施国庆"), nullptr);
    EXPECT_EQ(find(ps, "施国庆")->titles, (std::vector<std::string>{"会长"}));
}

// A dotted name ends before a title running past it (汉斯·韦伯|代表双方签约); a Japanese name whose given
// name is a word to ICU, before a word that follows names, is whole (山田|健一|一行).
TEST(People, ForeignNamesBeforeATitleOrAWordThatFollowsNames) {
    auto ps = run("东华新材料科技（江苏）有限公司总经理汉斯·韦伯代表双方签约。日本丸山化学株式会社常务董事山田健一一行4人来访。山田健一表示，将扩大投资。");
    EXPECT_NE(find(ps, "汉斯·韦伯"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "汉斯·韦伯代"), nullptr);
    EXPECT_NE(find(ps, "山田健一"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "山田"), nullptr);
}

// Days of the week are no people (周一（11月4日）：…), nor a township next to another place in a list
// (白沙镇、云峰乡等).
TEST(People, WeekdaysAndTownshipsInAListAreNoPeople) {
    auto ps = run("周一（11月4日）：街道召开例会。\n周二（11月5日）：社区开展巡查。周三：龚秀兰组织入户走访。\n白沙镇、云峰乡等5个乡镇参加。");
    EXPECT_EQ(find(ps, "周一"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "周二"), nullptr);
    EXPECT_EQ(find(ps, "云峰乡"), nullptr);
    EXPECT_NE(find(ps, "龚秀兰"), nullptr);
}

// Police ranks and medical posts are titles (一级警长符建国, 主任中医师韩素心); a list of leaders set with
// spaces gives each the title before it; a demonstrative opens no title's organisation (该公司董事长).
TEST(People, RanksSpacedListsAndTitleOpeners) {
    auto ps = run("刑侦大队大队长、一级警长符建国带队侦破此案。市中医院老年病科主任、主任中医师韩素心参加义诊。");
    ASSERT_NE(find(ps, "符建国"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "符建国")->titles, (std::vector<std::string>{"刑侦大队大队长", "一级警长"}));
    ASSERT_NE(find(ps, "韩素心"), nullptr);
    EXPECT_EQ(find(ps, "韩素心")->titles, (std::vector<std::string>{"市中医院老年病科主任", "主任中医师"}));
    ps = run("出席的县领导有：县委书记　孔德全　县长　符志远　县人大常委会主任　甘学民。");
    ASSERT_NE(find(ps, "符志远"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "符志远")->titles, std::vector<std::string>{"县长"});
    EXPECT_EQ(find(ps, "甘学民")->titles, std::vector<std::string>{"县人大常委会主任"});
    ps = run("该公司董事长滕海峰介绍情况。联合国秘书长安南访华。");
    EXPECT_EQ(find(ps, "滕海峰")->titles, std::vector<std::string>{"公司董事长"});
    EXPECT_EQ(find(ps, "安南")->titles, std::vector<std::string>{"联合国秘书长"});
}

// A title's department named for two fields joined by 与 is whole (材料科学与工程学院党委书记).
TEST(People, DepartmentOfTwoFieldsInATitle) {
    auto ps = run("材料科学与工程学院党委书记闵建设参加。");
    ASSERT_NE(find(ps, "闵建设"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "闵建设")->titles, std::vector<std::string>{"材料科学与工程学院党委书记"});
}

// A dotted name the model took from the last character of a part on (伊万诺维|奇·沃尔科夫) runs back over
// that part and the parts before it (德米特里·伊万诺维奇·沃尔科夫).
TEST(People, DottedNameStartingInsideAPart) {
    auto ps = run("俄罗斯伏尔加河联合运输集团副总裁德米特里·伊万诺维奇·沃尔科夫一行来访。");
    ASSERT_NE(find(ps, "德米特里·伊万诺维奇·沃尔科夫"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "德米特里·伊万诺维奇·沃尔科夫")->titles, std::vector<std::string>{"俄罗斯伏尔加河联合运输集团副总裁"});
}

// Leaders listed after 区领导 (金昊、马骏等), a note in brackets between title and name (副主任（主持工作）
// 金卫国), a 、-chain of titles before a comma (县委常委、副县长，开发区党工委书记江涛), and a byline's role
// in a list set with spaces is no name (（通讯员　金鑫　高山）).
TEST(People, LeadersNotesCommaChainsAndBylineRoles) {
    auto ps = run("区领导金昊、马骏等参加活动。");
    EXPECT_NE(find(ps, "金昊"), nullptr) << dump(ps);
    ps = run("开发区党工委副书记、管委会副主任（主持工作）金卫国主持会议。县委常委、副县长，开发区党工委书记江涛出席。");
    ASSERT_NE(find(ps, "金卫国"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "金卫国")->titles, (std::vector<std::string>{"开发区党工委副书记", "管委会副主任（主持工作）"}));
    ASSERT_NE(find(ps, "江涛"), nullptr);
    EXPECT_EQ(find(ps, "江涛")->titles, (std::vector<std::string>{"县委常委", "副县长", "开发区党工委书记"}));
    ps = run("图为活动现场。（通讯员　金鑫　高山）");
    EXPECT_EQ(find(ps, "通讯员"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "金鑫"), nullptr);
}

// A title's organisation may be a company named in Latin letters (ABC Logistics Ltd.亚太区经理).
TEST(People, LatinCompanyInATitle) {
    auto ps = run("ABC Logistics Ltd.亚太区经理Peter Lawson出席。");
    ASSERT_NE(find(ps, "Peter Lawson"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "Peter Lawson")->titles, std::vector<std::string>{"ABC Logistics Ltd.亚太区经理"});
}

// A given name joined by a hyphen before a dotted name is part of it (让-皮埃尔·杜邦).
TEST(People, HyphenatedGivenNameBeforeADot) {
    auto ps = run("法国莱雅普精密仪器有限公司中国区总经理让-皮埃尔·杜邦出席。");
    ASSERT_NE(find(ps, "让-皮埃尔·杜邦"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "让-皮埃尔·杜邦")->titles, std::vector<std::string>{"法国莱雅普精密仪器有限公司中国区总经理"});
}

// 并 ("and also") opens no name (…当即责令下架销毁，并下达《责令改正通知书》).
TEST(People, BingOpensNoName) {
    auto ps = run("执法人员发现过期食品2袋，当即责令下架销毁，并下达《责令改正通知书》。");
    EXPECT_EQ(find(ps, "并下达"), nullptr) << dump(ps);
}

// Leaders named by surname with the given name in brackets are those two characters; a place written
// with its middle in brackets, or a missing character spelt out, is not.
TEST(People, GivenNameInBracketsAfterASurname) {
    auto ps = run("他协同毛泽东部署刘（伯承）邓（小平）、陈（毅）粟（裕）三路大军挺进中原。阵阵惊耗传来，小廖（承志）被捕。"
                  "试想，如果没有关（汉卿）、王（实甫）、郑（德辉）及其作品。列车开往满（洲里）方向。");
    for (const char* n : {"伯承", "小平", "承志", "汉卿", "实甫", "德辉"}) EXPECT_NE(find(ps, n), nullptr) << n << " " << dump(ps);
    EXPECT_EQ(find(ps, "洲里"), nullptr) << dump(ps);
}

// A foreign name's parts joined by one dash are one name; a dash between places or years joins nothing.
TEST(People, DashJoinsTheGivenPartsOfAForeignName) {
    auto ps = run("出席的有就业部长阿尔贝·特沃杰雷，环境、住房和城市规划部长萨希杜·丹戈—纳代伊等。北京—上海的列车，１９９７—１９９８年。");
    EXPECT_NE(find(ps, "萨希杜·丹戈—纳代伊"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "纳代伊"), nullptr) << dump(ps);
    for (const auto& p : ps) EXPECT_EQ(p.name.find("北京"), std::string::npos) << dump(ps);
}

// The name a decision appoints or removes (任命黄一为…, 免去邓建的…职务) is taken in that frame, however
// plain its given character; a padded name in a line of names set apart by spaces is one name.
TEST(People, AppointedNamesAndPaddedNamesInSpacedLists) {
    auto ps = run("会议经表决，任命黄一为县人民政府副县长，免去邓建的县财政局局长职务。任命书为红色。");
    EXPECT_NE(find(ps, "黄一"), nullptr) << dump(ps);
    EXPECT_NE(find(ps, "邓建"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "书为"), nullptr) << dump(ps);
    ps = run("出席会议的还有：\n何静　宋涛　赵　刚　吕晓梅\n");
    EXPECT_NE(find(ps, "赵刚"), nullptr) << dump(ps);
}

// A title before a 、-list is each name's, past a note in brackets (马丽（女，回族）、阿依古丽·买买提).
TEST(People, SharedTitlePastANote) {
    auto ps = run("副主任司马红、马丽（女，回族）、阿依古丽·买买提出席会议。");
    const auto* p = find(ps, "阿依古丽·买买提");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, std::vector<std::string>{"副主任"}) << dump(ps);
}

// 该校校长: the demonstrative's unit is no part of the title.
TEST(People, TheUnitOfADemonstrativeIsNoPartOfTheTitle) {
    auto ps = run("东城区第二小学榜上有名。该校校长郝美华表示，学校将持续深化文明校园建设。");
    const auto* p = find(ps, "郝美华");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, std::vector<std::string>{"校长"}) << dump(ps);
}

// The word a body's name ends in (公司, 党委) is no person, even as a list item before a title.
TEST(People, TheWordABodyEndsInIsNoName) {
    auto ps = run("县水利局局长滕志远、公司副总经理欧阳明辉代表双方签约。局长李强和党委副书记王洁出席。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"滕志远", "欧阳明辉", "李强", "王洁"})) << dump(ps);
}

// A village before a post (派驻柳岸村第一书记) is no person; the dispatching body and its verb are
// no part of the title (县自然资源局派驻|石门坎村第一书记); a title after 当选 is the elected one's.
TEST(People, VillagePostsDispatchedCadresAndTheElected) {
    auto ps = run("市农业农村局派驻柳岸村第一书记苏振宇、县自然资源局派驻石门坎村第一书记班丽娜（女，壮族）作交流发言。");
    EXPECT_EQ(names(ps), (std::set<std::string>{"苏振宇", "班丽娜"})) << dump(ps);
    const auto* p = find(ps, "班丽娜");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, std::vector<std::string>{"石门坎村第一书记"}) << dump(ps);
    ps = run("11月25日，石门坎村召开党员大会，选举产生新一届村党支部委员会，莫德彰当选村党支部书记。");
    p = find(ps, "莫德彰");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, std::vector<std::string>{"村党支部书记"}) << dump(ps);
}

// A roster's line sets its names apart by spaces: most of them names found, the rest of a name's
// shape are names too (花蕾, a dictionary word); a line of titles and names keeps its titles out.
TEST(People, RosterLinesSetApartBySpaces) {
    auto ps = run("二等奖：车晓晨　包文静　王军　花蕾");
    EXPECT_EQ(names(ps), (std::set<std::string>{"车晓晨", "包文静", "王军", "花蕾"})) << dump(ps);
    // (a list of three needs two names found)
    ps = run("一等奖：符嘉怡　蓝天宇　欧阳子涵\n二等奖：车晓晨　包文静　花蕾");
    EXPECT_EQ(names(ps), (std::set<std::string>{"符嘉怡", "蓝天宇", "欧阳子涵", "车晓晨", "包文静", "花蕾"})) << dump(ps);
    ps = run("县委书记　孔德全　县长　符志远　副县长　柏文华");
    EXPECT_EQ(names(ps), (std::set<std::string>{"孔德全", "符志远", "柏文华"})) << dump(ps);
}

// Posts of education supervision are titles (督学, 责任督学).
TEST(People, EducationSupervisorsTitles) {
    auto ps = run("区教育局责任督学王芳、督学韦家豪深入各校检查。");
    const auto* p = find(ps, "王芳");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, std::vector<std::string>{"区教育局责任督学"}) << dump(ps);
    const auto* q = find(ps, "韦家豪");
    ASSERT_NE(q, nullptr) << dump(ps);
    EXPECT_EQ(q->titles, std::vector<std::string>{"督学"}) << dump(ps);
}

// A chief officer's title (首席执行官) before a name in Latin letters and a 、 makes it a name.
TEST(People, ChiefOfficersWithLatinNames) {
    auto ps = run("舍弗勒大中华区首席执行官Andreas Schick、开发区管委会主任荀亦凡代表双方签约。");
    const auto* p = find(ps, "Andreas Schick");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, std::vector<std::string>{"舍弗勒大中华区首席执行官"}) << dump(ps);
}

// A member of a body's executive committee (执委) holds a title.
TEST(People, ExecutiveCommitteeMembers) {
    auto ps = run("4月22日，县妇联执委、城关镇妇联主席庹静带领巾帼志愿者到敬老院开展慰问活动。");
    const auto* p = find(ps, "庹静");
    ASSERT_NE(p, nullptr) << dump(ps);
    EXPECT_EQ(p->titles, (std::vector<std::string>{"县妇联执委", "城关镇妇联主席"})) << dump(ps);
}

// A work team's head and a nurse are titled as officials are (运维班班长, 儿科护师), a unit's
// person in charge names the person after it (公司负责人陈志远), and the roles a market or court report writes before a name
// make it one (个体工商户刘德旺, 当事人刘德旺).
TEST(People, PostsOfUnitsTeamsAndNursesAndRolesOfReports) {
    auto ps = run("岚溪县华兴鞋业有限公司负责人陈志远介绍情况。县供电公司变电运维班班长钟国强发言。儿科护师林小燕发言。");
    EXPECT_TRUE(names(ps).count("陈志远")) << dump(ps);
    ASSERT_NE(find(ps, "钟国强"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "钟国强")->titles, (std::vector<std::string>{"县供电公司变电运维班班长"}));
    ASSERT_NE(find(ps, "林小燕"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "林小燕")->titles, (std::vector<std::string>{"儿科护师"}));
    ps = run("执法人员对个体工商户刘德旺经营的便利店进行检查。");
    EXPECT_TRUE(names(ps).count("刘德旺")) << dump(ps);
    ps = run("当事人刘德旺经营一家便利店。");
    EXPECT_TRUE(names(ps).count("刘德旺")) << dump(ps);
}

// A natives' association opens with a word titles do not run over (同: "with"); its post keeps the
// whole name (香港岚溪同乡会会长, not 乡会会长: title_openers.txt).
TEST(People, TitlesOfNativesAssociations) {
    auto ps = run("香港岚溪同乡会会长黄锦荣率团参加。");
    ASSERT_NE(find(ps, "黄锦荣"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "黄锦荣")->titles, (std::vector<std::string>{"香港岚溪同乡会会长"}));
}

// A photo credit's unit written apart from its photographer (（宣传科　王丽娟　摄）) is no person,
// whatever the model reads there; the photographer is (the lone 摄 after them is dropped).
TEST(People, PhotoCreditsUnitApartFromItsPhotographer) {
    auto ps = run("图为义诊现场。（宣传科　王丽娟　摄）");
    EXPECT_TRUE(names(ps).count("王丽娟")) << dump(ps);
    EXPECT_FALSE(names(ps).count("宣传科")) << dump(ps);
}

// A title chain before a comma is the next name's only when no name stands in it (…教授郑思远当选为
// 市科协主席，市科协党组书记余晓红: the first clause's post is 郑思远's).
TEST(People, NoTitleChainAcrossAnotherName) {
    auto ps = run("大会选举产生了市科协第七届委员会，鹭湾大学副校长、教授郑思远当选为市科协主席，市科协党组书记余晓红当选为常务副主席。");
    ASSERT_NE(find(ps, "余晓红"), nullptr) << dump(ps);
    EXPECT_EQ(find(ps, "余晓红")->titles, (std::vector<std::string>{"市科协党组书记", "常务副主席"}));
}

// A Japanese company's legal form tells Japan as 日本 does: its visitors' names are read whole with no
// title before them (丸山浩二表示).
TEST(People, JapaneseNamesInARecordOfAJapaneseCompany) {
    auto ps = run("株式会社丸山精工社长丸山浩二一行来区考察。丸山浩二表示，公司将扩大投资。");
    EXPECT_TRUE(names(ps).count("丸山浩二")) << dump(ps);
}
