// What every extractor reads about one record.
#pragma once
#include "jianbao/model/record.hpp"
#include "jianbao/segment/words.hpp"

#include <string_view>
#include <vector>

namespace jianbao {

struct ExtractContext {
    std::string_view text;         // Record::text(): title, then paragraphs, joined by '\n'
    const std::vector<Span>& words; // ICU words of `text` (byte offsets)
    PartialDate issued;            // the bulletin's issue date; may be empty or partial
    bool has_title = false;        // the first line of `text` is the record's title
};

} // namespace jianbao
