// SHA-256 of a byte string, as 64 lowercase hex digits (identifies a bulletin's original bytes).
#pragma once
#include <string>
#include <string_view>

namespace jianbao {
std::string sha256_hex(std::string_view bytes);
}
