// sikao-bench make-model: writes a random-weight GGUF model of a real model's shape, so speed can
// be measured at realistic sizes without real weights.
//
//   sikao-bench make-model -o PATH --type Q4_K_M (--preset qwen2-0.5b | --arch A --vocab N
//       --embd N --layers N --heads N --kv-heads N --ff N) [--head-dim N] [--ctx N]
//       [--rope-base F] [--tied | --untied] [--seed S] [--force] [--tensor-type PATTERN=TYPE]...
//       [--chat-template FILE.jinja] [--split-max-tensors N] [--fused-gate-up-exps]
// Shape flags given with --preset override the preset's values. --tensor-type is llama-quantize's
// option (model::TensorTypeOverride): the first pattern matching a matrix's name picks its type.
//
// MXFP4 tensors are byte for byte what llama-quantize writes from the --type F32 file of the same
// seed (tst_random_model); the other quantisers here are not ggml's (Q8_0 codes can differ by one).
//
// --fused-gate-up-exps writes each MoE layer's gate and up experts as one ffn_gate_up_exps stack
// (qwen35moe), as converters do from Hugging Face's fused experts.gate_up_proj.
//
// --split-max-tensors N writes the model split as gguf-split --split-max-tensors N does
// (gguf/split.h): PATH without .gguf, then -00001-of-0000K.gguf, …; PATH itself is not kept.

#include <chrono>
#include <functional>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "common/error.h"
#include "gguf/split.h"
#include "model/random_model.h"

namespace sikao::bench {
namespace {

struct MakeModelOptions {
  std::filesystem::path output;
  model::RandomModelOptions model;
  std::optional<uint32_t> split_max_tensors;
};

std::string value_of(const std::vector<std::string>& args, size_t& i) {
  if (i + 1 >= args.size()) {
    throw Error(ErrorCode::InvalidArgument, args[i] + " needs a value");
  }
  return args[++i];
}

uint64_t unsigned_option(const std::vector<std::string>& args, size_t& i, uint64_t max) {
  const std::string flag = args[i];
  const std::string v = value_of(args, i);
  size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v.size() || v[0] == '-' || n > max) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} takes an integer from 0 to {}, not '{}'", flag, max, v));
  }
  return n;
}

float float_option(const std::vector<std::string>& args, size_t& i) {
  const std::string flag = args[i];
  const std::string v = value_of(args, i);
  size_t used = 0;
  float f = 0;
  try {
    f = std::stof(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v.size() || !(f > 0)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} takes a positive number, not '{}'", flag, v));
  }
  return f;
}

model::Architecture architecture_named(const std::string& name) {
  if (const auto a = model::architecture_named(name)) return *a;
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("unknown architecture '{}' (supported: {})", name,
                          model::supported_architectures()));
}

MakeModelOptions parse(const std::vector<std::string>& args) {
  // Shape flags are collected first and applied over the preset afterwards, in any order.
  std::optional<std::string> preset, type;
  std::vector<std::function<void(model::ModelShape&)>> overrides;
  MakeModelOptions o;
  const uint64_t u32_max = 0xffffffffu;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto set_u32 = [&](uint32_t model::ModelShape::*field) {
      const auto v = static_cast<uint32_t>(unsigned_option(args, i, u32_max));
      overrides.push_back([=](model::ModelShape& s) { s.*field = v; });
    };
    if (a == "-o" || a == "--output") {
      o.output = value_of(args, i);
    } else if (a == "--preset") {
      preset = value_of(args, i);
    } else if (a == "--type") {
      type = value_of(args, i);
    } else if (a == "--tensor-type") {
      o.model.tensor_types.push_back(model::parse_tensor_type_override(value_of(args, i)));
    } else if (a == "--seed") {
      o.model.seed = unsigned_option(args, i, UINT64_MAX);
    } else if (a == "--split-max-tensors") {
      o.split_max_tensors = static_cast<uint32_t>(unsigned_option(args, i, u32_max));
    } else if (a == "--force") {
      o.model.overwrite = gguf::Overwrite::Replace;
    } else if (a == "--chat-template") {
      const std::string path = value_of(args, i);
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in || text.str().empty()) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("--chat-template: cannot read a template from '{}'", path));
      }
      o.model.chat_template = text.str();
    } else if (a == "--arch") {
      const auto arch = architecture_named(value_of(args, i));
      overrides.push_back([=](model::ModelShape& s) { s.architecture = arch; });
    } else if (a == "--vocab") {
      set_u32(&model::ModelShape::n_vocab);
    } else if (a == "--embd") {
      set_u32(&model::ModelShape::n_embd);
    } else if (a == "--layers") {
      set_u32(&model::ModelShape::n_layer);
    } else if (a == "--heads") {
      set_u32(&model::ModelShape::n_head);
    } else if (a == "--kv-heads") {
      set_u32(&model::ModelShape::n_head_kv);
    } else if (a == "--head-dim") {
      set_u32(&model::ModelShape::head_dim);
    } else if (a == "--ff") {
      set_u32(&model::ModelShape::n_ff);
    } else if (a == "--ctx") {
      set_u32(&model::ModelShape::n_ctx);
    } else if (a == "--rope-base") {
      const float base = float_option(args, i);
      overrides.push_back([=](model::ModelShape& s) { s.rope_base = base; });
    } else if (a == "--fused-gate-up-exps") {
      overrides.push_back([](model::ModelShape& s) { s.gate_up_exps_fused = true; });
    } else if (a == "--tied" || a == "--untied") {
      const bool tied = a == "--tied";
      overrides.push_back([=](model::ModelShape& s) { s.tied_output = tied; });
    } else {
      throw Error(ErrorCode::InvalidArgument, fmt::format("unexpected argument '{}'", a));
    }
  }
  if (o.output.empty()) {
    throw Error(ErrorCode::InvalidArgument, "-o PATH is required");
  }
  if (!type) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--type is required (one of {})", model::file_type_names()));
  }
  const auto file_type = model::file_type_from_name(*type);
  if (!file_type) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("unknown file type '{}' (supported: {})",
                                                        *type, model::file_type_names()));
  }
  o.model.file_type = *file_type;
  if (preset) {
    const auto shape = model::shape_preset(*preset);
    if (!shape) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("unknown preset '{}' (supported: {})",
                                                          *preset, model::shape_preset_names()));
    }
    o.model.shape = *shape;
  }
  for (const auto& apply : overrides) apply(o.model.shape);
  return o;
}

} // namespace

int run_make_model(const std::vector<std::string>& args) {
  const MakeModelOptions o = parse(args);
  const auto start = std::chrono::steady_clock::now();
  uint64_t bytes = 0;
  model::RandomModelOptions options = o.model;
  const bool terminal = isatty(STDERR_FILENO);
  options.progress = [&](const model::RandomTensor& t, size_t index, size_t count) {
    bytes += gguf::tensor_bytes(t.spec);
    if (!terminal) return;
    std::fprintf(stderr, "\r[%zu/%zu] %-28s %-5s %8.1f MiB", index + 1, count,
                 t.spec.name.c_str(), std::string(gguf::traits(t.spec.type).name).c_str(),
                 double(bytes) / (1 << 20));
  };
  model::write_random_model(o.output, options);
  std::vector<std::filesystem::path> parts;
  if (o.split_max_tensors) {
    std::filesystem::path prefix = o.output;
    if (prefix.extension() == ".gguf") prefix.replace_extension();
    {
      const auto whole = gguf::GgufFile::open_single_file(o.output);
      parts = gguf::write_split(whole, prefix, *o.split_max_tensors, o.model.overwrite);
    }
    std::filesystem::remove(o.output);  // written by this command a moment ago
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (terminal) std::fprintf(stderr, "\n");
  for (const auto& part : parts) std::printf("wrote %s\n", part.c_str());
  std::printf("wrote %s: %s %s, %.1f MiB of tensors, seed %llu, in %.1f s\n",
              parts.empty() ? o.output.c_str() : "the parts above",
              std::string(model::to_string(o.model.shape.architecture)).c_str(),
              std::string(model::file_type_name(o.model.file_type)).c_str(),
              double(bytes) / (1 << 20), static_cast<unsigned long long>(o.model.seed), seconds);
  return 0;
}

} // namespace sikao::bench
