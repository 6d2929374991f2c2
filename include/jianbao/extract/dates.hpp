// Date and time expressions: finding them, normalising them to ISO, anchoring them to the issue date.
#pragma once
#include "jianbao/extract/context.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jianbao {

struct RecordDate {
    std::optional<std::string> date;        // the record's own event date (see Record::date)
    std::optional<std::string> time_of_day;
    std::optional<std::string> date_text;
};

// Which expressions without a number are reported as mentions. Expressions with a number
// (12月9日, 上午九时, 去年12月, 今天下午3时) are always reported. By default every date or time
// expression is (the export contract: `dates` lists them all, 近日 with a null value). The PKU
// `dates` gold holds only expressions with a number, so its precision counts the others as
// wrong: 0.99 for numbers and solar festivals alone, 0.65 for all (tests/unit/dates_test.cpp).
struct DateOptions {
    bool day_words = true;         // 今天, 昨天, 当日, 今天下午 (they resolve to a day)
    bool year_month_words = true;  // 今年, 去年, 本月 alone
    bool time_of_day_words = true; // 上午, 晚上 alone (value null)
    bool vague_words = true;       // 近日, 日前 (value null)
    bool festivals = true;         // 元旦, 国庆节: solar, they resolve to a day
    bool lunar_festivals = true;   // 春节, 中秋节: a day when their year is known (今年春节), else null
};

class DateExtractor {
public:
    DateExtractor(); // loads data/lexicon date files
    explicit DateExtractor(const DateOptions& options);
    ~DateExtractor();
    DateExtractor(DateExtractor&&) noexcept;
    DateExtractor& operator=(DateExtractor&&) noexcept;
    // Every date or time expression in ctx.text, in order, values resolved against ctx.issued.
    std::vector<DateMention> extract(const ExtractContext& ctx) const;
    // The record's own date: the first dated event of the body (the title is skipped); null for 近日.
    RecordDate record_date(const ExtractContext& ctx, const std::vector<DateMention>& dates) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Parses --issued / file-name dates: YYYY, YYYY-MM, YYYY-MM-DD (also YYYYMM, YYYYMMDD,
// YYYY年MM月, YYYY年M月D日); nullopt for anything else or an invalid month/day.
std::optional<PartialDate> parse_partial_date(std::string_view s);
// Renders YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD (--MM) when the year is unknown.
std::string format_partial_date(const PartialDate& d);

} // namespace jianbao
