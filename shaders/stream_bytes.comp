#version 450
// Reads every byte of a buffer and nothing else: the ceiling a weight-reading kernel can reach
// on this device (sikao-bench kernels --stream). Each invocation adds up the uvec4s it reads
// (so the loads cannot be dropped) and writes its sum. LAYOUT:
//   0: grid stride — neighbouring invocations read neighbouring 16 bytes across the whole
//      buffer, as the matvec kernels do (coalesced on a GPU);
//   1: each invocation reads one contiguous span of its own (what a CPU core prefers);
//   2: each workgroup reads one contiguous span, its invocations neighbouring 16 bytes;
//   3: as 1, four uvec4s per step into four sums.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(constant_id = 1) const uint LAYOUT = 0;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Data { uvec4 data[]; };
layout(std430, binding = 1) writeonly buffer Sums { uint sums[]; };

layout(push_constant) uniform PushConstants {
  uint n_vec4;       // uvec4s in data, a multiple of 4 × invocations
  uint invocations;  // WORKGROUP_SIZE × workgroups
} pc;

void main() {
  const uint id = gl_WorkGroupID.x * WORKGROUP_SIZE + gl_LocalInvocationID.x;
  uvec4 acc = uvec4(0u);
  if (LAYOUT == 0u) {
    for (uint i = id; i < pc.n_vec4; i += pc.invocations) acc += data[i];
  } else if (LAYOUT == 1u) {
    const uint span = pc.n_vec4 / pc.invocations;
    for (uint i = id * span; i < (id + 1u) * span; ++i) acc += data[i];
  } else if (LAYOUT == 2u) {
    const uint span = pc.n_vec4 / pc.invocations * WORKGROUP_SIZE;
    const uint begin = gl_WorkGroupID.x * span;
    for (uint i = begin + gl_LocalInvocationID.x; i < begin + span; i += WORKGROUP_SIZE) acc += data[i];
  } else {
    const uint span = pc.n_vec4 / pc.invocations;
    uvec4 a1 = uvec4(0u), a2 = uvec4(0u), a3 = uvec4(0u);
    for (uint i = id * span; i < (id + 1u) * span; i += 4u) {
      acc += data[i];
      a1 += data[i + 1u];
      a2 += data[i + 2u];
      a3 += data[i + 3u];
    }
    acc += a1 + a2 + a3;
  }
  sums[id] = acc.x + acc.y + acc.z + acc.w;
}
