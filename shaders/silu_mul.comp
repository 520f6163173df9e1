#version 450
#extension GL_GOOGLE_include_directive : require
// The gated FFN activations, fused: out[i] = act(gate[i]) * up[i], act = silu (SwiGLU) or, with
// GELU, gelu in its tanh form (GeGLU); with SWIGLU_OAI out[i] = swiglu_oai(gate[i], up[i])
// (gpt-oss: clamped, and up + 1); all in activation.glsl.
// INTERLEAVED: gate and up come interleaved in one buffer, as the product with the interleaved
// gate/up matrix leaves them: gate[i] = gate_up[2i], up[i] = gate_up[2i + 1].

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

#include "activation.glsl"

#ifdef INTERLEAVED
layout(std430, binding = 0) readonly buffer GateUp { vec2 gate_up[]; };
layout(std430, binding = 1) writeonly buffer Out { float result[]; };
#else
layout(std430, binding = 0) readonly buffer Gate { float gate[]; };
layout(std430, binding = 1) readonly buffer Up { float up[]; };
layout(std430, binding = 2) writeonly buffer Out { float result[]; };
#endif

layout(push_constant) uniform PushConstants {
  uint n;
} pc;

void main() {
  const uint i = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                 gl_LocalInvocationIndex;
  if (i >= pc.n) {
    return;
  }
#ifdef INTERLEAVED
  const float g = gate_up[i].x;
  const float u = gate_up[i].y;
#else
  const float g = gate[i];
  const float u = up[i];
#endif
#if defined(GELU)
  result[i] = gelu(g) * u;
#elif defined(SWIGLU_OAI)
  result[i] = swiglu_oai(g, u);
#else
  result[i] = silu(g) * u;
#endif
}
