#pragma once
// The Gated DeltaNet (linear attention) kernels of Qwen3.5's hybrid layers: the causal depthwise
// convolution with its state (shaders/delta_net_conv.comp), and the gated delta rule with the
// L2 norms of q and k, the decay and β gates and the gated RMSNorm of its output, in one
// dispatch: token by token (the recurrent form, shaders/delta_net.comp) or a chunk of tokens at
// a time (the chunked form, shaders/delta_net_chunked.comp), the two giving the same outputs and
// state. The state is carried in a device buffer between dispatches of either form.

#include <cstdint>
#include <optional>

#include "kernels/ops_dispatch.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// The sizes of one Gated DeltaNet layer (GGUF ssm.* keys): H_K key heads of D_K
// (ssm.group_count, ssm.state_size), H_V value heads of D_V (ssm.time_step_rank,
// ssm.inner_size / H_V), a convolution of `conv_kernel` taps over q, k and v.
struct DeltaNetShape {
  uint32_t n_k_heads = 0;
  uint32_t d_k = 0;
  uint32_t n_v_heads = 0;
  uint32_t d_v = 0;
  uint32_t conv_kernel = 0;

  uint32_t key_width() const { return n_k_heads * d_k; }
  uint32_t value_width() const { return n_v_heads * d_v; }
  uint32_t conv_channels() const { return 2 * key_width() + value_width(); }
  // Floats of one layer's state: the convolution's last K−1 inputs, and S per value head.
  uint64_t conv_state_floats() const { return uint64_t(conv_channels()) * (conv_kernel - 1); }
  uint64_t delta_state_floats() const { return uint64_t(n_v_heads) * d_v * d_k; }
};

// The longest convolution, key head and chunk the shaders take.
constexpr uint32_t k_max_conv_kernel = 8;
constexpr uint32_t k_max_delta_key_length = 256;
constexpr uint32_t k_max_delta_chunk = 64;

// out[t][c] = silu(Σ_j weight[c][j] · window_t[j]) for n_tokens rows of `channels`, where
// window_t is the `kernel` inputs ending at token t (the first from `state`); `state` is left
// holding the last kernel − 1 inputs. weight: [channels][kernel] f32; state:
// [channels][kernel − 1]; x, out: [n][channels].
void delta_net_conv(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView weight,
                    vk::BufferView state, vk::BufferView out, uint32_t n_tokens,
                    uint32_t channels, uint32_t kernel);

// The gated delta rule over n_tokens (shaders/delta_net.comp states the math). x: the
// convolution's output [n][conv_channels]; z, out: [n][value_width]; beta, alpha: [n][H_V]
// (before their sigmoid and softplus); head_params: dt_bias [H_V] then a [H_V]; norm_weight:
// [D_V]; state: [H_V][D_V][D_K], updated in place.
struct DeltaNetInputs {
  vk::BufferView x, z, beta, alpha, head_params, norm_weight, state;
};
void delta_net(vk::Context& ctx, vk::Sequence& seq, const DeltaNetInputs& in, vk::BufferView out,
               uint32_t n_tokens, const DeltaNetShape& shape, float eps,
               std::optional<Reduction> reduction = std::nullopt);

// The same gated delta rule, the same inputs, outputs and state update, in chunks of `chunk`
// tokens (1 to k_max_delta_chunk; the last chunk may be shorter): per chunk a unit
// lower-triangular solve and a few matrix products instead of a per-token loop with its
// barriers, for prefill (shaders/delta_net_chunked.comp states the math).
void delta_net_chunked(vk::Context& ctx, vk::Sequence& seq, const DeltaNetInputs& in,
                       vk::BufferView out, uint32_t n_tokens, const DeltaNetShape& shape,
                       float eps, uint32_t chunk);

// The longest chunk delta_net_chunked can run on this device for this shape: the largest power
// of two up to k_max_delta_chunk whose shared memory fits (Qwen3.5's heads of 128: 16 in 32 or
// 48 KiB, 32 in 64 KiB); 0 when not even one token fits.
uint32_t delta_net_max_chunk(const vk::DeviceInfo& info, const DeltaNetShape& shape);

} // namespace sikao::kernels
