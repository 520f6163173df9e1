#version 450
#extension GL_GOOGLE_include_directive : require
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif
// Numerically stable softmax of each row of n, with the input scaled first:
//   out[r][i] = exp(scale*x[r][i] - m) / sum_k exp(scale*x[r][k] - m),  m = max_k scale*x[r][k]
// One workgroup per row; x and out may be the same buffer.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint rows;
  uint n;
  float scale;
} pc;

#include "reduce.glsl"

// Below every finite score: the identity of max without relying on the device's infinities.
const float LOWEST = -3.0e38;

void main() {
  const uint row = linear_workgroup_id();
  if (row >= pc.rows) {
    return;  // uniform across the workgroup
  }
  const uint base = row * pc.n;
  const uint tid = gl_LocalInvocationIndex;

  float row_max = LOWEST;
  for (uint i = tid; i < pc.n; i += WORKGROUP_SIZE) {
    row_max = max(row_max, pc.scale * x[base + i]);
  }
  row_max = workgroup_max(row_max);

  float sum = 0.0;
  for (uint i = tid; i < pc.n; i += WORKGROUP_SIZE) {
    sum += exp(pc.scale * x[base + i] - row_max);
  }
  sum = workgroup_sum(sum);

  const float inv_sum = 1.0 / sum;
  for (uint i = tid; i < pc.n; i += WORKGROUP_SIZE) {
    result[base + i] = exp(pc.scale * x[base + i] - row_max) * inv_sum;
  }
}
