#include "kernels/rope.h"

#include <fmt/format.h>

#include <cmath>

#include "kernels/ops_dispatch.h"

namespace sikao::kernels {

namespace {

constexpr uint32_t k_workgroup = 256;

// Spelled as in shaders/rope.comp.
struct PushConstants {
  uint32_t n_tokens;
  uint32_t n_heads;
  uint32_t n_kv_heads;
  uint32_t head_dim;
  uint32_t n_rot;
  uint32_t n_positions;
};

}  // namespace

std::vector<float> rope_table(uint32_t n_rot, double base, uint32_t n_positions,
                              std::span<const float> freq_factors) {
  require(n_rot > 0 && n_rot % 2 == 0, "rope_table",
          fmt::format("n_rot must be even and positive, got {}", n_rot));
  require(base > 0.0, "rope_table", fmt::format("base must be positive, got {}", base));
  const uint32_t half = n_rot / 2;
  require(freq_factors.empty() || freq_factors.size() == half, "rope_table",
          fmt::format("{} freq factors for n_rot {} (want {})", freq_factors.size(), n_rot, half));
  std::vector<double> inv_freq(half);
  for (uint32_t i = 0; i < half; ++i) {
    inv_freq[i] = std::pow(base, -2.0 * i / n_rot) / (freq_factors.empty() ? 1.0 : freq_factors[i]);
  }
  std::vector<float> table(size_t(n_positions) * half * 2);
  for (uint32_t p = 0; p < n_positions; ++p) {
    for (uint32_t i = 0; i < half; ++i) {
      const double theta = p * inv_freq[i];
      table[(size_t(p) * half + i) * 2] = static_cast<float>(std::cos(theta));
      table[(size_t(p) * half + i) * 2 + 1] = static_cast<float>(std::sin(theta));
    }
  }
  return table;
}

void rope(vk::Context& ctx, vk::Sequence& seq, RopeOrdering ordering, vk::BufferView q,
          vk::BufferView k, vk::BufferView positions, vk::BufferView table,
          uint32_t table_positions, const RopeShape& s) {
  require(s.n_tokens > 0 && s.n_heads > 0, "rope", "n_tokens and n_heads must be positive");
  require(
      s.n_rot > 0 && s.n_rot % 2 == 0 && s.n_rot <= s.head_dim, "rope",
      fmt::format("n_rot {} must be even, positive and at most head_dim {}", s.n_rot, s.head_dim));
  const vk::Pipeline& pipeline = ctx.pipeline(
      vk::PipelineDesc{.shader = ordering == RopeOrdering::Normal ? "rope_normal" : "rope_neox",
                       .spec_constants = {k_workgroup},
                       .bindings = 4,
                       .push_constant_bytes = sizeof(PushConstants)});
  const uint64_t pairs = uint64_t(s.n_tokens) * (s.n_heads + s.n_kv_heads) * (s.n_rot / 2);
  require(pairs <= UINT32_MAX, "rope", "too many elements for 32-bit indexing");
  const Grid grid = fold_grid(ceil_div(pairs, k_workgroup), ctx.info(), "rope");
  // With no k heads the k binding is never read; q stands in so the binding is valid.
  const vk::BufferView k_binding = s.n_kv_heads > 0 ? k : q;
  seq.dispatch(
      pipeline, {q, k_binding, positions, table},
      PushConstants{s.n_tokens, s.n_heads, s.n_kv_heads, s.head_dim, s.n_rot, table_positions},
      grid.x, grid.y);
}

}  // namespace sikao::kernels
