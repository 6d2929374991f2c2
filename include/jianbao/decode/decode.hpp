// Decode: a file's bytes → UTF-8 text, with the encoding it came in; then one canonical form.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace jianbao {

struct DecodedText {
    std::string text;     // UTF-8, not yet normalised
    std::string encoding; // UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, or the name given
};

// Converts `bytes` strictly (no silent U+FFFD). `forced` names an ICU converter and skips detection.
// Throws Error "<source>: <reason>" (with the byte offset where one applies) for binary files,
// NUL bytes, invalid or mixed encodings and files with no text.
DecodedText decode(std::string_view bytes, const std::string& source,
                   const std::optional<std::string>& forced = std::nullopt);

// The canonical form every later stage and the search index see: '\n' line ends, no trailing
// blanks, tabs as spaces, full-width ASCII letters/digits folded to ASCII, and ASCII , ; : ? ! ( )
// next to a Han character turned into their full-width forms (Chinese text punctuated in ASCII
// after a PDF paste reads the same as text punctuated properly).
std::string normalise(std::string_view utf8);

} // namespace jianbao
