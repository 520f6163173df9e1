#pragma once
// The SwiGLU gate, fused (shaders/silu_mul.comp).

#include <cstdint>

#include "vulkan/context.h"

namespace sikao::kernels {

// out[i] = silu(gate[i]) * up[i], silu(g) = g / (1 + exp(-g)), for n f32 values. out may be
// gate or up.
void silu_mul(vk::Context& ctx, vk::Sequence& seq, vk::BufferView gate, vk::BufferView up,
              vk::BufferView out, uint32_t n);

// The same with gate and up interleaved in one buffer of 2n floats, as a product with an
// interleaved gate/up matrix leaves them: out[i] = silu(gate_up[2i]) * gate_up[2i + 1].
void silu_mul_interleaved(vk::Context& ctx, vk::Sequence& seq, vk::BufferView gate_up,
                          vk::BufferView out, uint32_t n);

}  // namespace sikao::kernels
