// The archive's full-text tokenizer ("jianbao"), built on ICU.
//
// Normalisation, applied identically to indexed text and to queries, one code point at a time:
// NFKC (full/half width), case folding, Traditional→Simplified (ICU "Traditional-Simplified"),
// then whitespace, control and format characters are dropped.
//
// Every remaining code point is one token (CJK, Latin, digits and punctuation alike), and a
// paragraph break ('\n') is a separator token no query can contain. A query term becomes the
// phrase of its code points, so the guarantee is plain substring semantics: a term matches a
// record exactly when the normalised title, or a normalised paragraph, contains the normalised
// term — for Chinese, for mixed strings like 1.6GWh, for "GWh" or "1.6" inside it, and for
// punctuation. Whitespace is ignored on both sides ("1.6 GWh" matches 1.6GWh), and a match
// never spans the title and the body or two paragraphs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace jianbao::fts {

// Normalised text as the index sees it (whitespace removed; '\n' removed too).
std::string normalize(std::string_view text);

// The tokens the index stores for `text` ('\n' yields the separator token "\n").
std::vector<std::string> tokens(std::string_view text);

// Registers the "jianbao" FTS5 tokenizer on a connection. Returns false when FTS5 is missing.
bool register_tokenizer(sqlite3* db);

} // namespace jianbao::fts
