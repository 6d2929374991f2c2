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
    // `record` already carries dates (the relative days among them, 次日, 当天下午, date the events of
    // their sentences), people and organisations; the main event comes first.
    std::vector<Event> extract(const ExtractContext& ctx, const Record& record) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
