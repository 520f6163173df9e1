#include "kernels/rope.h"

#include <fmt/format.h>

#include <algorithm>
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

std::pair<double, double> rope_yarn_dims(uint32_t n_rot, uint32_t original_context, double base,
                                         double beta_fast, double beta_slow) {
  // The dimension whose wavelength turns n_turns times in the original context.
  const auto dim = [&](double n_turns) {
    return n_rot * std::log(original_context / (n_turns * 2.0 * M_PI)) / (2.0 * std::log(base));
  };
  // llama.cpp computes these in f32; floor/ceil make the rounding irrelevant away from integers.
  const double lo = std::floor(static_cast<float>(dim(beta_fast)));
  const double hi = std::ceil(static_cast<float>(dim(beta_slow)));
  return {std::max(0.0, lo), std::min(double(n_rot) - 1.0, hi)};
}

std::vector<float> rope_identity_table(uint32_t n_rot, uint32_t n_positions) {
  require(n_rot > 0 && n_rot % 2 == 0, "rope_identity_table",
          fmt::format("n_rot must be even and positive, got {}", n_rot));
  std::vector<float> table(size_t(n_positions) * n_rot);
  for (size_t i = 0; i < table.size(); i += 2) {
    table[i] = 1.0f;
  }
  return table;
}

std::vector<float> rope_table(uint32_t n_rot, double base, uint32_t n_positions,
                              const RopeScaling& scaling) {
  require(n_rot > 0 && n_rot % 2 == 0, "rope_table",
          fmt::format("n_rot must be even and positive, got {}", n_rot));
  require(base > 0.0, "rope_table", fmt::format("base must be positive, got {}", base));
  require(scaling.freq_scale > 0.0, "rope_table",
          fmt::format("freq_scale must be positive, got {}", scaling.freq_scale));
  const uint32_t half = n_rot / 2;
  const std::vector<float>& factors = scaling.freq_factors;
  require(factors.empty() || factors.size() == half, "rope_table",
          fmt::format("{} freq factors for n_rot {} (want {})", factors.size(), n_rot, half));
  std::vector<double> inv_freq(half);
  std::vector<double> ramp(half, 0.0);  // r_i of YaRN
  for (uint32_t i = 0; i < half; ++i) {
    inv_freq[i] = std::pow(base, -2.0 * i / n_rot) / (factors.empty() ? 1.0 : factors[i]);
    if (scaling.ext_factor != 0.0) {
      const double y = (i - scaling.yarn_lo) / std::max(0.001, scaling.yarn_hi - scaling.yarn_lo);
      ramp[i] = (1.0 - std::clamp(y, 0.0, 1.0)) * scaling.ext_factor;
    }
  }
  std::vector<float> table(size_t(n_positions) * half * 2);
  for (uint32_t p = 0; p < n_positions; ++p) {
    for (uint32_t i = 0; i < half; ++i) {
      const double extrapolated = p * inv_freq[i];
      const double theta =
          scaling.freq_scale * extrapolated * (1.0 - ramp[i]) + extrapolated * ramp[i];
      table[(size_t(p) * half + i) * 2] = static_cast<float>(scaling.magnitude * std::cos(theta));
      table[(size_t(p) * half + i) * 2 + 1] =
          static_cast<float>(scaling.magnitude * std::sin(theta));
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
