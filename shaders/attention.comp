#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_shader_16bit_storage : require
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif
// Causal multi-head attention against the f16 KV cache, for decode (one query token) and
// prefill (a block of query tokens) alike. Query token t sits at position p = positions[t] and
// attends cache positions 0..p (its own key included: the caller stores the block's keys and
// values with kv_store first). Query head h reads KV head h / (n_heads / n_kv_heads) (GQA).
//   out[t][h] = sum_j softmax_j(score_j) v[kvh][j],  j = 0..p (p - window + 1..p with a window)
//   score_j = softcap(scale * t(p) * q[t][h] . k[kvh][j])  (kernels/attention.h)
// With attention sinks (use_sinks, gpt-oss) each head's learned logit sink[h] joins the softmax's
// denominator without a value: softmax_j = exp(score_j - m) / (sum_i exp(score_i - m) +
// exp(sink[h] - m)), m = max(max_i score_i, sink[h]). Split keys add it once, in the merge.
// Layouts: q, out f32 [n_tokens][n_heads][head_dim]; k_cache, v_cache f16
// [n_kv_heads][capacity][head_dim] (kernels/attention.h).
//
// One workgroup per (head, token). Keys are taken WORKGROUP_SIZE at a time: invocation i scores
// key start+i, and the softmax is kept online (running maximum m, rescaling the partial sums by
// exp(m_old - m_new)) so any cache length works in fixed shared memory. For the value sum the
// workgroup is WORKGROUP_SIZE / head_dim groups of head_dim invocations; group g adds the
// chunk's keys g, g + groups, ... into its own accumulator and the groups are summed at the end.
// Requires head_dim <= WORKGROUP_SIZE. All arithmetic is f32.
//
// Split keys (flash decoding): with n_splits > 1 the grid's z dimension cuts each query's keys
// into n_splits ranges of whole chunks so that a decode step (one query per head) still fills a
// GPU. Each workgroup then writes its unnormalised partial result to `partials` as
// [token][head][split][head_dim + 2] = (acc[0..head_dim), running max, denominator), and
// attention_combine.comp merges the splits. With n_splits == 1 it writes `result` directly.
//
// ROPE_STORE (with ROPE_NORMAL or ROPE_NEOX; decode only, one query token): RoPE and the
// KV-cache store fused in (as rope_store.comp does them), saving that dispatch. q, k_new and
// v_new are the projections before RoPE; each workgroup rotates its own query head and computes
// its KV head's new key and value itself (rounded to f16 as the cache holds them), using them for
// the query's own position instead of reading the cache there; the first query head of each KV
// head (split 0) also stores them. No workgroup reads what another writes.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 128;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Q { float q[]; };
#ifdef ROPE_STORE
layout(std430, binding = 1) buffer KCache { float16_t k_cache[]; };
layout(std430, binding = 2) buffer VCache { float16_t v_cache[]; };
#else
layout(std430, binding = 1) readonly buffer KCache { float16_t k_cache[]; };
layout(std430, binding = 2) readonly buffer VCache { float16_t v_cache[]; };
#endif
layout(std430, binding = 3) readonly buffer Positions { uint positions[]; };
layout(std430, binding = 4) writeonly buffer Out { float result[]; };
layout(std430, binding = 5) writeonly buffer Partials { float partials[]; };
layout(std430, binding = 6) readonly buffer Sinks { float sinks[]; };  // [n_heads] (use_sinks)
#ifdef ROPE_STORE
layout(std430, binding = 7) readonly buffer KNew { float k_new[]; };
layout(std430, binding = 8) readonly buffer VNew { float v_new[]; };
layout(std430, binding = 9) readonly buffer Table { vec2 cos_sin[]; };
#endif

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_heads;
  uint n_kv_heads;
  uint head_dim;
  uint capacity;
  float scale;
  uint n_splits;
  uint n_rot;        // ROPE_STORE: rotated dimensions
  uint n_positions;  // ROPE_STORE: positions in the table
  uint window;       // sliding window: keys p - window + 1 .. p only (0: every key)
  float softcap;     // score = softcap * tanh(score / softcap) (0: none)
  float temperature; // score *= 1 + temperature * ln(1 + floor(p / temperature_length))
  uint temperature_length;
  uint use_sinks;    // 1: sinks[head] joins the denominator (in attention_combine.comp when split)
} pc;

#include "reduce.glsl"

const float LOWEST = -3.0e38;  // below every finite score, without relying on infinities

shared float query[WORKGROUP_SIZE];
shared float weights[WORKGROUP_SIZE];
shared float partial_out[WORKGROUP_SIZE];

#ifdef ROPE_STORE
shared float own_k[WORKGROUP_SIZE];  // the new position's key and value (f16-rounded)
shared float own_v[WORKGROUP_SIZE];

float to_f16(float v) { return unpackHalf2x16(packHalf2x16(vec2(v, 0.0))).x; }

// Element d of a head after RoPE at position, from its value and its pair partner's
// (pairs as in rope_store.comp); NaN past the table.
uint rope_partner(uint d) {
#if defined(ROPE_NORMAL)
  return d % 2u == 0u ? d + 1u : d - 1u;
#elif defined(ROPE_NEOX)
  const uint half_rot = pc.n_rot / 2u;
  return d < half_rot ? d + half_rot : d - half_rot;
#else
#error "ROPE_STORE needs ROPE_NORMAL or ROPE_NEOX"
#endif
}
float rope_element(float value, float partner, uint d, uint position) {
  if (d >= pc.n_rot) {
    return value;
  }
  if (position >= pc.n_positions) {
    return uintBitsToFloat(0x7fc00000u);
  }
#if defined(ROPE_NORMAL)
  const uint pair = d / 2u;
  const bool first = d % 2u == 0u;
#else
  const uint pair = d % (pc.n_rot / 2u);
  const bool first = d < pc.n_rot / 2u;
#endif
  const vec2 cs = cos_sin[position * (pc.n_rot / 2u) + pair];
  return first ? value * cs.x - partner * cs.y : partner * cs.y + value * cs.x;
}
#endif

void main() {
  const uint head = gl_WorkGroupID.x;
  const uint token = gl_WorkGroupID.y;
  const uint tid = gl_LocalInvocationIndex;
  const uint dim = pc.head_dim;
  const uint kv_head = head / (pc.n_heads / pc.n_kv_heads);
  const uint q_base = (token * pc.n_heads + head) * dim;
  const uint cache_base = kv_head * pc.capacity * dim;

  const uint position = positions[token];
  if (position >= pc.capacity) {
    // NaN, directly or through every split's partial (m = 0, l = 1, acc = NaN).
    const float nan = uintBitsToFloat(0x7fc00000u);
    if (pc.n_splits == 1) {
      if (tid < dim) {
        result[q_base + tid] = nan;
      }
    } else {
      const uint p_base =
          ((token * pc.n_heads + head) * pc.n_splits + gl_WorkGroupID.z) * (dim + 2);
      if (tid < dim) {
        partials[p_base + tid] = nan;
      }
      if (tid == 0) {
        partials[p_base + dim] = 0.0;
        partials[p_base + dim + 1] = 1.0;
      }
    }
    return;  // uniform across the workgroup
  }
  const uint n_keys = position + 1;
  const uint window_start = pc.window > 0u && n_keys > pc.window ? n_keys - pc.window : 0u;
  const uint split = gl_WorkGroupID.z;
  const uint n_chunks = (n_keys - window_start + WORKGROUP_SIZE - 1) / WORKGROUP_SIZE;
  const uint chunks_per_split = (n_chunks + pc.n_splits - 1) / pc.n_splits;
  const uint first_key = window_start + min(split * chunks_per_split, n_chunks) * WORKGROUP_SIZE;
  const uint end_key = min(first_key + chunks_per_split * WORKGROUP_SIZE, n_keys);
  const float temperature =
      1.0 + pc.temperature * log(1.0 + floor(float(position) / float(pc.temperature_length)));
  const float score_scale = pc.scale * temperature;

#ifdef ROPE_STORE
  if (tid < dim) {
    const uint partner = rope_partner(tid);
    query[tid] = rope_element(q[q_base + tid], q[q_base + partner], tid, position);
    const uint kv_base = (token * pc.n_kv_heads + kv_head) * dim;
    own_k[tid] = to_f16(rope_element(k_new[kv_base + tid], k_new[kv_base + partner], tid, position));
    own_v[tid] = to_f16(v_new[kv_base + tid]);
    if (head % (pc.n_heads / pc.n_kv_heads) == 0u && split == 0u) {
      k_cache[cache_base + position * dim + tid] = float16_t(own_k[tid]);
      v_cache[cache_base + position * dim + tid] = float16_t(own_v[tid]);
    }
  }
  barrier();  // query, own_k, own_v: written above, read by every invocation below
#else
  if (tid < dim) {
    query[tid] = q[q_base + tid];
  }
  barrier();  // query: written above, read by every invocation's score
#endif

  const uint groups = WORKGROUP_SIZE / dim;
  const uint group = tid / dim;
  const uint d = tid % dim;

  float running_max = LOWEST;
  float denom = 0.0;  // this invocation's share of sum_j exp(score_j - running_max)
  float acc = 0.0;    // group's share of sum_j exp(score_j - running_max) v[j][d]
  for (uint start = first_key; start < end_key; start += WORKGROUP_SIZE) {
    const uint key = start + tid;
    float score = LOWEST;
    if (key < end_key) {
      const uint k_base = cache_base + key * dim;
      float dot_qk = 0.0;
#ifdef ROPE_STORE
      if (key == position) {
        for (uint i = 0; i < dim; ++i) {
          dot_qk += query[i] * own_k[i];
        }
      } else
#endif
      for (uint i = 0; i < dim; ++i) {
        dot_qk += query[i] * float(k_cache[k_base + i]);
      }
      score = score_scale * dot_qk;
      if (pc.softcap > 0.0) {
        // Clamped: some drivers build tanh from exp, which overflows to inf / inf; tanh(15) is 1 in f32.
        score = pc.softcap * tanh(clamp(score / pc.softcap, -15.0, 15.0));
      }
    }
    const float new_max = max(running_max, workgroup_max(score));
    const float rescale = exp(running_max - new_max);
    const float weight = key < end_key ? exp(score - new_max) : 0.0;
    weights[tid] = weight;
    denom = denom * rescale + weight;
    running_max = new_max;
    barrier();  // weights: written above, read by every group below

    acc *= rescale;
    if (group < groups) {
      const uint chunk = min(WORKGROUP_SIZE, end_key - start);
      for (uint j = group; j < chunk; j += groups) {
#ifdef ROPE_STORE
        const float value =
            start + j == position ? own_v[d] : float(v_cache[cache_base + (start + j) * dim + d]);
#else
        const float value = float(v_cache[cache_base + (start + j) * dim + d]);
#endif
        acc += weights[j] * value;
      }
    }
    barrier();  // weights: read above before the next chunk overwrites them
  }
  denom = workgroup_sum(denom);

  partial_out[tid] = group < groups ? acc : 0.0;
  barrier();  // partial_out: written above, summed over groups below
  if (tid < dim) {
    float total = 0.0;
    for (uint g = 0; g < groups; ++g) {
      total += partial_out[g * dim + tid];
    }
    if (pc.n_splits == 1) {
      if (pc.use_sinks != 0u) {
        // Rescaled to m = max(running_max, sink) so that a large sink cannot overflow.
        const float sink = sinks[head];
        const float m = max(running_max, sink);
        const float rescale = exp(running_max - m);
        result[q_base + tid] = total * rescale / (denom * rescale + exp(sink - m));
      } else {
        result[q_base + tid] = total / denom;
      }
    } else {
      // A split without keys leaves (0, LOWEST, 0): weight exp(LOWEST - max) = 0 in the merge.
      const uint p_base = ((token * pc.n_heads + head) * pc.n_splits + split) * (dim + 2);
      partials[p_base + tid] = total;
      if (tid == 0) {
        partials[p_base + dim] = running_max;
        partials[p_base + dim + 1] = denom;
      }
    }
  }
}
