#pragma once
// The gated FFN activations, fused (shaders/silu_mul.comp, activation.glsl), and the final
// logit soft-cap (shaders/softcap.comp).

#include <cstdint>

#include "vulkan/context.h"

namespace sikao::kernels {

// The gate's activation: SwiGLU (llama, qwen, most) or GeGLU (Gemma).
//   silu(g) = g / (1 + exp(-g))
//   gelu(g) = 0.5 g (1 + tanh(sqrt(2/pi) (g + 0.044715 g^3)))
enum class GateActivation { Silu, Gelu };

// out[i] = act(gate[i]) * up[i] for n f32 values. out may be gate or up.
void gated_activation(vk::Context& ctx, vk::Sequence& seq, GateActivation act,
                      vk::BufferView gate, vk::BufferView up, vk::BufferView out, uint32_t n);

// The same with gate and up interleaved in one buffer of 2n floats, as a product with an
// interleaved gate/up matrix leaves them: out[i] = act(gate_up[2i]) * gate_up[2i + 1].
void gated_activation_interleaved(vk::Context& ctx, vk::Sequence& seq, GateActivation act,
                                  vk::BufferView gate_up, vk::BufferView out, uint32_t n);

// x[i] = cap * tanh(x[i] / cap) in place for n f32 values (cap > 0): Gemma 2's final logits.
void softcap(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, uint32_t n, float cap);

}  // namespace sikao::kernels
