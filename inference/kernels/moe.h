#pragma once
// Mixture-of-experts routing on the device (shaders/moe_*.comp): choosing each token's experts
// from the router's logits, grouping a batch's tokens by expert for the experts' matrix
// products, and mixing the experts' outputs back into the residual stream. The expert products
// themselves are matvec_experts (decode) and matmul_experts (prefill).

#include <cstdint>
#include <span>
#include <vector>

#include "vulkan/context.h"

namespace sikao::kernels {

enum class ExpertGating {
  SoftmaxThenTopK,  // p = softmax(logits) over all experts, the top n_used of p (qwen3moe)
  TopKThenSoftmax,  // the top n_used logits, then softmax over those (gpt-oss)
};

struct ExpertRouting {
  uint32_t n_expert = 0;
  uint32_t n_used = 0;
  ExpertGating gating = ExpertGating::SoftmaxThenTopK;
  bool normalize = false;  // SoftmaxThenTopK: weights divided by their sum (≥ 2⁻¹⁴)
  float scale = 1.0f;      // every weight multiplied by this
};

// For each of n_tokens rows of logits ([n_tokens][n_expert] f32): ids [n_tokens][n_used]
// (uint32, best first; ties go to the lower expert id, as in llama.cpp) and the mixing weights
// [n_tokens][n_used] (f32). Error(InvalidArgument) for n_used outside 1..min(n_expert, 64).
void route_experts(vk::Context& ctx, vk::Sequence& seq, vk::BufferView logits, vk::BufferView ids,
                   vk::BufferView weights, uint32_t n_tokens, const ExpertRouting& routing);

struct RoutedExperts {
  std::vector<uint32_t> ids;
  std::vector<float> weights;
};
// The plain C++ reference of route_experts (double arithmetic).
RoutedExperts route_experts_reference(std::span<const float> logits, uint32_t n_tokens,
                                      const ExpertRouting& routing);

// Bytes of the expert_rows buffer group_by_expert fills for a batch of n_tokens.
uint64_t expert_rows_bytes(uint32_t n_tokens, uint32_t n_expert);

// Groups the pairs p = token · n_used + slot of a batch by expert: expert_rows[e] is expert e's
// pair count, expert_rows[n_expert + e · n_tokens + i] its i-th pair (ascending) — the layout
// matmul_experts reads.
void group_by_expert(vk::Context& ctx, vk::Sequence& seq, vk::BufferView ids,
                     vk::BufferView expert_rows, uint32_t n_tokens, uint32_t n_used,
                     uint32_t n_expert);

// x[t, c] += Σ_s weights[t · n_used + s] · y[t · n_used + s, c] for n_tokens rows of n_embd.
void mix_experts(vk::Context& ctx, vk::Sequence& seq, vk::BufferView y, vk::BufferView weights,
                 vk::BufferView x, uint32_t n_tokens, uint32_t n_used, uint32_t n_embd);

} // namespace sikao::kernels
