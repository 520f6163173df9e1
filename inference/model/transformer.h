#pragma once
// The forward pass of a decoder-only transformer as a sequence of kernel dispatches, recorded
// into Vulkan command buffers. What varies between architectures is data in ModelConfig (the
// row of its architecture and the file's keys), read here:
//
//   x = embed(tokens) · embedding_scale                        (Gemma √n_embd, Granite µP)
//   for each layer:                                            attention block:
//     h = rmsnorm(x) · attn_norm
//     q, k, v = h Wq (+bq), h Wk (+bk), h Wv (+bv)             bias: qwen2
//     q, k = rmsnorm_per_head(q, k)                            QK-norm: qwen3, gemma3
//     q, k = rope(q, k, positions)                             the layer's RoPE table
//     kv_cache[layer][positions] = k, v
//     o = attention(q, kv_cache[layer]) Wo (+bo)               the layer's window, scale, caps,
//                                                              sinks (gpt-oss, with bo)
//     x = x + residual_scale · o    (or x + rmsnorm(o) · attn_post_norm: Gemma)
//                                                              FFN block:
//     h = rmsnorm(x) · ffn_norm
//     f = (act(h Wgate) ⊙ h Wup) Wdown                         act: silu, or gelu (Gemma)
//     x = x + residual_scale · f    (or x + rmsnorm(f) · ffn_post_norm)
//     or, for a mixture of experts:                            qwen3moe, gpt-oss
//     chosen, w = route(h Wrouter (+br))                       n_used of n_expert, on the device
//     x = x + Σ_s w_s · (act(h Wgate_s) ⊙ h Wup_s) Wdown_s     gpt-oss: each with its expert's
//                                                              bias, act = clamped SwiGLU
//   logits = softcap(logit_scale · (rmsnorm(x) · output_norm) Wout)
//
// A hybrid (Qwen3.5) replaces the attention block of three layers in four by a Gated DeltaNet
// block (kernels/delta_net.h), whose recurrent state — a convolution window and a D_K × D_V
// matrix per value head — is carried across batches instead of a KV cache:
//     h = rmsnorm(x) · attn_norm
//     c = silu(causal_conv(h Wqkv, conv_state))                q, k, v
//     o = gated_delta_rule(c, S; β = σ(h Wβ), g = softplus(h Wα + dt_bias) · a)
//     x = x + (rmsnorm(o) · ssm_norm ⊙ silu(h Wz)) Wout
// and its attention layers multiply the attention output by σ(h Wgate) before Wo.
//
// Decode (one token) is recorded once and replayed for every token: the token id and position
// are read from small host-visible buffers rewritten before each submission, so a token costs
// one vkQueueSubmit. Prefill records one pass per batch of up to max_batch tokens, using the
// matrix-matrix kernels (and the chunked form of the gated delta rule).
//
// Fusions (each saves dispatches of the decode step): the residual adds (and their scale) are
// accumulating output projections (x += attn Wo, x += ffn Wdown); for one token the RMSNorms are
// folded into the matvecs that read them, q/k/v are one matvec and gate/up one gated matvec where
// the weights allow (ModelWeights), and RoPE and the KV-cache store run inside attention. A
// llama layer of the decode step is 5 dispatches: qkv, attention, o, gate·up, down; a Gemma 3
// layer 11 (the QK-norms and the two post-norms with their adds). A mixture-of-experts FFN is 4
// dispatches for one token (router, routing, the chosen experts' gate·up, their down projection
// mixed into x) and groups a batch's tokens by expert for prefill (kernels/moe.h). A Qwen3.5
// DeltaNet layer is 6 (its four input projections as one matvec where their layouts allow, the
// convolution, the delta rule with its norms and gates, the output projection) plus its FFN's 2;
// the shared expert of Qwen3.5 MoE adds 5.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "kernels/attention.h"
#include "kernels/matvec.h"
#include "model/model_config.h"
#include "model/weights.h"
#include "vulkan/context.h"

namespace sikao::model {

// The KV cache a Transformer allocates for a context of context_length positions (its attention
// layers only).
kernels::KvCacheShape kv_cache_shape(const ModelConfig& config, uint32_t context_length);

// Where a DeltaNet layer's recurrent state sits: layer slot s's convolution state at
// s · layer_bytes, its delta-rule state delta_offset after that.
struct RecurrentStateLayout {
  uint64_t conv_bytes = 0, delta_bytes = 0;
  uint64_t delta_offset = 0;
  uint64_t layer_bytes = 0;
  uint64_t total_bytes = 0;
};
RecurrentStateLayout recurrent_state_layout(const ModelConfig& config);

class Transformer {
 public:
  Transformer(vk::Context& ctx, const ModelConfig& config, const ModelWeights& weights,
              uint32_t context_length, uint32_t max_batch = 256);
  ~Transformer();

  // Evaluates tokens at positions first_position, first_position + 1, ... (any count; batched
  // internally) and returns the logits of the last token, or of every token when all_logits
  // (n_tokens × n_vocab, row-major).
  // With `profile`, each batch is recorded with a timestamp after every operation and their
  // times are appended to it (a development tool, as profile_decode).
  std::vector<float> prefill(std::span<const int32_t> tokens, uint32_t first_position,
                             bool all_logits,
                             std::vector<vk::Sequence::OperationTime>* profile = nullptr);

  // Evaluates one token at position and returns its logits (valid until the next call).
  std::span<const float> decode(int32_t token, uint32_t position);
  // Runs a prefill batch of token 0 (64 tokens on GPUs, a SIMD width of them on CPU devices; at
  // most max_batch and the context) and a decode step, so that the pipelines a prompt and its
  // answer use are built and compiled before they are needed (on lavapipe with an empty shader
  // cache they take ~20 s for a 0.5B model). Overwrites the start of the KV cache and the
  // recurrent state: continue at position 0.
  // Returns early, before either pass, once keep_going() is false. A short prompt may still
  // need a variant or two (GPU matmul tiles narrower than 64 tokens; on CPU devices attention
  // for fewer tokens than lanes, and the GPU matmul of types without a CPU kernel).
  void build_pipelines(const std::function<bool()>& keep_going);
  // The same step recorded apart with a timestamp after every operation (a development tool:
  // the cost of one decode step by kernel). Its logits are not returned.
  std::vector<vk::Sequence::OperationTime> profile_decode(int32_t token, uint32_t position);

  // A KV cache is rewound by writing over it; a recurrent state (DeltaNet layers) cannot be:
  // it holds exactly the tokens evaluated since position 0, and prefill / decode must continue
  // at recurrent_position() or start again at 0 (Error(Internal) otherwise). Snapshots of the
  // state let a conversation go back to an earlier point without re-reading it.
  bool recurrent() const;
  uint32_t recurrent_position() const { return recurrent_position_; }
  // Keeps a copy of the state at recurrent_position() (the k_max_snapshots most recent).
  void save_snapshot();
  // Goes back to the latest point at or before `position` the state can be restored to (the
  // live state, a snapshot, or 0), returns it, and forgets the snapshots after `position`.
  // Without a recurrent state every position can be continued: returns `position`.
  uint32_t rewind(uint32_t position);
  static constexpr size_t k_max_snapshots = 2;

  uint32_t context_length() const { return context_length_; }
  uint64_t submissions() const { return submissions_; }  // vkQueueSubmit calls so far
  // Kernel dispatches in the recorded decode step (0 before the first decode).
  uint32_t decode_dispatches() const { return decode_seq_ ? decode_seq_->dispatch_count() : 0; }

 private:
  struct Activations;

  // Records the decode step into decode_seq_ once (it is submitted again for every token).
  void record_decode();
  // Records the forward pass of n_tokens tokens (ids and positions already in their buffers),
  // ending with the logits of the last logit_rows tokens in logits_host_.
  // reset_state: zero the recurrent state first (a prefill from position 0).
  void record(vk::Sequence& seq, uint32_t n_tokens, uint32_t logit_rows, bool reset_state = false,
              vk::Sequence::Profile profile = vk::Sequence::Profile::Off);
  // Checks and position bookkeeping shared by decode and profile_decode; writes the token and
  // position into their buffers.
  void prepare_decode(int32_t token, uint32_t position);
  void attention_block(vk::Sequence& seq, uint32_t layer, uint32_t n_tokens);
  void delta_net_block(vk::Sequence& seq, uint32_t layer, uint32_t n_tokens);
  // Throws unless the recurrent state can continue at `position` (see recurrent()).
  void check_recurrent_position(uint32_t position) const;
  void ffn_block(vk::Sequence& seq, uint32_t layer, uint32_t n_tokens);
  kernels::AttentionShape attention_shape(uint32_t layer, uint32_t n_tokens) const;
  // A block's input: x itself with the RMSNorm still to apply (folded into a matvec), or the
  // normed rows.
  struct NormedInput {
    vk::BufferView x;
    std::optional<kernels::MatvecNorm> norm;
  };
  NormedInput norm(vk::Sequence& seq, vk::BufferView x, vk::BufferView weight, uint32_t n);
  void project(vk::Sequence& seq, const kernels::WeightMatrix& w, const NormedInput& in,
               vk::BufferView y, uint32_t n,
               kernels::MatvecOutput output = kernels::MatvecOutput::Store,
               std::optional<vk::BufferView> bias = std::nullopt, float scale = 1.0f);
  void project_qkv(vk::Sequence& seq, const LayerWeights& w, const NormedInput& h, uint32_t n);
  // out = act(h Wgate) ⊙ (h Wup), n_ff wide.
  void gated_ffn(vk::Sequence& seq, const GatedFfn& w, const NormedInput& h, vk::BufferView out,
                 uint32_t n_ff, uint32_t n);
  void shared_expert_products(vk::Sequence& seq, const ExpertWeights& w, const NormedInput& h,
                              uint32_t n);
  void shared_expert_output(vk::Sequence& seq, const ExpertWeights& w, uint32_t n);
  void expert_ffn(vk::Sequence& seq, const ExpertWeights& w, const NormedInput& h, uint32_t n);
  void residual_output(vk::Sequence& seq, const kernels::WeightMatrix& w, vk::BufferView in,
                       std::optional<vk::BufferView> bias, std::optional<vk::BufferView> post_norm,
                       uint32_t n);
  void check_tokens(std::span<const int32_t> tokens, uint32_t first_position) const;
  void submit(vk::Sequence& seq);

  vk::Context& ctx_;
  const ModelConfig& config_;
  const ModelWeights& weights_;
  uint32_t context_length_;
  uint32_t max_batch_;
  kernels::KvCacheShape kv_shape_;
  std::unique_ptr<Activations> act_;
  std::unique_ptr<vk::Sequence> decode_seq_;
  uint64_t submissions_ = 0;
  uint32_t recurrent_position_ = 0;
  struct Snapshot {
    uint32_t position;
    vk::Buffer state;
  };
  std::vector<Snapshot> snapshots_;  // oldest first (saved, not by position)
};

} // namespace sikao::model
