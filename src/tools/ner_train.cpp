// Learns the name tagger's weights (data/lexicon/ner_model.txt) from PFR gold; driven by
// scripts/learn_ner_model.py, which explains the cross-fitting. Not installed.
//
//   jianbao_ner_train evidence GOLD.jsonl DAYS OUT    the rule finders' matches on the articles of
//                                                    DAYS (comma list), with the lexicons of $JIANBAO_DATA
//   jianbao_ner_train train OUT EPOCHS GOLD.jsonl EVIDENCE...   averaged perceptron on those articles
//   jianbao_ner_train test MODEL GOLD.jsonl EVIDENCE...        mention-level P/R/F1 of a model and of
//                                                              the rules alone ($JIANBAO_NER_MISSES=1 lists
//                                                              the errors, $JIANBAO_NER_DIFF=1 the differences)
#include "ner_tagger.hpp"

#include "jianbao/segment/words.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>

using namespace jianbao;
using jianbao::ner::kFeatures;
using jianbao::ner::kTags;

namespace {

struct Article {
    std::string id;
    std::string text; // full-width letters and digits folded as the importer does (1:1 in characters)
    std::vector<ner::Tag> gold;
};

std::vector<Article> read_gold(const std::string& path, const std::set<int>& days) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot read");
    std::vector<Article> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line);
        const std::string date = j.at("date");
        if (!days.empty() && !days.count(std::stoi(date.substr(8, 2)))) continue;
        Article a;
        a.id = j.at("id");
        const std::string raw = j.at("text");
        std::size_t n = 0;
        for (std::size_t i = 0; i < raw.size(); ++n) {
            char32_t c = utf8::next(raw, i);
            if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) c = c - 0xFF10 + U'0';
            utf8::append(a.text, c);
        }
        a.gold.assign(n, ner::O);
        for (const auto& m : j.at("mentions")) {
            const std::string type = m.at("type");
            if (type != "org" && type != "place" && type != "person") continue;
            const std::size_t b = m.at("start"), e = m.at("end");
            if (e > n || b >= e) continue;
            const ner::Kind kind = type == "org" ? ner::kOrg : type == "place" ? ner::kPlace : ner::kPerson;
            for (std::size_t k = b; k < e; ++k)
                a.gold[k] = ner::tag_of(kind, e - b == 1 ? 3 : k == b ? 0 : k + 1 == e ? 2 : 1);
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::set<int> parse_days(const std::string& s) {
    std::set<int> d;
    std::stringstream ss(s);
    for (std::string x; std::getline(ss, x, ',');)
        if (!x.empty()) d.insert(std::stoi(x));
    return d;
}

std::string matches_str(const std::vector<ent::Match>& ms) {
    std::string s;
    for (const auto& m : ms) s += std::to_string(m.b) + "," + std::to_string(m.e) + "," + m.type + ";";
    return s.empty() ? "-" : s;
}

std::vector<ent::Match> parse_matches(const std::string& s) {
    std::vector<ent::Match> out;
    if (s == "-") return out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ';');) {
        if (item.empty()) continue;
        const auto c1 = item.find(','), c2 = item.find(',', c1 + 1);
        out.push_back({static_cast<std::uint32_t>(std::stoul(item.substr(0, c1))),
                       static_cast<std::uint32_t>(std::stoul(item.substr(c1 + 1, c2 - c1 - 1))), item.substr(c2 + 1)});
    }
    return out;
}

// id → evidence, from the files `evidence` wrote.
std::unordered_map<std::string, ner::Evidence> read_evidence(const std::vector<std::string>& files) {
    std::unordered_map<std::string, ner::Evidence> out;
    for (const auto& path : files) {
        std::ifstream in(path);
        if (!in) throw Error(path + ": cannot read");
        std::string line;
        while (std::getline(in, line)) {
            std::stringstream ss(line);
            std::string id, o, p, g, k;
            std::getline(ss, id, '\t');
            std::getline(ss, o, '\t');
            std::getline(ss, p, '\t');
            std::getline(ss, g, '\t');
            std::getline(ss, k, '\t');
            out[id] = {parse_matches(o), parse_matches(p), parse_matches(g), parse_matches(k), {}, {}};
        }
    }
    return out;
}

struct Prepared {
    std::u32string text;
    ner::Edges edges;
    std::vector<std::uint64_t> feats;
    std::vector<ner::Tag> gold;
    std::size_t n = 0;
};

std::vector<Prepared> prepare(const std::vector<Article>& arts, const std::unordered_map<std::string, ner::Evidence>& ev) {
    WordSegmenter seg;
    std::vector<Prepared> out;
    for (const auto& a : arts) {
        auto it = ev.find(a.id);
        if (it == ev.end()) continue;
        const std::vector<Span> words = seg.words(a.text);
        const ent::Chars t = ent::index(a.text, words);
        ner::Evidence e = it->second; // the files hold the rule matches; the suffix ends are computed here
        ner::suffixes().ends(t, e.org_end, e.place_end);
        out.push_back({std::u32string(t.c.begin(), t.c.end()), ner::edges(t, e), ner::features(t, e), a.gold, t.size()});
    }
    return out;
}

int cmd_evidence(const std::string& gold, const std::string& days, const std::string& out_path) {
    const auto arts = read_gold(gold, parse_days(days));
    WordSegmenter seg;
    std::ofstream out(out_path);
    for (const auto& a : arts) {
        const std::vector<Span> words = seg.words(a.text);
        const ent::Chars t = ent::index(a.text, words);
        const ner::Evidence ev = ner::evidence(ent::finders(), t);
        out << a.id << '\t' << matches_str(ev.orgs) << '\t' << matches_str(ev.places) << '\t' << matches_str(ev.gazetteer)
            << '\t' << matches_str(ev.known) << '\n';
    }
    std::cerr << arts.size() << " articles -> " << out_path << "\n";
    return 0;
}

int cmd_train(const std::string& out_path, int epochs, const std::string& gold, const std::vector<std::string>& evidence_files) {
    const auto ev = read_evidence(evidence_files);
    const auto data = prepare(read_gold(gold, {}), ev);
    // Feature hash → row; counts for pruning what was seen once.
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    std::vector<std::uint32_t> count;
    std::vector<std::vector<std::uint32_t>> ids(data.size());
    for (std::size_t a = 0; a < data.size(); ++a) {
        ids[a].resize(data[a].feats.size());
        for (std::size_t k = 0; k < data[a].feats.size(); ++k) {
            auto [it, fresh] = index.try_emplace(data[a].feats[k], static_cast<std::uint32_t>(count.size()));
            if (fresh) count.push_back(0);
            ++count[it->second];
            ids[a][k] = it->second;
        }
    }
    const std::size_t nf = count.size();
    // Sums of updates weighted by time reach 1e9: double, or averaging loses them.
    std::vector<double> w(nf * kTags, 0), u(nf * kTags, 0);
    std::array<float, kTags * kTags> tw{};
    std::array<double, kTags * kTags> tu{};
    double c = 1;
    // Updates sentence by sentence (a line or up to 。！？), not article by article: many small
    // steps make the perceptron, and its average, far steadier.
    struct Unit {
        std::size_t a, b, e;
    };
    std::vector<Unit> order;
    for (std::size_t a = 0; a < data.size(); ++a) {
        std::size_t b = 0;
        for (std::size_t i = 0; i < data[a].n; ++i) {
            const char32_t ch = data[a].text[i];
            if ((ch == U'\n' || ch == U'。' || ch == U'！' || ch == U'？') && data[a].gold[i] == ner::O) {
                if (i + 1 > b) order.push_back({a, b, i + 1});
                b = i + 1;
            }
        }
        if (data[a].n > b) order.push_back({a, b, data[a].n});
    }
    std::mt19937 rng(std::getenv("JIANBAO_NER_SEED") ? static_cast<unsigned>(std::atoi(std::getenv("JIANBAO_NER_SEED"))) : 1u);
    std::vector<float> emit;
    std::vector<ner::Tag> truth;
    for (int ep = 0; ep < epochs; ++ep) {
        std::shuffle(order.begin(), order.end(), rng);
        std::size_t wrong = 0, total = 0;
        for (const Unit& un : order) {
            const Prepared& d = data[un.a];
            const std::size_t len = un.e - un.b;
            const std::uint32_t* fid = &ids[un.a][un.b * kFeatures];
            truth.assign(d.gold.begin() + static_cast<std::ptrdiff_t>(un.b), d.gold.begin() + static_cast<std::ptrdiff_t>(un.e));
            emit.assign(len * kTags, 0);
            for (std::size_t i = 0; i < len; ++i)
                for (int k = 0; k < kFeatures; ++k) {
                    const double* r = &w[static_cast<std::size_t>(fid[i * kFeatures + static_cast<std::size_t>(k)]) * kTags];
                    for (int g = 0; g < kTags; ++g) emit[i * kTags + static_cast<std::size_t>(g)] += static_cast<float>(r[g]);
                }
            const auto pred = ner::viterbi(emit, len, tw, &d.edges, un.b);
            const double fc = c;
            for (std::size_t i = 0; i < len; ++i) {
                ++total;
                const bool pair_differs = i > 0 && (pred[i - 1] != truth[i - 1] || pred[i] != truth[i]);
                if (pair_differs) {
                    const std::size_t tg = truth[i - 1] * kTags + truth[i], tp = pred[i - 1] * kTags + pred[i];
                    tw[tg] += 1, tu[tg] += fc;
                    tw[tp] -= 1, tu[tp] -= fc;
                }
                if (pred[i] == truth[i]) continue;
                ++wrong;
                for (int k = 0; k < kFeatures; ++k) {
                    const std::size_t row = static_cast<std::size_t>(fid[i * kFeatures + static_cast<std::size_t>(k)]) * kTags;
                    w[row + truth[i]] += 1, u[row + truth[i]] += fc;
                    w[row + pred[i]] -= 1, u[row + pred[i]] -= fc;
                }
            }
            c += 1;
        }
        std::cerr << "epoch " << ep + 1 << ": " << wrong << " of " << total << " characters mistagged\n";
    }
    std::vector<std::uint64_t> hash_of(nf);
    for (const auto& [h, r] : index) hash_of[r] = h;
    std::ofstream out(out_path);
    out << "# Weights of the organisation and place name tagger (src/extract/ner_tagger.cpp), an averaged\n"
           "# perceptron learned by scripts/learn_ner_model.py from the PFR 1998-01 DEV split\n"
           "# (eval/pfr199801-dev.jsonl, research/evaluation data of PKU ICL and Fujitsu R&D): only weights\n"
           "# of hashed features are kept. Do not edit; regenerate with that script.\n";
    out << "# " << data.size() << " articles, " << epochs << " epochs\n";
    auto avg = [&](double wv, double uv) { return static_cast<float>(wv - uv / c); };
    out << "T";
    char buf[32];
    for (int k = 0; k < kTags * kTags; ++k) {
        std::snprintf(buf, sizeof buf, "\t%.4g", static_cast<double>(avg(tw[static_cast<std::size_t>(k)], tu[static_cast<std::size_t>(k)])));
        out << buf;
    }
    out << "\n";
    std::size_t kept = 0;
    for (std::size_t r = 0; r < nf; ++r) {
        if (count[r] < 4) continue; // rarer ones are most of the file and, held out, no better than noise
        float a[kTags];
        bool any = false;
        for (int g = 0; g < kTags; ++g) {
            a[g] = avg(w[r * kTags + static_cast<std::size_t>(g)], u[r * kTags + static_cast<std::size_t>(g)]);
            any = any || std::abs(a[g]) >= 0.01f;
        }
        if (!any) continue;
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_of[r]));
        out << buf;
        for (int g = 0; g < kTags; ++g) // sparse: tag:weight
            if (std::abs(a[g]) >= 0.01f) {
                std::snprintf(buf, sizeof buf, "\t%d:%.3g", g, static_cast<double>(a[g]));
                out << buf;
            }
        out << "\n";
        ++kept;
    }
    std::cerr << kept << " of " << nf << " features kept -> " << out_path << "\n";
    return 0;
}

int cmd_test(const std::string& model_path, const std::string& gold, const std::vector<std::string>& evidence_files) {
    const auto ev = read_evidence(evidence_files);
    const auto arts = read_gold(gold, {});
    ner::Model model;
    model.load(model_path); // relative to the data directory unless absolute
    WordSegmenter seg;
    std::size_t tp[2] = {0, 0}, fp[2] = {0, 0}, fn[2] = {0, 0};
    std::size_t rtp[2] = {0, 0}, rfp[2] = {0, 0}, rfn[2] = {0, 0}; // the rules alone
    for (const auto& a : arts) {
        auto it = ev.find(a.id);
        if (it == ev.end()) continue;
        const std::vector<Span> words = seg.words(a.text);
        const ent::Chars t = ent::index(a.text, words);
        auto key = [](const ner::Span& s) { return std::tuple(s.b, s.e, s.kind == ner::kOrg); };
        std::set<std::tuple<std::uint32_t, std::uint32_t, bool>> g, p, r;
        for (const auto& s : ner::spans(a.gold))
            if (s.kind != ner::kPerson) g.insert(key(s));
        ner::Evidence e = it->second; // (as in prepare: the suffix ends are computed here)
        ner::suffixes().ends(t, e.org_end, e.place_end);
        for (const auto& s : ner::spans(model.tag(t, e)))
            if (s.kind != ner::kPerson) p.insert(key(s));
        for (const auto& m : it->second.orgs) r.insert({m.b, m.e, m.type != "facility" && m.type != "village"});
        for (const auto& m : it->second.places) r.insert({m.b, m.e, false});
        auto count_into = [&](const auto& pred, std::size_t* tpv, std::size_t* fpv, std::size_t* fnv) {
            for (const auto& x : pred) ++(g.count(x) ? tpv : fpv)[std::get<2>(x)];
            for (const auto& x : g)
                if (!pred.count(x)) ++fnv[std::get<2>(x)];
        };
        if (std::getenv("JIANBAO_NER_DIFF")) { // names the rules found and the tagger lost, and the reverse
            for (const auto& x : g)
                if (!p.count(x) && r.count(x)) std::printf("lost %s %s\n", std::get<2>(x) ? "org" : "place", t.str(std::get<0>(x), std::get<1>(x)).c_str());
            for (const auto& x : g)
                if (p.count(x) && !r.count(x)) std::printf("won %s %s\n", std::get<2>(x) ? "org" : "place", t.str(std::get<0>(x), std::get<1>(x)).c_str());
        }
        if (std::getenv("JIANBAO_NER_UNION")) { // rule names the tagger left wholly outside any name
            auto touched = [&](const ent::Match& m) {
                return std::any_of(p.begin(), p.end(), [&](const auto& x) { return std::get<0>(x) < m.e && m.b < std::get<1>(x); });
            };
            for (const auto& m : it->second.orgs) {
                if (touched(m)) continue;
                const bool good = g.count({m.b, m.e, m.type != "facility" && m.type != "village"}) > 0;
                std::printf("alone %s %s %s %u\n", good ? "gold" : "not", m.type.c_str(), t.str(m.b, m.e).c_str(), m.e - m.b);
            }
            for (const auto* ms : {&it->second.places, &it->second.gazetteer})
                for (const auto& m : *ms) {
                    if (touched(m)) continue;
                    const bool good = g.count({m.b, m.e, false}) > 0;
                    std::printf("alone-place %s %s %s %u\n", good ? "gold" : "not", ms == &it->second.places ? "rule" : "gaz",
                                t.str(m.b, m.e).c_str(), m.e - m.b);
                }
        }
        if (std::getenv("JIANBAO_NER_MISSES")) { // every missed and extra name
            for (const auto& x : g)
                if (!p.count(x)) std::printf("missed %s %s\n", std::get<2>(x) ? "org" : "place", t.str(std::get<0>(x), std::get<1>(x)).c_str());
            for (const auto& x : p)
                if (!g.count(x)) std::printf("extra %s %s\n", std::get<2>(x) ? "org" : "place", t.str(std::get<0>(x), std::get<1>(x)).c_str());
        }
        count_into(p, tp, fp, fn);
        count_into(r, rtp, rfp, rfn);
    }
    auto line = [](const char* what, std::size_t tpv, std::size_t fpv, std::size_t fnv) {
        const double P = tpv ? double(tpv) / double(tpv + fpv) : 0, R = tpv ? double(tpv) / double(tpv + fnv) : 0;
        std::printf("%-14s P %.4f R %.4f F1 %.4f\n", what, P, R, P + R > 0 ? 2 * P * R / (P + R) : 0);
    };
    line("tagger place", tp[0], fp[0], fn[0]);
    line("tagger org", tp[1], fp[1], fn[1]);
    line("rules place", rtp[0], rfp[0], rfn[0]);
    line("rules org", rtp[1], rfp[1], rfn[1]);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> a(argv + 1, argv + argc);
        if (a.size() == 4 && a[0] == "evidence") return cmd_evidence(a[1], a[2], a[3]);
        if (a.size() >= 5 && a[0] == "train")
            return cmd_train(a[1], std::stoi(a[2]), a[3], std::vector<std::string>(a.begin() + 4, a.end()));
        if (a.size() >= 4 && a[0] == "test") return cmd_test(a[1], a[2], std::vector<std::string>(a.begin() + 3, a.end()));
        std::cerr << "usage: jianbao_ner_train evidence GOLD DAYS OUT | train OUT EPOCHS GOLD EVIDENCE... | test MODEL GOLD EVIDENCE...\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "jianbao_ner_train: " << e.what() << "\n";
        return 1;
    }
}
