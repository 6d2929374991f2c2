// A character tagger that decides where organisation and place names begin and end, stacked on
// the rule finders: their matches, the gazetteer and ICU's words are its features, next to the
// characters around each position. An averaged perceptron with first-order Viterbi decoding,
// learned from the PFR DEV gold by jianbao_ner_train (scripts/learn_ner_model.py). The rules
// find candidates; the tagger learns, from gold text, when they are right and where a name
// really starts (以|上海市虹口检察院) or ends (中国康复研究中心附属北京博爱医院).
// Not a public interface: the organisation and place extractors and the trainer use it.
#pragma once
#include "org_matcher.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jianbao::ner {

// BIES tags of organisations (ORG), places (LOC) and people (PER); O outside. People are tagged
// so that the tagger learns what a name of a person looks like and keeps it out of the other two;
// the people extractor decides who they are.
enum Tag : std::uint8_t { O, B_ORG, I_ORG, E_ORG, S_ORG, B_LOC, I_LOC, E_LOC, S_LOC, B_PER, I_PER, E_PER, S_PER };
constexpr int kTags = 13;
enum Kind : std::uint8_t { kOrg, kPlace, kPerson };
constexpr Tag tag_of(Kind k, int pos) { return static_cast<Tag>(1 + 4 * k + pos); } // pos: 0 B, 1 I, 2 E, 3 S

// What the rule finders say about one text.
struct Evidence {
    std::vector<ent::Match> orgs;      // the organisation finder's matches (facilities and villages too)
    std::vector<ent::Match> places;    // the gazetteer's places outside them
    std::vector<ent::Match> gazetteer; // longest gazetteer names scanned left to right, inside bodies or not
    std::vector<ent::Match> known;     // longest known bodies scanned the same way
    // Suffixes::ends of the text: read by the tagger's features and the rules after it.
    std::vector<std::uint8_t> org_end, place_end;
};
Evidence evidence(const ent::Finders& f, const ent::Chars& t);

// Organisation and place suffixes (org_suffixes.tsv, place_suffixes.txt): how far ahead a name
// could end is what a window of characters cannot see (北京市老年病防治|中心).
class Suffixes {
public:
    Suffixes();
    // Per end position j (exclusive) at a word boundary: 1 + the type of the longest organisation
    // suffix ending there (0 = none), and 1 when a place suffix ends there.
    void ends(const ent::Chars& t, std::vector<std::uint8_t>& org, std::vector<std::uint8_t>& place) const;

private:
    ent::Trie org_back_, place_back_;
};
const Suffixes& suffixes();

// Feature hashes, kFeatures per character of `t`.
constexpr int kFeatures = 40;
std::vector<std::uint64_t> features(const ent::Chars& t, const Evidence& ev);

// Where an organisation's name may end (after char i): at an ICU word boundary or where a rule
// match ends. An organisation never ends inside a word the segmenter and the rules both keep
// whole (湖南省第四届中|小学, 东滩矿综|采二队); places and people may (中国|人, 王|进|健一|行).
struct Edges {
    std::vector<std::uint8_t> close;
};
Edges edges(const ent::Chars& t, const Evidence& ev);

// Best tag sequence for per-position scores emit[i * kTags + tag] and transition scores
// trans[prev * kTags + tag], over well-formed BIES sequences whose organisations end where
// `edges` allows (read from position `from` on).
std::vector<Tag> viterbi(const std::vector<float>& emit, std::size_t n, const std::array<float, kTags * kTags>& trans,
                         const Edges* edges = nullptr, std::size_t from = 0);

// Entities of a tag sequence: [b, e) in characters.
struct Span {
    std::uint32_t b = 0, e = 0;
    Kind kind = kOrg;
};
std::vector<Span> spans(const std::vector<Tag>& tags);

// Two bodies joined by a conjunction (中国银行与海南航空股份有限公司) come out of the tagger as one:
// each organisation of `found` is split where a conjunction, a word of its own
// (org_conjunctions.tsv), follows a body's suffix and a body of two or more characters follows it.
std::vector<Span> split_joined_bodies(const ent::Chars& t, const ent::OrgFinder& orgs, const std::vector<std::uint8_t>& org_end,
                                      const std::vector<Span>& found);

// Learned weights, read from a data file: lines "HASH<TAB>tag:weight<TAB>…" (tags not listed
// weigh 0) and one "T" line of kTags × kTags transition weights.
class Model {
public:
    void load(std::string_view file_name);
    bool empty() const { return slots_.empty(); }
    std::vector<Tag> tag(const ent::Chars& t, const Evidence& ev) const;

private:
    // Some 40 lookups a character, nearly all of them hits, are the tagger's main cost: each is
    // a cache miss unless the model fits the core's caches. So it is kept small: an index of
    // 8-byte slots (a 32-bit fingerprint of the feature's hash and its row) and rows of 16-bit
    // fixed-point weights, two to a cache line (the file keeps 4 significant digits; a step of
    // max|w| / 32767 loses less). 137,000 features: 2.2 MB of index and 4.4 MB of rows, where
    // 64-bit keys and 64-byte float rows took 18 MB. The index is half empty: at a higher load,
    // linear probing's longer runs for the features the model never saw cost more than the
    // smaller table saved.
    struct alignas(32) Row {
        std::int16_t w[16] = {};
    };
    struct Slot {
        std::uint32_t fp = 0; // 0 = empty
        std::uint32_t row = 0;
    };
    static std::uint32_t fingerprint(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
    // Not a power of two: the table's size is chosen for its load (multiply-shift to the range).
    std::size_t home(std::uint64_t h) const {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(h)) * slots_.size()) >> 32);
    }
    // The row of h in rows_, or npos.
    std::uint32_t find(std::uint64_t h) const;
    static constexpr std::uint32_t npos = static_cast<std::uint32_t>(-1);
    std::vector<Slot> slots_;          // open addressing, linear probing, load ≤ 0.5
    std::vector<Row> rows_;
    float step_ = 1.0f;                // a weight is its int16 × step_
    std::array<float, kTags * kTags> trans_{};
};

// A place the tagger read right before 街道, or into its 街 (城东街|道, 河西|街道), is the street
// office named after it: an organisation (government), 城东街道. PFR has next to none; a city
// district's bulletin names its street offices in every issue.
void street_offices(const ent::Chars& t, std::vector<ent::Match>& ms);
// A place and the kind of zone after it are one name (沅州经济技术开发区管委会, 沅州综合保税区).
void zones(const ent::Chars& t, std::vector<ent::Match>& ms);
// Length of the longest kind of zone (org_zone_names.txt: 经济开发区, 保税区) starting at i; 0 = none.
std::size_t zone_kind_at(const ent::Chars& t, std::size_t i);
// A reservoir, bridge, tunnel or road by the word its name ends in (鹤鸣水库, 凤栖大桥, G320国道,
// place_facilities.txt): a place, replacing a place inside it (青龙山|隧道).
void facilities(const ent::Finders& f, const ent::Chars& t, std::vector<ent::Match>& ms);
// A museum, hall, hotel, square or airport by the word its name ends in (中国美术馆, 汉城金浦机场,
// place_venues.txt) and the place or body that opens its name: one place, as PFR counts it,
// replacing the names inside it.
void venues(const ent::Finders& f, const ent::Chars& t, std::vector<ent::Match>& ms);
// A company named in Latin letters, its last word a legal form (ABC Logistics Ltd.).
void latin_companies(const ent::Chars& t, std::vector<ent::Match>& ms);

// One name, one reading within a record: an organisation found at one occurrence is that
// organisation at every other occurrence that starts a word (兰州海关 found once, read 兰州 and
// nothing the second time), replacing the places and smaller bodies inside it; a longer name
// around an occurrence stands. `ms` sorted by start, and kept so.
void same_name_throughout(const ent::Chars& t, std::vector<ent::Match>& ms);

// An organisation's type when the rules did not name it: the type of the suffix it ends with.
std::string org_type(const ent::Finders& f, const ent::Chars& t, const Evidence& ev, const Span& s);

} // namespace jianbao::ner

namespace jianbao::ner {
// The model of data/lexicon/ner_model.txt, loaded once per process.
const Model& model();

// Organisations (their type set) and places (type "place") of `t` as the tagger decides them.
// The place extractor asks for the same text right after the organisation extractor did, so
// the last result (per thread) is reused.
const std::vector<ent::Match>& entities_of(const ent::Chars& t);
} // namespace jianbao::ner
