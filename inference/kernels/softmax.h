#pragma once
// Row softmax (shaders/softmax.comp).

#include <cstdint>
#include <optional>

#include "kernels/ops_dispatch.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// out[r][i] = exp(scale x[r][i] - m) / sum_k exp(scale x[r][k] - m), m the row's maximum of
// scale x, for rows r of n f32 values. x and out may be the same view.
void softmax(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView out,
             uint32_t rows, uint32_t n, float scale = 1.0f,
             std::optional<Reduction> reduction = std::nullopt);

}  // namespace sikao::kernels
