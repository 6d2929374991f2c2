// Finding and reading the linguistic data files under data/lexicon.
#pragma once
#include "jianbao/util/char_set.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace jianbao::lexicon {

// The directory holding the lexicons: $JIANBAO_DATA, else <exe>/../share/jianbao/lexicon when
// installed, else the source tree's data/lexicon (build-tree binaries).
const std::filesystem::path& data_dir();

// Lines of a data file with comments (# …) and blank lines removed, trimmed.
// Throws Error naming the file when it cannot be read.
std::vector<std::string> read_lines(std::string_view file_name);

// Each line split at tabs; lines with fewer than `min_fields` fields are rejected with an error.
std::vector<std::vector<std::string>> read_table(std::string_view file_name, std::size_t min_fields);

// The whitespace-separated words of every line, in order (word-list files: 书记 副书记 …).
std::vector<std::string> read_words(std::string_view file_name);

// The whitespace-separated words of one line or field (a table's column of words: 该 本 此).
std::vector<std::string> words_of(std::string_view text);

// Every character of a file's words (character-list files: 院 局 委).
CharSet read_chars(std::string_view file_name);

// A set of the first field of every line.
std::unordered_set<std::string> read_set(std::string_view file_name);

} // namespace jianbao::lexicon
