// Test helpers for the entity extractors: read the PFR DEV split, normalise like the
// importer, and score per bulletin page as tools/score.py does (sets after NFKC).
#pragma once
#include "jianbao/extract/context.hpp"
#include "jianbao/segment/words.hpp"
#include "jianbao/util/utf8.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace evalutil {

inline std::string shared_dir() { return JIANBAO_TEST_SHARED_DIR; }

// Importer normalisation: full-width ASCII digits and letters to ASCII.
inline std::string fold_input(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = jianbao::utf8::next(s, i);
        if ((c >= U'０' && c <= U'９') || (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ')) c = c - 0xFEE0;
        jianbao::utf8::append(out, c);
    }
    return out;
}
// Approximate NFKC for comparison: all full-width ASCII to ASCII, ideographic space to space.
inline std::string nfkc(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = jianbao::utf8::next(s, i);
        if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFEE0;
        if (c == 0x3000) c = U' ';
        jianbao::utf8::append(out, c);
    }
    return out;
}

struct Article {
    std::string id, date, bulletin, text;
    std::vector<std::string> orgs, places, persons;
};

inline int fold_of(const std::string& date) { return (std::stoi(date.substr(8, 2)) / 2) % 2; }

// All DEV articles; with JIANBAO_EVAL_FOLD=k only those of fold k (2-fold CV by day).
inline std::vector<Article> load_dev() {
    std::vector<Article> out;
    std::ifstream in(shared_dir() + "/eval/pfr199801-dev.jsonl");
    if (!in) return out;
    const char* f = std::getenv("JIANBAO_EVAL_FOLD");
    int fold = f && *f ? std::atoi(f) : -1;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        Article a;
        a.id = j["id"];
        a.date = j["date"];
        if (fold >= 0 && fold_of(a.date) != fold) continue;
        a.bulletin = j["bulletin"];
        a.text = fold_input(j["text"].get<std::string>());
        for (auto& x : j["orgs"]) a.orgs.push_back(nfkc(x.get<std::string>()));
        for (auto& x : j["places"]) a.places.push_back(nfkc(x.get<std::string>()));
        for (auto& x : j["persons"]) a.persons.push_back(nfkc(x.get<std::string>()));
        out.push_back(std::move(a));
    }
    return out;
}

struct Score {
    long tp = 0, fp = 0, fn = 0;
    std::map<std::string, int> missed, extra;
    double p() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
    double r() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
    double f1() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
    void add(const std::set<std::string>& want, const std::set<std::string>& got) {
        for (auto& w : want)
            if (got.count(w)) ++tp;
            else { ++fn; ++missed[w]; }
        for (auto& g : got)
            if (!want.count(g)) { ++fp; ++extra[g]; }
    }
    void print(const char* what, int top = 30) const {
        std::printf("%s: P %.4f R %.4f F1 %.4f (tp %ld fp %ld fn %ld)\n", what, p(), r(), f1(), tp, fp, fn);
        auto dump = [&](const char* label, const std::map<std::string, int>& m) {
            std::vector<std::pair<int, std::string>> v;
            for (auto& [k, n] : m) v.emplace_back(-n, k);
            std::sort(v.begin(), v.end());
            std::printf("  %s:", label);
            for (int i = 0; i < top && i < (int)v.size(); ++i) std::printf(" %s(%d)", v[i].second.c_str(), -v[i].first);
            std::printf("\n");
        };
        dump("frequent misses", missed);
        dump("frequent extras", extra);
    }
};

// Runs `get(ctx)` (returning names) on every article and scores the union per bulletin page.
template <class Get, class Want>
Score score_pages(const std::vector<Article>& arts, Get get, Want want) {
    jianbao::WordSegmenter seg;
    std::map<std::string, std::set<std::string>> w, g;
    for (const auto& a : arts) {
        auto words = seg.words(a.text);
        jianbao::ExtractContext ctx{a.text, words, {}, false};
        for (auto& n : get(ctx)) g[a.bulletin].insert(nfkc(n));
        for (auto& n : want(a)) w[a.bulletin].insert(n);
    }
    Score s;
    for (auto& [k, v] : w) s.add(v, g[k]);
    return s;
}

// Scores `names` (an extractor's names for one article) per bulletin page against `want`, prints the
// figures and the most frequent misses, and checks F1 against the floor for full DEV or for a fold
// (JIANBAO_EVAL_FOLD set: the lexicons in JIANBAO_DATA were learned without that fold).
template <class Names, class Want>
void expect_page_f1(const char* label, Names names, Want want, double floor_all, double floor_fold) {
    auto arts = load_dev();
    if (arts.empty()) GTEST_SKIP() << "no /work/shared eval data";
    auto s = score_pages(arts, names, want);
    const char* top = std::getenv("JIANBAO_EVAL_TOP");
    s.print(label, top && *top ? std::atoi(top) : 60);
    const char* f = std::getenv("JIANBAO_EVAL_FOLD");
    EXPECT_GE(s.f1(), f && *f ? floor_fold : floor_all);
}

} // namespace evalutil
