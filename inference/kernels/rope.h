#pragma once
// Rotary position embedding on q and k in place (shaders/rope.comp).
//
// Pair i < n_rot/2 of every head of a token at position p is rotated by theta_i(p) on
// dimensions (2i, 2i+1) for RopeOrdering::Normal (llama) or (i, i + n_rot/2) for
// RopeOrdering::NeoX (qwen2, qwen3); dimensions n_rot..head_dim-1 are left as they are. With
//   e_i = p * base^(-2i / n_rot) / freq_factor_i      (freq factors: Llama 3.x, LongRoPE; else 1)
// the angle is theta_i = s * e_i for linear scaling (s = 1 / factor; s = 1 unscaled), and for YaRN
//   theta_i = s * e_i * (1 - r_i) + e_i * r_i,  r_i = ext * (1 - clamp((i - lo) / max(0.001, hi - lo), 0, 1))
// with lo, hi the dimensions whose wavelength fits beta_fast and beta_slow turns into the original
// context (rope_yarn_dims). Both cos and sin are multiplied by the magnitude factor m (YaRN's
// attention factor, LongRoPE's scale; 1 otherwise), so q·k scales by m². These are llama.cpp's
// formulas (ggml_rope_ext), so files made for it rotate the same.
//
// The angles' cos and sin come from a RopeTable computed on the host in double precision and
// uploaded once per model: GPU sin/cos are only accurate to ~2^-11 and an f32 angle at position
// 4000 is already off by ~1e-4, while the table is exact to f32 rounding. Positions are a buffer
// of uint32 per token, so a recorded sequence replays at new positions by rewriting it.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "vulkan/context.h"

namespace sikao::kernels {

enum class RopeOrdering { Normal, NeoX };

// How the angles are made: the defaults are plain RoPE.
struct RopeScaling {
  double freq_scale = 1.0;  // s: 1 / the scaling factor
  double ext_factor = 0.0;  // YaRN's extrapolation mix (1 with YaRN, 0 otherwise)
  double magnitude = 1.0;   // m: multiplies cos and sin
  double yarn_lo = 0.0, yarn_hi = 0.0;  // rope_yarn_dims
  std::vector<float> freq_factors;      // empty or n_rot/2 values
};

// YaRN's correction range [lo, hi] for n_rot dimensions trained on original_context positions
// (llama.cpp's ggml_rope_yarn_corr_dims): the dimension pairs whose wavelength spans beta_fast
// and beta_slow turns of the original context.
std::pair<double, double> rope_yarn_dims(uint32_t n_rot, uint32_t original_context, double base,
                                         double beta_fast, double beta_slow);

// A table that leaves every element as it is (cos 1, sin 0): the layers without RoPE (SmolLM3).
std::vector<float> rope_identity_table(uint32_t n_rot, uint32_t n_positions);

// cos/sin for positions 0..n_positions-1: table[(p * n_rot/2 + i) * 2 + {0, 1}] =
// m · {cos, sin}(theta_i(p)), f32, computed in double precision.
std::vector<float> rope_table(uint32_t n_rot, double base, uint32_t n_positions,
                              const RopeScaling& scaling = {});

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
