#pragma once
// A model's tensors in device memory, uploaded once from the memory-mapped GGUF file: each
// matrix as raw GGUF blocks (the weight kernels decode them), each norm weight and bias as f32.

#include <deque>
#include <functional>
#include <optional>
#include <vector>

#include "gguf/gguf.h"
#include "kernels/weights.h"
#include "model/model_config.h"
#include "vulkan/context.h"

namespace sikao::model {

struct LayerWeights {
  vk::BufferView attn_norm;
  kernels::WeightMatrix attn_q, attn_k, attn_v, attn_output;
  std::optional<vk::BufferView> attn_q_bias, attn_k_bias, attn_v_bias;  // qwen2
  std::optional<vk::BufferView> attn_q_norm, attn_k_norm;               // qwen3
  vk::BufferView ffn_norm;
  kernels::WeightMatrix ffn_gate, ffn_up, ffn_down;
};

class ModelWeights {
 public:
  // progress(fraction) returning false cancels the upload (Error Cancelled).
  ModelWeights(vk::Context& ctx, const gguf::GgufFile& file, const ModelConfig& config,
               const std::function<bool(float)>& progress);

  kernels::WeightMatrix token_embd;
  kernels::WeightMatrix output;  // token_embd when the output is tied
  vk::BufferView output_norm;
  std::vector<LayerWeights> layers;

  uint64_t device_bytes() const { return device_bytes_; }
  // Bytes of weights one decode step reads: every matrix once, and one row of the embedding.
  uint64_t bytes_read_per_token() const { return bytes_per_token_; }

 private:
  kernels::WeightMatrix matrix(const std::string& name);
  vk::BufferView vector(const std::string& name);
  vk::BufferView upload(const gguf::TensorInfo& tensor);

  vk::Context& ctx_;
  const gguf::GgufFile& file_;
  const std::function<bool(float)>& progress_;
  std::deque<vk::Buffer> buffers_;  // a deque: views point into it, so elements never move
  uint64_t total_bytes_ = 0;
  uint64_t device_bytes_ = 0;
  uint64_t bytes_per_token_ = 0;
};

} // namespace sikao::model
