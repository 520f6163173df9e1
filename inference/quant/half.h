#pragma once
// IEEE 754 binary16 and bfloat16 <-> float, bit-exact, for the CPU side of the weight formats
// (references, quantisers, uploads of f16 data).

#include <bit>
#include <cstdint>

namespace sikao::quant {

inline float half_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exponent = (h >> 10) & 0x1Fu;
  const uint32_t mantissa = h & 0x3FFu;
  if (exponent == 0x1Fu) {  // inf / nan
    return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));
  }
  if (exponent == 0) {  // zero / subnormal: mantissa · 2^−24
    const float magnitude = static_cast<float>(mantissa) * 0x1p-24f;
    return sign ? -magnitude : magnitude;
  }
  return std::bit_cast<float>(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

// Round to nearest, ties to even; overflow gives inf, nan stays nan.
inline uint16_t float_to_half(float f) {
  const uint32_t bits = std::bit_cast<uint32_t>(f);
  const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
  const uint32_t abs = bits & 0x7FFFFFFFu;
  if (abs > 0x7F800000u) {
    return sign | 0x7E00u;
  }
  if (abs >= 0x477FF000u) {  // ≥ 65520 rounds past the largest half
    return sign | 0x7C00u;
  }
  if (abs < 0x38800000u) {  // below 2^−14: subnormal half, in units of 2^−24
    const float scaled = std::bit_cast<float>(abs) * 0x1p24f;
    // float addition rounds to nearest even; scaled < 1024 so the result is exact in the mantissa.
    const float rounded = (scaled + 0x1p23f) - 0x1p23f;
    return sign | static_cast<uint16_t>(rounded);
  }
  const uint32_t mantissa_rounding = 0xFFFu + ((abs >> 13) & 1u);
  const uint32_t rounded = abs + mantissa_rounding;
  return sign | static_cast<uint16_t>(((rounded >> 13) - (112u << 10)) & 0x7FFFu);
}

inline float bf16_to_float(uint16_t b) { return std::bit_cast<float>(static_cast<uint32_t>(b) << 16); }

inline uint16_t float_to_bf16(float f) {
  const uint32_t bits = std::bit_cast<uint32_t>(f);
  if ((bits & 0x7FFFFFFFu) > 0x7F800000u) {
    return static_cast<uint16_t>((bits >> 16) | 0x40u);
  }
  return static_cast<uint16_t>((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
}

} // namespace sikao::quant
