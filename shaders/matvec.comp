#version 450
#extension GL_GOOGLE_include_directive : require
// y[row] = Σ_col W[row, col] · x[col] for quantised weights W (the decode hot path).
// Each workgroup owns ROWS_PER_WORKGROUP consecutive rows; its threads stride along the row GROUP
// weights at a time (neighbouring threads read neighbouring bytes), so each x element is loaded
// once for all of the workgroup's rows. GROUP is 16 where dequant16 reads a shared scale once
// (DEQUANT16_SHARES_SCALE: Q8_0, Q4_K, Q5_K) and 4 otherwise. Partial sums are reduced with
// subgroupAdd and then across subgroups in shared memory (USE_SUBGROUP_ADD), or with a
// shared-memory tree where the device has no subgroup arithmetic. f32 activations, f32
// accumulation.
//
// Fusions, chosen by specialisation constants (each saves a dispatch of a decode step):
//   NORM_INPUT: the input is rmsnorm(x) ⊙ norm_weight rather than x. Every workgroup reads all
//     of x anyway, so it sums x² alongside its dots and scales at the end:
//       y[row] = Σ_col W[row, col] · x[col] · norm_weight[col] / sqrt(Σ_col x[col]² / n_cols + eps)
//   ADD_BIAS: y[row] = … + bias[row] (for the gated outputs added to each row of a pair before
//     the activation).
//   OUTPUT: OUTPUT_STORE writes y[row]; OUTPUT_ACCUMULATE adds to it (y += W x: a residual add);
//     OUTPUT_SWIGLU takes the rows as interleaved pairs (gate p, up p) = (row 2p, row 2p + 1) and
//     writes y[p] = silu(gate p · x) · (up p · x), silu(g) = g / (1 + exp(−g)); OUTPUT_GEGLU the
//     same with gelu (tanh form, activation.glsl) for silu; OUTPUT_SWIGLU_OAI writes
//     swiglu_oai(gate p · x, up p · x) (gpt-oss, activation.glsl).
//   output_scale multiplies each dot before the bias and the store or add (1 for most models).
// Bindings 3 (norm_weight) and 4 (bias) are bound in every variant; unused ones read nothing.
//
// EXPERTS (mixture of experts, decode): the weight binding holds experts expert_begin ..
// expert_end − 1 back to back, expert e at byte (e − expert_begin) · expert_bytes (a tensor
// larger than one binding is one dispatch per binding); expert_ids[s] is the expert in slot s
// (route_experts), and slots whose expert is not in the binding are another dispatch's.
//   EXPERTS_PER_SLOT: workgroup z is the slot s; x is read at s · x_slot_stride floats, y
//     written at s · y_slot_stride (each chosen expert's own product, as for one matrix).
//   EXPERTS_WEIGHTED_SUM: each workgroup loops over the n_slots slots and sums
//     expert_weights[s] · W_{expert_ids[s]} x_s into one output row (the down projection and
//     the weighted mix of the experts in one dispatch; not with NORM_INPUT).
//   With ADD_BIAS the bias is per expert: expert e's row r at bias[e · n_rows + r] (PER_SLOT adds
//   its slot's expert's; WEIGHTED_SUM adds Σ_s expert_weights[s] · bias[expert_ids[s] · n_rows + r]).
//
// The weight binding may be a window of a larger tensor (the host splits tensors larger than
// maxStorageBufferRange): weight_offset is the byte offset of row row_begin inside the window.
// Windows of a SWIGLU matrix hold whole pairs (row_begin even).

#extension GL_EXT_control_flow_attributes : enable
#if defined(USE_SUBGROUP_ADD)
#extension GL_KHR_shader_subgroup_arithmetic : enable
#endif

layout(constant_id = 0) const uint WORKGROUP_SIZE = 128;  // a power of two
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 2;  // even where OUTPUT is OUTPUT_SWIGLU
layout(constant_id = 2) const bool NORM_INPUT = false;
layout(constant_id = 3) const bool ADD_BIAS = false;
layout(constant_id = 4) const uint OUTPUT = 0;
// USE_SUBGROUP_ADD with a workgroup of exactly one subgroup (the host pins the subgroup size):
// subgroupAdd leaves the totals in every invocation, with no shared memory and no barrier.
layout(constant_id = 5) const bool ONE_SUBGROUP = false;
layout(constant_id = 6) const uint EXPERTS = 0;
layout(local_size_x_id = 0) in;

const uint OUTPUT_STORE = 0u;
const uint OUTPUT_ACCUMULATE = 1u;
const uint OUTPUT_SWIGLU = 2u;
const uint OUTPUT_GEGLU = 3u;
const uint OUTPUT_SWIGLU_OAI = 4u;
const uint EXPERTS_NONE = 0u;
const uint EXPERTS_PER_SLOT = 1u;
const uint EXPERTS_WEIGHTED_SUM = 2u;

#include "dequant.glsl"
#include "activation.glsl"

layout(std430, binding = 1) readonly buffer X { vec4 x[]; };
layout(std430, binding = 2) buffer Y { float y[]; };
layout(std430, binding = 3) readonly buffer NormWeight { vec4 norm_weight[]; };
layout(std430, binding = 4) readonly buffer Bias { float bias[]; };
layout(std430, binding = 5) readonly buffer ExpertIds { uint expert_ids[]; };
layout(std430, binding = 6) readonly buffer ExpertWeights { float expert_weights[]; };

layout(push_constant) uniform PushConstants {
  uint n_cols;         // weights per row, a multiple of 4 and of QK
  uint n_rows;         // rows in this dispatch
  uint row_bytes;      // bytes per row
  uint weight_offset;  // byte offset of the first row inside the weight binding
  uint row_begin;      // index of the first row in the whole matrix
  float eps;           // of the RMSNorm (NORM_INPUT)
  float output_scale;
  uint expert_bytes;   // EXPERTS: bytes from one expert's matrix to the next
  uint n_slots;        // EXPERTS_WEIGHTED_SUM: slots summed
  uint x_slot_stride;  // EXPERTS: floats between the slots' inputs (0: one x for all), % 4 == 0
  uint y_slot_stride;  // EXPERTS_PER_SLOT: floats between the slots' outputs
  uint expert_begin;   // EXPERTS: the experts in the weight binding
  uint expert_end;
} pc;

bool in_binding(uint expert) { return expert >= pc.expert_begin && expert < pc.expert_end; }

// The workgroup's sums: one dot per row, then Σx² (NORM_INPUT; zero otherwise).
const uint SUMS = ROWS_PER_WORKGROUP + 1u;
const uint SQUARES = ROWS_PER_WORKGROUP;
shared float partial[SUMS * WORKGROUP_SIZE];


void main() {
  const uint group = gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
  const uint first_row = group * ROWS_PER_WORKGROUP;
  if (first_row >= pc.n_rows ||
      (EXPERTS == EXPERTS_PER_SLOT && !in_binding(expert_ids[gl_WorkGroupID.z]))) {
    return;  // uniform across the workgroup: no thread of it reaches the barriers below
  }
  const uint tid = gl_LocalInvocationID.x;

  float acc[SUMS];
  [[unroll]] for (uint s = 0; s < SUMS; ++s) {
    acc[s] = 0.0;
  }
  const uint GROUP = DEQUANT16_SHARES_SCALE ? 16u : 4u;  // n_cols is a multiple of QK ≥ 16 then
  const uint VECS = GROUP / 4u;  // vec4s of x per step
  uint slot_begin = 0u;
  uint slot_end = 1u;
  if (EXPERTS == EXPERTS_PER_SLOT) {
    slot_begin = gl_WorkGroupID.z;
    slot_end = slot_begin + 1u;
  } else if (EXPERTS == EXPERTS_WEIGHTED_SUM) {
    slot_end = pc.n_slots;
  }
  for (uint slot = slot_begin; slot < slot_end; ++slot) {
    uint matrix_offset = pc.weight_offset;
    uint x_base = 0u;  // in vec4s
    float slot_weight = 1.0;
    if (EXPERTS != EXPERTS_NONE) {
      if (!in_binding(expert_ids[slot])) {
        continue;  // uniform: every invocation loops over the same slots
      }
      matrix_offset += (expert_ids[slot] - pc.expert_begin) * pc.expert_bytes;
      x_base = slot * pc.x_slot_stride / 4u;
    }
    if (EXPERTS == EXPERTS_WEIGHTED_SUM) {
      slot_weight = expert_weights[slot];
    }
    for (uint col = GROUP * tid; col < pc.n_cols; col += GROUP * WORKGROUP_SIZE) {
      vec4 xv[4];
      [[unroll]] for (uint i = 0u; i < VECS; ++i) {
        xv[i] = x[x_base + col / 4u + i];
        if (NORM_INPUT) {
          acc[SQUARES] += dot(xv[i], xv[i]);
          xv[i] *= norm_weight[col / 4u + i];
        }
        if (EXPERTS == EXPERTS_WEIGHTED_SUM) {
          xv[i] *= slot_weight;  // Σ_s w_s (W_s x_s) = Σ_s W_s (w_s x_s)
        }
      }
      [[unroll]] for (uint r = 0; r < ROWS_PER_WORKGROUP; ++r) {
        const uint row_offset = matrix_offset + min(first_row + r, pc.n_rows - 1u) * pc.row_bytes;
        if (GROUP == 16u) {
          vec4 w[4];
          dequant16(row_offset, col, w);
          acc[r] += dot(w[0], xv[0]) + dot(w[1], xv[1]) + dot(w[2], xv[2]) + dot(w[3], xv[3]);
        } else {
          acc[r] += dot(dequant4(row_offset, col), xv[0]);
        }
      }
    }
  }

  float totals[SUMS];  // the workgroup's sums
#if defined(USE_SUBGROUP_ADD)
  if (ONE_SUBGROUP) {
    [[unroll]] for (uint s = 0; s < SUMS; ++s) {
      totals[s] = subgroupAdd(acc[s]);
    }
  } else {
    [[unroll]] for (uint s = 0; s < SUMS; ++s) {
      const float t = subgroupAdd(acc[s]);
      if (subgroupElect()) {
        partial[s * WORKGROUP_SIZE + gl_SubgroupID] = t;
      }
    }
    barrier();  // partial[] written by each subgroup's leader -> summed below
    [[unroll]] for (uint s = 0; s < SUMS; ++s) {
      totals[s] = 0.0;
      for (uint g = 0; g < gl_NumSubgroups; ++g) {
        totals[s] += partial[s * WORKGROUP_SIZE + g];
      }
    }
  }
#else
  [[unroll]] for (uint s = 0; s < SUMS; ++s) {
    partial[s * WORKGROUP_SIZE + tid] = acc[s];
  }
  for (uint stride = WORKGROUP_SIZE / 2u; stride > 0u; stride /= 2u) {
    barrier();  // partial[] of the previous step written -> read by this step
    if (tid < stride) {
      [[unroll]] for (uint s = 0; s < SUMS; ++s) {
        partial[s * WORKGROUP_SIZE + tid] += partial[s * WORKGROUP_SIZE + tid + stride];
      }
    }
  }
  barrier();  // final partial[s * WORKGROUP_SIZE] written -> read below
  [[unroll]] for (uint s = 0; s < SUMS; ++s) {
    totals[s] = partial[s * WORKGROUP_SIZE];
  }
#endif

  const float scale = NORM_INPUT ? inversesqrt(totals[SQUARES] / float(pc.n_cols) + pc.eps) : 1.0;
  const uint y_base = EXPERTS == EXPERTS_PER_SLOT ? gl_WorkGroupID.z * pc.y_slot_stride : 0u;
  // Where this dispatch's bias rows start: expert ids[z]'s block for one slot's expert.
  const uint bias_base = EXPERTS == EXPERTS_PER_SLOT ? expert_ids[gl_WorkGroupID.z] * pc.n_rows : 0u;
  const bool gated = OUTPUT == OUTPUT_SWIGLU || OUTPUT == OUTPUT_GEGLU || OUTPUT == OUTPUT_SWIGLU_OAI;
  if (gated) {
    const uint pair = tid;  // pairs (2 pair, 2 pair + 1) of this workgroup's rows
    if (pair < ROWS_PER_WORKGROUP / 2u && first_row + 2u * pair + 1u < pc.n_rows) {
      float g = scale * totals[2u * pair];
      float u = scale * totals[2u * pair + 1u];
      if (ADD_BIAS) {
        const uint gate_row = bias_base + pc.row_begin + first_row + 2u * pair;
        g += bias[gate_row];
        u += bias[gate_row + 1u];
      }
      float value;
      if (OUTPUT == OUTPUT_SWIGLU_OAI) {
        value = swiglu_oai(g, u);
      } else {
        value = (OUTPUT == OUTPUT_GEGLU ? gelu(g) : silu(g)) * u;
      }
      y[y_base + (pc.row_begin + first_row) / 2u + pair] = value;
    }
  } else if (tid < ROWS_PER_WORKGROUP && first_row + tid < pc.n_rows) {
    const uint row = y_base + pc.row_begin + first_row + tid;
    float value = pc.output_scale * scale * totals[tid];
    if (ADD_BIAS) {
      const uint matrix_row = row - y_base;
      if (EXPERTS == EXPERTS_WEIGHTED_SUM) {
        for (uint slot = 0u; slot < pc.n_slots; ++slot) {
          if (in_binding(expert_ids[slot])) {
            value += expert_weights[slot] * bias[expert_ids[slot] * pc.n_rows + matrix_row];
          }
        }
      } else {
        value += bias[bias_base + matrix_row];
      }
    }
    if (OUTPUT == OUTPUT_ACCUMULATE) {
      value += y[row];
    }
    y[row] = value;
  }
}
