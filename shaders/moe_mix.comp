#version 450
// The weighted mix of the experts' outputs, added to the residual stream (prefill):
//   x[t, c] += Σ_s weights[t · n_used + s] · y[(t · n_used + s), c]
// y holds one n_embd row per (token, slot) pair. One invocation per element of x.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Y { float y[]; };
layout(std430, binding = 1) readonly buffer Weights { float weights[]; };
layout(std430, binding = 2) buffer X { float x[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_embd;
  uint n_used;
} pc;

void main() {
  const uint i = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                 gl_LocalInvocationIndex;
  if (i >= pc.n_tokens * pc.n_embd) {
    return;
  }
  const uint t = i / pc.n_embd;
  const uint c = i % pc.n_embd;
  float sum = 0.0;
  for (uint s = 0u; s < pc.n_used; ++s) {
    const uint pair = t * pc.n_used + s;
    sum += weights[pair] * y[pair * pc.n_embd + c];
  }
  x[i] += sum;
}
