#version 450
#extension GL_GOOGLE_include_directive : require
// Y[t, row] = Σ_col W[row, col] · X[t, col] for a block of tokens (prefill). Tiled: each
// workgroup computes a TILE_M (weight rows) × TILE_N (tokens) tile of Y, stepping along the
// columns TILE_K at a time; each step dequantises its W tile and copies its X tile into shared
// memory, then every thread accumulates an RM × RN block of the tile in f32 registers.
// WORKGROUP_SIZE must equal (TILE_M / RM) · (TILE_N / RN); TILE_K a multiple of 4.
//
// X is [n_tokens][n_cols] and Y [n_tokens][out_stride] (row-major, f32). The weight binding
// may be a window of a larger tensor: weight_offset is the byte offset of row 0 of this dispatch
// inside it, row_begin the column of Y that row 0 writes. ACCUMULATE adds to Y instead of
// overwriting it (Y += X Wᵀ: a residual add fused into the projection).
//
// EXPERTS (mixture of experts, prefill): the weight binding holds experts expert_begin.. back to
// back (expert e at byte (e − expert_begin) · expert_bytes) and workgroup z is the expert
// e = expert_begin + z (one dispatch per binding of whole experts). Its tokens come from
// expert_rows (group_by_expert): expert_rows[e] is their count, expert_rows[n_experts + e ·
// row_capacity + i] the i-th pair index p = token · n_used + slot. Pair p reads X row
// p / x_row_divisor (n_used: every slot of a token reads the token's row; 1: each pair its own
// row) and writes Y row p. Workgroups past an expert's count exit at once. EXPERT_BIAS adds
// expert e's bias row, bias[e · n_rows + row] (gpt-oss).

#extension GL_EXT_control_flow_attributes : enable

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(constant_id = 1) const uint TILE_M = 64;
layout(constant_id = 2) const uint TILE_N = 64;
layout(constant_id = 3) const uint TILE_K = 32;
layout(constant_id = 4) const bool ACCUMULATE = false;
layout(constant_id = 5) const uint RM = 4;  // rows per thread
layout(constant_id = 6) const uint RN = 4;  // tokens per thread (the kernel's caller picks both)
layout(constant_id = 7) const bool EXPERTS = false;
layout(constant_id = 8) const bool EXPERT_BIAS = false;  // with EXPERTS only
layout(local_size_x_id = 0) in;

#include "dequant.glsl"

layout(std430, binding = 1) readonly buffer X { vec4 x[]; };
layout(std430, binding = 2) buffer Y { float y[]; };
layout(std430, binding = 3) readonly buffer ExpertRows { uint expert_rows[]; };
layout(std430, binding = 4) readonly buffer ExpertBias { float expert_bias[]; };

layout(push_constant) uniform PushConstants {
  uint n_cols;         // a multiple of 4 and of QK
  uint n_rows;         // weight rows in this dispatch
  uint n_tokens;
  uint row_bytes;
  uint weight_offset;
  uint row_begin;
  uint out_stride;     // floats per token in Y (all rows of the tensor)
  float output_scale;  // multiplies each product before the store or add
  uint expert_bytes;    // EXPERTS
  uint n_experts;
  uint row_capacity;
  uint x_row_divisor;
  uint expert_begin;    // EXPERTS: the first expert in this dispatch's binding
} pc;

// k-major tiles, so the inner loop reads 4 neighbouring rows / tokens.
shared float w_tile[TILE_K * TILE_M];
shared float x_tile[TILE_K * TILE_N];

void main() {
  const uint tid = gl_LocalInvocationID.x;
  const uint threads_m = TILE_M / RM;
  const uint tm = tid % threads_m;  // this thread's rows: tm + threads_m · i
  const uint tn = tid / threads_m;  // this thread's tokens: tn + threads_n · j
  const uint threads_n = TILE_N / RN;
  const uint row0 = gl_WorkGroupID.x * TILE_M;
  const uint tok0 = gl_WorkGroupID.y * TILE_N;
  const uint groups_k = TILE_K / 4u;
  uint n_tokens = pc.n_tokens;
  uint matrix_offset = pc.weight_offset;
  uint rows_base = 0u;  // this expert's pair list in expert_rows
  const uint e = pc.expert_begin + gl_WorkGroupID.z;
  if (EXPERTS) {
    n_tokens = expert_rows[e];
    if (tok0 >= n_tokens) {
      return;  // uniform across the workgroup: no thread of it reaches the barriers below
    }
    matrix_offset += gl_WorkGroupID.z * pc.expert_bytes;
    rows_base = pc.n_experts + e * pc.row_capacity;
  }

  float acc[RM][RN];
  [[unroll]] for (uint i = 0; i < RM; ++i) {
    [[unroll]] for (uint j = 0; j < RN; ++j) {
      acc[i][j] = 0.0;
    }
  }

  for (uint k0 = 0; k0 < pc.n_cols; k0 += TILE_K) {
    for (uint g = tid; g < TILE_M * groups_k; g += WORKGROUP_SIZE) {
      const uint r = g / groups_k;
      const uint k = 4u * (g % groups_k);
      vec4 v = vec4(0.0);
      if (row0 + r < pc.n_rows && k0 + k < pc.n_cols) {
        v = dequant4(matrix_offset + (row0 + r) * pc.row_bytes, k0 + k);
      }
      [[unroll]] for (uint c = 0; c < 4u; ++c) {
        w_tile[(k + c) * TILE_M + r] = v[c];
      }
    }
    for (uint g = tid; g < TILE_N * groups_k; g += WORKGROUP_SIZE) {
      const uint t = g / groups_k;
      const uint k = 4u * (g % groups_k);
      vec4 v = vec4(0.0);
      if (tok0 + t < n_tokens && k0 + k < pc.n_cols) {
        const uint x_row = EXPERTS ? expert_rows[rows_base + tok0 + t] / pc.x_row_divisor : tok0 + t;
        v = x[(x_row * pc.n_cols + k0 + k) / 4u];
      }
      [[unroll]] for (uint c = 0; c < 4u; ++c) {
        x_tile[(k + c) * TILE_N + t] = v[c];
      }
    }
    barrier();  // w_tile / x_tile written by all threads -> read by all threads below

    for (uint k = 0; k < TILE_K; ++k) {
      float a[RM];
      float b[RN];
      [[unroll]] for (uint i = 0; i < RM; ++i) {
        a[i] = w_tile[k * TILE_M + tm + threads_m * i];
      }
      [[unroll]] for (uint j = 0; j < RN; ++j) {
        b[j] = x_tile[k * TILE_N + tn + threads_n * j];
      }
      [[unroll]] for (uint i = 0; i < RM; ++i) {
        [[unroll]] for (uint j = 0; j < RN; ++j) {
          acc[i][j] += a[i] * b[j];
        }
      }
    }
    barrier();  // tiles read by all threads -> overwritten by the next step
  }

  [[unroll]] for (uint i = 0; i < RM; ++i) {
    const uint row = row0 + tm + threads_m * i;
    [[unroll]] for (uint j = 0; j < RN; ++j) {
      const uint tok = tok0 + tn + threads_n * j;
      if (row < pc.n_rows && tok < n_tokens) {
        const uint y_row = EXPERTS ? expert_rows[rows_base + tok] : tok;
        const uint o = y_row * pc.out_stride + pc.row_begin + row;
        float value = pc.output_scale * acc[i][j];
        if (EXPERT_BIAS) {
          value += expert_bias[e * pc.n_rows + row];
        }
        y[o] = ACCUMULATE ? y[o] + value : value;
      }
    }
  }
}
