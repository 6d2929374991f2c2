// The name tagger: decoding always yields well-formed names, the model file is read strictly,
// and on real sentences it corrects the rule finders where they misjudge a name's edges.
#include "ner_tagger.hpp"

#include "jianbao/extract/organizations.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace jianbao;

namespace {
std::vector<std::string> names_of(const std::vector<Organization>& v) {
    std::vector<std::string> out;
    for (const auto& o : v) out.push_back(o.name);
    return out;
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + " ";
    return s;
}
std::vector<std::string> orgs_of(const std::string& text) {
    static OrganizationExtractor x;
    WordSegmenter seg;
    auto words = seg.words(text);
    return names_of(x.extract(ExtractContext{text, words, {}, false}));
}
std::vector<std::string> places_of(const std::string& text) {
    static PlaceExtractor x;
    WordSegmenter seg;
    auto words = seg.words(text);
    std::vector<std::string> out;
    for (const auto& p : x.extract(ExtractContext{text, words, {}, false})) out.push_back(p.name);
    return out;
}
} // namespace

// Property: whatever the scores, Viterbi returns a sequence spans() reads back completely (no
// name left open, no continuation without its start) and no organisation ends where edges forbid.
TEST(NerTagger, ViterbiIsWellFormedForAnyScores) {
    std::mt19937 rng(7);
    std::normal_distribution<float> d(0, 3);
    for (int round = 0; round < 500; ++round) {
        const std::size_t n = 1 + rng() % 40;
        std::vector<float> emit(n * ner::kTags);
        for (auto& x : emit) x = d(rng);
        std::array<float, ner::kTags * ner::kTags> trans{};
        for (auto& x : trans) x = d(rng);
        ner::Edges e{std::vector<std::uint8_t>(n)};
        for (auto& c : e.close) c = rng() % 2;
        e.close[n - 1] = 1;
        const auto tags = ner::viterbi(emit, n, trans, &e);
        ASSERT_EQ(tags.size(), n);
        std::size_t covered = 0;
        for (const auto& s : ner::spans(tags)) {
            ASSERT_LT(s.b, s.e);
            if (s.kind == ner::kOrg) {
                ASSERT_TRUE(e.close[s.e - 1]) << "round " << round;
            }
            covered += s.e - s.b;
        }
        std::size_t inside = 0;
        for (auto t : tags) inside += t != ner::O;
        ASSERT_EQ(covered, inside) << "a tag outside any name, round " << round;
    }
}

TEST(NerTagger, SpansReadBackTheTags) {
    using ner::tag_of;
    std::vector<ner::Tag> tags = {ner::O, tag_of(ner::kOrg, 0), tag_of(ner::kOrg, 1), tag_of(ner::kOrg, 2),
                                  tag_of(ner::kPlace, 3), tag_of(ner::kPerson, 0), tag_of(ner::kPerson, 2), ner::O};
    const auto s = ner::spans(tags);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].b, 1u);
    EXPECT_EQ(s[0].e, 4u);
    EXPECT_EQ(s[0].kind, ner::kOrg);
    EXPECT_EQ(s[1].b, 4u);
    EXPECT_EQ(s[1].e, 5u);
    EXPECT_EQ(s[1].kind, ner::kPlace);
    EXPECT_EQ(s[2].kind, ner::kPerson);
}

TEST(NerTagger, ModelFileIsReadStrictly) {
    const auto dir = std::filesystem::temp_directory_path() / "jianbao-ner-test";
    std::filesystem::create_directories(dir);
    ner::Model m;
    EXPECT_THROW(m.load((dir / "missing.txt").string()), Error);
    {
        std::ofstream(dir / "bad.txt") << "# comment\nT\t0\n0123456789abcdef\t3:0.5\tx\n";
    }
    try {
        m.load((dir / "bad.txt").string());
        FAIL() << "a malformed weight was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("bad.txt"), std::string::npos) << e.what();
    }
    {
        std::ofstream(dir / "notrans.txt") << "0123456789abcdef\t3:0.5\n";
    }
    EXPECT_THROW(m.load((dir / "notrans.txt").string()), Error);
    std::filesystem::remove_all(dir);
}

// The rules take a preposition or verb into the name (以|上海市虹口检察院, 办起|桂光制衣有限公司)
// or cut it short; the tagger, trained on gold edges, does not.
TEST(NerTagger, CorrectsTheEdgesOfRuleMatches) {
    auto v = orgs_of("以上海市虹口检察院为例，去年办起桂光制衣有限公司的村民增加了收入。");
    EXPECT_TRUE(has(v, "上海市虹口检察院")) << join(v);
    EXPECT_FALSE(has(v, "以上海市虹口检察院")) << join(v);
    EXPECT_TRUE(has(v, "桂光制衣有限公司")) << join(v);
    EXPECT_FALSE(has(v, "办起桂光制衣有限公司")) << join(v);
    // Long names: a unit attached to its parent (附属), a name of dictionary words before 中心, a
    // team under its mine; none cut at a word inside.
    v = orgs_of("他先后在北京协和医院、同仁医院和北京市老年病防治中心工作。中国康复研究中心附属北京博爱医院的医生来到东滩矿综采二队。");
    for (const char* n : {"北京协和医院", "同仁医院", "北京市老年病防治中心", "中国康复研究中心附属北京博爱医院", "东滩矿综采二队"})
        EXPECT_TRUE(has(v, n)) << n << ": " << join(v);
}

// People are tagged too, so a transliterated name is not taken for a place.
TEST(NerTagger, PlacesOfARealSentence) {
    auto p = places_of("江泽民主席在北京会见了来访的美国客人，随后前往上海和浙江考察。");
    for (const char* n : {"北京", "美国", "上海", "浙江"}) EXPECT_TRUE(has(p, n)) << n << ": " << join(p);
    EXPECT_FALSE(has(p, "江泽民")) << join(p);
}

// The tagger joins two bodies written with a conjunction between them (中国银行与海南航空股份有限公司,
// held-out DEV text); the split needs a suffix before the conjunction and a body after it.
TEST(NerTagger, BodiesJoinedByAConjunctionAreTwo) {
    WordSegmenter seg;
    auto split = [&](const std::string& text) {
        const auto words = seg.words(text);
        const ent::Chars t = ent::index(text, words);
        std::vector<std::string> out;
        for (const auto& s : ner::split_joined_bodies(t, ent::finders().orgs, ner::evidence(ent::finders(), t).org_end, {{0, static_cast<std::uint32_t>(t.size()), ner::kOrg}}))
            out.push_back(t.str(s.b, s.e));
        return join(out);
    };
    EXPECT_EQ(split("中国银行与海南航空股份有限公司"), "中国银行 海南航空股份有限公司 ");
    EXPECT_EQ(split("华星化工厂和金山水泥厂"), "华星化工厂 金山水泥厂 ");
    EXPECT_EQ(split("全国人大及其常委会"), "全国人大 常委会 ");
    EXPECT_EQ(split("中华人民共和国国务院"), "中华人民共和国国务院 "); // 和 inside a word
    EXPECT_EQ(split("联合国销毁伊拉克化学、生物和核武器特别委员会"), "联合国销毁伊拉克化学、生物和核武器特别委员会 ");
}

// One name, one reading within a record: the second 兰州海关, read as a place and nothing by the
// tagger, is the organisation found at the first; a longer name around an occurrence stands.
TEST(NerTagger, AnOrganisationIsTheSameAtEveryOccurrence) {
    WordSegmenter seg;
    const std::string text = "兰州海关查获走私案。兰州海关称，甘肃兰州海关大楼和兰州都在。";
    const auto words = seg.words(text);
    const ent::Chars t = ent::index(text, words);
    auto at = [&](const std::string& s, std::size_t nth) {
        std::size_t b = 0;
        for (std::size_t k = 0;; ++k, ++b) {
            while (t.str(b, b + utf8::length(s)) != s) ++b;
            if (k == nth) return static_cast<std::uint32_t>(b);
        }
    };
    const auto n = static_cast<std::uint32_t>(utf8::length("兰州海关"));
    std::vector<ent::Match> ms{{at("兰州海关", 0), at("兰州海关", 0) + n, "government"},
                               {at("兰州", 1), at("兰州", 1) + 2, "place"},
                               {at("甘肃兰州海关大楼", 0), at("甘肃兰州海关大楼", 0) + 8, "facility"},
                               {at("兰州", 3), at("兰州", 3) + 2, "place"}};
    ner::same_name_throughout(t, ms);
    std::vector<std::string> got;
    for (const auto& m : ms) got.push_back(t.str(m.b, m.e) + "/" + m.type);
    EXPECT_EQ(join(got), "兰州海关/government 兰州海关/government 甘肃兰州海关大楼/facility 兰州/place ");
}

// A lead followed by a space (本报讯 云河电子有限公司…): the tagger took the space into the name.
TEST(NerTagger, NamesHoldNoSpaceAtTheirEdges) {
    const auto v = orgs_of("本报讯 云河电子有限公司与东岭机械厂签订协议。");
    EXPECT_TRUE(has(v, "云河电子有限公司")) << join(v);
    for (const auto& name : v) EXPECT_EQ(name.find(' '), std::string::npos) << name;
}

// A station or airport named after the city before it is one place, as PFR tags it (北京西站);
// the tagger found the city alone (襄樊|西站). Cities the tagger has no memory of as stations.
TEST(NerTagger, StationsNamedAfterTheirCityAreOnePlace) {
    const auto v = places_of("旅客从襄樊西站出发，再去绵阳机场，又到株洲东站。");
    EXPECT_TRUE(has(v, "襄樊西站")) << join(v);
    EXPECT_TRUE(has(v, "绵阳机场")) << join(v);
    EXPECT_TRUE(has(v, "株洲东站")) << join(v);
    EXPECT_FALSE(has(v, "襄樊")) << join(v);
}

// A province right before an autonomous prefecture or a 地区 is one place with it, as PFR tags it
// (湖北恩施土家族苗族自治州, never 湖北|恩施…); a city before a plain district name stays apart.
TEST(NerTagger, ProvinceAndAutonomousPrefectureAreOnePlace) {
    const auto v = places_of("他来到贵州黔东南苗族侗族自治州考察，又到湖南湘西土家族苗族自治州，再到四川阿坝地区。");
    EXPECT_TRUE(has(v, "贵州黔东南苗族侗族自治州")) << join(v);
    EXPECT_TRUE(has(v, "湖南湘西土家族苗族自治州")) << join(v);
    EXPECT_TRUE(has(v, "四川阿坝地区")) << join(v);
    EXPECT_FALSE(has(v, "贵州")) << join(v);
    EXPECT_FALSE(has(v, "湖南")) << join(v);
}

// The departments whose names join two fields by 和 (2018's reform) are one name after the
// bulletin's level, however long (市人力资源和社会保障局: eleven characters).
TEST(NerTagger, DepartmentsJoiningTwoFieldsByHe) {
    const auto v = orgs_of("会议决定任命王小明为县发展和改革局局长。县住房和城乡建设局、市人力资源和社会保障局负责人参加会议。");
    for (const char* n : {"县发展和改革局", "县住房和城乡建设局", "市人力资源和社会保障局"}) EXPECT_TRUE(has(v, n)) << n << ": " << join(v);
}

// A street office named after a place the gazetteer does not know (城东, 河西) is an organisation,
// and so is the community right after it.
TEST(NerTagger, StreetOfficesAndTheirCommunities) {
    const std::string text = "区委书记韦振华来到城东街道桂花社区，看望慰问了困难党员。区委副书记蒙志刚先后到南岭镇、河西街道走访慰问。";
    const auto v = orgs_of(text);
    for (const char* n : {"城东街道", "桂花社区", "河西街道"}) EXPECT_TRUE(has(v, n)) << n << ": " << join(v);
    const auto p = places_of(text);
    EXPECT_FALSE(has(p, "城东街")) << join(p);
    EXPECT_FALSE(has(p, "河西")) << join(p);
}

// A name never ends inside its own bracket: (集团) and the suffix after it are the name's.
TEST(NerTagger, NameRunsOverItsBracket) {
    const auto v = orgs_of("本报上海１月２３日电记者吴焰报道：浦东钢铁（集团）公司的炼钢炉今天上午成了见证人。");
    EXPECT_TRUE(has(v, "浦东钢铁（集团）公司")) << join(v);
    for (const auto& n : v) EXPECT_FALSE(n.size() >= 3 && n.compare(n.size() - 3, 3, "团") == 0 && n.find("（") != std::string::npos) << n;
}

// A county's short name inside a phrase of two parallel halves is the phrase's word (惠民惠农).
TEST(NerTagger, ParallelPhraseHoldsNoPlace) {
    const auto p = places_of("督查组对惠民惠农财政补贴资金“一卡通”管理使用情况开展专项督查，并到惠民县走访。");
    EXPECT_FALSE(has(p, "惠民")) << join(p);
}

// ICU glues a particle onto a body's last character (局在, 部将: words of its dictionary); the
// name still ends at the suffix, and common words of that shape (社会, 所在) stay whole.
TEST(NerTagger, NameEndsBeforeAParticleICUGluedOnIt) {
    auto v = orgs_of("近日，县人社局在县城人民广场举办春季招聘会。");
    EXPECT_TRUE(has(v, "县人社局")) << join(v);
    v = orgs_of("省卫生厅和市教育部将联合开展检查。");
    EXPECT_TRUE(has(v, "市教育部")) << join(v);
    v = orgs_of("中科院所在地的社会治安良好。");
    EXPECT_TRUE(v.empty() || !has(v, "中科院所")) << join(v);
}

// A bulletin names its own bodies after the bare level, 街道 included (街道纪工委, 街道应急办), and
// the province's (省农科院); the youth league's committees (团县委); a community whose unknown
// name ICU cut into single characters after a verb (查看|莲|塘|社区).
TEST(NerTagger, BodiesOfTheBulletinsOwnLevels) {
    auto v = orgs_of("9月18日，街道纪工委组织全体机关干部赴基地接受警示教育，街道应急办参加。");
    EXPECT_TRUE(has(v, "街道纪工委")) << join(v);
    EXPECT_TRUE(has(v, "街道应急办")) << join(v);
    v = orgs_of("9月14日，团县委在村里开展志愿服务活动，省农科院专家参加。");
    EXPECT_TRUE(has(v, "团县委")) << join(v);
    EXPECT_TRUE(has(v, "省农科院")) << join(v);
    v = orgs_of("9月14日，团县委联合省农科院专家在村里开展志愿服务活动。"); // 联合 is the verb
    EXPECT_TRUE(has(v, "省农科院")) << join(v);
    EXPECT_FALSE(has(v, "联合省农科院")) << join(v);
    EXPECT_TRUE(has(orgs_of("联合国武器核查小组说。"), "联合国武器核查小组"));
    v = orgs_of("专家们实地查看莲塘社区的设施蔬菜大棚。");
    EXPECT_TRUE(has(v, "莲塘社区")) << join(v);
    v = orgs_of("6月20日，公司工会组织开展知识竞赛，集团团委参加。");  // a company's bulletin
    EXPECT_TRUE(has(v, "公司工会")) << join(v);
    EXPECT_TRUE(has(v, "集团团委")) << join(v);
}

// X家Y乡: a village name ICU reads as a family (马家) and a fragment (坝) is one place with its suffix.
TEST(NerTagger, FamilyNamedPlaceKeepsItsWholeName) {
    const auto v = places_of("县委副书记走访慰问了清水镇、马家坝乡的困难退役军人。");
    EXPECT_TRUE(has(v, "马家坝乡")) << join(v);
    EXPECT_FALSE(has(v, "马家坝")) << join(v);
}

// The rules alone, whatever the tagger learned: a preposition read alone before a word ends a
// name's backward scan (经|派出所|审定, not 国家|经|委), and a brand in capitals opens a company before
// the single characters of the rest of its brand (SGS|通|标|标准技术服务有限公司).
TEST(NerTagger, RuleFinderPrepositionsAndBrands) {
    WordSegmenter seg;
    auto rule_orgs = [&](const std::string& s) {
        const auto words = seg.words(s);
        const ent::Chars t = ent::index(s, words);
        std::vector<std::string> out;
        for (const auto& m : ner::evidence(ent::finders(), t).orgs) out.push_back(t.str(m.b, m.e));
        return out;
    };
    auto v = rule_orgs("为用户做了１０００多块经派出所审定编号的门牌。");
    for (const auto& o : v) EXPECT_EQ(o.find("经"), std::string::npos) << join(v);
    v = rule_orgs("国家经委能源司司长出席会议。");
    EXPECT_TRUE(has(v, "国家经委能源司") || has(v, "国家经委")) << join(v);
    v = rule_orgs("开发区组织SGS通标标准技术服务有限公司等12家外资企业参加活动。");
    EXPECT_TRUE(has(v, "SGS通标标准技术服务有限公司")) << join(v);
}

// Prints the rule finders' evidence and the tagger's names for JIANBAO_NER_DEBUG_TEXT (error
// analysis; skipped otherwise).
TEST(NerTagger, DebugText) {
    const char* text = std::getenv("JIANBAO_NER_DEBUG_TEXT");
    if (!text) GTEST_SKIP() << "set JIANBAO_NER_DEBUG_TEXT";
    WordSegmenter seg;
    const std::string s = text;
    const auto words = seg.words(s);
    const ent::Chars t = ent::index(s, words);
    const ner::Evidence ev = ner::evidence(ent::finders(), t);
    std::string cut;
    for (std::size_t i = 0; i < t.size(); ++i) cut += (i && t.word_start[i] == static_cast<std::int32_t>(i) ? "|" : "") + t.str(i, i + 1);
    std::printf("words: %s\n", cut.c_str());
    auto show = [&](const char* what, const std::vector<ent::Match>& ms) {
        std::string line;
        for (const auto& m : ms) line += t.str(m.b, m.e) + "/" + m.type + " ";
        std::printf("%s: %s\n", what, line.c_str());
    };
    show("rule orgs", ev.orgs);
    show("rule places", ev.places);
    show("gazetteer", ev.gazetteer);
    show("known", ev.known);
    show("tagger", ner::entities_of(t));
}
