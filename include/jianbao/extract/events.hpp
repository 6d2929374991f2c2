// Events: trigger verbs, their type from data/lexicon/event_types.tsv, date, sentence, participants.
#pragma once
#include "jianbao/extract/context.hpp"

#include <memory>
#include <vector>

namespace jianbao {

class EventExtractor {
public:
    EventExtractor();
    ~EventExtractor();
    // `record` already carries dates, people and organisations; the main event comes first.
    // `day_dates`, when given, are the record's date expressions with the relative days among
    // them (次日, 当天下午: DateOptions::day_words), which date the events of their sentences; else
    // record.dates do.
    std::vector<Event> extract(const ExtractContext& ctx, const Record& record,
                               const std::vector<DateMention>* day_dates = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
