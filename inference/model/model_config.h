#pragma once
// The hyper-parameters of a transformer, read from GGUF metadata and checked against the tensor
// table before anything is allocated. One table (k_architectures in model_config.cpp) lists the
// supported architectures; the few ways they differ are named fields here, not flags in kernels.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kernels/rope.h"

namespace sikao::gguf {
class GgufFile;
}

namespace sikao::model {

enum class Architecture { Llama, Qwen2, Qwen3 };


struct ModelConfig {
  Architecture architecture = Architecture::Llama;
  std::string name;
  uint32_t n_vocab = 0;
  uint32_t n_embd = 0;
  uint32_t n_layer = 0;
  uint32_t n_head = 0;
  uint32_t n_head_kv = 0;
  uint32_t head_dim = 0;  // key/value length per head; n_embd / n_head unless the file says
  uint32_t n_ff = 0;
  uint32_t n_ctx_train = 0;
  float rms_eps = 1e-5f;
  float rope_base = 10000.0f;
  uint32_t n_rot = 0;  // dimensions rotated per head (== head_dim for every supported model)
  kernels::RopeOrdering rope_ordering = kernels::RopeOrdering::Normal;
  bool qkv_bias = false;      // qwen2: q/k/v projections carry a bias
  bool qk_norm = false;       // qwen3: RMSNorm over each head of q and k before RoPE
  bool tied_output = false;   // no output.weight: logits use token_embd.weight

  uint32_t q_dim() const { return n_head * head_dim; }
  uint32_t kv_dim() const { return n_head_kv * head_dim; }
};

std::string_view to_string(Architecture a);
std::string supported_architectures();  // "llama, qwen2, qwen3"

// Reads and validates the configuration; throws sikao::Error (Unsupported for an unknown
// architecture or rope scaling, InvalidFile for missing keys or tensors whose shapes do not
// match) naming the file and the problem.
ModelConfig read_config(const gguf::GgufFile& file);

// The name of a per-layer tensor: "blk.<layer>.<suffix>".
std::string layer_tensor(uint32_t layer, std::string_view suffix);

} // namespace sikao::model
