#pragma once
// The hyper-parameters of a transformer, read from GGUF metadata and checked against the tensor
// table before anything is allocated.
//
// An architecture is a row of data (k_architectures in model_config.cpp, ArchitectureTraits
// here): which tensors it has, where its norms sit, its gate activation, its scales and caps,
// which layers use a sliding window or no RoPE. read_config turns the row and the file's keys
// into a ModelConfig with one LayerConfig per layer; model_tensors lists the tensors that
// configuration needs, and the loader, the checks and the random-model writer all use that list.
// Adding a family is adding a row (and the kernels it newly needs), not an `if` in the forward
// pass.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/activation.h"
#include "kernels/delta_net.h"
#include "kernels/moe.h"
#include "kernels/rope.h"

namespace sikao::gguf {
class GgufFile;
}

namespace sikao::model {

enum class Architecture {
  Llama, Qwen2, Qwen3, Gemma2, Gemma3, Phi3, SmolLM3, Granite, Mistral3, Qwen3Moe, GptOss, Qwen35,
  Qwen35Moe
};

// What differs between architectures. Layer patterns are rules over the layer index; the
// values a file carries (window length, soft-caps, µP multipliers) come from its metadata, with
// the row's defaults where llama.cpp has them.
struct ArchitectureTraits {
  std::string_view gguf_name;      // general.architecture
  Architecture architecture = Architecture::Llama;
  std::string_view family;         // the name people know ("Gemma 3")
  kernels::RopeOrdering rope_ordering = kernels::RopeOrdering::Normal;
  bool qkv_bias = false;           // q/k/v projections carry a bias (qwen2)
  bool attn_output_bias = false;   // so does the output projection (gpt-oss)
  bool attn_sinks = false;         // a learned sink logit per head in the softmax (gpt-oss)
  bool qk_norm = false;            // RMSNorm over each head of q and k before RoPE (qwen3, gemma3)
  bool post_norms = false;         // Gemma's sandwich: each block's output is RMS-normed
                                   // (attn_post_norm, ffn_post_norm) before the residual add
  bool fused_qkv = false;          // one attn_qkv tensor: q rows, then k, then v (phi3)
  bool fused_gate_up = false;      // ffn_up holds the gate rows, then the up rows (phi3)
  kernels::GateActivation activation = kernels::GateActivation::Silu;
  bool sqrt_embedding_scale = false;  // embeddings × √n_embd (gemma)
  bool mu_p = false;               // Granite's µP multipliers from metadata
  // Sliding-window layers: every layer but the last of each period of swa_period layers
  // (Gemma 2: 2, Gemma 3: 6), when the file gives a window (or the row's default window).
  uint32_t swa_period = 0;
  uint32_t default_window = 0;
  // The sliding-window layers rotate with the global layers' scaling, and their base unless
  // rope.freq_base_swa gives one (Gemma 2, gpt-oss); otherwise with rope.freq_base_swa or 10000
  // and no scaling (Gemma 3).
  bool swa_global_rope = false;
  // Layers l with (l + 1) % no_rope_step == 0 use no RoPE (SmolLM3: 4); 0: all use it.
  uint32_t no_rope_step = 0;
  float default_attn_softcap = 0.0f;   // Gemma 2: 50
  float default_final_softcap = 0.0f;  // Gemma 2: 30
  // llama.cpp scales Gemma 27B's queries by 1/√(n_embd / n_head) rather than 1/√head_dim (the
  // models' query_pre_attn_scalar); it knows the 27B by this layer count (0: never).
  uint32_t embd_head_scale_layers = 0;
  bool attention_temperature = false;  // Ministral 3: attention.temperature_scale
  // A mixture of experts replaces the FFN: a router (ffn_gate_inp) picks expert_used_count of
  // expert_count gated FFNs (ffn_{gate,up,down}_exps) per token and mixes their outputs.
  bool experts = false;
  kernels::ExpertGating expert_gating = kernels::ExpertGating::SoftmaxThenTopK;
  bool expert_weights_norm = false;  // the chosen experts' weights are divided by their sum
  bool expert_biases = false;        // the router and every expert matrix carry a bias (gpt-oss)
  // Beside the routed experts, a shared gated FFN (ffn_*_shexp) every token goes through, its
  // output scaled by σ(h · ffn_gate_inp_shexp) (Qwen3.5 MoE).
  bool shared_expert = false;
  // The experts' gate and up may come as one ffn_gate_up_exps stack (each expert's gate rows,
  // then its up rows: what converters make of Hugging Face's fused experts.gate_up_proj).
  bool gate_up_exps_may_be_fused = false;
  // The FFN's input norm; gpt-oss's and Qwen3.5's files call it post_attention_norm.
  std::string_view ffn_norm_tensor = "ffn_norm.weight";
  // Hybrid linear attention (Qwen3.5): the last layer of each period of full_attention_interval
  // layers (the row's default where the file does not say) is attention, the others Gated
  // DeltaNet layers (kernels/delta_net.h). 0: every layer is attention.
  uint32_t default_full_attention_interval = 0;
  // The q projection yields, per head, the queries then as many gate logits; the attention's
  // output is multiplied by their sigmoid before the output projection (Qwen3.5).
  bool gated_attention = false;
  // How the family's converter writes a file (for random models): its byte-level pre-tokenizer,
  // and whether attention.key_length is always written (Qwen3's explicit head_dim).
  std::string_view tokenizer_pre = "llama-bpe";
  bool writes_key_length = false;
};

// One set of RoPE angles (a table per set on the device). Phi-3's LongRoPE has two factor sets,
// chosen by the session's context length as llama.cpp does: long where it exceeds
// original_context.
struct RopeVariant {
  double base = 10000.0;
  kernels::RopeScaling scaling;        // freq_factors: the short set for LongRoPE
  std::vector<float> long_factors;     // LongRoPE only
  uint32_t original_context = 0;
  bool identity = false;               // no RoPE at all (cos 1, sin 0)

  // The scaling for a session of context_length positions.
  kernels::RopeScaling scaling_for(uint32_t context_length) const;
};

struct LayerConfig {
  uint32_t window = 0;  // sliding window (0: the whole context)
  uint32_t rope = 0;    // index into ModelConfig::rope_variants
  bool delta_net = false;  // a Gated DeltaNet layer: no attention, no KV cache
  // The layer's index among the layers of its kind: its KV cache (attention) or its recurrent
  // state (Gated DeltaNet).
  uint32_t slot = 0;
};

struct ModelConfig {
  ArchitectureTraits arch;
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
  uint32_t n_rot = 0;     // dimensions rotated per head (< head_dim: partial rotary, Phi-4-mini)
  bool tied_output = false;   // no output.weight: logits use token_embd.weight
  std::optional<std::string> rope_factors_tensor;  // rope_freqs.weight (Llama 3.1+), if any

  float embedding_scale = 1.0f;   // embeddings are multiplied by this
  float attention_scale = 0.0f;   // of q·k; 0: 1 / √head_dim
  float attn_softcap = 0.0f;      // 0: none
  float residual_scale = 1.0f;    // each block's output, before the residual add (Granite)
  float logit_scale = 1.0f;       // the logits are multiplied by this (Granite: 1 / logit_scale)
  float final_softcap = 0.0f;     // 0: none
  float attention_temperature = 0.0f;       // Ministral 3 (kernels::AttentionShape)
  uint32_t attention_temperature_length = 1;

  std::vector<RopeVariant> rope_variants;
  std::vector<LayerConfig> layers;

  // Mixture of experts (arch.experts): n_expert_used of n_expert FFNs of n_ff_exp per token.
  uint32_t n_expert = 0;
  uint32_t n_expert_used = 0;
  uint32_t n_ff_exp = 0;
  uint32_t n_ff_shexp = 0;  // the shared expert's FFN length (arch.shared_expert)
  bool gate_up_exps_fused = false;  // the file has ffn_gate_up_exps (arch.gate_up_exps_may_be_fused)
  float expert_weights_scale = 1.0f;
  kernels::ExpertRouting expert_routing() const {
    return {n_expert, n_expert_used, arch.expert_gating, arch.expert_weights_norm,
            expert_weights_scale};
  }

  // Gated DeltaNet layers (arch.default_full_attention_interval): their sizes, and how many.
  kernels::DeltaNetShape delta_net;
  uint32_t n_delta_layers = 0;
  uint32_t n_kv_layers() const { return n_layer - n_delta_layers; }

  uint32_t q_dim() const { return n_head * head_dim; }
  uint32_t kv_dim() const { return n_head_kv * head_dim; }
};

std::string_view to_string(Architecture a);
std::optional<Architecture> architecture_named(std::string_view gguf_name);
const ArchitectureTraits& traits(Architecture a);
std::string supported_architectures();  // "llama, qwen2, ..."

// Marks the layers of a hybrid: with an interval, each layer l with (l + 1) % interval != 0 is a
// Gated DeltaNet layer (0: all attention); numbers each kind's layers in order (LayerConfig::slot)
// and counts the DeltaNet layers.
void assign_layer_kinds(ModelConfig& c, uint32_t full_attention_interval);

// Reads and validates the configuration; throws sikao::Error (Unsupported for an unknown
// architecture or rope scaling, InvalidFile for missing keys or tensors whose shapes do not
// match) naming the file and the problem.
ModelConfig read_config(const gguf::GgufFile& file);

// The name of a per-layer tensor: "blk.<layer>.<suffix>".
std::string layer_tensor(uint32_t layer, std::string_view suffix);

// What a tensor is, for the loader and for llama.cpp's quantisation rules (random models).
enum class TensorRole {
  TokenEmbd, Output, OutputNorm, RopeFreqs, RopeFactorsLong, RopeFactorsShort,
  AttnNorm, AttnQ, AttnK, AttnV, AttnQkv, AttnOutput, AttnQBias, AttnKBias, AttnVBias,
  AttnQNorm, AttnKNorm, AttnPostNorm,
  FfnNorm, FfnGate, FfnUp, FfnDown, FfnPostNorm,
  FfnGateInp, FfnGateExps, FfnUpExps, FfnDownExps,  // the router and the experts (3-D)
  FfnGateUpExps,  // gate and up experts in one stack (ModelConfig::gate_up_exps_fused)
  AttnOutputBias, AttnSinks,                        // gpt-oss
  FfnGateInpBias, FfnGateExpsBias, FfnUpExpsBias, FfnDownExpsBias,  // (the experts': 2-D)
  // A Gated DeltaNet layer: the q/k/v projection (attn_qkv), the output gate's (attn_gate), the
  // convolution (f32), dt_bias and a (f32 per value head), the β and α projections, the gated
  // norm's weight, the output projection.
  SsmQkv, SsmGate, SsmConv1d, SsmDtBias, SsmA, SsmBeta, SsmAlpha, SsmNorm, SsmOut,
  // The shared expert: its gate's weight vector (f32), and its gated FFN.
  FfnGateInpShexp, FfnGateShexp, FfnUpShexp, FfnDownShexp,
};

// Norms, biases and sinks are f32 (the experts' biases one row per expert); everything else but
// the RoPE factors is a weight matrix.
bool is_vector(TensorRole role);

struct ModelTensor {
  std::string name;
  TensorRole role;
  uint32_t layer = 0;
  std::vector<uint64_t> dims;  // innermost first, as GGUF stores them
};

// Every tensor the configuration needs, in llama.cpp's file order. The RoPE factor tensors are
// listed where the configuration has them (rope_factors_tensor, LongRoPE variants).
std::vector<ModelTensor> model_tensors(const ModelConfig& c);

} // namespace sikao::model
