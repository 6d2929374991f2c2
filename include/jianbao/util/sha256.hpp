// SHA-256 of a byte string, as 64 lowercase hex digits (identifies a bulletin's original bytes).
#pragma once
#include <string>
#include <string_view>

namespace jianbao {
std::string sha256_hex(std::string_view bytes);
// `portable`: never the CPU's SHA instructions (for the test that both agree).
std::string sha256_hex(std::string_view bytes, bool portable);
}
