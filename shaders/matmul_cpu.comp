#version 450
#extension GL_GOOGLE_include_directive : require
// Y[t, row] = Σ_col W[row, col] · X[t, col] for up to TOKENS tokens on CPU devices (lavapipe):
// the prefill matmul built like matvec_cpu.comp. Each invocation computes ROWS whole rows for
// every token, reading each row front to back in uvec4s (row_chunk.glsl) once for all the
// tokens; each token's x is its own uniform buffer (binding 1 + t), read with vector gathers
// (storage-buffer and shared-memory loads are a loop over the lanes in lavapipe: matmul.comp's
// shared tiles ran at 2-7 GFLOP/s). Nothing branches on data, nothing needs a reduction.
//
// A weight row is decoded in groups of GROUP_COLS columns that share one scale (and min):
// value = s · q − m. For each group, each lane turns four weights of each of its rows into a
// vec4 of q once and multiplies it with every token's four x values; each x vec4 gathered
// serves ROWS rows, each decoded weight TOKENS tokens.
//
// X rows past n_tokens are bound to a valid token by the host and their results not stored.
// Y is [n_tokens][out_stride] floats; this dispatch's first token is Y's row first_token, its
// row 0 Y's column row_begin. accumulate (a push constant: a pipeline compiles in seconds on
// lavapipe, and the choice costs one uniform select per store) adds to Y instead of
// overwriting it.

#extension GL_EXT_control_flow_attributes : enable

layout(constant_id = 0) const uint WORKGROUP_SIZE = 8;
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 32;  // a multiple of WORKGROUP_SIZE
// The largest of 16, 8, 4, 2 that divides row_bytes and weight_offset (row_chunk.glsl).
layout(constant_id = 2) const uint ROW_ALIGNMENT = 2;
// n_cols is a multiple of row_chunk.glsl's CHUNK_COLS (128 for Q8_0 / Q5_0 / Q4_0): the last
// chunk is whole, and no block is skipped under a mask (every accumulator's update would
// become a select).
layout(constant_id = 3) const bool WHOLE_CHUNKS = false;
layout(local_size_x_id = 0) in;

#include "dequant.glsl"

const uint TOKENS = 8u;  // kernels/matmul.cpp's k_cpu_tokens: one uniform binding each

// Uniform buffers of at most 64 KiB (the host binds n_cols floats: n_cols ≤ 16384).
layout(std140, binding = 1) uniform X0 { vec4 x0[4096]; };
layout(std140, binding = 2) uniform X1 { vec4 x1[4096]; };
layout(std140, binding = 3) uniform X2 { vec4 x2[4096]; };
layout(std140, binding = 4) uniform X3 { vec4 x3[4096]; };
layout(std140, binding = 5) uniform X4 { vec4 x4[4096]; };
layout(std140, binding = 6) uniform X5 { vec4 x5[4096]; };
layout(std140, binding = 7) uniform X6 { vec4 x6[4096]; };
layout(std140, binding = 8) uniform X7 { vec4 x7[4096]; };
layout(std430, binding = 9) buffer Y { float y[]; };

layout(push_constant) uniform PushConstants {
  uint n_cols;
  uint n_rows;      // weight rows in this dispatch
  uint n_tokens;    // ≤ TOKENS
  uint row_bytes;
  uint weight_offset;
  uint row_begin;
  uint out_stride;  // floats per token in Y
  uint first_token;
  float output_scale;
  uint accumulate;  // 1: Y += the product
} pc;

// x[t][i]: vec4 i of token t's row (t is a constant after unrolling).
vec4 x_at(uint t, uint i) {
  switch (t) {
    case 0u: return x0[i];
    case 1u: return x1[i];
    case 2u: return x2[i];
    case 3u: return x3[i];
    case 4u: return x4[i];
    case 5u: return x5[i];
    case 6u: return x6[i];
    default: return x7[i];
  }
}

const uint ROWS = ROWS_PER_WORKGROUP / WORKGROUP_SIZE;

#include "row_chunk.glsl"

// Per type: GROUPS groups of GROUP_COLS columns per unit (row_chunk.glsl's UNIT_COLS),
// quad(r, b, g, i) = the q of weights 4i .. 4i + 3 of group g of unit b of row r's chunk, and
// group_scale(r, b, g) = (s, m). HAS_MIN: m is not always 0.
#if defined(TYPE_Q8_0) || defined(TYPE_Q4_0) || defined(TYPE_Q5_0)
const uint GROUPS = 1u;
#define GROUPS_UNROLLED 1
const uint GROUP_COLS = 32u;
const bool HAS_MIN = false;
vec2 group_scale(uint r, uint b, uint g) { return vec2(f16_at(r, b * BLOCK_BYTES), 0.0); }
#endif

#if defined(TYPE_Q8_0)
// Q8_0: f16 d @0, int8 qs[32] @2.  x = d·q
vec4 quad(uint r, uint b, uint g, uint i) {
  return signed_bytes_to_vec4(u32_at(r, b * BLOCK_BYTES + 2u + 4u * i));
}
#elif defined(TYPE_Q4_0)
// Q4_0: f16 d @0, qs[16] @2; weight j < 16 = low nibble of qs[j], j ≥ 16 = high nibble of
// qs[j − 16].  x = d·(q − 8)
vec4 quad(uint r, uint b, uint g, uint i) {
  const uint q = u32_at(r, b * BLOCK_BYTES + 2u + 4u * (i % 4u)) >> (i >= 4u ? 4u : 0u);
  return bytes_to_vec4(q & 0x0F0F0F0Fu) - 8.0;
}
#elif defined(TYPE_Q5_0)
// Q5_0: f16 d @0, u32 qh @2 (bit j = fifth bit of weight j), qs[16] @6; weight j < 16 = low
// nibble of qs[j], j ≥ 16 = high nibble of qs[j − 16].  x = d·(q − 16)
vec4 quad(uint r, uint b, uint g, uint i) {
  const uint o = b * BLOCK_BYTES;
  const uint q = (u32_at(r, o + 6u + 4u * (i % 4u)) >> (i >= 4u ? 4u : 0u)) & 0x0F0F0F0Fu;
  return bytes_to_vec4(q | high_bits_to_bytes(u32_at(r, o + 2u), 4u * i)) - 16.0;
}
#elif defined(TYPE_Q4_K) || defined(TYPE_Q5_K)
// Q4_K: f16 d @0, f16 dmin @2, scales[12] @4, qs[128] @16. Sub-block j (32 weights): nibbles
// (low for even j) of qs[32(j/2) ..]; its 6-bit scale and min as k_scale_min in dequant.glsl.
// x = d·sc·q − dmin·m
// Q5_K: the same with qh[32] @16 and qs[128] @48; weight l of sub-block j has the fifth bit
// (qh[l] >> j) & 1, worth 16.
const uint GROUPS = 8u;
#define GROUPS_UNROLLED 0
const uint GROUP_COLS = 32u;
const bool HAS_MIN = true;
#if defined(TYPE_Q4_K)
const uint QS = 16u;
#else
const uint QS = 48u;
#endif
vec2 group_scale(uint r, uint b, uint j) {
  vec2 sm;
  if (j < 4u) {
    sm = vec2(float(u8_at(r, 4u + j) & 63u), float(u8_at(r, 8u + j) & 63u));
  } else {
    const uint packed = u8_at(r, 8u + j);
    sm = vec2(float((packed & 15u) | ((u8_at(r, j) >> 6) << 4)),
              float((packed >> 4) | ((u8_at(r, 4u + j) >> 6) << 4)));
  }
  return vec2(f16_at(r, 0u), f16_at(r, 2u)) * sm;
}
vec4 quad(uint r, uint b, uint j, uint i) {
  uint q = (u32_at(r, QS + 32u * (j / 2u) + 4u * i) >> (4u * (j % 2u))) & 0x0F0F0F0Fu;
#if defined(TYPE_Q5_K)
  q |= ((u32_at(r, 16u + 4u * i) >> j) & 0x01010101u) << 4;
#endif
  return bytes_to_vec4(q);
}
#elif defined(TYPE_Q6_K)
// Q6_K: ql[128] @0, qh[64] @128, int8 scales[16] @192, f16 d @208. Weight e: n = e/128,
// r = e%128, k = r/32, l = r%32; low 4 bits = nibble (high for k ≥ 2) of ql[64n + 32(k%2) + l],
// high 2 bits = (qh[32n + l] >> 2k) & 3; q = 6-bit value − 32; scale of weights 16g .. 16g + 15
// is scales[g].  x = d·sc·q
const uint GROUPS = 16u;
#define GROUPS_UNROLLED 0
const uint GROUP_COLS = 16u;
const bool HAS_MIN = false;
vec2 group_scale(uint r, uint b, uint g) {
  return vec2(f16_at(r, 208u) * float(bitfieldExtract(int(u8_at(r, 192u + g)), 0, 8)), 0.0);
}
vec4 quad(uint r, uint b, uint g, uint i) {
  const uint n = g / 8u;
  const uint k = (g / 2u) % 4u;
  const uint l = 16u * (g % 2u) + 4u * i;
  const uint low = (u32_at(r, 64u * n + 32u * (k % 2u) + l) >> (k >= 2u ? 4u : 0u)) & 0x0F0F0F0Fu;
  const uint high = (u32_at(r, 128u + 32u * n + l) >> (2u * k)) & 0x03030303u;
  return bytes_to_vec4(low | (high << 4)) - 32.0;
}
#else
#error "matmul_cpu.comp: no group decoder for this type"
#endif

// The groups of a K-quant block are a loop: unrolled, a pipeline took 11-12 s to compile on
// lavapipe instead of 4-5.5 (Q4_K, Q6_K), for 15-40 % more speed.
#if GROUPS_UNROLLED
#define GROUP_LOOP [[unroll]]
#else
#define GROUP_LOOP [[dont_unroll]]
#endif

void main() {
  const uint group = gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
  const uint first_row = group * ROWS_PER_WORKGROUP;
  if (first_row >= pc.n_rows) {
    return;  // uniform across the workgroup
  }
  const uint tid = gl_LocalInvocationID.x;

  float acc[ROWS][TOKENS];
  uint row_offset[ROWS];
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    [[unroll]] for (uint t = 0u; t < TOKENS; ++t) {
      acc[r][t] = 0.0;
    }
    // Rows past the last repeat it (and store nothing).
    const uint row = min(first_row + r * WORKGROUP_SIZE + tid, pc.n_rows - 1u);
    row_offset[r] = pc.weight_offset + row * pc.row_bytes;
  }
  const uint n_cols = pc.n_cols;
  for (uint col = 0u; col < n_cols; col += CHUNK_COLS) {
    [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
      load_chunk(r, row_offset[r] + (col / UNIT_COLS) * UNIT_BYTES);
    }
    [[unroll]] for (uint b = 0u; b < CHUNK_BLOCKS; ++b) {
      if (CHUNK_BLOCKS == 1u || WHOLE_CHUNKS || col + b * UNIT_COLS < n_cols) {  // uniform
        GROUP_LOOP for (uint g = 0u; g < GROUPS; ++g) {
          const uint x_base = (col + b * UNIT_COLS + g * GROUP_COLS) / 4u;
          float dots[ROWS][TOKENS];
          vec4 x_sum[TOKENS];
          [[unroll]] for (uint t = 0u; t < TOKENS; ++t) {
            x_sum[t] = vec4(0.0);
            [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
              dots[r][t] = 0.0;
            }
          }
          [[unroll]] for (uint i = 0u; i < GROUP_COLS / 4u; ++i) {
            vec4 q[ROWS];
            [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
              q[r] = quad(r, b, g, i);
            }
            [[unroll]] for (uint t = 0u; t < TOKENS; ++t) {
              const vec4 xv = x_at(t, x_base + i);
              if (HAS_MIN) {
                x_sum[t] += xv;
              }
              [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
                dots[r][t] += dot(q[r], xv);
              }
            }
          }
          float x_total[TOKENS];
          [[unroll]] for (uint t = 0u; t < TOKENS; ++t) {
            x_total[t] = HAS_MIN ? dot(x_sum[t], vec4(1.0)) : 0.0;
          }
          [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
            const vec2 sm = group_scale(r, b, g);
            [[unroll]] for (uint t = 0u; t < TOKENS; ++t) {
              acc[r][t] += sm.x * dots[r][t];
              if (HAS_MIN) {
                acc[r][t] -= sm.y * x_total[t];
              }
            }
          }
        }
      }
    }
  }

  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    const uint local_row = first_row + r * WORKGROUP_SIZE + tid;
    if (local_row < pc.n_rows) {
      [[unroll]] for (uint t = 0u; t < TOKENS; ++t) {
        if (t < pc.n_tokens) {
          const uint at = (pc.first_token + t) * pc.out_stride + pc.row_begin + local_row;
          float value = pc.output_scale * acc[r][t];
          if (pc.accumulate != 0u) {
            value += y[at];
          }
          y[at] = value;
        }
      }
    }
  }
}
