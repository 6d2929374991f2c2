// The streaming JSON writer against nlohmann's rendering of record_to_json, byte for byte: real
// records from the pipeline (the sample bulletin and the People's Daily DEV pages), hand-made hard
// strings, every short byte string, and RecordWriter's array and NDJSON framing.
#include "jianbao/export/json.hpp"
#include "jianbao/pipeline/pipeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <sstream>

using namespace jianbao;
namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

// What the export printed before the writer: nlohmann's dump with the replace handler.
std::string reference(const Record& r, const BulletinInfo& b, std::optional<std::int64_t> id, int indent,
                      std::optional<std::string> snippet = std::nullopt) {
    ojson j = record_to_json(r, b, id);
    if (snippet) j["snippet"] = *snippet;
    return j.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

std::string written(const Record& r, const BulletinInfo& b, std::optional<std::int64_t> id, int indent,
                    std::optional<std::string> snippet = std::nullopt) {
    std::string out;
    append_record_json(out, r, b, id, indent, snippet);
    return out;
}

std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

std::string reference_string(std::string_view s) {
    return ojson(std::string(s)).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// Compares one record compact, at the export's indent 2, and at 4 (the indent is a parameter);
// returns the bytes compared, so callers can tell an empty comparison from a real one.
std::size_t expect_same(const Record& r, const BulletinInfo& b, std::optional<std::int64_t> id,
                        std::optional<std::string> snippet = std::nullopt) {
    std::size_t bytes = 0;
    for (int indent : {-1, 2, 4}) {
        std::string want = reference(r, b, id, indent, snippet);
        EXPECT_EQ(written(r, b, id, indent, snippet), want) << "indent " << indent << ", record " << r.seq;
        bytes += want.size();
    }
    return bytes;
}

Bulletin parse_file(Pipeline& pipeline, const fs::path& file) {
    return pipeline.parse(read_bulletin_file(file), file.filename().string(), ParseOptions{});
}

BulletinInfo info_of(const Bulletin& b, std::int64_t id) { return {id, b.source, b.sha256, b.encoding, b.issued, b.masthead, b.colophon}; }

// Every part of a record filled, so the comparisons reach every key.
bool fully_populated(const Record& r) {
    return r.title && !r.paragraphs.empty() && !r.dates.empty() && !r.people.empty() &&
           !r.organizations.empty() && !r.places.empty() && !r.events.empty();
}

const std::vector<std::string> kHardStrings = [] {
    std::vector<std::string> v = {
        "",
        "plain ASCII",
        "quote \" and backslash \\ and slash /",
        "\\\"\\\\",
        std::string("nul \0 inside", 12),
        "del \x7F stays",
        "开发区管委会召开会议",
        "emoji 😀 and 𠀀 (4-byte UTF-8)",
        "lone continuation \x80 byte",
        "continuation at end \xBF",
        "truncated 3-byte \xE5\xBC",
        "truncated 3-byte at end \xE5\xBC",
        "truncated 4-byte \xF0\x9F\x98 then text",
        "overlong slash \xC0\xAF and NUL \xC0\x80 and \xE0\x80\xAF",
        "surrogate \xED\xA0\x80 half",
        "past U+10FFFF \xF4\x90\x80\x80",
        "bytes never valid \xF5 \xFF \xC1",
        "lead then ASCII \xE5" "A",
        "\xE5\xBC\xE5\xBC\x80",
    };
    std::string controls;
    for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
    v.push_back(controls + "\x7F");
    for (int c = 0; c < 0x20; ++c) v.push_back(std::string(1, static_cast<char>(c)));
    return v;
}();

// A record whose every string field is `s` (and a couple of its neighbours).
Record hard_record(const std::string& s, int seq) {
    Record r;
    r.seq = seq;
    r.kind = RecordKind::brief;
    r.section = s;
    r.title = s;
    r.date = s;
    r.time_of_day = std::nullopt;
    r.date_text = s;
    r.paragraphs = {s, "", s + s};
    r.dates = {{s, s, std::nullopt, 0, 0}, {"", std::nullopt, s, 0, 0}};
    r.people = {{s, {s, ""}, -3}, {"", {}, 0}};
    r.organizations = {{s, s, std::numeric_limits<int>::max()}};
    r.places = {{s, std::numeric_limits<int>::min()}};
    r.events = {{s, s, s, std::nullopt, s, {s}, {}}, {"", "", std::nullopt, s, "", {}, {s, s}}};
    return r;
}

} // namespace

// Known output, written out by hand: the layout itself (separators, empty containers, nulls),
// independently of nlohmann.
TEST(ExportJson, SmallRecordByHand) {
    Record r;
    r.seq = 3;
    r.title = "标题";
    r.paragraphs = {"a\"b"};
    r.people = {{"金锋", {}, 2}};
    BulletinInfo b{5, "s.txt", "ab", "UTF-8", std::nullopt, {"某某简报", "第3期"}, {}};
    EXPECT_EQ(written(r, b, 42, -1),
              R"({"id":42,"bulletin":{"id":5,"source":"s.txt","sha256":"ab","encoding":"UTF-8","issued":null,)"
              R"("masthead":["某某简报","第3期"],"colophon":[]},)"
              R"("seq":3,"kind":"article","section":null,"title":"标题","date":null,"time_of_day":null,)"
              R"("date_text":null,"paragraphs":["a\"b"],"dates":[],"people":[{"name":"金锋","titles":[],"mentions":2}],)"
              R"("organizations":[],"places":[],"events":[]})");
    std::string pretty = written(r, b, std::nullopt, 2, "片段");
    EXPECT_TRUE(pretty.starts_with("{\n  \"id\": null,\n  \"bulletin\": {\n    \"id\": 5,\n")) << pretty;
    EXPECT_NE(pretty.find("  \"paragraphs\": [\n    \"a\\\"b\"\n  ],\n  \"dates\": [],\n"), std::string::npos) << pretty;
    EXPECT_NE(pretty.find("  \"people\": [\n    {\n      \"name\": \"金锋\",\n      \"titles\": [],\n"), std::string::npos)
        << pretty;
    EXPECT_TRUE(pretty.ends_with("\n  \"events\": [],\n  \"snippet\": \"片段\"\n}")) << pretty;
}

TEST(ExportJson, StringEscapesByHand) {
    EXPECT_EQ(json_string(""), "\"\"");
    EXPECT_EQ(json_string("\"\\/"), "\"\\\"\\\\/\"");
    EXPECT_EQ(json_string("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
    EXPECT_EQ(json_string(std::string("\0\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
    EXPECT_EQ(json_string("开😀"), "\"开😀\"");
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(json_string("a\x80" "b"), "\"a" + fffd + "b\"");
    EXPECT_EQ(json_string("\xE5\xBC"), "\"" + fffd + "\"");             // truncated: one U+FFFD
    EXPECT_EQ(json_string("\xE5\xBC" "A"), "\"" + fffd + "A\"");        // the byte that broke it is kept
    EXPECT_EQ(json_string("\xC0\x80"), "\"" + fffd + fffd + "\"");      // overlong: two bad bytes
    EXPECT_EQ(json_string("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\""); // surrogate
}

// The sample bulletin through the real pipeline, as import and export see it.
TEST(ExportJson, SampleBulletinMatchesNlohmann) {
    Pipeline pipeline;
    Bulletin b = parse_file(pipeline, fs::path(JIANBAO_TEST_SOURCE_DIR) / "data" / "sample" / "qingxi-2023-05.txt");
    ASSERT_GE(b.records.size(), 9u);
    BulletinInfo stored = info_of(b, 17), parsed = info_of(b, 0);
    std::size_t bytes = 0, populated = 0;
    for (std::size_t i = 0; i < b.records.size(); ++i) {
        bytes += expect_same(b.records[i], stored, static_cast<std::int64_t>(1000 + i));
        bytes += expect_same(b.records[i], parsed, std::nullopt, "…<b>开发区</b>…");
        populated += fully_populated(b.records[i]);
    }
    EXPECT_GT(populated, 0u) << "no record exercises every key";
    EXPECT_GT(bytes, 50'000u);
}

// The People's Daily DEV pages (../shared/eval/bulletins-dev), when present.
TEST(ExportJson, DevBulletinsMatchNlohmann) {
    fs::path dir = fs::path(JIANBAO_TEST_SHARED_DIR) / "eval" / "bulletins-dev";
    if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " not found";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    ASSERT_FALSE(files.empty());
    Pipeline pipeline;
    std::size_t records = 0, bytes = 0, populated = 0;
    std::int64_t id = 1;
    for (const auto& f : files) {
        Bulletin b = parse_file(pipeline, f);
        BulletinInfo info = info_of(b, id);
        for (const Record& r : b.records) {
            bytes += expect_same(r, info, id++);
            populated += fully_populated(r);
            ++records;
        }
    }
    EXPECT_GT(records, files.size());
    EXPECT_GT(populated, 0u);
    EXPECT_GT(bytes, 1'000'000u);
}

TEST(ExportJson, HardStringsMatchNlohmann) {
    BulletinInfo b{std::numeric_limits<std::int64_t>::max(), "", "", "", std::nullopt, {}, {}};
    int seq = -1;
    for (const std::string& s : kHardStrings) {
        SCOPED_TRACE(::testing::PrintToString(s));
        Record r = hard_record(s, seq--);
        expect_same(r, b, std::numeric_limits<std::int64_t>::min(), s);
        BulletinInfo hard{1, s, s, s, s, {s}, {s, s}};
        expect_same(r, hard, 0);
        EXPECT_EQ(json_string(s), reference_string(s));
    }
    // Empty arrays and null optionals everywhere.
    expect_same(Record{}, BulletinInfo{}, std::nullopt);
}

// Every one- and two-byte string, and every string of up to four bytes drawn from one or two
// bytes of each class nlohmann's UTF-8 decoder tells apart (ASCII, escapes, each continuation
// range, each kind of lead byte, the bytes never valid).
TEST(ExportJson, ShortByteStringsMatchNlohmann) {
    std::size_t mismatches = 0;
    auto check = [&](const std::string& s) {
        if (json_string(s) != reference_string(s) && ++mismatches <= 10)
            ADD_FAILURE() << ::testing::PrintToString(s) << ": " << json_string(s) << " vs " << reference_string(s);
    };
    for (int a = 0; a < 256; ++a) {
        check(std::string(1, static_cast<char>(a)));
        for (int c = 0; c < 256; ++c) check({static_cast<char>(a), static_cast<char>(c)});
    }
    const unsigned char classes[] = {0x00, 0x0A, 0x1F, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                     0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
                                     0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    std::string s(4, '\0');
    for (unsigned char a : classes)
        for (unsigned char b : classes)
            for (unsigned char c : classes) {
                s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
                check(s);
                for (unsigned char d : classes) {
                    s.resize(3);
                    s += static_cast<char>(d);
                    check(s);
                }
            }
    EXPECT_EQ(mismatches, 0u);
}

// The array and NDJSON framing as before (records dumped at indent 2 from the left margin,
// "[]" for none), across the writer's internal flushes.
TEST(ExportJson, RecordWriterFraming) {
    Pipeline pipeline;
    Bulletin b = parse_file(pipeline, fs::path(JIANBAO_TEST_SOURCE_DIR) / "data" / "sample" / "qingxi-2023-05.txt");
    BulletinInfo info = info_of(b, 3);
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{600}}) {
        std::string want_json = n == 0 ? "[]\n" : "[\n", want_nd;
        std::ostringstream json_out, nd_out;
        {
            RecordWriter json_writer(json_out, RecordWriter::Format::json);
            RecordWriter nd_writer(nd_out, RecordWriter::Format::ndjson);
            for (std::size_t i = 0; i < n; ++i) {
                StoredRecord s{static_cast<std::int64_t>(i + 1), info, b.records[i % b.records.size()]};
                std::optional<std::string> snippet;
                if (i % 3 == 1) snippet = "<b>" + std::to_string(i) + "</b>";
                json_writer.write(s, snippet);
                nd_writer.write(s, snippet);
                if (i) want_json += ",\n";
                want_json += reference(s.record, s.bulletin, s.id, 2, snippet);
                want_nd += reference(s.record, s.bulletin, s.id, -1, snippet) + "\n";
            }
            if (n) want_json += "\n]\n";
            EXPECT_EQ(json_writer.count(), n);
            // nd_writer finishes in its destructor; json_writer explicitly.
            json_writer.finish();
        }
        EXPECT_EQ(json_out.str(), want_json) << n << " records";
        EXPECT_EQ(nd_out.str(), want_nd) << n << " records";
        if (n == 600) {
            EXPECT_GT(want_nd.size(), 512u * 1024u); // more than one internal flush
        }
    }
}

// Records not yet in an archive (`jianbao parse`): ids null.
TEST(ExportJson, ParsedRecordsHaveNullIds) {
    Record r;
    r.seq = 1;
    std::ostringstream out;
    RecordWriter w(out, RecordWriter::Format::ndjson);
    w.write(r, BulletinInfo{0, "x.txt", "", "UTF-8", "2023-05", {}, {}}, std::nullopt);
    w.finish();
    EXPECT_NE(out.str().find(R"("bulletin":{"id":null,"source":"x.txt")"), std::string::npos);
    EXPECT_EQ(out.str(), reference(r, BulletinInfo{0, "x.txt", "", "UTF-8", "2023-05", {}, {}}, std::nullopt, -1) + "\n");
}
