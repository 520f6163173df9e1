#pragma once
// Element-wise add, multiply, and multiply by a sigmoid gate (shaders/elementwise.comp):
// out[i] = a[i] (op) b[i % n_b] for i < n, f32 throughout; b is broadcast when shorter than a (a
// weight row applied to every row).

#include <cstdint>

#include "vulkan/context.h"

namespace sikao::kernels {

// Push constants of elementwise.comp, spelled as there.
struct ElementwisePush {
  uint32_t n;
  uint32_t n_b;
};

// Record one dispatch into `seq` (which must be recording). a and out hold n floats, b holds
// n_b floats (1 <= n_b <= n). out may alias a. One thread per element in a 1-D grid, so
// n <= 65535 * 256 (maxComputeWorkGroupCount.x guaranteed by Vulkan), and each view is within
// maxStorageBufferRange (32 Mi floats on lavapipe). Error(InvalidArgument) on sizes that do not
// fit.
void add(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
         vk::BufferView out, uint32_t n, uint32_t n_b);
void mul(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
         vk::BufferView out, uint32_t n, uint32_t n_b);
// out[i] = a[i] · sigmoid(b[i % n_b]): Qwen3.5's gated attention output.
void mul_sigmoid(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
                 vk::BufferView out, uint32_t n, uint32_t n_b);
// out[r][c] = a[r][c] · sigmoid(gates[r]) for rows of row_length: Qwen3.5 MoE's shared expert.
void mul_sigmoid_rows(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView gates,
                      vk::BufferView out, uint32_t rows, uint32_t row_length);

} // namespace sikao::kernels
