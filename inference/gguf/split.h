#pragma once
// Split models as llama.cpp's gguf-split writes them: a model in parts named
// NAME-00001-of-00003.gguf, NAME-00002-of-00003.gguf, … (part numbers from 1, five digits).
// Every part is a complete GGUF file with its own tensor table and data section (tensor offsets
// relative to its own data section), holding a subset of the tensors. The first part holds all
// of the model's metadata; every part has
//   split.no             u16  the part's index, from 0
//   split.count          u16  how many parts
//   split.tensors.count  i32  tensors over all parts
// and the parts after the first have no other metadata. GgufFile::open joins the parts.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "gguf/writer.h"

namespace sikao::gguf {

inline constexpr std::string_view k_split_no = "split.no";
inline constexpr std::string_view k_split_count = "split.count";
inline constexpr std::string_view k_split_tensors_count = "split.tensors.count";

// What a part's file name says: PREFIX-00002-of-00003.gguf is part 1 (from 0) of 3.
struct SplitName {
  std::filesystem::path prefix;
  uint32_t no = 0;  // from 0
  uint32_t count = 0;
};

// nullopt when the name is not of that form (or says part 0, or a part past the count).
std::optional<SplitName> parse_split_name(const std::filesystem::path& path);
// PREFIX-{no+1:05}-of-{count:05}.gguf
std::filesystem::path split_part_path(const std::filesystem::path& prefix, uint32_t no,
                                      uint32_t count);

// Writes `source` as gguf-split --split-max-tensors does: tensors in file order, at most
// `max_tensors_per_part` in each part; returns the parts' paths, first part first. The parts
// written before a failure are removed. Error(InvalidArgument) for a limit of 0 or more than
// 65535 parts, Error(Unsupported) for a source whose alignment is not 32 (the writer's).
std::vector<std::filesystem::path> write_split(const GgufFile& source,
                                               const std::filesystem::path& prefix,
                                               uint32_t max_tensors_per_part, Overwrite overwrite);

}  // namespace sikao::gguf
