#pragma once
// GGUF reader: the header and metadata are read into memory and validated when the file is opened
// (every count, length, offset, size, type and dimension is checked against the file size before
// it is used); tensor data is read from the file when asked for (pread, not a mapping, so a file
// that shrinks while a model loads is an error, not SIGBUS).
//
// Format (little-endian, versions 2 and 3):
//   "GGUF" u32 version, u64 n_tensors, u64 n_kv
//   n_kv × { string key, u32 value_type, value }
//   n_tensors × { string name, u32 n_dims, u64 ne[n_dims], u32 tensor_type, u64 offset }
//   padding to `general.alignment` (default 32), then the tensor data; each tensor's offset is
//   relative to the start of the data section and a multiple of the alignment.
// A string is u64 length + bytes (no terminator); an array is u32 element_type, u64 count, elements.
//
// A model split into parts (gguf/split.h) opens as one: the metadata of the first part and the
// tensors of all parts, each tensor reading from its own part.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "gguf/types.h"

namespace sikao::gguf {

enum class ValueType : uint32_t {
  UInt8 = 0,
  Int8 = 1,
  UInt16 = 2,
  Int16 = 3,
  UInt32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
  UInt64 = 10,
  Int64 = 11,
  Float64 = 12,
};

std::string_view value_type_name(ValueType type);

struct Value;

// An array value. Numeric and bool elements stay in the file's header bytes (`scalars`,
// little-endian, packed); strings are views into them; nested arrays are parsed recursively.
struct Array {
  ValueType element_type = ValueType::UInt8;
  uint64_t size = 0;
  std::span<const std::byte> scalars;       // element_type is numeric or Bool
  std::vector<std::string_view> strings;    // element_type == String
  std::vector<Value> arrays;                // element_type == Array
};

// One metadata value. Integers keep their signedness; floats are widened to double. Strings are
// views into the file's header bytes and live as long as the GgufFile.
struct Value {
  ValueType type = ValueType::UInt8;
  std::variant<uint64_t, int64_t, double, bool, std::string_view, Array> data;

  bool is_integer() const;
  bool is_float() const { return type == ValueType::Float32 || type == ValueType::Float64; }
};

struct MetadataEntry {
  std::string_view key;
  Value value;
};

struct TensorInfo {
  std::string name;
  TensorType type = TensorType::F32;
  std::vector<uint64_t> dims;  // ne, innermost (contiguous) dimension first
  uint64_t offset = 0;         // absolute byte offset in its part's file
  uint64_t bytes = 0;
  uint64_t elements = 0;
  uint32_t part = 0;           // the file that holds it: an index into parts(); 0 unless split
};

// Renders a value for humans: strings quoted and escaped, arrays as "[type × n] first items...".
std::string format_value(const Value& value, size_t max_array_items = 8, size_t max_string_chars = 120);

class GgufFile {
 public:
  // Throws sikao::Error(Io) when the file cannot be opened or read, and
  // sikao::Error(InvalidFile) naming the file, the problem and the byte offset when it is malformed.
  // A part of a split model (any part) opens the whole model, from its first part; a missing
  // part, parts that disagree (count, index, tensor total, architecture) or a tensor in two
  // parts is Error(InvalidFile) naming the part.
  static GgufFile open(const std::filesystem::path& path);
  // One file as it is, a part of a split model included, without looking for other parts.
  static GgufFile open_single_file(const std::filesystem::path& path);

  GgufFile(GgufFile&&) noexcept;
  GgufFile& operator=(GgufFile&&) noexcept;
  ~GgufFile();

  // The file opened; for a split model, its first part.
  const std::filesystem::path& path() const { return path_; }
  // Every file of the model, first part first; just path() unless the model is split.
  const std::vector<std::filesystem::path>& parts() const { return part_paths_; }
  uint32_t version() const { return version_; }
  uint64_t file_size() const;  // bytes over all parts
  uint64_t alignment() const { return alignment_; }
  uint64_t data_offset() const { return data_offset_; }  // the first part's

  // Metadata in file order.
  const std::vector<MetadataEntry>& metadata() const { return metadata_; }
  const Value* find(std::string_view key) const;
  // Frees the metadata and the header bytes it views, for a file whose tensors are all that is
  // still read: a loaded model's (a 150k-token vocabulary's arrays take ~12 MB). Afterwards
  // metadata() is empty and find() and the getters find nothing.
  void drop_metadata();

  // Typed getters: nullopt / empty when the key is missing; sikao::Error(InvalidFile) when the key
  // holds a value of another type or out of range for the requested one.
  std::optional<std::string> get_string(std::string_view key) const;
  std::optional<uint64_t> get_uint(std::string_view key) const;  // any integer type, >= 0
  std::optional<int64_t> get_int(std::string_view key) const;    // any integer type
  std::optional<double> get_float(std::string_view key) const;   // float32/64 or any integer
  std::optional<bool> get_bool(std::string_view key) const;
  std::vector<std::string> get_string_array(std::string_view key) const;
  std::vector<float> get_float_array(std::string_view key) const;   // float32/64 elements
  std::vector<int32_t> get_int_array(std::string_view key) const;   // integer elements in int32 range
  // Length of an array value without materialising it; nullopt when missing.
  std::optional<uint64_t> get_array_size(std::string_view key) const;

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const TensorInfo* find_tensor(std::string_view name) const;
  // A tensor's bytes, read from the file now (it is not mapped). Error(Io) "the file changed
  // while it was being read" when the file has become shorter since it was opened.
  std::vector<std::byte> tensor_data(const TensorInfo& tensor) const;
  void read_tensor(const TensorInfo& tensor, std::span<std::byte> out) const;
  // Error(Io) "the file changed while the model was loading" when a part's size or modification
  // time is no longer what it was when it was opened (a download still writing, a file rewritten
  // in place): bytes read before and after the change may not belong together.
  void check_unchanged() const;

 private:
  class Source;
  GgufFile();
  [[noreturn]] void fail_key(std::string_view key, const Value& v, std::string_view wanted) const;
  void join_parts();
  void index_tensors();

  std::filesystem::path path_;
  std::vector<std::filesystem::path> part_paths_;
  std::vector<std::unique_ptr<Source>> sources_;  // one per part
  uint32_t version_ = 0;
  uint64_t alignment_ = 32;
  uint64_t data_offset_ = 0;
  std::vector<MetadataEntry> metadata_;
  std::unordered_map<std::string_view, size_t> metadata_index_;
  std::vector<TensorInfo> tensors_;
  std::unordered_map<std::string_view, size_t> tensor_index_;

  friend class Parser;
};

} // namespace sikao::gguf
