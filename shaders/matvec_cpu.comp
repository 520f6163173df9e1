#version 450
#extension GL_GOOGLE_include_directive : require
// y[row] = Σ_col W[row, col] · x[col] on CPU devices (lavapipe): the decode matvec with each
// invocation computing whole rows, reading each front to back with 16-byte loads.
//
// Why a kernel of its own (lavapipe, Mesa 22.3): every storage-buffer load becomes a loop over
// the SIMD lanes, one scalar load per lane and component, and every `if` runs both of its sides
// under a mask. matvec.comp reads weights as 16-bit words, a loop over the lanes per two bytes.
// Here each lane walks its own rows in uvec4s (a loop over the lanes per 16 bytes), x is a
// uniform buffer (read with vector gathers, no loop) that every lane reads whole, once for all
// of its rows, nothing needs a reduction, and nothing branches: a block's byte positions in its
// row are the same in every lane, only the row's start differs.
//
// A workgroup owns ROWS_PER_WORKGROUP consecutive rows, ROWS per lane (below), each read in
// chunks of whole units by row_chunk.glsl.
//
// Fusions as in matvec.comp (same specialisation constants, push constants and bindings):
// NORM_INPUT, ADD_BIAS, output_scale, OUTPUT_STORE / ACCUMULATE / SWIGLU / GEGLU / SWIGLU_OAI.
// No experts (those use matvec.comp). f32 activations, f32 accumulation.

#extension GL_EXT_control_flow_attributes : enable

layout(constant_id = 0) const uint WORKGROUP_SIZE = 8;
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 16;  // an even multiple of WORKGROUP_SIZE
layout(constant_id = 2) const bool NORM_INPUT = false;
layout(constant_id = 3) const bool ADD_BIAS = false;
layout(constant_id = 4) const uint OUTPUT = 0;
// The largest of 16, 8, 4, 2 that divides row_bytes and weight_offset: every row (and chunk)
// starts on a multiple of it.
layout(constant_id = 5) const uint ROW_ALIGNMENT = 2;
// Bit r < ROWS: whether row r of every lane starts at an odd word, (weight_offset + r ·
// row_bytes) / 4 odd; bit 31: the bits are set (the host sets them where ROW_ALIGNMENT is 2 or
// 4). With the rows of a lane consecutive (below) and chunks a multiple of 8 bytes long, each of
// the lane's chunks has its row's word parity, so the word half of row_chunk.glsl's realignment
// is a constant: 576-column Q8_0 rows (612 bytes) then cost what 8-aligned ones do.
layout(constant_id = 6) const uint WORD_PHASES = 0;
layout(local_size_x_id = 0) in;

const uint OUTPUT_STORE = 0u;
const uint OUTPUT_ACCUMULATE = 1u;
const uint OUTPUT_SWIGLU = 2u;
const uint OUTPUT_GEGLU = 3u;
const uint OUTPUT_SWIGLU_OAI = 4u;

#include "dequant.glsl"
#include "activation.glsl"

// Uniform buffers of at most 64 KiB (the host binds n_cols floats: n_cols ≤ 16384).
layout(std140, binding = 1) uniform X { vec4 x[4096]; };
layout(std430, binding = 2) buffer Y { float y[]; };
layout(std140, binding = 3) uniform NormWeight { vec4 norm_weight[4096]; };
layout(std430, binding = 4) readonly buffer Bias { float bias[]; };

// Spelled as in matvec.comp (kernels/matvec.cpp's PushConstants); the expert fields are unused.
layout(push_constant) uniform PushConstants {
  uint n_cols;
  uint n_rows;
  uint row_bytes;
  uint weight_offset;
  uint row_begin;
  float eps;
  float output_scale;
  uint expert_bytes;
  uint n_slots;
  uint x_slot_stride;
  uint y_slot_stride;
  uint expert_begin;
  uint expert_end;
} pc;

// Rows per invocation: lane i computes rows first_row + i·ROWS + r, r < ROWS, so that each x
// value read serves ROWS rows (x's gathers were most of the time of the looped kernels). ROWS
// consecutive rows span ROWS · row_bytes bytes, a multiple of 8 (row_bytes is even, ROWS 4), so
// row r starts at the same offset modulo 8 in every lane and workgroup (WORD_PHASES).
const uint ROWS = ROWS_PER_WORKGROUP / WORKGROUP_SIZE;

#include "row_chunk.glsl"

// x[col .. col + 31] (as x ⊙ norm_weight with NORM_INPUT, the 1 / rms applied at the end),
// the same in every lane; x_squares sums the raw x².
void load_x32(uint col, out vec4 xs[8], inout float x_squares) {
  [[unroll]] for (uint i = 0u; i < 8u; ++i) {
    xs[i] = x[col / 4u + i];
    if (NORM_INPUT) {
      x_squares += dot(xs[i], xs[i]);
      xs[i] *= norm_weight[col / 4u + i];
    }
  }
}

// acc[r] += Σ over the UNIT_COLS weights of unit b of row r's chunk (columns col ..) of
// weight · x.
#if defined(TYPE_F32)
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  vec4 xs = x[col / 4u];
  if (NORM_INPUT) {
    x_squares += dot(xs, xs);
    xs *= norm_weight[col / 4u];
  }
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    const uint k = 4u * b;
    acc[r] += dot(uintBitsToFloat(uvec4(chunk[r][k], chunk[r][k + 1u], chunk[r][k + 2u], chunk[r][k + 3u])), xs);
  }
}
#elif defined(TYPE_F16)
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  vec4 xs = x[col / 4u];
  if (NORM_INPUT) {
    x_squares += dot(xs, xs);
    xs *= norm_weight[col / 4u];
  }
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    const uint k = 2u * b;
    acc[r] += dot(vec4(unpackHalf2x16(chunk[r][k]), unpackHalf2x16(chunk[r][k + 1u])), xs);
  }
}
#elif defined(TYPE_Q8_0)
// Q8_0: f16 d @0, int8 qs[32] @2.  x = d·q
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  const uint o = b * BLOCK_BYTES;
  vec4 xs[8];
  load_x32(col, xs, x_squares);
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    float s = 0.0;
    [[unroll]] for (uint i = 0u; i < 8u; ++i) {
      s += dot(signed_bytes_at(r, o + 2u + 4u * i), xs[i]);
    }
    acc[r] += f16_at(r, o) * s;
  }
}
#elif defined(TYPE_Q4_0)
// Q4_0: f16 d @0, qs[16] @2; weight j < 16 = low nibble of qs[j], j ≥ 16 = high nibble of
// qs[j − 16].  x = d·(q − 8)
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  const uint o = b * BLOCK_BYTES;
  vec4 xs[8];
  load_x32(col, xs, x_squares);
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    float s = 0.0;
    [[unroll]] for (uint i = 0u; i < 4u; ++i) {
      const uint q = u32_at(r, o + 2u + 4u * i);
      s += dot(bytes_to_vec4(q & 0x0F0F0F0Fu) - 8.0, xs[i]) +
           dot(bytes_to_vec4((q >> 4) & 0x0F0F0F0Fu) - 8.0, xs[4u + i]);
    }
    acc[r] += f16_at(r, o) * s;
  }
}
#elif defined(TYPE_Q5_0)
// Q5_0: f16 d @0, u32 qh @2 (bit j = fifth bit of weight j), qs[16] @6; weight j < 16 = low
// nibble of qs[j], j ≥ 16 = high nibble of qs[j − 16].  x = d·(q − 16)
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  const uint o = b * BLOCK_BYTES;
  vec4 xs[8];
  load_x32(col, xs, x_squares);
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    const uint qh = u32_at(r, o + 2u);
    float s = 0.0;
    [[unroll]] for (uint i = 0u; i < 4u; ++i) {
      const uint q = u32_at(r, o + 6u + 4u * i);
      const uint lo = (q & 0x0F0F0F0Fu) | high_bits_to_bytes(qh, 4u * i);
      const uint hi = ((q >> 4) & 0x0F0F0F0Fu) | high_bits_to_bytes(qh, 16u + 4u * i);
      s += dot(bytes_to_vec4(lo) - 16.0, xs[i]) + dot(bytes_to_vec4(hi) - 16.0, xs[4u + i]);
    }
    acc[r] += f16_at(r, o) * s;
  }
}
#elif defined(TYPE_Q4_K) || defined(TYPE_Q5_K)
// Q4_K: f16 d @0, f16 dmin @2, scales[12] @4, qs[128] @16. Sub-block j (32 weights): nibbles
// (low for even j) of qs[32(j/2) ..]; its 6-bit scale and min as k_scale_min in dequant.glsl.
// x = d·sc·q − dmin·m
// Q5_K: the same with qh[32] @16 and qs[128] @48; weight l of sub-block j has the fifth bit
// (qh[l] >> j) & 1, worth 16.
#if defined(TYPE_Q4_K)
const uint QS = 16u;
#else
const uint QS = 48u;
#endif
vec2 chunk_scale_min(uint r, uint s, uint j) {
  if (j < 4u) {
    return vec2(float(u8_at(r, s + j) & 63u), float(u8_at(r, s + j + 4u) & 63u));
  }
  const uint packed = u8_at(r, s + j + 4u);
  return vec2(float((packed & 15u) | ((u8_at(r, s + j - 4u) >> 6) << 4)),
              float((packed >> 4) | ((u8_at(r, s + j) >> 6) << 4)));
}
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  [[unroll]] for (uint j = 0u; j < 8u; ++j) {
    vec4 xs[8];
    load_x32(col + 32u * j, xs, x_squares);
    vec4 x_sum = vec4(0.0);
    [[unroll]] for (uint i = 0u; i < 8u; ++i) {
      x_sum += xs[i];
    }
    const float x_total = dot(x_sum, vec4(1.0));
    [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
      const vec2 sm = chunk_scale_min(r, 4u, j);
      float qx = 0.0;
      [[unroll]] for (uint i = 0u; i < 8u; ++i) {
        uint q = (u32_at(r, QS + 32u * (j / 2u) + 4u * i) >> (4u * (j % 2u))) & 0x0F0F0F0Fu;
#if defined(TYPE_Q5_K)
        q |= ((u32_at(r, 16u + 4u * i) >> j) & 0x01010101u) << 4;
#endif
        qx += dot(bytes_to_vec4(q), xs[i]);
      }
      acc[r] += f16_at(r, 0u) * sm.x * qx - f16_at(r, 2u) * sm.y * x_total;
    }
  }
}
#elif defined(TYPE_Q6_K)
// Q6_K: ql[128] @0, qh[64] @128, int8 scales[16] @192, f16 d @208. Weight e: n = e/128,
// r = e%128, k = r/32, l = r%32; low 4 bits = nibble (high for k ≥ 2) of ql[64n + 32(k%2) + l],
// high 2 bits = (qh[32n + l] >> 2k) & 3; q = 6-bit value − 32; sub-block 8n + 2k + l/16.
// x = d·sc·q
void block_dots(uint b, uint col, inout float x_squares, inout float acc[ROWS]) {
  [[unroll]] for (uint n = 0u; n < 2u; ++n) {
    [[unroll]] for (uint k = 0u; k < 4u; ++k) {
      vec4 xs[8];
      load_x32(col + 128u * n + 32u * k, xs, x_squares);
      [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
        float half_sums[2] = float[2](0.0, 0.0);
        [[unroll]] for (uint i = 0u; i < 8u; ++i) {
          const uint low = (u32_at(r, 64u * n + 32u * (k % 2u) + 4u * i) >> (k >= 2u ? 4u : 0u)) & 0x0F0F0F0Fu;
          const uint high = (u32_at(r, 128u + 32u * n + 4u * i) >> (2u * k)) & 0x03030303u;
          half_sums[i / 4u] += dot(bytes_to_vec4(low | (high << 4)) - 32.0, xs[i]);
        }
        const uint sc = 192u + 8u * n + 2u * k;
        acc[r] += f16_at(r, 208u) * (float(bitfieldExtract(int(u8_at(r, sc)), 0, 8)) * half_sums[0] +
                                     float(bitfieldExtract(int(u8_at(r, sc + 1u)), 0, 8)) * half_sums[1]);
      }
    }
  }
}
#endif

void main() {
  const uint group = gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
  const uint first_row = group * ROWS_PER_WORKGROUP;
  if (first_row >= pc.n_rows) {
    return;  // uniform across the workgroup
  }
  const uint tid = gl_LocalInvocationID.x;

  float acc[ROWS];
  uint row_offset[ROWS];
  [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
    acc[r] = 0.0;
    // Rows past the last read past the matrix (load_chunk clamps to the binding) and store
    // nothing.
    row_offset[r] = pc.weight_offset + (first_row + tid * ROWS + r) * pc.row_bytes;
  }
  const bool phases_known = (WORD_PHASES & 0x80000000u) != 0u && CHUNK_BYTES % 8u == 0u;
  float x_squares = 0.0;
  const uint n_cols = pc.n_cols;
  for (uint col = 0u; col < n_cols; col += CHUNK_COLS) {
    [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
      const uint offset = row_offset[r] + (col / UNIT_COLS) * UNIT_BYTES;
      if (phases_known) {
        load_chunk_at(r, offset, 0u - ((WORD_PHASES >> r) & 1u));
      } else {
        load_chunk(r, offset);
      }
    }
    [[unroll]] for (uint b = 0u; b < CHUNK_BLOCKS; ++b) {
      if (CHUNK_BLOCKS == 1u || col + b * UNIT_COLS < n_cols) {  // uniform: a row's last chunk
        block_dots(b, col + b * UNIT_COLS, x_squares, acc);
      }
    }
  }

  const float scale = NORM_INPUT ? inversesqrt(x_squares / float(pc.n_cols) + pc.eps) : 1.0;
  const bool gated = OUTPUT == OUTPUT_SWIGLU || OUTPUT == OUTPUT_GEGLU || OUTPUT == OUTPUT_SWIGLU_OAI;
  if (gated) {
    // ROWS is even and a lane's rows are consecutive: each (gate, up) pair is in one lane.
    [[unroll]] for (uint r = 0u; r < ROWS; r += 2u) {
      const uint row = first_row + tid * ROWS + r;  // even: the gate row of pair row / 2
      if (row + 1u < pc.n_rows) {
        float g = scale * acc[r];
        float u = scale * acc[r + 1u];
        if (ADD_BIAS) {
          g += bias[pc.row_begin + row];
          u += bias[pc.row_begin + row + 1u];
        }
        float value;
        if (OUTPUT == OUTPUT_SWIGLU_OAI) {
          value = swiglu_oai(g, u);
        } else {
          value = (OUTPUT == OUTPUT_GEGLU ? gelu(g) : silu(g)) * u;
        }
        y[(pc.row_begin + row) / 2u] = value;
      }
    }
  } else {
    [[unroll]] for (uint r = 0u; r < ROWS; ++r) {
      if (first_row + tid * ROWS + r < pc.n_rows) {
        const uint row = pc.row_begin + first_row + tid * ROWS + r;
        float value = pc.output_scale * scale * acc[r];
        if (ADD_BIAS) {
          value += bias[row];
        }
        if (OUTPUT == OUTPUT_ACCUMULATE) {
          value += y[row];
        }
        y[row] = value;
      }
    }
  }
}
