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
    std::vector<Place> extract(const ExtractContext& ctx) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
