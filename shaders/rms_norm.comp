#version 450
#extension GL_GOOGLE_include_directive : require
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif
// RMSNorm with weight, one workgroup per row of n:
//   out[r][i] = x[r][i] / sqrt(mean_k(x[r][k]^2) + eps) * weight[i]
// x and out may be the same buffer (each element is read before the invocation that reads it
// writes it).
//
// FUSE_ADD adds the residual first and keeps the sum (the transformer's residual stream):
//   sum[r][i] = x[r][i] + residual[r][i];  out[r] = rmsnorm(sum[r]) * weight
// sum may be the same buffer as x (x += residual in place).

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Weight { float weight[]; };
layout(std430, binding = 2) writeonly buffer Out { float result[]; };
#ifdef FUSE_ADD
layout(std430, binding = 3) readonly buffer Residual { float residual[]; };
layout(std430, binding = 4) buffer Sum { float sum[]; };
#endif

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
#ifdef FUSE_ADD
    const float v = x[base + i] + residual[base + i];
    sum[base + i] = v;
#else
    const float v = x[base + i];
#endif
    sum_sq += v * v;
  }
  sum_sq = workgroup_sum(sum_sq);

  const float scale = inversesqrt(sum_sq / float(pc.n) + pc.eps);
  for (uint i = tid; i < pc.n; i += WORKGROUP_SIZE) {
#ifdef FUSE_ADD
    // This invocation wrote sum[base + i] above: reading it back is ordered, and stays right
    // when sum aliases x.
    result[base + i] = sum[base + i] * scale * weight[i];
#else
    result[base + i] = x[base + i] * scale * weight[i];
#endif
  }
}
