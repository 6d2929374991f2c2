#include "jianbao/extract/organizations.hpp"

#include "org_matcher.hpp"

#include <unordered_map>

namespace jianbao {

struct OrganizationExtractor::Impl {
    const ent::Finders& f = ent::finders(); // shared with the other extractor, loaded once
};

OrganizationExtractor::OrganizationExtractor() : impl_(std::make_unique<Impl>()) {}
OrganizationExtractor::~OrganizationExtractor() = default;

std::vector<Organization> OrganizationExtractor::extract(const ExtractContext& ctx) const {
    ent::Chars t = ent::index(ctx.text, ctx.words);
    std::vector<Organization> out;
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto& m : impl_->f.orgs_of(t))
        if (m.type != "facility") // museums, hotels, parks: PFR counts them as places
        ent::tally(out, seen, t.str(m.b, m.e), [&](std::string n) { return Organization{std::move(n), m.type, 1}; });
    return out;
}

} // namespace jianbao
