#version 450
// Rotary position embedding, in place on q [tokens][n_heads][head_dim] and
// k [tokens][n_kv_heads][head_dim] in one dispatch. Pair i (i < n_rot/2) of a head at position
// p is rotated by the angle theta = p * base^(-2i/n_rot):
//   (x_a, x_b) <- (x_a cos theta - x_b sin theta, x_a sin theta + x_b cos theta)
// with (a, b) = (2i, 2i+1) for the normal ordering (ROPE_NORMAL, llama) and (i, i + n_rot/2) for
// the NeoX ordering (ROPE_NEOX, qwen2/qwen3); dimensions n_rot..head_dim-1 pass unchanged.
//
// cos/sin come from a table [position][n_rot/2] of vec2(cos, sin) that the host computes in
// double precision (kernels/rope.h): the device's sin/cos are only accurate to 2^-11 absolute
// and an f32 angle p*theta loses ~1e-4 at p ~ 4000, so no shader arithmetic can meet 1e-5.
// Positions come from a buffer so that a recorded command buffer can be replayed at a new
// position. A position past the table writes NaN, so a too-small table cannot pass silently.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) buffer Q { float q[]; };
layout(std430, binding = 1) buffer K { float k[]; };
layout(std430, binding = 2) readonly buffer Positions { uint positions[]; };
layout(std430, binding = 3) readonly buffer Table { vec2 cos_sin[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_heads;
  uint n_kv_heads;
  uint head_dim;
  uint n_rot;
  uint n_positions;
} pc;

void main() {
  const uint id = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                  gl_LocalInvocationIndex;
  const uint half_rot = pc.n_rot / 2;
  const uint heads = pc.n_heads + pc.n_kv_heads;
  if (id >= pc.n_tokens * heads * half_rot) {
    return;
  }
  const uint pair = id % half_rot;
  const uint head = (id / half_rot) % heads;
  const uint token = id / (half_rot * heads);

#if defined(ROPE_NORMAL)
  const uint a = 2 * pair;
  const uint b = 2 * pair + 1;
#elif defined(ROPE_NEOX)
  const uint a = pair;
  const uint b = pair + half_rot;
#else
#error "rope.comp needs ROPE_NORMAL or ROPE_NEOX"
#endif

  const uint position = positions[token];
  vec2 cs = vec2(uintBitsToFloat(0x7fc00000u));  // NaN: position outside the table
  if (position < pc.n_positions) {
    cs = cos_sin[position * half_rot + pair];
  }

  if (head < pc.n_heads) {
    const uint base = (token * pc.n_heads + head) * pc.head_dim;
    const float xa = q[base + a];
    const float xb = q[base + b];
    q[base + a] = xa * cs.x - xb * cs.y;
    q[base + b] = xa * cs.y + xb * cs.x;
  } else {
    const uint base = (token * pc.n_kv_heads + (head - pc.n_heads)) * pc.head_dim;
    const float xa = k[base + a];
    const float xb = k[base + b];
    k[base + a] = xa * cs.x - xb * cs.y;
    k[base + b] = xa * cs.y + xb * cs.x;
  }
}
