// sikao-cli info MODEL.gguf [--tensors] [--json]: what a GGUF file contains, read without loading
// any tensor data.

#include <cstdio>
#include <cstring>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "common/error.h"
#include "gguf/gguf.h"
#include "gguf/model_summary.h"
#include "model/model_config.h"

namespace sikao::cli {
namespace {

using gguf::Array;
using gguf::GgufFile;
using gguf::ModelSummary;
using gguf::Value;
using gguf::ValueType;
using nlohmann::json;

std::string human_bytes(uint64_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024.0 && u < 4) {
    v /= 1024.0;
    ++u;
  }
  return u == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.2f} {}", v, units[u]);
}

std::string human_count(uint64_t n) {
  if (n >= 1'000'000'000) return fmt::format("{:.2f}B", n / 1e9);
  if (n >= 1'000'000) return fmt::format("{:.2f}M", n / 1e6);
  if (n >= 1'000) return fmt::format("{:.2f}K", n / 1e3);
  return fmt::format("{}", n);
}

std::string dims_string(const gguf::TensorInfo& t) {
  std::string s;
  for (size_t i = 0; i < t.dims.size(); ++i) s += (i ? " x " : "") + std::to_string(t.dims[i]);
  return s;
}

template <typename T>
std::string opt(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : "-";
}

// "  (Gemma 3)" for a supported architecture, else why the loader will refuse it.
std::string architecture_note(const std::optional<std::string>& architecture) {
  const auto known = architecture ? model::architecture_named(*architecture) : std::nullopt;
  if (known) {
    return fmt::format("  ({})", model::traits(*known).family);
  }
  return fmt::format("  (not supported by Sikao; supported: {})", model::supported_architectures());
}

void print_text(const GgufFile& f, const ModelSummary& s, bool with_tensors) {
  std::printf("file:            %s\n", f.path().string().c_str());
  if (f.parts().size() > 1) {
    std::printf("split into:      %zu parts, %s to %s\n", f.parts().size(),
                f.parts().front().filename().c_str(), f.parts().back().filename().c_str());
  }
  std::printf("format:          GGUF v%u, %s, %llu metadata keys, %llu tensors\n", s.version,
              human_bytes(s.file_size).c_str(), static_cast<unsigned long long>(s.metadata_count),
              static_cast<unsigned long long>(s.tensor_count));
  std::printf("architecture:    %s%s\n", opt(s.architecture).c_str(),
              architecture_note(s.architecture).c_str());
  std::printf("name:            %s\n", opt(s.name).c_str());
  std::printf("parameters:      %s (%llu)\n", human_count(s.parameters).c_str(),
              static_cast<unsigned long long>(s.parameters));
  std::printf("context length:  %s\n", opt(s.context_length).c_str());
  std::printf("embedding:       %s\n", opt(s.embedding_length).c_str());
  std::printf("layers:          %s\n", opt(s.block_count).c_str());
  std::printf("heads:           %s (KV heads %s)\n", opt(s.head_count).c_str(), opt(s.head_count_kv).c_str());
  std::printf("feed forward:    %s\n", opt(s.feed_forward_length).c_str());
  if (s.expert_count) {
    std::printf("experts:         %s (%s per token, feed forward %s)\n", opt(s.expert_count).c_str(),
                opt(s.expert_used_count).c_str(), opt(s.expert_feed_forward_length).c_str());
  }
  std::printf("file type:       %s\n",
              s.file_type ? fmt::format("{} ({})", s.file_type_name.value_or("unknown"), *s.file_type).c_str() : "-");
  std::printf("tensor types:%s\n", s.types.empty() ? "    none" : "");
  for (const gguf::TypeUsage& u : s.types) {
    const gguf::TypeTraits& tr = gguf::traits(u.type);
    std::printf("  %-8.*s %5llu tensors  %12s%s\n", static_cast<int>(tr.name.size()), tr.name.data(),
                static_cast<unsigned long long>(u.tensors), human_bytes(u.bytes).c_str(),
                tr.gpu_supported ? "" : "  (not supported by Sikao)");
  }
  std::printf("tokenizer:       %s, pre %s, %s tokens\n", opt(s.tokenizer_model).c_str(),
              opt(s.tokenizer_pre).c_str(), opt(s.vocab_size).c_str());
  std::printf("chat template:   %s\n", s.has_chat_template ? "yes" : "no");
  std::printf("metadata:\n");
  for (const gguf::MetadataEntry& e : f.metadata())
    std::printf("  %-48.*s %s\n", static_cast<int>(e.key.size()), e.key.data(), gguf::format_value(e.value).c_str());
  if (with_tensors) {
    std::printf("tensors:\n  %-40s %-8s %-24s %14s %14s\n", "name", "type", "dims", "offset", "bytes");
    for (const gguf::TensorInfo& t : f.tensors()) {
      const auto name = gguf::traits(t.type).name;
      std::printf("  %-40s %-8.*s %-24s %14llu %14llu\n", t.name.c_str(), static_cast<int>(name.size()),
                  name.data(), dims_string(t).c_str(), static_cast<unsigned long long>(t.offset),
                  static_cast<unsigned long long>(t.bytes));
    }
  }
}

json array_scalar_json(const Array& a, uint64_t i) {
  const std::byte* p = a.scalars.data();
  auto ld = [&](auto tag, size_t size) {
    decltype(tag) v;
    std::memcpy(&v, p + size * i, sizeof v);
    return json(v);
  };
  switch (a.element_type) {
    case ValueType::UInt8: return ld(uint8_t{}, 1);
    case ValueType::Int8: return ld(int8_t{}, 1);
    case ValueType::UInt16: return ld(uint16_t{}, 2);
    case ValueType::Int16: return ld(int16_t{}, 2);
    case ValueType::UInt32: return ld(uint32_t{}, 4);
    case ValueType::Int32: return ld(int32_t{}, 4);
    case ValueType::UInt64: return ld(uint64_t{}, 8);
    case ValueType::Int64: return ld(int64_t{}, 8);
    case ValueType::Float32: return ld(float{}, 4);
    case ValueType::Float64: return ld(double{}, 8);
    case ValueType::Bool: return json(std::to_integer<uint8_t>(p[i]) != 0);
    default: return nullptr;
  }
}

// Scalars as themselves; arrays as {"element_type", "length", "first": [up to 8 elements]} so a
// 150k-token vocabulary does not flood the output.
json value_json(const Value& v) {
  return std::visit(
      [&](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string_view>) {
          return std::string(x);
        } else if constexpr (std::is_same_v<T, Array>) {
          json first = json::array();
          const uint64_t shown = std::min<uint64_t>(x.size, 8);
          for (uint64_t i = 0; i < shown; ++i) {
            if (x.element_type == ValueType::String) first.push_back(std::string(x.strings[i]));
            else if (x.element_type == ValueType::Array) first.push_back(value_json(x.arrays[i]));
            else first.push_back(array_scalar_json(x, i));
          }
          return {{"element_type", gguf::value_type_name(x.element_type)}, {"length", x.size}, {"first", first}};
        } else {
          return x;
        }
      },
      v.data);
}

template <typename T>
json opt_json(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

void print_json(const GgufFile& f, const ModelSummary& s, bool with_tensors) {
  json types = json::array();
  for (const gguf::TypeUsage& u : s.types) {
    const gguf::TypeTraits& tr = gguf::traits(u.type);
    types.push_back({{"type", tr.name},
                     {"tensors", u.tensors},
                     {"bytes", u.bytes},
                     {"elements", u.elements},
                     {"gpu_supported", tr.gpu_supported}});
  }
  json metadata = json::array();
  for (const gguf::MetadataEntry& e : f.metadata())
    metadata.push_back({{"key", std::string(e.key)},
                        {"type", gguf::value_type_name(e.value.type)},
                        {"value", value_json(e.value)}});
  json out = {
      {"file", f.path().string()},
      {"parts", f.parts().size()},
      {"gguf_version", s.version},
      {"file_size", s.file_size},
      {"metadata_count", s.metadata_count},
      {"tensor_count", s.tensor_count},
      {"architecture", opt_json(s.architecture)},
      {"architecture_supported",
       s.architecture && model::architecture_named(*s.architecture).has_value()},
      {"name", opt_json(s.name)},
      {"parameters", s.parameters},
      {"tensor_bytes", s.tensor_bytes},
      {"context_length", opt_json(s.context_length)},
      {"embedding_length", opt_json(s.embedding_length)},
      {"block_count", opt_json(s.block_count)},
      {"head_count", opt_json(s.head_count)},
      {"head_count_kv", opt_json(s.head_count_kv)},
      {"feed_forward_length", opt_json(s.feed_forward_length)},
      {"file_type", opt_json(s.file_type)},
      {"file_type_name", opt_json(s.file_type_name)},
      {"tensor_types", types},
      {"all_types_gpu_supported", s.all_types_gpu_supported},
      {"tokenizer_model", opt_json(s.tokenizer_model)},
      {"tokenizer_pre", opt_json(s.tokenizer_pre)},
      {"vocab_size", opt_json(s.vocab_size)},
      {"has_chat_template", s.has_chat_template},
      {"metadata", metadata},
  };
  if (with_tensors) {
    json tensors = json::array();
    for (const gguf::TensorInfo& t : f.tensors())
      tensors.push_back({{"name", t.name},
                         {"type", gguf::traits(t.type).name},
                         {"dims", t.dims},
                         {"offset", t.offset},
                         {"bytes", t.bytes},
                         {"elements", t.elements}});
    out["tensors"] = tensors;
  }
  // GGUF strings need not be valid UTF-8 (byte tokens); replace bad sequences rather than throw.
  const std::string text = out.dump(2, ' ', false, json::error_handler_t::replace);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

} // namespace

int info(const Args& args, const GlobalOptions&) {
  std::string path;
  bool with_tensors = false;
  bool as_json = false;
  for (const std::string& a : args) {
    if (a == "--tensors") with_tensors = true;
    else if (a == "--json") as_json = true;
    else if (!a.empty() && a[0] == '-') throw Error(ErrorCode::InvalidArgument, fmt::format("unknown option '{}'", a));
    else if (path.empty()) path = a;
    else throw Error(ErrorCode::InvalidArgument, fmt::format("more than one model file given ('{}')", a));
  }
  if (path.empty()) throw Error(ErrorCode::InvalidArgument, "usage: sikao-cli info MODEL.gguf [--tensors] [--json]");
  const GgufFile f = GgufFile::open(path);
  const ModelSummary s = gguf::summarize(f);
  if (as_json) print_json(f, s, with_tensors);
  else print_text(f, s, with_tensors);
  return 0;
}

} // namespace sikao::cli
