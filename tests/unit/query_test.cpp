// Queries: filters, query language, sort order, streaming export order, person report, stats.
#include "jianbao/export/graphml.hpp"
#include "jianbao/query/graph.hpp"
#include "jianbao/query/match.hpp"
#include "jianbao/query/person_lookup.hpp"
#include "jianbao/query/query.hpp"
#include "jianbao/store/archive.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace jianbao;

namespace {

Record rec(int seq, RecordKind kind, std::optional<std::string> date, std::optional<std::string> title,
           std::vector<std::string> paragraphs) {
    Record r;
    r.seq = seq;
    r.kind = kind;
    r.date = std::move(date);
    r.title = std::move(title);
    r.paragraphs = std::move(paragraphs);
    return r;
}

Event event(std::string trigger, std::vector<std::string> who) {
    Event e;
    e.trigger = std::move(trigger);
    e.type = "other";
    e.sentence = "…";
    e.participants = std::move(who);
    return e;
}

class QueryTest : public ::testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> n{0};
        dir_ = fs::temp_directory_path() / ("jianbao-query-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        ar_ = std::make_unique<Archive>(dir_ / "a.jianbao", Archive::Mode::read_write);

        Bulletin b;
        b.source = "kaifaqu-2021-12.txt";
        b.sha256 = std::string(64, 'a');
        b.encoding = "UTF-8";
        b.issued = "2021-12";
        // 1: article, 2021-12-09, 王进健 + 张利, title mentions 开发区
        Record r1 = rec(1, RecordKind::article, "2021-12-09", "王进健来开发区调研“二次创业”",
                        {"扬州市委副书记、代市长王进健来邮调研。", "市委书记张利陪同调研。"});
        r1.people = {{"王进健", {"扬州市委副书记", "代市长"}, 2}, {"张利", {"市委书记"}, 1}};
        r1.organizations = {{"扬州市委", "party", 1}, {"邮开发区管委会", "government", 1}};
        r1.events = {event("陪同", {"张利"}), event("调研", {"王进健", "张利"})};
        // 2: brief, 2021-12-15, 张利 alone, body mentions 开发区
        Record r2 = rec(2, RecordKind::brief, "2021-12-15", std::nullopt,
                        {"近日，市委书记张利在开发区督查安全生产工作，要求压实责任。"});
        r2.people = {{"张利", {"市委书记"}, 1}};
        r2.organizations = {{"开发区安监局", "government", 1}};
        r2.events = {event("督查", {"张利"})};
        // 3: caption, no date
        Record r3 = rec(3, RecordKind::caption, std::nullopt, std::nullopt, {"图为储能项目施工现场。"});
        // 4: article, 2022-01-05, 张利 as 市长 with 王进健
        Record r4 = rec(4, RecordKind::article, "2022-01-05", "新年储能项目集中签约",
                        {"市长张利、王进健出席签约仪式。开发区开发区开发区。"});
        r4.people = {{"张利", {"市长"}, 1}, {"王进健", {}, 1}};
        r4.organizations = {{"晶樱光电公司", "company", 1}};
        r4.events = {event("签约", {"张利", "王进健"})};
        // 5: article, year-less date
        Record r5 = rec(5, RecordKind::article, "--12-10", "园区动态", {"招商工作稳步推进。"});
        // 6: article, month-only date
        Record r6 = rec(6, RecordKind::article, "2021-11", "十一月综述", {"开发区十一月工作综述。"});
        b.records = {r1, r2, r3, r4, r5, r6};
        ar_->import(b);
    }
    void TearDown() override {
        ar_.reset();
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    std::vector<int> ids(SearchFilter f) {
        std::vector<int> out;
        for (const auto& h : search(*ar_, f)) out.push_back(static_cast<int>(h.id));
        return out;
    }
    std::vector<int> text(const std::string& q) {
        SearchFilter f;
        f.text = q;
        f.sort = SearchFilter::Sort::date;
        return ids(f);
    }
    Error error_of(const SearchFilter& f) {
        try {
            search(*ar_, f);
        } catch (const Error& e) {
            return e;
        }
        ADD_FAILURE() << "no error";
        return Error("none", 0);
    }

    fs::path dir_;
    std::unique_ptr<Archive> ar_;
};

} // namespace

TEST_F(QueryTest, NoFilterListsAllInExportOrder) {
    // Dated chronologically (2021-11 < 2021-12-09 < 2021-12-15 < 2022-01-05), then --12-10, then null.
    EXPECT_EQ(ids({}), (std::vector<int>{6, 1, 2, 4, 5, 3}));
    std::vector<int> streamed;
    for_each_record(*ar_, {}, [&](const StoredRecord& r) { streamed.push_back(static_cast<int>(r.id)); });
    EXPECT_EQ(streamed, (std::vector<int>{6, 1, 2, 4, 5, 3}));
}

TEST_F(QueryTest, TextQueryLanguage) {
    EXPECT_EQ(text("开发区"), (std::vector<int>{6, 1, 2, 4}));
    EXPECT_EQ(text("开发区 张利"), (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(text("开发区 AND 张利"), (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(text("开发区 -张利"), (std::vector<int>{6}));
    EXPECT_EQ(text("开发区 NOT 张利"), (std::vector<int>{6}));
    EXPECT_EQ(text("督查 OR 签约"), (std::vector<int>{2, 4}));
    EXPECT_EQ(text("张利 督查 OR 签约"), (std::vector<int>{2, 4}));
    EXPECT_EQ(text("\"二次 创业\""), (std::vector<int>{1}));
    EXPECT_EQ(text("“二次创业”"), (std::vector<int>{1})); // curly quotes are text
    EXPECT_EQ(text("不存在的词"), (std::vector<int>{}));
    EXPECT_EQ(text("\"OR\""), (std::vector<int>{}));
}

TEST_F(QueryTest, QueryErrorsAreUsageErrors) {
    for (const char* q : {"\"开发区", "OR", "开发区 OR", "-开发区", "", "  ", "\"\"", "开发区 OR -张利", "NOT", "a OR AND b"}) {
        SearchFilter f;
        f.text = q;
        Error e = error_of(f);
        EXPECT_EQ(e.exit_code(), exit_usage) << q;
        EXPECT_EQ(std::string(e.what()).rfind("search: invalid query", 0), 0u) << e.what();
    }
    EXPECT_EQ(query::to_fts5("a b"), "(\"a\"*) AND (\"b\"*)"); // one character: a prefix query (bigram index)
    EXPECT_EQ(query::to_fts5("a OR b -c"), "((\"a\"* OR \"b\"*)) NOT (\"c\"*)");
    EXPECT_EQ(query::to_fts5("x\"y"), "(\"x\"\"y\")");
}

TEST_F(QueryTest, RelevanceRanksTitleMatchesFirst) {
    SearchFilter f;
    f.text = "储能";
    auto hits = search(*ar_, f);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].id, 4); // in the title
    EXPECT_EQ(hits[1].id, 3);
    EXPECT_EQ(hits[0].heading, "新年储能项目集中签约");
    EXPECT_EQ(hits[1].heading, "图为储能项目施工现场");
    EXPECT_NE(hits[1].snippet.find("\x01储能\x02"), std::string::npos) << hits[1].snippet;
    EXPECT_EQ(hits[1].kind, "caption");
    f.sort = SearchFilter::Sort::date;
    hits = search(*ar_, f);
    EXPECT_EQ(hits[0].id, 4);
    EXPECT_EQ(hits[1].id, 3); // undated last
    SearchFilter none;
    EXPECT_TRUE(search(*ar_, none)[0].snippet.empty());
}

TEST_F(QueryTest, PersonOrgKindLimitFilters) {
    SearchFilter f;
    f.person = "张利";
    EXPECT_EQ(ids(f), (std::vector<int>{1, 2, 4}));
    f.person = "张";
    EXPECT_EQ(ids(f), (std::vector<int>{})); // exact name
    SearchFilter o;
    o.org = "开发区";
    EXPECT_EQ(ids(o), (std::vector<int>{1, 2}));
    o.org = "光电";
    EXPECT_EQ(ids(o), (std::vector<int>{4}));
    o.org = "%";
    EXPECT_EQ(ids(o), (std::vector<int>{})); // no LIKE wildcards
    SearchFilter k;
    k.kind = "brief";
    EXPECT_EQ(ids(k), (std::vector<int>{2}));
    k.kind = "article";
    k.limit = 2;
    EXPECT_EQ(ids(k), (std::vector<int>{6, 1}));
    SearchFilter all;
    all.text = "开发区";
    all.person = "王进健";
    all.kind = "article";
    all.from = "2022";
    all.sort = SearchFilter::Sort::date;
    EXPECT_EQ(ids(all), (std::vector<int>{4}));
    SearchFilter bad;
    bad.kind = "editorial";
    EXPECT_EQ(error_of(bad).exit_code(), exit_usage);
}

TEST_F(QueryTest, DateRanges) {
    auto range = [&](std::optional<std::string> from, std::optional<std::string> to) {
        SearchFilter f;
        f.from = std::move(from);
        f.to = std::move(to);
        return ids(f);
    };
    EXPECT_EQ(range("2021", "2021"), (std::vector<int>{6, 1, 2}));
    EXPECT_EQ(range("2021-12", "2021-12"), (std::vector<int>{1, 2}));
    EXPECT_EQ(range("2021-12-09", "2021-12-09"), (std::vector<int>{1}));
    EXPECT_EQ(range("2021-12-10", std::nullopt), (std::vector<int>{2, 4}));
    EXPECT_EQ(range(std::nullopt, "2021-12-14"), (std::vector<int>{6, 1}));
    EXPECT_EQ(range("2022-01", "2022-01-31"), (std::vector<int>{4}));
    EXPECT_EQ(range("2021-12", "2022"), (std::vector<int>{1, 2, 4}));
    for (const char* bad : {"2021-13", "21", "2021-1", "2021/12/09", "2021-12-32", "yesterday", "2021-12-09x"}) {
        SearchFilter f;
        f.from = bad;
        Error e = error_of(f);
        EXPECT_EQ(e.exit_code(), exit_usage) << bad;
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    SearchFilter inverted;
    inverted.from = "2022";
    inverted.to = "2021-12";
    EXPECT_EQ(error_of(inverted).exit_code(), exit_usage);
}

TEST_F(QueryTest, ForEachRecordFiltersAndLoadsFully) {
    SearchFilter f;
    f.text = "开发区";
    std::vector<StoredRecord> got;
    for_each_record(*ar_, f, [&](const StoredRecord& r) { got.push_back(r); });
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0].id, 6);
    EXPECT_EQ(got[1].record.people.size(), 2u);
    EXPECT_EQ(got[1].record.people[0].titles, (std::vector<std::string>{"扬州市委副书记", "代市长"}));
    EXPECT_EQ(got[1].bulletin.source, "kaifaqu-2021-12.txt");
    EXPECT_EQ(got[1].record.events[1].participants, (std::vector<std::string>{"王进健", "张利"}));
    // A throwing visitor leaves the archive usable.
    EXPECT_THROW(for_each_record(*ar_, {}, [](const StoredRecord&) { throw std::runtime_error("stop"); }),
                 std::runtime_error);
    EXPECT_EQ(stats(*ar_).records, 6u);
}

TEST_F(QueryTest, PersonReport) {
    EXPECT_FALSE(person_report(*ar_, "无此人"));
    auto rep = person_report(*ar_, "张利");
    ASSERT_TRUE(rep);
    ASSERT_EQ(rep->timeline.size(), 3u);
    EXPECT_EQ(rep->timeline[0].record_id, 1);
    EXPECT_EQ(rep->timeline[0].date, "2021-12-09");
    EXPECT_EQ(rep->timeline[0].titles, (std::vector<std::string>{"市委书记"}));
    EXPECT_EQ(rep->timeline[0].event, "陪同"); // first event 张利 takes part in
    EXPECT_EQ(rep->timeline[0].with, (std::vector<std::string>{"王进健"}));
    EXPECT_EQ(rep->timeline[1].heading, "近日");
    EXPECT_EQ(rep->timeline[1].event, "督查");
    EXPECT_TRUE(rep->timeline[1].with.empty());
    EXPECT_EQ(rep->timeline[2].titles, (std::vector<std::string>{"市长"}));
    ASSERT_EQ(rep->titles.size(), 2u);
    EXPECT_EQ(rep->titles[0].title, "市委书记");
    EXPECT_EQ(rep->titles[0].first_seen, "2021-12-09");
    EXPECT_EQ(rep->titles[0].last_seen, "2021-12-15");
    EXPECT_EQ(rep->titles[0].records, 2u);
    EXPECT_EQ(rep->titles[1].title, "市长");
    EXPECT_EQ(rep->titles[1].first_seen, "2022-01-05");
    ASSERT_EQ(rep->companions.size(), 1u);
    EXPECT_EQ(rep->companions[0].name, "王进健");
    EXPECT_EQ(rep->companions[0].records, 2u);
}

TEST_F(QueryTest, PersonReportLimitsNameTheFirstButCountEveryone) {
    // A member list: 张利 with five others, 王进健 among them in record 1 and 4 as well.
    Bulletin b;
    b.source = "members.txt";
    b.sha256 = std::string(64, 'b');
    b.encoding = "UTF-8";
    Record r = rec(1, RecordKind::article, "2021-12-20", "委员名单", {"张利、赵一、钱二、孙三、李四、王进健。"});
    r.people = {{"张利", {}, 1}, {"赵一", {}, 1}, {"钱二", {}, 1}, {"孙三", {}, 1}, {"李四", {}, 1}, {"王进健", {}, 1}};
    b.records = {r};
    ar_->import(b);

    auto full = person_report(*ar_, "张利");
    ASSERT_TRUE(full);
    ASSERT_EQ(full->timeline.size(), 4u);
    const TimelineEntry& list = full->timeline[2]; // 2021-12-20, after 12-09 and 12-15
    EXPECT_EQ(list.with, (std::vector<std::string>{"赵一", "钱二", "孙三", "李四", "王进健"}));
    EXPECT_EQ(list.with_total, 5u);
    EXPECT_EQ(full->companions_total, 5u);
    ASSERT_EQ(full->companions.size(), 5u);
    EXPECT_EQ(full->companions[0].name, "王进健"); // 3 records, then the others in order of appearance
    EXPECT_EQ(full->companions[0].records, 3u);
    EXPECT_EQ(full->companions[1].name, "赵一");

    auto cut = person_report(*ar_, "张利", PersonReportLimits{2, 3});
    ASSERT_TRUE(cut);
    EXPECT_EQ(cut->timeline[2].with, (std::vector<std::string>{"赵一", "钱二"}));
    EXPECT_EQ(cut->timeline[2].with_total, 5u);
    EXPECT_EQ(cut->timeline[0].with, (std::vector<std::string>{"王进健"}));
    EXPECT_EQ(cut->companions_total, 5u);
    ASSERT_EQ(cut->companions.size(), 3u);
    EXPECT_EQ(cut->companions[0].records, 3u);
    EXPECT_EQ(cut->companions[2].name, "钱二");
}

TEST_F(QueryTest, CoAppearanceGraph) {
    CoAppearanceGraph g = co_appearance_graph(*ar_, {});
    ASSERT_EQ(g.nodes.size(), 2u);
    EXPECT_EQ(g.nodes[0].name, "王进健"); // first named, in export order
    EXPECT_EQ(g.nodes[0].records, 2u);
    EXPECT_EQ(g.nodes[0].titles, (std::vector<std::string>{"扬州市委副书记", "代市长"}));
    EXPECT_EQ(g.nodes[1].name, "张利");
    EXPECT_EQ(g.nodes[1].records, 3u);
    EXPECT_EQ(g.nodes[1].titles, (std::vector<std::string>{"市委书记", "市长"})); // twice, then once
    EXPECT_EQ(g.nodes[1].first_date, "2021-12-09");
    EXPECT_EQ(g.nodes[1].last_date, "2022-01-05");
    ASSERT_EQ(g.edges.size(), 1u);
    EXPECT_EQ(g.edges[0].source, 0u);
    EXPECT_EQ(g.edges[0].target, 1u);
    EXPECT_EQ(g.edges[0].weight, 2u); // records 1 and 4
    // Filters select the records; a threshold drops edges, not people.
    SearchFilter f;
    f.from = "2022";
    g = co_appearance_graph(*ar_, f);
    ASSERT_EQ(g.nodes.size(), 2u);
    EXPECT_EQ(g.nodes[0].name, "张利"); // record 4 names 张利 first
    EXPECT_EQ(g.edges.at(0).weight, 1u);
    g = co_appearance_graph(*ar_, {}, 3);
    EXPECT_EQ(g.nodes.size(), 2u);
    EXPECT_TRUE(g.edges.empty());
}

TEST(GraphML, EscapesTextAndReferencesNodes) {
    CoAppearanceGraph g;
    g.nodes.push_back({"A&B<\"", 2, {"主任", "书记"}, "2021-12-01", "2021-12-09"});
    g.nodes.push_back({"张三", 1, {}, std::nullopt, std::nullopt});
    g.edges.push_back({0, 1, 1});
    std::ostringstream out;
    write_graphml(out, g);
    const std::string x = out.str();
    EXPECT_EQ(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
    EXPECT_NE(x.find("<data key=\"label\">A&amp;B&lt;&quot;</data>"), std::string::npos) << x;
    EXPECT_NE(x.find("<data key=\"titles\">主任、书记</data>"), std::string::npos);
    EXPECT_NE(x.find("<edge source=\"n0\" target=\"n1\"><data key=\"weight\">1</data></edge>"), std::string::npos);
    EXPECT_EQ(x.find("first_date\">", x.find("<node id=\"n1\">")), std::string::npos); // no empty dates
}

TEST(PinyinKey, GeneratedTableReadsAsIcuDoes) {
    // The compiled-in table against ICU's transliterator itself, on every 7th BMP Han character
    // (≈ 4,000) and on names read whole, traditional ones included.
    auto icu_key = [](const std::string& s) {
        std::string out;
        for (char c : transform("Han-Latin; Latin-ASCII; Lower", to_simplified(s)))
            if (c >= 'a' && c <= 'z') out += c == 'v' ? 'u' : c;
        return out;
    };
    std::size_t checked = 0;
    for (char32_t c = 0x4E00; c <= 0x9FFF; c += 7) {
        std::string s;
        utf8::append(s, c);
        ASSERT_EQ(pinyin_key(s), icu_key(s)) << s;
        ++checked;
    }
    EXPECT_GT(checked, 2900u);
    for (const char* name : {"江泽民", "司马义·艾买提", "欧阳明华", "吕传赞", "韓雪松", "曾庆红", "单霁翔", "乐黛云"})
        EXPECT_EQ(pinyin_key(name), icu_key(name)) << name;
    EXPECT_EQ(pinyin_key("Jīn Fēng"), "jinfeng");
    EXPECT_EQ(pinyin_key("ＪＩＮ feng1"), "jinfeng");
    EXPECT_EQ(pinyin_key("lǚ"), "lu");
    EXPECT_EQ(pinyin_key("nv"), "nu");
}

TEST_F(QueryTest, Stats) {
    Stats s = stats(*ar_);
    EXPECT_EQ(s.bulletins, 1u);
    EXPECT_EQ(s.records, 6u);
    EXPECT_EQ(s.people, 2u);
    EXPECT_EQ(s.organizations, 4u);
    EXPECT_EQ(s.places, 0u);
    EXPECT_EQ(s.events, 4u);
    EXPECT_EQ(s.first_date, "2021-11");
    EXPECT_EQ(s.last_date, "2022-01-05");
}
