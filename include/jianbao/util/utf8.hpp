// Small UTF-8 helpers shared by every stage that walks text character by character.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::utf8 {

// Decodes the code point at s[i] and advances i; invalid bytes yield U+FFFD and advance by one.
char32_t next(std::string_view s, std::size_t& i);
// Decodes the code point ending just before s[i] and moves i back to its start.
char32_t prev(std::string_view s, std::size_t& i);
void append(std::string& out, char32_t c);
std::string encode(char32_t c);
std::size_t length(std::string_view s); // in code points
// Byte offset of the first invalid sequence, or npos when s is valid UTF-8.
std::size_t first_invalid(std::string_view s);
// Splits into code points, each as a view into s.
std::vector<std::string_view> chars(std::string_view s);
bool is_han(char32_t c);
bool is_cjk_punct(char32_t c);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

} // namespace jianbao::utf8
