#version 450
#extension GL_GOOGLE_include_directive : require
// The gated FFN activation of SwiGLU, fused: out[i] = silu(gate[i]) * up[i],
// silu(g) = g / (1 + exp(-g)).

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Gate { float gate[]; };
layout(std430, binding = 1) readonly buffer Up { float up[]; };
layout(std430, binding = 2) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint n;
} pc;

void main() {
  const uint i = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                 gl_LocalInvocationIndex;
  if (i >= pc.n) {
    return;
  }
  const float g = gate[i];
  result[i] = g / (1.0 + exp(-g)) * up[i];
}
