#include "jianbao/extract/organizations.hpp"

#include "org_matcher.hpp"

#include <algorithm>
#include <unordered_map>

namespace jianbao {

struct PlaceExtractor::Impl {
    const ent::Finders& f = ent::finders(); // shared with the other extractor, loaded once
};

PlaceExtractor::PlaceExtractor() : impl_(std::make_unique<Impl>()) {}
PlaceExtractor::~PlaceExtractor() = default;

std::vector<Place> PlaceExtractor::extract(const ExtractContext& ctx) const {
    ent::Chars t = ent::index(ctx.text, ctx.words);
    // Places inside an organisation name (北京 in 北京市委) are not places of their own.
    // A village is both a body (its committee) and a place (PFR tags 乱石山村 as a place);
    // facilities (博物馆, 宾馆, 公园 …) are found by the organisation scan but are places.
    std::vector<std::uint8_t> covered(t.size(), 0);
    std::vector<ent::Match> found;
    for (const auto& m : impl_->f.orgs_of(t)) {
        for (auto k = m.b; k < m.e; ++k) covered[k] = 1;
        // 特困村, 优化农村, 郊区村: a village whose stem DEV places almost never contain is a common phrase.
        if (m.type == "facility" || (m.type == "village" && !impl_->f.gaz.plain(t, m.b, m.e - 1, true, true))) found.push_back(m);
    }
    for (auto& m : impl_->f.gaz.find(t, covered)) found.push_back(std::move(m));
    std::sort(found.begin(), found.end(), [](const ent::Match& a, const ent::Match& b) { return a.b < b.b; });
    std::vector<Place> out;
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto& m : found)
        ent::tally(out, seen, t.str(m.b, m.e), [](std::string n) { return Place{std::move(n), 1}; });
    return out;
}

} // namespace jianbao
