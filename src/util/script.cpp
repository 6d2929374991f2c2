#include "jianbao/util/script.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>
#include <unordered_set>

namespace jianbao {

namespace {
std::mutex g_mutex;
std::map<std::string, std::unique_ptr<icu::Transliterator>> g_transforms;
} // namespace

std::string transform(const char* id, std::string_view utf8) {
    std::lock_guard lock(g_mutex);
    auto& t = g_transforms[id];
    if (!t) {
        UErrorCode st = U_ZERO_ERROR;
        t.reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, st));
        if (U_FAILURE(st) || !t) throw Error(std::string("ICU transform ") + id + " is not available", 5);
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string to_simplified(std::string_view utf8) { return transform("Traditional-Simplified", utf8); }

bool looks_traditional(std::string_view utf8) {
    // Sample up to 600 Han characters; traditional text changes in well over 10% of them,
    // simplified text in almost none. Simplified text shows itself sooner: more than 5% of its
    // characters are forms only simplified text writes (这, 们, 国), and then the transform
    // need not run.
    static const std::unordered_set<char32_t> simplified_only = [] {
        std::unordered_set<char32_t> s;
        for (const auto& w : lexicon::read_words("script_simplified_only.txt")) {
            std::size_t k = 0;
            while (k < w.size()) s.insert(utf8::next(w, k));
        }
        return s;
    }();
    std::string sample;
    std::size_t han = 0, simplified = 0, i = 0;
    while (i < utf8.size() && han < 600) {
        char32_t c = utf8::next(utf8, i);
        if (utf8::is_han(c)) {
            utf8::append(sample, c);
            ++han;
            simplified += simplified_only.count(c);
        }
    }
    if (han < 10 || simplified * 20 > han) return false;
    std::string simp = to_simplified(sample);
    std::size_t changed = 0;
    auto a = utf8::chars(sample), b = utf8::chars(simp);
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        if (a[k] != b[k]) ++changed;
    return changed * 20 > han; // more than 5%
}

} // namespace jianbao
