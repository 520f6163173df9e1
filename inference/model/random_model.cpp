#include "model/random_model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <numbers>
#include <regex>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "quant/quant.h"
#include "tokenizer/utf8.h"

namespace sikao::model {
namespace {

using gguf::TensorType;

struct PresetRow {
  std::string_view name;
  ModelShape shape;
};

ModelShape dense(Architecture a, uint32_t vocab, uint32_t embd, uint32_t layers, uint32_t heads,
                 uint32_t kv_heads, uint32_t head_dim, uint32_t ff, uint32_t ctx, float base,
                 float eps, bool tied);

ModelShape dense(Architecture a, uint32_t vocab, uint32_t embd, uint32_t layers, uint32_t heads,
                 uint32_t kv_heads, uint32_t head_dim, uint32_t ff, uint32_t ctx, float base,
                 float eps, bool tied) {
  ModelShape s;
  s.architecture = a;
  s.n_vocab = vocab;
  s.n_embd = embd;
  s.n_layer = layers;
  s.n_head = heads;
  s.n_head_kv = kv_heads;
  s.head_dim = head_dim;
  s.n_ff = ff;
  s.n_ctx = ctx;
  s.rope_base = base;
  s.rms_eps = eps;
  s.tied_output = tied;
  return s;
}

ModelShape with(ModelShape s, const std::function<void(ModelShape&)>& change) {
  change(s);
  return s;
}

// Hyper-parameters from the models' config.json (the Qwen2.5 / Qwen3 / SmolLM2 / Llama 3.x /
// Gemma 2 and 3 / Phi-3.5 and 4 / SmolLM3 / Granite 3.3 / Ministral 3 / Qwen3-30B-A3B /
// gpt-oss-20b releases), and the tiny versions of each family that the reference tests
// regenerate (tests/model/reference): 2-4 layers, widths of whole 256-element k-quant blocks, a
// vocabulary of 2000, a sliding window of 16 (gpt-oss: 32) and original contexts of 32-64 so
// that prompts of 100 tokens cross them (LongRoPE's 256: llama.cpp pads a context to a multiple
// of 256 and picks the factors by that, so the short factors need a context of 256 and the long
// ones 512).
const std::vector<PresetRow>& presets() {
  using A = Architecture;
  static const ModelShape test_qwen35moe =
      with(dense(A::Qwen35Moe, 2000, 256, 8, 4, 2, 64, 256, 4096, 1e7f, 1e-6f, false), [](ModelShape& s) {
        s.n_rot = 16; s.ssm_k_heads = 2; s.ssm_v_heads = 4; s.ssm_head_dim = 32; s.ssm_conv_kernel = 4;
        s.full_attention_interval = 4; s.n_expert = 16; s.n_expert_used = 4; s.n_ff_exp = 256; s.n_ff_shexp = 256;
      });
  static const std::vector<PresetRow> rows = {
      {"qwen2-0.5b", dense(A::Qwen2, 151936, 896, 24, 14, 2, 0, 4864, 32768, 1e6f, 1e-6f, true)},
      {"qwen2-1.5b", dense(A::Qwen2, 151936, 1536, 28, 12, 2, 0, 8960, 32768, 1e6f, 1e-6f, true)},
      {"qwen3-0.6b", dense(A::Qwen3, 151936, 1024, 28, 16, 8, 128, 3072, 40960, 1e6f, 1e-6f, true)},
      {"smollm2-135m", dense(A::Llama, 49152, 576, 30, 9, 3, 0, 1536, 8192, 1e5f, 1e-5f, true)},
      {"llama3.2-1b", with(dense(A::Llama, 128256, 2048, 16, 32, 8, 64, 8192, 131072, 5e5f, 1e-5f, true),
                           [](ModelShape& s) { s.llama3_rope_freqs = true; s.rope_factor = 32; s.rope_original_context = 8192; })},
      {"llama3.1-8b", with(dense(A::Llama, 128256, 4096, 32, 32, 8, 128, 14336, 131072, 5e5f, 1e-5f, false),
                           [](ModelShape& s) { s.llama3_rope_freqs = true; s.rope_factor = 8; s.rope_original_context = 8192; })},
      {"gemma2-2b", with(dense(A::Gemma2, 256000, 2304, 26, 8, 4, 256, 9216, 8192, 1e4f, 1e-6f, true),
                         [](ModelShape& s) { s.sliding_window = 4096; s.attn_softcap = 50; s.final_softcap = 30; })},
      {"gemma3-1b", with(dense(A::Gemma3, 262144, 1152, 26, 4, 1, 256, 6912, 32768, 1e6f, 1e-6f, true),
                         [](ModelShape& s) { s.sliding_window = 512; s.rope_base_swa = 1e4f; })},
      {"gemma3-4b", with(dense(A::Gemma3, 262208, 2560, 34, 8, 4, 256, 10240, 131072, 1e6f, 1e-6f, true),
                         [](ModelShape& s) { s.sliding_window = 1024; s.rope_base_swa = 1e4f; s.rope_scaling = "linear"; s.rope_factor = 8; })},
      {"phi3.5-mini", with(dense(A::Phi3, 32064, 3072, 32, 32, 32, 0, 8192, 131072, 1e4f, 1e-5f, false),
                           [](ModelShape& s) { s.rope_scaling = "longrope"; s.rope_original_context = 4096; s.rope_attn_factor = 1.1902381f; })},
      {"phi4-mini", with(dense(A::Phi3, 200064, 3072, 32, 24, 8, 128, 8192, 131072, 1e4f, 1e-5f, true),
                         [](ModelShape& s) { s.n_rot = 96; s.rope_scaling = "longrope"; s.rope_original_context = 4096; s.rope_attn_factor = 1.1902381f; })},
      {"smollm3-3b", dense(A::SmolLM3, 128256, 2048, 36, 16, 4, 0, 11008, 65536, 5e6f, 1e-6f, true)},
      {"granite-3.3-2b", with(dense(A::Granite, 49159, 2048, 40, 32, 8, 0, 8192, 131072, 1e7f, 1e-5f, true),
                              [](ModelShape& s) { s.logit_scale = 8; s.residual_scale = 0.22f; s.embedding_scale = 12; s.attention_scale = 0.015625f; })},
      {"ministral3-3b", with(dense(A::Mistral3, 131072, 3072, 26, 32, 8, 128, 9216, 262144, 1e6f, 1e-5f, true),
                             [](ModelShape& s) { s.rope_scaling = "yarn"; s.rope_factor = 16; s.rope_original_context = 16384; s.rope_yarn_log_multiplier = 1; s.attention_temperature = 0.1f; })},
      {"qwen3moe-30b-a3b", with(dense(A::Qwen3Moe, 151936, 2048, 48, 32, 4, 128, 6144, 40960, 1e6f, 1e-6f, false),
                                [](ModelShape& s) { s.n_expert = 128; s.n_expert_used = 8; s.n_ff_exp = 768; })},
      {"gpt-oss-20b", with(dense(A::GptOss, 201088, 2880, 24, 64, 8, 64, 2880, 131072, 150000.0f, 1e-5f, false),
                           [](ModelShape& s) { s.sliding_window = 128; s.rope_scaling = "yarn"; s.rope_factor = 32; s.rope_original_context = 4096; s.n_expert = 32; s.n_expert_used = 4; s.n_ff_exp = 2880; })},
      // Qwen3.5 (config.json of the 0.8B, 2B and 4B releases): 256-wide attention heads with a
      // quarter rotated, three Gated DeltaNet layers of 128-wide heads to each attention layer.
      {"qwen35-0.8b", with(dense(A::Qwen35, 248320, 1024, 24, 8, 2, 256, 3584, 262144, 1e7f, 1e-6f, true),
                           [](ModelShape& s) { s.n_rot = 64; s.ssm_k_heads = 16; s.ssm_v_heads = 16; s.ssm_head_dim = 128; s.ssm_conv_kernel = 4; s.full_attention_interval = 4; })},
      {"qwen35-2b", with(dense(A::Qwen35, 248320, 2048, 24, 8, 2, 256, 6144, 262144, 1e7f, 1e-6f, true),
                         [](ModelShape& s) { s.n_rot = 64; s.ssm_k_heads = 16; s.ssm_v_heads = 16; s.ssm_head_dim = 128; s.ssm_conv_kernel = 4; s.full_attention_interval = 4; })},
      {"qwen35-4b", with(dense(A::Qwen35, 248320, 2560, 32, 16, 4, 256, 9216, 262144, 1e7f, 1e-6f, true),
                         [](ModelShape& s) { s.n_rot = 64; s.ssm_k_heads = 16; s.ssm_v_heads = 32; s.ssm_head_dim = 128; s.ssm_conv_kernel = 4; s.full_attention_interval = 4; })},
      // Qwen3.6-35B-A3B (config.json): Qwen3.5's layers, 8 of 256 experts and a shared expert.
      {"qwen35moe-35b-a3b", with(dense(A::Qwen35Moe, 248320, 2048, 40, 16, 2, 256, 512, 262144, 1e7f, 1e-6f, false),
                                 [](ModelShape& s) { s.n_rot = 64; s.ssm_k_heads = 16; s.ssm_v_heads = 32; s.ssm_head_dim = 128; s.ssm_conv_kernel = 4; s.full_attention_interval = 4; s.n_expert = 256; s.n_expert_used = 8; s.n_ff_exp = 512; s.n_ff_shexp = 512; })},
      // Tiny versions for the reference tests.
      {"test-llama3", with(dense(A::Llama, 2000, 256, 2, 4, 2, 0, 512, 4096, 5e5f, 1e-5f, false),
                           [](ModelShape& s) { s.llama3_rope_freqs = true; s.rope_factor = 8; s.rope_original_context = 64; })},
      {"test-qwen2-yarn", with(dense(A::Qwen2, 2000, 256, 2, 4, 2, 0, 512, 4096, 1e6f, 1e-6f, true),
                               [](ModelShape& s) { s.rope_scaling = "yarn"; s.rope_factor = 4; s.rope_original_context = 64; })},
      {"test-llama-linear", with(dense(A::Llama, 2000, 256, 2, 4, 2, 0, 512, 4096, 1e4f, 1e-5f, false),
                                 [](ModelShape& s) { s.rope_scaling = "linear"; s.rope_factor = 4; })},
      {"test-gemma2", with(dense(A::Gemma2, 2000, 256, 4, 4, 2, 64, 512, 4096, 1e4f, 1e-6f, true),
                           [](ModelShape& s) { s.sliding_window = 16; s.attn_softcap = 50; s.final_softcap = 30; })},
      {"test-gemma3", with(dense(A::Gemma3, 2000, 256, 4, 4, 2, 64, 512, 4096, 1e6f, 1e-6f, true),
                           [](ModelShape& s) { s.sliding_window = 16; s.rope_base_swa = 1e4f; s.rope_scaling = "linear"; s.rope_factor = 8; })},
      {"test-phi4", with(dense(A::Phi3, 2000, 256, 2, 4, 2, 64, 512, 4096, 1e4f, 1e-5f, true),
                         [](ModelShape& s) { s.n_rot = 48; s.rope_scaling = "longrope"; s.rope_original_context = 256; s.rope_attn_factor = 1.19f; })},
      {"test-smollm3", dense(A::SmolLM3, 2000, 256, 4, 4, 2, 0, 512, 4096, 5e6f, 1e-6f, true)},
      {"test-granite", with(dense(A::Granite, 2000, 256, 2, 4, 2, 0, 512, 4096, 1e7f, 1e-5f, true),
                            [](ModelShape& s) { s.logit_scale = 8; s.residual_scale = 0.22f; s.embedding_scale = 12; s.attention_scale = 0.0625f; })},
      {"test-ministral3", with(dense(A::Mistral3, 2000, 256, 2, 4, 2, 0, 512, 4096, 1e6f, 1e-5f, true),
                               [](ModelShape& s) { s.rope_scaling = "yarn"; s.rope_factor = 16; s.rope_original_context = 32; s.rope_yarn_log_multiplier = 0.5f; s.attention_temperature = 0.1f; })},
      {"test-qwen3moe", with(dense(A::Qwen3Moe, 2000, 256, 2, 4, 2, 64, 1024, 4096, 1e6f, 1e-6f, false),
                             [](ModelShape& s) { s.n_expert = 16; s.n_expert_used = 4; s.n_ff_exp = 256; })},
      // gpt-oss's layout (more query width than n_embd, 4 of 16 experts) with a window of 32 on
      // layers 0 and 2.
      {"test-gpt-oss", with(dense(A::GptOss, 2000, 256, 3, 8, 2, 64, 256, 4096, 150000.0f, 1e-5f, false),
                            [](ModelShape& s) { s.sliding_window = 32; s.rope_scaling = "yarn"; s.rope_factor = 32; s.rope_original_context = 64; s.n_expert = 16; s.n_expert_used = 4; s.n_ff_exp = 256; })},
      // 8 layers (DeltaNet layers 0-2 and 4-6, attention 3 and 7), two value heads per key head
      // as in the 4B.
      {"test-qwen35", with(dense(A::Qwen35, 2000, 256, 8, 4, 2, 64, 512, 4096, 1e7f, 1e-6f, true),
                           [](ModelShape& s) { s.n_rot = 16; s.ssm_k_heads = 2; s.ssm_v_heads = 4; s.ssm_head_dim = 32; s.ssm_conv_kernel = 4; s.full_attention_interval = 4; })},
      // The same with 4 of 16 experts and a shared expert, untied; and written with the experts'
      // gate and up as one ffn_gate_up_exps stack (the same numbers: write_tensor).
      {"test-qwen35moe", test_qwen35moe},
      {"test-qwen35moe-fused", with(test_qwen35moe, [](ModelShape& s) { s.gate_up_exps_fused = true; })},
  };
  return rows;
}

struct FileTypeRow {
  std::string_view name;
  FileType type;
  TensorType base;
  uint32_t llama_ftype;  // enum llama_ftype
};

const std::array k_file_types = {
    FileTypeRow{"F32", FileType::F32, TensorType::F32, 0},
    FileTypeRow{"F16", FileType::F16, TensorType::F16, 1},
    FileTypeRow{"BF16", FileType::BF16, TensorType::BF16, 32},
    FileTypeRow{"Q8_0", FileType::Q8_0, TensorType::Q8_0, 7},
    FileTypeRow{"Q4_0", FileType::Q4_0, TensorType::Q4_0, 2},
    FileTypeRow{"Q4_1", FileType::Q4_1, TensorType::Q4_1, 3},
    FileTypeRow{"Q5_0", FileType::Q5_0, TensorType::Q5_0, 8},
    FileTypeRow{"Q5_1", FileType::Q5_1, TensorType::Q5_1, 9},
    FileTypeRow{"Q4_K_S", FileType::Q4_K_S, TensorType::Q4_K, 14},
    FileTypeRow{"Q4_K_M", FileType::Q4_K_M, TensorType::Q4_K, 15},
    FileTypeRow{"Q5_K_S", FileType::Q5_K_S, TensorType::Q5_K, 16},
    FileTypeRow{"Q5_K_M", FileType::Q5_K_M, TensorType::Q5_K, 17},
    FileTypeRow{"Q6_K", FileType::Q6_K, TensorType::Q6_K, 18},
    FileTypeRow{"MXFP4_MOE", FileType::MXFP4_MOE, TensorType::MXFP4, 38},
};

const FileTypeRow& row(FileType type) {
  for (const auto& r : k_file_types) {
    if (r.type == type) return r;
  }
  throw Error(ErrorCode::Internal, "file type missing from k_file_types");
}

bool is_quantized(TensorType t) {
  return t != TensorType::F32 && t != TensorType::F16 && t != TensorType::BF16;
}

uint32_t block_size(TensorType t) { return gguf::traits(t).block_size; }

// llama.cpp's tensor_type_fallback: k-quants need rows of whole 256-element super-blocks; other
// rows get the nearest 32-element type, or F16 when even that does not fit.
TensorType fallback_for_row(TensorType t, uint64_t n_cols) {
  if (n_cols % block_size(t) == 0) return t;
  TensorType fallback = TensorType::F16;
  switch (t) {
    case TensorType::Q4_K: fallback = TensorType::Q5_0; break;
    case TensorType::Q5_K: fallback = TensorType::Q5_1; break;
    case TensorType::Q6_K: fallback = TensorType::Q8_0; break;
    default:
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("rows of {} elements cannot be stored as {} (blocks of {})", n_cols,
                              gguf::traits(t).name, block_size(t)));
  }
  return n_cols % block_size(fallback) == 0 ? fallback : TensorType::F16;
}

bool is_expert(TensorRole role) {
  return role == TensorRole::FfnGateExps || role == TensorRole::FfnUpExps ||
         role == TensorRole::FfnGateUpExps || role == TensorRole::FfnDownExps;
}

bool is_norm(TensorRole role) {
  return role == TensorRole::OutputNorm || role == TensorRole::AttnNorm ||
         role == TensorRole::AttnQNorm || role == TensorRole::AttnKNorm ||
         role == TensorRole::FfnNorm || role == TensorRole::AttnPostNorm ||
         role == TensorRole::FfnPostNorm || role == TensorRole::SsmNorm;
}

bool is_gpt_oss_bias(TensorRole role) {
  return role == TensorRole::AttnOutputBias || role == TensorRole::FfnGateExpsBias || role == TensorRole::FfnUpExpsBias ||
         role == TensorRole::FfnDownExpsBias;
}

bool is_rope_factors(TensorRole role) {
  return role == TensorRole::RopeFreqs || role == TensorRole::RopeFactorsLong ||
         role == TensorRole::RopeFactorsShort;
}

// RoPE factors as the converters write them. Llama 3 (convert_hf_to_gguf's LlamaModel): pairs
// whose wavelength is shorter than original/4 keep factor 1, longer than the original context
// get the scaling factor, and a smooth blend between. LongRoPE (Phi-3) factors are learned; here
// short ones near 1 and long ones rising to 40, deterministic.
std::vector<float> rope_factors(const ModelShape& s, TensorRole role) {
  const uint32_t half = s.rotary_length() / 2;
  std::vector<float> out(half);
  for (uint32_t i = 0; i < half; ++i) {
    const double x = double(i) / half;
    if (role == TensorRole::RopeFactorsShort) {
      out[i] = float(1.0 + 0.05 * x);
    } else if (role == TensorRole::RopeFactorsLong) {
      out[i] = float(1.0 + 39.0 * x * x);
    } else {
      const double freq = std::pow(double(s.rope_base), -2.0 * i / s.rotary_length());
      const double wavelength = 2.0 * std::numbers::pi / freq;
      const double original = s.rope_original_context, factor = s.rope_factor;
      const double low_wavelength = original / 1.0, high_wavelength = original / 4.0;
      if (wavelength < high_wavelength) {
        out[i] = 1.0f;
      } else if (wavelength > low_wavelength) {
        out[i] = float(factor);
      } else {
        const double smooth = (original / wavelength - 1.0) / (4.0 - 1.0);
        out[i] = float(1.0 / ((1.0 - smooth) / factor + smooth));
      }
    }
  }
  return out;
}

// xoshiro256** (Blackman & Vigna), seeded through splitmix64: fast, and the same numbers on every
// platform, unlike std::normal_distribution.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9e3779b97f4a7c15ull;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      s = z ^ (z >> 31);
    }
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in (0, 1].
  double uniform() { return (double(next() >> 11) + 1.0) * 0x1.0p-53; }
  // Standard normal pairs by Box-Muller.
  void normal_pair(float& a, float& b) {
    const double r = std::sqrt(-2.0 * std::log(uniform()));
    const double phi = 2.0 * std::numbers::pi * uniform();
    a = float(r * std::cos(phi));
    b = float(r * std::sin(phi));
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

uint64_t name_hash(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

void fill_normal(Rng& rng, std::span<float> out, float mean, float stddev) {
  for (size_t i = 0; i < out.size(); i += 2) {
    float a, b;
    rng.normal_pair(a, b);
    out[i] = mean + stddev * a;
    if (i + 1 < out.size()) out[i + 1] = mean + stddev * b;
  }
}

void check_shape(const ModelShape& s) {
  const auto fail = [](const std::string& what) {
    throw Error(ErrorCode::InvalidArgument, "model shape: " + what);
  };
  if (!s.n_embd || !s.n_layer || !s.n_head || !s.n_head_kv || !s.n_ff || !s.n_ctx) {
    fail("n_embd, n_layer, n_head, n_head_kv, n_ff and n_ctx must all be positive");
  }
  if (!s.head_dim && s.n_embd % s.n_head != 0) {
    fail(fmt::format("n_embd {} is not divisible by {} heads (give --head-dim)", s.n_embd, s.n_head));
  }
  if (s.n_head % s.n_head_kv != 0) {
    fail(fmt::format("{} heads are not a multiple of {} KV heads", s.n_head, s.n_head_kv));
  }
  if (s.head_length() % 2 != 0) {
    fail(fmt::format("head dimension {} is odd", s.head_length()));
  }
  if (s.rotary_length() % 2 != 0 || s.rotary_length() > s.head_length()) {
    fail(fmt::format("{} rotary dimensions for heads of {}", s.rotary_length(), s.head_length()));
  }
  if (!s.rope_scaling.empty() && s.rope_scaling != "linear" && s.rope_scaling != "yarn" &&
      s.rope_scaling != "longrope") {
    fail(fmt::format("unknown rope scaling '{}' (linear, yarn, longrope)", s.rope_scaling));
  }
  if ((s.llama3_rope_freqs || s.rope_scaling == "longrope") && !s.rope_original_context) {
    fail("Llama 3 and LongRoPE factors need the original context length");
  }
  if (traits(s.architecture).shared_expert && !s.n_ff_shexp) {
    fail("a shared expert needs n_ff_shexp");
  }
  if (traits(s.architecture).experts &&
      (!s.n_expert || !s.n_expert_used || s.n_expert_used > s.n_expert || !s.n_ff_exp)) {
    fail("a mixture of experts needs n_expert ≥ n_expert_used ≥ 1 and n_ff_exp");
  }
  if (traits(s.architecture).default_full_attention_interval > 0 &&
      (!s.ssm_k_heads || !s.ssm_v_heads || s.ssm_v_heads % s.ssm_k_heads != 0 ||
       !s.ssm_head_dim || !s.ssm_conv_kernel || !s.full_attention_interval)) {
    fail("Gated DeltaNet layers need key heads dividing value heads, a head length, a "
         "convolution and the attention interval");
  }
  if (s.n_vocab < 256 + 3) {
    fail(fmt::format("a vocabulary of {} tokens is too small for 256 byte tokens and 3 control "
                     "tokens", s.n_vocab));
  }
}

// The synthetic byte-level BPE vocabulary: ids 0..255 the GPT-2 byte alphabet, then one token per
// merge of two byte tokens (as many as fit), unused fillers, and <|endoftext|>, <|im_start|>,
// <|im_end|> as the last three ids.
struct SyntheticVocab {
  std::vector<std::string> tokens;
  std::vector<int32_t> types;
  std::vector<std::string> merges;
  int32_t endoftext = 0;
};

// Phi-3 vocabularies also hold SentencePiece's <unk>, <s> and </s>, which llama.cpp's loader
// looks up by name for a model called "phi3"; they go in front of the three others.
SyntheticVocab synthetic_vocab(uint32_t n_vocab, Architecture architecture) {
  std::vector<const char*> specials = {"<|endoftext|>", "<|im_start|>", "<|im_end|>"};
  if (architecture == Architecture::Phi3) {
    specials.insert(specials.begin(), {"<unk>", "<s>", "</s>"});
  }
  constexpr int32_t k_normal = 1, k_control = 3, k_unused = 5;
  SyntheticVocab v;
  v.tokens.reserve(n_vocab);
  for (int b = 0; b < 256; ++b) {
    std::string s;
    tokenizer::utf8::append(s, tokenizer::utf8::byte_to_code_point(static_cast<unsigned char>(b)));
    v.tokens.push_back(std::move(s));
  }
  v.types.assign(256, k_normal);
  const size_t n_plain = n_vocab - specials.size();
  for (size_t pair = 0; v.tokens.size() < n_plain && pair < 256 * 256; ++pair) {
    const std::string& left = v.tokens[pair / 256];
    const std::string& right = v.tokens[pair % 256];
    v.merges.push_back(left + " " + right);
    v.tokens.push_back(left + right);
    v.types.push_back(k_normal);
  }
  while (v.tokens.size() < n_plain) {
    v.tokens.push_back(fmt::format("<|unused_{}|>", v.tokens.size()));
    v.types.push_back(k_unused);
  }
  v.endoftext = static_cast<int32_t>(v.tokens.size() + specials.size() - 3);
  for (const char* special : specials) {
    v.tokens.emplace_back(special);
    v.types.push_back(k_control);
  }
  return v;
}

constexpr std::string_view k_chatml_template =
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
    "message['content'] + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}"
    "{{ '<|im_start|>assistant\\n' }}{% endif %}";

void write_metadata(gguf::GgufWriter& w, const RandomModelOptions& o) {
  const ModelShape& s = o.shape;
  const std::string arch(to_string(s.architecture));
  const auto key = [&](std::string_view k) { return fmt::format("{}.{}", arch, k); };
  w.set_string("general.architecture", arch);
  w.set_string("general.name",
               o.name.empty() ? fmt::format("random {} {} seed {}", arch,
                                            file_type_name(o.file_type), o.seed)
                              : o.name);
  w.set_u32("general.file_type", llama_ftype_id(o.file_type));
  w.set_u32("general.quantization_version", 2);
  w.set_u32(key("context_length"), s.n_ctx);
  w.set_u32(key("embedding_length"), s.n_embd);
  w.set_u32(key("block_count"), s.n_layer);
  w.set_u32(key("feed_forward_length"), s.n_ff);
  w.set_u32(key("attention.head_count"), s.n_head);
  w.set_u32(key("attention.head_count_kv"), s.n_head_kv);
  if (s.head_dim || traits(s.architecture).writes_key_length) {
    w.set_u32(key("attention.key_length"), s.head_length());
    w.set_u32(key("attention.value_length"), s.head_length());
  }
  if (s.n_rot) {
    w.set_u32(key("rope.dimension_count"), s.n_rot);
  }
  w.set_f32(key("rope.freq_base"), s.rope_base);
  w.set_f32(key("attention.layer_norm_rms_epsilon"), s.rms_eps);
  if (!s.rope_scaling.empty()) {
    w.set_string(key("rope.scaling.type"), s.rope_scaling);
  }
  const auto set_f32_if = [&](std::string_view k, float value) {
    if (value != 0.0f) w.set_f32(key(k), value);
  };
  set_f32_if("rope.scaling.factor", s.llama3_rope_freqs ? 0.0f : s.rope_factor);
  if (s.rope_original_context && !s.llama3_rope_freqs) {
    w.set_u32(key("rope.scaling.original_context_length"), s.rope_original_context);
  }
  set_f32_if("rope.scaling.attn_factor", s.rope_attn_factor);
  set_f32_if("rope.scaling.yarn_log_multiplier", s.rope_yarn_log_multiplier);
  set_f32_if("rope.freq_base_swa", s.rope_base_swa);
  if (s.sliding_window) {
    w.set_u32(key("attention.sliding_window"), s.sliding_window);
  }
  set_f32_if("attn_logit_softcapping", s.attn_softcap);
  set_f32_if("final_logit_softcapping", s.final_softcap);
  set_f32_if("logit_scale", s.logit_scale);
  set_f32_if("residual_scale", s.residual_scale);
  set_f32_if("embedding_scale", s.embedding_scale);
  set_f32_if("attention.scale", s.attention_scale);
  set_f32_if("attention.temperature_scale", s.attention_temperature);
  if (s.full_attention_interval) {
    // As llama.cpp's converter writes Qwen3.5: state_size is the key heads' length, inner_size
    // all value heads; the multi-section layout splits the rotated pairs t, h, w (text uses
    // one position for all three).
    w.set_u32(key("ssm.conv_kernel"), s.ssm_conv_kernel);
    w.set_u32(key("ssm.state_size"), s.ssm_head_dim);
    w.set_u32(key("ssm.group_count"), s.ssm_k_heads);
    w.set_u32(key("ssm.time_step_rank"), s.ssm_v_heads);
    w.set_u32(key("ssm.inner_size"), s.ssm_v_heads * s.ssm_head_dim);
    w.set_u32(key("full_attention_interval"), s.full_attention_interval);
    const int32_t pairs = static_cast<int32_t>(s.rotary_length() / 2);
    const int32_t t = (pairs + 2) / 3, h = (pairs - t + 1) / 2;
    w.set_i32_array(key("rope.dimension_sections"), std::vector<int32_t>{t, h, pairs - t - h, 0});
  }
  if (s.n_expert) {
    w.set_u32(key("expert_count"), s.n_expert);
    w.set_u32(key("expert_used_count"), s.n_expert_used);
    w.set_u32(key("expert_feed_forward_length"), s.n_ff_exp);
  }
  if (s.n_ff_shexp) {
    w.set_u32(key("expert_shared_feed_forward_length"), s.n_ff_shexp);
  }

  const SyntheticVocab v = synthetic_vocab(s.n_vocab, s.architecture);
  w.set_string("tokenizer.ggml.model", "gpt2");
  w.set_string("tokenizer.ggml.pre", std::string(traits(s.architecture).tokenizer_pre));
  w.set_string_array("tokenizer.ggml.tokens", v.tokens);
  w.set_i32_array("tokenizer.ggml.token_type", v.types);
  w.set_string_array("tokenizer.ggml.merges", v.merges);
  w.set_u32("tokenizer.ggml.bos_token_id", static_cast<uint32_t>(v.endoftext));
  w.set_u32("tokenizer.ggml.eos_token_id", static_cast<uint32_t>(v.endoftext));
  w.set_u32("tokenizer.ggml.padding_token_id", static_cast<uint32_t>(v.endoftext));
  w.set_bool("tokenizer.ggml.add_bos_token", false);
  w.set_string("tokenizer.chat_template",
               o.chat_template.empty() ? std::string(k_chatml_template) : o.chat_template);
}

// Streams one tensor: rows of random floats, quantised, in chunks of about 4 MiB.
void write_tensor(gguf::GgufWriter& w, const RandomTensor& t, const ModelShape& shape,
                  uint64_t seed) {
  if (is_rope_factors(t.role)) {
    const std::vector<float> factors = rope_factors(shape, t.role);
    w.write(std::as_bytes(std::span(factors)));
    return;
  }
  const uint64_t n_cols = t.spec.dims[0];
  uint64_t n_rows = 1;  // a 3-D expert tensor is n_expert matrices of rows
  for (size_t d = 1; d < t.spec.dims.size(); ++d) n_rows *= t.spec.dims[d];
  const uint64_t row_bytes = gguf::row_bytes(t.spec.type, n_cols);
  const uint64_t rows_per_chunk = std::max<uint64_t>(1, (4u << 20) / row_bytes);
  Rng own(seed ^ name_hash(t.spec.name));
  // A fused gate/up stack holds the numbers of the separate stacks of the same seed (expert e's
  // gate rows from ffn_gate_exps's stream, then its up rows from ffn_up_exps's), so that a file
  // written either way is the same model.
  const bool fused = t.role == TensorRole::FfnGateUpExps;
  const auto part = [&](std::string_view which) {
    std::string name = t.spec.name;
    name.replace(name.find("gate_up_exps"), 12, which);
    return Rng(seed ^ name_hash(name));
  };
  Rng gate_rng = fused ? part("gate_exps") : own;
  Rng up_rng = fused ? part("up_exps") : own;
  const uint64_t n_ff = fused ? t.spec.dims[1] / 2 : 0;
  std::vector<float> values(n_cols);
  std::vector<std::byte> chunk;
  chunk.reserve(rows_per_chunk * row_bytes);
  const float stddev = 1.0f / std::sqrt(float(n_cols));
  for (uint64_t r = 0; r < n_rows; ++r) {
    Rng& rng = !fused ? own : (r % (2 * n_ff) < n_ff ? gate_rng : up_rng);
    if (is_norm(t.role)) {
      fill_normal(rng, values, 1.0f, 0.05f);
    } else if (t.role == TensorRole::AttnSinks) {
      fill_normal(rng, values, 0.0f, 1.5f);  // logits as large as the scores, so they matter
    } else if (t.role == TensorRole::FfnGateInpBias) {
      // Spreads the router's logits, so that few tokens sit near a tie between their last chosen
      // expert and the next (see make_references.sh).
      fill_normal(rng, values, 0.0f, 2.0f);
    } else if (t.role == TensorRole::SsmA) {
      // a = −exp(A_log) with A uniform in (0, 16], as Qwen3.5 initialises it.
      for (float& v : values) v = float(-16.0 * rng.uniform());
    } else if (t.role == TensorRole::SsmDtBias) {
      // The inverse softplus of a time step uniform in [0.001, 0.1] (the Mamba initialisation).
      for (float& v : values) v = float(std::log(std::expm1(0.001 + 0.099 * rng.uniform())));
    } else if (is_gpt_oss_bias(t.role)) {
      fill_normal(rng, values, 0.0f, 0.5f);  // large enough to move activations
    } else if (is_vector(t.role)) {
      fill_normal(rng, values, 0.0f, 0.02f);
    } else {
      fill_normal(rng, values, 0.0f, stddev);
    }
    const size_t at = chunk.size();
    chunk.resize(at + row_bytes);
    quant::quantize_row(t.spec.type, values, std::span(chunk).subspan(at, row_bytes));
    if (chunk.size() >= rows_per_chunk * row_bytes || r + 1 == n_rows) {
      w.write(chunk);
      chunk.clear();
    }
  }
}

} // namespace

std::optional<ModelShape> shape_preset(std::string_view name) {
  for (const auto& p : presets()) {
    if (p.name == name) return p.shape;
  }
  return std::nullopt;
}

std::string shape_preset_names() {
  std::vector<std::string_view> names;
  for (const auto& p : presets()) names.push_back(p.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::optional<FileType> file_type_from_name(std::string_view name) {
  for (const auto& r : k_file_types) {
    if (r.name == name) return r.type;
  }
  return std::nullopt;
}

std::string_view file_type_name(FileType type) { return row(type).name; }

std::string file_type_names() {
  std::vector<std::string_view> names;
  for (const auto& r : k_file_types) names.push_back(r.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

uint32_t llama_ftype_id(FileType type) { return row(type).llama_ftype; }

bool use_more_bits(uint32_t layer, uint32_t n_layer) {
  const int i = static_cast<int>(layer), n = static_cast<int>(n_layer);
  return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
}

TensorType tensor_type_for(FileType file_type, TensorRole role, uint32_t layer, uint32_t n_layer,
                           uint64_t n_cols, bool tied_output) {
  // llama.cpp never quantises the experts' router (llama-quant.cpp: ffn_gate_inp) nor a
  // convolution's taps (ssm_conv1d).
  if (is_vector(role) || role == TensorRole::FfnGateInp || role == TensorRole::SsmConv1d) {
    return TensorType::F32;
  }
  const TensorType base = row(file_type).base;
  if (!is_quantized(base)) return base;
  if (file_type == FileType::MXFP4_MOE) {
    // The 3-D expert stacks MXFP4, every other matrix (the output too) Q8_0.
    return fallback_for_row(is_expert(role) ? TensorType::MXFP4 : TensorType::Q8_0, n_cols);
  }
  TensorType t = base;
  const bool k_m = file_type == FileType::Q4_K_M || file_type == FileType::Q5_K_M;
  if (role == TensorRole::Output || (tied_output && role == TensorRole::TokenEmbd)) {
    // The output matrix (or the embedding that doubles as it) is the most sensitive one.
    if (n_cols % block_size(base) != 0) {
      t = TensorType::Q8_0;
    } else if (base != TensorType::Q8_0) {
      t = TensorType::Q6_K;
    }
  } else if (role == TensorRole::AttnQkv) {
    if (file_type == FileType::Q4_K_M) {
      t = TensorType::Q5_K;
    } else if (file_type == FileType::Q5_K_M) {
      t = TensorType::Q6_K;
    }
  } else if (role == TensorRole::AttnV || role == TensorRole::SsmQkv) {
    // A DeltaNet layer's attn_qkv is "attention-v-like" to llama-quantize, counted with the
    // attention layers' attn_v: one of them per layer, so its index is the layer's.
    if (k_m && use_more_bits(layer, n_layer)) {
      t = TensorType::Q6_K;
    } else if (file_type == FileType::Q4_K_S && layer < 4) {
      t = TensorType::Q5_K;
    }
  } else if (role == TensorRole::FfnDown || role == TensorRole::FfnDownExps ||
             role == TensorRole::FfnDownShexp) {
    if (k_m && use_more_bits(layer, n_layer)) {
      t = TensorType::Q6_K;
    } else if (file_type == FileType::Q4_K_S && layer < n_layer / 8) {
      t = TensorType::Q5_K;
    }
  }
  return fallback_for_row(t, n_cols);
}

ModelConfig shape_config(const ModelShape& s) {
  ModelConfig c;
  c.arch = traits(s.architecture);
  c.n_vocab = s.n_vocab;
  c.n_embd = s.n_embd;
  c.n_layer = s.n_layer;
  c.n_head = s.n_head;
  c.n_head_kv = s.n_head_kv;
  c.head_dim = s.head_length();
  c.n_ff = s.n_ff;
  c.n_ctx_train = s.n_ctx;
  c.n_rot = s.rotary_length();
  c.tied_output = s.tied_output;
  c.n_expert = s.n_expert;
  c.n_expert_used = s.n_expert_used;
  c.n_ff_exp = s.n_ff_exp;
  c.n_ff_shexp = s.n_ff_shexp;
  if (s.gate_up_exps_fused && !c.arch.gate_up_exps_may_be_fused) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} files keep the experts' gate and up apart", c.arch.gguf_name));
  }
  c.gate_up_exps_fused = s.gate_up_exps_fused;
  if (s.llama3_rope_freqs) {
    c.rope_factors_tensor = "rope_freqs.weight";
  }
  RopeVariant rope;
  rope.base = s.rope_base;
  if (s.rope_scaling == "longrope") {
    rope.long_factors = rope_factors(s, TensorRole::RopeFactorsLong);
    rope.scaling.freq_factors = rope_factors(s, TensorRole::RopeFactorsShort);
  }
  c.rope_variants = {rope};
  c.delta_net = {s.ssm_k_heads, s.ssm_head_dim, s.ssm_v_heads, s.ssm_head_dim, s.ssm_conv_kernel};
  assign_layer_kinds(c, s.full_attention_interval);
  return c;
}

TensorTypeOverride parse_tensor_type_override(std::string_view argument) {
  const size_t equals = argument.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == argument.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("a tensor type override is PATTERN=TYPE, not '{}'", argument));
  }
  std::string pattern(argument.substr(0, equals));
  std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string name(argument.substr(equals + 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const std::optional<TensorType> type = gguf::tensor_type_from_name(name);
  if (!type || !quant::is_supported(*type)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("'{}' in '{}' is not a weight type Sikao can write", name, argument));
  }
  try {
    (void)std::regex(pattern);
  } catch (const std::regex_error& e) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("'{}' is not a regular expression: {}", pattern, e.what()));
  }
  return {std::move(pattern), *type};
}

std::vector<RandomTensor> random_model_tensors(const ModelShape& s, FileType file_type,
                                               std::span<const TensorTypeOverride> overrides) {
  check_shape(s);
  if (!overrides.empty() && !is_quantized(row(file_type).base)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("tensor type overrides need a quantised file type, not {} (llama-quantize "
                            "ignores them there)",
                            file_type_name(file_type)));
  }
  std::vector<std::regex> patterns;
  for (const TensorTypeOverride& o : overrides) patterns.emplace_back(o.pattern);
  // The type an override gives a matrix llama.cpp quantises, after its row-length fallback.
  const auto overridden = [&](const ModelTensor& t) -> std::optional<TensorType> {
    if (is_vector(t.role) || t.role == TensorRole::FfnGateInp || t.role == TensorRole::SsmConv1d ||
        is_rope_factors(t.role)) {
      return std::nullopt;
    }
    for (size_t i = 0; i < overrides.size(); ++i) {
      if (std::regex_search(t.name, patterns[i])) return fallback_for_row(overrides[i].type, t.dims[0]);
    }
    return std::nullopt;
  };
  std::vector<RandomTensor> out;
  for (ModelTensor& t : model_tensors(shape_config(s))) {
    const TensorType type =
        is_rope_factors(t.role)
            ? TensorType::F32
            : overridden(t).value_or(
                  tensor_type_for(file_type, t.role, t.layer, s.n_layer, t.dims[0], s.tied_output));
    out.push_back(RandomTensor{gguf::TensorSpec{std::move(t.name), type, std::move(t.dims)},
                               t.role, t.layer});
  }
  return out;
}

void write_random_model(const std::filesystem::path& path, const RandomModelOptions& options) {
  const std::vector<RandomTensor> tensors =
      random_model_tensors(options.shape, options.file_type, options.tensor_types);
  gguf::GgufWriter w;
  write_metadata(w, options);
  for (const auto& t : tensors) w.add_tensor(t.spec);
  w.begin(path, options.overwrite);
  for (size_t i = 0; i < tensors.size(); ++i) {
    write_tensor(w, tensors[i], options.shape, options.seed);
    if (options.progress) options.progress(tensors[i], i, tensors.size());
  }
  w.finish();
}

} // namespace sikao::model
