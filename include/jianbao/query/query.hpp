// Questions asked of an archive: search, one record, a person's timeline, statistics.
//
// Semantics, shared by search() and for_each_record():
//  * All filters are ANDed. `text` uses the query language of jianbao/query/match.hpp
//    (terms ANDed, "phrase", OR, -term / NOT term) with substring semantics over the
//    normalised title and paragraphs (NFKC, case-folded, Traditional→Simplified; see
//    jianbao/store/fts.hpp). `person` is an exact name among the record's people; `org` a
//    substring of one of the record's organisation names (plain text, no wildcards).
//  * from/to take YYYY, YYYY-MM or YYYY-MM-DD and are inclusive; to=2021-12 covers the whole
//    month. They compare with record.date as text, where a month sorts before its days: a
//    record dated only 2021-12 is inside from=2021-12 and to=2021-12-05, but not from=2021-12-05.
//    Records without a year (null, --MM-DD) are left out whenever from or to is given.
//    A malformed date, from after to, or an unknown kind throws Error(exit_usage).
//  * Export order ("date"): records with a year by date (text order), then year-less --MM-DD
//    dates, then undated records; ties by id. Sort::automatic is relevance (bm25, title weighted
//    5× body) when there is a text query, date order otherwise.
//  * Snippets (text queries only) mark matches with \x01 … \x02 and elide with "…".
//  * Archive read errors throw Error(exit_archive) naming the archive.
#pragma once
#include "jianbao/store/archive.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jianbao {

struct SearchFilter {
    std::optional<std::string> text;   // full-text query (substring semantics for Chinese)
    std::optional<std::string> person; // exact name
    std::optional<std::string> org;    // substring of an organisation name
    std::optional<std::string> from;   // YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    std::optional<std::string> to;     // inclusive: 2021-12 covers the whole month
    std::optional<std::string> kind;   // article | brief | caption
    std::optional<std::size_t> limit;
    enum class Sort { automatic, relevance, date } sort = Sort::automatic;
};

struct SearchHit {
    std::int64_t id = 0;
    std::optional<std::string> date;
    std::string kind;
    std::string heading; // title, or the brief's/caption's first clause
    std::string snippet; // matched text marked with \x01 … \x02 (the CLI renders them); empty without TEXT
};

// Throws Error (exit 2) for a malformed query or date, never an SQLite syntax message.
std::vector<SearchHit> search(const Archive& archive, const SearchFilter& filter);
// Records in the export order (date, then id) matching the filter, one at a time (streaming).
void for_each_record(const Archive& archive, const SearchFilter& filter,
                     const std::function<void(const StoredRecord&)>& visit);
// The same records as for_each_record, only their ids and dates (nothing else is read).
void for_each_record_id(const Archive& archive, const SearchFilter& filter,
                        const std::function<void(std::int64_t id, const std::optional<std::string>& date)>& visit);
std::optional<StoredRecord> load_record(const Archive& archive, std::int64_t id);

struct TimelineEntry {
    std::int64_t record_id = 0;
    std::optional<std::string> date;
    std::string heading;
    std::vector<std::string> titles;  // titles used in that record
    std::optional<std::string> event; // trigger of the main event
    std::vector<std::string> with;    // other people in the record, in mention order (up to the limit)
    std::size_t with_total = 0;       // how many other people the record names in all
};
struct TitleSpan {
    std::string title;
    std::optional<std::string> first_seen;
    std::optional<std::string> last_seen;
    std::size_t records = 0;
};
struct Companion {
    std::string name;
    std::size_t records = 0;
};
struct PersonReport {
    std::string name;
    std::vector<TimelineEntry> timeline; // by date
    std::vector<TitleSpan> titles;
    std::vector<Companion> companions;   // most frequent first (up to the limit)
    std::size_t companions_total = 0;    // how many different people appear with them
};
// How much of a person's company to name: a record can list thousands of people (a congress's
// members), and a terminal report of every one is unreadable and slow. 0 = everyone. Counts
// (with_total, companions_total, Companion::records) are always complete.
struct PersonReportLimits {
    std::size_t with_per_record = 0;
    std::size_t companions = 0;
};
std::optional<PersonReport> person_report(const Archive& archive, const std::string& name,
                                          const PersonReportLimits& limits = {});

struct Stats {
    std::size_t bulletins = 0, records = 0, people = 0, organizations = 0, places = 0, events = 0;
    std::optional<std::string> first_date, last_date;
};
Stats stats(const Archive& archive);

} // namespace jianbao
