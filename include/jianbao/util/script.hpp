// Traditional and simplified Chinese: one shared ICU transliterator, built on first need
// (it costs tens of milliseconds) and used under a lock.
#pragma once
#include <string>
#include <string_view>

namespace jianbao {

// The text with traditional characters replaced by simplified ones (ICU "Traditional-Simplified").
std::string to_simplified(std::string_view utf8);

// Whether a text is written in traditional characters: enough of a bounded sample changes when
// simplified. Cheap enough to run on every bulletin.
bool looks_traditional(std::string_view utf8);

// Applies an ICU transform by id (e.g. "Han-Latin; Latin-ASCII; Lower"), building it once per id.
std::string transform(const char* id, std::string_view utf8);

} // namespace jianbao
