#include "kernels/moe.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/ops_dispatch.h"

namespace sikao::kernels {
namespace {

constexpr uint32_t k_route_workgroup = 64;
constexpr uint32_t k_mix_workgroup = 256;
constexpr uint32_t k_max_used = 64;

// Spelled as in shaders/moe_route.comp, moe_group.comp and moe_mix.comp.
struct RoutePush {
  uint32_t n_tokens;
  uint32_t n_expert;
  uint32_t n_used;
  float scale;
};
struct GroupPush {
  uint32_t n_pairs;
  uint32_t n_expert;
  uint32_t row_capacity;
};
struct MixPush {
  uint32_t n_tokens;
  uint32_t n_embd;
  uint32_t n_used;
};

void check_routing(const ExpertRouting& r) {
  require(r.n_expert > 0 && r.n_used > 0 && r.n_used <= std::min(r.n_expert, k_max_used),
          "route_experts",
          fmt::format("{} of {} experts per token (at most {})", r.n_used, r.n_expert, k_max_used));
}

} // namespace

void route_experts(vk::Context& ctx, vk::Sequence& seq, vk::BufferView logits, vk::BufferView ids,
                   vk::BufferView weights, uint32_t n_tokens, const ExpertRouting& routing) {
  check_routing(routing);
  if (n_tokens == 0) {
    return;
  }
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      .shader = "moe_route",
      .spec_constants = {k_route_workgroup,
                         routing.gating == ExpertGating::SoftmaxThenTopK ? 1u : 0u,
                         routing.normalize ? 1u : 0u},
      .bindings = 3,
      .push_constant_bytes = sizeof(RoutePush)});
  seq.dispatch(pipeline, {logits, ids, weights},
               RoutePush{n_tokens, routing.n_expert, routing.n_used, routing.scale},
               static_cast<uint32_t>(ceil_div(n_tokens, k_route_workgroup)));
}

RoutedExperts route_experts_reference(std::span<const float> logits, uint32_t n_tokens,
                                      const ExpertRouting& routing) {
  check_routing(routing);
  const uint32_t n_expert = routing.n_expert, k = routing.n_used;
  require(logits.size() == size_t(n_tokens) * n_expert, "route_experts_reference",
          "logits must hold n_tokens × n_expert values");
  RoutedExperts out;
  out.ids.resize(size_t(n_tokens) * k);
  out.weights.resize(size_t(n_tokens) * k);
  for (uint32_t t = 0; t < n_tokens; ++t) {
    const std::span<const float> l = logits.subspan(size_t(t) * n_expert, n_expert);
    const double max = *std::max_element(l.begin(), l.end());
    std::vector<double> score(n_expert);
    double denominator = 0.0;
    for (uint32_t e = 0; e < n_expert; ++e) {
      denominator += std::exp(double(l[e]) - max);
    }
    for (uint32_t e = 0; e < n_expert; ++e) {
      score[e] = routing.gating == ExpertGating::SoftmaxThenTopK
                     ? std::exp(double(l[e]) - max) / denominator
                     : double(l[e]);
    }
    std::vector<uint32_t> order(n_expert);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return score[a] > score[b]; });
    double sum = 0.0;
    std::vector<double> w(k);
    for (uint32_t j = 0; j < k; ++j) {
      const uint32_t e = order[j];
      out.ids[size_t(t) * k + j] = e;
      w[j] = routing.gating == ExpertGating::SoftmaxThenTopK ? score[e]
                                                             : std::exp(double(l[e]) - max);
      sum += w[j];
    }
    double divisor = 1.0;
    if (routing.gating == ExpertGating::TopKThenSoftmax) {
      divisor = sum;
    } else if (routing.normalize) {
      divisor = std::max(sum, 6.103515625e-5);
    }
    for (uint32_t j = 0; j < k; ++j) {
      out.weights[size_t(t) * k + j] = float(w[j] / divisor * routing.scale);
    }
  }
  return out;
}

uint64_t expert_rows_bytes(uint32_t n_tokens, uint32_t n_expert) {
  return (uint64_t(n_expert) + uint64_t(n_expert) * n_tokens) * sizeof(uint32_t);
}

void group_by_expert(vk::Context& ctx, vk::Sequence& seq, vk::BufferView ids,
                     vk::BufferView expert_rows, uint32_t n_tokens, uint32_t n_used,
                     uint32_t n_expert) {
  require(n_expert > 0 && n_used > 0, "group_by_expert", "no experts");
  if (n_tokens == 0) {
    return;
  }
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      .shader = "moe_group",
      .spec_constants = {k_route_workgroup},
      .bindings = 2,
      .push_constant_bytes = sizeof(GroupPush)});
  seq.dispatch(pipeline, {ids, expert_rows}, GroupPush{n_tokens * n_used, n_expert, n_tokens},
               static_cast<uint32_t>(ceil_div(n_expert, k_route_workgroup)));
}

void mix_experts(vk::Context& ctx, vk::Sequence& seq, vk::BufferView y, vk::BufferView weights,
                 vk::BufferView x, uint32_t n_tokens, uint32_t n_used, uint32_t n_embd) {
  require(n_used > 0 && n_embd > 0, "mix_experts", "no experts or an empty row");
  if (n_tokens == 0) {
    return;
  }
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      .shader = "moe_mix",
      .spec_constants = {k_mix_workgroup},
      .bindings = 3,
      .push_constant_bytes = sizeof(MixPush)});
  const Grid grid = fold_grid(ceil_div(uint64_t(n_tokens) * n_embd, k_mix_workgroup), ctx.info(),
                              "mix_experts");
  seq.dispatch(pipeline, {y, weights, x}, MixPush{n_tokens, n_embd, n_used}, grid.x, grid.y);
}

} // namespace sikao::kernels
