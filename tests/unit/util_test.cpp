// The small shared helpers under src/util: character sets and the lexicon readers behind them.
#include "jianbao/util/char_set.hpp"
#include "jianbao/util/lexicon.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

using namespace jianbao;

TEST(CharSet, AnswersAsAnOrderedSetForEveryPlane) {
    // Against std::set on random characters of the BMP and beyond, edges of the bit array included.
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::uint32_t> any(0, 0x10FFFF);
    CharSet cs;
    std::set<char32_t> ref;
    for (char32_t c : {U'\0', U'\uFFFF', U'\U00010000', U'王', U'𠀀', U'王'}) {
        cs.insert(c);
        ref.insert(c);
    }
    for (int i = 0; i < 5000; ++i) {
        const char32_t c = any(rng) % (i % 2 ? 0x10000 : 0x110000);
        cs.insert(c);
        ref.insert(c);
    }
    EXPECT_EQ(cs.size(), ref.size());
    EXPECT_EQ(cs.members(), std::vector<char32_t>(ref.begin(), ref.end()));
    for (int i = 0; i < 20000; ++i) {
        const char32_t c = any(rng) % (i % 2 ? 0x10000 : 0x110000);
        EXPECT_EQ(cs.count(c), ref.count(c)) << static_cast<std::uint32_t>(c);
    }
    EXPECT_TRUE(CharSet().empty());
    EXPECT_FALSE(CharSet().contains(U'王'));
}

TEST(Lexicon, ReadCharsTakesEveryCharacterOfEveryWord) {
    // org_body_end_chars.txt lists characters a body's name ends in, separated by spaces.
    const CharSet ends = lexicon::read_chars("org_body_end_chars.txt");
    EXPECT_TRUE(ends.contains(U'局'));
    EXPECT_TRUE(ends.contains(U'院'));
    EXPECT_FALSE(ends.contains(U' '));
    EXPECT_FALSE(ends.contains(U'#'));
    EXPECT_FALSE(ends.contains(U'的'));
}
