#include "quant/quant.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "common/error.h"
#include "quant/blocks.h"
#include "quant/half.h"

namespace sikao::quant {
namespace {

using gguf::TensorType;

float f16(uint16_t h) { return half_to_float(h); }

// The f16 a scale is stored as, so quantisers divide by exactly what decoders multiply by.
float stored_f16(float x, uint16_t& out) {
  out = float_to_half(x);
  return half_to_float(out);
}

int nearest(float x) { return static_cast<int>(std::lround(x)); }

int clamp_nearest(float x, int lo, int hi) { return std::clamp(nearest(x), lo, hi); }

// The value of largest magnitude, with its sign (ggml's choice of reference point for the
// symmetric formats: it maps exactly to the most negative code).
float signed_absmax(const float* x, size_t n) {
  float best = 0.0f;
  for (size_t i = 0; i < n; ++i) {
    if (std::fabs(x[i]) > std::fabs(best)) {
      best = x[i];
    }
  }
  return best;
}

// ---- decoders: one block of the format into its weights ------------------------------------

void decode(const BlockQ8_0& b, float* y) {
  const float d = f16(b.d);
  for (int j = 0; j < 32; ++j) {
    y[j] = d * b.qs[j];
  }
}

void decode(const BlockQ4_0& b, float* y) {
  const float d = f16(b.d);
  for (int j = 0; j < 16; ++j) {
    y[j] = d * ((b.qs[j] & 15) - 8);
    y[j + 16] = d * ((b.qs[j] >> 4) - 8);
  }
}

void decode(const BlockQ4_1& b, float* y) {
  const float d = f16(b.d);
  const float m = f16(b.m);
  for (int j = 0; j < 16; ++j) {
    y[j] = d * (b.qs[j] & 15) + m;
    y[j + 16] = d * (b.qs[j] >> 4) + m;
  }
}

uint32_t little_u32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// Q5_0 / Q5_1 5-bit codes: nibble plus bit j of qh.
void five_bit_codes(const uint8_t* qh, const uint8_t* qs, int* q) {
  const uint32_t h = little_u32(qh);
  for (int j = 0; j < 16; ++j) {
    q[j] = (qs[j] & 15) | (((h >> j) & 1) << 4);
    q[j + 16] = (qs[j] >> 4) | (((h >> (j + 16)) & 1) << 4);
  }
}

void decode(const BlockQ5_0& b, float* y) {
  int q[32];
  five_bit_codes(b.qh, b.qs, q);
  const float d = f16(b.d);
  for (int j = 0; j < 32; ++j) {
    y[j] = d * (q[j] - 16);
  }
}

void decode(const BlockQ5_1& b, float* y) {
  int q[32];
  five_bit_codes(b.qh, b.qs, q);
  const float d = f16(b.d);
  const float m = f16(b.m);
  for (int j = 0; j < 32; ++j) {
    y[j] = d * q[j] + m;
  }
}

// ½·2^(e − 127) = 2^(e − 128), exact for every e (a subnormal float for e < 2).
float e8m0_half(uint8_t e) { return std::ldexp(1.0f, int(e) - 128); }

void decode(const BlockMXFP4& b, float* y) {
  const float d = e8m0_half(b.e);
  for (int j = 0; j < 16; ++j) {
    y[j] = k_mxfp4_doubled[b.qs[j] & 15] * d;
    y[j + 16] = k_mxfp4_doubled[b.qs[j] >> 4] * d;
  }
}

void decode(const BlockQ2_K& b, float* y) {
  const float d = f16(b.d);
  const float dmin = f16(b.dmin);
  for (int n = 0; n < 2; ++n) {
    for (int j = 0; j < 4; ++j) {
      for (int l = 0; l < 32; ++l) {
        const int sub = 8 * n + 2 * j + l / 16;
        const int q = (b.qs[32 * n + l] >> (2 * j)) & 3;
        y[128 * n + 32 * j + l] = d * (b.scales[sub] & 15) * q - dmin * (b.scales[sub] >> 4);
      }
    }
  }
}

void decode(const BlockQ3_K& b, float* y) {
  const float d = f16(b.d);
  for (int n = 0; n < 2; ++n) {
    for (int j = 0; j < 4; ++j) {
      for (int l = 0; l < 32; ++l) {
        const int sub = 8 * n + 2 * j + l / 16;
        const int low = (b.qs[32 * n + l] >> (2 * j)) & 3;
        const int high = (b.hmask[l] >> (4 * n + j)) & 1;
        y[128 * n + 32 * j + l] = d * (q3_k_scale(b.scales, sub) - 32) * (low + 4 * high - 4);
      }
    }
  }
}

void decode(const BlockQ4_K& b, float* y) {
  const float d = f16(b.d);
  const float dmin = f16(b.dmin);
  for (int c = 0; c < 4; ++c) {
    const ScaleMin lo = k_scale_min(b.scales, 2 * c);
    const ScaleMin hi = k_scale_min(b.scales, 2 * c + 1);
    for (int l = 0; l < 32; ++l) {
      y[64 * c + l] = d * lo.scale * (b.qs[32 * c + l] & 15) - dmin * lo.min;
      y[64 * c + 32 + l] = d * hi.scale * (b.qs[32 * c + l] >> 4) - dmin * hi.min;
    }
  }
}

void decode(const BlockQ5_K& b, float* y) {
  const float d = f16(b.d);
  const float dmin = f16(b.dmin);
  for (int c = 0; c < 4; ++c) {
    const ScaleMin lo = k_scale_min(b.scales, 2 * c);
    const ScaleMin hi = k_scale_min(b.scales, 2 * c + 1);
    for (int l = 0; l < 32; ++l) {
      const int q_lo = (b.qs[32 * c + l] & 15) | (((b.qh[l] >> (2 * c)) & 1) << 4);
      const int q_hi = (b.qs[32 * c + l] >> 4) | (((b.qh[l] >> (2 * c + 1)) & 1) << 4);
      y[64 * c + l] = d * lo.scale * q_lo - dmin * lo.min;
      y[64 * c + 32 + l] = d * hi.scale * q_hi - dmin * hi.min;
    }
  }
}

void decode(const BlockQ6_K& b, float* y) {
  const float d = f16(b.d);
  for (int n = 0; n < 2; ++n) {
    for (int k = 0; k < 4; ++k) {
      for (int l = 0; l < 32; ++l) {
        const int low = (b.ql[64 * n + 32 * (k % 2) + l] >> (k >= 2 ? 4 : 0)) & 15;
        const int high = (b.qh[32 * n + l] >> (2 * k)) & 3;
        const int sub = 8 * n + 2 * k + l / 16;
        y[128 * n + 32 * k + l] = d * b.scales[sub] * ((low | (high << 4)) - 32);
      }
    }
  }
}

// ---- quantisers: weights into one valid block ------------------------------------------------

void encode(const float* x, BlockQ8_0& b) {
  float amax = 0.0f;
  for (int j = 0; j < 32; ++j) {
    amax = std::max(amax, std::fabs(x[j]));
  }
  const float d = stored_f16(amax / 127.0f, b.d);
  for (int j = 0; j < 32; ++j) {
    b.qs[j] = static_cast<int8_t>(d == 0.0f ? 0 : clamp_nearest(x[j] / d, -127, 127));
  }
}

// Symmetric 4/5-bit codes q ∈ [0, 2^bits) for x = d·(q − 2^(bits−1)).
float symmetric_codes(const float* x, int bits, uint16_t& d_out, int* q) {
  const int offset = 1 << (bits - 1);
  const float d = stored_f16(signed_absmax(x, 32) / -offset, d_out);
  for (int j = 0; j < 32; ++j) {
    q[j] = d == 0.0f ? offset : clamp_nearest(x[j] / d + offset, 0, 2 * offset - 1);
  }
  return d;
}

// Affine 4/5-bit codes q ∈ [0, 2^bits) for x = d·q + m.
void affine_codes(const float* x, int bits, uint16_t& d_out, uint16_t& m_out, int* q) {
  const float lo = *std::min_element(x, x + 32);
  const float hi = *std::max_element(x, x + 32);
  const int top = (1 << bits) - 1;
  const float d = stored_f16((hi - lo) / top, d_out);
  const float m = stored_f16(lo, m_out);
  for (int j = 0; j < 32; ++j) {
    q[j] = d == 0.0f ? 0 : clamp_nearest((x[j] - m) / d, 0, top);
  }
}

void pack_nibbles(const int* q, uint8_t* qs) {
  for (int j = 0; j < 16; ++j) {
    qs[j] = static_cast<uint8_t>((q[j] & 15) | ((q[j + 16] & 15) << 4));
  }
}

void pack_fifth_bits(const int* q, uint8_t* qh) {
  uint32_t h = 0;
  for (int j = 0; j < 32; ++j) {
    h |= static_cast<uint32_t>((q[j] >> 4) & 1) << j;
  }
  for (int i = 0; i < 4; ++i) {
    qh[i] = static_cast<uint8_t>(h >> (8 * i));
  }
}

void encode(const float* x, BlockQ4_0& b) {
  int q[32];
  symmetric_codes(x, 4, b.d, q);
  pack_nibbles(q, b.qs);
}

void encode(const float* x, BlockQ4_1& b) {
  int q[32];
  affine_codes(x, 4, b.d, b.m, q);
  pack_nibbles(q, b.qs);
}

void encode(const float* x, BlockQ5_0& b) {
  int q[32];
  symmetric_codes(x, 5, b.d, q);
  pack_nibbles(q, b.qs);
  pack_fifth_bits(q, b.qh);
}

void encode(const float* x, BlockQ5_1& b) {
  int q[32];
  affine_codes(x, 5, b.d, b.m, q);
  pack_nibbles(q, b.qs);
  pack_fifth_bits(q, b.qh);
}

// MXFP4, byte for byte as llama.cpp's quantize_row_mxfp4_ref (llama-quantize's MXFP4_MOE):
// e = floor(log2 amax) − 2 + 127 puts the largest magnitude at 8 to 16 times d = 2^(e − 128);
// the doubled E2M1 codes reach 12, so the block's top weights clip to ±12·d. Each weight takes
// the code whose value k[q]·d is nearest, the lowest code on a tie (so +0, never −0). ggml converts the float exponent
// to uint8_t through a 32-bit int on x86, so the e of an all-subnormal block wraps; so does ours.
uint8_t mxfp4_exponent(const float* x) {
  float amax = 0.0f;
  for (int j = 0; j < 32; ++j) {
    amax = std::max(amax, std::fabs(x[j]));
  }
  if (!(amax > 0.0f)) {
    return 0;
  }
  return static_cast<uint8_t>(static_cast<int>(std::floor(std::log2(amax)) - 2.0f + 127.0f));
}

int nearest_mxfp4_code(float x, float d) {
  int best = 0;
  float best_error = std::fabs(k_mxfp4_doubled[0] * d - x);
  for (int q = 1; q < 16; ++q) {
    const float error = std::fabs(k_mxfp4_doubled[q] * d - x);
    if (error < best_error) {
      best = q;
      best_error = error;
    }
  }
  return best;
}

void encode(const float* x, BlockMXFP4& b) {
  b.e = mxfp4_exponent(x);
  const float d = e8m0_half(b.e);
  int q[32];
  for (int j = 0; j < 32; ++j) {
    q[j] = nearest_mxfp4_code(x[j], d);
  }
  pack_nibbles(q, b.qs);
}

// K-quant affine sub-blocks: x ≈ d·sc·q − dmin·m with sc, m integers ≤ max_code and q ≤ top.
// Chooses per sub-block scale (hi − lo)/top and min −lo (lo ≤ 0), then quantises both to the
// super-block's d and dmin. Returns the codes q, one per weight.
struct AffineSuperBlock {
  float d = 0, dmin = 0;
  int sc[16] = {}, m[16] = {};
};
AffineSuperBlock affine_super_block(const float* x, int sub_blocks, int sub_size, int top,
                                    int max_code, uint16_t& d_out, uint16_t& dmin_out, int* q) {
  float scale[16], min[16];
  float max_scale = 0.0f, max_min = 0.0f;
  for (int s = 0; s < sub_blocks; ++s) {
    const float* xs = x + s * sub_size;
    const float lo = std::min(0.0f, *std::min_element(xs, xs + sub_size));
    const float hi = *std::max_element(xs, xs + sub_size);
    scale[s] = std::max(0.0f, hi - lo) / top;
    min[s] = -lo;
    max_scale = std::max(max_scale, scale[s]);
    max_min = std::max(max_min, min[s]);
  }
  AffineSuperBlock r;
  r.d = stored_f16(max_scale / max_code, d_out);
  r.dmin = stored_f16(max_min / max_code, dmin_out);
  for (int s = 0; s < sub_blocks; ++s) {
    r.sc[s] = r.d == 0.0f ? 0 : clamp_nearest(scale[s] / r.d, 0, max_code);
    r.m[s] = r.dmin == 0.0f ? 0 : clamp_nearest(min[s] / r.dmin, 0, max_code);
    const float dl = r.d * r.sc[s];
    const float ml = r.dmin * r.m[s];
    for (int i = 0; i < sub_size; ++i) {
      const int e = s * sub_size + i;
      q[e] = dl == 0.0f ? 0 : clamp_nearest((x[e] + ml) / dl, 0, top);
    }
  }
  return r;
}

// Symmetric K-quant sub-blocks: x ≈ d·s·q with integer s ∈ [−code_half, code_half) and
// q ∈ [−q_half, q_half). Returns s per sub-block, q per weight.
float symmetric_super_block(const float* x, int sub_blocks, int sub_size, int q_half, int code_half,
                            uint16_t& d_out, int* s_out, int* q) {
  float scale[16];
  float reference = 0.0f;
  for (int s = 0; s < sub_blocks; ++s) {
    scale[s] = signed_absmax(x + s * sub_size, sub_size) / -q_half;
    if (std::fabs(scale[s]) > std::fabs(reference)) {
      reference = scale[s];
    }
  }
  const float d = stored_f16(reference / -code_half, d_out);
  for (int s = 0; s < sub_blocks; ++s) {
    s_out[s] = d == 0.0f ? 0 : clamp_nearest(scale[s] / d, -code_half, code_half - 1);
    const float dl = d * s_out[s];
    for (int i = 0; i < sub_size; ++i) {
      const int e = s * sub_size + i;
      q[e] = dl == 0.0f ? 0 : clamp_nearest(x[e] / dl, -q_half, q_half - 1);
    }
  }
  return d;
}

void encode(const float* x, BlockQ2_K& b) {
  int q[256];
  const AffineSuperBlock r = affine_super_block(x, 16, 16, 3, 15, b.d, b.dmin, q);
  for (int s = 0; s < 16; ++s) {
    b.scales[s] = static_cast<uint8_t>(r.sc[s] | (r.m[s] << 4));
  }
  std::memset(b.qs, 0, sizeof b.qs);
  for (int e = 0; e < 256; ++e) {
    const int n = e / 128, j = (e % 128) / 32, l = e % 32;
    b.qs[32 * n + l] |= static_cast<uint8_t>(q[e] << (2 * j));
  }
}

void encode(const float* x, BlockQ3_K& b) {
  int q[256], s[16];
  symmetric_super_block(x, 16, 16, 4, 32, b.d, s, q);
  std::memset(b.scales, 0, sizeof b.scales);
  for (int i = 0; i < 16; ++i) {
    const int u = s[i] + 32;
    b.scales[i % 8] |= static_cast<uint8_t>((u & 15) << (4 * (i / 8)));
    b.scales[8 + i % 4] |= static_cast<uint8_t>((u >> 4) << (2 * (i / 4)));
  }
  std::memset(b.qs, 0, sizeof b.qs);
  std::memset(b.hmask, 0, sizeof b.hmask);
  for (int e = 0; e < 256; ++e) {
    const int n = e / 128, j = (e % 128) / 32, l = e % 32;
    const int u = q[e] + 4;
    b.qs[32 * n + l] |= static_cast<uint8_t>((u & 3) << (2 * j));
    b.hmask[l] |= static_cast<uint8_t>((u >> 2) << (4 * n + j));
  }
}

// Inverse of k_scale_min.
void pack_k_scales(const int* sc, const int* m, uint8_t* s) {
  for (int i = 0; i < 4; ++i) {
    s[i] = static_cast<uint8_t>(sc[i] | ((sc[i + 4] >> 4) << 6));
    s[i + 4] = static_cast<uint8_t>(m[i] | ((m[i + 4] >> 4) << 6));
    s[i + 8] = static_cast<uint8_t>((sc[i + 4] & 15) | ((m[i + 4] & 15) << 4));
  }
}

void encode(const float* x, BlockQ4_K& b) {
  int q[256];
  const AffineSuperBlock r = affine_super_block(x, 8, 32, 15, 63, b.d, b.dmin, q);
  pack_k_scales(r.sc, r.m, b.scales);
  for (int c = 0; c < 4; ++c) {
    for (int l = 0; l < 32; ++l) {
      b.qs[32 * c + l] = static_cast<uint8_t>(q[64 * c + l] | (q[64 * c + 32 + l] << 4));
    }
  }
}

void encode(const float* x, BlockQ5_K& b) {
  int q[256];
  const AffineSuperBlock r = affine_super_block(x, 8, 32, 31, 63, b.d, b.dmin, q);
  pack_k_scales(r.sc, r.m, b.scales);
  std::memset(b.qh, 0, sizeof b.qh);
  for (int c = 0; c < 4; ++c) {
    for (int l = 0; l < 32; ++l) {
      const int lo = q[64 * c + l], hi = q[64 * c + 32 + l];
      b.qs[32 * c + l] = static_cast<uint8_t>((lo & 15) | ((hi & 15) << 4));
      b.qh[l] |= static_cast<uint8_t>(((lo >> 4) << (2 * c)) | ((hi >> 4) << (2 * c + 1)));
    }
  }
}

void encode(const float* x, BlockQ6_K& b) {
  int q[256], s[16];
  symmetric_super_block(x, 16, 16, 32, 128, b.d, s, q);
  for (int i = 0; i < 16; ++i) {
    b.scales[i] = static_cast<int8_t>(s[i]);
  }
  std::memset(b.ql, 0, sizeof b.ql);
  std::memset(b.qh, 0, sizeof b.qh);
  for (int e = 0; e < 256; ++e) {
    const int n = e / 128, k = (e % 128) / 32, l = e % 32;
    const int u = q[e] + 32;
    b.ql[64 * n + 32 * (k % 2) + l] |= static_cast<uint8_t>((u & 15) << (k >= 2 ? 4 : 0));
    b.qh[32 * n + l] |= static_cast<uint8_t>((u >> 4) << (2 * k));
  }
}

// ---- the registry ------------------------------------------------------------------------------

// Block sizes come from the type registry (gguf/types.h); block_codec checks its struct against it.
struct Codec {
  TensorType type;
  void (*decode)(const std::byte* block, float* y);
  void (*encode)(const float* x, std::byte* block);
};

template <class Block>
Codec block_codec(TensorType type) {
  if (gguf::traits(type).block_bytes != sizeof(Block)) {
    throw Error(ErrorCode::Internal, fmt::format("block layout of {} disagrees with the type registry",
                                                 gguf::traits(type).name));
  }
  return Codec{
      type,
      [](const std::byte* src, float* y) {
        Block b;
        std::memcpy(&b, src, sizeof b);
        decode(b, y);
      },
      [](const float* x, std::byte* dst) {
        Block b;
        encode(x, b);
        std::memcpy(dst, &b, sizeof b);
      }};
}

const Codec* find_codec(TensorType type) {
  static const Codec codecs[] = {
      Codec{TensorType::F32, [](const std::byte* s, float* y) { std::memcpy(y, s, 4); },
            [](const float* x, std::byte* d) { std::memcpy(d, x, 4); }},
      Codec{TensorType::F16,
            [](const std::byte* s, float* y) {
              uint16_t h;
              std::memcpy(&h, s, 2);
              *y = half_to_float(h);
            },
            [](const float* x, std::byte* d) {
              const uint16_t h = float_to_half(*x);
              std::memcpy(d, &h, 2);
            }},
      Codec{TensorType::BF16,
            [](const std::byte* s, float* y) {
              uint16_t h;
              std::memcpy(&h, s, 2);
              *y = bf16_to_float(h);
            },
            [](const float* x, std::byte* d) {
              const uint16_t h = float_to_bf16(*x);
              std::memcpy(d, &h, 2);
            }},
      block_codec<BlockQ8_0>(TensorType::Q8_0),
      block_codec<BlockQ4_0>(TensorType::Q4_0),
      block_codec<BlockQ4_1>(TensorType::Q4_1),
      block_codec<BlockQ5_0>(TensorType::Q5_0),
      block_codec<BlockQ5_1>(TensorType::Q5_1),
      block_codec<BlockMXFP4>(TensorType::MXFP4),
      block_codec<BlockQ2_K>(TensorType::Q2_K),
      block_codec<BlockQ3_K>(TensorType::Q3_K),
      block_codec<BlockQ4_K>(TensorType::Q4_K),
      block_codec<BlockQ5_K>(TensorType::Q5_K),
      block_codec<BlockQ6_K>(TensorType::Q6_K),
  };
  for (const Codec& c : codecs) {
    if (c.type == type) {
      return &c;
    }
  }
  return nullptr;
}

const Codec& codec(TensorType type) {
  const Codec* c = find_codec(type);
  if (!c) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("weight type {} has no decoder", gguf::traits(type).name));
  }
  return *c;
}

} // namespace

bool is_supported(TensorType type) { return find_codec(type) != nullptr; }

void dequantize_row(TensorType type, std::span<const std::byte> src, std::span<float> dst) {
  const Codec& c = codec(type);
  const size_t expected = gguf::row_bytes(type, dst.size());
  if (src.size() != expected) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("dequantize_row: {} weights of type {} need {} bytes, got {}", dst.size(),
                            gguf::traits(type).name, expected, src.size()));
  }
  const auto& t = gguf::traits(type);
  for (size_t b = 0; b < dst.size() / t.block_size; ++b) {
    c.decode(src.data() + b * t.block_bytes, dst.data() + b * t.block_size);
  }
}

void quantize_row(TensorType type, std::span<const float> src, std::span<std::byte> dst) {
  const Codec& c = codec(type);
  const size_t expected = gguf::row_bytes(type, src.size());
  if (dst.size() != expected) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("quantize_row: {} weights of type {} need {} bytes, got {}", src.size(),
                            gguf::traits(type).name, expected, dst.size()));
  }
  const auto& t = gguf::traits(type);
  for (size_t b = 0; b < src.size() / t.block_size; ++b) {
    c.encode(src.data() + b * t.block_size, dst.data() + b * t.block_bytes);
  }
}

} // namespace sikao::quant
