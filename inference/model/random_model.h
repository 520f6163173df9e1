#pragma once
// Random-weight GGUF models with the shape of real ones, for measuring speed at realistic sizes
// without real weights (sikao-bench make-model) and for end-to-end tests at tiny sizes.
//
// The file is complete enough for Model::load: architecture keys, rope base, context length and
// a synthetic byte-level BPE vocabulary of the requested size (256 byte tokens, merges of byte
// pairs, unused fillers and three ChatML control tokens at the end). Matrices are N(0, 1/√n_in),
// norms ≈ 1, biases small; each tensor draws from its own stream seeded by (seed, tensor name),
// so a given seed always gives the same bytes. Tensor types follow llama.cpp's quantisation
// mixes (llama_tensor_get_type in llama.cpp's src/llama-quant.cpp), quantised with
// quant::quantize_row.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gguf/types.h"
#include "gguf/writer.h"
#include "model/model_config.h"

namespace sikao::model {

struct ModelShape {
  Architecture architecture = Architecture::Qwen2;
  uint32_t n_vocab = 0;
  uint32_t n_embd = 0;
  uint32_t n_layer = 0;
  uint32_t n_head = 0;
  uint32_t n_head_kv = 0;
  uint32_t head_dim = 0;  // 0: n_embd / n_head
  uint32_t n_ff = 0;
  uint32_t n_ctx = 4096;
  float rope_base = 10000.0f;
  float rms_eps = 1e-6f;
  bool tied_output = false;
  // The family's extras, written as its converter writes them (0 or empty: not written).
  uint32_t n_rot = 0;                // partial rotary (Phi-4-mini); 0: the head length
  std::string rope_scaling;          // rope.scaling.type: "linear", "yarn", "longrope"
  float rope_factor = 0.0f;          // rope.scaling.factor
  uint32_t rope_original_context = 0;
  float rope_attn_factor = 0.0f;     // rope.scaling.attn_factor (LongRoPE's magnitude)
  float rope_yarn_log_multiplier = 0.0f;  // rope.scaling.yarn_log_multiplier (mscale_all_dim)
  bool llama3_rope_freqs = false;    // rope_freqs.weight from Llama 3's formula (low 1, high 4)
  float rope_base_swa = 0.0f;        // the sliding-window layers' base (Gemma 3)
  uint32_t sliding_window = 0;
  float attn_softcap = 0.0f, final_softcap = 0.0f;  // Gemma 2
  float logit_scale = 0.0f, residual_scale = 0.0f, embedding_scale = 0.0f,
        attention_scale = 0.0f;      // Granite's µP multipliers
  float attention_temperature = 0.0f;  // Ministral 3
  uint32_t n_expert = 0, n_expert_used = 0, n_ff_exp = 0;  // mixtures of experts
  uint32_t n_ff_shexp = 0;  // a shared expert's FFN length (Qwen3.5 MoE)
  bool gate_up_exps_fused = false;  // one ffn_gate_up_exps stack (arch.gate_up_exps_may_be_fused)
  // Gated DeltaNet layers (Qwen3.5): key and value heads of ssm_head_dim, a convolution of
  // ssm_conv_kernel taps; every full_attention_interval-th layer is attention.
  uint32_t ssm_k_heads = 0, ssm_v_heads = 0, ssm_head_dim = 0, ssm_conv_kernel = 0;
  uint32_t full_attention_interval = 0;

  uint32_t head_length() const { return head_dim ? head_dim : n_embd / n_head; }
  uint32_t rotary_length() const { return n_rot ? n_rot : head_length(); }
};

// The configuration Model::load reads from a file of this shape (the tensor list comes from it).
ModelConfig shape_config(const ModelShape& shape);

// Shapes of real models by name ("qwen2-0.5b"); nullopt for an unknown name.
std::optional<ModelShape> shape_preset(std::string_view name);
std::string shape_preset_names();  // "qwen2-0.5b, qwen2-1.5b, ..."

// llama.cpp's file types (general.file_type): a base tensor type and the rule that picks some
// tensors a wider type.
// MXFP4_MOE: the experts MXFP4, every other matrix Q8_0 (what llama.cpp ships gpt-oss as).
enum class FileType {
  F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K_S, Q4_K_M, Q5_K_S, Q5_K_M, Q6_K, MXFP4_MOE
};

std::optional<FileType> file_type_from_name(std::string_view name);  // "Q4_K_M"
std::string_view file_type_name(FileType type);
std::string file_type_names();
uint32_t llama_ftype_id(FileType type);  // the general.file_type value llama.cpp writes

// llama.cpp's use_more_bits: the first and last eighth of the layers and every third in between.
bool use_more_bits(uint32_t layer, uint32_t n_layer);

// The type llama.cpp's quantiser gives a tensor of this role, in this layer, with rows of n_cols
// elements, for this file type (vectors stay F32).
gguf::TensorType tensor_type_for(FileType file_type, TensorRole role, uint32_t layer,
                                 uint32_t n_layer, uint64_t n_cols, bool tied_output);

// llama-quantize's --tensor-type PATTERN=TYPE: a matrix whose name the pattern matches
// (std::regex_search, ECMAScript, the pattern lower-cased) gets `type` instead of the file
// type's choice; the first matching override wins. As in llama-quantize, it applies to the
// matrices the file type quantises (not norms, vectors or the experts' router), and only in a
// quantised file type.
struct TensorTypeOverride {
  std::string pattern;
  gguf::TensorType type;
};

// "ffn_.*_exps=MXFP4" (type names as ggml spells them, any case). Error(InvalidArgument) for a
// malformed argument, a bad pattern or a type the quantisers here cannot write.
TensorTypeOverride parse_tensor_type_override(std::string_view argument);

struct RandomTensor {
  gguf::TensorSpec spec;
  TensorRole role;
  uint32_t layer = 0;
};

// Every tensor of the model, in file order, with its type under `file_type` and `overrides`.
std::vector<RandomTensor> random_model_tensors(const ModelShape& shape, FileType file_type,
                                               std::span<const TensorTypeOverride> overrides = {});

struct RandomModelOptions {
  ModelShape shape;
  FileType file_type = FileType::F16;
  std::vector<TensorTypeOverride> tensor_types;
  uint64_t seed = 1;
  std::string name;  // general.name; default "random <arch> <type> seed <seed>"
  // tokenizer.chat_template; default a plain ChatML template. A family's own template (its
  // thinking switch, its tags) lets the whole chat path run on a random model.
  std::string chat_template;
  gguf::Overwrite overwrite = gguf::Overwrite::Refuse;
  // Called after each tensor is written, with its index and the tensor count.
  std::function<void(const RandomTensor&, size_t index, size_t count)> progress;
};

// Writes the model to `path`, streaming one block of rows at a time. Error(InvalidArgument) for a
// shape that does not fit the file type or an existing file without Overwrite::Replace.
void write_random_model(const std::filesystem::path& path, const RandomModelOptions& options);

} // namespace sikao::model
