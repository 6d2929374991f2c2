#include "jianbao/extract/organizations.hpp"

#include "org_matcher.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace jianbao {

struct OrganizationExtractor::Impl {
    const ent::Finders& f = ent::finders(); // shared with the other extractor, loaded once
};

OrganizationExtractor::OrganizationExtractor() : impl_(std::make_unique<Impl>()) {}
OrganizationExtractor::~OrganizationExtractor() = default;

namespace {
// A village is a place (PFR tags every village it names as one: 高堡乡凡堡村, 在乱石山村, 摆勺村今年
//决定 …) unless the text has it act as a body: it (or the 、-list of villages it opens) is followed
// by what a body does at a meeting or in a partnership (昌农村、花王村分别作表态发言, 阳沟村开展结对共建).
bool village_acts(const ent::Chars& t, const std::vector<ent::Match>& ms, std::size_t k) {
    std::size_t e = ms[k].e;
    while (e < t.size() && t.c[e] == U'、' && k + 1 < ms.size() && ms[k + 1].b == e + 1 &&
           ms[k + 1].type == "village")
        e = ms[++k].e;
    static constexpr std::u32string_view acts[] = {U"分别", U"开展", U"召开", U"举行", U"作表态", U"作交流"};
    for (std::u32string_view a : acts) {
        if (e + a.size() > t.size()) continue;
        if (std::equal(a.begin(), a.end(), t.c.begin() + static_cast<std::ptrdiff_t>(e))) return true;
    }
    return false;
}
} // namespace

std::vector<Organization> OrganizationExtractor::extract(const ExtractContext& ctx) const {
    ent::Chars t = ent::index(ctx.text, ctx.words);
    std::vector<Organization> out;
    std::unordered_map<std::string, std::size_t> seen;
    const auto& ms = impl_->f.orgs_of(t);
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const auto& m = ms[k];
        if (m.type == "facility") continue; // museums, hotels, parks: PFR counts them as places
        if (m.type == "village" && !village_acts(t, ms, k)) continue;
        ent::tally(out, seen, t.str(m.b, m.e), [&](std::string n) { return Organization{std::move(n), m.type, 1}; });
    }
    return out;
}

} // namespace jianbao
