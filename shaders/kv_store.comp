#version 450
#extension GL_EXT_shader_16bit_storage : require
// Stores the keys and values of new tokens into the f16 KV cache of one layer.
//   k_new, v_new: f32 [n_tokens][n_kv_heads][head_dim]
//   k_cache, v_cache: f16 [n_kv_heads][capacity][head_dim]  (the layout of kernels/attention.h)
// Token t goes to cache position positions[t]; a position >= capacity is not stored (attention
// then reports NaN for the query at that position instead of reading past the cache).

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer KNew { float k_new[]; };
layout(std430, binding = 1) readonly buffer VNew { float v_new[]; };
layout(std430, binding = 2) readonly buffer Positions { uint positions[]; };
layout(std430, binding = 3) writeonly buffer KCache { float16_t k_cache[]; };
layout(std430, binding = 4) writeonly buffer VCache { float16_t v_cache[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_kv_heads;
  uint head_dim;
  uint capacity;
} pc;

void main() {
  const uint id = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * WORKGROUP_SIZE +
                  gl_LocalInvocationIndex;
  if (id >= pc.n_tokens * pc.n_kv_heads * pc.head_dim) {
    return;
  }
  const uint d = id % pc.head_dim;
  const uint head = (id / pc.head_dim) % pc.n_kv_heads;
  const uint token = id / (pc.head_dim * pc.n_kv_heads);
  const uint position = positions[token];
  if (position >= pc.capacity) {
    return;
  }
  const uint dst = (head * pc.capacity + position) * pc.head_dim + d;
  k_cache[dst] = float16_t(k_new[id]);
  v_cache[dst] = float16_t(v_new[id]);
}
