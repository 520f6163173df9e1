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
//   out[t][h] = sum_j softmax_j(scale * q[t][h] . k[kvh][j]) v[kvh][j],  j = 0..p
// Layouts: q, out f32 [n_tokens][n_heads][head_dim]; k_cache, v_cache f16
// [n_kv_heads][capacity][head_dim] (kernels/attention.h).
//
// One workgroup per (head, token). Keys are taken WORKGROUP_SIZE at a time: invocation i scores
// key start+i, and the softmax is kept online (running maximum m, rescaling the partial sums by
// exp(m_old - m_new)) so any cache length works in fixed shared memory. For the value sum the
// workgroup is WORKGROUP_SIZE / head_dim groups of head_dim invocations; group g adds the
// chunk's keys g, g + groups, ... into its own accumulator and the groups are summed at the end.
// Requires head_dim <= WORKGROUP_SIZE. All arithmetic is f32.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 128;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Q { float q[]; };
layout(std430, binding = 1) readonly buffer KCache { float16_t k_cache[]; };
layout(std430, binding = 2) readonly buffer VCache { float16_t v_cache[]; };
layout(std430, binding = 3) readonly buffer Positions { uint positions[]; };
layout(std430, binding = 4) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_heads;
  uint n_kv_heads;
  uint head_dim;
  uint capacity;
  float scale;
} pc;

#include "reduce.glsl"

const float LOWEST = -3.0e38;  // below every finite score, without relying on infinities

shared float query[WORKGROUP_SIZE];
shared float weights[WORKGROUP_SIZE];
shared float partial_out[WORKGROUP_SIZE];

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
    if (tid < dim) {
      result[q_base + tid] = uintBitsToFloat(0x7fc00000u);  // NaN: no such cache position
    }
    return;  // uniform across the workgroup
  }
  const uint n_keys = position + 1;

  if (tid < dim) {
    query[tid] = q[q_base + tid];
  }
  barrier();  // query: written above, read by every invocation's score

  const uint groups = WORKGROUP_SIZE / dim;
  const uint group = tid / dim;
  const uint d = tid % dim;

  float running_max = LOWEST;
  float denom = 0.0;  // this invocation's share of sum_j exp(score_j - running_max)
  float acc = 0.0;    // group's share of sum_j exp(score_j - running_max) v[j][d]
  for (uint start = 0; start < n_keys; start += WORKGROUP_SIZE) {
    const uint key = start + tid;
    float score = LOWEST;
    if (key < n_keys) {
      const uint k_base = cache_base + key * dim;
      float dot_qk = 0.0;
      for (uint i = 0; i < dim; ++i) {
        dot_qk += query[i] * float(k_cache[k_base + i]);
      }
      score = pc.scale * dot_qk;
    }
    const float new_max = max(running_max, workgroup_max(score));
    const float rescale = exp(running_max - new_max);
    const float weight = key < n_keys ? exp(score - new_max) : 0.0;
    weights[tid] = weight;
    denom = denom * rescale + weight;
    running_max = new_max;
    barrier();  // weights: written above, read by every group below

    acc *= rescale;
    if (group < groups) {
      const uint chunk = min(WORKGROUP_SIZE, n_keys - start);
      for (uint j = group; j < chunk; j += groups) {
        acc += weights[j] * float(v_cache[cache_base + (start + j) * dim + d]);
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
    result[q_base + tid] = total / denom;
  }
}
