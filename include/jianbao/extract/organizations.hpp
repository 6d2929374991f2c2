// Organisations (with a type) and places.
#pragma once
#include "jianbao/extract/context.hpp"

#include <memory>
#include <vector>

namespace jianbao {

class OrganizationExtractor {
public:
    OrganizationExtractor(); // loads organisation suffixes and known bodies from data/lexicon
    ~OrganizationExtractor();
    std::vector<Organization> extract(const ExtractContext& ctx) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class PlaceExtractor {
public:
    PlaceExtractor(); // loads the gazetteer from data/lexicon
    ~PlaceExtractor();
    // Places of `ctx`, and every occurrence of ctx.home_places outside the names found.
    std::vector<Place> extract(const ExtractContext& ctx) const;
    // The place a masthead's first line opens with, whole and without its unit (临溪县商务工作动态 →
    // 临溪县, 临溪; place_home_units.txt), or none; `line` is that line, with its ICU words.
    std::vector<std::string> home_places(const ExtractContext& line) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
