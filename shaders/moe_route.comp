#version 450
// Mixture-of-experts routing: for each token, the n_used experts of n_expert with the highest
// score, in descending order (ties: the lower expert id first, as llama.cpp's argsort), and
// their mixing weights. One invocation per token; n_expert is small (8-512) and n_used ≤ 32.
//
//   SOFTMAX_THEN_TOP_K (qwen3moe): p = softmax(logits) over all experts; the top n_used of p;
//     weights w_j = p_{e_j}, divided by max(Σ_j w_j, 2⁻¹⁴) where NORMALIZE.
//   otherwise (gpt-oss): the top n_used of the logits; w = softmax of the chosen logits.
//   Each weight is then multiplied by scale.
//
// The top-k is taken by repeated selection: the j-th choice is the best (score, id) that ranks
// below the (j-1)-th in the order (score descending, id ascending), so no "taken" marks are
// needed.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(constant_id = 1) const bool SOFTMAX_THEN_TOP_K = true;
layout(constant_id = 2) const bool NORMALIZE = false;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Logits { float logits[]; };
layout(std430, binding = 1) writeonly buffer Ids { uint ids[]; };
layout(std430, binding = 2) buffer Weights { float weights[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_expert;
  uint n_used;
  float scale;
} pc;

void main() {
  const uint t = gl_GlobalInvocationID.x;
  if (t >= pc.n_tokens) {
    return;
  }
  const uint base = t * pc.n_expert;
  float max_logit = logits[base];
  for (uint e = 1u; e < pc.n_expert; ++e) {
    max_logit = max(max_logit, logits[base + e]);
  }
  // The score is exp(l − max) (over Σ for SOFTMAX_THEN_TOP_K, applied below): the same order
  // as the probabilities, and the values llama.cpp compares.
  float denominator = 0.0;
  for (uint e = 0u; e < pc.n_expert; ++e) {
    denominator += exp(logits[base + e] - max_logit);
  }
  float previous_score = 0.0;
  uint previous_id = 0u;
  float sum = 0.0;
  for (uint j = 0u; j < pc.n_used; ++j) {
    bool found = false;
    float best_score = 0.0;
    uint best_id = 0u;
    for (uint e = 0u; e < pc.n_expert; ++e) {
      const float score = SOFTMAX_THEN_TOP_K ? exp(logits[base + e] - max_logit) / denominator
                                             : logits[base + e];
      const bool below_previous =
          j == 0u || score < previous_score || (score == previous_score && e > previous_id);
      if (below_previous && (!found || score > best_score)) {  // strict: the lower id keeps a tie
        found = true;
        best_score = score;
        best_id = e;
      }
    }
    ids[t * pc.n_used + j] = best_id;
    const float w = SOFTMAX_THEN_TOP_K ? best_score : exp(best_score - max_logit);
    weights[t * pc.n_used + j] = w;
    sum += w;
    previous_score = best_score;
    previous_id = best_id;
  }
  float divisor = 1.0;
  if (!SOFTMAX_THEN_TOP_K) {
    divisor = sum;  // the softmax over the chosen logits
  } else if (NORMALIZE) {
    divisor = max(sum, 6.103515625e-5);
  }
  for (uint j = 0u; j < pc.n_used; ++j) {
    weights[t * pc.n_used + j] = weights[t * pc.n_used + j] / divisor * pc.scale;
  }
}
