#pragma once
// The GGUF weight-block layouts, described once. The C++ reference decoder (quant.cpp) and the
// GPU decoders (shaders/dequant.glsl) read exactly these bytes; f16 fields are IEEE binary16,
// everything is little-endian, and blocks are packed back to back along a row.
//
// 32-weight blocks (a row is a multiple of 32 weights):
//   Q8_0  d, qs[32] (int8)                      x = d·q
//   Q4_0  d, qs[16]                             x = d·(q − 8),  q ∈ [0, 15]
//   Q4_1  d, m, qs[16]                          x = d·q + m
//   Q5_0  d, qh[4], qs[16]                      x = d·(q − 16), q ∈ [0, 31]
//   Q5_1  d, m, qh[4], qs[16]                   x = d·q + m
//   MXFP4 e, qs[16]                             x = k[q]·2^(e − 128),   q ∈ [0, 15]
//   Nibbles: weight j < 16 is the low nibble of qs[j], weight j ≥ 16 the high nibble of
//   qs[j − 16]. The fifth bit of weight j is bit j of qh read as a little-endian uint32.
//   MXFP4 (OCP microscaling): e is an E8M0 power-of-two scale (no sign, no mantissa) and q an
//   E2M1 code (sign bit 3, 2-bit exponent, 1-bit mantissa); k = k_mxfp4_doubled holds the E2M1
//   values doubled so they are integers, hence 2^(e − 128) = ½·2^(e − 127). Its 17-byte block
//   is the one odd size: blocks and rows need not start on an even byte.
//
// 256-weight super-blocks (K-quants; a row is a multiple of 256 weights):
//   Q2_K  16 sub-blocks of 16: x = d·sc·q − dmin·m, 4-bit sc (low nibble) and m (high nibble)
//         of scales[i]; q = 2 bits. Weight e: n = e/128, r = e%128, j = r/32, l = r%32:
//         q = (qs[32n + l] >> 2j) & 3, sub-block 8n + 2j + l/16.
//   Q3_K  16 sub-blocks of 16: x = d·(s − 32)·q, 6-bit s packed in 12 bytes: low nibble in
//         scales[i % 8] (the high nibble for i ≥ 8), high 2 bits in scales[8 + i%4] >> 2(i/4).
//         q = low + 4·high − 4 ∈ [−4, 3]: with n, r, j, l as Q2_K, low = (qs[32n + l] >> 2j) & 3,
//         high = (hmask[l] >> (4n + j)) & 1.
//   Q4_K  8 sub-blocks of 32: x = d·sc·q − dmin·m, 6-bit sc and m packed in 12 bytes
//         (k_scale_min below). Weight e: c = e/64, l = e%64: q = nibble (low if l < 32) of
//         qs[32c + l%32], sub-block 2c + l/32.
//   Q5_K  as Q4_K, plus fifth bit (qh[l%32] >> sub-block) & 1 worth 16.
//   Q6_K  16 sub-blocks of 16: x = d·sc·(q − 32), int8 sc, 6-bit q. Weight e: n = e/128,
//         r = e%128, k = r/32, l = r%32: low 4 bits = nibble (high if k ≥ 2) of
//         ql[64n + 32(k%2) + l], high 2 bits = (qh[32n + l] >> 2k) & 3, sub-block 8n + 2k + l/16.

#include <cstddef>
#include <cstdint>

namespace sikao::quant {

struct BlockQ8_0 {
  uint16_t d;
  int8_t qs[32];
};

struct BlockQ4_0 {
  uint16_t d;
  uint8_t qs[16];
};

struct BlockQ4_1 {
  uint16_t d;
  uint16_t m;
  uint8_t qs[16];
};

struct BlockQ5_0 {
  uint16_t d;
  uint8_t qh[4];
  uint8_t qs[16];
};

struct BlockQ5_1 {
  uint16_t d;
  uint16_t m;
  uint8_t qh[4];
  uint8_t qs[16];
};

struct BlockMXFP4 {
  uint8_t e;
  uint8_t qs[16];
};

// The E2M1 code q's value, doubled: 0, 0.5, 1, 1.5, 2, 3, 4, 6 and their negatives.
inline constexpr int8_t k_mxfp4_doubled[16] = {0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12};

inline constexpr size_t k_super_block = 256;

struct BlockQ2_K {
  uint8_t scales[16];
  uint8_t qs[64];
  uint16_t d;
  uint16_t dmin;
};

struct BlockQ3_K {
  uint8_t hmask[32];
  uint8_t qs[64];
  uint8_t scales[12];
  uint16_t d;
};

struct BlockQ4_K {
  uint16_t d;
  uint16_t dmin;
  uint8_t scales[12];
  uint8_t qs[128];
};

struct BlockQ5_K {
  uint16_t d;
  uint16_t dmin;
  uint8_t scales[12];
  uint8_t qh[32];
  uint8_t qs[128];
};

struct BlockQ6_K {
  uint8_t ql[128];
  uint8_t qh[64];
  int8_t scales[16];
  uint16_t d;
};

static_assert(sizeof(BlockQ8_0) == 34 && sizeof(BlockQ4_0) == 18 && sizeof(BlockQ4_1) == 20);
static_assert(sizeof(BlockQ5_0) == 22 && sizeof(BlockQ5_1) == 24 && sizeof(BlockMXFP4) == 17);
static_assert(sizeof(BlockQ2_K) == 84 && sizeof(BlockQ3_K) == 110 && sizeof(BlockQ4_K) == 144);
static_assert(sizeof(BlockQ5_K) == 176 && sizeof(BlockQ6_K) == 210);

// Q4_K / Q5_K: sub-block i's 6-bit scale and min from the 12 packed bytes s:
// i < 4: scale = s[i] & 63, min = s[i+4] & 63;
// i ≥ 4: scale = (s[i+4] & 15) | (s[i−4] >> 6) << 4, min = (s[i+4] >> 4) | (s[i] >> 6) << 4.
struct ScaleMin {
  uint8_t scale;
  uint8_t min;
};
inline ScaleMin k_scale_min(const uint8_t* s, int i) {
  if (i < 4) {
    return {static_cast<uint8_t>(s[i] & 63), static_cast<uint8_t>(s[i + 4] & 63)};
  }
  return {static_cast<uint8_t>((s[i + 4] & 15) | ((s[i - 4] >> 6) << 4)),
          static_cast<uint8_t>((s[i + 4] >> 4) | ((s[i] >> 6) << 4))};
}

// Q3_K: sub-block i's 6-bit scale (before the −32 offset) from the 12 packed bytes s.
inline uint8_t q3_k_scale(const uint8_t* s, int i) {
  const int low = (s[i % 8] >> (4 * (i / 8))) & 15;
  const int high = (s[8 + i % 4] >> (2 * (i / 4))) & 3;
  return static_cast<uint8_t>(low | (high << 4));
}

} // namespace sikao::quant
