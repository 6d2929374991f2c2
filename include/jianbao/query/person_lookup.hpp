// Finding a stored person from what a user typed: the name in simplified or traditional
// characters, or its pinyin with or without spaces, tones or capitals (Jin Feng, jinfeng, jīn fēng).
#pragma once
#include "jianbao/store/archive.hpp"

#include <string>
#include <vector>

namespace jianbao {

// The stored names the input denotes: one for an exact or traditional-character match; for pinyin,
// every person whose name reads that way (the caller asks the user to choose when there are several).
std::vector<std::string> lookup_person(const Archive& archive, const std::string& input);

// The toneless, spaceless, lower-case pinyin of a Han string, or of a pinyin spelling ("Jīn Fēng" → "jinfeng").
std::string pinyin_key(const std::string& text);

} // namespace jianbao
