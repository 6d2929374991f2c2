// The person-name candidate model behind PeopleExtractor: candidates start at a surname (or a
// run of transliteration characters), are described by string features and scored by a linear
// model learned by scripts/learn_people_lexicon.py. Features here mirror that script exactly.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace jianbao::people {

// One accepted name: [begin, end) in code points of the text, and its model score.
struct NameSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    double score = 0;
};

// The text as code points with their byte offsets (off has size n+1).
struct CharText {
    std::u32string c;
    std::vector<std::uint32_t> off;
    explicit CharText(std::string_view utf8);
    std::size_t size() const { return c.size(); }
    std::string str(std::size_t b, std::size_t e) const; // UTF-8 of chars [b, e)
};

// A set of short words looked up starting or ending at a character position.
class WordSet {
public:
    void add(const std::u32string& w);
    bool contains(std::u32string_view w) const { return words_.count(std::u32string(w)) > 0; }
    // Length of the longest word starting at i (0 when none).
    std::size_t longest_at(const std::u32string& s, std::size_t i) const;
    // Length of the longest word ending just before i (0 when none).
    std::size_t longest_before(const std::u32string& s, std::size_t i) const;

private:
    std::unordered_set<std::u32string> words_;
    std::size_t max_len_ = 0;
};

class NameModel {
public:
    NameModel(); // reads surnames.txt, titles.txt, person_*.txt from the lexicon directory
    // Non-overlapping name spans, best-scored first wins, in text order.
    std::vector<NameSpan> find(const CharText& t) const;
    const WordSet& titles() const { return titles_; }
    bool is_surname(char32_t c) const { return single_.count(c) > 0; }
    bool is_compound(const std::u32string& s) const { return compound_.count(s) > 0; }
    double weight(const std::string& feature) const;
    double threshold() const { return threshold_; }

private:
    struct Buckets {
        std::string sur = "x", giv = "x", frn = "x"; // x: a character never seen (rare)
    };
    const Buckets& info(char32_t c) const;
    bool translit(char32_t c) const;
    bool chinese_shape(const std::u32string& c, std::size_t i, std::size_t e) const;
    void add_context(const CharText& t, std::size_t s, std::size_t e, const char* pre, double& score,
                     std::string& buf) const;

    std::unordered_set<char32_t> single_;
    std::unordered_set<std::u32string> compound_;
    WordSet titles_, stops_, nonames_, suffixes_;
    std::unordered_map<char32_t, Buckets> chars_;
    std::unordered_map<std::string, double> weights_;
    double threshold_ = 0.0;
};

bool is_han(char32_t c);
bool is_dot(char32_t c);

} // namespace jianbao::people
