// FIPS 180-4 SHA-256, written out to avoid a crypto dependency for one checksum.
#include "jianbao/util/sha256.hpp"

#include <array>
#include <cstdint>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace jianbao {

namespace {
constexpr std::array<std::uint32_t, 64> K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void block(std::array<std::uint32_t, 8>& h, const unsigned char* p) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = (std::uint32_t(p[4 * i]) << 24) | (std::uint32_t(p[4 * i + 1]) << 16) |
               (std::uint32_t(p[4 * i + 2]) << 8) | std::uint32_t(p[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
        std::uint32_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        std::uint32_t ch = (e & f) ^ (~e & g);
        std::uint32_t t1 = hh + S1 + ch + K[i] + w[i];
        std::uint32_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        std::uint32_t mj = (a & b) ^ (a & c) ^ (b & c);
        std::uint32_t t2 = S0 + mj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define JIANBAO_SHA_NI 1
// The same compression with the x86 SHA extensions (most x86-64 CPUs since 2017), ≈ 20× fewer
// instructions: hashing each file's bytes and text cost ≈ 4% of an import. Chosen at run time.
__attribute__((target("sha,sse4.1"))) void blocks_sha_ni(std::array<std::uint32_t, 8>& h, const unsigned char* p,
                                                       std::size_t n) {
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[0])), 0xB1); // CDAB
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[4])), 0x1B); // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);    // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);         // CDGH
    for (; n; --n, p += 64) {
        const __m128i abef = state0, cdgh = state1;
        __m128i w[4]; // the message schedule, four words at a time, as a ring
        for (int g = 0; g < 16; ++g) {
            __m128i& x = w[g & 3];
            if (g < 4) {
                x = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)), bswap);
            } else {
                // W[4g..4g+3] from W[4g-16..4g-1]: x is still the group g-4.
                __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(x, w[(g - 3) & 3]),
                                          _mm_alignr_epi8(w[(g - 1) & 3], w[(g - 2) & 3], 4));
                x = _mm_sha256msg2_epu32(t, w[(g - 1) & 3]);
            }
            __m128i msg = _mm_add_epi32(x, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&K[4 * g])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);         // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);      // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);   // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);      // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[4]), state1);
}

bool have_sha_ni() {
    static const bool yes = __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
    return yes;
}
#endif

// n whole 64-byte blocks at p.
void blocks(std::array<std::uint32_t, 8>& h, const unsigned char* p, std::size_t n, bool portable) {
#ifdef JIANBAO_SHA_NI
    if (!portable && have_sha_ni()) return blocks_sha_ni(h, p, n);
#endif
    for (; n; --n, p += 64) block(h, p);
}
} // namespace

std::string sha256_hex(std::string_view bytes) { return sha256_hex(bytes, false); }

std::string sha256_hex(std::string_view bytes, bool portable) {
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size(), i = n / 64 * 64;
    blocks(h, p, n / 64, portable);
    unsigned char tail[128] = {};
    std::size_t rest = n - i;
    for (std::size_t k = 0; k < rest; ++k) tail[k] = p[i + k];
    tail[rest] = 0x80;
    std::size_t len = rest + 1 + 8 <= 64 ? 64 : 128;
    std::uint64_t bits = std::uint64_t(n) * 8;
    for (int k = 0; k < 8; ++k) tail[len - 1 - k] = static_cast<unsigned char>(bits >> (8 * k));
    blocks(h, tail, len / 64, portable);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (auto v : h)
        for (int s = 28; s >= 0; s -= 4) out += hex[(v >> s) & 0xF];
    return out;
}

} // namespace jianbao
