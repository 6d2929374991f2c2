// A set of characters for the extractors' per-character tests (is this a surname, a stop, a
// transliteration character?): one bit per character of the Basic Multilingual Plane (8 KB, so a
// test is one load that stays in cache) and a sorted list of the few characters beyond it. A hash
// set answered the same questions at a tenth of the people extractor's time.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace jianbao {

class CharSet {
public:
    void insert(char32_t c) {
        if (c < 0x10000) {
            auto& word = bmp_[c >> 6];
            const std::uint64_t bit = std::uint64_t{1} << (c & 63);
            if (!(word & bit)) ++size_;
            word |= bit;
            return;
        }
        const auto it = std::lower_bound(astral_.begin(), astral_.end(), c);
        if (it != astral_.end() && *it == c) return;
        astral_.insert(it, c);
        ++size_;
    }
    bool contains(char32_t c) const {
        if (c < 0x10000) return (bmp_[c >> 6] >> (c & 63)) & 1;
        return std::binary_search(astral_.begin(), astral_.end(), c);
    }
    // As std::set's, so that a set can replace one without touching its callers.
    std::size_t count(char32_t c) const { return contains(c) ? 1 : 0; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // The members in ascending order.
    std::vector<char32_t> members() const {
        std::vector<char32_t> out;
        out.reserve(size_);
        for (std::size_t w = 0; w < bmp_.size(); ++w)
            for (std::uint64_t bits = bmp_[w]; bits != 0; bits &= bits - 1)
                out.push_back(static_cast<char32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
        out.insert(out.end(), astral_.begin(), astral_.end());
        return out;
    }

private:
    std::array<std::uint64_t, 0x10000 / 64> bmp_{};
    std::vector<char32_t> astral_;
    std::size_t size_ = 0;
};

} // namespace jianbao
