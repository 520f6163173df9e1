// Weight formats on the GPU: one small dequantise function per GGUF tensor type, chosen by a
// TYPE_* define. The block layouts are described once, in inference/quant/blocks.h, next to
// the C++ reference decoder these functions must agree with; here each function only names
// the byte offsets it reads.
//
// The weights are raw GGUF bytes bound at binding 0, read through two aliases: 16-bit words
// (every block size but MXFP4's is even, so their f16 fields and block starts are 2-byte
// aligned) and 32-bit words (F32 rows). Offsets below are in bytes. MXFP4's 17-byte blocks start
// on odd bytes as often as on even ones; it reads bytes only (load_u8, load_u32_unaligned), and
// the host pads its bindings to whole words (kernels/weights.cpp).
//
//   vec4 dequant4(uint row_offset, uint col)
//     the four weights at columns col..col+3 (col % 4 == 0) of the row starting at byte
//     row_offset. Every format keeps four such neighbours under one scale.
//   QK, BLOCK_BYTES: weights per block and bytes per block.
//
//   void dequant16(uint row_offset, uint col, out vec4 w[4])
//     the sixteen weights at columns col..col+15 (col % 16 == 0, QK ≥ 16). Sixteen such
//     neighbours share one scale (and min) in every block format; Q8_0, Q4_K and Q5_K read it
//     once here instead of four times (DEQUANT16_SHARES_SCALE), which is where their
//     matrix-vector products spent their time on CPU-class devices (lavapipe: Q4_K 1.7×, Q5_K
//     1.6×, Q8_0 1.2× faster; the other formats measured no gain (MXFP4 a loss) and keep
//     four-wide steps).

#extension GL_EXT_shader_16bit_storage : require
#extension GL_EXT_control_flow_attributes : enable

layout(std430, binding = 0) readonly buffer Weights16 { uint16_t w16[]; };
layout(std430, binding = 0) readonly buffer Weights32 { uint w32[]; };

uint load_u16(uint offset) { return uint(w16[offset >> 1]); }

// Four bytes starting at a 2-byte aligned offset, little-endian.
uint load_u32(uint offset) { return load_u16(offset) | (load_u16(offset + 2u) << 16); }

uint load_u8(uint offset) { return (load_u16(offset & ~1u) >> ((offset & 1u) * 8u)) & 0xFFu; }

// Four bytes starting at any offset, little-endian: the words holding bytes offset..offset + 3,
// shifted down a byte when offset is odd. Reads no word past the one holding byte offset + 3.
uint load_u32_unaligned(uint offset) {
  const uint w = offset >> 1;
  const uint odd = offset & 1u;
  const uint low = load_u16(2u * w) | (load_u16(2u * w + 2u) << 16);
  const uint high = load_u16(2u * (w + 1u + odd));  // byte offset + 3 when odd; unused when even
  return (low >> (8u * odd)) | ((high << 16) << (16u - 8u * odd));
}

float load_f16(uint offset) { return unpackHalf2x16(load_u16(offset)).x; }

vec4 bytes_to_vec4(uint q) {
  return vec4(float(q & 0xFFu), float((q >> 8) & 0xFFu), float((q >> 16) & 0xFFu), float(q >> 24));
}

vec4 signed_bytes_to_vec4(uint q) {
  const int s = int(q);
  return vec4(float(bitfieldExtract(s, 0, 8)), float(bitfieldExtract(s, 8, 8)),
              float(bitfieldExtract(s, 16, 8)), float(bitfieldExtract(s, 24, 8)));
}

// The 4 nibbles of the 4 bytes at offset: low nibbles, or high nibbles when high is true.
uint load_nibbles(uint offset, bool high) { return (load_u32(offset) >> (high ? 4u : 0u)) & 0x0F0F0F0Fu; }

// Bits k..k+3 of the 32-bit mask, spread to bit 4 of byte 0..3 (the fifth bit of Q5_0/Q5_1).
uint high_bits_to_bytes(uint mask, uint k) {
  const uint b = mask >> k;
  return ((b & 1u) << 4) | ((b & 2u) << 11) | ((b & 4u) << 18) | ((b & 8u) << 25);
}

#if defined(TYPE_F32)
// Rows of a tensor start 4-byte aligned in GGUF files; a window that does not is read in halves.
const uint QK = 1u;
const uint BLOCK_BYTES = 4u;
vec4 dequant4(uint row_offset, uint col) {
  const uint o = row_offset + 4u * col;
  if ((o & 3u) != 0u) {
    return uintBitsToFloat(uvec4(load_u32(o), load_u32(o + 4u), load_u32(o + 8u), load_u32(o + 12u)));
  }
  const uint w = o >> 2;
  return uintBitsToFloat(uvec4(w32[w], w32[w + 1u], w32[w + 2u], w32[w + 3u]));
}

#elif defined(TYPE_F16)
const uint QK = 1u;
const uint BLOCK_BYTES = 2u;
vec4 dequant4(uint row_offset, uint col) {
  const uint o = row_offset + 2u * col;
  return vec4(unpackHalf2x16(load_u32(o)), unpackHalf2x16(load_u32(o + 4u)));
}

#elif defined(TYPE_BF16)
// bf16 is the upper half of an f32.
const uint QK = 1u;
const uint BLOCK_BYTES = 2u;
vec4 dequant4(uint row_offset, uint col) {
  const uint o = row_offset + 2u * col;
  const uint a = load_u32(o);
  const uint b = load_u32(o + 4u);
  return vec4(uintBitsToFloat(a << 16), uintBitsToFloat(a & 0xFFFF0000u), uintBitsToFloat(b << 16),
              uintBitsToFloat(b & 0xFFFF0000u));
}

#elif defined(TYPE_Q8_0)
// Q8_0: f16 d @0, int8 qs[32] @2.  x = d·q
const uint QK = 32u;
const uint BLOCK_BYTES = 34u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  return load_f16(b) * signed_bytes_to_vec4(load_u32(b + 2u + e));
}
#define HAS_DEQUANT16
void dequant16(uint row_offset, uint col, out vec4 w[4]) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint q = b + 2u + col % QK;
  const float d = load_f16(b);
  [[unroll]] for (uint i = 0u; i < 4u; ++i) {
    w[i] = d * signed_bytes_to_vec4(load_u32(q + 4u * i));
  }
}

#elif defined(TYPE_Q4_0)
// Q4_0: f16 d @0, qs[16] @2; weight j < 16 = low nibble of qs[j], j ≥ 16 = high nibble of
// qs[j − 16].  x = d·(q − 8)
const uint QK = 32u;
const uint BLOCK_BYTES = 18u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint q = load_nibbles(b + 2u + (e & 15u), e >= 16u);
  return load_f16(b) * (bytes_to_vec4(q) - 8.0);
}

#elif defined(TYPE_Q4_1)
// Q4_1: f16 d @0, f16 m @2, qs[16] @4 (nibbles as Q4_0).  x = d·q + m
const uint QK = 32u;
const uint BLOCK_BYTES = 20u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint q = load_nibbles(b + 4u + (e & 15u), e >= 16u);
  return load_f16(b) * bytes_to_vec4(q) + load_f16(b + 2u);
}

#elif defined(TYPE_Q5_0)
// Q5_0: f16 d @0, u32 qh @2 (bit j = fifth bit of weight j), qs[16] @6 (nibbles as Q4_0).
// x = d·(q − 16)
const uint QK = 32u;
const uint BLOCK_BYTES = 22u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint q = load_nibbles(b + 6u + (e & 15u), e >= 16u) | high_bits_to_bytes(load_u32(b + 2u), e);
  return load_f16(b) * (bytes_to_vec4(q) - 16.0);
}

#elif defined(TYPE_Q5_1)
// Q5_1: f16 d @0, f16 m @2, u32 qh @4, qs[16] @8.  x = d·q + m
const uint QK = 32u;
const uint BLOCK_BYTES = 24u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint q = load_nibbles(b + 8u + (e & 15u), e >= 16u) | high_bits_to_bytes(load_u32(b + 4u), e);
  return load_f16(b) * bytes_to_vec4(q) + load_f16(b + 2u);
}

#elif defined(TYPE_MXFP4)
// MXFP4: E8M0 e @0, qs[16] @1 (nibbles as Q4_0). A code c is E2M1: sign bit 3, then a 3-bit
// magnitude m = 2-bit exponent, 1-bit mantissa. x = (±2·E2M1(m))·2^(e − 128), the doubled
// magnitude 0, 1, 2, 3, 4, 6, 8, 12 built as float bits: m ≥ 2 is 2^(m/2)·(1 + (m%2)/2), i.e.
// (m << 22) + (127 << 23); m < 2 is m itself. Arithmetic, not a table: on lavapipe a table in
// the shader made matvec 1.8× slower, a dequant16 with the scale read once 1.3× slower.
// 2^(e − 128) is subnormal for e < 2, which only blocks with all weights below 2^−123 get; a
// device that flushes subnormals reads those as zero.
const uint QK = 32u;
const uint BLOCK_BYTES = 17u;
float e8m0_half(uint e) { return uintBitsToFloat(e < 2u ? 0x00200000u << e : (e - 1u) << 23); }
vec4 mxfp4_doubled(uint q) {
  const uvec4 c = uvec4(q, q >> 8, q >> 16, q >> 24) & 15u;
  const uvec4 m = c & 7u;
  const uvec4 normal = (m << 22) + (127u << 23);
  const uvec4 small = floatBitsToUint(vec4(m));
  return uintBitsToFloat(mix(small, normal, greaterThanEqual(m, uvec4(2u))) | ((c & 8u) << 28));
}
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint q = load_u32_unaligned(b + 1u + (e & 15u)) >> (e >= 16u ? 4u : 0u);
  return e8m0_half(load_u8(b)) * mxfp4_doubled(q);
}

#elif defined(TYPE_Q2_K)
// Q2_K: scales[16] @0 (low nibble scale, high nibble min, per 16 weights), qs[64] @16,
// f16 d @80, f16 dmin @82. Weight e: half n = e/128, r = e%128, shift 2·(r/32), l = r%32;
// q = (qs[32n + l] >> shift) & 3; sub-block 8n + 2(r/32) + l/16.  x = d·sc·q − dmin·m
const uint QK = 256u;
const uint BLOCK_BYTES = 84u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint n = e / 128u, r = e % 128u, j = r / 32u, l = r % 32u;
  const uint sc = load_u8(b + 8u * n + 2u * j + l / 16u);
  const uint q = (load_u32(b + 16u + 32u * n + l) >> (2u * j)) & 0x03030303u;
  return load_f16(b + 80u) * float(sc & 15u) * bytes_to_vec4(q) - load_f16(b + 82u) * float(sc >> 4);
}

#elif defined(TYPE_Q3_K)
// Q3_K: hmask[32] @0, qs[64] @32, scales[12] @96 (16 6-bit scales, offset by 32), f16 d @108.
// Weight e: n = e/128, r = e%128, j = r/32, l = r%32; low 2 bits (qs[32n + l] >> 2j) & 3,
// high bit (hmask[l] >> (4n + j)) & 1; q = low + 4·high − 4. Scale i: low nibble in
// scales[i % 8] (>> 4 when i ≥ 8), high 2 bits in scales[8 + i % 4] >> 2(i/4).
// x = d·(scale − 32)·q
const uint QK = 256u;
const uint BLOCK_BYTES = 110u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint n = e / 128u, r = e % 128u, j = r / 32u, l = r % 32u;
  const uint i = 8u * n + 2u * j + l / 16u;
  const uint lo = (load_u8(b + 96u + (i % 8u)) >> (4u * (i / 8u))) & 15u;
  const uint hi = (load_u8(b + 96u + 8u + (i % 4u)) >> (2u * (i / 4u))) & 3u;
  const float scale = load_f16(b + 108u) * (float(lo | (hi << 4)) - 32.0);
  const uint low = (load_u32(b + 32u + 32u * n + l) >> (2u * j)) & 0x03030303u;
  const uint high = (load_u32(b + l) >> (4u * n + j)) & 0x01010101u;
  return scale * (bytes_to_vec4(low | (high << 2)) - 4.0);
}

#elif defined(TYPE_Q4_K) || defined(TYPE_Q5_K)
// Q4_K / Q5_K scales: 8 sub-blocks of 32 weights, 6-bit scale and min each, packed in 12 bytes:
// i < 4: scale = s[i] & 63, min = s[i+4] & 63;
// i ≥ 4: scale = (s[i+4] & 15) | (s[i−4] >> 6) << 4, min = (s[i+4] >> 4) | (s[i] >> 6) << 4.
vec2 k_scale_min(uint s, uint i) {
  if (i < 4u) {
    return vec2(float(load_u8(s + i) & 63u), float(load_u8(s + i + 4u) & 63u));
  }
  const uint packed = load_u8(s + i + 4u);
  return vec2(float((packed & 15u) | ((load_u8(s + i - 4u) >> 6) << 4)),
              float((packed >> 4) | ((load_u8(s + i) >> 6) << 4)));
}
const uint QK = 256u;
#if defined(TYPE_Q4_K)
// Q4_K: f16 d @0, f16 dmin @2, scales[12] @4, qs[128] @16. Weight e: chunk c = e/64, l = e%64;
// q = nibble (low for l < 32) of qs[32c + l%32]; sub-block 2c + l/32.  x = d·sc·q − dmin·m
const uint BLOCK_BYTES = 144u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint c = e / 64u, l = e % 64u;
  const vec2 sm = k_scale_min(b + 4u, 2u * c + l / 32u);
  const uint q = load_nibbles(b + 16u + 32u * c + l % 32u, l >= 32u);
  return load_f16(b) * sm.x * bytes_to_vec4(q) - load_f16(b + 2u) * sm.y;
}
#define HAS_DEQUANT16
void dequant16(uint row_offset, uint col, out vec4 w[4]) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint c = e / 64u, l = e % 64u;
  const vec2 sm = k_scale_min(b + 4u, 2u * c + l / 32u);
  const float scale = load_f16(b) * sm.x;
  const float offset = load_f16(b + 2u) * sm.y;
  const uint q = b + 16u + 32u * c + l % 32u;
  [[unroll]] for (uint i = 0u; i < 4u; ++i) {
    w[i] = scale * bytes_to_vec4(load_nibbles(q + 4u * i, l >= 32u)) - offset;
  }
}
#else
// Q5_K: f16 d @0, f16 dmin @2, scales[12] @4, qh[32] @16, qs[128] @48. As Q4_K, plus a fifth
// bit (qh[l%32] >> sub-block) & 1 worth 16.
const uint BLOCK_BYTES = 176u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint c = e / 64u, l = e % 64u;
  const uint sub = 2u * c + l / 32u;
  const vec2 sm = k_scale_min(b + 4u, sub);
  const uint high = (load_u32(b + 16u + l % 32u) >> sub) & 0x01010101u;
  const uint q = load_nibbles(b + 48u + 32u * c + l % 32u, l >= 32u) | (high << 4);
  return load_f16(b) * sm.x * bytes_to_vec4(q) - load_f16(b + 2u) * sm.y;
}
#define HAS_DEQUANT16
void dequant16(uint row_offset, uint col, out vec4 w[4]) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint c = e / 64u, l = e % 64u;
  const uint sub = 2u * c + l / 32u;
  const vec2 sm = k_scale_min(b + 4u, sub);
  const float scale = load_f16(b) * sm.x;
  const float offset = load_f16(b + 2u) * sm.y;
  [[unroll]] for (uint i = 0u; i < 4u; ++i) {
    const uint j = l % 32u + 4u * i;
    const uint high = (load_u32(b + 16u + j) >> sub) & 0x01010101u;
    w[i] = scale * bytes_to_vec4(load_nibbles(b + 48u + 32u * c + j, l >= 32u) | (high << 4)) - offset;
  }
}
#endif

#elif defined(TYPE_Q6_K)
// Q6_K: ql[128] @0, qh[64] @128, int8 scales[16] @192, f16 d @208. Weight e: n = e/128,
// r = e%128, k = r/32, l = r%32; low 4 bits = nibble (high for k ≥ 2) of ql[64n + 32(k%2) + l],
// high 2 bits = (qh[32n + l] >> 2k) & 3; q = 6-bit value − 32; sub-block 8n + 2k + l/16.
// x = d·sc·q
const uint QK = 256u;
const uint BLOCK_BYTES = 210u;
vec4 dequant4(uint row_offset, uint col) {
  const uint b = row_offset + (col / QK) * BLOCK_BYTES;
  const uint e = col % QK;
  const uint n = e / 128u, r = e % 128u, k = r / 32u, l = r % 32u;
  const uint low = load_nibbles(b + 64u * n + 32u * (k % 2u) + l, k >= 2u);
  const uint high = (load_u32(b + 128u + 32u * n + l) >> (2u * k)) & 0x03030303u;
  const float sc = float(bitfieldExtract(int(load_u8(b + 192u + 8u * n + 2u * k + l / 16u)), 0, 8));
  return load_f16(b + 208u) * sc * (bytes_to_vec4(low | (high << 4)) - 32.0);
}
#else
#error "dequant.glsl needs one TYPE_* define (TYPE_F32, TYPE_Q4_K, ...)"
#endif

// Whether dequant16 reads a shared scale once (worth grouping sixteen weights per thread).
#if defined(HAS_DEQUANT16)
const bool DEQUANT16_SHARES_SCALE = true;
#else
const bool DEQUANT16_SHARES_SCALE = false;
void dequant16(uint row_offset, uint col, out vec4 w[4]) {
  [[unroll]] for (uint i = 0u; i < 4u; ++i) {
    w[i] = dequant4(row_offset, col + 4u * i);
  }
}
#endif
