// The archive's full-text tokenizer ("jianbao"), built on ICU.
//
// Normalisation, applied identically to indexed text and to queries, one code point at a time:
// NFKC (full/half width), case folding, Traditional→Simplified (ICU "Traditional-Simplified"),
// then whitespace, control and format characters are dropped.
//
// Tokens are overlapping bigrams of the normalised code points (CJK, Latin, digits and
// punctuation alike): at each position the two code points starting there, and at the end of
// a paragraph ('\n') or field the last code point alone. So a position list holds one entry
// per character, but per bigram, which keeps the lists of common characters short.
// A query term of n ≥ 2 code points becomes the phrase of its n−1 bigrams (consecutive
// positions ⇔ the n code points are consecutive in one paragraph); a term of one code point
// becomes the prefix query "c"* (every bigram starting with c, or c ending a paragraph).
// Hence plain substring semantics: a term matches a record exactly when the normalised title,
// or a normalised paragraph, contains the normalised term — for Chinese, for mixed strings like
// 1.6GWh, for "GWh" or "1.6" inside it, and for punctuation. Whitespace is ignored on both
// sides ("1.6 GWh" matches 1.6GWh), and a match never spans the title and the body or two
// paragraphs. Each token's offsets are its first character's bytes (so tokens never overlap,
// as FTS5's own highlight() assumes); search snippets come from highlight_matches() instead.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;

namespace jianbao::fts {

// Normalised text as the index sees it (whitespace removed; '\n' removed too).
std::string normalize(std::string_view text);

// The tokens the index stores for `text`, in position order.
std::vector<std::string> tokens(std::string_view text);

// Number of code points in normalize(text).
std::size_t normalized_length(std::string_view text);

// Byte ranges [first, second) of `text` covering every occurrence of each term (normalised
// on both sides, never across a '\n'), merged and in order. Empty terms are ignored.
std::vector<std::pair<std::size_t, std::size_t>> find_matches(std::string_view text,
                                                              const std::vector<std::string>& terms);

// A snippet of at most about `width` characters of the field of `fields` with the most
// distinct matching terms (the first such), the matches wrapped in open/close and "…" where
// text was cut. Empty when no field matches.
std::string snippet(const std::vector<std::string_view>& fields, const std::vector<std::string>& terms,
                    std::string_view open, std::string_view close, std::size_t width);

// Registers the "jianbao" FTS5 tokenizer on a connection, and the ranking function
// jianbao_rank(records_fts, k, weights…): -bm25 (FTS5's formula, same weights), exact for the
// best k rows (k ≤ 0: for every row) — ORDER BY it with LIMIT k. Returns false when FTS5 is missing.
bool register_tokenizer(sqlite3* db);

} // namespace jianbao::fts
