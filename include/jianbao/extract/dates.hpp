// Date and time expressions: finding them, normalising them to ISO, anchoring them to the issue date.
#pragma once
#include "jianbao/extract/context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jianbao {

struct RecordDate {
    std::optional<std::string> date;        // the record's own event date (see Record::date)
    std::optional<std::string> time_of_day;
    std::optional<std::string> date_text;
};

class DateExtractor {
public:
    DateExtractor(); // loads data/lexicon date files
    // Every date or time expression in ctx.text, in order, values resolved against ctx.issued.
    std::vector<DateMention> extract(const ExtractContext& ctx) const;
    // The record's own date: the first dated event of the body (the title is skipped); null for 近日.
    RecordDate record_date(const ExtractContext& ctx, const std::vector<DateMention>& dates) const;
};

// Parses --issued / file-name dates: YYYY, YYYY-MM, YYYY-MM-DD (also YYYYMM, YYYY年MM月).
std::optional<PartialDate> parse_partial_date(std::string_view s);
// Renders YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD when the year is unknown.
std::string format_partial_date(const PartialDate& d);

} // namespace jianbao
