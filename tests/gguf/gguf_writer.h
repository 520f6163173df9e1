#pragma once
// A GGUF builder for tests, written from the format description (not from the reader under
// test): it builds valid files byte by byte and lets a test break any field. Little-endian only.
//
//   "GGUF" u32 version, u64 n_tensors, u64 n_kv
//   n_kv × { str key, u32 value_type, value }        str = u64 length + bytes
//   n_tensors × { str name, u32 n_dims, u64 ne[n_dims], u32 type, u64 offset }
//   zero padding to the alignment, then tensor data (offsets relative to the data start)

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gguf/writer.h"

namespace sikao::test::gguf {

// GGUF metadata value types.
enum Vt : uint32_t { U8 = 0, I8, U16, I16, U32, I32, F32, BOOL, STR, ARR, U64, I64, F64 };

// The byte-level encoder is the engine's own (gguf/writer.h); what this file adds is the freedom
// to lay out a file wrongly.
using Bytes = sikao::gguf::ByteWriter;

// One encoded key/value pair (key, type, value).
struct Kv {
  std::string bytes;
};

inline Kv kv_raw(std::string_view key, uint32_t type, const Bytes& value) {
  Bytes b;
  b.str(key).u32(type).raw(value.data());
  return {b.data()};
}
template <typename T>
Kv kv_scalar(std::string_view key, uint32_t type, T v) {
  Bytes value;
  value.put(v);
  return kv_raw(key, type, value);
}
inline Kv kv_u32(std::string_view key, uint32_t v) { return kv_scalar(key, U32, v); }
inline Kv kv_string(std::string_view key, std::string_view v) {
  Bytes value;
  value.str(v);
  return kv_raw(key, STR, value);
}
inline Kv kv_string_array(std::string_view key, const std::vector<std::string>& items) {
  Bytes value;
  value.u32(STR).u64(items.size());
  for (const auto& s : items) value.str(s);
  return kv_raw(key, ARR, value);
}
template <typename T>
Kv kv_scalar_array(std::string_view key, uint32_t element_type, const std::vector<T>& items) {
  Bytes value;
  value.u32(element_type).u64(items.size());
  for (T x : items) value.put(x);
  return kv_raw(key, ARR, value);
}

struct Tensor {
  std::string name;
  uint32_t type = 0;                // ggml type id
  std::vector<uint64_t> dims;       // ne, innermost first
  std::string data;                 // exactly the tensor's bytes
  std::optional<uint64_t> offset;   // relative offset override; default: packed and aligned
};

// A built file and the byte offsets where its sections end (for truncation tests).
struct Built {
  std::string bytes;
  std::vector<size_t> boundaries;
};

struct Builder {
  std::string magic = "GGUF";
  uint32_t version = 3;
  std::optional<uint64_t> tensor_count;  // override the real counts
  std::optional<uint64_t> kv_count;
  uint64_t alignment = 32;               // used for layout; write general.alignment via a Kv
  std::vector<Kv> kvs;
  std::vector<Tensor> tensors;

  Built build() const {
    Built out;
    Bytes b;
    b.raw(magic);
    out.boundaries.push_back(b.size());
    b.u32(version);
    out.boundaries.push_back(b.size());
    b.u64(tensor_count.value_or(tensors.size()));
    out.boundaries.push_back(b.size());
    b.u64(kv_count.value_or(kvs.size()));
    out.boundaries.push_back(b.size());
    for (const Kv& kv : kvs) {
      b.raw(kv.bytes);
      out.boundaries.push_back(b.size());
    }
    std::vector<uint64_t> offsets;
    uint64_t next = 0;
    for (const Tensor& t : tensors) {
      offsets.push_back(t.offset.value_or(next));
      next += t.data.size();
      next = (next + alignment - 1) / alignment * alignment;
    }
    for (size_t i = 0; i < tensors.size(); ++i) {
      const Tensor& t = tensors[i];
      b.str(t.name).u32(static_cast<uint32_t>(t.dims.size()));
      for (uint64_t d : t.dims) b.u64(d);
      b.u32(t.type).u64(offsets[i]);
      out.boundaries.push_back(b.size());
    }
    if (!tensors.empty()) {
      b.pad_to(alignment);
      out.boundaries.push_back(b.size());
      const size_t data_start = b.size();
      for (const Tensor& t : tensors) {
        if (t.offset) continue;  // overridden offsets point wherever the test wants
        while (b.size() < data_start + (offsets[&t - tensors.data()])) b.u8(0);
        b.raw(t.data);
        out.boundaries.push_back(b.size());
      }
    }
    out.bytes = b.data();
    return out;
  }
};

inline std::string f32_bytes(const std::vector<float>& v) {
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
}

} // namespace sikao::test::gguf
