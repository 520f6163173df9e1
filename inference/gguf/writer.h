#pragma once
// GGUF writer: metadata and the tensor table are encoded in memory (they are small), tensor data
// is streamed to disk as it is produced, so a multi-gigabyte model never has to fit in memory.
// The layout is the one gguf.h reads (version 3, little-endian):
//   "GGUF" u32 version, u64 n_tensors, u64 n_kv, n_kv × kv, n_tensors × tensor info,
//   zero padding to the alignment, then each tensor's bytes, each padded to the alignment.
//
// ByteWriter is the byte-level encoder underneath; the malformed-file corpus in tests/gguf builds
// deliberately broken files with it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gguf/gguf.h"
#include "gguf/types.h"

namespace sikao::gguf {

// Appends little-endian scalars and GGUF strings (u64 length + bytes) to a byte string.
class ByteWriter {
 public:
  template <typename T>
  ByteWriter& put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    buf_.append(b, sizeof(T));
    return *this;
  }
  ByteWriter& u8(uint8_t v) { return put(v); }
  ByteWriter& u32(uint32_t v) { return put(v); }
  ByteWriter& u64(uint64_t v) { return put(v); }
  ByteWriter& str(std::string_view s) {
    u64(s.size());
    buf_.append(s);
    return *this;
  }
  ByteWriter& raw(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  ByteWriter& pad_to(uint64_t alignment) {
    while (buf_.size() % alignment) buf_.push_back('\0');
    return *this;
  }
  size_t size() const { return buf_.size(); }
  const std::string& data() const { return buf_; }

 private:
  std::string buf_;
};

struct TensorSpec {
  std::string name;
  TensorType type = TensorType::F32;
  std::vector<uint64_t> dims;  // ne, innermost (contiguous) dimension first
};

// Bytes of a tensor of this type and shape (rows of dims[0] elements).
uint64_t tensor_bytes(const TensorSpec& spec);

enum class Overwrite { Refuse, Replace };

class GgufWriter {
 public:
  GgufWriter();
  ~GgufWriter();
  GgufWriter(const GgufWriter&) = delete;
  GgufWriter& operator=(const GgufWriter&) = delete;

  // Metadata, in the order given. Keys must be unique (Error InvalidArgument otherwise).
  void set_string(std::string_view key, std::string_view value);
  void set_u16(std::string_view key, uint16_t value);
  void set_u32(std::string_view key, uint32_t value);
  void set_i32(std::string_view key, int32_t value);
  void set_f32(std::string_view key, float value);
  void set_bool(std::string_view key, bool value);
  void set_string_array(std::string_view key, std::span<const std::string> values);
  void set_f32_array(std::string_view key, std::span<const float> values);
  void set_i32_array(std::string_view key, std::span<const int32_t> values);
  // A value read from another file, re-encoded with its own type (nested arrays included).
  void set_value(std::string_view key, const Value& value);

  // Declares the next tensor; data is written later, in declaration order.
  void add_tensor(TensorSpec spec);

  // Creates `path`'s temporary sibling and writes the header, metadata and tensor table.
  // With Overwrite::Refuse an existing `path` is Error(InvalidArgument); an unwritable folder is
  // Error(Io).
  void begin(const std::filesystem::path& path, Overwrite overwrite);
  // The next bytes of the current tensor; a chunk may not run past the end of the tensor.
  void write(std::span<const std::byte> bytes);
  // Checks that every tensor was written in full, flushes, and renames the file into place.
  void finish();

  const std::vector<TensorSpec>& tensors() const { return tensors_; }

 private:
  void add_kv(std::string_view key, ValueType type, const ByteWriter& value);
  void write_file(const void* data, size_t n);
  void pad_file();

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };

  static constexpr uint64_t k_alignment = 32;
  ByteWriter metadata_;
  uint64_t n_kv_ = 0;
  std::vector<std::string> keys_;
  std::vector<TensorSpec> tensors_;

  std::filesystem::path path_;
  std::filesystem::path partial_path_;
  Overwrite overwrite_ = Overwrite::Refuse;
  std::unique_ptr<std::FILE, FileCloser> file_;
  uint64_t file_pos_ = 0;
  size_t current_ = 0;        // index of the tensor being written
  uint64_t current_done_ = 0; // its bytes written so far
};

} // namespace sikao::gguf
