// People and the official titles the text attaches to them.
#pragma once
#include "jianbao/extract/context.hpp"

#include <memory>
#include <vector>

namespace jianbao {

class PeopleExtractor {
public:
    PeopleExtractor(); // loads surnames, titles and the other person lexicons from data/lexicon
    ~PeopleExtractor();
    // Distinct people of the record in order of first mention, with titles and mention counts.
    std::vector<Person> extract(const ExtractContext& ctx) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
