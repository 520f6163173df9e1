#pragma once
// RMSNorm with its weight fused in, optionally with the residual add before it
// (shaders/rms_norm.comp).

#include <cstdint>
#include <optional>

#include "kernels/ops_dispatch.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// out[r][i] = x[r][i] / sqrt(mean_k x[r][k]^2 + eps) * weight[i] for rows r of n f32 values;
// weight is n f32. x and out may be the same view. Also the per-head QK-norm (rows = tokens *
// heads, n = head_dim).
void rms_norm(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView weight,
              vk::BufferView out, uint32_t rows, uint32_t n, float eps,
              std::optional<Reduction> reduction = std::nullopt);

// The residual add fused in front: sum = x + residual (kept: the residual stream), then
// out = rms_norm(sum) * weight. One dispatch instead of add, barrier, norm. sum may be the same
// view as x (x += residual in place); out must be distinct from the others.
void add_rms_norm(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView residual,
                  vk::BufferView weight, vk::BufferView sum, vk::BufferView out, uint32_t rows,
                  uint32_t n, float eps, std::optional<Reduction> reduction = std::nullopt);

}  // namespace sikao::kernels
