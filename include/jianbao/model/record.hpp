// Plain data passed between the pipeline's stages. No behaviour lives here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jianbao {

// A date known to year, month or day; year 0 means "no year known" (rendered --MM-DD).
struct PartialDate {
    int year = 0;
    int month = 0;
    int day = 0;
    bool empty() const { return year == 0 && month == 0 && day == 0; }
};

// One date or time expression found in a record. Offsets are bytes into Record::text().
struct DateMention {
    std::string text;                       // as written, e.g. 12月9日上午
    std::optional<std::string> value;       // YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD; null for 近日, 十三五
    std::optional<std::string> time_of_day; // 上午, 下午 …
    std::size_t begin = 0;
    std::size_t end = 0;
    bool no_event = false; // 元旦前夕, 国庆节期间, 截至…: the date of no event (date_no_event_after/before.txt)
    bool range_end = false; // 16日 of 10月15日至16日: the last day of a span the mention before opens
    bool relative_day = false; // 昨天, 当天下午: a day counted from the issue or the day last named
};

struct Person {
    std::string name;
    std::vector<std::string> titles; // as written, split at 、, in order first seen
    int mentions = 0;
};

struct Organization {
    std::string name;
    std::string type; // company, government, party, village, community, school, association, media, other
    int mentions = 0;
};

struct Place {
    std::string name;
    int mentions = 0;
};

struct Event {
    std::string trigger;
    std::string type;
    std::optional<std::string> date;
    std::optional<std::string> time_of_day;
    std::string sentence;
    std::vector<std::string> participants;
    std::vector<std::string> organizations;
};

enum class RecordKind { article, brief, caption };
const char* to_string(RecordKind k);

struct Record {
    int seq = 0;
    RecordKind kind = RecordKind::article;
    std::optional<std::string> section;
    std::optional<std::string> title;
    std::vector<std::string> paragraphs;

    std::optional<std::string> date;
    std::optional<std::string> time_of_day;
    std::optional<std::string> date_text;
    std::vector<DateMention> dates;
    std::vector<Person> people;
    std::vector<Organization> organizations;
    std::vector<Place> places;
    std::vector<Event> events;

    // The text extractors read: title (if any), then each paragraph, joined by '\n'.
    std::string text() const;
};

struct Bulletin {
    std::string source;   // file name as given
    std::string sha256;   // of the original bytes
    std::string encoding; // UTF-8, GB18030, …
    std::string text_sha256; // of the decoded, normalised text: the same bulletin in another encoding
    std::optional<std::string> issued; // YYYY, YYYY-MM or YYYY-MM-DD
    bool issued_inferred = false;      // true when taken from the file name or the text
    std::vector<std::string> masthead; // lines above the first record (name, issue, issuer, date)
    std::vector<std::string> colophon; // lines closing the text (供稿, 责任编辑, 报, 送 …)
    std::vector<Record> records;
};

} // namespace jianbao
