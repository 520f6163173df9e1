#pragma once
// The gated FFN activations, fused (shaders/silu_mul.comp, activation.glsl), and the final
// logit soft-cap (shaders/softcap.comp).

#include <cstdint>

#include "vulkan/context.h"

namespace sikao::kernels {

// The gate's activation: SwiGLU (llama, qwen, most), GeGLU (Gemma) or gpt-oss's clamped SwiGLU.
//   Silu:      act(g) · u,  silu(g) = g / (1 + exp(-g))
//   Gelu:      act(g) · u,  gelu(g) = 0.5 g (1 + tanh(sqrt(2/pi) (g + 0.044715 g^3)))
//   SwiGluOai: g' · sigmoid(α g') · (u' + 1),  g' = min(g, L), u' = clamp(u, -L, L),
//              α = 1.702, L = 7 (the constants llama.cpp hard-codes for gpt-oss)
enum class GateActivation { Silu, Gelu, SwiGluOai };

// out[i] = act(gate[i]) * up[i] (SwiGluOai: its own product above) for n f32 values. out may be
// gate or up.
void gated_activation(vk::Context& ctx, vk::Sequence& seq, GateActivation act,
                      vk::BufferView gate, vk::BufferView up, vk::BufferView out, uint32_t n);

// The same with gate and up interleaved in one buffer of 2n floats, as a product with an
// interleaved gate/up matrix leaves them: out[i] = act(gate_up[2i]) * gate_up[2i + 1].
void gated_activation_interleaved(vk::Context& ctx, vk::Sequence& seq, GateActivation act,
                                  vk::BufferView gate_up, vk::BufferView out, uint32_t n);

// x[i] = cap * tanh(x[i] / cap) in place for n f32 values (cap > 0): Gemma 2's final logits.
void softcap(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, uint32_t n, float cap);

}  // namespace sikao::kernels
