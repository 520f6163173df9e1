#include "model/model_config.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <tuple>

#include <fmt/format.h>

#include "common/error.h"
#include "gguf/gguf.h"

namespace sikao::model {
namespace {

using kernels::GateActivation;
using kernels::RopeOrdering;

// The supported architectures, with what makes each one different. Facts from the models'
// configurations and from how llama.cpp (the reference) computes them.
const std::array k_architectures = {
    ArchitectureTraits{.gguf_name = "llama", .architecture = Architecture::Llama,
                       .family = "Llama", .rope_ordering = RopeOrdering::Normal},
    ArchitectureTraits{.gguf_name = "qwen2", .architecture = Architecture::Qwen2,
                       .family = "Qwen2", .rope_ordering = RopeOrdering::NeoX, .qkv_bias = true,
                       .tokenizer_pre = "qwen2"},
    ArchitectureTraits{.gguf_name = "qwen3", .architecture = Architecture::Qwen3,
                       .family = "Qwen3", .rope_ordering = RopeOrdering::NeoX, .qk_norm = true,
                       .tokenizer_pre = "qwen2", .writes_key_length = true},
    ArchitectureTraits{.gguf_name = "gemma2", .architecture = Architecture::Gemma2,
                       .family = "Gemma 2", .rope_ordering = RopeOrdering::NeoX,
                       .post_norms = true, .activation = GateActivation::Gelu,
                       .sqrt_embedding_scale = true, .swa_period = 2, .default_window = 4096,
                       .swa_global_rope = true, .default_attn_softcap = 50.0f,
                       .default_final_softcap = 30.0f, .embd_head_scale_layers = 46},
    ArchitectureTraits{.gguf_name = "gemma3", .architecture = Architecture::Gemma3,
                       .family = "Gemma 3", .rope_ordering = RopeOrdering::NeoX, .qk_norm = true,
                       .post_norms = true, .activation = GateActivation::Gelu,
                       .sqrt_embedding_scale = true, .swa_period = 6,
                       .embd_head_scale_layers = 62},
    ArchitectureTraits{.gguf_name = "phi3", .architecture = Architecture::Phi3,
                       .family = "Phi-3", .rope_ordering = RopeOrdering::NeoX,
                       .fused_qkv = true, .fused_gate_up = true},
    ArchitectureTraits{.gguf_name = "smollm3", .architecture = Architecture::SmolLM3,
                       .family = "SmolLM3", .rope_ordering = RopeOrdering::Normal,
                       .no_rope_step = 4},
    ArchitectureTraits{.gguf_name = "granite", .architecture = Architecture::Granite,
                       .family = "Granite", .rope_ordering = RopeOrdering::Normal, .mu_p = true},
    ArchitectureTraits{.gguf_name = "mistral3", .architecture = Architecture::Mistral3,
                       .family = "Ministral 3", .rope_ordering = RopeOrdering::Normal,
                       .attention_temperature = true},
    ArchitectureTraits{.gguf_name = "qwen3moe", .architecture = Architecture::Qwen3Moe,
                       .family = "Qwen3 MoE", .rope_ordering = RopeOrdering::NeoX, .qk_norm = true,
                       .experts = true, .expert_gating = kernels::ExpertGating::SoftmaxThenTopK,
                       .expert_weights_norm = true, .tokenizer_pre = "qwen2",
                       .writes_key_length = true},
    // Sliding window on even layers (llama.cpp: set_swa_pattern(2)); router top-k, then softmax
    // over the chosen logits (no normalisation); clamped SwiGLU with biases on every projection.
    ArchitectureTraits{.gguf_name = "gpt-oss", .architecture = Architecture::GptOss,
                       .family = "gpt-oss", .rope_ordering = RopeOrdering::NeoX, .qkv_bias = true,
                       .attn_output_bias = true, .attn_sinks = true,
                       .activation = GateActivation::SwiGluOai, .swa_period = 2,
                       .swa_global_rope = true, .experts = true,
                       .expert_gating = kernels::ExpertGating::TopKThenSoftmax,
                       .expert_biases = true, .ffn_norm_tensor = "post_attention_norm.weight",
                       .tokenizer_pre = "gpt-4o"},
    // Three Gated DeltaNet layers to each attention layer; the attention layers' q projection
    // also gates their output; partial interleaved multi-section RoPE (rope_sections_text
    // checks that text positions make it plain NeoX RoPE).
    ArchitectureTraits{.gguf_name = "qwen35", .architecture = Architecture::Qwen35,
                       .family = "Qwen3.5", .rope_ordering = RopeOrdering::NeoX, .qk_norm = true,
                       .ffn_norm_tensor = "post_attention_norm.weight",
                       .default_full_attention_interval = 4, .gated_attention = true,
                       .tokenizer_pre = "qwen35", .writes_key_length = true},
    // Qwen3.5's layers with a mixture of experts (qwen3moe's routing) and a shared expert.
    ArchitectureTraits{.gguf_name = "qwen35moe", .architecture = Architecture::Qwen35Moe,
                       .family = "Qwen3.5 MoE", .rope_ordering = RopeOrdering::NeoX,
                       .qk_norm = true, .experts = true,
                       .expert_gating = kernels::ExpertGating::SoftmaxThenTopK,
                       .expert_weights_norm = true, .shared_expert = true,
                       .gate_up_exps_may_be_fused = true,
                       .ffn_norm_tensor = "post_attention_norm.weight",
                       .default_full_attention_interval = 4, .gated_attention = true,
                       .tokenizer_pre = "qwen35", .writes_key_length = true},
};

class ConfigReader {
 public:
  ConfigReader(const gguf::GgufFile& file, std::string_view arch) : file_(file), arch_(arch) {}

  std::string key(std::string_view k) const { return fmt::format("{}.{}", arch_, k); }

  uint32_t required_u32(std::string_view k) const {
    const std::string full = key(k);
    const auto v = file_.get_uint(full);
    if (!v) {
      fail(ErrorCode::InvalidFile, fmt::format("missing metadata key {}", full));
    }
    if (*v == 0 || *v > 0xffffffffu) {
      fail(ErrorCode::InvalidFile, fmt::format("metadata key {} = {} is out of range", full, *v));
    }
    return static_cast<uint32_t>(*v);
  }

  std::optional<uint32_t> optional_u32(std::string_view k) const {
    if (!file_.find(key(k))) {
      return std::nullopt;
    }
    return required_u32(k);
  }

  // A count that may be 0.
  uint32_t count_or_zero(std::string_view k) const {
    const auto v = file_.get_uint(key(k));
    if (v && *v > 0xffffffffu) {
      fail(ErrorCode::InvalidFile, fmt::format("metadata key {} = {} is out of range", key(k), *v));
    }
    return static_cast<uint32_t>(v.value_or(0));
  }

  std::optional<double> optional_float(std::string_view k) const {
    return file_.get_float(key(k));
  }

  // A positive finite float, or nullopt when absent; InvalidFile for anything else.
  std::optional<double> optional_positive(std::string_view k) const {
    if (!file_.find(key(k))) {
      return std::nullopt;
    }
    const auto v = file_.get_float(key(k));
    if (!v || !std::isfinite(*v) || *v <= 0.0) {
      fail(ErrorCode::InvalidFile, fmt::format("metadata key {} must be a positive number", key(k)));
    }
    return v;
  }

  std::optional<std::string> optional_string(std::string_view k) const {
    return file_.get_string(key(k));
  }

  std::optional<bool> optional_bool(std::string_view k) const { return file_.get_bool(key(k)); }

  [[noreturn]] void fail(ErrorCode code, const std::string& what) const {
    throw Error(code, fmt::format("{}: {}", file_.path().string(), what));
  }

  // Checks that a tensor exists with exactly these dims (innermost first).
  void expect_tensor(const ModelTensor& t) const {
    const auto* found = file_.find_tensor(t.name);
    if (!found) {
      fail(ErrorCode::InvalidFile, fmt::format("missing tensor {}", t.name));
    }
    if (found->dims != t.dims) {
      fail(ErrorCode::InvalidFile, fmt::format("tensor {} has shape [{}], expected [{}]", t.name,
                                               fmt::join(found->dims, ", "),
                                               fmt::join(t.dims, ", ")));
    }
  }

  bool has_tensor(const std::string& name) const { return file_.find_tensor(name) != nullptr; }

  // An f32 vector tensor of n values (RoPE factors).
  std::vector<float> f32_vector(const std::string& name, uint64_t n) const {
    const auto* t = file_.find_tensor(name);
    if (!t || t->type != gguf::TensorType::F32 || t->dims != std::vector<uint64_t>{n}) {
      fail(ErrorCode::InvalidFile, fmt::format("tensor {} must be {} f32 values", name, n));
    }
    const auto bytes = file_.tensor_data(*t);
    std::vector<float> out(n);
    std::memcpy(out.data(), bytes.data(), n * sizeof(float));
    for (float f : out) {
      if (!std::isfinite(f) || f <= 0.0f) {
        fail(ErrorCode::InvalidFile, fmt::format("tensor {} holds a factor {} (must be positive)", name, f));
      }
    }
    return out;
  }

 private:
  const gguf::GgufFile& file_;
  std::string_view arch_;
};

// RoPE of the full-attention layers: rope.scaling.* as llama.cpp reads them (llama_context's
// YaRN set-up and ggml_rope_ext's magnitude correction folded into one magnitude).
RopeVariant read_rope(const ConfigReader& r, const ModelConfig& c) {
  RopeVariant v;
  v.base = r.optional_positive("rope.freq_base").value_or(10000.0);
  const std::string type = r.optional_string("rope.scaling.type").value_or("linear");
  double factor = r.optional_float("rope.scaling.factor").value_or(0.0);
  if (factor == 0.0) {
    factor = r.optional_float("rope.scale_linear").value_or(0.0);
  }
  if (!std::isfinite(factor) || factor < 0.0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("rope scaling factor {} is not valid", factor));
  }
  const double attn_factor = r.optional_positive("rope.scaling.attn_factor").value_or(1.0);
  v.original_context = r.optional_u32("rope.scaling.original_context_length").value_or(c.n_ctx_train);
  v.scaling.magnitude = attn_factor;
  if (type == "none") {
    return v;
  }
  if (type != "linear" && type != "yarn" && type != "longrope") {
    r.fail(ErrorCode::Unsupported, fmt::format("rope scaling '{}' is not supported", type));
  }
  v.scaling.freq_scale = factor == 0.0 ? 1.0 : 1.0 / factor;
  if (type == "yarn") {
    // mscale(f, m) = 1 + 0.1 m ln f; llama.cpp's attention factor, times ggml's own correction
    // 1 + 0.1 ln f, times rope.scaling.attn_factor.
    const auto mscale = [](double f, double m) { return f <= 1.0 ? 1.0 : 0.1 * m * std::log(f) + 1.0; };
    const double f = 1.0 / float(v.scaling.freq_scale);
    const double log_mul = r.optional_float("rope.scaling.yarn_log_multiplier").value_or(0.0);
    v.scaling.ext_factor = 1.0;
    v.scaling.magnitude = (log_mul != 0.0 ? mscale(f, 1.0) / mscale(f, log_mul) : mscale(f, 1.0)) *
                          attn_factor;
    const double beta_fast = r.optional_float("rope.scaling.yarn_beta_fast").value_or(32.0);
    const double beta_slow = r.optional_float("rope.scaling.yarn_beta_slow").value_or(1.0);
    std::tie(v.scaling.yarn_lo, v.scaling.yarn_hi) =
        kernels::rope_yarn_dims(c.n_rot, v.original_context, v.base, beta_fast, beta_slow);
  }
  return v;
}

void fill_layers(const ConfigReader& r, ModelConfig& c) {
  const ArchitectureTraits& a = c.arch;
  RopeVariant global = read_rope(r, c);
  if (c.rope_factors_tensor) {
    global.scaling.freq_factors = r.f32_vector(*c.rope_factors_tensor, c.n_rot / 2);
  }
  if (r.has_tensor("rope_factors_long.weight") || r.has_tensor("rope_factors_short.weight")) {
    global.scaling.freq_factors = r.f32_vector("rope_factors_short.weight", c.n_rot / 2);
    global.long_factors = r.f32_vector("rope_factors_long.weight", c.n_rot / 2);
  }
  c.rope_variants = {global};

  uint32_t window = 0;
  uint32_t period = 0;
  if (a.swa_period > 0) {
    window = r.optional_u32("attention.sliding_window").value_or(a.default_window);
    period = r.optional_u32("attention.sliding_window_pattern").value_or(a.swa_period);
  }
  uint32_t local_rope = 0;
  const auto base_swa = r.optional_positive("rope.freq_base_swa");
  if (window > 0 && (base_swa || !a.swa_global_rope)) {
    // Local layers: rope.freq_base_swa (Gemma 3: 10000), with the global layers' scaling or
    // none. (Where they rotate exactly as the global layers do, they share table 0.)
    RopeVariant local;
    local.base = base_swa.value_or(a.swa_global_rope ? global.base : 10000.0);
    if (a.swa_global_rope) {
      local.scaling = global.scaling;
    }
    local_rope = static_cast<uint32_t>(c.rope_variants.size());
    c.rope_variants.push_back(local);
  }
  // Granite switches RoPE off with rope.scaling.finetuned = false.
  const bool rope_off = a.mu_p && !r.optional_bool("rope.scaling.finetuned").value_or(true);
  std::optional<uint32_t> identity;
  const auto identity_rope = [&] {
    if (!identity) {
      identity = static_cast<uint32_t>(c.rope_variants.size());
      c.rope_variants.push_back(RopeVariant{.identity = true});
    }
    return *identity;
  };
  c.layers.resize(c.n_layer);
  for (uint32_t l = 0; l < c.n_layer; ++l) {
    LayerConfig& layer = c.layers[l];
    if (window > 0 && l % period < period - 1) {
      layer.window = window;
      layer.rope = local_rope;
    }
    if (rope_off || (a.no_rope_step > 0 && (l + 1) % a.no_rope_step == 0)) {
      layer.rope = identity_rope();
    }
  }
}

// expert_count, expert_used_count and the experts' FFN length (llama.cpp: n_ff / n_used when
// the file does not say).
void read_experts(const ConfigReader& r, ModelConfig& c) {
  if (!c.arch.experts) {
    return;
  }
  c.n_expert = r.required_u32("expert_count");
  c.n_expert_used = r.required_u32("expert_used_count");
  if (c.n_expert_used > c.n_expert || c.n_expert_used > 64) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} experts per token of {} (at most 64)",
                                               c.n_expert_used, c.n_expert));
  }
  c.n_ff_exp = r.optional_u32("expert_feed_forward_length").value_or(c.n_ff / c.n_expert_used);
  if (c.n_ff_exp == 0 || c.n_ff_exp % 4 != 0) {
    r.fail(ErrorCode::InvalidFile,
           fmt::format("expert feed-forward length {} is not a positive multiple of 4", c.n_ff_exp));
  }
  if (c.arch.shared_expert) {
    c.n_ff_shexp = r.optional_u32("expert_shared_feed_forward_length").value_or(c.n_ff);
  }
  const double scale = r.optional_float("expert_weights_scale").value_or(0.0);
  c.expert_weights_scale = scale == 0.0 ? 1.0f : float(scale);
}

// Interleaved multi-section RoPE (rope.dimension_sections, llama.cpp's IMROPE): rotary pair i
// takes its position from section i mod Σsections, interleaved t, h, w while each section
// lasts, the 4th (extra) section otherwise. A text token's position is (p, p, p, 0), so where
// every pair falls in t, h or w this is NeoX RoPE over rope.dimension_count dims, which is what
// Sikao computes; a layout that leaves pairs to the 4th section (position 0 for text) is refused.
void check_rope_sections(const ConfigReader& r, const gguf::GgufFile& file, const ModelConfig& c) {
  const std::string key = r.key("rope.dimension_sections");
  if (!file.find(key)) {
    return;
  }
  const std::vector<int32_t> sections = file.get_int_array(key);
  if (sections.size() != 4 ||
      std::any_of(sections.begin(), sections.end(), [](int32_t v) { return v < 0; })) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} must be 4 non-negative numbers", key));
  }
  const int64_t total = int64_t(sections[0]) + sections[1] + sections[2] + sections[3];
  if (total == 0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} are all 0", key));
  }
  for (uint32_t pair = 0; pair < c.n_rot / 2; ++pair) {
    const int64_t sector = pair % total;
    const bool text = (sector % 3 == 0 && sector < 3 * int64_t(sections[0])) ||
                      (sector % 3 == 1 && sector < 3 * int64_t(sections[1])) ||
                      (sector % 3 == 2 && sector < 3 * int64_t(sections[2]));
    if (!text) {
      r.fail(ErrorCode::Unsupported,
             fmt::format("{} = [{}] leaves rotary pair {} to the extra section",
                         key, fmt::join(sections, ", "), pair));
    }
  }
}

// Gated DeltaNet layers (arch.default_full_attention_interval): which layers, and their sizes
// from ssm.* (llama.cpp's names: group_count key heads and time_step_rank value heads, of
// state_size each for keys and inner_size / time_step_rank for values).
void read_delta_net(const ConfigReader& r, ModelConfig& c) {
  const uint32_t interval = c.arch.default_full_attention_interval;
  if (interval == 0) {
    assign_layer_kinds(c, 0);
    return;
  }
  const uint32_t period = r.optional_u32("full_attention_interval").value_or(interval);
  kernels::DeltaNetShape& d = c.delta_net;
  d.conv_kernel = r.required_u32("ssm.conv_kernel");
  d.d_k = r.required_u32("ssm.state_size");
  d.n_k_heads = r.required_u32("ssm.group_count");
  d.n_v_heads = r.required_u32("ssm.time_step_rank");
  const uint32_t inner = r.required_u32("ssm.inner_size");
  if (inner % d.n_v_heads != 0 || d.n_v_heads % d.n_k_heads != 0) {
    r.fail(ErrorCode::InvalidFile,
           fmt::format("ssm.inner_size {} over {} value heads, {} key heads: not whole heads",
                       inner, d.n_v_heads, d.n_k_heads));
  }
  d.d_v = inner / d.n_v_heads;
  if (d.conv_kernel > kernels::k_max_conv_kernel || d.d_k > kernels::k_max_delta_key_length) {
    r.fail(ErrorCode::Unsupported,
           fmt::format("a convolution of {} taps or key heads of {} (at most {} and {})",
                       d.conv_kernel, d.d_k, kernels::k_max_conv_kernel,
                       kernels::k_max_delta_key_length));
  }
  assign_layer_kinds(c, period);
}

void read_scales(const ConfigReader& r, ModelConfig& c) {
  const ArchitectureTraits& a = c.arch;
  if (a.sqrt_embedding_scale) {
    c.embedding_scale = std::sqrt(float(c.n_embd));
  }
  if (a.embd_head_scale_layers != 0 && c.n_layer == a.embd_head_scale_layers) {
    c.attention_scale = 1.0f / std::sqrt(float(c.n_embd / c.n_head));
  }
  if (a.default_attn_softcap > 0.0f) {
    c.attn_softcap = float(r.optional_positive("attn_logit_softcapping").value_or(a.default_attn_softcap));
  }
  c.final_softcap =
      float(r.optional_positive("final_logit_softcapping").value_or(a.default_final_softcap));
  if (a.mu_p) {
    const auto logit = r.optional_positive("logit_scale");
    if (!logit) {
      r.fail(ErrorCode::InvalidFile, fmt::format("missing metadata key {}", r.key("logit_scale")));
    }
    c.logit_scale = float(1.0 / *logit);
    c.residual_scale = float(r.optional_positive("residual_scale").value_or(1.0));
    c.embedding_scale = float(r.optional_positive("embedding_scale").value_or(1.0));
    c.attention_scale = float(r.optional_positive("attention.scale").value_or(0.0));
  }
  if (a.attention_temperature) {
    if (const auto t = r.optional_float("attention.temperature_scale"); t && *t != 0.0) {
      c.attention_temperature = float(*t);
      c.attention_temperature_length = c.rope_variants[0].original_context;
    }
  }
}

} // namespace

void assign_layer_kinds(ModelConfig& c, uint32_t full_attention_interval) {
  c.layers.resize(c.n_layer);
  c.n_delta_layers = 0;
  uint32_t attention = 0;
  for (uint32_t l = 0; l < c.n_layer; ++l) {
    LayerConfig& layer = c.layers[l];
    layer.delta_net = full_attention_interval > 0 && (l + 1) % full_attention_interval != 0;
    layer.slot = layer.delta_net ? c.n_delta_layers++ : attention++;
  }
}

kernels::RopeScaling RopeVariant::scaling_for(uint32_t context_length) const {
  kernels::RopeScaling s = scaling;
  if (!long_factors.empty() && context_length > original_context) {
    s.freq_factors = long_factors;
  }
  return s;
}

std::string_view to_string(Architecture a) { return traits(a).gguf_name; }

std::optional<Architecture> architecture_named(std::string_view gguf_name) {
  for (const auto& row : k_architectures) {
    if (row.gguf_name == gguf_name) {
      return row.architecture;
    }
  }
  return std::nullopt;
}

const ArchitectureTraits& traits(Architecture a) {
  for (const auto& row : k_architectures) {
    if (row.architecture == a) {
      return row;
    }
  }
  throw Error(ErrorCode::Internal, "architecture missing from k_architectures");
}

std::string supported_architectures() {
  std::vector<std::string_view> names;
  for (const auto& row : k_architectures) {
    names.push_back(row.gguf_name);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string layer_tensor(uint32_t layer, std::string_view suffix) {
  return fmt::format("blk.{}.{}", layer, suffix);
}

bool is_vector(TensorRole role) {
  switch (role) {
    case TensorRole::OutputNorm:
    case TensorRole::AttnNorm:
    case TensorRole::AttnQBias:
    case TensorRole::AttnKBias:
    case TensorRole::AttnVBias:
    case TensorRole::AttnQNorm:
    case TensorRole::AttnKNorm:
    case TensorRole::AttnPostNorm:
    case TensorRole::FfnNorm:
    case TensorRole::FfnPostNorm:
    case TensorRole::RopeFreqs:
    case TensorRole::RopeFactorsLong:
    case TensorRole::RopeFactorsShort:
    case TensorRole::AttnOutputBias:
    case TensorRole::AttnSinks:
    case TensorRole::FfnGateInpBias:
    case TensorRole::FfnGateExpsBias:
    case TensorRole::FfnUpExpsBias:
    case TensorRole::FfnDownExpsBias:
    case TensorRole::SsmDtBias:
    case TensorRole::SsmA:
    case TensorRole::SsmNorm:
    case TensorRole::FfnGateInpShexp:
      return true;
    default:
      return false;
  }
}

std::vector<ModelTensor> model_tensors(const ModelConfig& c) {
  const ArchitectureTraits& a = c.arch;
  std::vector<ModelTensor> out;
  const auto add = [&](std::string name, TensorRole role, uint32_t layer, std::vector<uint64_t> dims) {
    out.push_back(ModelTensor{std::move(name), role, layer, std::move(dims)});
  };
  const uint64_t embd = c.n_embd;
  add("token_embd.weight", TensorRole::TokenEmbd, 0, {embd, c.n_vocab});
  add("output_norm.weight", TensorRole::OutputNorm, 0, {embd});
  if (!c.tied_output) {
    add("output.weight", TensorRole::Output, 0, {embd, c.n_vocab});
  }
  if (c.rope_factors_tensor) {
    add(*c.rope_factors_tensor, TensorRole::RopeFreqs, 0, {c.n_rot / 2});
  }
  if (!c.rope_variants.empty() && !c.rope_variants[0].long_factors.empty()) {
    add("rope_factors_long.weight", TensorRole::RopeFactorsLong, 0, {c.n_rot / 2});
    add("rope_factors_short.weight", TensorRole::RopeFactorsShort, 0, {c.n_rot / 2});
  }
  // A layer's attention, or its Gated DeltaNet (layers[l].delta_net).
  const auto attention_tensors = [&](uint32_t l) {
    const auto name = [&](std::string_view suffix) { return layer_tensor(l, suffix); };
    if (a.fused_qkv) {
      add(name("attn_qkv.weight"), TensorRole::AttnQkv, l, {embd, c.q_dim() + 2ull * c.kv_dim()});
    } else {
      // With gated attention each head's q rows are followed by its gate rows.
      add(name("attn_q.weight"), TensorRole::AttnQ, l,
          {embd, (a.gated_attention ? 2ull : 1ull) * c.q_dim()});
      add(name("attn_k.weight"), TensorRole::AttnK, l, {embd, c.kv_dim()});
      add(name("attn_v.weight"), TensorRole::AttnV, l, {embd, c.kv_dim()});
    }
    if (a.qkv_bias) {
      add(name("attn_q.bias"), TensorRole::AttnQBias, l, {c.q_dim()});
      add(name("attn_k.bias"), TensorRole::AttnKBias, l, {c.kv_dim()});
      add(name("attn_v.bias"), TensorRole::AttnVBias, l, {c.kv_dim()});
    }
    if (a.qk_norm) {
      add(name("attn_q_norm.weight"), TensorRole::AttnQNorm, l, {c.head_dim});
      add(name("attn_k_norm.weight"), TensorRole::AttnKNorm, l, {c.head_dim});
    }
    add(name("attn_output.weight"), TensorRole::AttnOutput, l, {c.q_dim(), embd});
    if (a.attn_output_bias) {
      add(name("attn_output.bias"), TensorRole::AttnOutputBias, l, {embd});
    }
    if (a.attn_sinks) {
      add(name("attn_sinks.weight"), TensorRole::AttnSinks, l, {c.n_head});
    }
    if (a.post_norms) {
      add(name("post_attention_norm.weight"), TensorRole::AttnPostNorm, l, {embd});
    }
  };
  const auto delta_net_tensors = [&](uint32_t l) {
    const auto name = [&](std::string_view suffix) { return layer_tensor(l, suffix); };
    const kernels::DeltaNetShape& d = c.delta_net;
    add(name("attn_qkv.weight"), TensorRole::SsmQkv, l, {embd, d.conv_channels()});
    add(name("attn_gate.weight"), TensorRole::SsmGate, l, {embd, d.value_width()});
    add(name("ssm_conv1d.weight"), TensorRole::SsmConv1d, l, {d.conv_kernel, d.conv_channels()});
    add(name("ssm_dt.bias"), TensorRole::SsmDtBias, l, {d.n_v_heads});
    add(name("ssm_a"), TensorRole::SsmA, l, {d.n_v_heads});
    add(name("ssm_beta.weight"), TensorRole::SsmBeta, l, {embd, d.n_v_heads});
    add(name("ssm_alpha.weight"), TensorRole::SsmAlpha, l, {embd, d.n_v_heads});
    add(name("ssm_norm.weight"), TensorRole::SsmNorm, l, {d.d_v});
    add(name("ssm_out.weight"), TensorRole::SsmOut, l, {d.value_width(), embd});
  };
  for (uint32_t l = 0; l < c.n_layer; ++l) {
    const auto name = [&](std::string_view suffix) { return layer_tensor(l, suffix); };
    add(name("attn_norm.weight"), TensorRole::AttnNorm, l, {embd});
    if (!c.layers.empty() && c.layers[l].delta_net) {
      delta_net_tensors(l);
    } else {
      attention_tensors(l);
    }
    add(name(a.ffn_norm_tensor), TensorRole::FfnNorm, l, {embd});
    if (a.experts) {
      // Each bias follows its matrix (the loader relies on it): f32, one row per expert.
      const uint64_t ff = c.n_ff_exp, n = c.n_expert;
      const bool b = a.expert_biases;
      add(name("ffn_gate_inp.weight"), TensorRole::FfnGateInp, l, {embd, n});
      if (b) add(name("ffn_gate_inp.bias"), TensorRole::FfnGateInpBias, l, {n});
      if (c.gate_up_exps_fused) {
        add(name("ffn_gate_up_exps.weight"), TensorRole::FfnGateUpExps, l, {embd, 2 * ff, n});
        add(name("ffn_down_exps.weight"), TensorRole::FfnDownExps, l, {ff, embd, n});
      } else {
        add(name("ffn_gate_exps.weight"), TensorRole::FfnGateExps, l, {embd, ff, n});
        if (b) add(name("ffn_gate_exps.bias"), TensorRole::FfnGateExpsBias, l, {ff, n});
        add(name("ffn_down_exps.weight"), TensorRole::FfnDownExps, l, {ff, embd, n});
        if (b) add(name("ffn_down_exps.bias"), TensorRole::FfnDownExpsBias, l, {embd, n});
        add(name("ffn_up_exps.weight"), TensorRole::FfnUpExps, l, {embd, ff, n});
        if (b) add(name("ffn_up_exps.bias"), TensorRole::FfnUpExpsBias, l, {ff, n});
      }
      if (a.shared_expert) {
        const uint64_t sh = c.n_ff_shexp;
        add(name("ffn_gate_inp_shexp.weight"), TensorRole::FfnGateInpShexp, l, {embd});
        add(name("ffn_gate_shexp.weight"), TensorRole::FfnGateShexp, l, {embd, sh});
        add(name("ffn_up_shexp.weight"), TensorRole::FfnUpShexp, l, {embd, sh});
        add(name("ffn_down_shexp.weight"), TensorRole::FfnDownShexp, l, {sh, embd});
      }
      continue;
    }
    if (a.fused_gate_up) {
      add(name("ffn_up.weight"), TensorRole::FfnUp, l, {embd, 2ull * c.n_ff});
    } else {
      add(name("ffn_gate.weight"), TensorRole::FfnGate, l, {embd, c.n_ff});
      add(name("ffn_up.weight"), TensorRole::FfnUp, l, {embd, c.n_ff});
    }
    add(name("ffn_down.weight"), TensorRole::FfnDown, l, {c.n_ff, embd});
    if (a.post_norms) {
      add(name("post_ffw_norm.weight"), TensorRole::FfnPostNorm, l, {embd});
    }
  }
  return out;
}

ModelConfig read_config(const gguf::GgufFile& file) {
  const auto arch_name = file.get_string("general.architecture");
  if (!arch_name) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: missing metadata key general.architecture", file.path().string()));
  }
  const auto architecture = architecture_named(*arch_name);
  if (!architecture) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: architecture '{}' is not supported (supported: {})",
                            file.path().string(), *arch_name, supported_architectures()));
  }
  const ArchitectureTraits* row = &traits(*architecture);
  const ConfigReader r(file, row->gguf_name);

  ModelConfig c;
  c.arch = *row;
  c.name = file.get_string("general.name").value_or(file.path().stem().string());
  c.n_embd = r.required_u32("embedding_length");
  c.n_layer = r.required_u32("block_count");
  // Every layer has tensors: a count beyond the file's tensors is damage, refused before anything
  // is sized by it (block_count 4,294,967,295 built a list of tensors for minutes: fuzz_gguf).
  if (c.n_layer > file.tensors().size()) {
    r.fail(ErrorCode::InvalidFile, fmt::format("block_count {} but the file has only {} tensors",
                                               c.n_layer, file.tensors().size()));
  }
  // NextN / multi-token-prediction layers (Qwen3.5) follow the main stack and are counted in
  // block_count; llama.cpp's main pass does not run them, and Sikao does not load them.
  const uint32_t nextn = r.count_or_zero("nextn_predict_layers");
  if (nextn >= c.n_layer) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} prediction layers of {}", nextn, c.n_layer));
  }
  c.n_layer -= nextn;
  c.n_head = r.required_u32("attention.head_count");
  c.n_head_kv = r.optional_u32("attention.head_count_kv").value_or(c.n_head);
  c.n_ff = r.required_u32("feed_forward_length");
  c.n_ctx_train = r.required_u32("context_length");
  c.rms_eps = static_cast<float>(r.optional_float("attention.layer_norm_rms_epsilon").value_or(1e-5));
  if (c.n_embd % c.n_head != 0 && !file.find(r.key("attention.key_length"))) {
    r.fail(ErrorCode::InvalidFile, fmt::format("embedding length {} is not divisible by {} heads",
                                               c.n_embd, c.n_head));
  }
  c.head_dim = r.optional_u32("attention.key_length").value_or(c.n_embd / c.n_head);
  const uint32_t value_dim = r.optional_u32("attention.value_length").value_or(c.head_dim);
  if (value_dim != c.head_dim) {
    r.fail(ErrorCode::Unsupported, fmt::format("key length {} differs from value length {}",
                                               c.head_dim, value_dim));
  }
  c.n_rot = r.optional_u32("rope.dimension_count").value_or(c.head_dim);
  if (c.n_rot > c.head_dim || c.n_rot % 2 != 0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} rotary dimensions for heads of {}", c.n_rot,
                                               c.head_dim));
  }
  if (c.n_head % c.n_head_kv != 0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} query heads are not a multiple of {} KV heads",
                                               c.n_head, c.n_head_kv));
  }
  if (c.head_dim % 2 != 0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("head dimension {} is odd", c.head_dim));
  }
  if (r.has_tensor("rope_freqs.weight")) {
    c.rope_factors_tensor = "rope_freqs.weight";
  }

  const auto* embd = file.find_tensor("token_embd.weight");
  if (!embd || embd->dims.size() != 2) {
    r.fail(ErrorCode::InvalidFile, "missing or malformed tensor token_embd.weight");
  }
  c.n_vocab = static_cast<uint32_t>(embd->dims[1]);
  if (const auto declared = r.optional_u32("vocab_size"); declared && *declared != c.n_vocab) {
    r.fail(ErrorCode::InvalidFile, fmt::format("vocab_size {} but token_embd has {} rows",
                                               *declared, c.n_vocab));
  }
  c.tied_output = !r.has_tensor("output.weight");
  c.gate_up_exps_fused = c.arch.gate_up_exps_may_be_fused && r.has_tensor(layer_tensor(0, "ffn_gate_up_exps.weight"));
  fill_layers(r, c);
  read_scales(r, c);
  read_experts(r, c);
  read_delta_net(r, c);
  check_rope_sections(r, file, c);
  for (const ModelTensor& t : model_tensors(c)) {
    r.expect_tensor(t);
  }
  return c;
}

} // namespace sikao::model
