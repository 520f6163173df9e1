#version 450
#extension GL_GOOGLE_include_directive : require
// Causal attention on CPU devices (lavapipe): the result of attention.comp (same bindings but
// the split partials, same push constants, same scores), with each invocation one query token
// of one head instead of each invocation one key.
//
// Why: lavapipe turns every storage- and shared-memory load into a loop over the SIMD lanes.
// attention.comp scores one key per invocation, so each key costs head_dim such loads of k
// and head_dim of the shared query per lane, and the value sum as many again (qwen2-0.5b's
// 128-token prefill spent 29 % of its time there, and its decode at 1,024 tokens of context 61 %
// of each step). Here each invocation holds its query and its output in registers and walks
// the keys once, reading each key and value row as uvec4 texels of eight f16 (texel buffers,
// which lavapipe fetches for all lanes with vector gathers), with the softmax kept online
// (running maximum m, sums rescaled by exp(m_old − m_new)). The lanes of a workgroup are
// either LANES consecutive query tokens of one head (a prompt: they read the same rows) or, with
// LANES_ARE_HEADS, LANES consecutive heads of one token (decode and short batches: heads that
// share a KV head under GQA read the same rows). Keys outside a lane's own range (past its
// position, before its window) weigh 0.
//
// With ROPE (decode: one token, LANES_ARE_HEADS) the kernel is also rope_store.comp's: q and the
// new k (k_new, v_new: f32 [n_kv_heads][head_dim], before RoPE) are rotated in registers
// (ROPE_NORMAL pairs (2i, 2i+1), ROPE_NEOX pairs (i, i + N_ROT/2), angles from the table; NaN
// past it), the lane of each KV head's first query head stores the rotated k and v into the
// caches at the token's position (bindings 9 and 10: the caches again, written as f16 pairs),
// and every lane takes that key from its registers (rounded to f16 as stored) instead of from
// the cache, which no lane reads at that row. q itself is left unrotated.
//
// HEAD_DIM must be a multiple of 8 (kernels/attention.cpp checks); the caches' bindings start
// on 16 bytes (KvCacheShape's offsets are multiples of it).

#extension GL_EXT_control_flow_attributes : enable

layout(constant_id = 0) const uint LANES = 8;
layout(constant_id = 1) const uint HEAD_DIM = 64;
layout(constant_id = 2) const bool LANES_ARE_HEADS = false;
layout(constant_id = 3) const uint ROPE = 0;  // 0: none, ROPE_NORMAL, ROPE_NEOX
layout(constant_id = 4) const uint N_ROT = 0;  // rotated dimensions with ROPE (even, <= HEAD_DIM)
layout(local_size_x_id = 0) in;

const uint ROPE_NORMAL = 1u;
const uint ROPE_NEOX = 2u;

layout(std430, binding = 0) readonly buffer Q { vec4 q[]; };
layout(binding = 1) uniform usamplerBuffer k_cache;  // texels of 8 f16
layout(binding = 2) uniform usamplerBuffer v_cache;
layout(std430, binding = 3) readonly buffer Positions { uint positions[]; };
layout(std430, binding = 4) writeonly buffer Out { vec4 result[]; };
layout(std430, binding = 5) readonly buffer Sinks { float sinks[]; };  // [n_heads] (use_sinks)
layout(std430, binding = 6) readonly buffer KNew { float k_new[]; };  // ROPE only
layout(std430, binding = 7) readonly buffer VNew { float v_new[]; };
layout(std430, binding = 8) readonly buffer Table { vec2 cos_sin[]; };
layout(std430, binding = 9) writeonly buffer KCacheOut { uint k_cache_out[]; };  // f16 pairs
layout(std430, binding = 10) writeonly buffer VCacheOut { uint v_cache_out[]; };

// Spelled as in attention.comp (kernels/attention.cpp's AttentionPushConstants).
layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_heads;
  uint n_kv_heads;
  uint head_dim;
  uint capacity;
  float scale;
  uint n_splits;     // 1
  uint n_rot;        // unused
  uint n_positions;  // unused
  uint window;       // sliding window: keys p - window + 1 .. p only (0: every key)
  float softcap;     // score = softcap * tanh(score / softcap) (0: none)
  float temperature; // score *= 1 + temperature * ln(1 + floor(p / temperature_length))
  uint temperature_length;
  uint use_sinks;    // 1: sinks[head] joins the denominator
} pc;

const float LOWEST = -3.0e38;  // below every finite score, without relying on infinities
const uint QUADS = HEAD_DIM / 4u;
const uint ROW_UVEC4S = HEAD_DIM / 8u;

// q and k rotated in place by RoPE at `position`, each angle read once for both: pairs (a, b)
// become (a cos − b sin, a sin + b cos).
void rotate(inout float q[HEAD_DIM], inout float k[HEAD_DIM], uint position) {
  const uint half_rot = N_ROT / 2u;
  [[unroll]] for (uint p = 0u; p < half_rot; ++p) {
    const uint a = ROPE == ROPE_NORMAL ? 2u * p : p;
    const uint b = ROPE == ROPE_NORMAL ? 2u * p + 1u : p + half_rot;
    const vec2 cs = position < pc.n_positions ? cos_sin[position * half_rot + p]
                                              : vec2(uintBitsToFloat(0x7fc00000u));
    const float qa = q[a];
    const float qb = q[b];
    q[a] = qa * cs.x - qb * cs.y;
    q[b] = qa * cs.y + qb * cs.x;
    const float ka = k[a];
    const float kb = k[b];
    k[a] = ka * cs.x - kb * cs.y;
    k[b] = ka * cs.y + kb * cs.x;
  }
}

// The online softmax's step for one key: its weight, with denom and running_max updated and
// rescale the factor for what acc held so far.
float key_weight(float dot_qk, bool mine, inout float running_max, inout float denom,
                 out float rescale) {
  float score = dot_qk;
  if (pc.softcap > 0.0) {
    // Clamped: some drivers build tanh from exp, which overflows to inf / inf; tanh(15) is 1 in f32.
    score = pc.softcap * tanh(clamp(score / pc.softcap, -15.0, 15.0));
  }
  score = mine ? score : LOWEST;
  const float new_max = max(running_max, score);
  rescale = exp(running_max - new_max);
  const float weight = mine ? exp(score - new_max) : 0.0;
  denom = denom * rescale + weight;
  running_max = new_max;
  return weight;
}

shared uint lane_first[LANES];
shared uint lane_end[LANES];

void main() {
  const uint tid = gl_LocalInvocationIndex;
  // Workgroups: (head, block of LANES tokens), or (block of LANES heads, token).
  const uint lane_head = LANES_ARE_HEADS ? gl_WorkGroupID.x * LANES + tid : gl_WorkGroupID.x;
  const uint token = LANES_ARE_HEADS ? gl_WorkGroupID.y : gl_WorkGroupID.y * LANES + tid;
  const bool real = token < pc.n_tokens && lane_head < pc.n_heads;
  const uint t = min(token, pc.n_tokens - 1u);
  const uint head = min(lane_head, pc.n_heads - 1u);
  const uint kv_head = head / (pc.n_heads / pc.n_kv_heads);
  const uint q_base = (t * pc.n_heads + head) * QUADS;
  const uint cache_row0 = kv_head * pc.capacity;  // in rows of HEAD_DIM

  const uint position = positions[t];
  const bool in_cache = position < pc.capacity;
  const uint n_keys = in_cache ? position + 1u : 0u;
  const uint first = pc.window > 0u && n_keys > pc.window ? n_keys - pc.window : 0u;
  lane_first[tid] = real && in_cache ? first : 0xFFFFFFFFu;
  lane_end[tid] = real ? n_keys : 0u;
  barrier();  // lane_first, lane_end: written above, read by every lane below
  uint lo = 0xFFFFFFFFu;
  uint hi = 0u;
  [[unroll]] for (uint i = 0u; i < LANES; ++i) {
    lo = min(lo, lane_first[i]);
    hi = max(hi, lane_end[i]);
  }

  const float temperature =
      1.0 + pc.temperature * log(1.0 + floor(float(position) / float(pc.temperature_length)));
  const float score_scale = pc.scale * temperature;
  vec4 query[QUADS];
  vec4 acc[QUADS];
  // The new key and value (ROPE): rotated, rounded to f16 as the cache holds them.
  vec4 own_k[ROPE != 0u ? QUADS : 1u];
  vec4 own_v[ROPE != 0u ? QUADS : 1u];
  if (ROPE != 0u) {
    float qs[HEAD_DIM];
    float ks[HEAD_DIM];
    float vs[HEAD_DIM];
    const uint kv_base = kv_head * HEAD_DIM;
    [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
      const vec4 quad = q[q_base + i];
      qs[4u * i] = quad.x;
      qs[4u * i + 1u] = quad.y;
      qs[4u * i + 2u] = quad.z;
      qs[4u * i + 3u] = quad.w;
    }
    [[unroll]] for (uint d = 0u; d < HEAD_DIM; ++d) {
      ks[d] = k_new[kv_base + d];
      vs[d] = v_new[kv_base + d];
    }
    rotate(qs, ks, position);
    const uint row = kv_head * pc.capacity + position;
    const bool stores = real && in_cache && head % (pc.n_heads / pc.n_kv_heads) == 0u;
    [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
      query[i] = vec4(qs[4u * i], qs[4u * i + 1u], qs[4u * i + 2u], qs[4u * i + 3u]) * score_scale;
      const uvec2 k_halves = uvec2(packHalf2x16(vec2(ks[4u * i], ks[4u * i + 1u])),
                                   packHalf2x16(vec2(ks[4u * i + 2u], ks[4u * i + 3u])));
      const uvec2 v_halves = uvec2(packHalf2x16(vec2(vs[4u * i], vs[4u * i + 1u])),
                                   packHalf2x16(vec2(vs[4u * i + 2u], vs[4u * i + 3u])));
      own_k[i] = vec4(unpackHalf2x16(k_halves.x), unpackHalf2x16(k_halves.y));
      own_v[i] = vec4(unpackHalf2x16(v_halves.x), unpackHalf2x16(v_halves.y));
      if (stores) {
        k_cache_out[row * (HEAD_DIM / 2u) + 2u * i] = k_halves.x;
        k_cache_out[row * (HEAD_DIM / 2u) + 2u * i + 1u] = k_halves.y;
        v_cache_out[row * (HEAD_DIM / 2u) + 2u * i] = v_halves.x;
        v_cache_out[row * (HEAD_DIM / 2u) + 2u * i + 1u] = v_halves.y;
      }
    }
    hi = min(hi, position);  // the new key comes from the registers, after the loop
  } else {
    [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
      query[i] = q[q_base + i] * score_scale;
    }
  }
  [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
    acc[i] = vec4(0.0);
  }
  float running_max = LOWEST;
  float denom = 0.0;
  for (uint key = lo; key < hi; ++key) {
    const uint row = (cache_row0 + key) * ROW_UVEC4S;
    float dot_qk = 0.0;
    [[unroll]] for (uint i = 0u; i < ROW_UVEC4S; ++i) {
      const uvec4 k8 = texelFetch(k_cache, int(row + i));
      dot_qk += dot(vec4(unpackHalf2x16(k8.x), unpackHalf2x16(k8.y)), query[2u * i]) +
                dot(vec4(unpackHalf2x16(k8.z), unpackHalf2x16(k8.w)), query[2u * i + 1u]);
    }
    float rescale;
    const float weight = key_weight(dot_qk, key >= first && key < n_keys, running_max, denom, rescale);
    [[unroll]] for (uint i = 0u; i < ROW_UVEC4S; ++i) {
      const uvec4 v8 = texelFetch(v_cache, int(row + i));
      acc[2u * i] = acc[2u * i] * rescale + weight * vec4(unpackHalf2x16(v8.x), unpackHalf2x16(v8.y));
      acc[2u * i + 1u] =
          acc[2u * i + 1u] * rescale + weight * vec4(unpackHalf2x16(v8.z), unpackHalf2x16(v8.w));
    }
  }
  if (ROPE != 0u) {
    float dot_qk = 0.0;
    [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
      dot_qk += dot(own_k[i], query[i]);
    }
    float rescale;
    const float weight = key_weight(dot_qk, in_cache, running_max, denom, rescale);
    [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
      acc[i] = acc[i] * rescale + weight * own_v[i];
    }
  }

  if (real) {
    float norm = 1.0 / denom;
    if (pc.use_sinks != 0u) {
      // Rescaled to m = max(running_max, sink) so that a large sink cannot overflow.
      const float sink = sinks[head];
      const float m = max(running_max, sink);
      const float rescale = exp(running_max - m);
      norm = rescale / (denom * rescale + exp(sink - m));
    }
    const float nan = uintBitsToFloat(0x7fc00000u);
    [[unroll]] for (uint i = 0u; i < QUADS; ++i) {
      result[q_base + i] = in_cache ? acc[i] * norm : vec4(nan);
    }
  }
}
