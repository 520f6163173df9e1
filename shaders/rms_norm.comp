#version 450
#extension GL_GOOGLE_include_directive : require
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif
// RMSNorm with weight, one workgroup per row of n:
//   out[r][i] = x[r][i] / sqrt(mean_k(x[r][k]^2) + eps) * weight[i]
// x and out may be the same buffer (each element is read before the invocation that reads it
// writes it).

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Weight { float weight[]; };
layout(std430, binding = 2) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint rows;
  uint n;
  float eps;
} pc;

#include "reduce.glsl"

void main() {
  const uint row = linear_workgroup_id();
  if (row >= pc.rows) {
    return;  // uniform across the workgroup, so no barrier is skipped by only some invocations
  }
  const uint base = row * pc.n;
  const uint tid = gl_LocalInvocationIndex;

  float sum_sq = 0.0;
  for (uint i = tid; i < pc.n; i += WORKGROUP_SIZE) {
    const float v = x[base + i];
    sum_sq += v * v;
  }
  sum_sq = workgroup_sum(sum_sq);

  const float scale = inversesqrt(sum_sq / float(pc.n) + pc.eps);
  for (uint i = tid; i < pc.n; i += WORKGROUP_SIZE) {
    result[base + i] = x[base + i] * scale * weight[i];
  }
}
