// Structure: normalised bulletin text → records (titles, paragraphs rejoined, sections, briefs, captions).
#pragma once
#include "jianbao/model/record.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace jianbao {

// A bulletin's text as read: the masthead lines above its first record (name, issue number,
// issuer and date), its records, and the colophon lines closing it (供稿, 报, 送 …). Neither
// masthead nor colophon is a record; both are kept, as written, one string per line.
struct BulletinText {
    std::vector<std::string> masthead;
    std::vector<Record> records;
    std::vector<std::string> colophon;
};

// Splits decoded, normalised text (see decode/normalise.hpp) into records in reading order,
// seq numbered from 1. Only structure is filled in (kind, section, title, paragraphs).
// traditional: the text is in traditional characters (looks_traditional), so column names,
// masthead and colophon words are also matched in their traditional forms.
BulletinText parse_bulletin_text(std::string_view text, bool traditional = false);

// The records of parse_bulletin_text.
std::vector<Record> parse_structure(std::string_view text);

} // namespace jianbao
