#pragma once
// A model's tensors in device memory (a mixture's experts in system memory where WeightPlacement
// says so), uploaded once from the GGUF file (read, not mapped): each matrix as raw GGUF blocks
// (the weight kernels decode them), each norm weight and bias as f32.
// Which tensors there are comes from model_tensors (model_config.h).
//
// Matrices that read the same input are laid out so that one decode matvec does them all:
// q, k and v back to back (attn_qkv, with attn_q/k/v views into it; Phi-3 files store them so),
// gate and up interleaved row by row (ffn_gate_up, for the gated matvec; Phi-3's ffn_up holds
// gate then up and is interleaved the same way). Only where they share a weight type and row
// length (a Q4_K_M file may store some layers' attn_v as Q6_K) and, for q/k/v, where each part
// starts at a legal binding offset (qkv_layout); otherwise they stay separate.

#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "gguf/gguf.h"
#include "kernels/weights.h"
#include "model/model_config.h"
#include "vulkan/context.h"

namespace sikao::model {

// q, k and v of n tokens in one activation buffer: back to back, so that for one token the
// fused q/k/v matvec (LayerWeights::attn_qkv) writes all three, unless the device's binding
// alignment forbids k's or v's offset; then each starts at the next aligned offset, and the
// weights are not fused either (fused is false for n = 1).
struct QkvLayout {
  uint64_t q_bytes = 0, kv_bytes = 0;
  uint64_t k_offset = 0, v_offset = 0;
  uint64_t total_bytes = 0;
  bool fused = false;  // the three are contiguous
};
QkvLayout qkv_layout(const vk::DeviceInfo& info, const ModelConfig& c, uint32_t n_tokens);

// A gated FFN, act(h Wgate) ⊙ (h Wup) then Wdown: rows gate 0, up 0, gate 1, up 1, … in
// gate_up where gate and up share a type and row length; otherwise gate and up hold them.
struct GatedFfn {
  std::optional<kernels::WeightMatrix> gate_up;
  kernels::WeightMatrix gate, up, down;
};

// A mixture-of-experts FFN: the router (f32, n_expert rows) and the experts' matrices, gate and
// up interleaved row by row within each expert where they share a type (gate_up), as for the
// dense FFN.
// Where the experts have biases (gpt-oss) they travel with their matrices (ExpertMatrices::bias,
// interleaved as the rows are in gate_up).
struct ExpertWeights {
  kernels::WeightMatrix router;
  std::optional<vk::BufferView> router_bias;  // gpt-oss
  std::optional<kernels::ExpertMatrices> gate_up;
  kernels::ExpertMatrices gate, up, down;  // gate and up only without gate_up
  // Qwen3.5 MoE: the shared expert, and its gate (one row of n_embd f32: σ(h · gate) scales it).
  std::optional<GatedFfn> shared;
  kernels::WeightMatrix shared_gate;
};

// Where the weights live. Everything is device-local unless that would exceed the device-memory
// budget; then whole expert tensors (a layer's gate and up together, as they are interleaved, and
// its down) move to host-visible system memory that the GPU reads over the bus, largest first,
// until the rest fits. Only the chosen experts' rows cross the bus for a token.
struct WeightPlacement {
  std::set<std::string> host_tensors;  // names of the tensors placed in system memory
  uint64_t device_bytes = 0;           // weights in device memory
  uint64_t host_bytes = 0;             // weights in system memory
};

// `reserved`: device memory the budget must also hold (the KV cache). Error(OutOfMemory) naming
// the sizes, before anything is allocated, when what must stay on the device does not fit.
WeightPlacement place_weights(const gguf::GgufFile& file, const ModelConfig& config,
                              uint64_t budget, uint64_t reserved);

// A Gated DeltaNet layer (kernels/delta_net.h): its four projections of the normed input (q/k/v
// for the convolution, the output gate z, β and α), the convolution's taps, dt_bias and a back to
// back (head_params), the gated norm's weight, and the output projection.
struct DeltaNetWeights {
  kernels::WeightMatrix qkv, gate, beta, alpha, out;
  vk::BufferView conv, head_params, norm;
  // The four projections' rows back to back, for one decode matvec, where they share a type and
  // row length and delta_net_input_layout(…).fused (qkv, gate, beta and alpha are views into it).
  std::optional<kernels::WeightMatrix> input;
};

// One token's four DeltaNet projections in one activation buffer: q/k/v, then z, β and α, each
// part where a binding may start (the fused matvec writes them all; the kernels bind each).
struct DeltaNetInputLayout {
  uint64_t z_offset = 0, beta_offset = 0, alpha_offset = 0, total_bytes = 0;
  bool fused = false;  // back to back, every part at a legal binding offset
};
DeltaNetInputLayout delta_net_input_layout(const vk::DeviceInfo& info, const ModelConfig& c);

struct LayerWeights {
  vk::BufferView attn_norm;
  kernels::WeightMatrix attn_q, attn_k, attn_v, attn_output;
  std::optional<vk::BufferView> attn_output_bias;  // gpt-oss
  std::optional<vk::BufferView> attn_sinks;        // gpt-oss: one logit per head
  std::optional<kernels::WeightMatrix> attn_qkv;  // rows of q, k, v back to back
  std::optional<vk::BufferView> attn_q_bias, attn_k_bias, attn_v_bias;  // qwen2
  std::optional<vk::BufferView> attn_qkv_bias;  // the three back to back, with attn_qkv
  std::optional<vk::BufferView> attn_q_norm, attn_k_norm;               // QK-norm
  std::optional<vk::BufferView> attn_post_norm;                         // Gemma
  // Gated attention (Qwen3.5): the gate rows of attn_q, one per query element, taken out of it.
  std::optional<kernels::WeightMatrix> attn_gate;
  std::optional<DeltaNetWeights> delta_net;  // in place of the attention
  vk::BufferView ffn_norm;
  GatedFfn ffn;
  std::optional<vk::BufferView> ffn_post_norm;                          // Gemma
  std::optional<ExpertWeights> experts;  // in place of the dense FFN
};

class ModelWeights {
 public:
  // progress(fraction) returning false cancels the upload (Error Cancelled).
  ModelWeights(vk::Context& ctx, const gguf::GgufFile& file, const ModelConfig& config,
               const WeightPlacement& placement, const std::function<bool(float)>& progress);

  kernels::WeightMatrix token_embd;
  kernels::WeightMatrix output;  // token_embd when the output is tied
  vk::BufferView output_norm;
  std::vector<LayerWeights> layers;

  uint64_t device_bytes() const { return device_bytes_; }
  uint64_t host_bytes() const { return host_bytes_; }  // experts in system memory
  // Bytes of weights one decode step reads: every matrix once (of the experts, only the chosen
  // ones: n_expert_used of n_expert), and one row of the embedding.
  uint64_t bytes_read_per_token() const { return bytes_per_token_; }

 private:
  const gguf::TensorInfo& weight_tensor(const std::string& name, size_t n_dims) const;
  const gguf::TensorInfo& matrix_tensor(const std::string& name) const;
  const gguf::TensorInfo& vector_tensor(const std::string& name) const;
  // The experts' bias: f32 [n_expert][n_rows] (GGUF dims {n_rows, n_expert}).
  const gguf::TensorInfo& expert_bias_tensor(const std::string& name) const;
  vk::BufferView expert_bias(const std::string& name);
  kernels::WeightMatrix matrix(const std::string& name);
  vk::BufferView vector(const std::string& name);
  // The tensors' bytes back to back in one buffer; one view per tensor.
  std::vector<vk::BufferView> upload(std::span<const gguf::TensorInfo* const> tensors);
  std::vector<vk::BufferView> upload_together(std::span<const std::vector<std::byte>> parts);
  vk::BufferView upload(const gguf::TensorInfo& tensor);
  // Into device memory, or into system memory where the placement puts `name`.
  vk::BufferView upload_bytes(std::span<const std::byte> bytes, const std::string& name = {});
  // A buffer where the placement puts `name` (device memory for an empty name), counted.
  vk::Buffer& new_buffer(uint64_t bytes, const std::string& name);
  void write(const vk::Buffer& buffer, uint64_t offset, std::span<const std::byte> bytes);
  void read_into(const vk::Buffer& buffer, uint64_t offset, const gguf::TensorInfo& tensor);
  void report_progress();  // Error(Cancelled) when progress says stop
  void attention_weights(LayerWeights& w, uint32_t layer, const ModelConfig& config);
  void ffn_weights(LayerWeights& w, uint32_t layer, const ModelConfig& config);
  // gate and up interleaved where they share a layout (gate_up), else as they are; and down.
  GatedFfn gated_ffn(const std::string& gate, const std::string& up, const std::string& down);
  void delta_net_weights(DeltaNetWeights& w, uint32_t layer, const ModelConfig& config);
  void expert_weights(ExpertWeights& w, uint32_t layer, const ModelConfig& config);
  const gguf::TensorInfo& experts_tensor(const std::string& name) const;
  kernels::ExpertMatrices experts(const std::string& name);

  vk::Context& ctx_;
  const gguf::GgufFile& file_;
  const WeightPlacement& placement_;
  const std::function<bool(float)>& progress_;
  std::deque<vk::Buffer> buffers_;  // a deque: views point into it, so elements never move
  uint64_t total_bytes_ = 0;
  uint64_t device_bytes_ = 0;
  uint64_t host_bytes_ = 0;
  uint64_t loaded_bytes_ = 0;  // written so far (progress)
  uint64_t bytes_per_token_ = 0;
  uint64_t expert_bytes_ = 0;  // all experts' matrices
};

} // namespace sikao::model
