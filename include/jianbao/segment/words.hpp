// ICU word segmentation over UTF-8 text, reporting byte offsets.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace jianbao {

struct Span {
    std::uint32_t begin = 0; // byte offsets into the segmented text
    std::uint32_t end = 0;
};

// Wraps one ICU word BreakIterator (locale zh). Not thread-safe: one per thread.
class WordSegmenter {
public:
    WordSegmenter();
    ~WordSegmenter();
    WordSegmenter(const WordSegmenter&) = delete;
    WordSegmenter& operator=(const WordSegmenter&) = delete;

    // Every word-like or punctuation segment, whitespace dropped, in order.
    std::vector<Span> words(std::string_view utf8);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace jianbao
