#include "model/model_config.h"

#include <array>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "gguf/gguf.h"

namespace sikao::model {
namespace {

struct ArchitectureRow {
  std::string_view gguf_name;
  Architecture architecture;
  kernels::RopeOrdering rope_ordering;
  bool qkv_bias;
  bool qk_norm;
};

constexpr std::array k_architectures = {
    ArchitectureRow{"llama", Architecture::Llama, kernels::RopeOrdering::Normal, false, false},
    ArchitectureRow{"qwen2", Architecture::Qwen2, kernels::RopeOrdering::NeoX, true, false},
    ArchitectureRow{"qwen3", Architecture::Qwen3, kernels::RopeOrdering::NeoX, false, true},
};

class ConfigReader {
 public:
  ConfigReader(const gguf::GgufFile& file, std::string_view arch) : file_(file), arch_(arch) {}

  uint32_t required_u32(std::string_view key) const {
    const std::string full = fmt::format("{}.{}", arch_, key);
    const auto v = file_.get_uint(full);
    if (!v) {
      fail(ErrorCode::InvalidFile, fmt::format("missing metadata key {}", full));
    }
    if (*v == 0 || *v > 0xffffffffu) {
      fail(ErrorCode::InvalidFile, fmt::format("metadata key {} = {} is out of range", full, *v));
    }
    return static_cast<uint32_t>(*v);
  }

  std::optional<uint32_t> optional_u32(std::string_view key) const {
    const std::string full = fmt::format("{}.{}", arch_, key);
    if (!file_.find(full)) {
      return std::nullopt;
    }
    return required_u32(key);
  }

  std::optional<double> optional_float(std::string_view key) const {
    return file_.get_float(fmt::format("{}.{}", arch_, key));
  }

  std::optional<std::string> optional_string(std::string_view key) const {
    return file_.get_string(fmt::format("{}.{}", arch_, key));
  }

  [[noreturn]] void fail(ErrorCode code, const std::string& what) const {
    throw Error(code, fmt::format("{}: {}", file_.path().string(), what));
  }

  // Checks that a tensor exists with exactly these dims (innermost first).
  void expect_tensor(const std::string& name, std::initializer_list<uint64_t> dims) const {
    const auto* t = file_.find_tensor(name);
    if (!t) {
      fail(ErrorCode::InvalidFile, fmt::format("missing tensor {}", name));
    }
    const std::vector<uint64_t> want(dims);
    if (t->dims != want) {
      fail(ErrorCode::InvalidFile, fmt::format("tensor {} has shape [{}], expected [{}]", name,
                                               fmt::join(t->dims, ", "), fmt::join(want, ", ")));
    }
  }

  bool has_tensor(const std::string& name) const { return file_.find_tensor(name) != nullptr; }

 private:
  const gguf::GgufFile& file_;
  std::string_view arch_;
};

void check_rope_scaling(const ConfigReader& r) {
  const auto type = r.optional_string("rope.scaling.type");
  const auto factor = r.optional_float("rope.scaling.factor");
  const bool none = (!type || *type == "none") && (!factor || *factor == 1.0 || *factor == 0.0);
  if (!none) {
    r.fail(ErrorCode::Unsupported,
           fmt::format("rope scaling '{}' (factor {}) is not supported yet", type.value_or("?"),
                       factor.value_or(0.0)));
  }
}

void check_tensors(const ConfigReader& r, const ModelConfig& c) {
  r.expect_tensor("token_embd.weight", {c.n_embd, c.n_vocab});
  r.expect_tensor("output_norm.weight", {c.n_embd});
  if (!c.tied_output) {
    r.expect_tensor("output.weight", {c.n_embd, c.n_vocab});
  }
  for (uint32_t l = 0; l < c.n_layer; ++l) {
    r.expect_tensor(layer_tensor(l, "attn_norm.weight"), {c.n_embd});
    r.expect_tensor(layer_tensor(l, "attn_q.weight"), {c.n_embd, c.q_dim()});
    r.expect_tensor(layer_tensor(l, "attn_k.weight"), {c.n_embd, c.kv_dim()});
    r.expect_tensor(layer_tensor(l, "attn_v.weight"), {c.n_embd, c.kv_dim()});
    r.expect_tensor(layer_tensor(l, "attn_output.weight"), {c.q_dim(), c.n_embd});
    if (c.qkv_bias) {
      r.expect_tensor(layer_tensor(l, "attn_q.bias"), {c.q_dim()});
      r.expect_tensor(layer_tensor(l, "attn_k.bias"), {c.kv_dim()});
      r.expect_tensor(layer_tensor(l, "attn_v.bias"), {c.kv_dim()});
    }
    if (c.qk_norm) {
      r.expect_tensor(layer_tensor(l, "attn_q_norm.weight"), {c.head_dim});
      r.expect_tensor(layer_tensor(l, "attn_k_norm.weight"), {c.head_dim});
    }
    r.expect_tensor(layer_tensor(l, "ffn_norm.weight"), {c.n_embd});
    r.expect_tensor(layer_tensor(l, "ffn_gate.weight"), {c.n_embd, c.n_ff});
    r.expect_tensor(layer_tensor(l, "ffn_up.weight"), {c.n_embd, c.n_ff});
    r.expect_tensor(layer_tensor(l, "ffn_down.weight"), {c.n_ff, c.n_embd});
  }
}

} // namespace

std::string_view to_string(Architecture a) {
  for (const auto& row : k_architectures) {
    if (row.architecture == a) {
      return row.gguf_name;
    }
  }
  return "?";
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

ModelConfig read_config(const gguf::GgufFile& file) {
  const auto arch_name = file.get_string("general.architecture");
  if (!arch_name) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: missing metadata key general.architecture", file.path().string()));
  }
  const ArchitectureRow* row = nullptr;
  for (const auto& candidate : k_architectures) {
    if (candidate.gguf_name == *arch_name) {
      row = &candidate;
    }
  }
  if (!row) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: architecture '{}' is not supported (supported: {})",
                            file.path().string(), *arch_name, supported_architectures()));
  }
  const ConfigReader r(file, row->gguf_name);

  ModelConfig c;
  c.architecture = row->architecture;
  c.rope_ordering = row->rope_ordering;
  c.qkv_bias = row->qkv_bias;
  c.qk_norm = row->qk_norm;
  c.name = file.get_string("general.name").value_or(file.path().stem().string());
  c.n_embd = r.required_u32("embedding_length");
  c.n_layer = r.required_u32("block_count");
  c.n_head = r.required_u32("attention.head_count");
  c.n_head_kv = r.optional_u32("attention.head_count_kv").value_or(c.n_head);
  c.n_ff = r.required_u32("feed_forward_length");
  c.n_ctx_train = r.required_u32("context_length");
  c.rms_eps = static_cast<float>(r.optional_float("attention.layer_norm_rms_epsilon").value_or(1e-5));
  c.rope_base = static_cast<float>(r.optional_float("rope.freq_base").value_or(10000.0));
  if (c.n_embd % c.n_head != 0 && !file.find(fmt::format("{}.attention.key_length", *arch_name))) {
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
  if (c.n_rot != c.head_dim) {
    r.fail(ErrorCode::Unsupported, fmt::format("partial rotary embedding ({} of {} dimensions)",
                                               c.n_rot, c.head_dim));
  }
  if (c.n_head % c.n_head_kv != 0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("{} query heads are not a multiple of {} KV heads",
                                               c.n_head, c.n_head_kv));
  }
  if (c.head_dim % 2 != 0) {
    r.fail(ErrorCode::InvalidFile, fmt::format("head dimension {} is odd", c.head_dim));
  }
  check_rope_scaling(r);
  if (r.has_tensor("rope_freqs.weight")) {
    r.fail(ErrorCode::Unsupported,
           "per-dimension RoPE frequency factors (rope_freqs.weight, Llama 3.1+ scaling) are not "
           "supported yet");
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
  check_tensors(r, c);
  return c;
}

} // namespace sikao::model
