// Organisations: unit cases from bulletin phrasing, and P/R/F1 over the PFR DEV split.
#include "jianbao/extract/organizations.hpp"

#include "entity_eval.hpp"

#include <gtest/gtest.h>

using namespace jianbao;

namespace {
const OrganizationExtractor& extractor() {
    static OrganizationExtractor x;
    return x;
}
// What an extractor (organisations or places) finds in text.
template <class Extractor>
auto extract_from(const Extractor& x, const std::string& text) {
    WordSegmenter seg;
    auto words = seg.words(text);
    ExtractContext ctx{text, words, {}, false};
    return x.extract(ctx);
}
std::vector<Organization> orgs_of(const std::string& text) { return extract_from(extractor(), text); }
std::string find_type(const std::vector<Organization>& v, const std::string& name) {
    for (auto& o : v)
        if (o.name == name) return o.type;
    return "";
}
std::string names(const std::vector<Organization>& v) {
    std::string s;
    for (auto& o : v) s += o.name + "/" + o.type + " ";
    return s;
}
} // namespace

TEST(Orgs, FullNamesAndTypes) {
    auto v = orgs_of("据了解，项目投资方为江苏亿多力新能源科技有限公司，计划总投资5亿元。");
    EXPECT_EQ(find_type(v, "江苏亿多力新能源科技有限公司"), "company") << names(v);
    v = orgs_of("12月21日上午，扬州市食品药品检验检测中心与开发区阳沟村开展结对共建活动。");
    EXPECT_EQ(find_type(v, "扬州市食品药品检验检测中心"), "other") << names(v);
    EXPECT_EQ(find_type(v, "阳沟村"), "village") << names(v);
    v = orgs_of("12月27日下午，江苏省总工会慰问团走访慰问困难职工。");
    EXPECT_NE(names(v).find("江苏省总工会"), std::string::npos) << names(v);
}

TEST(Orgs, ShortForms) {
    auto v = orgs_of("市卫健委主任顾永祥就疫苗接种作了说明。开发区经发局汇报了情况。");
    EXPECT_EQ(find_type(v, "市卫健委"), "government") << names(v);
    EXPECT_NE(names(v).find("经发局"), std::string::npos) << names(v);
    v = orgs_of("12月17日下午，市关工委对开发区开展调研。");
    EXPECT_EQ(find_type(v, "市关工委"), "association") << names(v);
}

// A county's bulletin names its own bodies without the county (县应急管理局), but a common word
// A county's departments and courts after the bare level (县自然资源局, 市检察院, 县海事处), and a
// democratic party's county organisation (农工党岚溪县总支) — not its short name alone.
TEST(Orgs, DepartmentsCourtsAndPartyOrganisations) {
    auto v = orgs_of("6月3日，县法院召开会议。县检察院、市检察院有关负责同志参加。县自然资源局、县海事处、区法律援助中心参加。");
    for (const char* n : {"县法院", "县检察院", "市检察院", "县自然资源局", "县海事处", "区法律援助中心"})
        EXPECT_EQ(find_type(v, n), "government") << n << " " << names(v);
    v = orgs_of("农工党岚溪县总支、民建岚溪县基层委员会、九三学社岚溪县支社负责人参加。民革、民盟成员参加。");
    for (const char* n : {"农工党岚溪县总支", "民建岚溪县基层委员会", "九三学社岚溪县支社"}) EXPECT_EQ(find_type(v, n), "party") << n << " " << names(v);
    EXPECT_EQ(find_type(v, "民革"), "") << names(v);
    v = orgs_of("县融媒体中心对活动进行了报道。");
    EXPECT_EQ(find_type(v, "县融媒体中心"), "media") << names(v);
}

// A company cut inside a brand ICU gives in single characters takes them back (湄|江|瑞|泰|新材料…),
// over a person or place the tagger read there, to a word of two characters (选举).
TEST(Orgs, CompanyTakesItsBrandBack) {
    auto v = orgs_of("会议选举湄江瑞泰新材料股份有限公司董事长方志诚为副主席。");
    EXPECT_EQ(find_type(v, "湄江瑞泰新材料股份有限公司"), "company") << names(v);
}

// A body does not end inside a title word before a name (县水利局局|长沙永红) when the record names it whole.
TEST(Orgs, NoBodyEndsInsideATitle) {
    auto v = orgs_of("县水利局召开会议\n6月3日，县水利局局长沙永红介绍了情况。");
    EXPECT_EQ(find_type(v, "县水利局"), "government") << names(v);
    EXPECT_EQ(find_type(v, "县水利局局"), "") << names(v);
}

// after the unit is no body (县全部).
TEST(Orgs, BareUnitsOfTheBulletinsOwnAdministration) {
    auto v = orgs_of("5月12日，县应急管理局组织开展防汛演练。");
    EXPECT_EQ(find_type(v, "县应急管理局"), "government") << names(v);
    v = orgs_of("今年县全部完成了危房改造任务。");
    EXPECT_EQ(find_type(v, "县全部"), "") << names(v);
    // mass organisations by their abbreviation after the bare level (org_bare_units.tsv)
    v = orgs_of("由县妇联举办主题活动，县总工会、市科协参加。");
    EXPECT_EQ(find_type(v, "县妇联"), "association") << names(v);
    EXPECT_EQ(find_type(v, "县总工会"), "association") << names(v);
    EXPECT_EQ(find_type(v, "市科协"), "association") << names(v);
    v = orgs_of("高邮市妇联主席张丽出席。"); // the place opens it: the rules' name, not 市妇联
    EXPECT_EQ(find_type(v, "市妇联"), "") << names(v);
    v = orgs_of("县委组织部、县委宣传部联合举办培训班，县妇联主席孙丽出席。");
    EXPECT_EQ(find_type(v, "县委组织部"), "party") << names(v);
    EXPECT_EQ(find_type(v, "县妇联"), "") << names(v) << ": before a title it is the title's (县妇联主席)";
    // ICU glues 市委 into one word (市委|组织部): the level is still the body's
    v = orgs_of("会上，市委组织部传达了文件。市委组织部、市委宣传部联合开展活动。市委书记来我县调研。");
    EXPECT_EQ(find_type(v, "市委组织部"), "party") << names(v);
    EXPECT_EQ(find_type(v, "市委宣传部"), "party") << names(v);
    EXPECT_EQ(v.size(), 2u) << names(v);
}

TEST(Orgs, VillagesNotGenericWords) {
    auto v = orgs_of("会上，昌农村、花王村分别作表态发言。各村、社区要认真贯彻，农村工作很重要。");
    EXPECT_EQ(find_type(v, "昌农村"), "village") << names(v);
    EXPECT_EQ(find_type(v, "花王村"), "village") << names(v);
    EXPECT_EQ(find_type(v, "各村"), "") << names(v);
    EXPECT_EQ(find_type(v, "农村"), "") << names(v);
    v = orgs_of("在金塘社区、东墩社区老集镇，他认真察看道路周边环境。");
    EXPECT_EQ(find_type(v, "金塘社区"), "community") << names(v);
    EXPECT_EQ(find_type(v, "东墩社区"), "community") << names(v);
}

TEST(Orgs, VisitList) {
    auto v = orgs_of("金锋一行先后视察了晶澳（高邮）光伏、晶樱光电、风帆（扬州）、航天锂电、新能易事特等处。");
    for (const char* n : {"晶澳（高邮）光伏", "晶樱光电", "风帆（扬州）", "航天锂电", "新能易事特"})
        EXPECT_EQ(find_type(v, n), "company") << n << ": " << names(v);
    // an inspection's list names the units checked (检查了…等经营单位), not the matters (检查了消防、用电等)
    v = orgs_of("3月9日至11日，县市场监管局检查了润家福超市、百姓大药房、金桥农贸市场等经营单位。");
    for (const char* n : {"润家福超市", "百姓大药房"}) EXPECT_EQ(find_type(v, n), "company") << n << ": " << names(v);
    // a list that calls its items enterprises (等企业) makes companies of dictionary words too (中天|钢铁)
    v = orgs_of("近日，高新区管委会常务副主任黄海波走访了金太阳光伏、华瑞电子、中天钢铁等企业。");
    for (const char* n : {"金太阳光伏", "华瑞电子", "中天钢铁"}) EXPECT_EQ(find_type(v, n), "company") << n << ": " << names(v);
    v = orgs_of("检查组重点检查了消防、用电、燃气等安全隐患。");
    EXPECT_TRUE(v.empty()) << names(v);
    v = orgs_of("代表团先后考察了南京、苏州、无锡等地。");
    EXPECT_EQ(find_type(v, "苏州"), "") << names(v);
    // a clause before the list's 、 is no item (到|境外旅游的费用比到北京、上海等)
    v = orgs_of("使当地居民到境外旅游的费用比到北京、上海等国内旅游景点还便宜。");
    EXPECT_EQ(find_type(v, "境外旅游的费用比到北京"), "") << names(v);
}

TEST(Orgs, NationalBodiesLongestMatch) {
    auto v = orgs_of("中共中央办公厅、国务院办公厅日前发出通知。");
    EXPECT_NE(find_type(v, "中共中央办公厅"), "") << names(v);
    EXPECT_EQ(find_type(v, "中共中央"), "") << names(v);
}

TEST(Orgs, AbbreviationsMissionsAndTitles) {
    auto v = orgs_of("据俄外交部消息，中国驻美国大使馆举行招待会。");
    EXPECT_NE(find_type(v, "俄外交部"), "") << names(v);
    EXPECT_NE(find_type(v, "中国驻美国大使馆"), "") << names(v);
    v = orgs_of("国务院副总理兼外交部长钱其琛今天会见了客人。");
    EXPECT_EQ(find_type(v, "外交部"), "") << names(v);
    v = orgs_of("他们参观了上海博物馆，并由中国文联主办了演出。");
    EXPECT_EQ(find_type(v, "上海博物馆"), "") << "a facility is a place: " << names(v);
    EXPECT_NE(find_type(v, "中国文联"), "") << names(v);
    EXPECT_EQ(find_type(v, "中国文联主办"), "") << names(v);
}

// Names below are not in DEV (so not in the learned lists): the rules must find them.
TEST(Orgs, SubUnitsJoinTheirParent) {
    auto v = orgs_of("江苏省水利厅规划处和中国化学会上海分会联合举办培训，国家经委能源司派员参加。");
    EXPECT_NE(find_type(v, "江苏省水利厅规划处"), "") << names(v);
    EXPECT_NE(find_type(v, "中国化学会上海分会"), "") << names(v);
    EXPECT_NE(find_type(v, "国家经委能源司"), "") << names(v);
    v = orgs_of("他在甘肃省委宣传部新闻处工作，住在医院附近。");
    EXPECT_NE(find_type(v, "甘肃省委宣传部新闻处"), "") << "sub-units chain: " << names(v);
}

TEST(Orgs, CountiesUnknownToIcuOpenNames) {
    auto v = orgs_of("安徽省岳西县公安局和湖南省新化县新华书店的同志。");
    EXPECT_NE(find_type(v, "安徽省岳西县公安局"), "") << names(v);
    EXPECT_NE(find_type(v, "湖南省新化县新华书店"), "") << names(v);
}

TEST(Orgs, DirectionsVerbPhrasesAndGenericVillages) {
    auto v = orgs_of("内蒙古东北部有大雪。病人住进医院，儿子考上大学。全省农村建设小康村。");
    EXPECT_EQ(names(v), "") << "no body in directions, verb phrases or common words";
    v = orgs_of("浙江歌舞剧院和玉树军分区举行联欢。");
    EXPECT_EQ(find_type(v, "浙江歌舞剧院"), "other") << names(v);
    EXPECT_EQ(find_type(v, "玉树军分区"), "government") << names(v);
}

TEST(Orgs, VillagesArePlacesUnlessTheyActAsBodies) {
    // PFR tags every village it names as a place; a village that acts at a meeting or in a
    // partnership (the sample's 昌农村、花王村分别作表态发言) is its committee, a body.
    auto v = orgs_of("高堡乡凡堡村紧邻１０６国道。在得知山盖沟村受灾后，他赶到那里。");
    EXPECT_EQ(find_type(v, "凡堡村"), "") << names(v);
    EXPECT_EQ(find_type(v, "山盖沟村"), "") << names(v);
    v = orgs_of("扬州市食品药品检验检测中心与开发区阳沟村开展结对共建活动。");
    EXPECT_EQ(find_type(v, "阳沟村"), "village") << names(v);
}

TEST(Orgs, UnknownCityBeforeALoneShiOpensTheName) {
    // 嘉峪|市, 塔兰托|市, 湖州|练|市: a place the gazetteer lacks, closed by a lone 市.
    auto v = orgs_of("去年６月，嘉峪市有线电视台为驻军安装了有线电视。他随即打电话给塔兰托市消防队。");
    EXPECT_NE(find_type(v, "嘉峪市有线电视台"), "") << names(v);
    EXPECT_NE(find_type(v, "塔兰托市消防队"), "") << names(v);
    v = orgs_of("集团公司的前身———湖州练市针织制衣厂已濒临倒闭。该县康华制药厂停产。");
    EXPECT_NE(find_type(v, "湖州练市针织制衣厂"), "") << names(v);
    EXPECT_EQ(find_type(v, "该县康华制药厂"), "") << names(v);
}

TEST(Orgs, OrdinalsSubUnitsAndOpeningAbbreviations) {
    auto v = orgs_of("主治医师罗汉江云南省第二人民医院主治医师张灿华。");
    EXPECT_NE(find_type(v, "云南省第二人民医院"), "") << "an ordinal after the place: " << names(v);
    v = orgs_of("学生李凤上海师范大学化工系九五级本科班学生。");
    EXPECT_NE(find_type(v, "上海师范大学化工系"), "") << "the longest sub-unit that passes: " << names(v);
    v = orgs_of("吉佩定和阿外交部秘书长签署。据援引俄外交部发言人的话。");
    EXPECT_NE(find_type(v, "阿外交部"), "") << names(v);
    EXPECT_NE(find_type(v, "俄外交部"), "") << names(v);
    v = orgs_of("本报讯农行河南省分行坚持改革。武警张家口支队的官兵。");
    EXPECT_NE(find_type(v, "农行河南省分行"), "") << names(v);
    EXPECT_NE(find_type(v, "武警张家口支队"), "") << names(v);
    v = orgs_of("在国内一流大学任教，以北大部分地区为例。");
    EXPECT_EQ(names(v), "") << "a common character is no country abbreviation here";
}

TEST(Orgs, TwoKnownBodiesSideBySideStayTwo) {
    auto v = orgs_of("党中央国务院关心西藏灾情。民政部财政部联合发出通知。");
    EXPECT_NE(find_type(v, "党中央"), "") << names(v);
    EXPECT_NE(find_type(v, "国务院"), "") << names(v);
    EXPECT_EQ(find_type(v, "党中央国务院"), "") << names(v);
    EXPECT_NE(find_type(v, "财政部"), "") << names(v);
}

TEST(Orgs, APrepositionBeforeTheNameStaysOut) {
    auto v = orgs_of("在天津，距南开大学不远的水上公园。");
    EXPECT_NE(find_type(v, "南开大学"), "") << names(v);
    EXPECT_EQ(find_type(v, "距南开大学"), "") << names(v);
}

TEST(Orgs, PhrasesThatCountOrSortBodiesNameNone) {
    auto v = orgs_of("而几大电信公司则展开了降价战。全国城镇中小学教职工住房改善。他指责真相委员会报复。");
    EXPECT_EQ(names(v), "") << names(v);
    v = orgs_of("江苏宜兴监狱四大队一中队的干警。马耳他政府发表声明。");
    EXPECT_NE(find_type(v, "马耳他政府"), "") << names(v);
}

TEST(Orgs, BankAbbreviationsAfterTheirProvince) {
    auto v = orgs_of("甘肃工行大力扶持商业企业。陕西农发行扶贫贷款到户。农行的贷款增加。");
    EXPECT_NE(find_type(v, "甘肃工行"), "") << names(v);
    EXPECT_NE(find_type(v, "陕西农发行"), "") << names(v);
    EXPECT_EQ(find_type(v, "农行"), "") << "never alone: " << names(v);
}

// A run of levels opens the bodies of each, no one body (区县政府, 县市区委); the 区 of 自治区 is a
// place's suffix, not the bulletin's bare level (为自治|区|高级人民法院院长).
TEST(Orgs, LevelsInARunOrInsideAPlaceOpenNoBareBody) {
    auto v = orgs_of("改革扩大区县政府管理职能。县市区委书记和市直部门负责人参加。");
    EXPECT_EQ(find_type(v, "区县政府"), "") << names(v);
    EXPECT_EQ(find_type(v, "县市区委"), "") << names(v);
    v = orgs_of("会议选举吾尔为自治区高级人民法院院长。");
    EXPECT_EQ(find_type(v, "区高级人民法院"), "") << names(v);
    v = orgs_of("县应急管理局召开会议。5月19日，县市场监督管理局开展专项检查。");
    EXPECT_NE(find_type(v, "县应急管理局"), "") << names(v);
    EXPECT_NE(find_type(v, "县市场监督管理局"), "") << "市 of 市场 is no level: " << names(v);
}

// A bank's name needs no place before it.
TEST(Orgs, BanksWithoutAPlace) {
    auto v = orgs_of("他接受过三和银行和北海道拓殖银行职员的招待。嘉华银行昨天宣布。");
    EXPECT_NE(find_type(v, "三和银行"), "") << names(v);
    EXPECT_NE(find_type(v, "嘉华银行"), "") << names(v);
}

// ICU keeps 大队, 中队, 支队 whole, so the one-character suffix 队 never ended such a name.
TEST(Orgs, BrigadesICUKeepsWhole) {
    auto v = orgs_of("12月12日，高新区消防救援大队开展高层建筑消防演练。县公安局交警大队开展专项整治。");
    EXPECT_NE(find_type(v, "高新区消防救援大队"), "") << names(v);
    EXPECT_NE(find_type(v, "县公安局交警大队"), "") << names(v);
}

// A direction's 部 (东南部) ends no body: the tagger read 美国东南部 and 河南省西南部 (text it
// has not seen) as bodies; they are the places 美国 and 河南省.
TEST(Orgs, ADirectionEndsNoBody) {
    const std::string text = "美国东南部遭受暴风雪袭击。河南省西南部、湖北省西北部有大雪。";
    auto v = orgs_of(text);
    EXPECT_EQ(find_type(v, "美国东南部"), "") << names(v);
    EXPECT_EQ(find_type(v, "河南省西南部"), "") << names(v);
    static const PlaceExtractor places;
    std::string found;
    for (const auto& p : extract_from(places, text)) found += p.name + " ";
    EXPECT_NE(found.find("美国 "), std::string::npos) << found;
    EXPECT_NE(found.find("河南省 "), std::string::npos) << found;
}

TEST(OrgsEval, PfrDev) {
    // Floors: measured 0.778 (2-fold) and 0.906 (all DEV), minus a margin.
    evalutil::expect_page_f1(
        "orgs (per bulletin page)",
        [](const ExtractContext& ctx) {
            std::vector<std::string> n;
            for (auto& o : extractor().extract(ctx)) n.push_back(o.name);
            return n;
        },
        [](const evalutil::Article& a) { return a.orgs; }, 0.88, 0.74);
}

// Bodies a health commission's bulletin names: an ordinal after a bare unit (市第一人民医院), a
// lone level before a body the tagger found (省|卫生健康委员会, with its group as one name, as PFR
// counts 国家环保局调查组), a community whose name starts like a known body (新华社区 is no 新华社).
TEST(Orgs, OrdinalsLonePrefixesAndCommunitiesNamedLikeBodies) {
    auto v = orgs_of("3月5日，市第一人民医院专家在社区开展义诊。");
    EXPECT_NE(find_type(v, "市第一人民医院"), "") << names(v);
    v = orgs_of("3月12日，省卫生健康委员会专家组来我市督导。");
    EXPECT_NE(find_type(v, "省卫生健康委员会专家组"), "") << names(v);
    v = orgs_of("3月8日，医护人员在新华社区开展义诊。");
    EXPECT_EQ(find_type(v, "新华社区"), "community") << names(v);
    EXPECT_EQ(find_type(v, "新华社"), "") << names(v);
    v = orgs_of("新华社区广场上，志愿者为居民测量血压。");
    EXPECT_EQ(find_type(v, "新华社区"), "community") << names(v);
}

// A word ICU glued to the end of a name (邵|明|远到|县) is no county's name before a bare unit.
TEST(Orgs, AWordGluedToANameOpensNoCounty) {
    auto v = orgs_of("县委副书记、县长邵明远到县实验中学调研教育工作");
    EXPECT_EQ(find_type(v, "县实验中学"), "school") << names(v);
    EXPECT_EQ(find_type(v, "远到县实验中学"), "") << names(v);
}

// A township's committees by their level (镇党委, 镇纪委), but no company's (公司党委: PFR counts
// no such name).
TEST(Orgs, ATownshipsCommitteesByTheirLevel) {
    auto v = orgs_of("6月3日下午，镇党委召开理论学习中心组学习会。6月5日，镇纪委到各村开展专项检查。");
    EXPECT_EQ(find_type(v, "镇党委"), "party") << names(v);
    EXPECT_EQ(find_type(v, "镇纪委"), "party") << names(v);
    v = orgs_of("在重大问题决策上，该公司党委从方案制定到组织实施全程参与。");
    EXPECT_EQ(find_type(v, "公司党委"), "") << names(v);
}

// A county's standing committee by its level (县人大常委会), not the last of a run of levels
// (省、区、市人大常委会: the bodies of them all).
TEST(Orgs, StandingCommitteeByItsLevel) {
    auto v = orgs_of("2月上旬，县人大常委会在全县开展代表进站履职月活动。");
    EXPECT_EQ(find_type(v, "县人大常委会"), "government") << names(v);
    v = orgs_of("有２８个省、区、市人大常委会制定实施了地方测绘法规。");
    EXPECT_EQ(find_type(v, "市人大常委会"), "") << names(v);
}

// A city's bodies by their bare level, though PFR's news text never counts them (learned
// rejections): 市公安局, 市财政局 in a city's bulletin.
TEST(Orgs, ACitysBodiesDespiteLearnedRejections) {
    auto v = orgs_of("9月3日上午，市公安局召开全市公安机关专项行动推进会。");
    EXPECT_EQ(find_type(v, "市公安局"), "government") << names(v);
    v = orgs_of("市财政局召开预算执行情况分析会。");
    EXPECT_EQ(find_type(v, "市财政局"), "government") << names(v);
}

// A verb of sending (派出, 选派, 抽调) ends the name before it (…第二医院|派出第十四批医疗队), but
// 派出所 is a suffix.
TEST(Orgs, SendingVerbsEndAName) {
    auto v = orgs_of("内蒙古包头市第二医院派出第十四批医疗队赴非洲。");
    EXPECT_NE(find_type(v, "内蒙古包头市第二医院"), "") << names(v);
    EXPECT_EQ(find_type(v, "内蒙古包头市第二医院派出第十四批医疗队"), "") << names(v);
    v = orgs_of("城关镇派出所所长王强介绍情况。");
    EXPECT_EQ(find_type(v, "城关镇派出所"), "government") << names(v);
}

// A county's or city's school by its number (县二小, 市一中), not a number before a word (一中心).
TEST(Orgs, NumberedSchoolsByTheirLevel) {
    auto v = orgs_of("县二小校长谭丽华代表学校签约。");
    EXPECT_EQ(find_type(v, "县二小"), "school") << names(v);
    v = orgs_of("市一中高三学生参加比赛。");
    EXPECT_EQ(find_type(v, "市一中"), "school") << names(v);
    v = orgs_of("推进全市一中心两基地建设。");
    EXPECT_EQ(names(v).find("市一中"), std::string::npos) << names(v);
}

// Two bodies joined by a verb that takes a body (镇纪委联合镇财政所; 联合镇 is also a town's name),
// and a company with a place in brackets after an enumeration comma (、瑞能（江州）储能科技有限公司).
TEST(Orgs, BodiesJoinedByAVerbAndBracketedPlaces) {
    auto v = orgs_of("8月15日，镇纪委联合镇财政所对全镇14个村开展专项检查。");
    EXPECT_EQ(find_type(v, "镇纪委联合镇财政所"), "") << names(v);
    EXPECT_NE(find_type(v, "镇财政所"), "") << names(v);
    v = orgs_of("服务小组走进江州精工机械股份有限公司、瑞能（江州）储能科技有限公司等企业。");
    EXPECT_EQ(find_type(v, "瑞能（江州）储能科技有限公司"), "company") << names(v);
    // (the tagger ends a body at the bracket: that body is the company's head, not a name of its own)
    v = orgs_of("县水利局与中电建华东勘测设计研究院（杭州）有限公司签订战略合作协议。");
    EXPECT_EQ(find_type(v, "华东勘测设计研究院（杭州）有限公司"), "company") << names(v);
    EXPECT_EQ(find_type(v, "华东勘测设计研究院"), "") << names(v);
    // (so is a brand it read as a person: 舍弗勒|（中国）有限公司)
    v = orgs_of("3月20日，舍弗勒（中国）有限公司新能源汽车轴承项目签约仪式在开发区举行。");
    EXPECT_EQ(find_type(v, "舍弗勒（中国）有限公司"), "company") << names(v);
}

// A university's hospital is one name with it (PFR counts 华西医科大学附属第一医院 whole).
TEST(Orgs, AUniversitysAffiliatedHospitalIsOneName) {
    auto v = orgs_of("1月8日，区人民医院与上海交通大学医学院附属瑞金医院举行医疗合作签约仪式。");
    EXPECT_NE(find_type(v, "上海交通大学医学院附属瑞金医院"), "") << names(v);
    EXPECT_EQ(find_type(v, "上海交通大学医学院"), "") << names(v);
    v = orgs_of("患者被送往成都中医药大学附属医院救治。");
    EXPECT_NE(find_type(v, "成都中医药大学附属医院"), "") << names(v);
}

// A farmers' cooperative is an organisation (梅川县丰禾农业专业合作社); not a generic 国际合作社.
TEST(Orgs, CooperativesAfterTheirPlace) {
    auto v = orgs_of("县政协常委、梅川县丰禾农业专业合作社理事长房秀英带领乡亲种植有机稻米。");
    EXPECT_EQ(find_type(v, "梅川县丰禾农业专业合作社"), "company") << names(v);
}

// A company with its country in brackets (施密特精密轴承（中国）有限公司), a Japanese 株式会社, and a
// zone's own bodies (高新区妇联, 开发区妇联).
TEST(Orgs, BracketedCountriesKabushikiKaishaAndZoneBodies) {
    auto v = orgs_of("开发区与德国施密特精密轴承（中国）有限公司签订投资协议。");
    EXPECT_EQ(find_type(v, "施密特精密轴承（中国）有限公司"), "company") << names(v);
    v = orgs_of("日本丸山化学株式会社常务董事来访。");
    EXPECT_EQ(find_type(v, "日本丸山化学株式会社"), "company") << names(v);
    v = orgs_of("5月18日，高新区妇联在创业大厦举办分享会，开发区妇联参加。");
    EXPECT_NE(find_type(v, "高新区妇联"), "") << names(v);
    EXPECT_NE(find_type(v, "开发区妇联"), "") << names(v);
}

// A party committee's departments are party bodies (县委宣传部 as 县委组织部).
TEST(Orgs, PartyCommitteeDepartmentsAreParty) {
    auto v = orgs_of("县委宣传部、县委组织部、县委统战部负责同志参加。");
    EXPECT_EQ(find_type(v, "县委宣传部"), "party") << names(v);
    EXPECT_EQ(find_type(v, "县委组织部"), "party") << names(v);
}

// A county ICU does not know, cut before a one-character county it does (岭|南县), at a clause's start:
// the lone character is the name's first; after a preposition it is not (在|南县).
TEST(Orgs, UnknownCountyBeforeAKnownOneCharacterCounty) {
    auto v = orgs_of("岭南县教育局召开会议。");
    EXPECT_NE(find_type(v, "岭南县教育局"), "") << names(v);
    v = orgs_of("岭南县实验中学党支部书记吴晓梅介绍了经验。");
    EXPECT_NE(find_type(v, "岭南县实验中学党支部"), "") << names(v);
    v = orgs_of("在南县召开现场会，南县教育局参加。");
    EXPECT_NE(find_type(v, "南县教育局"), "") << names(v);
}

// A supervision office is an organisation (县委督查室, a party body), so its 督查 names no event.
TEST(Orgs, SupervisionOffices) {
    auto v = orgs_of("4月12日，县委督查室召开会议，县政府督查室参加。");
    EXPECT_EQ(find_type(v, "县委督查室"), "party") << names(v);
    EXPECT_EQ(find_type(v, "县政府督查室"), "government") << names(v);
}

// A place and the kind of zone after it are one name (沅州经济技术开发区管委会, a place 沅州综合保税区);
// a school's department named for two fields joined by 与 is whole (材料科学与工程学院党委), but two
// bodies joined by 与 stay two.
TEST(Orgs, ZonesAndDepartmentsOfTwoFields) {
    auto v = orgs_of("沅州经济技术开发区管委会主任曹雨辰出席。");
    EXPECT_EQ(find_type(v, "沅州经济技术开发区管委会"), "government") << names(v);
    v = orgs_of("材料科学与工程学院党委书记闵建设参加。县教育局与工程学院签约。");
    EXPECT_NE(find_type(v, "材料科学与工程学院党委"), "") << names(v);
    EXPECT_NE(find_type(v, "县教育局"), "") << names(v);
}

// A body before 与 is no field of a department's name (开发区与南州理工学院签订: the school alone).
TEST(Orgs, ABodyBeforeYuIsNoField) {
    auto v = orgs_of("开发区与南州理工学院签订合作协议。");
    EXPECT_NE(find_type(v, "南州理工学院"), "") << names(v);
    EXPECT_EQ(find_type(v, "开发区与南州理工学院"), "") << names(v);
}

// A company the tagger found as its legal form only (依托金禾新材料股份有限公司) is the words before it
// back to the verb that takes it.
TEST(Orgs, ACompanyFoundAsItsLegalFormOnly) {
    auto v = orgs_of("依托金禾新材料股份有限公司建设项目。");
    EXPECT_EQ(find_type(v, "金禾新材料股份有限公司"), "company") << names(v);
}

// A surname and 家, each a word to ICU, open a village or community whatever the surname does as a
// word (祝|家|社区: 祝贺; 沈|家|湾社区).
TEST(Orgs, FamilyNamedCommunities) {
    auto v = orgs_of("秦家村、祝家社区、开发区经发局分别作交流发言。沈家湾社区开展活动。");
    EXPECT_EQ(find_type(v, "祝家社区"), "community") << names(v);
    EXPECT_EQ(find_type(v, "沈家湾社区"), "community") << names(v);
}

// A zone's youth league committee is an association (高新区团工委), a party committee's standing
// committee a party body (县委常委会), a people's congress's a government one.
TEST(Orgs, YouthLeagueAndStandingCommittees) {
    auto v = orgs_of("5月5日，高新区团工委组织青年志愿者开展宣传活动。县委常委会召开会议。县人大常委会召开会议。");
    EXPECT_EQ(find_type(v, "高新区团工委"), "association") << names(v);
    EXPECT_EQ(find_type(v, "县委常委会"), "party") << names(v);
    EXPECT_EQ(find_type(v, "县人大常委会"), "government") << names(v);
}

// A company named in Latin letters ending in a legal form (ABC Logistics Ltd., Siemens AG).
TEST(Orgs, LatinCompanies) {
    auto v = orgs_of("市商务局与ABC Logistics Ltd.签订合作协议，德国Siemens AG参加，New York人士观摩。");
    EXPECT_EQ(find_type(v, "ABC Logistics Ltd."), "company") << names(v);
    EXPECT_EQ(find_type(v, "Siemens AG"), "company") << names(v);
    EXPECT_EQ(find_type(v, "New York"), "") << names(v);
}

// A company's brand ICU cuts into single characters runs back to the punctuation before it, over a
// character that rarely opens a name inside it (、华|源|新|材料（常州）有限公司).
TEST(Orgs, BrandInSingleCharactersBeforeABracketedPlace) {
    auto v = orgs_of("先后到生产一线、物流中心、华源新材料（常州）有限公司等地，为职工送去防暑降温用品。");
    EXPECT_EQ(find_type(v, "华源新材料（常州）有限公司"), "company") << names(v);
}

// A pharmacy is a company by its suffix (欣康大药房); the units an inspection's list names, its last
// joined by 和, are bodies whatever the tagger makes of them, not the inspectors (检查组先后检查了…).
TEST(Orgs, Pharmacies) {
    auto v = orgs_of("检查组先后检查了鸿福楼餐厅、润家福超市、欣康大药房和澄阳万家乐购物中心。");
    for (const char* n : {"鸿福楼餐厅", "润家福超市", "欣康大药房"}) EXPECT_EQ(find_type(v, n), "company") << n << ": " << names(v);
    for (const auto& o : v) EXPECT_EQ(o.name.find("检查"), std::string::npos) << names(v);
}

// A town's units on the ground (org_grassroots_units.txt) are bodies, also where ICU glued the
// particle after them (湖口市场监管|所在, 研究|所在); 中心 before 工作 is the central task, no body.
TEST(Orgs, GrassrootsUnitsAndCentralTasks) {
    auto v = orgs_of("8月20日，湖口市场监管所在辖区开展电动自行车质量安全专项检查。城关镇司法所开展普法宣传。");
    EXPECT_EQ(find_type(v, "湖口市场监管所"), "government") << names(v);
    EXPECT_EQ(find_type(v, "城关镇司法所"), "government") << names(v);
    v = orgs_of("上半年全局上下紧紧围绕县委、县政府中心工作，取得了明显成效。");
    EXPECT_EQ(find_type(v, "县政府中心"), "") << names(v);
    v = orgs_of("为没有门牌号的用户做了１０００多块经派出所审定编号的门牌。");
    for (const auto& o : v) EXPECT_EQ(o.name.find("派出所"), std::string::npos) << names(v);
}

// A company's Latin spelling in brackets stays inside its name (博朗格（Brangel）公司), and its
// brand is no person.
TEST(Orgs, LatinSpellingInBrackets) {
    auto v = orgs_of("11月6日，德国博朗格（Brangel）公司亚太区总裁托马斯·韦伯一行到访集团。");
    EXPECT_EQ(find_type(v, "德国博朗格（Brangel）公司"), "company") << names(v);
}

// The places of a visit list (城东工业园区, …医院新院区) are no companies; the hospital before its new
// campus is the body.
TEST(Orgs, PlacesInAVisitList) {
    auto v = orgs_of("代表们先后来到城东工业园区、清河县第二人民医院新院区等项目现场。");
    EXPECT_EQ(find_type(v, "城东工业园区"), "") << names(v);
    EXPECT_EQ(find_type(v, "清河县第二人民医院新院区"), "") << names(v);
    EXPECT_EQ(find_type(v, "清河县第二人民医院"), "other") << names(v);
}

// A title and the name after it, then what that person does (区长方国栋带队), are no body.
TEST(Orgs, ATitledPersonLeadingATeamIsNoBody) {
    auto v = orgs_of("12月30日上午，区委副书记、区长方国栋带队开展元旦节前安全生产检查。");
    for (const auto& o : v) EXPECT_EQ(o.name.find("方国栋"), std::string::npos) << names(v);
}

// 原 before a post marks it past: the body ends before it (区农业农村局|原党组成员).
TEST(Orgs, APastPostEndsTheBody) {
    auto v = orgs_of("其中，区农业农村局原党组成员、副局长邢国庆违规收受礼金问题，受到党内严重警告处分。");
    EXPECT_EQ(find_type(v, "区农业农村局"), "government") << names(v);
    EXPECT_EQ(find_type(v, "区农业农村局原党组"), "") << names(v);
}

// A school by its number alone, after punctuation or a conjunction, is a school (第三十一中学, 第四聋哑学校).
TEST(Orgs, SchoolsByTheirNumberAlone) {
    auto v = orgs_of("会上，东城区实验中学、育才中学、第三十一中学分别作经验交流发言。北京月坛小学和第四聋哑学校的学生参加了活动。");
    for (const char* n : {"第三十一中学", "第四聋哑学校", "育才中学"}) EXPECT_EQ(find_type(v, n), "school") << n << " " << names(v);
}

// ICU keeps 分局 and a station's word whole (分局, 监测站): the names ending in them are found
// (县生态环境分局, 县水土保持监测站); a railway station stays a place (北京站).
TEST(Orgs, BranchBureausAndServiceStations) {
    auto v = orgs_of("10月下旬，县河长办联合县生态环境分局开展巡河，县水土保持监测站完成数据上报工作。");
    EXPECT_EQ(find_type(v, "县生态环境分局"), "government") << names(v);
    EXPECT_EQ(find_type(v, "县水土保持监测站"), "government") << names(v);
    v = orgs_of("我们在北京站下车。");
    EXPECT_EQ(find_type(v, "北京站"), "") << names(v);
}

// A school level before 组 is a competition's category (获小学组一等奖), no school; an education
// supervision office is a body (区政府教育督导室).
TEST(Orgs, CompetitionCategoriesAndSupervisionOffices) {
    auto v = orgs_of("区第二小学五年级学生欧阳子涵获小学组一等奖，区政府教育督导室开展专项督导。");
    EXPECT_EQ(find_type(v, "区第二小学"), "school") << names(v);
    for (const auto& o : v) EXPECT_EQ(o.name.find("欧阳"), std::string::npos) << names(v);
    EXPECT_EQ(find_type(v, "区政府教育督导室"), "government") << names(v);
}

// Bodies set up after 1998 (县疾病预防控制中心, 县综合行政执法局): the level alone is their stem, though
// PFR's 1998 statistics never saw their words in a name.
TEST(Orgs, BodiesOfTheReformsAfter1998) {
    auto v = orgs_of("7月14日，县疾病预防控制中心联合县综合行政执法局、县新时代文明实践中心开展宣传。");
    EXPECT_EQ(find_type(v, "县疾病预防控制中心"), "government") << names(v);
    EXPECT_EQ(find_type(v, "县综合行政执法局"), "government") << names(v);
    EXPECT_EQ(find_type(v, "县新时代文明实践中心"), "other") << names(v);
}

// A title word the suffix ends is a post (县妇联|执委), no body's name.
TEST(Orgs, APostEndingLikeABodyIsNone) {
    auto v = orgs_of("4月22日，县妇联执委、城关镇妇联主席庹静带领巾帼志愿者到敬老院开展慰问活动。");
    EXPECT_EQ(find_type(v, "县妇联执委"), "") << names(v);
    EXPECT_EQ(find_type(v, "城关镇妇联"), "association") << names(v);
}

// A two-character brand ICU gives in single characters, the second one that rarely opens a name
// (华|为), after a word of its own, is the company's head.
TEST(Orgs, ATwoCharacterBrandCutInTwo) {
    auto v = orgs_of("6月12日，县科技局邀请华为技术有限公司高级工程师李明举办讲座。");
    EXPECT_EQ(find_type(v, "华为技术有限公司"), "company") << names(v);
    EXPECT_EQ(find_type(v, "技术有限公司"), "") << names(v);
}

// A roster set without punctuation (人民日报文艺部大连市委宣传部): a place written with its unit
// after a known body opens a body of its own, unless the name is the body's branch there; a place
// without its unit stays inside the unit's name.
TEST(Orgs, APlaceWithItsUnitAfterABodyOpensAnother) {
    auto v = orgs_of("获奖单位：中央电视台江苏省委宣传部、人民日报文艺部辽宁省计生委、中国科学院沈阳金属研究所。");
    EXPECT_EQ(find_type(v, "中央电视台"), "media") << names(v);
    EXPECT_NE(find_type(v, "江苏省委宣传部"), "") << names(v);
    EXPECT_EQ(find_type(v, "中央电视台江苏省委宣传部"), "") << names(v);
    EXPECT_NE(find_type(v, "辽宁省计生委"), "") << names(v);
    EXPECT_EQ(find_type(v, "人民日报文艺部辽宁省计生委"), "") << names(v);
    EXPECT_NE(find_type(v, "中国科学院沈阳金属研究所"), "") << names(v);
    v = orgs_of("农行河南省分行加大信贷投放。");
    EXPECT_NE(find_type(v, "农行河南省分行"), "") << names(v);
}

// Bodies of a rural, a university's and a political-legal bulletin: a cooperative named by its
// trade (with or without its village); a level after a determiner opens no name (全镇); a
// department named for two fields opens at the first, back to a body or a word of its own; a
// sub-unit after a body the tagger found is one name with it; a titled person leading a team (带队,
// 团队) is no body.
TEST(Orgs, CooperativesDepartmentsOfTwoFieldsAndTeams) {
    auto v = orgs_of("2021年，村党支部领办了白岩村富民食用菌专业合作社，流转土地120亩。");
    EXPECT_EQ(find_type(v, "白岩村富民食用菌专业合作社"), "company") << names(v);
    v = orgs_of("合作社理事长、丰禾农业专业合作社负责人潘家顺介绍。他是丰禾农业专业合作社理事长。");
    EXPECT_EQ(find_type(v, "丰禾农业专业合作社"), "company") << names(v);
    v = orgs_of("全镇共有专业合作社36家，该村成立了农民专业合作社。");
    EXPECT_TRUE(v.empty()) << names(v);
    v = orgs_of("与会人员参观了学校计算机与信息工程学院实验中心。");
    EXPECT_EQ(find_type(v, "计算机与信息工程学院实验中心"), "other") << names(v);
    v = orgs_of("国际交流与合作处、机械工程学院、材料科学与工程学院负责人参加会见。");
    EXPECT_EQ(find_type(v, "材料科学与工程学院"), "school") << names(v);
    v = orgs_of("我校化学与环境学院谭伟光教授团队完成的成果获奖。");
    EXPECT_EQ(find_type(v, "化学与环境学院"), "school") << names(v);
    EXPECT_EQ(names(v).find("团队"), std::string::npos) << names(v);
    v = orgs_of("县教育局与工程学院签约。");
    EXPECT_EQ(find_type(v, "县教育局与工程学院"), "") << names(v);
    v = orgs_of("华为技术有限公司东江代表处总经理邝家豪等出席仪式。");
    EXPECT_EQ(find_type(v, "华为技术有限公司东江代表处"), "company") << names(v);
    v = orgs_of("11月3日上午，县卫健委在县人民医院八楼会议室召开推进会。");
    EXPECT_EQ(find_type(v, "县人民医院"), "other") << names(v); // (a room is no sub-unit)
    v = orgs_of("9月26日，县检察院检察长石建国带队到南屏县第二中学开展活动。");
    EXPECT_EQ(find_type(v, "南屏县第二中学"), "school") << names(v);
    EXPECT_EQ(names(v).find("带队"), std::string::npos) << names(v);
}

// A restaurant in an inspection's list is a company (好运来酒楼); a campaign taking something
// into the community (非遗进社区) names no community.
TEST(Orgs, RestaurantsAndCampaignsIntoTheCommunity) {
    auto v = orgs_of("检查组一行先后检查了龙山县第一中学食堂、惠民超市、好运来酒楼等单位。");
    EXPECT_EQ(find_type(v, "好运来酒楼"), "company") << names(v);
    EXPECT_EQ(find_type(v, "惠民超市"), "company") << names(v);
    v = orgs_of("10月5日，县文化馆开展非遗进社区活动。");
    EXPECT_EQ(find_type(v, "县文化馆"), "other") << names(v);
    EXPECT_EQ(find_type(v, "非遗进社区"), "") << names(v);
}

// A company of a list whose brand ICU cut into single characters (博|世), the first one rarely
// opening a name, runs back to the 、 after the list's previous company.
TEST(Orgs, ABrandCutInCharactersAfterAListsComma) {
    auto v = orgs_of("2月25日下午，管委会副主任柏海峰走访了苏州汇川技术有限公司、博世汽车部件（苏州）有限公司，详细了解企业生产经营情况。");
    EXPECT_EQ(find_type(v, "苏州汇川技术有限公司"), "company") << names(v);
    EXPECT_EQ(find_type(v, "博世汽车部件（苏州）有限公司"), "company") << names(v);
}

// A brand in capitals opens a company's name, before a place in brackets (ABB（中国）有限公司) or
// before the single characters of the rest of its brand (SGS通|标|标准技术服务有限公司).
TEST(Orgs, BrandsInCapitals) {
    auto v = orgs_of("9月5日，ABB（中国）有限公司副总裁Thomas Mueller一行来区洽谈扩大投资事宜。");
    EXPECT_EQ(find_type(v, "ABB（中国）有限公司"), "company") << names(v);
    v = orgs_of("开发区组织SGS通标标准技术服务有限公司、住友电工（江川）有限公司等12家外资企业参加活动。");
    EXPECT_EQ(find_type(v, "SGS通标标准技术服务有限公司"), "company") << names(v);
    EXPECT_EQ(find_type(v, "住友电工（江川）有限公司"), "company") << names(v);
}

// A state-owned group's short name opens its local company's name before the place (国网临川县供电公司:
// org_known.tsv's "group"); a local tax bureau is one name with the State Taxation Administration.
TEST(Orgs, GroupsLocalCompaniesAndTaxBureaus) {
    auto v = orgs_of("国网临川县供电公司、中国移动临川分公司、临川农商银行、国家税务总局临川县税务局等单位参加活动。");
    EXPECT_EQ(find_type(v, "国网临川县供电公司"), "company") << names(v);
    EXPECT_EQ(find_type(v, "中国移动临川分公司"), "company") << names(v);
    EXPECT_EQ(find_type(v, "临川农商银行"), "company") << names(v);
    EXPECT_EQ(find_type(v, "国家税务总局临川县税务局"), "government") << names(v);
}

// A school by its number after its place (县一中, 常德鼎城一中); a plenary session by its number is none
// (八届四中全会: org_suffix_attributes.tsv, whoever found the name).
TEST(Orgs, SchoolsByTheirNumber) {
    auto v = orgs_of("江州市一中、常德市鼎城一中、县一中的师生参加活动。");
    EXPECT_EQ(find_type(v, "江州市一中"), "school") << names(v);
    EXPECT_EQ(find_type(v, "常德市鼎城一中"), "school") << names(v);
    v = orgs_of("此间报纸全文发表了越南共产党八届四中全会通过的决议。");
    for (const auto& o : v) EXPECT_EQ(o.name.find("四中"), std::string::npos) << names(v);
}

// 我县县人民医院: the body opens after the 我县 before it, not with its level twice.
TEST(Orgs, NoLevelTwiceAfterWoXian) {
    auto v = orgs_of("近日，我县县人民医院护士长屈小雨榜上有名。");
    EXPECT_EQ(find_type(v, "县人民医院"), "other") << names(v);
    EXPECT_EQ(find_type(v, "县县人民医院"), "") << names(v);
}

// The civic-culture centres are named after their place (苏州市新时代文明实践站; a town's 城北镇…所);
// an unknown place without its level (城北新时代文明实践所) is not read: the suffixes are anchored.
TEST(Orgs, CivicCultureCentres) {
    auto v = orgs_of("3月6日，市委书记到苏州市新时代文明实践站、城北镇新时代文明实践所调研。");
    EXPECT_EQ(find_type(v, "苏州市新时代文明实践站"), "other") << names(v);
    EXPECT_EQ(find_type(v, "城北镇新时代文明实践所"), "other") << names(v);
}

// A list of the bulletin's own bodies writes their level once (开发区经济发展局、规划建设局, 县财政局、
// 审计局): the next items ending in the same suffix are bodies of that level.
TEST(Orgs, SiblingBodiesOfAListWriteTheLevelOnce) {
    auto v = orgs_of("开发区经济发展局、规划建设局主要负责人陪同调研。县财政局、审计局参加。");
    EXPECT_EQ(find_type(v, "开发区经济发展局"), "government") << names(v);
    EXPECT_EQ(find_type(v, "规划建设局"), "government") << names(v);
    EXPECT_EQ(find_type(v, "审计局"), "government") << names(v);
    v = orgs_of("物价局、供电局等单位参加。");
    EXPECT_EQ(find_type(v, "供电局"), "") << names(v);
}

// A county's political consultative conference is named bare after 县 or 区 (县政协召开…), not after 省
// or 市 (PFR's news text counts no 省政协); a preposition read alone opens no body (经|县委常委会).
TEST(Orgs, CountyConferenceBareAndNoPrepositionBeforeABody) {
    auto v = orgs_of("10月12日，县政协召开专题协商会。");
    EXPECT_EQ(find_type(v, "县政协"), "government") << names(v);
    v = orgs_of("县政协组织部分委员到省政协学习考察。");
    EXPECT_EQ(find_type(v, "县政协"), "government") << names(v);
    EXPECT_EQ(find_type(v, "省政协"), "") << names(v);
    v = orgs_of("经县委常委会研究决定，成立工作专班。");
    for (const auto& o : v) EXPECT_EQ(o.name.find("经"), std::string::npos) << names(v);
}

// A city's body whose own name opens with 市 keeps its level (据|市|市场监督管理局), while the level a
// bulletin writes twice after 我县 is written once (我县县人民医院).
TEST(Orgs, ALevelBeforeANameThatOpensWithIt) {
    auto v = orgs_of("据市市场监督管理局统计，全市专利授权量达到9862件。");
    EXPECT_EQ(find_type(v, "市市场监督管理局"), "government") << names(v);
    v = orgs_of("5月12日，我县县人民医院开展义诊活动。");
    EXPECT_EQ(find_type(v, "县人民医院"), "other") << names(v);
}

// The shops and restaurants an inspection report names by a brand ICU cuts into single characters
// stand by usage (福|满|楼|酒家, 德|旺|便利店: org_suffixes.tsv column 5); a court's township tribunal,
// a vocational school, natives' associations abroad and an association named for a profession
// (企业|家|协会: 家 ends a name only after a number) are bodies.
TEST(Orgs, LocalBusinessesTribunalsAndAssociations) {
    auto v = orgs_of("执法人员对福满楼酒家开展检查。检查中发现，蜀香园火锅店后厨存在生熟不分等问题。");
    EXPECT_EQ(find_type(v, "福满楼酒家"), "company") << names(v);
    EXPECT_EQ(find_type(v, "蜀香园火锅店"), "company") << names(v);
    v = orgs_of("4月20日，县法院白石岭人民法庭开庭审理一起土地纠纷案。鹤山职业中专举行校企合作签约仪式。");
    EXPECT_EQ(find_type(v, "县法院白石岭人民法庭"), "government") << names(v);
    EXPECT_EQ(find_type(v, "鹤山职业中专"), "school") << names(v);
    v = orgs_of("香港岚溪同乡会会长黄锦荣率团参加。6月10日，县企业家协会召开会员大会。");
    EXPECT_EQ(find_type(v, "香港岚溪同乡会"), "association") << names(v);
    EXPECT_EQ(find_type(v, "县企业家协会"), "association") << names(v);
    v = orgs_of("全县12家公司参加了培训。");
    EXPECT_TRUE(v.empty()) << names(v);
}

// Companies named in Latin letters: the English form's two legal forms (Co., Ltd.), capitalised words
// before a Chinese suffix (ZhiYuan Robotics有限公司) or before the Chinese name in brackets
// (ZhiYuan Robotics（智远机器人）有限公司); no name opens at a closing bracket.
TEST(Orgs, LatinNamedCompanies) {
    auto v = orgs_of("同日，BrightCore Semiconductor Co., Ltd.与复旦大学签订协议。");
    EXPECT_EQ(find_type(v, "BrightCore Semiconductor Co., Ltd."), "company") << names(v);
    v = orgs_of("近日，ZhiYuan Robotics（智远机器人）有限公司成功入选。");
    EXPECT_EQ(find_type(v, "ZhiYuan Robotics（智远机器人）有限公司"), "company") << names(v);
    v = orgs_of("ZhiYuan Robotics有限公司成功入选省级专精特新企业。");
    EXPECT_EQ(find_type(v, "ZhiYuan Robotics有限公司"), "company") << names(v);
    for (const auto& o : v) EXPECT_NE(o.name.rfind("）", 0), 0u) << names(v);
}

// A body by usage opens two bodies joined by a verb that takes one (县工商联|联合|县人社局); a level
// after 驻 opens none (驻县部队: troops stationed in the county); societies whose first word DEV never
// saw inside a name are bodies (县消费者协会).
TEST(Orgs, BodiesJoinedByAVerbStationedTroopsAndSocieties) {
    auto v = orgs_of("县工商联联合县人社局、县税务局组成3个服务小组。");
    EXPECT_EQ(find_type(v, "县工商联"), "association") << names(v);
    EXPECT_EQ(find_type(v, "县人社局"), "government") << names(v);
    v = orgs_of("驻县部队长期以来积极支持地方经济社会发展。");
    EXPECT_TRUE(v.empty()) << names(v);
    v = orgs_of("据县消费者协会统计，第三季度共受理消费者投诉216件。");
    EXPECT_EQ(find_type(v, "县消费者协会"), "association") << names(v);
}

// A verb of appointment read alone opens no body (王强|任|县委宣传部副部长: the department).
TEST(Orgs, NoBodyOpensWithAVerbOfAppointment) {
    auto v = orgs_of("王强任县委宣传部副部长，免去其县委办公室副主任职务。");
    EXPECT_EQ(find_type(v, "县委宣传部"), "party") << names(v);
    for (const auto& o : v) EXPECT_EQ(o.name.find("任"), std::string::npos) << names(v);
}

// A village where another body acts (到|在 X村开展…) is a place, not a body acting
// (org_village_place_before.txt); villages that act stay bodies (阳沟村开展结对共建).
TEST(Orgs, AVillageWhereAnotherBodyActsIsAPlace) {
    auto v = orgs_of("5月4日，青峰镇团委组织青年志愿者到石门坎村开展植树活动。");
    EXPECT_EQ(find_type(v, "石门坎村"), "") << names(v);
    v = orgs_of("阳沟村开展结对共建活动。");
    EXPECT_EQ(find_type(v, "阳沟村"), "village") << names(v);
}

// A company's trade words after its brand run on to the brand ICU cut into characters, even a word
// DEV never saw inside a name (宏|达|汽车|销售|服务有限公司: a car dealer's legal name).
TEST(Orgs, TradeWordsAfterABrand) {
    auto v = orgs_of("平川宏达汽车销售服务有限公司实现销售额8亿元。");
    EXPECT_EQ(find_type(v, "平川宏达汽车销售服务有限公司"), "company") << names(v);
}

// A weather station is named after its level alone (市气象台), as 县|疾病预防控制中心 is.
TEST(Orgs, AWeatherStationAfterItsLevel) {
    auto v = orgs_of("市气象台发布暴雨预警。");
    EXPECT_EQ(find_type(v, "市气象台"), "other") << names(v);
}

// A Japanese company's legal form may open its name (株式会社丸山精工), a country before it standing
// apart (日本|株式会社丸山精工); at the end it closes the name as ever (日本丸山化学株式会社).
TEST(Orgs, JapaneseLegalFormFirst) {
    auto v = orgs_of("日本株式会社丸山精工在开发区投资建厂。");
    EXPECT_EQ(find_type(v, "株式会社丸山精工"), "company") << names(v);
    v = orgs_of("日本丸山化学株式会社在开发区投资建厂。");
    EXPECT_EQ(find_type(v, "日本丸山化学株式会社"), "company") << names(v);
    v = orgs_of("3月5日上午，日本株式会社丸山精工精密零部件生产基地项目签约仪式举行。");
    EXPECT_EQ(find_type(v, "株式会社丸山精工"), "company") << names(v); // (four characters at most)
}
