#include "jianbao/extract/organizations.hpp"

#include "ner_tagger.hpp"
#include "org_matcher.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"

#include <algorithm>
#include <unordered_map>

namespace jianbao {

// The name tagger (stacked on the rule finders) decides organisations and places together;
// both extractors read its one result.
struct OrganizationExtractor::Impl {
    // Loaded once per process, at construction, so a missing or broken data file fails early.
    const ent::Finders& f = ent::finders();
    const ner::Model& model = ner::model();
};

OrganizationExtractor::OrganizationExtractor() : impl_(std::make_unique<Impl>()) {}
OrganizationExtractor::~OrganizationExtractor() = default;

std::vector<Organization> OrganizationExtractor::extract(const ExtractContext& ctx) const {
    const ent::Chars t = ent::index(ctx.text, ctx.words);
    std::vector<Organization> out;
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto& m : ner::entities_of(t))
        if (m.type != "place")
            ent::tally(out, seen, t.str(m.b, m.e), [&](std::string n) { return Organization{std::move(n), m.type, 1}; });
    return out;
}

struct PlaceExtractor::Impl {
    const ent::Finders& f = ent::finders();
    const ner::Model& model = ner::model();
    // place_home_units.txt: a unit and the words that may run into it in one ICU word.
    std::vector<std::pair<char32_t, std::vector<std::u32string>>> home_units = [] {
        std::vector<std::pair<char32_t, std::vector<std::u32string>>> out;
        for (const auto& row : lexicon::read_table("place_home_units.txt", 1)) {
            const std::u32string unit = ent::to_u32(row[0]);
            if (unit.size() != 1) throw Error("place_home_units.txt: a unit is one character: " + row[0]);
            std::vector<std::u32string> after;
            if (row.size() > 1)
                for (const auto& w : lexicon::words_of(row[1])) after.push_back(ent::to_u32(w));
            out.emplace_back(unit[0], std::move(after));
        }
        return out;
    }();
};

PlaceExtractor::PlaceExtractor() : impl_(std::make_unique<Impl>()) {}
PlaceExtractor::~PlaceExtractor() = default;

std::vector<Place> PlaceExtractor::extract(const ExtractContext& ctx) const {
    const ent::Chars t = ent::index(ctx.text, ctx.words);
    std::vector<Place> out;
    std::unordered_map<std::string, std::size_t> seen;
    const auto& found = ner::entities_of(t);
    for (const auto& m : found)
        if (m.type == "place") ent::tally(out, seen, t.str(m.b, m.e), [](std::string n) { return Place{std::move(n), 1}; });
    if (!ctx.home_places) return out;
    // The bulletin's own place wherever it stands outside the names found, as a word of its own at
    // one end at least (来|临溪|考察, 在|临溪|布局; not inside a longer word), with the kind of zone
    // after it if one follows (落户|青山|经济开发区: a common word the tagger reads as none).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
    for (const auto& m : found) taken.emplace_back(m.b, m.e);
    for (const auto& name : *ctx.home_places) {
        const std::u32string u = ent::to_u32(name);
        for (std::size_t at = 0; at + u.size() <= t.size(); ++at) {
            if (!std::equal(u.begin(), u.end(), t.c.begin() + static_cast<std::ptrdiff_t>(at))) continue;
            const auto b = static_cast<std::uint32_t>(at);
            auto e = static_cast<std::uint32_t>(at + u.size());
            if (!t.bound[b] && !t.bound[e]) continue;
            if (const std::size_t z = ner::zone_kind_at(t, e); z && t.bound[e + z]) e += static_cast<std::uint32_t>(z);
            if (std::any_of(taken.begin(), taken.end(), [&](const auto& x) { return x.first < e && b < x.second; })) continue;
            taken.emplace_back(b, e);
            ent::tally(out, seen, t.str(b, e), [](std::string n) { return Place{std::move(n), 1}; });
        }
    }
    return out;
}

std::vector<std::string> PlaceExtractor::home_places(const ExtractContext& line) const {
    const ent::Chars t = ent::index(line.text, line.words);
    std::size_t from = 0;
    if (t.size() > 2 && t.c[0] == U'中' && t.c[1] == U'共') from = 2; // 中共临溪县委办公室
    // The shortest stem of two to four characters before a unit that ends a word (临溪|县|商务; not
    // 金融|市场), or runs into a word a unit takes (江州|市委).
    for (std::size_t s = from + 2; s <= from + 4 && s < t.size(); ++s) {
        if (!std::all_of(t.c.begin() + static_cast<std::ptrdiff_t>(from), t.c.begin() + static_cast<std::ptrdiff_t>(s), ent::is_han)) break;
        for (const auto& [unit, after] : impl_->home_units) {
            if (t.c[s] != unit) continue;
            const std::u32string_view rest(t.c.data() + s + 1, t.size() - s - 1);
            const bool ends = t.bound[s + 1] || std::any_of(after.begin(), after.end(), [&](const auto& w) { return rest.starts_with(w); });
            if (!ends || !t.bound[from]) continue;
            return {t.str(from, s + 1), t.str(from, s)};
        }
    }
    return {};
}

} // namespace jianbao
