// What every extractor reads about one record.
#pragma once
#include "jianbao/model/record.hpp"
#include "jianbao/segment/words.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace jianbao {

struct ExtractContext {
    std::string_view text;         // Record::text(): title, then paragraphs, joined by '\n'
    const std::vector<Span>& words; // ICU words of `text` (byte offsets)
    PartialDate issued;            // the bulletin's issue date; may be empty or partial
    bool has_title = false;        // the first line of `text` is the record's title
    // The bulletin's own place, as its masthead names it (临溪县, 临溪: PlaceExtractor::home_places);
    // may be null.
    const std::vector<std::string>* home_places = nullptr;
};

} // namespace jianbao
