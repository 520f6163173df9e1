#include "gguf/split.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>

#include "common/error.h"

namespace sikao::gguf {
namespace {

constexpr uint32_t k_max_parts = 65535;  // split.count is a u16
constexpr uint64_t k_writer_alignment = 32;

// A run of exactly five decimal digits.
std::optional<uint32_t> five_digits(std::string_view s) {
  if (s.size() != 5 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  uint32_t n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

}  // namespace

std::optional<SplitName> parse_split_name(const std::filesystem::path& path) {
  // "-00002-of-00003.gguf": 20 characters after the prefix.
  static constexpr std::string_view k_suffix = ".gguf";
  const std::string name = path.filename().string();
  if (name.size() <= 20 || !name.ends_with(k_suffix)) {
    return std::nullopt;
  }
  const std::string_view tail = std::string_view(name).substr(name.size() - 20);
  if (tail[0] != '-' || tail.substr(6, 4) != "-of-") {
    return std::nullopt;
  }
  const auto no = five_digits(tail.substr(1, 5));
  const auto count = five_digits(tail.substr(10, 5));
  if (!no || !count || *no == 0 || *no > *count) {
    return std::nullopt;
  }
  return SplitName{path.parent_path() / name.substr(0, name.size() - 20), *no - 1, *count};
}

std::filesystem::path split_part_path(const std::filesystem::path& prefix, uint32_t no,
                                      uint32_t count) {
  std::filesystem::path p = prefix;
  p += fmt::format("-{:05}-of-{:05}.gguf", no + 1, count);
  return p;
}

std::vector<std::filesystem::path> write_split(const GgufFile& source,
                                               const std::filesystem::path& prefix,
                                               uint32_t max_tensors_per_part, Overwrite overwrite) {
  const auto& tensors = source.tensors();
  if (max_tensors_per_part == 0) {
    throw Error(ErrorCode::InvalidArgument, "a split part must hold at least one tensor");
  }
  const uint64_t parts =
      std::max<uint64_t>(1, (tensors.size() + max_tensors_per_part - 1) / max_tensors_per_part);
  if (parts > k_max_parts) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} tensors at {} a part make {} parts; a split model has at most {}",
                            tensors.size(), max_tensors_per_part, parts, k_max_parts));
  }
  if (source.alignment() != k_writer_alignment) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: cannot split a file aligned to {} bytes (only {})",
                            source.path().string(), source.alignment(), k_writer_alignment));
  }
  const auto count = static_cast<uint32_t>(parts);
  std::vector<std::filesystem::path> written;
  try {
    for (uint32_t no = 0; no < count; ++no) {
      GgufWriter w;
      if (no == 0) {
        for (const MetadataEntry& kv : source.metadata()) {
          if (!kv.key.starts_with("split.")) w.set_value(kv.key, kv.value);
        }
      }
      w.set_u16(k_split_no, static_cast<uint16_t>(no));
      w.set_u16(k_split_count, static_cast<uint16_t>(count));
      w.set_i32(k_split_tensors_count, static_cast<int32_t>(tensors.size()));
      const size_t first = size_t{no} * max_tensors_per_part;
      const size_t last = std::min(tensors.size(), first + max_tensors_per_part);
      for (size_t i = first; i < last; ++i) {
        w.add_tensor({tensors[i].name, tensors[i].type, tensors[i].dims});
      }
      const std::filesystem::path path = split_part_path(prefix, no, count);
      w.begin(path, overwrite);
      for (size_t i = first; i < last; ++i) {
        w.write(source.tensor_data(tensors[i]));
      }
      w.finish();
      written.push_back(path);
    }
  } catch (...) {
    for (const auto& path : written) {
      std::error_code ec;
      std::filesystem::remove(path,
                              ec);  // parts this call created: a half-written model is no model
    }
    throw;
  }
  return written;
}

}  // namespace sikao::gguf
