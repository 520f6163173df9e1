#version 450
// Final logit soft-capping (Gemma 2): x[i] = cap * tanh(x[i] / cap), in place.
// tanh's argument is clamped: some drivers build tanh from exp, which overflows to inf / inf;
// tanh(15) is 1 in f32.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) buffer X { float x[]; };

layout(push_constant) uniform PushConstants {
  uint n;
  float cap;
} pc;

void main() {
  const uint i = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                 gl_LocalInvocationIndex;
  if (i < pc.n) {
    x[i] = pc.cap * tanh(clamp(x[i] / pc.cap, -15.0, 15.0));
  }
}
