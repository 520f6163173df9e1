#version 450
// Merges the per-split partial results of attention.comp (n_splits > 1) into the output:
//   M = max_s m_s,  out[t][h][d] = sum_s exp(m_s - M) acc_s[d] / sum_s exp(m_s - M) l_s
// With attention sinks (use_sinks) the head's sink logit joins M and the denominator once:
//   M = max(max_s m_s, sink[h]),  denominator + exp(sink[h] - M).
// partials: [n_tokens][n_heads][n_splits][head_dim + 2] = (acc[0..head_dim), m, l).
// One workgroup per (head, token); invocations stride over head_dim.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Partials { float partials[]; };
layout(std430, binding = 1) writeonly buffer Out { float result[]; };
layout(std430, binding = 2) readonly buffer Sinks { float sinks[]; };  // [n_heads] (use_sinks)

layout(push_constant) uniform PushConstants {
  uint n_heads;
  uint head_dim;
  uint n_splits;
  uint use_sinks;
} pc;

void main() {
  const uint head = gl_WorkGroupID.x;
  const uint token = gl_WorkGroupID.y;
  const uint dim = pc.head_dim;
  const uint stride = dim + 2;
  const uint base = (token * pc.n_heads + head) * pc.n_splits * stride;

  float global_max = partials[base + dim];
  for (uint s = 1; s < pc.n_splits; ++s) {
    global_max = max(global_max, partials[base + s * stride + dim]);
  }
  if (pc.use_sinks != 0u) {
    global_max = max(global_max, sinks[head]);
  }
  float denom = pc.use_sinks != 0u ? exp(sinks[head] - global_max) : 0.0;
  for (uint s = 0; s < pc.n_splits; ++s) {
    denom += exp(partials[base + s * stride + dim] - global_max) *
             partials[base + s * stride + dim + 1];
  }
  for (uint d = gl_LocalInvocationIndex; d < dim; d += WORKGROUP_SIZE) {
    float total = 0.0;
    for (uint s = 0; s < pc.n_splits; ++s) {
      total += exp(partials[base + s * stride + dim] - global_max) * partials[base + s * stride + d];
    }
    result[(token * pc.n_heads + head) * dim + d] = total / denom;
  }
}
