#pragma once
// Rotary position embedding on q and k in place (shaders/rope.comp).
//
// Pair i < n_rot/2 of every head of a token at position p is rotated by
//   theta_i(p) = p * base^(-2i / n_rot) / freq_factor_i        (freq factors: Llama 3.x; else 1)
// on dimensions (2i, 2i+1) for RopeOrdering::Normal (llama) or (i, i + n_rot/2) for
// RopeOrdering::NeoX (qwen2, qwen3); dimensions n_rot..head_dim-1 are left as they are.
//
// The angles' cos and sin come from a RopeTable computed on the host in double precision and
// uploaded once per model: GPU sin/cos are only accurate to ~2^-11 and an f32 angle at position
// 4000 is already off by ~1e-4, while the table is exact to f32 rounding. Positions are a buffer
// of uint32 per token, so a recorded sequence replays at new positions by rewriting it.

#include <cstdint>
#include <span>
#include <vector>

#include "vulkan/context.h"

namespace sikao::kernels {

enum class RopeOrdering { Normal, NeoX };

// cos/sin for positions 0..n_positions-1: table[(p * n_rot/2 + i) * 2 + {0, 1}] =
// {cos, sin}(theta_i(p)), f32. freq_factors is empty or n_rot/2 values.
std::vector<float> rope_table(uint32_t n_rot, double base, uint32_t n_positions,
                              std::span<const float> freq_factors = {});

struct RopeShape {
  uint32_t n_tokens = 0;
  uint32_t n_heads = 0;     // heads in q: [n_tokens][n_heads][head_dim] f32
  uint32_t n_kv_heads = 0;  // heads in k: [n_tokens][n_kv_heads][head_dim] f32; 0 = rotate q only
  uint32_t head_dim = 0;
  uint32_t n_rot = 0;  // even, <= head_dim; = head_dim for full rotation
};

// Rotates q and k in place in one dispatch. positions: n_tokens uint32; table: a rope_table of
// table_positions rows with this n_rot. A token whose position is >= table_positions gets NaN.
void rope(vk::Context& ctx, vk::Sequence& seq, RopeOrdering ordering, vk::BufferView q,
          vk::BufferView k, vk::BufferView positions, vk::BufferView table,
          uint32_t table_positions, const RopeShape& shape);

}  // namespace sikao::kernels
