#version 450
#extension GL_GOOGLE_include_directive : require
// y[row] = Σ_col W[row, col] · x[col] for quantised weights W (the decode hot path).
// Each workgroup owns ROWS_PER_WORKGROUP consecutive rows; its threads stride along the row four
// weights at a time (neighbouring threads read neighbouring bytes), so each x element is loaded
// once for all of the workgroup's rows. Partial sums are reduced with subgroupAdd and then across
// subgroups in shared memory (USE_SUBGROUP_ADD), or with a shared-memory tree where the device
// has no subgroup arithmetic. f32 activations, f32 accumulation.
//
// The weight binding may be a window of a larger tensor (the host splits tensors larger than
// maxStorageBufferRange): weight_offset is the byte offset of row row_begin inside the window.

#extension GL_EXT_control_flow_attributes : enable
#if defined(USE_SUBGROUP_ADD)
#extension GL_KHR_shader_subgroup_arithmetic : enable
#endif

layout(constant_id = 0) const uint WORKGROUP_SIZE = 128;  // a power of two
layout(constant_id = 1) const uint ROWS_PER_WORKGROUP = 2;
layout(local_size_x_id = 0) in;

#include "dequant.glsl"

layout(std430, binding = 1) readonly buffer X { vec4 x[]; };
layout(std430, binding = 2) writeonly buffer Y { float y[]; };

layout(push_constant) uniform PushConstants {
  uint n_cols;         // weights per row, a multiple of 4 and of QK
  uint n_rows;         // rows in this dispatch
  uint row_bytes;      // bytes per row
  uint weight_offset;  // byte offset of the first row inside the weight binding
  uint row_begin;      // index in y of the first row
} pc;

shared float partial[ROWS_PER_WORKGROUP * WORKGROUP_SIZE];

void main() {
  const uint group = gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
  const uint first_row = group * ROWS_PER_WORKGROUP;
  if (first_row >= pc.n_rows) {
    return;  // uniform across the workgroup: no thread of it reaches the barriers below
  }
  const uint tid = gl_LocalInvocationID.x;

  float acc[ROWS_PER_WORKGROUP];
  [[unroll]] for (uint r = 0; r < ROWS_PER_WORKGROUP; ++r) {
    acc[r] = 0.0;
  }
  for (uint col = 4u * tid; col < pc.n_cols; col += 4u * WORKGROUP_SIZE) {
    const vec4 xv = x[col / 4u];
    [[unroll]] for (uint r = 0; r < ROWS_PER_WORKGROUP; ++r) {
      const uint row = min(first_row + r, pc.n_rows - 1u);
      acc[r] += dot(dequant4(pc.weight_offset + row * pc.row_bytes, col), xv);
    }
  }

#if defined(USE_SUBGROUP_ADD)
  [[unroll]] for (uint r = 0; r < ROWS_PER_WORKGROUP; ++r) {
    const float s = subgroupAdd(acc[r]);
    if (subgroupElect()) {
      partial[r * WORKGROUP_SIZE + gl_SubgroupID] = s;
    }
  }
  barrier();  // partial[] written by each subgroup's leader -> read by the row's summing thread
  if (tid < ROWS_PER_WORKGROUP && first_row + tid < pc.n_rows) {
    float sum = 0.0;
    for (uint s = 0; s < gl_NumSubgroups; ++s) {
      sum += partial[tid * WORKGROUP_SIZE + s];
    }
    y[pc.row_begin + first_row + tid] = sum;
  }
#else
  [[unroll]] for (uint r = 0; r < ROWS_PER_WORKGROUP; ++r) {
    partial[r * WORKGROUP_SIZE + tid] = acc[r];
  }
  for (uint stride = WORKGROUP_SIZE / 2u; stride > 0u; stride /= 2u) {
    barrier();  // partial[] of the previous step written -> read by this step
    if (tid < stride) {
      [[unroll]] for (uint r = 0; r < ROWS_PER_WORKGROUP; ++r) {
        partial[r * WORKGROUP_SIZE + tid] += partial[r * WORKGROUP_SIZE + tid + stride];
      }
    }
  }
  barrier();  // final partial[r * WORKGROUP_SIZE] written -> read below
  if (tid < ROWS_PER_WORKGROUP && first_row + tid < pc.n_rows) {
    y[pc.row_begin + first_row + tid] = partial[tid * WORKGROUP_SIZE];
  }
#endif
}
