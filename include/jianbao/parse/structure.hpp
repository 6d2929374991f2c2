// Structure: normalised bulletin text → records (titles, paragraphs rejoined, sections, briefs, captions).
#pragma once
#include "jianbao/model/record.hpp"

#include <string_view>
#include <vector>

namespace jianbao {

// Splits decoded, normalised text (see decode/normalise.hpp) into records in reading order,
// seq numbered from 1. Only structure is filled in (kind, section, title, paragraphs).
std::vector<Record> parse_structure(std::string_view text);

} // namespace jianbao
