#include "gguf/model_summary.h"

#include <array>
#include <map>
#include <string_view>

namespace sikao::gguf {
namespace {

// Optional scalar integer: architecture keys are read leniently because some architectures store
// per-layer arrays (e.g. head counts) where llama stores one number; those are left out.
std::optional<uint64_t> scalar_uint(const GgufFile& f, const std::string& key) {
  const Value* v = f.find(key);
  if (!v || !v->is_integer()) return std::nullopt;
  return f.get_uint(key);
}

std::optional<std::string> scalar_string(const GgufFile& f, const std::string& key) {
  const Value* v = f.find(key);
  if (!v || v->type != ValueType::String) return std::nullopt;
  return f.get_string(key);
}

} // namespace

std::optional<std::string> file_type_name(uint64_t file_type) {
  // llama_ftype; the "(removed)" entries no longer appear in current files.
  static constexpr std::array<std::string_view, 39> k_names{
      "F32",     "F16",    "Q4_0",   "Q4_1",   "Q4_1_SOME_F16", "Q4_2 (removed)", "Q4_3 (removed)", "Q8_0",
      "Q5_0",    "Q5_1",   "Q2_K",   "Q3_K_S", "Q3_K_M",        "Q3_K_L",         "Q4_K_S",         "Q4_K_M",
      "Q5_K_S",  "Q5_K_M", "Q6_K",   "IQ2_XXS", "IQ2_XS",       "Q2_K_S",         "IQ3_XS",         "IQ3_XXS",
      "IQ1_S",   "IQ4_NL", "IQ3_S",  "IQ3_M",  "IQ2_S",         "IQ2_M",          "IQ4_XS",         "IQ1_M",
      "BF16",    "Q4_0_4_4 (removed)", "Q4_0_4_8 (removed)", "Q4_0_8_8 (removed)", "TQ1_0", "TQ2_0", "MXFP4_MOE"};
  constexpr uint64_t k_guessed = 1024;  // LLAMA_FTYPE_GUESSED flag
  const uint64_t base = file_type & ~k_guessed;
  if (base >= k_names.size()) return std::nullopt;
  std::string name(k_names[base]);
  if (file_type & k_guessed) name += " (guessed)";
  return name;
}

ModelSummary summarize(const GgufFile& f) {
  ModelSummary s;
  s.version = f.version();
  s.file_size = f.file_size();
  s.metadata_count = f.metadata().size();
  s.tensor_count = f.tensors().size();
  s.architecture = scalar_string(f, "general.architecture");
  s.name = scalar_string(f, "general.name");
  if (s.architecture) {
    const std::string a = *s.architecture + ".";
    s.context_length = scalar_uint(f, a + "context_length");
    s.embedding_length = scalar_uint(f, a + "embedding_length");
    s.block_count = scalar_uint(f, a + "block_count");
    s.feed_forward_length = scalar_uint(f, a + "feed_forward_length");
    s.head_count = scalar_uint(f, a + "attention.head_count");
    s.head_count_kv = scalar_uint(f, a + "attention.head_count_kv");
    s.expert_count = scalar_uint(f, a + "expert_count");
    s.expert_used_count = scalar_uint(f, a + "expert_used_count");
    s.expert_feed_forward_length = scalar_uint(f, a + "expert_feed_forward_length");
  }
  s.file_type = scalar_uint(f, "general.file_type");
  if (s.file_type) s.file_type_name = file_type_name(*s.file_type);

  std::map<uint32_t, TypeUsage> usage;
  for (const TensorInfo& t : f.tensors()) {
    TypeUsage& u = usage.try_emplace(tensor_type_id(t.type), TypeUsage{t.type}).first->second;
    ++u.tensors;
    u.bytes += t.bytes;
    u.elements += t.elements;
    s.parameters += t.elements;
    s.tensor_bytes += t.bytes;
    if (!traits(t.type).gpu_supported) s.all_types_gpu_supported = false;
  }
  for (const auto& [id, u] : usage) s.types.push_back(u);

  s.tokenizer_model = scalar_string(f, "tokenizer.ggml.model");
  s.tokenizer_pre = scalar_string(f, "tokenizer.ggml.pre");
  if (const Value* tokens = f.find("tokenizer.ggml.tokens"); tokens && tokens->type == ValueType::Array)
    s.vocab_size = f.get_array_size("tokenizer.ggml.tokens");
  s.has_chat_template = f.find("tokenizer.chat_template") != nullptr;
  return s;
}

} // namespace sikao::gguf
