// Events, and the seed bulletin end to end for organisations and events: every record's
// required organisations (tools/score.py org_found) and its main event (EVENT_GROUPS).
#include "jianbao/extract/events.hpp"
#include "jianbao/extract/organizations.hpp"
#include "jianbao/pipeline/pipeline.hpp"

#include "entity_eval.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace jianbao;

namespace {

// Importer normalisation: ASCII ,;:?!() next to non-ASCII text become full-width.
std::string normalise(const std::string& s) {
    std::string out = evalutil::fold_input(s);
    std::string r;
    for (std::size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        bool near = (i > 0 && (out[i - 1] & 0x80)) || (i + 1 < out.size() && (out[i + 1] & 0x80));
        const char* fw = nullptr;
        switch (c) {
        case ',': fw = "，"; break;
        case ';': fw = "；"; break;
        case ':': fw = "："; break;
        case '?': fw = "？"; break;
        case '!': fw = "！"; break;
        case '(': fw = "（"; break;
        case ')': fw = "）"; break;
        default: break;
        }
        if (fw && near) r += fw;
        else r += c;
    }
    return r;
}

const std::vector<std::set<std::string>>& event_groups() {
    static const std::vector<std::set<std::string>> g = {
        {"调研", "视察", "走访", "考察", "察看", "检查", "督查", "巡查", "督导", "指导"},
        {"会议", "召开", "主持", "座谈", "会见", "出席", "部署", "汇报"},
        {"签约", "签署", "签订"},
        {"宣讲", "报告", "讲座", "学习", "教育", "培训", "参观"},
        {"慰问", "走访慰问", "看望"},
        {"共建", "结对", "捐赠", "结对共建"},
        {"选举", "投票", "换届"},
    };
    return g;
}
bool same_event(const std::string& a, const std::string& b) {
    if (a == b) return true;
    for (auto& g : event_groups())
        if (g.count(a) && g.count(b)) return true;
    return false;
}
bool org_found(const std::string& req, const std::vector<Organization>& orgs) {
    for (auto& o : orgs)
        if (o.name.find(req) != std::string::npos ||
            (req.find(o.name) != std::string::npos && utf8::length(o.name) + 2 >= utf8::length(req)))
            return true;
    return false;
}

struct SeedRecord {
    Record rec;
    std::vector<std::string> orgs_required;
    std::string event;
};

// A simple split of the seed bulletin in the gold order (the structure stage is not under
// test here): articles start at their title line, briefs at ●, the caption is the last line.
std::vector<SeedRecord> load_seed() {
    std::vector<SeedRecord> out;
    std::ifstream gin(evalutil::shared_dir() + "/seed/gold.json");
    std::ifstream tin(evalutil::shared_dir() + "/seed/kaifaqu-2021-12.txt");
    if (!gin || !tin) return out;
    auto gold = nlohmann::json::parse(gin);
    std::vector<std::string> lines;
    for (std::string l; std::getline(tin, l);) {
        while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.pop_back();
        if (!l.empty()) lines.push_back(normalise(l));
    }
    std::vector<std::size_t> starts;
    std::size_t brief_from = 0;
    for (auto& g : gold["records"]) {
        std::size_t at = lines.size() - 1;
        if (!g["title"].is_null()) {
            std::string title = normalise(g["title"].get<std::string>());
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (lines[i] == title) { at = i; break; }
        } else if (g["kind"] == "brief") {
            for (std::size_t i = brief_from; i < lines.size(); ++i)
                if (lines[i].rfind("●", 0) == 0) { at = i; brief_from = i + 1; break; }
        }
        starts.push_back(at);
        SeedRecord r;
        if (!g["title"].is_null()) r.rec.title = normalise(g["title"].get<std::string>());
        if (!g["date"].is_null()) r.rec.date = g["date"].get<std::string>();
        for (auto& o : g["orgs_required"]) r.orgs_required.push_back(o.get<std::string>());
        r.event = g["event"];
        out.push_back(std::move(r));
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        std::size_t b = starts[k] + (out[k].rec.title ? 1 : 0);
        std::size_t e = k + 1 < out.size() ? starts[k + 1] : lines.size();
        if (out[k].rec.kind == RecordKind::article && k + 1 == out.size()) b = starts[k];
        for (std::size_t i = b; i < e && i < lines.size(); ++i) {
            if (lines[i] == "要闻快览") continue;
            auto& ps = out[k].rec.paragraphs;
            // Rejoin paragraphs broken mid-sentence.
            if (!ps.empty() && !(utf8::ends_with(ps.back(), "。") || utf8::ends_with(ps.back(), "”") ||
                                 utf8::ends_with(ps.back(), "！") || utf8::ends_with(ps.back(), "？")))
                ps.back() += lines[i];
            else
                ps.push_back(lines[i]);
        }
    }
    return out;
}

// The whole pipeline over a bulletin's text, issued in `issued`.
Bulletin parse_issue(const std::string& issued, const std::string& text) {
    static Pipeline pipeline;
    ParseOptions options;
    options.issued = issued;
    return pipeline.parse(text, "t.txt", options);
}

} // namespace

// The headline's trigger is the main event; a later sentence that goes on telling it (出席会议 in
// the meeting's report) adds its people to it, and one of another type (走访) is an event of its own.
TEST(Events, TitleTriggerFirstThenBody) {
    EventExtractor ex;
    Record r;
    r.title = "金锋主持召开开发区经济工作会议";
    r.paragraphs = {"12月25日上午，开发区召开经济条线工作会议。金锋出席会议并讲话。", "会后，金锋走访了企业。"};
    r.date = "2021-12-25";
    r.people = {Person{"金锋", {}, 2}};
    std::string text = r.text();
    WordSegmenter seg;
    auto words = seg.words(text);
    ExtractContext ctx{text, words, {}, true};
    auto ev = ex.extract(ctx, r);
    ASSERT_FALSE(ev.empty());
    EXPECT_EQ(ev[0].type, "meeting");
    EXPECT_EQ(ev[0].sentence, r.title);
    EXPECT_EQ(ev[0].participants, std::vector<std::string>{"金锋"});
    // 出席会议 goes on telling the meeting (same type, same day): no event of its own
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(ev.back().trigger, "走访");
    EXPECT_EQ(ev.back().participants, std::vector<std::string>{"金锋"});
    EXPECT_EQ(ev.back().date, std::optional<std::string>("2021-12-25"));
}

// The headline's event takes in who the body says took part: the sentence that tells it again and
// the companions listed right after (…等陪同); a coarser date in the headline (2022年上半年) does not
// replace the record's own.
TEST(Events, MainEventGathersTheLeadsParticipantsAndKeepsTheDay) {
    auto b = parse_issue("2022-07",
        "县委书记彭德厚调研春耕备耕工作\n\n4月6日上午，县委书记彭德厚深入石桥镇调研春耕备耕工作。"
        "县委常委、县委办主任欧阳慧，副县长龚建新等陪同。\n\n彭德厚强调，要压实粮食安全责任。\n\n\n"
        "公司召开2022年上半年经营工作会议\n\n7月8日，公司召开经营工作会议。总经理邵明主持会议。\n");
    ASSERT_EQ(b.records.size(), 2u);
    ASSERT_FALSE(b.records[0].events.empty());
    const Event& e = b.records[0].events[0];
    EXPECT_EQ(e.trigger, "调研");
    EXPECT_EQ(e.participants, (std::vector<std::string>{"彭德厚", "欧阳慧", "龚建新"}));
    EXPECT_EQ(e.date, std::optional<std::string>("2022-04-06"));
    ASSERT_FALSE(b.records[1].events.empty());
    EXPECT_EQ(b.records[1].date, std::optional<std::string>("2022-07-08"));
    EXPECT_EQ(b.records[1].events[0].date, std::optional<std::string>("2022-07-08"));
}

// A relative day in a sentence (次日) dates its event, the day after the record's: a meeting of the
// next day is an event of its own, not more of the main one.
TEST(Events, NextDayIsAnEventOfItsOwn) {
    auto b = parse_issue("2025-01",
        "区委理论学习中心组召开集体学习会\n\n12月28日上午，区委理论学习中心组召开集体学习会。区委书记韦振华主持会议。\n\n"
        "次日，区委常委会召开会议，研究部署贯彻落实工作。\n");
    ASSERT_EQ(b.records.size(), 1u);
    const auto& ev = b.records[0].events;
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(ev[0].date, std::optional<std::string>("2024-12-28"));
    EXPECT_EQ(ev[1].trigger, "召开");
    EXPECT_EQ(ev[1].date, std::optional<std::string>("2024-12-29"));
    // the relative day dates the event and is listed among the record's dates, with its day
    const auto& ds = b.records[0].dates;
    auto it = std::find_if(ds.begin(), ds.end(), [](const DateMention& d) { return d.text == "次日"; });
    ASSERT_NE(it, ds.end());
    EXPECT_EQ(it->value, std::optional<std::string>("2024-12-29"));
}

// Court and emergency work are events of their own types (data/lexicon/event_types.tsv).
TEST(Events, EnforcementAndEmergency) {
    auto b = parse_issue("2024-07",
        "县法院公开宣判一起非法吸收公众存款案\n\n6月5日下午，县法院依法公开宣判一起非法吸收公众存款案。\n\n\n"
        "柘岭镇干群连夜抢险保住堤防\n\n7月13日凌晨，柘岭镇组织干部群众连夜抢险，加固堤防300米。\n");
    ASSERT_EQ(b.records.size(), 2u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].trigger, "宣判");
    EXPECT_EQ(b.records[0].events[0].type, "enforcement");
    ASSERT_FALSE(b.records[1].events.empty());
    EXPECT_EQ(b.records[1].events[0].type, "emergency");
    EXPECT_EQ(b.records[1].events[0].date, std::optional<std::string>("2024-07-13"));
}

// The headline's event takes the day of the body sentence that tells it (the talks 11月12日-13日,
// the signing 11月13日下午), and a sentence naming no day tells of the last one named before it;
// a festival's eve (元旦前夕) is no event's day.
TEST(Events, TheDayOfTheSentenceThatTellsTheEvent) {
    auto b = parse_issue("2024-11",
        "集团与建设银行签署战略合作协议\n\n11月12日-13日，集团与建设银行开展业务对接。11月13日下午，双方签署战略合作协议。"
        "副行长周晓红、集团总经理钱思远代表双方签约。\n\n\n"
        "区领导走访慰问困难群众\n\n元旦前夕，区领导分别带队走访慰问困难群众。区委书记韦振华来到桂花社区，看望慰问了困难党员。\n");
    ASSERT_EQ(b.records.size(), 2u);
    const auto& ev = b.records[0].events;
    ASSERT_EQ(ev.size(), 1u) << "签约 tells the signing again";
    EXPECT_EQ(ev[0].date, std::optional<std::string>("2024-11-13"));
    EXPECT_EQ(ev[0].time_of_day, std::optional<std::string>("下午"));
    EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"周晓红", "钱思远"}));
    const auto& visit = b.records[1].events;
    ASSERT_EQ(visit.size(), 1u);
    EXPECT_FALSE(visit[0].date);
    EXPECT_EQ(visit[0].participants, std::vector<std::string>{"韦振华"});
}

// The reporter of a byline in brackets is no participant of the event the sentence tells.
TEST(Events, BylineReporterTakesNoPart) {
    auto b = parse_issue("2024-12",
        "高新区召开招商引资工作推进会\n\n本报讯（记者 陆文斌）12月3日下午，高新区召开招商引资工作推进会。"
        "高新区党工委书记江海涛出席并讲话。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].participants, std::vector<std::string>{"江海涛"});
}

TEST(Events, TriggerInsideOrganisationIgnored) {
    EventExtractor ex;
    Record r;
    r.paragraphs = {"12月27日下午，江苏省总工会慰问团走访慰问开发区困难职工。"};
    r.organizations = {Organization{"江苏省总工会慰问团", "association", 1}};
    std::string text = r.text();
    WordSegmenter seg;
    auto words = seg.words(text);
    ExtractContext ctx{text, words, {}, false};
    auto ev = ex.extract(ctx, r);
    ASSERT_FALSE(ev.empty());
    EXPECT_EQ(ev[0].trigger, "走访慰问");
    EXPECT_EQ(ev[0].type, "condolence");
    EXPECT_EQ(ev[0].organizations, std::vector<std::string>{"江苏省总工会慰问团"});
}

TEST(Seed, OrgsRequiredAndEventsRecall) {
    auto recs = load_seed();
    if (recs.empty()) GTEST_SKIP() << "no /work/shared seed";
    ASSERT_EQ(recs.size(), 12u);
    OrganizationExtractor ox;
    EventExtractor ex;
    WordSegmenter seg;
    int o_hit = 0, o_all = 0, e_hit = 0;
    for (std::size_t i = 0; i < recs.size(); ++i) {
        Record& r = recs[i].rec;
        std::string text = r.text();
        auto words = seg.words(text);
        ExtractContext ctx{text, words, {2021, 12, 0}, r.title.has_value()};
        r.organizations = ox.extract(ctx);
        r.events = ex.extract(ctx, r);
        std::string got;
        for (auto& o : r.organizations) got += o.name + "/" + o.type + " ";
        for (auto& req : recs[i].orgs_required) {
            ++o_all;
            if (org_found(req, r.organizations)) ++o_hit;
            else ADD_FAILURE() << "record " << i + 1 << ": missed organisation " << req << " (got " << got << ")";
        }
        bool hit = false;
        std::string evs;
        for (auto& e : r.events) {
            evs += e.trigger + "/" + e.type + " ";
            hit = hit || same_event(recs[i].event, e.trigger) || same_event(recs[i].event, e.type);
        }
        if (hit) ++e_hit;
        else ADD_FAILURE() << "record " << i + 1 << ": missed event " << recs[i].event << " (got " << evs << ")";
        std::printf("record %zu: orgs %s| events %s\n", i + 1, got.c_str(), evs.c_str());
        if (!r.events.empty() && !same_event(recs[i].event, r.events[0].trigger) && !same_event(recs[i].event, r.events[0].type))
            std::printf("  (main event %s is not the gold %s)\n", r.events[0].trigger.c_str(), recs[i].event.c_str());
    }
    std::printf("seed orgs_required recall %.3f, events recall %.3f\n", double(o_hit) / o_all, double(e_hit) / recs.size());
    EXPECT_EQ(o_hit, o_all);
    EXPECT_EQ(e_hit, static_cast<int>(recs.size()));
}

// A campaign's name in quotes (“安全生产月”活动, 《关于开展…调研的通知》) holds no trigger of
// the record's own news; a year alone (2025年) dates no event when the record names its day.
TEST(Events, QuotedNamesHoldNoTriggerAndAYearAloneNoDate) {
    auto b = parse_issue("2025-03",
        "市卫健委召开工作会议\n\n3月10日上午，市卫健委召开2025年卫生健康工作会议。会议传达了《关于开展“走访调研”活动的通知》精神。"
        "市卫健委主任刘志强出席并讲话。\n");
    ASSERT_EQ(b.records.size(), 1u);
    const auto& ev = b.records[0].events;
    ASSERT_FALSE(ev.empty());
    EXPECT_EQ(ev[0].trigger, "召开");
    EXPECT_EQ(ev[0].date, std::optional<std::string>("2025-03-10"));
    for (const auto& e : ev) {
        EXPECT_NE(e.trigger, "走访调研") << e.sentence;
        EXPECT_NE(e.trigger, "调研") << e.sentence;
        EXPECT_NE(e.date, std::optional<std::string>("2025")) << e.trigger;
    }
}

// 教育 names an event only in a campaign's name (警示教育, 主题教育), and the trigger is 教育 as
// the seed's gold writes it; 教育局, 教育工作, 教育是国之大计 are no event.
TEST(Events, EducationOnlyAsACampaign) {
    auto b = parse_issue("2024-04",
        "县长到县实验中学调研教育工作\n\n4月9日上午，县长邵明远到县实验中学调研教育工作。邵明远强调，教育是国之大计。\n\n\n"
        "●4月2日，县教育局组织开展“清明祭英烈”主题教育活动。\n");
    ASSERT_EQ(b.records.size(), 2u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.trigger, "教育") << e.sentence;
    ASSERT_EQ(b.records[1].events.size(), 1u);
    EXPECT_EQ(b.records[1].events[0].trigger, "教育");
    EXPECT_EQ(b.records[1].events[0].type, "lecture");
}

// Drills are events of their own type (data/lexicon/event_types.tsv: drill).
TEST(Events, ADrillIsAnEvent) {
    auto b = parse_issue("2024-06", "我镇开展防汛应急演练\n\n6月18日上午，我镇在青龙河沿岸开展防汛应急演练。副镇长蔡立新现场指挥。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "drill");
    EXPECT_EQ(b.records[0].events[0].date, std::optional<std::string>("2024-06-18"));
}

// A group's bulletin: a sentence telling the headline's signing and a meeting reports both, the
// later …参加会见 joins the meeting, and a meeting held 10月15日至16日 is dated the 15th (the span's
// last day is no day a later sentence tells of).
TEST(Events, SigningAndMeetingInOneSentenceAndASpansLastDay) {
    auto b = parse_issue("2024-10",
        "集团与德国SCHMIDT公司签署战略合作协议\n\n10月8日，集团董事长程国梁在集团总部会见了德国SCHMIDT公司亚太区总裁Thomas Becker一行，"
        "双方签署了战略合作协议。集团总经理冉志鹏参加会见。\n\n\n"
        "集团召开第三季度经营分析会\n\n10月15日至16日，集团召开第三季度经营分析会。会议由冉志鹏主持。\n\n\n"
        "●10月22日至24日，集团纪委书记黎秀梅带队到华晟物流有限公司开展巡察。\n");
    ASSERT_EQ(b.records.size(), 3u);
    const auto& ev = b.records[0].events;
    ASSERT_GE(ev.size(), 2u);
    EXPECT_EQ(ev[0].type, "signing");
    EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"程国梁", "Thomas Becker"}));
    EXPECT_EQ(ev[1].type, "meeting");
    EXPECT_EQ(ev[1].participants, (std::vector<std::string>{"程国梁", "Thomas Becker", "冉志鹏"}));
    const auto& meeting = b.records[1].events;
    ASSERT_EQ(meeting.size(), 1u);
    EXPECT_EQ(meeting[0].date, std::optional<std::string>("2024-10-15"));
    EXPECT_EQ(meeting[0].participants, std::vector<std::string>{"冉志鹏"});
    ASSERT_EQ(b.records[2].events.size(), 1u);
    EXPECT_EQ(b.records[2].events[0].trigger, "巡察");
    const auto& people = b.records[0].people;
    const auto becker = std::find_if(people.begin(), people.end(), [](const Person& p) { return p.name == "Thomas Becker"; });
    ASSERT_NE(becker, people.end());
    EXPECT_EQ(becker->titles, std::vector<std::string>{"德国SCHMIDT公司亚太区总裁"});
}

// 截至11月7日，共督查企业126家: the day a count is reported up to dates no event of its own.
TEST(Events, TheDayACountRunsToIsNoEventsDay) {
    auto b = parse_issue("2025-11",
        "市生态环境局开展专项督查\n\n11月3日至7日，市生态环境局组成5个督查组开展专项督查。副局长戚海波带队赴桐江县督查。"
        "截至11月7日，共督查企业126家，发现问题43个。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].date, std::optional<std::string>("2025-11-03"));
    EXPECT_EQ(b.records[0].events[0].participants, std::vector<std::string>{"戚海波"});
}

// A person named only as the object of what is told (任命韩志刚为…, 免去鲍国平的…) takes no part in the
// event (event_objects_before.txt).
TEST(Events, AppointeesAreNoParticipants) {
    auto b = parse_issue("2024-07",
        "县委常委会研究干部任免事项\n\n7月10日，县委常委会召开会议，研究干部任免事项。县委书记章建平主持会议。"
        "会议决定：任命韩志刚为县发展和改革局局长，免去鲍国平的县发展和改革局局长职务。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].participants, std::vector<std::string>{"章建平"});
}

// A party day's bulletin: 主题党日 and 党课 are events (lecture), and a later sentence of no event of
// its own closing with who took part (…等同志参加活动。) names the main event's people.
TEST(Events, PartyDayAndWhoTookPartLater) {
    auto b = parse_issue("2024-07",
        "街道党工委开展主题党日活动\n\n7月1日，街道党工委组织全体党员开展主题党日活动。街道党工委书记钱勇同志带领党员重温入党誓词，"
        "并为党员讲授专题党课。街道领导班子成员何静、宋涛、于波等同志参加活动。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].type, "lecture");
    EXPECT_EQ(b.records[0].events[0].participants, (std::vector<std::string>{"钱勇", "何静", "宋涛", "于波"}));
}

// More of a bulletin's verbs name events: 帮扶 (partnership), 授课 (lecture), 闭幕 (ceremony).
TEST(Events, BulletinVerbsOfSupportTeachingAndClosing) {
    auto b = parse_issue("2024-11",
        "●11月5日，县人民医院到石门镇开展对口帮扶活动。\n\n●11月8日，县委党校教授为全县村干部授课。\n\n●11月15日，全县运动会闭幕。\n");
    ASSERT_EQ(b.records.size(), 3u);
    const char* types[] = {"partnership", "lecture", "ceremony"};
    for (std::size_t k = 0; k < 3; ++k) {
        ASSERT_FALSE(b.records[k].events.empty()) << k;
        EXPECT_EQ(b.records[k].events[0].type, types[k]) << k;
    }
}

// A trigger that is the thing reported on (通报了安全生产检查情况, 传达了会议精神) names no event.
TEST(Events, ATriggerAsANounNamesNoEvent) {
    auto b = parse_issue("2024-12",
        "街道召开冬季安全生产工作部署会\n\n12月10日上午，街道召开冬季安全生产工作部署会。街道党工委副书记郝振东通报了近期安全生产检查情况，"
        "传达了上级会议精神。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].trigger, "召开");
}

// A sentence telling two things of different types reports both, in reading order (…检查防汛工作，
// 慰问转移安置群众).
TEST(Events, ASentenceOfTwoTypesReportsBoth) {
    auto b = parse_issue("2024-07",
        "县防汛抗旱指挥部启动应急响应\n\n7月15日凌晨，县防汛抗旱指挥部启动防汛Ⅳ级应急响应。"
        "县委书记郜振华当日上午赶赴石门镇检查防汛工作，慰问转移安置群众。\n");
    ASSERT_EQ(b.records.size(), 1u);
    const auto& ev = b.records[0].events;
    ASSERT_EQ(ev.size(), 3u);
    EXPECT_EQ(ev[1].trigger, "检查");
    EXPECT_EQ(ev[2].trigger, "慰问");
    EXPECT_EQ(ev[2].participants, std::vector<std::string>{"郜振华"});
}

// 学习借鉴 ("to learn from") is no study event; 验收 (acceptance) is an inspection.
TEST(Events, LearnFromIsNoEventAcceptanceIsAnInspection) {
    auto b = parse_issue("2025-02", "编者按：现将我县春耕备耕工作情况刊发如下，供各地学习借鉴。\n\n"
                                    "高标准农田建设项目通过验收\n\n2月25日，市农业农村局组织专家组对项目进行验收。\n");
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_TRUE(b.records[0].events.empty());
    ASSERT_FALSE(b.records[1].events.empty());
    EXPECT_EQ(b.records[1].events[0].trigger, "验收");
    EXPECT_EQ(b.records[1].events[0].type, "inspection");
}

// A rank or job named by the activity (二级调研员) is no inspection.
TEST(Events, ARankNamedByTheActivityIsNoEvent) {
    auto b = parse_issue("2024-05", "水库除险加固工程通过验收\n\n5月20日，市水利局二级调研员潘志宏带领专家组对工程进行验收。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.trigger, "调研");
}

// The people of a meeting include those who speak at it (会上，…分别作交流发言; …作工作报告).
TEST(Events, SpeakersAtAMeetingTakePart) {
    auto b = parse_issue("2024-04",
        "清河街道召开网格化治理推进会\n\n4月15日下午，清河街道召开网格化治理推进会。街道党工委书记龚立新出席会议并讲话。"
        "县审计局局长尹建国作工作报告。会上，柳荫社区党委书记孔德芬，翠竹社区网格员邬小燕分别作交流发言。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    const auto& p = b.records[0].events[0].participants;
    for (const char* n : {"龚立新", "尹建国", "孔德芬", "邬小燕"}) EXPECT_NE(std::find(p.begin(), p.end(), n), p.end()) << n;
}

// A study campaign (党纪学习教育) and a circumstance (在消防员指导下，) are no events of their own.
TEST(Events, CampaignsAndCircumstancesAreNoEvents) {
    auto b = parse_issue("2024-08", "镇党委召开党纪学习教育总结会议\n\n8月26日下午，镇党委召开党纪学习教育总结会议。"
                                    "居民在消防员指导下，体验了灭火器使用。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].trigger, "召开");
}

// A tourism count (全县接待游客86.3万人次) is no reception.
TEST(Events, ATourismCountIsNoReception) {
    auto b = parse_issue("2024-10", "国庆假期全县接待游客\n\n10月1日至7日，全县接待游客86.3万人次。\n");
    ASSERT_EQ(b.records.size(), 1u);
    EXPECT_TRUE(b.records[0].events.empty());
}

// The staff an activity names (出动执法人员86人次) is no event of that activity.
TEST(Events, TheStaffOfAnActivityIsNoEvent) {
    auto b = parse_issue("2025-08", "我局开展校园食品安全专项检查\n\n8月18日，我局对全县学校食堂开展专项检查。本次检查共出动执法人员86人次。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.trigger, "执法") << e.trigger;
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].trigger, "检查");
}

// A year alone in a sentence (通报了今年以来…) is the time of what is told, not a day of its own: the
// attendance goes with the meeting, also when the record names no day (近日).
TEST(Events, AYearAloneMakesNoEventOfItsOwn) {
    auto b = parse_issue("2025-12", "全县农村集体经济发展推进会召开\n\n近日，全县农村集体经济发展推进会召开。县委副书记周建华出席并讲话，"
                                    "县农业农村局局长方志勇通报了今年以来全县村级集体经济发展情况。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    const auto& ev = b.records[0].events[0];
    EXPECT_FALSE(ev.date.has_value());
    EXPECT_NE(std::find(ev.participants.begin(), ev.participants.end(), "周建华"), ev.participants.end());
}

// What a speaker asks for (…要求，要全面排查…) is no event.
TEST(Events, WhatASpeakerAsksForIsNoEvent) {
    auto b = parse_issue("2025-09", "街道召开安全生产形势分析会\n\n9月15日下午，街道召开安全生产形势分析会。邵海峰要求，要紧盯重点区域，全面排查整治安全隐患。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].trigger, "召开");
}

// Who attended what the sentence tells (出席签约仪式并致辞) takes part in it: no meeting of its own.
TEST(Events, AttendingASigningIsNoMeeting) {
    auto b = parse_issue("2025-11", "集团与三家企业集中签约\n\n11月20日下午，集团与江州市城市建设投资集团有限公司签订合作协议。"
                                    "集团总经理唐立群出席签约仪式并致辞。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].type, "signing");
    const auto& ps = b.records[0].events[0].participants;
    EXPECT_NE(std::find(ps.begin(), ps.end(), "唐立群"), ps.end());
}

// A company's brand before its Latin spelling in brackets (德国博朗格（Brangel）公司) is the company's
// name, no person of the record.
TEST(Events, BrandBeforeItsLatinSpellingIsNoPerson) {
    auto b = parse_issue("2025-11", "德国博朗格公司代表团来集团洽谈合作\n\n11月6日，德国博朗格（Brangel）公司亚太区总裁托马斯·韦伯一行到访集团。\n");
    ASSERT_EQ(b.records.size(), 1u);
    std::vector<std::string> names;
    for (const auto& p : b.records[0].people) names.push_back(p.name);
    EXPECT_EQ(std::find(names.begin(), names.end(), "博朗格"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "托马斯·韦伯"), names.end());
}

// A sentence opening with 会议 tells the meeting reported: what it studied, and when that was
// (去年12月召开的…会议精神), makes no event of its own.
TEST(Events, WhatAMeetingDealtWithIsNoEvent) {
    auto b = parse_issue("2026-01", "区政府召开第45次常务会议\n\n1月5日上午，区政府召开第45次常务会议，区长方国栋主持会议。"
                                    "会议传达学习了去年12月召开的中央经济工作会议精神，研究部署了今年一季度经济工作。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].date, std::optional<std::string>("2026-01-05"));
}

// Public-service work officials join (义务植树) is an event of its own type.
TEST(Events, TreePlantingIsVolunteering) {
    auto b = parse_issue("2025-03", "本报讯（记者 韩思远）3月12日上午，县委书记甘德胜等县领导在凤凰山义务植树基地参加义务植树活动。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "volunteering");
}

// 主持 alone in its sentence chairs the event reported last (a study session), no meeting of its
// own; a roll call's names took part in the main event, padded ones too (赵　刚).
TEST(Events, ChairingAndRollCallsJoinTheEventReported) {
    auto b = parse_issue("2025-12", "县委理论学习中心组举行集体学习\n\n12月1日，县委理论学习中心组举行2025年第10次集体学习。县委书记庞振东主持并作总结讲话。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].type, "lecture");
    EXPECT_EQ(b.records[0].events[0].participants, std::vector<std::string>{"庞振东"});
    b = parse_issue("2025-10", "县人大常委会召开第二十六次会议\n\n10月28日，县人大常委会召开第二十六次会议。主任欧阳建国主持会议。\n出席会议的还有：\n何静　宋涛　赵　刚　吕晓梅\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    const auto& ps = b.records[0].events[0].participants;
    for (const char* n : {"欧阳建国", "何静", "赵刚", "吕晓梅"}) EXPECT_NE(std::find(ps.begin(), ps.end(), n), ps.end()) << n;
}

// A publicity campaign held (开展…主题宣传活动) is an event, and who came to its site (…到活动现场) took part.
TEST(Events, APublicityCampaignAndWhoCameToIt) {
    auto b = parse_issue("2025-04", "县卫健局开展“世界卫生日”主题宣传活动\n\n4月7日，县卫健局在县城人民广场开展主题宣传活动。"
                                    "县卫健局党委书记、局长蒋文斌，副局长丁海燕到活动现场。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "lecture");
    const auto& ps = b.records[0].events[0].participants;
    EXPECT_NE(std::find(ps.begin(), ps.end(), "丁海燕"), ps.end());
}

// A free clinic (义诊) is public-service work; a contracted care service (签约服务团队) names no signing.
TEST(Events, FreeClinicsAndContractedCare) {
    auto b = parse_issue("2025-07", "7月5日上午，省人民医院专家来到县人民医院，开展大型义诊活动。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "volunteering");
    b = parse_issue("2025-07", "7月22日，江口镇卫生院家庭医生签约服务团队到乌石村开展上门随访。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.type, "signing") << e.trigger;
    b = parse_issue("2025-07", "7月9日至10日，省调研组来我县了解家庭医生签约服务开展情况。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.type, "signing") << e.trigger;
}

// A room named by an activity (第一会议室) names no meeting.
TEST(Events, ARoomNamedByAnActivity) {
    auto b = parse_issue("2024-03", "3月8日下午，学校与华为技术有限公司在行政楼第一会议室举行签约仪式。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.trigger, "会议") << e.trigger;
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "signing");
}

// A case cracked by the police is law enforcement (破获, 抓获), the record's main event before
// the visit of care that follows it.
TEST(Events, CasesCrackedAreEnforcement) {
    auto b = parse_issue("2022-09", "县公安局破获一起特大电信网络诈骗案\n\n9月18日，县公安局刑侦大队成功破获一起特大电信网络诈骗案，抓获犯罪嫌疑人17名。县公安局局长向志强对参战民警进行慰问。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].trigger, "破获");
    EXPECT_EQ(b.records[0].events[0].type, "enforcement");
    EXPECT_EQ(b.records[0].events[0].date, std::optional<std::string>("2022-09-18"));
}

// An honour received is an award (获评, 荣获), the record's main event when its title names it.
TEST(Events, HonoursReceivedAreAwards) {
    auto b = parse_issue("2022-10", "宁川区获评全省营商环境优秀区\n\n近日，省营商环境建设监督局公布评价结果，宁川区获评“全省营商环境优秀区”。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].trigger, "获评");
    EXPECT_EQ(b.records[0].events[0].type, "award");
}

// The awarding body may stand between 被 and the verb (被县委评为); a memorial service is a ceremony
// (公祭); a phrase that holds a trigger reports none (协调解决 holds 调解), nor does a site named
// after one (爱国主义教育基地).
TEST(Events, AwardsByABodyMemorialsAndPhrasesHoldingATrigger) {
    auto b = parse_issue("2023-07", "石桥村获评先进基层党组织\n\n7月1日，石桥村党支部被县委评为“先进基层党组织”。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "award");
    b = parse_issue("2023-06", "我县举行烈士公祭活动\n\n6月3日，我县在县烈士陵园举行烈士公祭活动。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "ceremony");
    b = parse_issue("2023-06", "服务小组解决企业诉求\n\n服务小组收集企业诉求37条，已协调解决29条。修缮后的陵园将作为全县爱国主义教育基地向社会开放。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.type, "enforcement") << e.trigger;
    for (const auto& e : b.records[0].events) EXPECT_NE(e.trigger, "教育") << e.trigger;
}

// A verb of attendance yields to the event it attends (出席…揭牌仪式: the ceremony, with who attended),
// and a ceremony named whole is its sentence's event, the attendance after it joining it.
TEST(Events, AttendanceYieldsToTheCeremonyAttended) {
    auto b = parse_issue("2023-06", "县人民医院新院区启用\n\n6月10日，副县长王明出席新院区揭牌仪式。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].type, "ceremony");
    EXPECT_EQ(b.records[0].events[0].participants, (std::vector<std::string>{"王明"}));
    b = parse_issue("2023-03", "青春建功新时代\n\n3月5日，团县委举行启动仪式。团县委书记高晨阳出席。\n");
    ASSERT_EQ(b.records.size(), 1u);
    ASSERT_EQ(b.records[0].events.size(), 1u);
    EXPECT_EQ(b.records[0].events[0].trigger, "启动仪式");
    EXPECT_EQ(b.records[0].events[0].participants, (std::vector<std::string>{"高晨阳"}));
}

// A discipline commission's sanctions are law enforcement (开除党籍, 处分, 留置); 公开通报 holds 开通
// and is no opening ceremony.
TEST(Events, SanctionsOfADisciplineCommission) {
    auto b = parse_issue("2023-08", "县纪委监委通报典型问题\n\n近日，县纪委监委对3起违反中央八项规定精神典型问题进行公开通报。2023年7月，曹建勋被开除党籍和公职。\n");
    ASSERT_EQ(b.records.size(), 1u);
    for (const auto& e : b.records[0].events) EXPECT_NE(e.type, "ceremony") << e.trigger;
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events.back().type, "enforcement");
    b = parse_issue("2023-08", "县纪委监委对马俊峰采取留置措施\n\n8月2日，县纪委监委对马俊峰采取留置措施。\n");
    ASSERT_FALSE(b.records[0].events.empty());
    EXPECT_EQ(b.records[0].events[0].type, "enforcement");
}
