#pragma once
// Matrix-matrix product with quantised weights, for prefill: Y = X Wᵀ.

#include <cstdint>

#include "kernels/weights.h"
#include "vulkan/context.h"

namespace sikao::kernels {

enum class MatmulOutput {
  Store,       // Y = X Wᵀ
  Accumulate,  // Y += X Wᵀ: the residual add of a block fused into its output projection
};

// How the product is computed. Gpu and Cpu: matmul.comp's shared-memory tiles, each thread
// computing 4 × 4 of a tile (GPUs) or up to 16 × 16 (CPU devices). RowsPerInvocation:
// matmul_cpu.comp, each invocation whole rows for 8 tokens at a time with x as uniform
// buffers, for the types it decodes (row_per_invocation_matmul_applies). Auto: RowsPerInvocation
// on CPU devices where it applies, else Cpu or Gpu by the device's type. Tests force each, so
// that every kernel is checked on whatever device they have.
enum class MatmulThreadBlock { Auto, Gpu, Cpu, RowsPerInvocation };

// Whether matmul_cpu.comp can compute a product of this type with n_cols columns on the device.
bool row_per_invocation_matmul_applies(const vk::DeviceInfo& info, gguf::TensorType type,
                                       uint32_t n_cols);

// Y[t, r] = Σ_c W[r, c] · X[t, c] for n_tokens tokens: X is [n_tokens][w.n_cols] floats,
// Y [n_tokens][w.n_rows] floats, both row-major. Tiled in shared memory, f32 accumulation; one
// dispatch per binding window of w (max_binding_bytes = 0 means the device limit). Each product
// is multiplied by output_scale before the store or add (Granite's residual multiplier).
void matmul(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, uint32_t n_tokens, uint64_t max_binding_bytes = 0,
            MatmulOutput output = MatmulOutput::Store,
            MatmulThreadBlock block = MatmulThreadBlock::Auto, float output_scale = 1.0f);

// The chosen experts' products for a batch (prefill), each expert over only its own tokens:
// for every expert e and every pair p in its list in expert_rows (kernels/moe.h
// group_by_expert, for n_tokens tokens), Y[p, r] = Σ_c W_e[r, c] · X[p / x_row_divisor, c]
// (+ b_e[r] where the experts have biases, ExpertMatrices::bias).
// X rows are w.w.n_cols floats, Y rows w.w.n_rows floats. One dispatch per storage binding of
// whole experts (expert_windows; one unless the tensor is larger than maxStorageBufferRange or
// max_binding_bytes, when not 0).
void matmul_experts(vk::Context& ctx, vk::Sequence& seq, const ExpertMatrices& w,
                    vk::BufferView expert_rows, uint32_t n_tokens, uint32_t x_row_divisor,
                    vk::BufferView x, vk::BufferView y,
                    MatmulThreadBlock block = MatmulThreadBlock::Auto,
                    uint64_t max_binding_bytes = 0);

} // namespace sikao::kernels
