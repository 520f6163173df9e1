#include "gguf/gguf.h"
#include "gguf/split.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"

static_assert(std::endian::native == std::endian::little, "the GGUF reader assumes a little-endian host");

namespace sikao::gguf {

// ---------------------------------------------------------------------------------------------
// The file, read rather than mapped: the header and metadata are read once into memory (the
// metadata's strings are views into it), tensor data is read on request with pread. A model file
// that shrinks while it loads (a download still running, a file being replaced) then gives a
// short read and a clear error, where a mapping would kill the process with SIGBUS.
class GgufFile::Source {
 public:
  explicit Source(const std::filesystem::path& path) : path_(path) {
    // O_NONBLOCK: opening a FIFO named as a model must not wait for a writer (it is refused below).
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd_ < 0) throw Error(ErrorCode::Io, fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
      const int err = errno;
      ::close(fd_);
      throw Error(ErrorCode::Io, fmt::format("{}: cannot stat: {}", path.string(), std::strerror(err)));
    }
    if (!S_ISREG(st.st_mode)) {
      ::close(fd_);
      throw Error(ErrorCode::Io, fmt::format("{}: not a regular file", path.string()));
    }
    size_ = static_cast<uint64_t>(st.st_size);
    mtime_ = st.st_mtim;
  }
  ~Source() {
    if (fd_ >= 0) ::close(fd_);
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  uint64_t size() const { return size_; }
  const std::vector<std::byte>& head() const { return head_; }

  // Io "the file changed while the model was loading" when its size or modification time
  // differs from when it was opened.
  void check_unchanged() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0)
      throw Error(ErrorCode::Io, fmt::format("{}: cannot stat: {}", path_.string(), std::strerror(errno)));
    const auto now = static_cast<uint64_t>(st.st_size);
    if (now != size_)
      throw Error(ErrorCode::Io, fmt::format("{}: the file changed while the model was loading: it now has {} "
                                             "bytes, {} when it was opened",
                                             path_.string(), now, size_));
    if (st.st_mtim.tv_sec != mtime_.tv_sec || st.st_mtim.tv_nsec != mtime_.tv_nsec)
      throw Error(ErrorCode::Io, fmt::format("{}: the file changed while the model was loading: it was written "
                                             "to after it was opened",
                                             path_.string()));
  }

  // Frees the header bytes once nothing views them (a later part of a split model, whose metadata
  // is not kept: up to 1 MiB each).
  void drop_head() { std::vector<std::byte>().swap(head_); }

  // Reads the first n bytes (n <= size()) into head(); views into an earlier head() are invalid.
  void read_head(uint64_t n) {
    const uint64_t had = head_.size();
    if (n <= had) return;
    head_.resize(n);
    read_at(had, std::span(head_).subspan(had));
  }

  // Exactly out.size() bytes from offset; Io "the file changed" when the file ends early.
  void read_at(uint64_t offset, std::span<std::byte> out) const {
    uint64_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        throw Error(ErrorCode::Io, fmt::format("{}: cannot read {} bytes at byte {}: {}", path_.string(),
                                               out.size(), offset, std::strerror(errno)));
      if (n == 0) {
        struct stat st {};
        const uint64_t now = ::fstat(fd_, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
        throw Error(ErrorCode::Io, fmt::format("{}: the file changed while it was being read: it now has {} "
                                               "bytes, {} when it was opened",
                                               path_.string(), now, size_));
      }
      done += static_cast<uint64_t>(n);
    }
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  uint64_t size_ = 0;
  struct timespec mtime_ {};
  std::vector<std::byte> head_;
};

// ---------------------------------------------------------------------------------------------

std::string_view value_type_name(ValueType type) {
  switch (type) {
    case ValueType::UInt8: return "uint8";
    case ValueType::Int8: return "int8";
    case ValueType::UInt16: return "uint16";
    case ValueType::Int16: return "int16";
    case ValueType::UInt32: return "uint32";
    case ValueType::Int32: return "int32";
    case ValueType::Float32: return "float32";
    case ValueType::Bool: return "bool";
    case ValueType::String: return "string";
    case ValueType::Array: return "array";
    case ValueType::UInt64: return "uint64";
    case ValueType::Int64: return "int64";
    case ValueType::Float64: return "float64";
  }
  return "unknown";
}

namespace {

constexpr uint32_t k_magic = 0x46554747;  // "GGUF" read as a little-endian u32
constexpr uint32_t k_max_dims = 4;        // GGML_MAX_DIMS
constexpr uint64_t k_max_alignment = 1 << 20;
constexpr uint32_t k_max_array_depth = 8;

// Size of one element of a scalar type; 0 for String and Array.
uint64_t scalar_size(ValueType t) {
  switch (t) {
    case ValueType::UInt8:
    case ValueType::Int8:
    case ValueType::Bool: return 1;
    case ValueType::UInt16:
    case ValueType::Int16: return 2;
    case ValueType::UInt32:
    case ValueType::Int32:
    case ValueType::Float32: return 4;
    case ValueType::UInt64:
    case ValueType::Int64:
    case ValueType::Float64: return 8;
    case ValueType::String:
    case ValueType::Array: return 0;
  }
  return 0;
}

// The fewest bytes one value of this type can occupy in a file: bounds every count before any
// allocation, so a count larger than the rest of the file fails instead of reserving memory.
uint64_t min_encoded_size(ValueType t) {
  if (t == ValueType::String) return 8;
  if (t == ValueType::Array) return 4 + 8;
  return scalar_size(t);
}

bool is_known_value_type(uint32_t t) { return t <= static_cast<uint32_t>(ValueType::Float64); }

template <typename T>
T load(const std::byte* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

} // namespace

bool Value::is_integer() const {
  switch (type) {
    case ValueType::UInt8:
    case ValueType::Int8:
    case ValueType::UInt16:
    case ValueType::Int16:
    case ValueType::UInt32:
    case ValueType::Int32:
    case ValueType::UInt64:
    case ValueType::Int64: return true;
    default: return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Reads the untrusted bytes front to back; every read is bounds-checked against the file size and
// every failure names the byte offset where the bad field starts.
// Thrown by the parser when the header runs past the bytes read so far (but not past the file):
// open() reads more and parses again.
struct NeedMore {
  uint64_t bytes;
};

// Parses the header and metadata from `data`, the first `available` bytes of a file of `size`
// bytes. Every bound is checked against the file's size (what is malformed); reading past
// `available` throws NeedMore.
class Parser {
 public:
  Parser(GgufFile& file, const std::byte* data, uint64_t available, uint64_t size)
      : f_(file), data_(data), available_(available), size_(size) {}

  void parse() {
    if (size_ == 0) fail_at(0, "the file is empty (0 bytes), not a GGUF model");
    parse_header();
    parse_metadata();
    apply_alignment();
    parse_tensor_infos();
    place_data_section();
    check_tensor_extents();
  }

 private:
  [[noreturn]] void fail_at(uint64_t offset, const std::string& what) const {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: {} (at byte offset {})", f_.path_.string(), what, offset));
  }

  uint64_t remaining() const { return size_ - pos_; }

  void need(uint64_t n, std::string_view what) const {
    if (n > remaining())
      fail_at(pos_, fmt::format("file truncated: {} needs {} bytes but only {} remain of {}", what, n,
                                remaining(), size_));
    if (pos_ + n > available_) throw NeedMore{pos_ + n};
  }

  template <typename T>
  T read(std::string_view what) {
    need(sizeof(T), what);
    const T v = load<T>(data_ + pos_);
    pos_ += sizeof(T);
    return v;
  }

  std::string_view read_string(std::string_view what) {
    const uint64_t at = pos_;
    const uint64_t len = read<uint64_t>(what);
    if (len > remaining())
      fail_at(at, fmt::format("{} has length {} but only {} bytes remain in the file", what, len, remaining()));
    need(len, what);
    std::string_view s(reinterpret_cast<const char*>(data_ + pos_), len);
    pos_ += len;
    return s;
  }

  // A count of items each at least `min_size` bytes long must fit in what is left of the file.
  void check_count(uint64_t at, uint64_t count, uint64_t min_size, std::string_view what) const {
    if (min_size > 0 && count > remaining() / min_size)
      fail_at(at, fmt::format("{} {} cannot fit in the {} bytes left in the file", what, count, remaining()));
  }

  void parse_header() {
    need(4, "the GGUF magic");
    const uint32_t magic = read<uint32_t>("the GGUF magic");
    if (magic != k_magic) {
      std::string shown;
      for (int i = 0; i < 4; ++i) {
        const auto c = static_cast<unsigned char>(data_[i]);
        shown += (c >= 0x20 && c < 0x7f) ? std::string(1, static_cast<char>(c)) : fmt::format("\\x{:02x}", c);
      }
      fail_at(0, fmt::format("not a GGUF file: magic is '{}', expected 'GGUF'", shown));
    }
    const uint32_t version = read<uint32_t>("the GGUF version");
    if (version == 1)
      fail_at(4, "GGUF version 1 is not supported (only versions 2 and 3); convert the model again with a current llama.cpp");
    if (version != 2 && version != 3) {
      if (__builtin_bswap32(version) == 2 || __builtin_bswap32(version) == 3)
        fail_at(4, fmt::format("big-endian GGUF (version {}) is not supported", __builtin_bswap32(version)));
      fail_at(4, fmt::format("unknown GGUF version {} (supported: 2 and 3)", version));
    }
    f_.version_ = version;
    tensor_count_at_ = pos_;
    tensor_count_ = read<uint64_t>("the tensor count");
    kv_count_at_ = pos_;
    kv_count_ = read<uint64_t>("the metadata key/value count");
  }

  void parse_metadata() {
    // A key/value pair is at least an 8-byte key length, a 4-byte type and a 1-byte value.
    check_count(kv_count_at_, kv_count_, 8 + 4 + 1, "metadata key/value count");
    f_.metadata_.reserve(kv_count_);
    for (uint64_t i = 0; i < kv_count_; ++i) {
      const uint64_t at = pos_;
      const std::string_view key = read_string(fmt::format("metadata key #{}", i));
      if (key.empty()) fail_at(at, fmt::format("metadata key #{} is empty", i));
      Value value = read_value(fmt::format("metadata '{}'", key), 0);
      if (!f_.metadata_index_.emplace(key, f_.metadata_.size()).second)
        fail_at(at, fmt::format("duplicate metadata key '{}'", key));
      f_.metadata_.push_back(MetadataEntry{key, std::move(value)});
      kv_at_.push_back(at);
    }
  }

  ValueType read_value_type(std::string_view what) {
    const uint64_t at = pos_;
    const uint32_t t = read<uint32_t>(what);
    if (!is_known_value_type(t)) fail_at(at, fmt::format("{} has unknown value type {}", what, t));
    return static_cast<ValueType>(t);
  }

  Value read_value(const std::string& what, uint32_t depth) {
    const ValueType type = read_value_type(what);
    return read_value_of(type, what, depth);
  }

  Value read_value_of(ValueType type, const std::string& what, uint32_t depth) {
    Value v;
    v.type = type;
    switch (type) {
      case ValueType::UInt8: v.data = uint64_t{read<uint8_t>(what)}; break;
      case ValueType::UInt16: v.data = uint64_t{read<uint16_t>(what)}; break;
      case ValueType::UInt32: v.data = uint64_t{read<uint32_t>(what)}; break;
      case ValueType::UInt64: v.data = read<uint64_t>(what); break;
      case ValueType::Int8: v.data = int64_t{read<int8_t>(what)}; break;
      case ValueType::Int16: v.data = int64_t{read<int16_t>(what)}; break;
      case ValueType::Int32: v.data = int64_t{read<int32_t>(what)}; break;
      case ValueType::Int64: v.data = read<int64_t>(what); break;
      case ValueType::Float32: v.data = double{read<float>(what)}; break;
      case ValueType::Float64: v.data = read<double>(what); break;
      case ValueType::Bool: {
        const uint64_t at = pos_;
        const uint8_t b = read<uint8_t>(what);
        if (b > 1) fail_at(at, fmt::format("{} is a bool with byte value {} (expected 0 or 1)", what, b));
        v.data = b != 0;
        break;
      }
      case ValueType::String: v.data = read_string(what); break;
      case ValueType::Array: v.data = read_array(what, depth + 1); break;
    }
    return v;
  }

  Array read_array(const std::string& what, uint32_t depth) {
    const uint64_t start = pos_;
    if (depth > k_max_array_depth)
      fail_at(start, fmt::format("{} nests arrays more than {} deep", what, k_max_array_depth));
    Array a;
    a.element_type = read_value_type(what + " array element type");
    const uint64_t count_at = pos_;
    a.size = read<uint64_t>(what + " array length");
    check_count(count_at, a.size, min_encoded_size(a.element_type), what + " array length");
    switch (a.element_type) {
      case ValueType::String: {
        const std::string element_what = what + " array element";  // built once, not per element
        a.strings.reserve(a.size);
        for (uint64_t i = 0; i < a.size; ++i) a.strings.push_back(read_string(element_what));
        break;
      }
      case ValueType::Array:
        a.arrays.reserve(a.size);
        for (uint64_t i = 0; i < a.size; ++i) {
          Value nested;
          nested.type = ValueType::Array;
          nested.data = read_array(fmt::format("{}[{}]", what, i), depth + 1);
          a.arrays.push_back(std::move(nested));
        }
        break;
      case ValueType::Bool: {
        need(a.size, what);
        for (uint64_t i = 0; i < a.size; ++i) {
          const auto b = static_cast<uint8_t>(data_[pos_ + i]);
          if (b > 1) fail_at(pos_ + i, fmt::format("{} element {} is a bool with byte value {}", what, i, b));
        }
        a.scalars = {data_ + pos_, a.size};
        pos_ += a.size;
        break;
      }
      default: {
        const uint64_t bytes = a.size * scalar_size(a.element_type);  // bounded by check_count
        need(bytes, what);
        a.scalars = {data_ + pos_, bytes};
        pos_ += bytes;
        break;
      }
    }
    return a;
  }

  void apply_alignment() {
    const auto it = f_.metadata_index_.find("general.alignment");
    if (it == f_.metadata_index_.end()) return;
    const Value& v = f_.metadata_[it->second].value;
    const uint64_t at = kv_at_[it->second];
    const uint64_t* a = std::get_if<uint64_t>(&v.data);
    if (!a)
      fail_at(at, fmt::format("general.alignment is a {}, expected an unsigned integer",
                                        value_type_name(v.type)));
    if (*a == 0 || !std::has_single_bit(*a) || *a > k_max_alignment)
      fail_at(at, fmt::format("general.alignment is {}, expected a power of two from 1 to {}", *a,
                                        k_max_alignment));
    f_.alignment_ = *a;
  }

  void parse_tensor_infos() {
    // A tensor info is at least an 8-byte name length, 4-byte n_dims, 4-byte type, 8-byte offset.
    check_count(tensor_count_at_, tensor_count_, 8 + 4 + 4 + 8, "tensor count");
    f_.tensors_.reserve(tensor_count_);
    relative_offsets_.reserve(tensor_count_);
    for (uint64_t i = 0; i < tensor_count_; ++i) parse_tensor_info(i);
    for (size_t i = 0; i < f_.tensors_.size(); ++i) {
      if (!f_.tensor_index_.emplace(f_.tensors_[i].name, i).second)
        fail_at(tensor_info_at_[i], fmt::format("duplicate tensor name '{}'", f_.tensors_[i].name));
    }
  }

  void parse_tensor_info(uint64_t i) {
    const uint64_t at = pos_;
    tensor_info_at_.push_back(at);
    TensorInfo t;
    t.name = std::string(read_string(fmt::format("tensor #{} name", i)));
    if (t.name.empty()) fail_at(at, fmt::format("tensor #{} has an empty name", i));
    const std::string what = fmt::format("tensor '{}'", t.name);

    const uint64_t dims_at = pos_;
    const uint32_t n_dims = read<uint32_t>(what + " dimension count");
    if (n_dims == 0 || n_dims > k_max_dims)
      fail_at(dims_at, fmt::format("{} has {} dimensions (expected 1 to {})", what, n_dims, k_max_dims));
    t.dims.resize(n_dims);
    uint64_t elements = 1;
    for (uint32_t d = 0; d < n_dims; ++d) {
      const uint64_t dim_at = pos_;
      t.dims[d] = read<uint64_t>(what + " dimension");
      if (t.dims[d] == 0) fail_at(dim_at, fmt::format("{} dimension {} is zero", what, d));
      if (t.dims[d] > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
          __builtin_mul_overflow(elements, t.dims[d], &elements) ||
          elements > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        fail_at(dim_at, fmt::format("{} dimensions overflow: their product does not fit in 63 bits", what));
    }
    t.elements = elements;

    const uint64_t type_at = pos_;
    const uint32_t type_id = read<uint32_t>(what + " type");
    const std::optional<TensorType> type = tensor_type_from_id(type_id);
    if (!type) fail_at(type_at, fmt::format("{} has unknown tensor type id {}", what, type_id));
    t.type = *type;
    const TypeTraits& tr = traits(t.type);
    if (t.dims[0] % tr.block_size != 0)
      fail_at(dims_at, fmt::format("{} row length {} is not a multiple of the {} block size {}", what, t.dims[0],
                                   tr.name, tr.block_size));
    const uint64_t blocks = elements / tr.block_size;
    if (__builtin_mul_overflow(blocks, uint64_t{tr.block_bytes}, &t.bytes))
      fail_at(dims_at, fmt::format("{} byte size overflows 64 bits", what));

    const uint64_t offset_at = pos_;
    const uint64_t rel = read<uint64_t>(what + " data offset");
    if (rel % f_.alignment_ != 0)
      fail_at(offset_at, fmt::format("{} data offset {} is not a multiple of the alignment {}", what, rel,
                                     f_.alignment_));
    relative_offsets_.push_back(rel);
    f_.tensors_.push_back(std::move(t));
  }

  void place_data_section() {
    const uint64_t infos_end = pos_;
    const uint64_t a = f_.alignment_;
    const uint64_t padded = infos_end + (a - infos_end % a) % a;
    if (f_.tensors_.empty()) {
      f_.data_offset_ = std::min(padded, size_);  // vocab-only files may end without padding
      return;
    }
    if (padded > size_)
      fail_at(infos_end, fmt::format("file truncated: the tensor data section would start at byte {} but the file "
                                     "has {} bytes",
                                     padded, size_));
    f_.data_offset_ = padded;
  }

  void check_tensor_extents() {
    const uint64_t data_size = size_ - f_.data_offset_;
    std::vector<size_t> order(f_.tensors_.size());
    for (size_t i = 0; i < f_.tensors_.size(); ++i) {
      TensorInfo& t = f_.tensors_[i];
      const uint64_t rel = relative_offsets_[i];
      if (rel > data_size || t.bytes > data_size - rel)
        fail_at(tensor_info_at_[i],
                fmt::format("tensor '{}' data ({} bytes at data offset {}) extends past the end of the file "
                            "(data section has {} bytes)",
                            t.name, t.bytes, rel, data_size));
      t.offset = f_.data_offset_ + rel;
      order[i] = i;
    }
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return f_.tensors_[x].offset < f_.tensors_[y].offset; });
    for (size_t k = 1; k < order.size(); ++k) {
      const TensorInfo& prev = f_.tensors_[order[k - 1]];
      const TensorInfo& cur = f_.tensors_[order[k]];
      if (prev.offset + prev.bytes > cur.offset)
        fail_at(tensor_info_at_[order[k]],
                fmt::format("tensor '{}' data overlaps tensor '{}'", cur.name, prev.name));
    }
  }

  GgufFile& f_;
  const std::byte* data_;
  uint64_t available_;
  uint64_t size_;
  uint64_t pos_ = 0;
  uint64_t tensor_count_ = 0, kv_count_ = 0;
  uint64_t tensor_count_at_ = 0, kv_count_at_ = 0;
  std::vector<uint64_t> relative_offsets_;
  std::vector<uint64_t> tensor_info_at_;
  std::vector<uint64_t> kv_at_;
};

// ---------------------------------------------------------------------------------------------

GgufFile::GgufFile() = default;
GgufFile::GgufFile(GgufFile&&) noexcept = default;
GgufFile& GgufFile::operator=(GgufFile&&) noexcept = default;
GgufFile::~GgufFile() = default;

// Reads the first MiB, and more (at least doubling) while the header runs past what was read:
// the header and metadata of a model are a few MiB at most (a 262k-token vocabulary).
GgufFile GgufFile::open_single_file(const std::filesystem::path& path) {
  auto source = std::make_unique<Source>(path);
  uint64_t want = std::min<uint64_t>(source->size(), 1u << 20);
  for (;;) {
    source->read_head(want);
    GgufFile f;
    f.path_ = path;
    try {
      Parser(f, source->head().data(), source->head().size(), source->size()).parse();
    } catch (const NeedMore& more) {
      want = std::min(source->size(), std::max(2 * want, more.bytes));
      continue;
    }
    f.sources_.push_back(std::move(source));
    f.part_paths_ = {path};
    log::get("gguf")->debug("{}: GGUF v{}, {} metadata keys, {} tensors, data at byte {}", path.string(),
                            f.version_, f.metadata_.size(), f.tensors_.size(), f.data_offset_);
    return f;
  }
}

namespace {

// A file's split.* keys (gguf/split.h); nullopt when it has none.
struct SplitKeys {
  uint32_t no = 0;
  uint32_t count = 1;
  std::optional<uint64_t> tensors;
};

[[noreturn]] void split_error(const std::filesystem::path& path, const std::string& what) {
  throw Error(ErrorCode::InvalidFile, fmt::format("{}: {}", path.string(), what));
}

std::optional<SplitKeys> split_keys(const GgufFile& f) {
  const std::optional<uint64_t> count = f.get_uint(k_split_count);
  const std::optional<uint64_t> no = f.get_uint(k_split_no);
  if (!count && !no) return std::nullopt;
  if (!count) split_error(f.path(), fmt::format("has {} but no {}", k_split_no, k_split_count));
  if (!no) split_error(f.path(), fmt::format("has {} but no {}", k_split_count, k_split_no));
  if (*count == 0 || *count > 65535)
    split_error(f.path(), fmt::format("{} is {}, expected 1 to 65535", k_split_count, *count));
  if (*no >= *count)
    split_error(f.path(), fmt::format("{} is {}, but the model has {} parts (split.no counts from 0)", k_split_no,
                                      *no, *count));
  return SplitKeys{static_cast<uint32_t>(*no), static_cast<uint32_t>(*count), f.get_uint(k_split_tensors_count)};
}

// Opens part `no` (from 0) of a model of `count` parts and checks that it says so.
std::pair<GgufFile, SplitKeys> open_part(const std::filesystem::path& path, uint32_t no, uint32_t count) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::Io, fmt::format("{}: part {} of {} of this split model is missing", path.string(),
                                           no + 1, count));
  GgufFile part = GgufFile::open_single_file(path);
  const std::optional<SplitKeys> keys = split_keys(part);
  if (!keys)
    split_error(path, fmt::format("is named as part {} of {} of a split model but has no {} metadata", no + 1, count,
                                  k_split_count));
  if (keys->count != count)
    split_error(path, fmt::format("says the model has {} parts, but its name and the first part say {}: the parts "
                                  "are of different models",
                                  keys->count, count));
  if (keys->no != no)
    split_error(path, fmt::format("says it is part {}, but its name says part {}", keys->no + 1, no + 1));
  if (!keys->tensors)
    split_error(path, fmt::format("part {} of {} has no {}", no + 1, count, k_split_tensors_count));
  return {std::move(part), *keys};
}

} // namespace

GgufFile GgufFile::open(const std::filesystem::path& path) {
  GgufFile f = open_single_file(path);
  const std::optional<SplitKeys> keys = split_keys(f);
  if (!keys || keys->count == 1) return f;
  const std::optional<SplitName> name = parse_split_name(path);
  if (!name)
    split_error(path, fmt::format("is part {} of {} of a split model, but its name does not end in "
                                  "-{:05}-of-{:05}.gguf, so its other parts cannot be found (give it the name "
                                  "gguf-split gave it)",
                                  keys->no + 1, keys->count, keys->no + 1, keys->count));
  if (name->no != keys->no || name->count != keys->count)
    split_error(path, fmt::format("its name says part {} of {}, but its metadata says part {} of {}", name->no + 1,
                                  name->count, keys->no + 1, keys->count));
  if (keys->no != 0) f = open_part(split_part_path(name->prefix, 0, keys->count), 0, keys->count).first;
  f.join_parts();
  return f;
}

// Appends the tensors of parts 2… to those of the first part (this file), each reading from its
// own part, and checks that the parts belong together.
void GgufFile::join_parts() {
  const SplitKeys first = *split_keys(*this);
  if (!first.tensors) split_error(path_, fmt::format("part 1 of {} has no {}", first.count, k_split_tensors_count));
  const SplitName name = *parse_split_name(path_);
  const std::optional<std::string> arch = get_string("general.architecture");
  for (uint32_t no = 1; no < first.count; ++no) {
    auto [part, keys] = open_part(split_part_path(name.prefix, no, first.count), no, first.count);
    if (*keys.tensors != *first.tensors)
      split_error(part.path(), fmt::format("says the model has {} tensors, the first part says {}: the parts are of "
                                           "different models",
                                           *keys.tensors, *first.tensors));
    if (const auto part_arch = part.get_string("general.architecture"); part_arch && arch && *part_arch != *arch)
      split_error(part.path(), fmt::format("is a {} model, the first part a {} model", *part_arch, *arch));
    for (TensorInfo& t : part.tensors_) {
      t.part = no;
      tensors_.push_back(std::move(t));
    }
    part_paths_.push_back(part.path_);
    part.sources_.front()->drop_head();  // `part` and its metadata views end with this iteration
    sources_.push_back(std::move(part.sources_.front()));
  }
  index_tensors();
  if (tensors_.size() != *first.tensors)
    split_error(path_, fmt::format("the {} parts hold {} tensors, but {} says {}", first.count, tensors_.size(),
                                   k_split_tensors_count, *first.tensors));
  log::get("gguf")->debug("{}: split model, {} parts, {} tensors", path_.string(), first.count, tensors_.size());
}

void GgufFile::index_tensors() {
  tensor_index_.clear();
  for (size_t i = 0; i < tensors_.size(); ++i) {
    const auto [it, fresh] = tensor_index_.emplace(tensors_[i].name, i);
    if (!fresh) {
      const TensorInfo& other = tensors_[it->second];
      split_error(part_paths_[tensors_[i].part],
                  fmt::format("tensor '{}' is in part {} and in part {}", tensors_[i].name, other.part + 1,
                              tensors_[i].part + 1));
    }
  }
}

uint64_t GgufFile::file_size() const {
  uint64_t total = 0;
  for (const auto& s : sources_) total += s->size();
  return total;
}

void GgufFile::check_unchanged() const {
  for (const auto& s : sources_) s->check_unchanged();
}

const Value* GgufFile::find(std::string_view key) const {
  const auto it = metadata_index_.find(key);
  return it == metadata_index_.end() ? nullptr : &metadata_[it->second].value;
}

void GgufFile::drop_metadata() {
  std::vector<MetadataEntry>().swap(metadata_);
  std::unordered_map<std::string_view, size_t>().swap(metadata_index_);
  for (const auto& source : sources_) source->drop_head();
}

void GgufFile::fail_key(std::string_view key, const Value& v, std::string_view wanted) const {
  std::string got(value_type_name(v.type));
  if (const Array* a = std::get_if<Array>(&v.data)) got = fmt::format("array of {}", value_type_name(a->element_type));
  throw Error(ErrorCode::InvalidFile,
              fmt::format("{}: metadata '{}' is {}, expected {}", path_.string(), key, got, wanted));
}

std::optional<std::string> GgufFile::get_string(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return std::nullopt;
  const auto* s = std::get_if<std::string_view>(&v->data);
  if (!s) fail_key(key, *v, "a string");
  return std::string(*s);
}

std::optional<uint64_t> GgufFile::get_uint(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return std::nullopt;
  if (const auto* u = std::get_if<uint64_t>(&v->data)) return *u;
  if (const auto* i = std::get_if<int64_t>(&v->data)) {
    if (*i < 0)
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: metadata '{}' is {}, expected a non-negative integer", path_.string(), key, *i));
    return static_cast<uint64_t>(*i);
  }
  fail_key(key, *v, "an unsigned integer");
}

std::optional<int64_t> GgufFile::get_int(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return std::nullopt;
  if (const auto* i = std::get_if<int64_t>(&v->data)) return *i;
  if (const auto* u = std::get_if<uint64_t>(&v->data)) {
    if (*u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: metadata '{}' is {}, too large for a signed 64-bit integer", path_.string(), key, *u));
    return static_cast<int64_t>(*u);
  }
  fail_key(key, *v, "an integer");
}

std::optional<double> GgufFile::get_float(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return std::nullopt;
  if (const auto* d = std::get_if<double>(&v->data)) return *d;
  if (const auto* u = std::get_if<uint64_t>(&v->data)) return static_cast<double>(*u);
  if (const auto* i = std::get_if<int64_t>(&v->data)) return static_cast<double>(*i);
  fail_key(key, *v, "a number");
}

std::optional<bool> GgufFile::get_bool(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return std::nullopt;
  if (const auto* b = std::get_if<bool>(&v->data)) return *b;
  fail_key(key, *v, "a bool");
}

std::optional<uint64_t> GgufFile::get_array_size(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return std::nullopt;
  if (const auto* a = std::get_if<Array>(&v->data)) return a->size;
  fail_key(key, *v, "an array");
}

std::vector<std::string> GgufFile::get_string_array(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return {};
  const auto* a = std::get_if<Array>(&v->data);
  if (!a || a->element_type != ValueType::String) fail_key(key, *v, "an array of strings");
  return {a->strings.begin(), a->strings.end()};
}

std::vector<float> GgufFile::get_float_array(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return {};
  const auto* a = std::get_if<Array>(&v->data);
  if (!a || (a->element_type != ValueType::Float32 && a->element_type != ValueType::Float64))
    fail_key(key, *v, "an array of floats");
  std::vector<float> out(a->size);
  if (a->element_type == ValueType::Float32) {
    std::memcpy(out.data(), a->scalars.data(), a->scalars.size());
  } else {
    for (uint64_t i = 0; i < a->size; ++i) out[i] = static_cast<float>(load<double>(a->scalars.data() + 8 * i));
  }
  return out;
}

std::vector<int32_t> GgufFile::get_int_array(std::string_view key) const {
  const Value* v = find(key);
  if (!v) return {};
  const auto* a = std::get_if<Array>(&v->data);
  Value probe;
  if (a) probe.type = a->element_type;
  if (!a || !probe.is_integer()) fail_key(key, *v, "an array of integers");
  std::vector<int32_t> out(a->size);
  const std::byte* p = a->scalars.data();
  for (uint64_t i = 0; i < a->size; ++i) {
    int64_t x = 0;
    switch (a->element_type) {
      case ValueType::UInt8: x = load<uint8_t>(p + i); break;
      case ValueType::Int8: x = load<int8_t>(p + i); break;
      case ValueType::UInt16: x = load<uint16_t>(p + 2 * i); break;
      case ValueType::Int16: x = load<int16_t>(p + 2 * i); break;
      case ValueType::UInt32: x = load<uint32_t>(p + 4 * i); break;
      case ValueType::Int32: x = load<int32_t>(p + 4 * i); break;
      case ValueType::Int64: x = load<int64_t>(p + 8 * i); break;
      case ValueType::UInt64: {
        const uint64_t u = load<uint64_t>(p + 8 * i);
        x = u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ? std::numeric_limits<int64_t>::max()
                                                                           : static_cast<int64_t>(u);
        break;
      }
      default: break;
    }
    if (x < std::numeric_limits<int32_t>::min() || x > std::numeric_limits<int32_t>::max())
      throw Error(ErrorCode::InvalidFile, fmt::format("{}: metadata '{}' element {} is {}, outside the int32 range",
                                                      path_.string(), key, i, x));
    out[i] = static_cast<int32_t>(x);
  }
  return out;
}

const TensorInfo* GgufFile::find_tensor(std::string_view name) const {
  const auto it = tensor_index_.find(name);
  return it == tensor_index_.end() ? nullptr : &tensors_[it->second];
}

void GgufFile::read_tensor(const TensorInfo& tensor, std::span<std::byte> out) const {
  const Source* source = tensor.part < sources_.size() ? sources_[tensor.part].get() : nullptr;
  if (!source || tensor.offset > source->size() || tensor.bytes > source->size() - tensor.offset)
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: tensor '{}' does not lie in this model's files", path_.string(), tensor.name));
  if (out.size() != tensor.bytes)
    throw Error(ErrorCode::InvalidArgument, fmt::format("{}: tensor '{}' has {} bytes, not {}", path_.string(),
                                                        tensor.name, tensor.bytes, out.size()));
  source->read_at(tensor.offset, out);
}

std::vector<std::byte> GgufFile::tensor_data(const TensorInfo& tensor) const {
  std::vector<std::byte> out(tensor.bytes);
  read_tensor(tensor, out);
  return out;
}

// ---------------------------------------------------------------------------------------------

namespace {

std::string quote(std::string_view s, size_t max_chars) {
  std::string out = "\"";
  size_t n = 0;
  for (char ch : s) {
    if (n++ == max_chars) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
        else out += ch;
    }
  }
  if (n <= max_chars) out += "\"";
  return out;
}

std::string format_array_scalar(const Array& a, uint64_t i) {
  const std::byte* p = a.scalars.data();
  switch (a.element_type) {
    case ValueType::UInt8: return fmt::format("{}", load<uint8_t>(p + i));
    case ValueType::Int8: return fmt::format("{}", load<int8_t>(p + i));
    case ValueType::UInt16: return fmt::format("{}", load<uint16_t>(p + 2 * i));
    case ValueType::Int16: return fmt::format("{}", load<int16_t>(p + 2 * i));
    case ValueType::UInt32: return fmt::format("{}", load<uint32_t>(p + 4 * i));
    case ValueType::Int32: return fmt::format("{}", load<int32_t>(p + 4 * i));
    case ValueType::UInt64: return fmt::format("{}", load<uint64_t>(p + 8 * i));
    case ValueType::Int64: return fmt::format("{}", load<int64_t>(p + 8 * i));
    case ValueType::Float32: return fmt::format("{}", load<float>(p + 4 * i));
    case ValueType::Float64: return fmt::format("{}", load<double>(p + 8 * i));
    case ValueType::Bool: return load<uint8_t>(p + i) ? "true" : "false";
    default: return "?";
  }
}

} // namespace

std::string format_value(const Value& value, size_t max_array_items, size_t max_string_chars) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string_view>) {
          return quote(x, max_string_chars);
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, Array>) {
          std::string out = fmt::format("[{} × {}]", value_type_name(x.element_type), x.size);
          const uint64_t shown = std::min<uint64_t>(x.size, max_array_items);
          for (uint64_t i = 0; i < shown; ++i) {
            out += i == 0 ? " " : ", ";
            if (x.element_type == ValueType::String) out += quote(x.strings[i], 40);
            else if (x.element_type == ValueType::Array) out += format_value(x.arrays[i], 4, 40);
            else out += format_array_scalar(x, i);
          }
          if (shown < x.size) out += ", ...";
          return out;
        } else if constexpr (std::is_same_v<T, double>) {
          // float32 values print at float precision (1e-05, not 9.999999747378752e-06).
          return value.type == ValueType::Float32 ? fmt::format("{}", static_cast<float>(x)) : fmt::format("{}", x);
        } else {
          return fmt::format("{}", x);
        }
      },
      value.data);
}

} // namespace sikao::gguf
