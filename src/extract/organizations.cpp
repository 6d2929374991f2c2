#include "jianbao/extract/organizations.hpp"

#include "ner_tagger.hpp"
#include "org_matcher.hpp"

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
};

PlaceExtractor::PlaceExtractor() : impl_(std::make_unique<Impl>()) {}
PlaceExtractor::~PlaceExtractor() = default;

std::vector<Place> PlaceExtractor::extract(const ExtractContext& ctx) const {
    const ent::Chars t = ent::index(ctx.text, ctx.words);
    std::vector<Place> out;
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto& m : ner::entities_of(t))
        if (m.type == "place") ent::tally(out, seen, t.str(m.b, m.e), [](std::string n) { return Place{std::move(n), 1}; });
    return out;
}

} // namespace jianbao
