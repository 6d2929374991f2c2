#include "jianbao/query/person_lookup.hpp"

#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/utf8.hpp"

#include <unicode/normalizer2.h>

#include <algorithm>

namespace jianbao {

namespace {

// The pinyin key of every BMP Han character, generated at build time from ICU
// (src/query/pinyin/gen_pinyin_table.cpp), sorted by code point.
struct PinyinKey {
    char32_t han;
    const char* key;
};
constexpr PinyinKey kPinyin[] = {
#include "pinyin_table.inc"
};

bool exists(const Archive& a, const std::string& name) {
    auto s = a.db().prepare("SELECT 1 FROM people WHERE name = ?1");
    return s.bind(1, name).step();
}

} // namespace

std::string pinyin_key(const std::string& text) {
    // Han → the generated table's key (Traditional→Simplified, Han-Latin, tone marks dropped);
    // Latin → its letters without marks (NFKD: jīn → jin, Ｊｉｎ → jin), lower case; ü and v
    // both become u; tone digits, spaces and the rest dropped.
    static const icu::Normalizer2* nfkd = [] {
        UErrorCode st = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(st);
        return U_SUCCESS(st) ? n : nullptr;
    }();
    std::string key;
    auto letters = [&](const std::string& s) {
        for (char ch : s) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (ch >= 'a' && ch <= 'z') key += ch == 'v' ? 'u' : ch;
        }
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        char32_t c = utf8::next(text, i);
        const PinyinKey* it = std::lower_bound(std::begin(kPinyin), std::end(kPinyin), c,
                                               [](const PinyinKey& e, char32_t v) { return e.han < v; });
        if (it != std::end(kPinyin) && it->han == c && c != 0) key += it->key;
        else if (c < 0x80) letters(std::string(1, static_cast<char>(c)));
        else if (utf8::is_han(c)) letters(transform("Han-Latin; Latin-ASCII; Lower", to_simplified(text.substr(start, i - start))));
        else if (nfkd) {
            UErrorCode st = U_ZERO_ERROR;
            std::string decomposed;
            nfkd->normalize(icu::UnicodeString::fromUTF8(text.substr(start, i - start)), st).toUTF8String(decomposed);
            letters(decomposed);
        }
    }
    return key;
}

std::vector<std::string> lookup_person(const Archive& archive, const std::string& input) {
    if (exists(archive, input)) return {input};
    // Only an input made of Latin letters, spaces, tone marks or digits is read as pinyin.
    bool has_han = false;
    std::size_t i = 0;
    while (i < input.size())
        if (utf8::is_han(utf8::next(input, i))) has_han = true;
    if (has_han) {
        if (std::string s = to_simplified(input); s != input && exists(archive, s)) return {s};
        return {};
    }
    std::string want = pinyin_key(input);
    if (want.empty()) return {};
    std::vector<std::string> found;
    auto s = archive.db().prepare("SELECT name FROM people ORDER BY name");
    while (s.step()) {
        std::string name = s.text(0);
        if (pinyin_key(name) == want) found.push_back(name);
    }
    return found;
}

} // namespace jianbao
