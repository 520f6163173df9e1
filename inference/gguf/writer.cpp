#include "gguf/writer.h"

#include <algorithm>
#include <cerrno>
#include <system_error>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::gguf {

uint64_t tensor_bytes(const TensorSpec& spec) {
  if (spec.dims.empty()) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("tensor {} has no dimensions", spec.name));
  }
  uint64_t rows = 1;
  for (size_t i = 1; i < spec.dims.size(); ++i) rows *= spec.dims[i];
  return row_bytes(spec.type, spec.dims[0]) * rows;
}

GgufWriter::GgufWriter() = default;

GgufWriter::~GgufWriter() {
  if (file_) {
    // Unfinished (an exception while streaming): leave no half-written model behind.
    file_.reset();
    std::error_code ec;
    std::filesystem::remove(partial_path_, ec);
  }
}

void GgufWriter::add_kv(std::string_view key, ValueType type, const ByteWriter& value) {
  if (file_) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("GGUF metadata key {} added after the header was written", key));
  }
  if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("GGUF metadata key {} set twice", key));
  }
  keys_.emplace_back(key);
  metadata_.str(key).u32(static_cast<uint32_t>(type)).raw(value.data());
  ++n_kv_;
}

void GgufWriter::set_string(std::string_view key, std::string_view value) {
  ByteWriter v;
  v.str(value);
  add_kv(key, ValueType::String, v);
}

void GgufWriter::set_u16(std::string_view key, uint16_t value) {
  ByteWriter v;
  v.put(value);
  add_kv(key, ValueType::UInt16, v);
}

void GgufWriter::set_u32(std::string_view key, uint32_t value) {
  ByteWriter v;
  v.u32(value);
  add_kv(key, ValueType::UInt32, v);
}

void GgufWriter::set_i32(std::string_view key, int32_t value) {
  ByteWriter v;
  v.put(value);
  add_kv(key, ValueType::Int32, v);
}

void GgufWriter::set_f32(std::string_view key, float value) {
  ByteWriter v;
  v.put(value);
  add_kv(key, ValueType::Float32, v);
}

void GgufWriter::set_bool(std::string_view key, bool value) {
  ByteWriter v;
  v.u8(value ? 1 : 0);
  add_kv(key, ValueType::Bool, v);
}

void GgufWriter::set_string_array(std::string_view key, std::span<const std::string> values) {
  ByteWriter v;
  v.u32(static_cast<uint32_t>(ValueType::String)).u64(values.size());
  for (const auto& s : values) v.str(s);
  add_kv(key, ValueType::Array, v);
}

void GgufWriter::set_f32_array(std::string_view key, std::span<const float> values) {
  ByteWriter v;
  v.u32(static_cast<uint32_t>(ValueType::Float32)).u64(values.size());
  for (float x : values) v.put(x);
  add_kv(key, ValueType::Array, v);
}

void GgufWriter::set_i32_array(std::string_view key, std::span<const int32_t> values) {
  ByteWriter v;
  v.u32(static_cast<uint32_t>(ValueType::Int32)).u64(values.size());
  for (int32_t x : values) v.put(x);
  add_kv(key, ValueType::Array, v);
}

namespace {

// The encoding of a value without its leading type (the key/value pair or the enclosing array
// writes that): scalars at their own width, a string as u64 length + bytes, an array as u32
// element type, u64 count, elements.
void encode(ByteWriter& out, const Value& value) {
  switch (value.type) {
    case ValueType::UInt8: out.put(static_cast<uint8_t>(std::get<uint64_t>(value.data))); break;
    case ValueType::UInt16: out.put(static_cast<uint16_t>(std::get<uint64_t>(value.data))); break;
    case ValueType::UInt32: out.put(static_cast<uint32_t>(std::get<uint64_t>(value.data))); break;
    case ValueType::UInt64: out.put(std::get<uint64_t>(value.data)); break;
    case ValueType::Int8: out.put(static_cast<int8_t>(std::get<int64_t>(value.data))); break;
    case ValueType::Int16: out.put(static_cast<int16_t>(std::get<int64_t>(value.data))); break;
    case ValueType::Int32: out.put(static_cast<int32_t>(std::get<int64_t>(value.data))); break;
    case ValueType::Int64: out.put(std::get<int64_t>(value.data)); break;
    case ValueType::Float32: out.put(static_cast<float>(std::get<double>(value.data))); break;
    case ValueType::Float64: out.put(std::get<double>(value.data)); break;
    case ValueType::Bool: out.u8(std::get<bool>(value.data) ? 1 : 0); break;
    case ValueType::String: out.str(std::get<std::string_view>(value.data)); break;
    case ValueType::Array: {
      const Array& a = std::get<Array>(value.data);
      out.u32(static_cast<uint32_t>(a.element_type)).u64(a.size);
      if (a.element_type == ValueType::String) {
        for (std::string_view s : a.strings) out.str(s);
      } else if (a.element_type == ValueType::Array) {
        for (const Value& nested : a.arrays) encode(out, nested);
      } else {
        out.raw(std::string_view(reinterpret_cast<const char*>(a.scalars.data()), a.scalars.size()));
      }
      break;
    }
  }
}

} // namespace

void GgufWriter::set_value(std::string_view key, const Value& value) {
  ByteWriter v;
  encode(v, value);
  add_kv(key, value.type, v);
}

void GgufWriter::add_tensor(TensorSpec spec) {
  if (file_) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("tensor {} added after the header was written", spec.name));
  }
  for (const auto& t : tensors_) {
    if (t.name == spec.name) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("tensor {} added twice", spec.name));
    }
  }
  tensor_bytes(spec);  // rejects rows that are not whole blocks now, not halfway through writing
  tensors_.push_back(std::move(spec));
}

void GgufWriter::write_file(const void* data, size_t n) {
  if (n && std::fwrite(data, 1, n, file_.get()) != n) {
    throw Error(ErrorCode::Io, fmt::format("cannot write {}: {}", partial_path_.string(),
                                           std::generic_category().message(errno)));
  }
  file_pos_ += n;
}

void GgufWriter::pad_file() {
  static constexpr char zeros[k_alignment] = {};
  write_file(zeros, (k_alignment - file_pos_ % k_alignment) % k_alignment);
}

void GgufWriter::begin(const std::filesystem::path& path, Overwrite overwrite) {
  if (file_) {
    throw Error(ErrorCode::InvalidArgument, "GgufWriter::begin called twice");
  }
  path_ = path;
  overwrite_ = overwrite;
  if (overwrite == Overwrite::Refuse && std::filesystem::exists(path)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} already exists (use --force to replace it)", path.string()));
  }
  partial_path_ = path;
  partial_path_ += ".partial";
  file_.reset(std::fopen(partial_path_.c_str(), "wb"));
  if (!file_) {
    throw Error(ErrorCode::Io, fmt::format("cannot create {}: {}", partial_path_.string(),
                                           std::generic_category().message(errno)));
  }
  ByteWriter header;
  header.raw("GGUF").u32(3).u64(tensors_.size()).u64(n_kv_).raw(metadata_.data());
  uint64_t offset = 0;
  for (const auto& t : tensors_) {
    header.str(t.name).u32(static_cast<uint32_t>(t.dims.size()));
    for (uint64_t d : t.dims) header.u64(d);
    header.u32(tensor_type_id(t.type)).u64(offset);
    offset += tensor_bytes(t);
    offset = (offset + k_alignment - 1) / k_alignment * k_alignment;
  }
  write_file(header.data().data(), header.size());
  pad_file();
  current_ = 0;
  current_done_ = 0;
}

void GgufWriter::write(std::span<const std::byte> bytes) {
  if (!file_) {
    throw Error(ErrorCode::InvalidArgument, "GgufWriter::write before begin");
  }
  if (current_ >= tensors_.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: {} bytes written after the last tensor", path_.string(),
                            bytes.size()));
  }
  const TensorSpec& t = tensors_[current_];
  const uint64_t total = tensor_bytes(t);
  if (current_done_ + bytes.size() > total) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: tensor {} has {} bytes, {} written", path_.string(), t.name,
                            total, current_done_ + bytes.size()));
  }
  write_file(bytes.data(), bytes.size());
  current_done_ += bytes.size();
  if (current_done_ == total) {
    pad_file();
    ++current_;
    current_done_ = 0;
  }
}

void GgufWriter::finish() {
  if (!file_) {
    throw Error(ErrorCode::InvalidArgument, "GgufWriter::finish before begin");
  }
  if (current_ < tensors_.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: tensor {} was not written in full", path_.string(),
                            tensors_[current_].name));
  }
  if (std::fflush(file_.get()) != 0) {
    throw Error(ErrorCode::Io, fmt::format("cannot write {}: {}", partial_path_.string(),
                                           std::generic_category().message(errno)));
  }
  file_.reset();
  // Checked again: another process may have created the file while this one was streaming.
  if (overwrite_ == Overwrite::Refuse && std::filesystem::exists(path_)) {
    std::filesystem::remove(partial_path_);
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} already exists (use --force to replace it)", path_.string()));
  }
  std::error_code ec;
  std::filesystem::rename(partial_path_, path_, ec);
  if (ec) {
    std::filesystem::remove(partial_path_);
    throw Error(ErrorCode::Io, fmt::format("cannot rename {} to {}: {}", partial_path_.string(),
                                           path_.string(), ec.message()));
  }
}

} // namespace sikao::gguf
