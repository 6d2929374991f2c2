// The whole one-way path from a file's bytes to an extracted Bulletin (nothing stored).
#pragma once
#include "jianbao/model/record.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace jianbao {

struct ParseOptions {
    std::optional<std::string> issued;   // YYYY[-MM[-DD]] as given by --issued
    std::optional<std::string> encoding; // --encoding: skip detection
};

// Bulletins larger than this are refused before reading: one file's memory is bounded.
inline constexpr std::uintmax_t max_bulletin_bytes = 64u * 1024u * 1024u;

// Holds the segmenter and the extractors' lexicons; one per thread.
class Pipeline {
public:
    Pipeline();
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    // decode → normalise → structure → extraction. `source` is the name the bulletin is known by.
    // Throws Error naming `source` for undecodable input or a file with no recognisable record.
    Bulletin parse(std::string_view bytes, const std::string& source, const ParseOptions& options);
    // The same, for a caller that already hashed the bytes (`sha256`: sha256_hex(bytes)), as the
    // batch import does to skip known files: SHA-256 costs ≈ 4% of an import, once is enough.
    Bulletin parse(std::string_view bytes, const std::string& source, const ParseOptions& options, std::string sha256);

private:
    std::optional<PartialDate> issue_date_from_masthead(const std::vector<std::string>& masthead) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reads a whole file (refusing directories, unreadable and oversized files with a clear Error).
std::string read_bulletin_file(const std::filesystem::path& path);
// Reads a whole stream (stdin), refusing more than max_bulletin_bytes; `name` is for messages.
std::string read_bulletin_stream(std::istream& in, const std::string& name);

// The issue date a file name announces: 2021-12, 202112, 2021年12月, 19980102 …
std::optional<PartialDate> issue_date_from_name(std::string_view file_name);
// The issue date the text gives, for a file whose name gives none: the latest month of a full
// date written in it (2022年3月15日), else the year of an issue number (2022年第3期).
std::optional<PartialDate> issue_date_from_text(std::string_view text);

} // namespace jianbao
