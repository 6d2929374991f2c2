// libFuzzer target: the whole per-file path (decode → normalise → structure → extraction) on
// arbitrary bytes, then the record's JSON export. A bad file may only end in jianbao::Error; any
// other exception, crash, leak or UB report is a bug. The export step catches extracted names or
// offsets that are not valid UTF-8 (nlohmann::json throws on those when dumping).
#include "jianbao/export/json.hpp"
#include "jianbao/pipeline/pipeline.hpp"
#include "jianbao/util/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jianbao::Pipeline pipeline; // lexicons load once, as in one import thread
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    jianbao::Bulletin b;
    try {
        // Odd sizes get a file name without a date, so the issue date comes from the text (or is
        // unknown) and the date extractor runs without a year: both paths are fuzzed.
        b = pipeline.parse(bytes, size % 2 ? "fuzz.txt" : "fuzz-2023-05.txt", {});
    } catch (const jianbao::Error&) {
        return 0; // refused with a message: the expected outcome for most random bytes
    }
    jianbao::BulletinInfo info{0, b.source, b.sha256, b.encoding, b.issued, b.masthead, b.colophon};
    for (const jianbao::Record& r : b.records) {
        std::string out = jianbao::record_to_json(r, info, std::nullopt).dump(); // throws on bad UTF-8
        if (out.empty()) __builtin_trap();
    }
    return 0;
}
