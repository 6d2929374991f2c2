#include "jianbao/extract/people.hpp"

#include "jianbao/extract/people_model.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace jianbao {

namespace {
constexpr std::size_t max_title = 16; // longest title phrase kept, in characters
constexpr char32_t enum_comma = U'、';

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out.push_back(utf8::next(s, i));
    return out;
}
} // namespace

struct PeopleExtractor::Impl {
    people::NameModel model;
    people::WordSet breaks; // words a title phrase does not extend over (title_breaks.txt)

    Impl() {
        for (const auto& line : lexicon::read_lines("title_breaks.txt")) {
            std::istringstream in(line);
            std::string w;
            while (in >> w) breaks.add(to_u32(w));
        }
    }

    // Title phrases written right before the name at s, in reading order: 扬州市委副书记、代市长王进健.
    std::vector<std::string> titles_before(const people::CharText& t, std::size_t s,
                                           const std::vector<char>& in_name) const {
        const std::u32string& c = t.c;
        std::vector<std::string> out;
        std::size_t k = s;
        while (true) {
            std::size_t tl = model.titles().longest_before(c, k);
            if (tl == 0) break;
            std::size_t b = k - tl;
            // The organisation part: Han characters back to punctuation, a break word or another name.
            while (b > 0 && people::is_han(c[b - 1]) && !in_name[b - 1] && k - b < max_title &&
                   !breaks.longest_before(c, b))
                --b;
            out.push_back(t.str(b, k));
            // 市委常委、常务副市长王学峰: titles joined by 、 all belong to the name.
            if (b >= 2 && c[b - 1] == enum_comma && !in_name[b - 2]) k = b - 1;
            else break;
        }
        std::reverse(out.begin(), out.end());
        return out;
    }
};

PeopleExtractor::PeopleExtractor() : impl_(std::make_unique<Impl>()) {}
PeopleExtractor::~PeopleExtractor() = default;

std::vector<Person> PeopleExtractor::extract(const ExtractContext& ctx) const {
    people::CharText t(ctx.text);
    const std::u32string& c = t.c;
    std::vector<people::NameSpan> spans = impl_->model.find(t);
    // ICU's dictionary holds common words, not names: a candidate whose surname is the tail of a
    // dictionary word (内容|丰富 → 容丰富) is that word's remainder, not a person.
    {
        std::vector<char> inside(c.size(), 0); // 1 when a dictionary word of 2+ Han chars continues into char i
        std::size_t ci = 0;
        for (const auto& w : ctx.words) {
            while (ci < c.size() && t.off[ci] < w.begin) ++ci;
            std::size_t k = ci;
            while (k < c.size() && t.off[k] < w.end) ++k;
            if (k - ci >= 2 && people::is_han(c[ci]) && people::is_han(c[k - 1]))
                for (std::size_t q = ci + 1; q < k; ++q) inside[q] = 1;
        }
        std::erase_if(spans, [&](const people::NameSpan& s) { return inside[s.begin] != 0; });
    }
    std::vector<char> in_name(c.size(), 0);
    for (const auto& s : spans) std::fill(in_name.begin() + s.begin, in_name.begin() + s.end, 1);

    // Titles per name, in order first seen.
    std::map<std::u32string, std::vector<std::string>> titles;
    for (const auto& s : spans) {
        std::u32string name = c.substr(s.begin, s.end - s.begin);
        auto& list = titles[name];
        std::vector<std::string> found = impl_->titles_before(t, s.begin, in_name);
        if (std::size_t tl = impl_->model.titles().longest_at(c, s.end)) found.push_back(t.str(s.end, s.end + tl));
        for (auto& f : found)
            if (std::find(list.begin(), list.end(), f) == list.end()) list.push_back(std::move(f));
    }

    // Every occurrence of a found name is a mention of that person (金锋 … 金锋强调), longest names first
    // so that a shorter name inside a longer one is not counted twice.
    std::vector<std::u32string> names;
    for (const auto& [name, _] : titles) names.push_back(name);
    std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<char> used(c.size(), 0);
    struct Found {
        std::size_t first;
        int mentions;
        const std::u32string* name;
    };
    std::vector<Found> found;
    for (const auto& name : names) {
        Found f{c.size(), 0, &name};
        for (std::size_t pos = c.find(name); pos != std::u32string::npos; pos = c.find(name, pos + 1)) {
            if (std::any_of(used.begin() + pos, used.begin() + pos + name.size(), [](char x) { return x != 0; }))
                continue;
            std::fill(used.begin() + pos, used.begin() + pos + name.size(), 1);
            f.first = std::min(f.first, pos);
            ++f.mentions;
        }
        if (f.mentions > 0) found.push_back(f);
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.first < b.first; });

    std::vector<Person> out;
    for (const auto& f : found) {
        Person p;
        for (char32_t ch : *f.name) utf8::append(p.name, ch);
        p.titles = titles[*f.name];
        p.mentions = f.mentions;
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace jianbao
