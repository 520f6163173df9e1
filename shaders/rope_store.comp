#version 450
#extension GL_EXT_shader_16bit_storage : require
// RoPE on q and k fused with the KV-cache store, one dispatch after the QKV projection:
//   q [tokens][n_heads][head_dim]           rotated in place (as rope.comp)
//   k_new, v_new [tokens][n_kv_heads][head_dim] f32, unchanged
//   k_cache[kvh][p][d] = f16(rotated k_new[t][kvh][d]),  v_cache[kvh][p][d] = f16(v_new[t][kvh][d])
// with p = positions[t], the cache layout of kernels/attention.h and the rotation of rope.comp
// (ROPE_NORMAL pairs (2i, 2i+1), ROPE_NEOX pairs (i, i + n_rot/2), angles from the host table).
// Invocations [0, q_pairs) rotate one q pair each; the rest store one k and one v element each,
// computing the rotated k element from its pair partner:
//   first of a pair: x_a cos - x_b sin;  second: x_a sin + x_b cos.
// A position past the table gives NaN (q and stored k); one past the cache is not stored.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) buffer Q { float q[]; };
layout(std430, binding = 1) readonly buffer KNew { float k_new[]; };
layout(std430, binding = 2) readonly buffer VNew { float v_new[]; };
layout(std430, binding = 3) readonly buffer Positions { uint positions[]; };
layout(std430, binding = 4) readonly buffer Table { vec2 cos_sin[]; };
layout(std430, binding = 5) writeonly buffer KCache { float16_t k_cache[]; };
layout(std430, binding = 6) writeonly buffer VCache { float16_t v_cache[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_heads;
  uint n_kv_heads;
  uint head_dim;
  uint n_rot;
  uint n_positions;
  uint capacity;
} pc;

// (cos, sin) of pair i at this position, NaN outside the table.
vec2 angle(uint position, uint pair) {
  if (position >= pc.n_positions) {
    return vec2(uintBitsToFloat(0x7fc00000u));
  }
  return cos_sin[position * (pc.n_rot / 2) + pair];
}

void rotate_q_pair(uint id) {
  const uint half_rot = pc.n_rot / 2;
  const uint pair = id % half_rot;
  const uint head = (id / half_rot) % pc.n_heads;
  const uint token = id / (half_rot * pc.n_heads);
#if defined(ROPE_NORMAL)
  const uint a = 2 * pair;
  const uint b = 2 * pair + 1;
#elif defined(ROPE_NEOX)
  const uint a = pair;
  const uint b = pair + half_rot;
#else
#error "rope_store.comp needs ROPE_NORMAL or ROPE_NEOX"
#endif
  const vec2 cs = angle(positions[token], pair);
  const uint base = (token * pc.n_heads + head) * pc.head_dim;
  const float xa = q[base + a];
  const float xb = q[base + b];
  q[base + a] = xa * cs.x - xb * cs.y;
  q[base + b] = xa * cs.y + xb * cs.x;
}

void store_kv_element(uint id) {
  const uint d = id % pc.head_dim;
  const uint head = (id / pc.head_dim) % pc.n_kv_heads;
  const uint token = id / (pc.head_dim * pc.n_kv_heads);
  const uint position = positions[token];
  if (position >= pc.capacity) {
    return;
  }
  const uint half_rot = pc.n_rot / 2;
  const uint row = id - d;
  float k_value = k_new[id];
  if (d < pc.n_rot) {
#if defined(ROPE_NORMAL)
    const uint pair = d / 2;
    const bool first = d % 2 == 0;
    const uint partner = first ? d + 1 : d - 1;
#else
    const uint pair = d % half_rot;
    const bool first = d < half_rot;
    const uint partner = first ? d + half_rot : d - half_rot;
#endif
    const vec2 cs = angle(position, pair);
    const float other = k_new[row + partner];
    k_value = first ? k_value * cs.x - other * cs.y : other * cs.y + k_value * cs.x;
  }
  const uint dst = (head * pc.capacity + position) * pc.head_dim + d;
  k_cache[dst] = float16_t(k_value);
  v_cache[dst] = float16_t(v_new[id]);
}

void main() {
  const uint id = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                  gl_LocalInvocationIndex;
  const uint q_pairs = pc.n_tokens * pc.n_heads * (pc.n_rot / 2);
  const uint kv_elements = pc.n_tokens * pc.n_kv_heads * pc.head_dim;
  if (id < q_pairs) {
    rotate_q_pair(id);
  } else if (id - q_pairs < kv_elements) {
    store_kv_element(id - q_pairs);
  }
}
