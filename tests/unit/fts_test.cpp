// Full-text index: recall equals a substring scan of the normalised text, normalisation
// (full/half width, case, Traditional→Simplified), hostile queries, insert speed.
#include "jianbao/query/match.hpp"
#include "jianbao/query/query.hpp"
#include "jianbao/segment/words.hpp"
#include "jianbao/store/archive.hpp"
#include "jianbao/store/fts.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace jianbao;

namespace {

struct Corpus {
    fs::path dir;
    std::unique_ptr<Archive> archive;
    std::vector<std::int64_t> ids;                   // record ids, in corpus order
    std::vector<std::vector<std::string>> fields;    // raw title, then paragraphs
    std::vector<std::vector<std::string>> normalized; // the same, normalised
    double import_seconds = 0;
    std::size_t text_bytes = 0;
};

constexpr std::size_t kArticles = 500;

std::vector<Record> eval_records(std::size_t limit, std::vector<std::string>* bulletin_names) {
    std::ifstream in(std::string(JIANBAO_TEST_SHARED_DIR) + "/eval/pfr199801-dev.jsonl");
    std::vector<Record> out;
    std::string line;
    int seq = 0;
    std::string last_bulletin;
    while (out.size() < limit && std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        std::string text = j.at("text").get<std::string>();
        Record r;
        std::vector<std::string> lines;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t nl = text.find('\n', start);
            std::string l = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            if (!l.empty()) lines.push_back(l);
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        if (lines.empty()) continue;
        r.title = lines[0];
        r.paragraphs.assign(lines.begin() + 1, lines.end());
        r.date = j.at("date").get<std::string>();
        std::string b = j.value("bulletin", std::string("x"));
        if (b != last_bulletin) seq = 0;
        last_bulletin = b;
        r.seq = ++seq;
        bulletin_names->push_back(b);
        out.push_back(std::move(r));
    }
    return out;
}

Corpus& corpus() {
    static Corpus c = [] {
        Corpus c;
        c.dir = fs::temp_directory_path() / ("jianbao-fts-" + std::to_string(::getpid()));
        fs::remove_all(c.dir);
        fs::create_directories(c.dir);
        c.archive = std::make_unique<Archive>(c.dir / "corpus.jianbao", Archive::Mode::read_write);
        std::vector<std::string> names;
        std::vector<Record> recs = eval_records(kArticles, &names);
        // One bulletin per source bulletin file, as an import would do.
        std::vector<Bulletin> bulletins;
        for (std::size_t i = 0; i < recs.size(); ++i) {
            if (bulletins.empty() || bulletins.back().source != names[i]) {
                Bulletin b;
                b.source = names[i];
                b.sha256 = std::string(64, '0');
                std::string n = std::to_string(bulletins.size());
                b.sha256.replace(64 - n.size(), n.size(), n);
                b.encoding = "UTF-8";
                bulletins.push_back(std::move(b));
            }
            bulletins.back().records.push_back(recs[i]);
            c.text_bytes += recs[i].text().size();
        }
        auto t0 = std::chrono::steady_clock::now();
        for (const Bulletin& b : bulletins) {
            ImportResult r = c.archive->import(b);
            sqlite::Stmt st = c.archive->db().prepare("SELECT id FROM records WHERE bulletin_id = ?1 ORDER BY seq");
            st.bind(1, r.bulletin_id);
            while (st.step()) c.ids.push_back(st.int64(0));
        }
        c.import_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        for (const Record& r : recs) {
            std::vector<std::string> f{*r.title}, n{fts::normalize(*r.title)};
            for (const auto& p : r.paragraphs) {
                f.push_back(p);
                n.push_back(fts::normalize(p));
            }
            c.fields.push_back(std::move(f));
            c.normalized.push_back(std::move(n));
        }
        return c;
    }();
    return c;
}

struct Cleanup : ::testing::Environment {
    void TearDown() override {
        Corpus& c = corpus();
        c.archive.reset();
        std::error_code ec;
        fs::remove_all(c.dir, ec);
    }
};
const auto* const cleanup_env = ::testing::AddGlobalTestEnvironment(new Cleanup);

// Records whose normalised title or a normalised paragraph contains normalize(q).
std::set<std::int64_t> scan(const std::string& q) {
    Corpus& c = corpus();
    std::string nq = fts::normalize(q);
    std::set<std::int64_t> out;
    for (std::size_t i = 0; i < c.normalized.size(); ++i)
        for (const auto& f : c.normalized[i])
            if (f.find(nq) != std::string::npos) {
                out.insert(c.ids[i]);
                break;
            }
    return out;
}

// The index's answer for a user query, straight from FTS5 (no snippets: fast).
std::set<std::int64_t> index_hits(const std::string& user_query) {
    Corpus& c = corpus();
    sqlite::Stmt& st = c.archive->db().cached("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1");
    st.bind(1, query::to_fts5(user_query));
    std::set<std::int64_t> out;
    while (st.step()) out.insert(st.int64(0));
    return out;
}

// A query string that asks for `s` as one substring: bare when the query language would read
// it as one plain term, quoted otherwise.
std::string as_query(const std::string& s) {
    bool plain = s.find('"') == std::string::npos && s[0] != '-' && s != "OR" && s != "AND" && s != "NOT";
    for (std::size_t i = 0; plain && i < s.size();) {
        char32_t ch = utf8::next(s, i);
        if (ch == ' ' || ch == U'\u3000' || ch == '\t') plain = false;
    }
    return plain ? s : "\"" + s + "\"";
}

std::string substr_chars(const std::string& s, std::size_t from, std::size_t n) {
    auto cs = utf8::chars(s);
    std::string out;
    for (std::size_t i = from; i < std::min(cs.size(), from + n); ++i) out += cs[i];
    return out;
}

void check(const std::string& s, int& checked) {
    if (fts::normalize(s).empty() || s.find('"') != std::string::npos) return;
    std::set<std::int64_t> want = scan(s);
    std::set<std::int64_t> got = index_hits(as_query(s));
    ASSERT_EQ(want, got) << "query: [" << s << "] normalised [" << fts::normalize(s) << "]";
    ++checked;
}

} // namespace

TEST(Fts, NormalisationFoldsWidthCaseAndScript) {
    EXPECT_EQ(fts::normalize("ＧＷｈ １．６"), "gwh1.6");
    EXPECT_EQ(fts::normalize("開發區發展"), "开发区发展");
    EXPECT_EQ(fts::normalize("1.6GWh"), "1.6gwh");
    EXPECT_EQ(fts::normalize("ABC\tdef\n"), "abcdef");
    EXPECT_EQ(fts::normalize("，。"), ",。");
    EXPECT_EQ(fts::normalize("①"), "1");
    EXPECT_EQ(fts::normalize(""), "");
    EXPECT_EQ(fts::normalize("\xff\xfe"), "\xEF\xBF\xBD\xEF\xBF\xBD"); // invalid bytes are U+FFFD
    auto t = fts::tokens("开发\n区 A");
    // Bigrams, the last character of a paragraph alone; none across the '\n'.
    std::vector<std::string> want{"开发", "发", "区a", "a"};
    EXPECT_EQ(t, want);
}

TEST(Fts, TraditionalFoldingTableEqualsIcuTransliterator) {
    // The tokenizer folds with a table generated from ICU at build time; every unified ideograph
    // must fold as ICU's own Traditional-Simplified transliterator does (here through util).
    int changed = 0;
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
        std::string s;
        utf8::append(s, c);
        std::string want = to_simplified(s);
        ASSERT_EQ(fts::normalize(s), want) << "U+" << std::hex << static_cast<unsigned>(c);
        if (want != s) ++changed;
    }
    EXPECT_GT(changed, 2000); // the table is not empty: 發→发, 經→经 …
}

TEST(Fts, RecallEqualsSubstringScanOnRandomSubstrings) {
    Corpus& c = corpus();
    ASSERT_GE(c.ids.size(), kArticles - 5);
    std::mt19937 rng(20240601);
    int checked = 0;
    for (int k = 0; k < 2000; ++k) {
        std::size_t r = rng() % c.fields.size();
        const std::string& f = c.fields[r][rng() % c.fields[r].size()];
        std::size_t len = utf8::length(f);
        if (len == 0) continue;
        std::size_t n = 1 + rng() % 8;
        std::size_t from = rng() % len;
        check(substr_chars(f, from, n), checked);
        if (HasFatalFailure()) return;
    }
    EXPECT_GT(checked, 1900);
}

TEST(Fts, RecallAcrossIcuWordBoundaries) {
    Corpus& c = corpus();
    WordSegmenter seg;
    std::mt19937 rng(7);
    int checked = 0;
    for (int k = 0; k < 300; ++k) {
        std::size_t r = rng() % c.fields.size();
        const std::string& f = c.fields[r][rng() % c.fields[r].size()];
        auto words = seg.words(f);
        if (words.size() < 2) continue;
        std::size_t w = 1 + rng() % (words.size() - 1);
        // Start inside (or at the end of) the previous word, end inside the next one.
        std::string left(f.substr(words[w - 1].begin, words[w - 1].end - words[w - 1].begin));
        std::string right(f.substr(words[w].begin, words[w].end - words[w].begin));
        auto lc = utf8::chars(left), rc = utf8::chars(right);
        std::size_t keep_left = 1 + rng() % std::min<std::size_t>(lc.size(), 4);
        std::size_t keep_right = 1 + rng() % std::min<std::size_t>(rc.size(), 4);
        std::string s;
        for (std::size_t i = lc.size() - keep_left; i < lc.size(); ++i) s += lc[i];
        s += f.substr(words[w - 1].end, words[w].begin - words[w - 1].end); // whitespace between, if any
        for (std::size_t i = 0; i < keep_right; ++i) s += rc[i];
        check(s, checked);
        if (HasFatalFailure()) return;
    }
    EXPECT_GT(checked, 200);
}

TEST(Fts, RecallOfLatinAndDigitRuns) {
    Corpus& c = corpus();
    // Runs of letters/digits/dots in the normalised corpus (the eval text has full-width digits).
    std::vector<std::string> runs;
    for (const auto& rec : c.fields)
        for (const auto& f : rec) {
            std::string cur;
            std::size_t i = 0;
            while (i < f.size()) {
                std::size_t s = i;
                utf8::next(f, i);
                std::string piece = f.substr(s, i - s);
                std::string n = fts::normalize(piece);
                bool latin = n.size() == 1 && (std::isalnum(static_cast<unsigned char>(n[0])) || n[0] == '.' || n[0] == '%');
                if (latin) {
                    cur += piece;
                } else if (!cur.empty()) {
                    runs.push_back(cur);
                    cur.clear();
                }
            }
            if (!cur.empty()) runs.push_back(cur);
        }
    ASSERT_GT(runs.size(), 50u);
    std::mt19937 rng(11);
    int checked = 0;
    for (int k = 0; k < 300; ++k) {
        const std::string& run = runs[rng() % runs.size()];
        std::size_t len = utf8::length(run);
        std::size_t from = rng() % len;
        check(substr_chars(run, from, 1 + rng() % 6), checked);
        if (HasFatalFailure()) return;
    }
    EXPECT_GT(checked, 250);
}

TEST(Fts, MixedLatinDigitsSubstringSemantics) {
    fs::path dir = fs::temp_directory_path() / ("jianbao-fts-mixed-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        Archive ar(dir / "a.jianbao", Archive::Mode::read_write);
        Bulletin b;
        b.source = "m.txt";
        b.sha256 = std::string(64, 'e');
        b.encoding = "UTF-8";
        Record r1;
        r1.seq = 1;
        r1.title = "储能项目签约";
        r1.paragraphs = {"晶樱光电签约1.6GWh储能电池项目。"};
        Record r2;
        r2.seq = 2;
        r2.paragraphs = {"ＡＢＣ公司投资２．５亿元，产能16GW。"};
        Record r3;
        r3.seq = 3;
        r3.paragraphs = {"第一段结尾是开发", "区第二段"}; // no match across paragraphs
        b.records = {r1, r2, r3};
        ar.import(b);
        auto ids = [&](const std::string& q) {
            SearchFilter f;
            f.text = q;
            std::set<int> out;
            for (const auto& h : search(ar, f)) out.insert(static_cast<int>(h.id));
            return out;
        };
        EXPECT_EQ(ids("1.6GWh"), (std::set<int>{1}));
        EXPECT_EQ(ids("GWh"), (std::set<int>{1}));
        EXPECT_EQ(ids("gwh"), (std::set<int>{1}));
        EXPECT_EQ(ids("1.6"), (std::set<int>{1}));
        EXPECT_EQ(ids("6GW"), (std::set<int>{1, 2}));
        EXPECT_EQ(ids("GW"), (std::set<int>{1, 2}));
        EXPECT_EQ(ids("\"1.6 GWh\""), (std::set<int>{1}));
        EXPECT_EQ(ids("abc"), (std::set<int>{2}));
        EXPECT_EQ(ids("2.5亿"), (std::set<int>{2}));
        EXPECT_EQ(ids("２．５"), (std::set<int>{2}));
        EXPECT_EQ(ids("开发区"), (std::set<int>{}));
        EXPECT_EQ(ids("开发"), (std::set<int>{3}));
        EXPECT_EQ(ids("開發"), (std::set<int>{3}));
    }
    fs::remove_all(dir);
}

TEST(Fts, SnippetsMarkExactlyTheNormalisedMatch) {
    // Highlights cover the source bytes of the normalised match: width, case and script folded,
    // one character exactly one character, never across a paragraph.
    const std::string body = "签约１．６ＧＷｈ储能电池项目，开发区管委会出席。"; // 24 characters: shown whole
    std::vector<std::string_view> fields{"储能项目签约", body};
    EXPECT_EQ(fts::snippet(fields, {"gwh"}, "[", "]", 24), "签约１．６[ＧＷｈ]储能电池项目，开发区管委会出席。");
    EXPECT_EQ(fts::snippet(fields, {"開發區"}, "[", "]", 24), "签约１．６ＧＷｈ储能电池项目，[开发区]管委会出席。");
    EXPECT_EQ(fts::snippet(fields, {"储"}, "[", "]", 24), "[储]能项目签约"); // the title holds it
    // The field with the most terms; adjacent matches are one mark.
    EXPECT_EQ(fts::snippet(fields, {"签约", "1.6"}, "[", "]", 24), "[签约１．６]ＧＷｈ储能电池项目，开发区管委会出席。");
    EXPECT_EQ(fts::snippet(fields, {"缺席"}, "[", "]", 24), "");
    // A long field is cut around the first match, with … where text was left out.
    std::string long_body;
    for (int i = 0; i < 40; ++i) long_body += "农";
    long_body += "改革开放";
    for (int i = 0; i < 40; ++i) long_body += "业";
    std::string sn = fts::snippet({long_body}, {"改革开放"}, "[", "]", 24);
    EXPECT_EQ(sn.rfind("…", 0), 0u) << sn;
    EXPECT_NE(sn.find("[改革开放]"), std::string::npos) << sn;
    EXPECT_EQ(utf8::length(sn), 24u + 2 + 2) << sn; // 24 characters, two ellipses, two marks
    auto m = fts::find_matches("第一段结尾是开发\n区第二段", {fts::normalize("开发区")});
    EXPECT_TRUE(m.empty()); // no match across paragraphs
}

TEST(Fts, TraditionalQueryFindsSimplifiedText) {
    Corpus& c = corpus();
    // Pick simplified words from the corpus whose traditional form differs.
    std::vector<std::pair<std::string, std::string>> pairs = {
        {"經濟", "经济"}, {"發展", "发展"}, {"國務院", "国务院"}, {"會議", "会议"}, {"學習", "学习"}};
    for (const auto& [trad, simp] : pairs) {
        std::set<std::int64_t> want = scan(simp);
        ASSERT_FALSE(want.empty()) << simp;
        EXPECT_EQ(index_hits(trad), want) << trad;
        EXPECT_EQ(index_hits(simp), want) << simp;
    }
    (void)c;
}

TEST(Fts, SearchMarksSnippetsAndRanksTitleFirst) {
    Corpus& c = corpus();
    SearchFilter f;
    f.text = "经济";
    auto hits = search(*c.archive, f);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.size(), scan("经济").size());
    for (const auto& h : hits) {
        EXPECT_NE(h.snippet.find("\x01经济\x02"), std::string::npos) << h.snippet;
        EXPECT_FALSE(h.heading.empty());
    }
    // The best hit has the term in its title when any record does.
    bool any_title = false;
    for (std::size_t i = 0; i < c.normalized.size(); ++i)
        if (c.normalized[i][0].find("经济") != std::string::npos) any_title = true;
    if (any_title) {
        EXPECT_NE(hits[0].heading.find("经济"), std::string::npos) << hits[0].heading;
    }
}

TEST(Fts, RankTopKEqualsFtsBm25) {
    // jianbao_rank skips the exact score of rows that cannot reach the top k; the first k rows
    // must still be exactly FTS5's own bm25 order (same weights, ties by id).
    Corpus& c = corpus();
    const sqlite::Db& db = c.archive->db();
    auto ids = [&](const std::string& sql, const std::string& match) {
        sqlite::Stmt st = db.prepare(sql);
        st.bind(1, match);
        std::vector<std::int64_t> out;
        while (st.step()) out.push_back(st.int64(0));
        return out;
    };
    int compared = 0;
    for (std::string q : {"经济", "发展", "改革开放", "中国 人民", "农业 OR 农村", "年", "1998", "经济 -发展"}) {
        std::string m = query::to_fts5(q);
        for (int k : {1, 5, 20, 100}) {
            std::string lim = " LIMIT " + std::to_string(k);
            auto want = ids("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 ORDER BY bm25(records_fts, 1.0, 5.0), rowid" + lim, m);
            auto got = ids("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 ORDER BY jianbao_rank(records_fts, " +
                           std::to_string(k) + ", 1.0, 5.0), rowid" + lim, m);
            ASSERT_FALSE(want.empty()) << q;
            EXPECT_EQ(got, want) << q << " k=" << k;
            // With a filter (as search's date, kind or person filters), applied before the ranking sees a row.
            std::string f = " AND records_fts.rowid % 3 = 0";
            want = ids("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1" + f + " ORDER BY bm25(records_fts, 1.0, 5.0), rowid" + lim, m);
            got = ids("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1" + f + " ORDER BY jianbao_rank(records_fts, " +
                      std::to_string(k) + ", 1.0, 5.0), rowid" + lim, m);
            EXPECT_EQ(got, want) << q << " k=" << k << " filtered";
            ++compared;
        }
    }
    EXPECT_EQ(compared, 32);
}

TEST(Fts, HostileQueriesNeverCrashNorLeakSqlite) {
    Corpus& c = corpus();
    const std::vector<std::string> hostile = {
        "\"", "(", ")", "*", "NEAR(", "NEAR(a b)", "a AND", "AND", "OR", "NOT", "a OR", "OR a", "a OR OR b",
        "'; DROP TABLE records; --", "^", ":", "title:经济", "经济*", "^经济", "\"\"", "\"经济", "经济\"",
        "-", "-经济", "- 经济", "a - b", "{title body}: x", "\x01", "   ", "", "\t", "经济 \"", "a\"b", "+",
        "col:", "records_fts", "NEAR", "\"a\" \"b\"", "-\"经济\"", "经济 NOT", "经济 -\"\"", std::string("a\0b", 3),
        "\xff\xfe", "(((((((", "）", "＂", "“经济”", "1 = 1", "' OR '1'='1", "*:*", "经济 AND 发展", "经济 OR 发展",
        "经济 NOT 发展", "NOT 经济", "经济 -发展"};
    for (const auto& q : hostile) {
        SearchFilter f;
        f.text = q;
        try {
            auto hits = search(*c.archive, f);
            (void)hits;
        } catch (const Error& e) {
            std::string msg = e.what();
            EXPECT_EQ(e.exit_code(), exit_usage) << q << ": " << msg;
            EXPECT_EQ(msg.find("fts5"), std::string::npos) << msg;
            EXPECT_EQ(msg.find("syntax error"), std::string::npos) << msg;
            EXPECT_EQ(msg.rfind("search: ", 0), 0u) << msg;
        } catch (const std::exception& e) {
            ADD_FAILURE() << "query [" << q << "] threw a non-jianbao exception: " << e.what();
        }
    }
    // The archive is intact.
    EXPECT_EQ(stats(*c.archive).records, c.ids.size());
    // Literal punctuation is searchable as text.
    EXPECT_EQ(index_hits("（"), scan("（"));
    EXPECT_EQ(index_hits("\"（附图片\""), scan("（附图片"));
}

TEST(Fts, InsertRateAndIndexSize) {
    Corpus& c = corpus();
    double mb = static_cast<double>(c.text_bytes) / 1e6;
    // Tokenizer alone.
    std::string all;
    for (const auto& rec : c.fields)
        for (const auto& f : rec) all += f + "\n";
    auto t0 = std::chrono::steady_clock::now();
    std::size_t ntok = fts::tokens(all).size();
    double tok_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    sqlite::Stmt& st = c.archive->db().cached(
        "SELECT (SELECT sum(length(CAST(block AS BLOB))) FROM records_fts_data), "
        "(SELECT sum(length(CAST(body AS BLOB)) + ifnull(length(CAST(title AS BLOB)), 0)) FROM records)");
    ASSERT_TRUE(st.step());
    double index_bytes = static_cast<double>(st.int64(0));
    double text_bytes = static_cast<double>(st.int64(1));
    st.reset();
    std::printf("[ figures  ] %zu records, %.2f MB text; import %.2f s = %.2f MB/s (whole archive); "
                "tokenizer %.1f MB/s (%zu tokens); FTS index %.2f MB = %.2fx text\n",
                c.ids.size(), mb, c.import_seconds, mb / c.import_seconds, static_cast<double>(all.size()) / 1e6 / tok_s,
                ntok, index_bytes / 1e6, index_bytes / text_bytes);
    RecordProperty("import_mb_per_s", std::to_string(mb / c.import_seconds));
    RecordProperty("index_ratio", std::to_string(index_bytes / text_bytes));
}
