// Per-stage micro-benchmarks (Google Benchmark), so a regression shows where it happened.
// Reads the text of JIANBAO_BENCH_TEXT (a bulletin file), else the bundled sample.
#include "jianbao/decode/decode.hpp"
#include "jianbao/extract/dates.hpp"
#include "jianbao/extract/events.hpp"
#include "jianbao/extract/organizations.hpp"
#include "jianbao/extract/people.hpp"
#include "jianbao/parse/structure.hpp"
#include "jianbao/pipeline/pipeline.hpp"
#include "jianbao/segment/words.hpp"
#include "jianbao/store/archive.hpp"
#include "jianbao/store/fts.hpp"
#include "jianbao/store/sqlite.hpp"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

using namespace jianbao;

namespace {

const std::string& raw() {
    static const std::string bytes = [] {
        const char* env = std::getenv("JIANBAO_BENCH_TEXT");
        return read_bulletin_file(env ? env : JIANBAO_TEST_SOURCE_DIR "/data/sample/qingxi-2023-05.txt");
    }();
    return bytes;
}
const std::string& text() {
    static const std::string t = normalise(decode(raw(), "bench").text);
    return t;
}
const std::vector<Record>& records() {
    static const std::vector<Record> r = parse_structure(text());
    return r;
}

template <class F>
void per_record(benchmark::State& state, F&& f) {
    WordSegmenter seg;
    std::vector<std::pair<std::string, std::vector<Span>>> prepared;
    for (const auto& r : records()) {
        std::string t = r.text();
        auto w = seg.words(t);
        prepared.emplace_back(std::move(t), std::move(w));
    }
    for (auto _ : state)
        for (std::size_t i = 0; i < prepared.size(); ++i) {
            ExtractContext ctx{prepared[i].first, prepared[i].second, PartialDate{1998, 1, 15}, records()[i].title.has_value()};
            f(ctx, records()[i]);
        }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text().size()));
}

void BM_Decode(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(decode(raw(), "bench"));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw().size()));
}
void BM_Normalise(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(normalise(raw()));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw().size()));
}
// ICU alone: the yardstick the import's throughput is measured against.
void BM_SegmentICU(benchmark::State& state) {
    WordSegmenter seg;
    for (auto _ : state) benchmark::DoNotOptimize(seg.words(text()));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text().size()));
}
void BM_Structure(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(parse_structure(text()));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text().size()));
}
void BM_Dates(benchmark::State& state) {
    DateExtractor x;
    per_record(state, [&](const ExtractContext& c, const Record&) { benchmark::DoNotOptimize(x.extract(c)); });
}
void BM_People(benchmark::State& state) {
    PeopleExtractor x;
    per_record(state, [&](const ExtractContext& c, const Record&) { benchmark::DoNotOptimize(x.extract(c)); });
}
void BM_Organizations(benchmark::State& state) {
    OrganizationExtractor x;
    per_record(state, [&](const ExtractContext& c, const Record&) { benchmark::DoNotOptimize(x.extract(c)); });
}
void BM_Places(benchmark::State& state) {
    PlaceExtractor x;
    per_record(state, [&](const ExtractContext& c, const Record&) { benchmark::DoNotOptimize(x.extract(c)); });
}
void BM_Events(benchmark::State& state) {
    EventExtractor x;
    per_record(state, [&](const ExtractContext& c, const Record& r) { benchmark::DoNotOptimize(x.extract(c, r)); });
}
void BM_PipelineParse(benchmark::State& state) {
    Pipeline p;
    ParseOptions o;
    o.issued = "1998-01";
    for (auto _ : state) benchmark::DoNotOptimize(p.parse(raw(), "bench.txt", o));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw().size()));
}
void BM_StoreImport(benchmark::State& state) {
    Pipeline p;
    ParseOptions o;
    o.issued = "1998-01";
    Bulletin b = p.parse(raw(), "bench.txt", o);
    auto dir = std::filesystem::temp_directory_path() / "jianbao-bench";
    std::filesystem::create_directories(dir);
    int n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto path = dir / (std::to_string(n++) + ".db");
        std::filesystem::remove(path);
        Archive a(path, Archive::Mode::read_write);
        state.ResumeTiming();
        a.import(b);
    }
    std::filesystem::remove_all(dir);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw().size()));
}

// The full-text tokenizer alone, over the records' titles and paragraphs.
void BM_FtsTokenize(benchmark::State& state) {
    std::string all;
    for (const Record& r : records()) all += r.text() + "\n";
    for (auto _ : state) {
        std::size_t n = fts::tokens(all).size();
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * all.size()));
}

// Rows into a bare FTS5 table with jianbao's tokenizer, the archive's column layout and one
// transaction per bulletin, as an import does: what the full-text index costs an import.
void BM_FtsInsert(benchmark::State& state) {
    auto path = std::filesystem::temp_directory_path() / "jianbao-bench-fts.db";
    std::filesystem::remove(path);
    sqlite::Db db(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path.string());
    fts::register_tokenizer(db.get());
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "CREATE VIRTUAL TABLE t USING fts5(body, title, tokenize='jianbao')");
    std::size_t bytes = 0;
    for (auto _ : state) {
        sqlite::Transaction tx(db);
        sqlite::Stmt& st = db.cached("INSERT INTO t(body, title) VALUES (?1, ?2)");
        for (const Record& r : records()) {
            std::string body;
            for (const auto& p : r.paragraphs) body += (body.empty() ? "" : "\n") + p;
            st.bind(1, body);
            st.bind(2, r.title ? *r.title : std::string());
            st.step();
            st.reset();
            bytes += body.size() + (r.title ? r.title->size() : 0);
        }
        tx.commit();
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    std::filesystem::remove(path);
}

} // namespace

BENCHMARK(BM_FtsTokenize);
BENCHMARK(BM_FtsInsert);
BENCHMARK(BM_Decode);
BENCHMARK(BM_Normalise);
BENCHMARK(BM_SegmentICU);
BENCHMARK(BM_Structure);
BENCHMARK(BM_Dates);
BENCHMARK(BM_People);
BENCHMARK(BM_Organizations);
BENCHMARK(BM_Places);
BENCHMARK(BM_Events);
BENCHMARK(BM_PipelineParse);
BENCHMARK(BM_StoreImport);
BENCHMARK_MAIN();
